"""Pydantic models of the API's requests and answers: the store's records (store/queries.py,
store/base.py) as JSON, so the OpenAPI spec says exactly what each endpoint gives."""
from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class Record(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # built straight from the store's dataclasses


class ArticleRef(Record):
    id: str = Field(description="the dossier's document id")
    content_hash: str = Field(description="sha256 of the normalised text: the article's identity in the store")
    title: str | None
    published: str | None = Field(description="ISO publication date, when known")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="rows matching the filter, over all pages")
    offset: int
    limit: int


class ArticleSummary(Record):
    article: ArticleRef
    source: str | None
    url: str | None
    entities: int
    attributions: int
    claims: int


class EntitySummary(Record):
    name: str
    type: str
    articles: int = Field(description="articles it appears in")
    statements: int = Field(description="attributions it is the source of")
    roles: list[str]


class Evidence(BaseModel):
    source: str | None
    stance: str | None


class AttributionRow(Record):
    article: ArticleRef
    attribution: str = Field(description="Attribution.id in the article's dossier")
    source: str | None
    entity: str | None
    kind: str
    stance: str
    cue: str
    content: str


class ClaimRow(Record):
    article: ArticleRef
    claim: str = Field(description="Claim.id in the article's dossier")
    text: str
    status: str
    cluster: int | None
    evidence: list[Evidence]


class ClusterSummary(Record):
    id: int
    label: str
    status: str
    claims: int
    articles: int
    first: str | None
    last: str | None


class ClusterEvent(Record):
    article: ArticleRef
    claim: str
    text: str
    status: str
    sources: list[Evidence]
    change: str | None


class ClusterTimeline(Record):
    cluster: ClusterSummary
    events: list[ClusterEvent]


class Statement(Record):
    attribution: str
    kind: str
    stance: str
    cue: str
    content: str


class Appearance(Record):
    article: ArticleRef
    entity: str
    name: str
    type: str
    roles: list[str]
    statements: list[Statement]


class ClaimEvent(Record):
    article: ArticleRef
    claim: str
    text: str
    status: str
    evidence: list[Evidence]


class EntityDetail(BaseModel):
    name: str = Field(description="the name as asked for")
    appearances: list[Appearance] = Field(description="each article's entity known by that name, oldest first")
    claims: list[ClaimEvent] = Field(description="claims about it, oldest first")


class SearchHit(Record):
    article: ArticleRef
    snippet: str


class SearchResults(BaseModel):
    query: str
    items: list[SearchHit]
    limit: int
    offset: int = 0


class Health(BaseModel):
    status: Literal["ok"]
    version: str = Field(description="claimtrail's version")
    schema_version: int = Field(description="the store's schema version (it was opened and read)")


class Dossier(BaseModel):
    """The dossier contract (``format: claimtrail/dossier/1``; see dossier.schema.json)."""

    model_config = ConfigDict(extra="allow")
    format: str
    document: dict[str, Any]
    entities: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    claims: list[dict[str, Any]]


class Stored(BaseModel):
    stored: bool = Field(description="false when the same text was stored before (nothing changed)")
    article: ArticleRef


class AnalyzeRequest(BaseModel):
    """One article: plain ``text`` or an ``html`` page (exactly one of them)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="the article's plain text")
    html: str | None = Field(None, description="an HTML page; its main text is extracted as ingest does")
    published: date | None = Field(None, description="ISO publication date (YYYY-MM-DD)")
    title: str | None = Field(None, max_length=1000, pattern=r"^[^\x00]*$")

    @model_validator(mode="after")
    def one_body(self) -> "AnalyzeRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class Error(BaseModel):
    error: str = Field(description="a stable code: not-found, invalid-request, too-large, not-english, …")
    message: str
