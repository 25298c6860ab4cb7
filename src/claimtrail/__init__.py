"""claimtrail: who said what, about whom, when, and how sure anyone is.

Public API::

    import claimtrail
    dossier = claimtrail.analyze(text, published="2026-03-11")
    pipeline = claimtrail.Pipeline()
    for dossier in pipeline.pipe(articles): ...
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .config import Options
from .errors import ClaimtrailError
from .model import (Article, Attribution, Claim, Content, Document, Dossier, Entity, Failure, Flag,
                    Mention, Role, Source, Span, Timex, dossier_from_dict)

if TYPE_CHECKING:
    from .nlp.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = ["analyze", "Pipeline", "Options", "ClaimtrailError", "Article", "Attribution", "Claim",
           "Content", "Document", "Dossier", "Entity", "Failure", "Flag", "Mention", "Role", "Source",
           "Span", "Timex", "dossier_from_dict"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Pipeline pulls in spaCy: import it only when asked for, so the store/API/UI never load spaCy.
    if name == "Pipeline":
        from .nlp.pipeline import Pipeline
        return Pipeline
    raise AttributeError(name)


@lru_cache(maxsize=1)
def _default_pipeline() -> "Pipeline":
    from .nlp.pipeline import Pipeline
    return Pipeline()


def analyze(text: str, published: str | None = None) -> Dossier:
    """Analyse one article's text; ``published`` is its ISO publication date if known."""
    return _default_pipeline().analyze(text, published=published)
