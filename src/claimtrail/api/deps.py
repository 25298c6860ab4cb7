"""What every request needs: the serve settings, a store, and (for analysis) the one pipeline.

Shared by the REST API (``api/``) and the web app (``web/``); neither imports spaCy: the pipeline
is reached through ``claimtrail.analyze``-style calls that load it on first use.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fastapi import Request

from ..model import Dossier
from ..store import DEFAULT_DB, Store, open_store


@dataclass(frozen=True)
class ServeSettings:
    db: str = DEFAULT_DB
    read_token: str | None = None  # None: reading is open
    write_token: str | None = None  # None: writing endpoints are refused (no token configured)


def get_settings(request: Request) -> ServeSettings:
    return request.app.state.settings


def get_store(request: Request) -> Iterator[Store]:
    """A store for one request (opened per request: SQLite connections belong to one thread)."""
    store = open_store(get_settings(request).db)
    try:
        yield store
    finally:
        store.close()


def analyze_text(text: str, published: str | None = None, *, html: bool = False) -> Dossier:
    """Analyse one posted article without storing it (the pipeline loads once per process)."""
    from .. import analyze

    if html:
        raise NotImplementedError("the API helper wires HTML through claimtrail.ingest")
    return analyze(text, published=published)
