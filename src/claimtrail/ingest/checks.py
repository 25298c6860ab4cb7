"""Checks an article must pass before analysis (placeholder: to be completed)."""
from __future__ import annotations

from ..config import Options
from ..model import Article, Failure


def check_article(art: Article, options: Options) -> Failure | None:
    if not art.text.strip():
        return Failure(origin=art.origin or "-", code="empty", message="the article is empty", id=art.id)
    return None
