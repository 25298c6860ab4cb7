"""Incremental clustering of stored claims: the same claim recognised across articles.

Each claim not clustered yet is embedded (``trail.embed``, the text from ``similar.embed_text``) and
compared with a few candidate clusters only — those sharing a blocking key with it: one of its
about-names, a content word, or a band of its vector's sign bits (random hyperplanes, a fixed seed:
paraphrases with no word in common still meet). Candidates are cut to the ``TOP`` sharing most keys
and to clusters active within ``WINDOW_DAYS`` of the claim's date. The claim joins the candidate with
the highest cosine to its mean vector that ``similar.same_claim`` accepts, else starts a cluster.

Cost per claim is bounded (keys x ``PER_KEY`` lookups, ``TOP`` dot products): linear in claims, never
all-pairs. Claims are taken in batches; each batch is one transaction (``store.clustering()``), so a
killed run loses at most the batch in flight and a re-run picks up the claims still unclustered.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from ..store.clusters import ClusterState, PendingClaim
from . import embed
from .similar import THRESHOLD, VERSION, embed_text, families, name_keys, negated, same_claim, word_keys

BATCH = 256  # claims per transaction
EMBED_BATCH = 128  # texts per encoder batch at most; embed.BATCH_TOKENS (word pieces) binds first on claims
PER_KEY = 20  # newest clusters looked up per blocking key
TOP = 30  # candidate clusters scored per claim
WINDOW_DAYS = 45  # a cluster is a candidate while its dates are this close to the claim's
BANDS, BITS = 12, 8  # vector sign-bit bands: P(a cos-0.8 pair shares one) ~ 0.88
_WEIGHT = {"n": 3, "w": 1, "b": 1}  # a shared name says more than a shared word
MODEL = f"{embed.NAME} {VERSION}"  # stored with each vector: another encoder or text means re-embedding


@dataclass
class ClusterStats:
    claims: int = 0
    joined: int = 0  # claims that joined an existing cluster
    created: int = 0
    embedded: int = 0
    seconds: float = 0.0
    clusters_touched: set[int] = field(default_factory=set)


@lru_cache(maxsize=1)
def _planes() -> np.ndarray:
    return np.random.default_rng(20261127).standard_normal((embed.DIM, BANDS * BITS)).astype(np.float32)


def band_keys(vector: np.ndarray) -> list[str]:
    bits = (vector @ _planes() > 0).reshape(BANDS, BITS)
    weights = 1 << np.arange(BITS)
    return [f"b{i}:{int(v)}" for i, v in enumerate(bits @ weights)]


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _in_window_day(d: date | None, span: tuple[date | None, date | None]) -> bool:
    first, last = span
    if d is None or first is None or last is None:
        return True  # an undated claim or cluster is not kept apart by date
    w = timedelta(days=WINDOW_DAYS)
    return first - w <= d <= last + w


def _signed(fams: frozenset[str], neg: bool) -> set[str]:
    return {("!" + f if neg else f) for f in fams}


def _same_sign(stored: set[str], neg: bool) -> frozenset[str]:
    return frozenset(f[1:] for f in stored if f.startswith("!")) if neg else \
        frozenset(f for f in stored if not f.startswith("!"))


class _Batch:
    """One transaction's view: key lookups and cluster states, cached and kept up to date."""

    def __init__(self, store: object) -> None:
        self.store = store
        self.keys: dict[str, list[int]] = {}
        self.states: dict[int, ClusterState] = {}
        self.touched: set[int] = set()
        self.new_keys: list[tuple[str, int]] = []
        self._unit: dict[int, np.ndarray] = {}  # centroid / its norm, until the cluster changes
        self._days: dict[int, tuple[date | None, date | None]] = {}

    def centroids(self, cids: Sequence[int]) -> np.ndarray:
        """(len(cids), DIM) unit centroids, decoded once per cluster state."""
        for c in cids:
            if c not in self._unit:
                m = np.frombuffer(self.states[c].centroid, dtype=np.float32)
                self._unit[c] = m / max(float(np.linalg.norm(m)), 1e-9)
        return np.stack([self._unit[c] for c in cids])

    def days(self, cid: int) -> tuple[date | None, date | None]:
        if cid not in self._days:
            st = self.states[cid]
            self._days[cid] = (_day(st.first), _day(st.last))
        return self._days[cid]

    def changed(self, cid: int) -> None:
        self._unit.pop(cid, None)
        self._days.pop(cid, None)

    def candidates(self, keys: Sequence[str]) -> list[int]:
        score: Counter[int] = Counter()
        for k in keys:
            if k not in self.keys:  # oldest first, so clusters made in this batch go at the end
                self.keys[k] = self.store.clusters_by_key(k, PER_KEY)[::-1]  # type: ignore[attr-defined]
            for cid in self.keys[k][-PER_KEY:]:
                score[cid] += _WEIGHT[k[0]]
        top = [cid for cid, _ in sorted(score.items(), key=lambda kv: (-kv[1], -kv[0]))[:TOP]]
        missing = [c for c in top if c not in self.states]
        if missing:
            self.states.update(self.store.cluster_states(missing))  # type: ignore[attr-defined]
        return [c for c in top if c in self.states]

    def add(self, cid: int, keys: Sequence[str]) -> None:
        for k in keys:
            held = self.keys.setdefault(k, [])
            if cid not in held:
                held.append(cid)
            self.new_keys.append((k, cid))
        self.touched.add(cid)


def _best(b: _Batch, p: PendingClaim, v: np.ndarray, fams: frozenset[str], neg: bool,
          keys: Sequence[str], threshold: float) -> int | None:
    """The in-window candidate with the highest cosine that ``same_claim`` accepts (ties: the first).

    One matrix product over the candidates' centroids, then the gates in falling cosine order: the
    first accepted is the best, and most claims stop at the first or second."""
    day = _day(p.published)
    cids = [c for c in b.candidates(keys) if _in_window_day(day, b.days(c))]
    if not cids:
        return None
    cos = b.centroids(cids) @ v
    for i in sorted(range(len(cids)), key=lambda i: -cos[i]):  # stable: ties keep candidate order
        st = b.states[cids[i]]
        if same_claim(float(cos[i]), p.names, frozenset(st.names), fams, _same_sign(st.families, neg), threshold):
            return cids[i]
    return None


def _join(st: ClusterState, p: PendingClaim, v: np.ndarray, fams: set[str]) -> None:
    st.centroid = (np.frombuffer(st.centroid, dtype=np.float32) + v).astype(np.float32).tobytes()
    st.claims += 1
    st.names |= p.names
    st.families |= fams
    if p.published:
        st.first = min(filter(None, (st.first, p.published)))
        st.last = max(filter(None, (st.last, p.published)))


def _assign(store: object, claims: Sequence[PendingClaim], vectors: dict[int, np.ndarray],
            stats: ClusterStats, threshold: float) -> None:
    b = _Batch(store)
    pairs: list[tuple[int, int]] = []
    for p in claims:
        v = vectors[p.id]
        fams, neg = families(p.text), negated(p.text)
        keys = name_keys(p.names) + word_keys(p.text) + band_keys(v)
        cid = _best(b, p, v, fams, neg, keys, threshold)
        if cid is None:
            st = ClusterState(0, np.zeros(embed.DIM, np.float32).tobytes(), 0)
            cid = st.id = store.new_cluster(st, p.text)  # type: ignore[attr-defined]
            b.states[cid] = st
            stats.created += 1
        else:
            stats.joined += 1
        _join(b.states[cid], p, v, _signed(fams, neg))
        b.changed(cid)
        b.add(cid, keys)
        pairs.append((p.id, cid))
    store.save_clusters([b.states[c] for c in b.touched])  # type: ignore[attr-defined]
    store.assign_claims(pairs)  # type: ignore[attr-defined]
    store.add_cluster_keys(b.new_keys)  # type: ignore[attr-defined]
    added: dict[int, list[int]] = {}
    for claim, cid in pairs:
        added.setdefault(cid, []).append(claim)
    store.refresh_clusters(b.touched, added)  # type: ignore[attr-defined]
    stats.claims += len(pairs)
    stats.clusters_touched |= b.touched


def _vectors(claims: Sequence[PendingClaim]) -> tuple[dict[int, np.ndarray], list[tuple[int, str, bytes]]]:
    """Stored vectors where the model is the same; the rest embedded now (outside the transaction)."""
    out = {p.id: np.frombuffer(p.vector, dtype=np.float32) for p in claims if p.vector is not None}
    todo = [p for p in claims if p.vector is None]
    fresh: list[tuple[int, str, bytes]] = []
    if todo:
        vecs = embed.encode([embed_text(p.text, p.names, p.roles) for p in todo], batch_size=EMBED_BATCH)
        for p, v in zip(todo, vecs):
            out[p.id] = v
            fresh.append((p.id, MODEL, v.astype(np.float32).tobytes()))
    return out, fresh


def cluster_store(store: object, *, rebuild: bool = False, batch: int = BATCH, threshold: float = THRESHOLD,
                  progress: Callable[[ClusterStats], None] | None = None) -> ClusterStats:
    """Cluster every stored claim that has no cluster yet (all of them with ``rebuild``).

    Idempotent: a second run finds nothing to do. Raises ``embed.EmbeddingUnavailable`` when the
    model package is missing (nothing is written then)."""
    stats = ClusterStats()
    started = time.monotonic()
    if rebuild:
        embed.load()  # fail before anything is reset
        store.reset_clusters()  # type: ignore[attr-defined]
    after = 0
    while True:
        pending = store.pending_claims(MODEL, after, batch)  # type: ignore[attr-defined]
        if not pending:
            break
        after = pending[-1].id
        vectors, fresh = _vectors(pending)
        with store.clustering():  # type: ignore[attr-defined]
            live = store.still_pending([p.id for p in pending])  # type: ignore[attr-defined]
            store.put_vectors([r for r in fresh if r[0] in live])  # type: ignore[attr-defined]
            _assign(store, [p for p in pending if p.id in live], vectors, stats, threshold)
        stats.embedded += len(fresh)
        stats.seconds = time.monotonic() - started
        if progress:
            progress(stats)
    stats.seconds = time.monotonic() - started
    return stats
