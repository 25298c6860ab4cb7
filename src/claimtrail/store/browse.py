"""Paged listings over a SQL store (articles, entities, attributions, claims), shared by both backends."""
from __future__ import annotations

from .queries import ArticleSummary, AttributionRow, ClaimRow, EntitySummary, Filter, Page


class BrowseQueries:
    """Mixed into ``SqlStore``; uses its ``_exec`` (``?`` marks, rewritten per backend)."""

    def list_articles(self, f: Filter = Filter()) -> Page[ArticleSummary]:
        raise NotImplementedError

    def list_entities(self, f: Filter = Filter(), *, prefix: str | None = None,
                      type: str | None = None) -> Page[EntitySummary]:
        raise NotImplementedError

    def list_attributions(self, f: Filter = Filter()) -> Page[AttributionRow]:
        raise NotImplementedError

    def list_claims(self, f: Filter = Filter(), *, cluster: int | None = None) -> Page[ClaimRow]:
        raise NotImplementedError
