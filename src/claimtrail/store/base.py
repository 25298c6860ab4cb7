"""The corpus store's interface and the records its queries give back.

A store holds dossiers (``claimtrail.model`` records; never spaCy) and the failures of a batch.

Article identity: ``content_hash(text)``, a sha256 of the article text after Unicode NFC and
whitespace normalisation (runs of whitespace become one space; ends trimmed). It is computed from
``Dossier.document.text`` — not from ``document.id``, which is a JSONL line's own id when one was
given — so the same text stored twice, from two files or two feed dumps, is one article. The same
story as ``.html`` and as a hand-made ``.txt`` is one article only when the text extracted from the
HTML equals the ``.txt`` up to whitespace; a different headline line or boilerplate makes it a
second article (claimtrail does not guess that two different texts are the same article).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Dossier, Failure

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


class StoreError(Exception):
    """A store problem the user can act on: locked, read-only, too new a schema, unreachable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


def content_hash(text: str) -> str:
    """The article's identity: sha256 of its normalised text (see the module docstring)."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()


def norm_name(name: str) -> str:
    """A name as looked up: accents folded, case folded, possessive and spacing dropped.

    "Orbán's" and "orban" both become "orban", so a query need not match the article's spelling."""
    folded = unicodedata.normalize("NFKD", name.strip())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _SPACE.sub(" ", _POSSESSIVE.sub("", folded.replace("’", "'"))).strip()


@dataclass(frozen=True)
class ArticleRef:
    """Which article a query answer comes from."""

    id: str  # Dossier.document.id
    content_hash: str
    title: str | None
    published: str | None


@dataclass(frozen=True)
class Statement:
    attribution: str
    kind: str
    stance: str
    cue: str
    content: str


@dataclass(frozen=True)
class Appearance:
    """One article's entity that goes by the name asked for, with its roles and what it said there."""

    article: ArticleRef
    entity: str
    name: str
    type: str
    roles: tuple[str, ...]
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class ClaimEvent:
    """One claim about someone, in one article: a point on that person's timeline."""

    article: ArticleRef
    claim: str
    text: str
    status: str
    evidence: tuple[dict[str, str | None], ...] = ()  # [{"source": …, "stance": …}]


@dataclass(frozen=True)
class SearchHit:
    article: ArticleRef
    snippet: str


@dataclass(frozen=True)
class StoredFailure:
    origin: str
    code: str
    message: str
    doc_id: str | None
    attempts: int
    failed_at: str


@dataclass
class Counts:
    articles: int = 0
    entities: int = 0
    statements: int = 0
    claims: int = 0
    failures: int = 0
    extra: dict[str, int] = field(default_factory=dict)


class Store(ABC):
    """What claimtrail needs of a corpus store; every backend passes the same tests."""

    url: str

    @abstractmethod
    def put(self, dossier: Dossier, origin: str | None = None) -> bool:
        """Store one article whole, in one transaction; False when its content hash is already stored.

        A stored article clears a failure recorded for the same origin."""

    @abstractmethod
    def put_failure(self, failure: Failure) -> None:
        """Record (or update) the failure of one input, keyed by its origin."""

    @abstractmethod
    def has(self, content_hash: str) -> bool: ...

    @abstractmethod
    def get(self, key: str) -> Dossier | None:
        """The stored dossier by content hash or by document id (first stored, if several)."""

    @abstractmethod
    def failures(self) -> list[StoredFailure]: ...

    @abstractmethod
    def clear_failure(self, origin: str) -> None: ...

    @abstractmethod
    def who(self, name: str, limit: int = 100) -> list[Appearance]:
        """Every article's entity known by ``name`` (full name or alias), by publication date."""

    @abstractmethod
    def claims_about(self, name: str, limit: int = 500) -> list[ClaimEvent]:
        """Claims about the entity known by ``name``, by publication date (undated ones last)."""

    @abstractmethod
    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and texts, best first (a query matching very many articles
        gives the newest stored first: ranking them all would be slow); ``offset`` hits skipped."""

    @abstractmethod
    def dossiers(self) -> Iterator[Dossier]:
        """Every stored dossier, in storage order (for export)."""

    @abstractmethod
    def counts(self) -> Counts: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
