"""The SQLite store: one file, nothing to start (stdlib ``sqlite3``, FTS5 for search).

WAL journal, so readers never wait for the ingest and a killed writer leaves no half-article: each
article is written in one ``BEGIN IMMEDIATE … COMMIT``, and a transaction that never committed is
rolled back when the file is next opened. ``synchronous=NORMAL``: safe against a killed process
(``kill -9``); a power cut may lose the last few commits, never half of one.
"""
from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import ArticleRef, SearchHit, StoreError
from .sql import SqlStore


class SqliteStore(SqlStore):
    DIALECT = "sqlite"
    PARAM = "?"
    RANK_CAP = 5000  # matches past which search gives the newest hits rather than the best-ranked

    def __init__(self, path: str | Path, *, read_only: bool = False, timeout: float = 10.0) -> None:
        super().__init__(str(path))
        self.path = Path(path)
        # Opened read-only when asked, or when the file or its folder cannot be written (WAL needs both).
        self.read_only = read_only or (self.path.exists() and not (
            os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)))
        try:
            uri = self.path.resolve().as_uri() + ("?mode=ro" if self.read_only else "")
            self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                                        check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            if not self.read_only:
                self._cursor_exec("PRAGMA journal_mode=WAL")
                self._cursor_exec("PRAGMA synchronous=NORMAL")
            self._cursor_exec("PRAGMA foreign_keys=ON")
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    def _error(self, exc: sqlite3.Error) -> StoreError:
        msg = str(exc).lower()
        where = str(self.path)
        if "locked" in msg or "busy" in msg:
            return StoreError("locked", f"{where}: the database is locked by another process (another ingest "
                                        f"still running?); try again when it has finished")
        if "readonly" in msg or "read-only" in msg:
            return StoreError("read-only", f"{where}: the database file (or its folder) is read-only; claimtrail "
                                           f"can read it but not add to it — use a writable copy or another --db")
        if "not a database" in msg or "malformed" in msg:
            return StoreError("not-a-store", f"{where}: this file is not a claimtrail SQLite store ({exc})")
        if "unable to open" in msg:
            return StoreError("unreadable", f"{where}: the database file cannot be opened (does its folder exist, "
                                            f"and may it be read?)")
        return StoreError("store", f"{where}: {exc}")

    def _cursor_exec(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            raise self._error(exc) from None

    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None

    @contextmanager
    def _tx(self) -> Iterator[None]:
        if self.read_only:
            raise self._error(sqlite3.OperationalError("attempt to write a readonly database"))
        self._cursor_exec("BEGIN IMMEDIATE")  # take the write lock now: no deadlock halfway through
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._cursor_exec("COMMIT")

    def _migration_lock(self) -> None:
        pass  # BEGIN IMMEDIATE already holds the only write lock

    def _table_exists(self, name: str) -> bool:
        return self._cursor_exec("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def _index_text(self, article: int, title: str | None, text: str) -> None:
        self._cursor_exec("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (article, title or "", text))

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        words = re.findall(r"\w+", text)
        if not words:
            return []
        # Every word as a quoted string: FTS5 syntax in the user's text ("AND", "-", ":") is not run.
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        # Ranking scores every match: fine for "resignation", slow for a word in most articles. Past
        # RANK_CAP matches the hits come newest-stored first instead, which FTS5 reads lazily.
        many = self._cursor_exec("SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts "
                                 "MATCH ? LIMIT ?)", (match, self.RANK_CAP)).fetchone()[0] >= self.RANK_CAP
        rows = self._cursor_exec(
            "SELECT a.doc_id, a.content_hash, a.title, a.published, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
            "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
            f"ORDER BY {'articles_fts.rowid DESC' if many else 'rank'} LIMIT ? OFFSET ?",
            (match, limit, max(0, offset))).fetchall()
        return [SearchHit(ArticleRef(*r[:4]), r[4]) for r in rows]

    def close(self) -> None:
        self.conn.close()
