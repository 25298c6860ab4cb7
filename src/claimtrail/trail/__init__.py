"""Across articles: the same claim recognised in many articles (clusters) and its status over time."""
