"""Values for the person and claim pages, from store records (no SQL, no spaCy here)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ..people import link_people
from ..store.base import Appearance, ArticleRef, ClaimEvent
from ..store.queries import ClaimRow, ClusterTimeline
from .timeline import changes

T = TypeVar("T")


def optional(call: Callable[[], T], default: T) -> T:
    """A store query that a backend may not offer yet (NotImplementedError) gives ``default``."""
    try:
        return call()
    except NotImplementedError:
        return default


@dataclass(frozen=True)
class Said:
    article: ArticleRef
    stance: str
    cue: str
    content: str
    kind: str


@dataclass(frozen=True)
class PersonBlock:
    name: str
    roles: tuple[str, ...]
    articles: int
    said: tuple[Said, ...]
    stances: tuple[tuple[str, int], ...]  # most common first


@dataclass(frozen=True)
class AboutClaim:
    event: ClaimEvent
    cluster: int | None


def person_blocks(appearances: list[Appearance]) -> list[PersonBlock]:
    """People going by one name (split by role, see ``claimtrail.people``), each with all they said."""
    out = []
    for p in link_people(appearances):
        said = tuple(Said(a.article, s.stance, s.cue, s.content, s.kind) for a in p.appearances for s in a.statements)
        stances = tuple(Counter(s.stance for s in said).most_common())
        out.append(PersonBlock(p.name, p.roles, len({a.article.content_hash for a in p.appearances}), said, stances))
    return out


def _key(article: ArticleRef, claim: str) -> tuple[str, str]:
    return (article.content_hash, claim)


def about_claims(events: list[ClaimEvent], rows: list[ClaimRow]) -> list[AboutClaim]:
    """Claims about someone, each with its cluster where the claim listing knows one."""
    cluster = {_key(r.article, r.claim): r.cluster for r in rows}
    return [AboutClaim(e, cluster.get(_key(e.article, e.claim))) for e in events]


def article_clusters(content_hash: str, rows: list[ClaimRow]) -> dict[str, int]:
    return {r.claim: r.cluster for r in rows if r.article.content_hash == content_hash and r.cluster is not None}


@dataclass(frozen=True)
class EventRow:
    date: str
    article: ArticleRef
    text: str
    status: str
    change: str | None
    sources: tuple[dict[str, str | None], ...]


def event_rows(t: ClusterTimeline) -> list[EventRow]:
    return [EventRow(e.article.published or "undated", e.article, e.text, e.status, ch, e.sources)
            for e, ch in zip(t.events, changes(t.events))]


def status_counts(t: ClusterTimeline) -> list[tuple[str, int]]:
    return Counter(e.status for e in t.events).most_common()

