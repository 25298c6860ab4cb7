"""Records and filters for browsing a store page by page, and for claim clusters across articles.

The REST API, the web app and the CLI read the store through these; they hold plain values only
(no spaCy, no SQL). A ``Page`` says how many rows matched in all, so a client can page through.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .base import ArticleRef

T = TypeVar("T")

MAX_LIMIT = 200  # the most rows one page may ask for


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int  # rows matching the filter, over all pages
    offset: int
    limit: int


@dataclass(frozen=True)
class Filter:
    """What a listing is narrowed to; every field is optional and they combine with AND.

    ``entity`` is a name as ``who`` takes it (full name or alias, folded by ``norm_name``);
    ``date_from``/``date_to`` are ISO dates, inclusive, on the article's publication date (an
    article with no date never matches a date filter)."""

    entity: str | None = None
    status: str | None = None  # claims and clusters: confirmed, asserted, denied, …
    stance: str | None = None  # attributions: assert, confirm, deny, …
    date_from: str | None = None
    date_to: str | None = None
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True)
class ArticleSummary:
    article: ArticleRef
    source: str | None
    url: str | None
    entities: int
    attributions: int
    claims: int


@dataclass(frozen=True)
class EntitySummary:
    """A name as it appears across the corpus (one row per normalised full name and type)."""

    name: str
    type: str
    articles: int  # articles it appears in
    statements: int  # attributions it is the source of
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttributionRow:
    article: ArticleRef
    attribution: str  # Attribution.id in the article's dossier
    source: str | None  # the source span's text
    entity: str | None  # the source entity's name, when resolved
    kind: str
    stance: str
    cue: str
    content: str


@dataclass(frozen=True)
class ClaimRow:
    article: ArticleRef
    claim: str  # Claim.id in the article's dossier
    text: str
    status: str
    cluster: int | None  # the claim cluster it belongs to, once clustered
    evidence: tuple[dict[str, str | None], ...] = ()  # [{"source": …, "stance": …}]


@dataclass(frozen=True)
class ClusterSummary:
    id: int
    label: str  # the text of its earliest claim
    status: str  # the status on the latest date it was reported
    claims: int
    articles: int
    first: str | None  # earliest publication date among its articles
    last: str | None


@dataclass(frozen=True)
class ClusterEvent:
    """One claim of a cluster in one article: a point on the cluster's timeline."""

    article: ArticleRef
    claim: str
    text: str
    status: str
    sources: tuple[dict[str, str | None], ...] = ()  # [{"source": …, "stance": …}]
    change: str | None = None  # "first reported", "confirmed", "denied", "disputed", … when the status moved


@dataclass(frozen=True)
class ClusterTimeline:
    cluster: ClusterSummary
    events: tuple[ClusterEvent, ...] = field(default_factory=tuple)  # by publication date, undated last
