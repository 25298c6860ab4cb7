"""The store over SQL, shared by the SQLite and PostgreSQL backends.

Both speak the same schema (``migrations/<dialect>/NNNN_*.sql``, applied in order, each in one
transaction, with the version in ``schema_version``) and the same queries; a backend gives the
connection, its transactions, its parameter mark, its full-text search and its error messages.
"""
from __future__ import annotations

import json
import re
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from ..model import Dossier, Failure, dossier_from_dict
from .browse import BrowseQueries
from .clusters import ClusterQueries
from .base import (Appearance, ArticleRef, ClaimEvent, Counts, Statement, Store, StoreError, StoredFailure,
                   content_hash, norm_name)

_COMMENT = re.compile(r"--[^\n]*")
_STATEMENT_END = re.compile(r";\s*(?:\n|$)")


def migrations(dialect: str) -> list[tuple[int, str]]:
    """(version, SQL) for every migration file the project ships for ``dialect``, in order."""
    folder = resources.files("claimtrail.store") / "migrations" / dialect
    found = []
    for f in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", f.name)
        if m:
            found.append((int(m.group(1)), f.read_text(encoding="utf-8")))
    return sorted(found)


def split_sql(script: str) -> list[str]:
    """A migration file as statements (our files keep ``;`` only at line ends and out of strings)."""
    return [s.strip() for s in _STATEMENT_END.split(_COMMENT.sub("", script)) if s.strip()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SqlStore(BrowseQueries, ClusterQueries, Store):
    DIALECT = ""
    PARAM = "?"

    def __init__(self, url: str) -> None:
        self.url = url

    # --- what a backend provides -------------------------------------------------------------
    @abstractmethod
    def _tx(self) -> AbstractContextManager[None]:
        """One write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction block)."""

    @abstractmethod
    def _cursor_exec(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _migration_lock(self) -> None:
        """Called first inside the migration transaction, so two processes never migrate at once."""

    @abstractmethod
    def _table_exists(self, name: str) -> bool: ...

    def _index_text(self, article: int, title: str | None, text: str) -> None:
        """Add an article to the full-text index (PostgreSQL's is a generated column: nothing to do)."""

    # --- schema ----------------------------------------------------------------------------------
    def _q(self, sql: str) -> str:
        return sql if self.PARAM == "?" else sql.replace("?", self.PARAM)

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor_exec(self._q(sql), params)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._cursor_many(self._q(sql), rows)

    def schema_version(self) -> int:
        if not self._table_exists("schema_version"):
            return 0
        row = self._exec("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        steps = migrations(self.DIALECT)
        latest = steps[-1][0]
        if self.schema_version() == latest:  # nothing to write: a read-only store opens fine
            return
        with self._tx():
            self._migration_lock()
            self._exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
            current = self.schema_version()
            if current > latest:
                raise StoreError("schema-too-new",
                                 f"{self.url}: the store was written by a newer claimtrail (schema version "
                                 f"{current}; this claimtrail knows up to {latest}); upgrade claimtrail to use it")
            for version, script in steps:
                if version > current:
                    for statement in split_sql(script):
                        self._exec(statement)
                    after = getattr(self, f"_after_migration_{version}", None)
                    if after is not None:  # a data step SQL cannot do (browse.py: names folded in Python)
                        after()
                    self._exec("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, _now()))

    # --- writing ---------------------------------------------------------------------------------
    def put(self, dossier: Dossier, origin: str | None = None) -> bool:
        doc = dossier.document
        with self._tx():
            row = self._exec(
                "INSERT INTO articles (content_hash, doc_id, title, published, source, url, origin, stored_at, "
                "text, dossier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING "
                "RETURNING id",
                (content_hash(doc.text), doc.id, doc.title, doc.published, doc.source, doc.url, origin, _now(),
                 doc.text, json.dumps(dossier.to_dict(), ensure_ascii=False))).fetchone()
            if row is None:
                return False
            article = int(row[0])
            self._index_text(article, doc.title, doc.text)
            entity_rows = self._put_entities(article, dossier)
            self._put_statements(article, dossier, entity_rows)
            self._put_claims(article, dossier, entity_rows)
            self._index_for_browsing(article, dossier)  # browse.py: listing columns and the entity list
            if origin:
                self._exec("DELETE FROM failures WHERE origin = ?", (origin,))
        return True

    def _put_entities(self, article: int, dossier: Dossier) -> dict[str, int]:
        rows: dict[str, int] = {}
        names: list[tuple[str, int]] = []
        for e in dossier.entities:
            roles = json.dumps(sorted({r.title or r.text for r in e.roles}), ensure_ascii=False)
            rid = int(self._exec("INSERT INTO entities (article, entity, name, type, roles, norm) "
                                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                 (article, e.id, e.name, e.type, roles, norm_name(e.name))).fetchone()[0])
            rows[e.id] = rid
            aliases = {norm_name(e.name)} | {norm_name(m.text) for m in e.mentions if m.kind == "name"}
            names.extend((n, rid) for n in sorted(aliases) if n)
        self._many("INSERT INTO names (norm, entity) VALUES (?, ?)", names)
        return rows

    def _put_statements(self, article: int, dossier: Dossier, entity_rows: dict[str, int]) -> None:
        self._many(
            "INSERT INTO statements (article, attribution, entity, source, kind, stance, cue, content) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article, a.id, entity_rows.get(a.source.entity or "") if a.source else None,
              a.source.text if a.source else None, a.kind, a.stance, a.cue.text, a.content.text)
             for a in dossier.attributions])

    def _put_claims(self, article: int, dossier: Dossier, entity_rows: dict[str, int]) -> None:
        by_id = {a.id: a for a in dossier.attributions}
        about: list[tuple[int, int]] = []
        for c in dossier.claims:
            evidence = []
            for aid in c.evidence:
                a = by_id.get(aid)
                if a is not None:
                    who = dossier.entity(a.source.entity) if a.source else None
                    evidence.append({"source": who.name if who else (a.source.text if a.source else None),
                                     "stance": a.stance})
            cid = int(self._exec("INSERT INTO claims (article, claim, text, status, evidence) VALUES (?, ?, ?, ?, ?) "
                                 "RETURNING id", (article, c.id, c.text, c.status,
                                                  json.dumps(evidence, ensure_ascii=False))).fetchone()[0])
            about.extend((cid, entity_rows[e]) for e in dict.fromkeys(c.about) if e in entity_rows)
        self._many("INSERT INTO claim_about (claim, entity) VALUES (?, ?)", about)

    def put_failure(self, failure: Failure) -> None:
        with self._tx():
            self._exec(
                "INSERT INTO failures (origin, code, message, doc_id, attempts, failed_at) VALUES (?, ?, ?, ?, 1, ?) "
                "ON CONFLICT (origin) DO UPDATE SET code = excluded.code, message = excluded.message, "
                "doc_id = excluded.doc_id, attempts = failures.attempts + 1, failed_at = excluded.failed_at",
                (failure.origin, failure.code, failure.message, failure.id, _now()))

    def clear_failure(self, origin: str) -> None:
        with self._tx():
            self._exec("DELETE FROM failures WHERE origin = ?", (origin,))

    # --- reading ---------------------------------------------------------------------------------
    def has(self, content_hash: str) -> bool:
        return self._exec("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def get(self, key: str) -> Dossier | None:
        row = self._exec("SELECT dossier FROM articles WHERE content_hash = ? UNION ALL "
                         "SELECT dossier FROM (SELECT dossier FROM articles WHERE doc_id = ? ORDER BY id LIMIT 1) d",
                         (key, key)).fetchone()
        return dossier_from_dict(json.loads(row[0])) if row else None

    def failures(self) -> list[StoredFailure]:
        rows = self._exec("SELECT origin, code, message, doc_id, attempts, failed_at FROM failures ORDER BY origin")
        return [StoredFailure(*r) for r in rows.fetchall()]

    _REF = "a.doc_id, a.content_hash, a.title, a.published"
    _BY_DATE = "a.published IS NULL, a.published, a.id"

    def who(self, name: str, limit: int = 100) -> list[Appearance]:
        rows = self._exec(
            f"SELECT e.id, e.entity, e.name, e.type, e.roles, {self._REF} FROM names n "
            "JOIN entities e ON e.id = n.entity JOIN articles a ON a.id = e.article "
            f"WHERE n.norm = ? ORDER BY {self._BY_DATE}, e.id LIMIT ?", (norm_name(name), limit)).fetchall()
        said: dict[int, list[Statement]] = {}
        if rows:
            marks = ", ".join("?" for _ in rows)
            for r in self._exec(f"SELECT entity, attribution, kind, stance, cue, content FROM statements "
                                f"WHERE entity IN ({marks}) ORDER BY id", [r[0] for r in rows]).fetchall():
                said.setdefault(r[0], []).append(Statement(*r[1:]))
        return [Appearance(ArticleRef(*r[5:9]), r[1], r[2], r[3], tuple(json.loads(r[4])), tuple(said.get(r[0], ())))
                for r in rows]

    def claims_about(self, name: str, limit: int = 500) -> list[ClaimEvent]:
        rows = self._exec(
            f"SELECT c.id, c.claim, c.text, c.status, c.evidence, {self._REF} FROM names n "
            "JOIN claim_about ca ON ca.entity = n.entity JOIN claims c ON c.id = ca.claim "
            f"JOIN articles a ON a.id = c.article WHERE n.norm = ? ORDER BY {self._BY_DATE}, c.id LIMIT ?",
            (norm_name(name), limit)).fetchall()
        seen: set[int] = set()
        events = []
        for r in rows:  # two entities of one article may share an alias: list their claim once
            if r[0] not in seen:
                seen.add(r[0])
                events.append(ClaimEvent(ArticleRef(*r[5:9]), r[1], r[2], r[3], tuple(json.loads(r[4]))))
        return events

    def dossiers(self) -> Iterator[Dossier]:
        last = 0
        while True:  # in pages, so a large store is never held in memory or in one long read
            rows = self._exec("SELECT id, dossier FROM articles WHERE id > ? ORDER BY id LIMIT 500", (last,)).fetchall()
            if not rows:
                return
            for _, data in rows:
                yield dossier_from_dict(json.loads(data))
            last = rows[-1][0]

    def counts(self) -> Counts:
        def n(table: str) -> int:
            return int(self._exec(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        return Counts(n("articles"), n("entities"), n("statements"), n("claims"), n("failures"))
