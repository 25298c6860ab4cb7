"""Claim clusters in a SQL store: the same claim across articles, and its status over time.

Read side: ``list_clusters`` and ``cluster`` (a timeline, marked by ``claimtrail.trail.timeline``).
Write side, for ``claimtrail.trail.clusters``: the claims not clustered yet, blocking-key lookups,
cluster state (summed vector, names, predicate families), and the batch's writes — all inside one
``clustering()`` transaction per batch, so a killed run leaves whole batches or nothing.
Vectors are stored as raw float32 bytes: no numpy here.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .base import ArticleRef, norm_name
from .queries import MAX_LIMIT, ClusterEvent, ClusterSummary, ClusterTimeline, Filter, Page

_CLUSTER_LOCK = 0x436C5443  # PostgreSQL advisory-lock key: one clustering transaction at a time
_CHUNK = 500  # ids per IN (…) list


@dataclass(frozen=True)
class PendingClaim:
    """A stored claim with no cluster yet."""

    id: int
    article: int
    text: str
    published: str | None
    names: frozenset[str]  # normalised names of its about-entities (full names and aliases)
    vector: bytes | None  # its stored vector for the current model, if already embedded
    roles: frozenset[str] = frozenset()  # role titles of its about-entities ("harbour minister")


@dataclass
class ClusterState:
    """What clustering needs of a cluster; ``id`` is 0 until it is written."""

    id: int
    centroid: bytes  # float32 sum of member vectors
    claims: int
    names: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


@dataclass
class _Fold:
    """A cluster's timeline folded so far: enough to add events without re-reading the earlier ones, in
    any order, as long as none comes before its first event (that would change its label and the
    polarity every event is read against: then the cluster is re-read whole).

    Per source, the stance of its latest event in timeline order (``Positions`` with order keys), so an
    article published earlier but stored later folds in as if it had come in date order. When the
    first event is dated, undated events count for size but not for status: the status is the one
    after the latest dated event (``trail.timeline.mark``)."""

    first: ClusterEvent
    first_key: tuple[Any, ...]
    positions: Any  # trail.timeline.Positions (imported late: the store imports no trail code at load)
    claims: int = 0
    newest: int = 0  # the highest claim id among its members
    dates: tuple[str, str] | None = None
    hashes: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, events: Sequence[tuple[ClusterEvent, tuple[Any, ...]]]) -> "_Fold | None":
        """From all of a cluster's events (timeline order); None when it has none."""
        if not events:
            return None
        from ..trail.timeline import Positions

        first, key = min(events, key=lambda ek: ek[1])
        fold = cls(first, key, Positions())
        fold.extend(events)
        return fold

    def extend(self, events: Sequence[tuple[ClusterEvent, tuple[Any, ...]]]) -> bool:
        """Fold in events; False, with nothing changed, when one comes before the first event."""
        if any(k < self.first_key for _, k in events):
            return False
        from ..trail.timeline import positions_of, relative

        dated_only = self.first.article.published is not None
        for e, k in events:
            self.claims, self.newest = self.claims + 1, max(self.newest, k[3])
            self.hashes.add(e.article.content_hash)
            when = e.article.published
            if when:
                self.dates = (min(self.dates[0], when), max(self.dates[1], when)) if self.dates else (when, when)
            elif dated_only:
                continue  # after every dated event in timeline order, so never the status's
            self.positions.update(positions_of(relative([self.first, e])[1]), k)
        return True

    def row(self) -> tuple[Any, ...]:
        first, last = self.dates or (None, None)
        return (self.first.text, self.positions.status(), first, last, self.claims, len(self.hashes))


class ClusterQueries:
    """Mixed into ``SqlStore``; uses its ``_exec``, ``_many`` and ``_tx`` (``?`` marks)."""

    _exec: Any
    _many: Any
    _tx: Any
    DIALECT: str
    _REF = "a.doc_id, a.content_hash, a.title, a.published"
    _BY_DATE = "a.published IS NULL, a.published, a.id"
    _SUMMARY = "id, label, status, claims, articles, first, last"

    # --- reading ---------------------------------------------------------------------------------
    def list_clusters(self, f: Filter = Filter(), *, min_claims: int = 1) -> Page[ClusterSummary]:
        """Clusters by latest activity (undated last), then size; ``f.entity`` keeps clusters with a
        claim about that name, ``f.status`` the current status, the dates overlap [first, last]."""
        where, params = ["claims >= ?"], [min_claims]
        if f.status:
            where.append("status = ?")
            params.append(f.status)
        if f.date_from:
            where.append("last >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("first <= ?")
            params.append(f.date_to)
        if f.entity:
            where.append("id IN (SELECT c.cluster FROM names n JOIN claim_about ca ON ca.entity = n.entity "
                         "JOIN claims c ON c.id = ca.claim WHERE n.norm = ? AND c.cluster IS NOT NULL)")
            params.append(norm_name(f.entity))
        cond = " AND ".join(where)
        total = int(self._exec(f"SELECT COUNT(*) FROM clusters WHERE {cond}", params).fetchone()[0])
        limit = max(1, min(f.limit, MAX_LIMIT))
        rows = self._exec(f"SELECT {self._SUMMARY} FROM clusters WHERE {cond} "
                          "ORDER BY last IS NULL, last DESC, claims DESC, id DESC LIMIT ? OFFSET ?",
                          [*params, limit, max(0, f.offset)]).fetchall()
        return Page(tuple(ClusterSummary(*r) for r in rows), total, max(0, f.offset), limit)

    def cluster(self, cluster_id: int) -> ClusterTimeline | None:
        row = self._exec(f"SELECT {self._SUMMARY} FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
        if row is None:
            return None
        from ..trail.timeline import mark  # pure Python: no spaCy, no numpy

        events, _ = mark(self._cluster_events(cluster_id))
        return ClusterTimeline(ClusterSummary(*row), tuple(events))

    def _cluster_events(self, cluster_id: int) -> list[ClusterEvent]:
        rows = self._exec(f"SELECT c.claim, c.text, c.status, c.evidence, {self._REF} FROM claims c "
                          f"JOIN articles a ON a.id = c.article WHERE c.cluster = ? ORDER BY {self._BY_DATE}, c.id",
                          (cluster_id,)).fetchall()
        return [ClusterEvent(ArticleRef(*r[4:8]), r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows]

    # --- the clustering side ---------------------------------------------------------------------
    @contextmanager
    def clustering(self) -> Iterator[None]:
        """One clustering batch: a write transaction that only one process holds at a time."""
        touched: set[int] = self.__dict__.setdefault("_fold_touched", set())
        touched.clear()
        try:
            with self._tx():
                if self.DIALECT == "postgres":
                    self._exec("SELECT pg_advisory_xact_lock(?)", (_CLUSTER_LOCK,))
                yield
        except BaseException:
            for cid in touched:  # folded past what the store now holds: re-read when next touched
                self._folds().pop(cid, None)
            raise
        finally:
            touched.clear()

    def _folds(self) -> dict[int, _Fold]:
        """Each cluster's timeline fold as this connection last wrote it (see ``refresh_clusters``)."""
        return self.__dict__.setdefault("_fold_cache", {})

    def pending_claims(self, model: str, after: int = 0, limit: int = 500) -> list[PendingClaim]:
        """Claims with no cluster, by id, after ``after``; with their about-names and stored vector."""
        rows = self._exec("SELECT c.id, c.article, c.text, a.published, v.vector FROM claims c "
                          "JOIN articles a ON a.id = c.article "
                          "LEFT JOIN claim_vectors v ON v.claim = c.id AND v.model = ? "
                          "WHERE c.cluster IS NULL AND c.id > ? ORDER BY c.id LIMIT ?",
                          (model, after, limit)).fetchall()
        names: dict[int, set[str]] = {}
        roles: dict[int, set[str]] = {}
        for chunk in _chunks([r[0] for r in rows]):
            marks = ", ".join("?" for _ in chunk)
            for claim, norm in self._exec(f"SELECT ca.claim, n.norm FROM claim_about ca JOIN names n "
                                          f"ON n.entity = ca.entity WHERE ca.claim IN ({marks})", chunk).fetchall():
                names.setdefault(int(claim), set()).add(norm)
            for claim, titles in self._exec(f"SELECT ca.claim, e.roles FROM claim_about ca JOIN entities e "
                                            f"ON e.id = ca.entity WHERE ca.claim IN ({marks})", chunk).fetchall():
                roles.setdefault(int(claim), set()).update(json.loads(titles))
        return [PendingClaim(int(r[0]), int(r[1]), r[2], r[3], frozenset(names.get(int(r[0]), ())),
                             bytes(r[4]) if r[4] is not None else None, frozenset(roles.get(int(r[0]), ())))
                for r in rows]

    def still_pending(self, ids: Sequence[int]) -> set[int]:
        """Which of ``ids`` have no cluster yet (another run may have clustered them meanwhile)."""
        found: set[int] = set()
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" for _ in chunk)
            found.update(int(r[0]) for r in self._exec(
                f"SELECT id FROM claims WHERE cluster IS NULL AND id IN ({marks})", chunk).fetchall())
        return found

    def clusters_by_key(self, key: str, limit: int) -> list[int]:
        """The newest ``limit`` clusters that hold ``key``."""
        rows = self._exec("SELECT cluster FROM cluster_keys WHERE key = ? ORDER BY cluster DESC LIMIT ?",
                          (key, limit)).fetchall()
        return [int(r[0]) for r in rows]

    def cluster_states(self, ids: Iterable[int]) -> dict[int, ClusterState]:
        out: dict[int, ClusterState] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ", ".join("?" for _ in chunk)
            for r in self._exec(f"SELECT id, centroid, claims, names, families, first, last FROM clusters "
                                f"WHERE id IN ({marks})", chunk).fetchall():
                out[int(r[0])] = ClusterState(int(r[0]), bytes(r[1]), int(r[2]), set(json.loads(r[3])),
                                              set(json.loads(r[4])), r[5], r[6])
        return out

    def new_cluster(self, state: ClusterState, label: str) -> int:
        return int(self._exec(
            "INSERT INTO clusters (label, status, first, last, claims, articles, names, families, centroid) "
            "VALUES (?, 'unconfirmed', ?, ?, ?, 0, ?, ?, ?) RETURNING id",
            (label, state.first, state.last, state.claims, json.dumps(sorted(state.names), ensure_ascii=False),
             json.dumps(sorted(state.families)), state.centroid)).fetchone()[0])

    def save_clusters(self, states: Iterable[ClusterState]) -> None:
        self._many("UPDATE clusters SET centroid = ?, claims = ?, names = ?, families = ?, first = ?, last = ? "
                   "WHERE id = ?",
                   [(s.centroid, s.claims, json.dumps(sorted(s.names), ensure_ascii=False),
                     json.dumps(sorted(s.families)), s.first, s.last, s.id) for s in states])

    def put_vectors(self, rows: Sequence[tuple[int, str, bytes]]) -> None:
        self._many("INSERT INTO claim_vectors (claim, model, vector) VALUES (?, ?, ?) ON CONFLICT (claim) "
                   "DO UPDATE SET model = excluded.model, vector = excluded.vector", rows)

    def assign_claims(self, rows: Sequence[tuple[int, int]]) -> None:
        """(claim, cluster) pairs."""
        self._many("UPDATE claims SET cluster = ? WHERE id = ?", [(cl, c) for c, cl in rows])

    def add_cluster_keys(self, rows: Iterable[tuple[str, int]]) -> None:
        self._many("INSERT INTO cluster_keys (key, cluster) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   sorted(set(rows)))

    def refresh_clusters(self, ids: Iterable[int], added: dict[int, list[int]] | None = None) -> None:
        """Label, status, dates and counts of each cluster, from its members' timeline.

        ``added``: the claims this batch put in each cluster. A cluster whose fold this connection
        wrote last (its member count and newest claim in the store say nobody else changed it) is
        brought up to date from its new claims alone, in whatever date order they come, unless one
        comes before its first event; any other is re-read whole. So a big cluster costs its new
        claims, not all its claims, each time a batch touches it, and a corpus ingested out of date
        order costs no more than one in order."""
        ids = sorted(set(ids))
        added = added or {}
        live = self._member_counts(ids)
        events = self._claim_events([c for cid in ids for c in added.get(cid, ())])
        by_claim = {k[3]: (e, k) for e, k in events}
        folds, touched = self._folds(), self.__dict__.setdefault("_fold_touched", set())
        rows = []
        for cid in ids:
            new = sorted(added.get(cid, ()))
            fold = folds.get(cid)
            touched.add(cid)  # mutated in place below: forgotten if the batch rolls back
            if fold is None or live.get(cid) != (fold.claims + len(new), max([fold.newest, *new])) \
                    or not fold.extend(sorted((by_claim[c] for c in new), key=lambda ek: ek[1])):
                fold = _Fold.of(self._claim_events_of(cid))
            if fold is None:
                folds.pop(cid, None)
                continue
            folds[cid] = fold
            rows.append((*fold.row(), cid))
        self._many("UPDATE clusters SET label = ?, status = ?, first = ?, last = ?, claims = ?, articles = ? "
                   "WHERE id = ?", rows)

    _EVENT_ROWS = (f"SELECT c.claim, c.text, c.status, c.evidence, {_REF}, a.id, c.id FROM claims c "
                   "JOIN articles a ON a.id = c.article WHERE ")

    def _member_counts(self, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Each cluster's (member count, newest member claim): the count as ``save_clusters`` keeps it
        in the clusters table (written earlier in this batch), the newest by an index seek, so the
        check costs the same for a cluster of 10,000 claims as for one of two."""
        out: dict[int, tuple[int, int]] = {}
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" for _ in chunk)
            for cid, n, newest in self._exec(
                    "SELECT k.id, k.claims, (SELECT MAX(c.id) FROM claims c WHERE c.cluster = k.id) "
                    f"FROM clusters k WHERE k.id IN ({marks})", chunk).fetchall():
                if newest is not None:
                    out[int(cid)] = (int(n), int(newest))
        return out

    def _claim_events_of(self, cluster_id: int) -> list[tuple[ClusterEvent, tuple[Any, ...]]]:
        return self._event_rows(self._exec(self._EVENT_ROWS + f"c.cluster = ? ORDER BY {self._BY_DATE}, c.id",
                                           (cluster_id,)).fetchall())

    def _claim_events(self, claim_ids: Sequence[int]) -> list[tuple[ClusterEvent, tuple[Any, ...]]]:
        rows: list[Any] = []
        for chunk in _chunks(list(claim_ids)):
            marks = ", ".join("?" for _ in chunk)
            rows += self._exec(self._EVENT_ROWS + f"c.id IN ({marks})", chunk).fetchall()
        return sorted(self._event_rows(rows), key=lambda ek: ek[1])

    @staticmethod
    def _event_rows(rows: Sequence[Any]) -> list[tuple[ClusterEvent, tuple[Any, ...]]]:
        """(event, its timeline sort key: dated first, date, article id, claim id)."""
        return [(ClusterEvent(ArticleRef(*r[4:8]), r[0], r[1], r[2], tuple(json.loads(r[3]))),
                 (r[7] is None, r[7] or "", int(r[8]), int(r[9]))) for r in rows]

    def reset_clusters(self) -> None:
        """Forget every cluster (claims become unclustered); stored vectors are kept."""
        self._folds().clear()
        with self.clustering():
            self._exec("UPDATE claims SET cluster = NULL WHERE cluster IS NOT NULL")
            self._exec("DELETE FROM cluster_keys")
            self._exec("DELETE FROM clusters")

    def cluster_counts(self) -> dict[str, int]:
        row = self._exec("SELECT (SELECT COUNT(*) FROM clusters), (SELECT COUNT(*) FROM claims WHERE cluster IS "
                         "NULL), (SELECT COUNT(*) FROM claim_vectors)").fetchone()
        return {"clusters": int(row[0]), "unclustered": int(row[1]), "vectors": int(row[2])}
