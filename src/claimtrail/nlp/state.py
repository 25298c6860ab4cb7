"""What the NLP stages hand each other, kept on the spaCy ``Doc`` as ``doc._.ct``.

Stages write plain character offsets into ``doc.text`` so that ``records.py`` (the one place a Doc
becomes model records) needs no knowledge of how a stage found something. Indices refer to the
lists here (cluster index, timex index, attribution index); records.py turns them into ids.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass
class RoleHit:
    start: int
    end: int
    title: str
    organization: str | None = None


@dataclass
class MentionHit:
    start: int
    end: int
    kind: str = "name"  # name | nominal | pronoun


@dataclass
class Cluster:
    """One entity: its mentions (sorted by start), roles and what the resolver believes of it."""

    name: str
    type: str  # PERSON ORG GPE LOC NORP EVENT OTHER
    mentions: list[MentionHit] = field(default_factory=list)
    roles: list[RoleHit] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" | None
    plural: bool = False


@dataclass
class AttributionHit:
    kind: str  # direct | indirect | mixed
    cue: tuple[int, int]
    content: list[tuple[int, int]]  # one or more pieces, in text order
    source: tuple[int, int] | None = None
    source_cluster: int | None = None  # index into Analysis.clusters
    group: bool = False
    stance: str = "assert"
    time: int | None = None  # index into Analysis.timexes


@dataclass
class ClaimHit:
    start: int
    end: int
    status: str
    about: list[int] = field(default_factory=list)  # cluster indices
    evidence: list[int] = field(default_factory=list)  # attribution indices
    time: int | None = None


@dataclass
class TimexHit:
    start: int
    end: int
    type: str
    value: str


@dataclass
class FlagHit:
    code: str
    message: str
    start: int | None = None


@dataclass
class Analysis:
    published: str | None = None  # ISO date, or None when unknown
    clusters: list[Cluster] = field(default_factory=list)
    attributions: list[AttributionHit] = field(default_factory=list)
    claims: list[ClaimHit] = field(default_factory=list)
    timexes: list[TimexHit] = field(default_factory=list)
    flags: list[FlagHit] = field(default_factory=list)

    def cluster_at(self, start: int, end: int) -> int | None:
        """Index of the cluster with a mention overlapping [start, end), preferring the longest overlap
        (on a tie, the first cluster)."""
        starts, spans, longest = self._mention_index()
        best, best_len = None, 0
        # Mentions sorted by start: only those starting before ``end`` and no longer ago than the
        # longest mention can overlap, so a look-up costs a bisect, not a pass over every mention.
        for j in range(bisect_left(starts, end) - 1, -1, -1):
            m_start, m_end, i = spans[j]
            if m_start + longest <= start:
                break
            ov = min(end, m_end) - max(start, m_start)
            if ov > best_len or (ov == best_len > 0 and i < best):  # type: ignore[operator]
                best, best_len = i, ov
        return best

    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, int]], int]:
        """(starts, (start, end, cluster) sorted by start, longest mention), rebuilt when mentions change."""
        size = tuple(len(c.mentions) for c in self.clusters)  # mentions are only ever added or moved
        cached = self.__dict__.get("_index")
        if cached is None or cached[0] != size or cached[1] is not self.clusters:
            spans = sorted((m.start, m.end, i) for i, c in enumerate(self.clusters) for m in c.mentions)
            longest = max((e - s for s, e, _ in spans), default=0)
            cached = (size, self.clusters, ([s for s, _, _ in spans], spans, longest))
            self.__dict__["_index"] = cached
        return cached[2]


if not Doc.has_extension("ct"):
    Doc.set_extension("ct", default=None)


def analysis(doc: Doc) -> Analysis:
    """The doc's Analysis, created on first use (so a stage also works on a bare ``nlp(text)``)."""
    if doc._.ct is None:
        doc._.ct = Analysis()
    return doc._.ct


def guarded(name: str):  # type: ignore[no-untyped-def]
    """Wrap a stage so that a bug in it flags the article instead of killing a whole batch."""

    def deco(fn):  # type: ignore[no-untyped-def]
        def component(doc: Doc) -> Doc:
            try:
                fn(doc)
            except Exception as exc:  # noqa: BLE001 - reported on the dossier, never swallowed silently
                analysis(doc).flags.append(FlagHit("stage-error", f"{name}: {type(exc).__name__}: {exc}"))
            return doc

        component.__name__ = fn.__name__
        return component

    return deco
