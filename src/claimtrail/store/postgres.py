"""The PostgreSQL store (psycopg 3; the ``postgres`` extra): the same schema and queries as SQLite,
with a generated ``tsvector`` column and a GIN index for full-text search.

Each article is one transaction; migrations run under an advisory lock, so two ingests started at
once against an empty database do not both create the schema.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .base import ArticleRef, SearchHit, StoreError
from .sql import SqlStore

_MIGRATION_LOCK = 0x436C5452  # an arbitrary, fixed advisory-lock key for claimtrail's migrations


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError("no-driver", "PostgreSQL stores need psycopg: pip install 'claimtrail[postgres]'") from None
    return psycopg


class PostgresStore(SqlStore):
    DIALECT = "postgres"
    PARAM = "%s"
    RANK_CAP = 5000  # matches past which search gives the newest hits rather than the best-ranked

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._pg = _psycopg()
        try:
            self.conn = self._pg.connect(url, autocommit=True, connect_timeout=10)
        except self._pg.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError("unreachable", f"{self._safe_url()}: cannot connect to PostgreSQL ({first})") from None
        try:
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    def _safe_url(self) -> str:
        """The URL without its password, for messages."""
        head, sep, tail = self.url.rpartition("@")
        if not sep or ":" not in head.split("//", 1)[-1]:
            return self.url
        scheme, _, cred = head.partition("//")
        return f"{scheme}//{cred.split(':', 1)[0]}:***@{tail}"

    def _error(self, exc: Exception) -> StoreError:
        errors = self._pg.errors
        where = self._safe_url()
        if isinstance(exc, (errors.LockNotAvailable, errors.DeadlockDetected)):
            return StoreError("locked", f"{where}: the database is locked by another session; try again")
        if isinstance(exc, (errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
            return StoreError("read-only", f"{where}: this connection may not write ({exc})")
        if isinstance(exc, self._pg.OperationalError):
            return StoreError("unreachable", f"{where}: the PostgreSQL connection failed ({exc})")
        return StoreError("store", f"{where}: {exc}")

    def _cursor_exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except self._pg.Error as exc:
            if isinstance(exc, self._pg.IntegrityError):
                raise
            raise self._error(exc) from None

    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.executemany(sql, rows)
        except self._pg.Error as exc:
            raise self._error(exc) from None

    @contextmanager
    def _tx(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _migration_lock(self) -> None:
        self._cursor_exec("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))

    def _table_exists(self, name: str) -> bool:
        return bool(self._cursor_exec("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0])

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        words = re.findall(r"\w+", text)
        if not words:
            return []
        # All the words, as SQLite's search takes them (no query syntax from the user's text). Rank
        # and cut first; the (costly) headline is made for the rows shown only. As in SQLite, past
        # RANK_CAP matches the newest stored come first instead of ranking them all.
        query = " ".join(words)
        many = self._cursor_exec("SELECT COUNT(*) FROM (SELECT 1 FROM articles WHERE tsv @@ "
                                 "plainto_tsquery('english', %s) LIMIT %s) m", (query, self.RANK_CAP)
                                 ).fetchone()[0] >= self.RANK_CAP
        order = "a.id DESC" if many else "r DESC, a.id"
        rows = self._cursor_exec(
            "SELECT doc_id, content_hash, title, published, "
            "ts_headline('english', text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8') FROM ("
            "SELECT a.id, a.doc_id, a.content_hash, a.title, a.published, a.text, q, ts_rank(a.tsv, q) AS r "
            "FROM articles a, plainto_tsquery('english', %s) q WHERE a.tsv @@ q "
            f"ORDER BY {order} LIMIT %s OFFSET %s) hits ORDER BY {order.replace('a.', '')}",
            (query, limit, max(0, offset))).fetchall()
        return [SearchHit(ArticleRef(*r[:4]), r[4]) for r in rows]

    def close(self) -> None:
        self.conn.close()
