"""Claim clusters in a SQL store: the same claim across articles, and its status over time."""
from __future__ import annotations

from .queries import ClusterSummary, ClusterTimeline, Filter, Page


class ClusterQueries:
    """Mixed into ``SqlStore``; uses its ``_exec`` and ``_tx``."""

    def list_clusters(self, f: Filter = Filter()) -> Page[ClusterSummary]:
        raise NotImplementedError

    def cluster(self, cluster_id: int) -> ClusterTimeline | None:
        raise NotImplementedError
