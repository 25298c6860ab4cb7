"""The corpus store: dossiers and failures of many articles, and queries across them.

``open_store(url)`` gives a ``Store``: a path or ``sqlite:///path`` is a SQLite file (the default,
``claimtrail.db``), ``postgresql://…`` a PostgreSQL database. No spaCy is imported here.
"""
from __future__ import annotations

from pathlib import Path

from .base import (Appearance, ArticleRef, ClaimEvent, SearchHit, Store, StoredFailure, StoreError,
                   content_hash, norm_name)

DEFAULT_DB = "claimtrail.db"

__all__ = ["open_store", "DEFAULT_DB", "Store", "StoreError", "Appearance", "ArticleRef", "ClaimEvent",
           "SearchHit", "StoredFailure", "content_hash", "norm_name"]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str = DEFAULT_DB, *, create: bool = True, read_only: bool = False) -> Store:
    """The store at ``url``; with ``create=False`` a missing SQLite file is an error, not a new store."""
    if is_postgres(url):
        from .postgres import PostgresStore

        return PostgresStore(url)
    path = Path(url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url)
    if not create and not path.exists():
        raise StoreError("no-store", f"{path}: no claimtrail store here yet (run `claimtrail ingest PATH… --db "
                                     f"{url}` first)")
    from .sqlite import SqliteStore

    return SqliteStore(path, read_only=read_only)
