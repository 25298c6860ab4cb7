"""Across articles: the same claim recognised in many articles (clusters) and its status over time.

    from claimtrail.trail import cluster_store, timeline
    with open_store("claimtrail.db") as store:
        cluster_store(store)            # cluster the claims stored since the last run
        timeline(store, 3)              # cluster 3: ClusterTimeline (events by date, status changes)

Nothing heavy is imported here: ``trail.timeline`` is pure Python (the store reads it), and
numpy and the embedding model load only when ``cluster_store`` runs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..store.base import Store
    from ..store.queries import ClusterTimeline
    from .clusters import ClusterStats


def cluster_store(store: "Store", **kwargs: Any) -> "ClusterStats":
    """Cluster the store's unclustered claims (``rebuild=True``: all of them); see ``trail.clusters``."""
    from .clusters import cluster_store as run

    return run(store, **kwargs)


def timeline(store: "Store", cluster_id: int) -> "ClusterTimeline | None":
    """One cluster's timeline: its claims by publication date, status changes and who made them."""
    return store.cluster(cluster_id)  # type: ignore[attr-defined]
