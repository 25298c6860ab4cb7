"""Paged listings over a SQL store (articles, entities, attributions, claims), shared by both backends.

Every listing runs newest first (undated last, then by storage order, so paging is stable) and
says how many rows matched in all. Migration 0003 gives what keeps a page cheap on a large store:
each statement and claim carries its article's publication date, so a listing with a stance,
status or date filter reads one index in order and stops at the page's end; and ``entity_names``
holds one row per name with its counts, kept up to date by ``put``, so the entity list is read
from it rather than counted over every entity (a date-limited entity list still counts: rarer).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import Dossier
from .base import ArticleRef, StoreError, norm_name
from .queries import MAX_LIMIT, ArticleSummary, AttributionRow, ClaimRow, EntitySummary, Filter, Page

_REF = "a.doc_id, a.content_hash, a.title, a.published"
# Newest first, undated last. SQLite sorts NULL lowest, so DESC puts it last by itself; PostgreSQL
# needs NULLS LAST. Either way the order is exactly that of an index of migration 0003.
_NULLS_LAST = {"sqlite": "", "postgres": " NULLS LAST"}


class _Where:
    """WHERE clauses and their parameters, built up filter by filter (always ``?`` marks)."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def dates(self, f: Filter, column: str = "a.published") -> None:
        # ISO dates compare as text; an undated article fails both tests (NULL), as Filter says.
        if f.date_from:
            self.add(f"{column} >= ?", f.date_from)
        if f.date_to:
            self.add(f"{column} <= ?", f.date_to)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _bounds(f: Filter) -> tuple[int, int]:
    """The page's offset and limit, clamped: a listing never reads more than MAX_LIMIT rows."""
    return max(0, int(f.offset)), max(0, min(int(f.limit), MAX_LIMIT))


class BrowseQueries:
    """Mixed into ``SqlStore``; uses its ``_exec`` (``?`` marks, rewritten per backend)."""

    DIALECT: str
    if TYPE_CHECKING:
        def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any: ...  # SqlStore's

        def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def _newest(self, table: str, article: str) -> str:
        """The newest-first order over ``table`` (alias), whose article id is column ``article``."""
        return f"{table}.published DESC{_NULLS_LAST.get(self.DIALECT, '')}, {table}.{article} DESC"

    def _page(self, table: str, select: str, where: _Where, order: str, f: Filter) -> tuple[list[Any], int, int, int]:
        """Count the rows of ``table`` ("statements s") that match, then read one page of them.

        The page's ids are picked from ``table`` alone (an index read in order, skipping ``offset``
        entries cheaply) and only those rows are joined and read in full by ``select``."""
        offset, limit = _bounds(f)
        key = f"{table.split()[-1]}.id"
        total = int(self._exec(f"SELECT COUNT(*) FROM {table}{where.sql()}", where.params).fetchone()[0])
        rows = [] if limit == 0 or offset >= total else self._exec(
            f"{select} WHERE {key} IN (SELECT {key} FROM {table}{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?) "
            f"ORDER BY {order}", [*where.params, limit, offset]).fetchall()
        return rows, total, offset, limit

    # --- articles ---------------------------------------------------------------------------------
    def list_articles(self, f: Filter = Filter()) -> Page[ArticleSummary]:
        where = _Where()
        if f.entity:
            where.add("a.id IN (SELECT e.article FROM names n JOIN entities e ON e.id = n.entity WHERE n.norm = ?)",
                      norm_name(f.entity))
        where.dates(f)
        rows, total, offset, limit = self._page(
            "articles a", f"SELECT {_REF}, a.source, a.url, (SELECT COUNT(*) FROM entities e WHERE e.article = a.id), "
            "(SELECT COUNT(*) FROM statements s WHERE s.article = a.id), "
            "(SELECT COUNT(*) FROM claims c WHERE c.article = a.id) FROM articles a", where, self._newest("a", "id"), f)
        return Page(tuple(ArticleSummary(ArticleRef(*r[:4]), r[4], r[5], int(r[6]), int(r[7]), int(r[8]))
                          for r in rows), total, offset, limit)

    # --- entities ---------------------------------------------------------------------------------
    def list_entities(self, f: Filter = Filter(), *, prefix: str | None = None,
                      type: str | None = None) -> Page[EntitySummary]:
        """Names across the corpus, those in most articles first. ``prefix`` matches the start of any
        word of the normalised full name: "orb" and "vik" both find "Viktor Orbán". A date range
        counts appearances and statements in articles of that range only (roles are every role
        the name was given in the store). ``f.entity``, ``status`` and ``stance`` do not apply."""
        where = _Where()
        where.add("e.norm <> ''")  # a name that folds to nothing ("…") is no name to list
        p = norm_name(prefix or "")
        if p:
            like = p.replace("!", "!!").replace("%", "!%").replace("_", "!_")
            where.add("(e.norm LIKE ? ESCAPE '!' OR e.norm LIKE ? ESCAPE '!')", like + "%", "% " + like + "%")
        if type:
            where.add("e.type = ?", type.upper())
        offset, limit = _bounds(f)
        if f.date_from or f.date_to:
            total, groups = self._entities_in_range(where, f, offset, limit)
        else:  # the common case: straight from the kept list
            total = int(self._exec(f"SELECT COUNT(*) FROM entity_names e{where.sql()}", where.params).fetchone()[0])
            groups = [] if limit == 0 or offset >= total else self._exec(
                f"SELECT e.norm, e.type, e.name, e.articles, e.statements FROM entity_names e{where.sql()} "
                "ORDER BY e.articles DESC, e.norm, e.type LIMIT ? OFFSET ?", [*where.params, limit, offset]).fetchall()
        roles = self._roles([g[0] for g in groups])
        return Page(tuple(EntitySummary(name, etype, int(n), int(said or 0), tuple(sorted(roles.get((norm, etype), ()))))
                          for norm, etype, name, n, said in groups), total, offset, limit)

    def _entities_in_range(self, where: _Where, f: Filter, offset: int, limit: int) -> tuple[int, list[Any]]:
        """Names counted over the articles of a date range. One pass groups the range's entity rows,
        ranks them and counts the groups (a window over the groups); statements are then counted
        for the page's names only: counting them per entity row for every group cost 4x the rest
        (100,000 articles on PostgreSQL: a month 112 ms -> ~30 ms)."""
        where.dates(f)
        source = f"FROM entities e JOIN articles a ON a.id = e.article{where.sql()} GROUP BY e.norm, e.type"
        rows = [] if limit == 0 else self._exec(
            f"SELECT e.norm, e.type, MIN(e.name), COUNT(DISTINCT e.article) AS n, COUNT(*) OVER () {source} "
            "ORDER BY n DESC, e.norm, e.type LIMIT ? OFFSET ?", [*where.params, limit, offset]).fetchall()
        if rows:
            total = int(rows[0][4])
        else:  # past the last page (or none asked for): the count alone
            total = int(self._exec(f"SELECT COUNT(*) FROM (SELECT 1 {source}) g", where.params).fetchone()[0])
        said: Counter[tuple[str, str]] = Counter()
        if rows:
            dates = _Where()
            dates.dates(f)
            marks = ", ".join("?" for _ in rows)
            for norm, etype, n in self._exec(
                    f"SELECT e.norm, e.type, COUNT(*) FROM statements s JOIN entities e ON e.id = s.entity "
                    f"JOIN articles a ON a.id = e.article WHERE e.norm IN ({marks}) AND "
                    f"{' AND '.join(dates.clauses)} GROUP BY e.norm, e.type",
                    [*(r[0] for r in rows), *dates.params]).fetchall():
                said[(norm, etype)] = int(n)
        return total, [(r[0], r[1], r[2], r[3], said[(r[0], r[1])]) for r in rows]

    def _roles(self, norms: list[str]) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        if norms:
            marks = ", ".join("?" for _ in norms)
            for norm, etype, role in self._exec(f"SELECT norm, type, role FROM entity_roles WHERE norm IN ({marks})",
                                                norms).fetchall():
                out.setdefault((norm, etype), set()).add(role)
        return out

    # --- attributions -----------------------------------------------------------------------------
    def list_attributions(self, f: Filter = Filter()) -> Page[AttributionRow]:
        where = _Where()
        # With a name, its few rows are found through the names index; the other tests must not
        # tempt the planner into walking the stance/date index instead (`|| ''` hides a column from
        # the index and keeps NULL as NULL).
        hide = " || ''" if f.entity else ""
        if f.entity:
            where.add("s.entity IN (SELECT n.entity FROM names n WHERE n.norm = ?)", norm_name(f.entity))
        if f.stance:
            where.add(f"s.stance{hide} = ?", f.stance)
        where.dates(f, f"s.published{hide}")
        rows, total, offset, limit = self._page(
            "statements s", f"SELECT {_REF}, s.attribution, s.source, e.name, s.kind, s.stance, s.cue, s.content "
            "FROM statements s JOIN articles a ON a.id = s.article LEFT JOIN entities e ON e.id = s.entity",
            where, f"{self._newest('s', 'article')}, s.id", f)
        return Page(tuple(AttributionRow(ArticleRef(*r[:4]), *r[4:]) for r in rows), total, offset, limit)

    # --- claims -----------------------------------------------------------------------------------
    def list_claims(self, f: Filter = Filter(), *, cluster: int | None = None,
                    article: str | None = None) -> Page[ClaimRow]:
        """Claims by publication date, newest first; ``article`` (a content hash or document id)
        narrows them to one article's."""
        where = _Where()
        hide = " || ''" if f.entity or cluster is not None or article else ""  # as in list_attributions
        if article:
            where.add("c.article IN (SELECT id FROM articles WHERE content_hash = ? OR doc_id = ?)", article, article)
        if f.entity:
            where.add("c.id IN (SELECT ca.claim FROM names n JOIN claim_about ca ON ca.entity = n.entity "
                      "WHERE n.norm = ?)", norm_name(f.entity))
        if f.status:
            where.add(f"c.status{hide} = ?", f.status)
        where.dates(f, f"c.published{hide}")
        has_cluster = self._claims_have_cluster()
        if cluster is not None:
            if not has_cluster:  # nothing is clustered in a store without clusters
                where.add("1 = 0")
            else:
                where.add("c.cluster = ?", int(cluster))
        rows, total, offset, limit = self._page(
            "claims c", f"SELECT {_REF}, c.claim, c.text, c.status, {'c.cluster' if has_cluster else 'NULL'}, "
            "c.evidence FROM claims c JOIN articles a ON a.id = c.article", where,
            f"{self._newest('c', 'article')}, c.id", f)
        return Page(tuple(ClaimRow(ArticleRef(*r[:4]), r[4], r[5], r[6], None if r[7] is None else int(r[7]),
                                   tuple(json.loads(r[8]))) for r in rows), total, offset, limit)

    def _claims_have_cluster(self) -> bool:
        # claims.cluster comes with the clusters migration (0002); a store without it has no clusters.
        known: bool | None = getattr(self, "_claim_cluster_column", None)
        if known is None:
            try:
                self._exec("SELECT cluster FROM claims WHERE 1 = 0").fetchall()
                known = True
            except StoreError:
                known = False
            self._claim_cluster_column = known
        return known

    # --- writing: kept up to date by SqlStore.put, in its transaction --------------------------------
    def _index_for_browsing(self, article: int, dossier: Dossier) -> None:
        published = dossier.document.published
        self._exec("UPDATE statements SET published = ? WHERE article = ?", (published, article))
        self._exec("UPDATE claims SET published = ? WHERE article = ?", (published, article))
        said = Counter(a.source.entity for a in dossier.attributions if a.source and a.source.entity)
        names: dict[tuple[str, str], list[Any]] = {}  # (norm, type) -> [name, statements, roles]
        for e in dossier.entities:
            key = (norm_name(e.name), e.type)
            if key[0]:
                entry = names.setdefault(key, [e.name, 0, set()])
                entry[1] += said[e.id]
                entry[2].update(r.title or r.text for r in e.roles)
        self._count_names([(norm, etype, name, 1, n) for (norm, etype), (name, n, _) in names.items()])
        self._many("INSERT INTO entity_roles (norm, type, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   [(norm, etype, role) for (norm, etype), (_, _, roles) in names.items() for role in sorted(roles)])

    def _count_names(self, rows: list[tuple[str, str, str, int, int]]) -> None:
        self._many("INSERT INTO entity_names (norm, type, name, articles, statements) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT (norm, type) DO UPDATE SET articles = entity_names.articles + excluded.articles, "
                   "statements = entity_names.statements + excluded.statements", rows)

    # --- migration 0003: what an older store's rows need, computed in Python --------------------------
    def _after_migration_3(self) -> None:
        rows = self._exec("SELECT id, name FROM entities WHERE norm IS NULL").fetchall()
        for i in range(0, len(rows), 1000):  # in slices: one statement per row would be slow on a big store
            chunk = rows[i:i + 1000]
            cases = " ".join("WHEN ? THEN ?" for _ in chunk)
            params: list[Any] = [v for rid, name in chunk for v in (rid, norm_name(name))]
            marks = ", ".join("?" for _ in chunk)
            self._exec(f"UPDATE entities SET norm = CASE id {cases} END WHERE id IN ({marks})",
                       [*params, *(rid for rid, _ in chunk)])
        self._exec("INSERT INTO entity_names (norm, type, name, articles, statements) "
                   "SELECT e.norm, e.type, MIN(e.name), COUNT(DISTINCT e.article), "
                   "SUM((SELECT COUNT(*) FROM statements s WHERE s.entity = e.id)) FROM entities e "
                   "WHERE e.norm <> '' GROUP BY e.norm, e.type")
        roles = {(norm, etype, role) for norm, etype, text in
                 self._exec("SELECT norm, type, roles FROM entities WHERE norm <> ''").fetchall()
                 for role in json.loads(text)}
        self._many("INSERT INTO entity_roles (norm, type, role) VALUES (?, ?, ?)", sorted(roles))
