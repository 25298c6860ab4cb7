"""The NLP stages: spaCy lives here and nowhere else in claimtrail."""
