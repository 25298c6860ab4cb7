"""The one typed data model of claimtrail.

Frozen dataclasses for everything a dossier holds. spaCy never appears here: the NLP stages
work on spaCy ``Doc`` objects and ``claimtrail.nlp.records`` turns a processed ``Doc`` into these
records. Store, API and UI only ever see these types.

All offsets are Python ``str`` indices into ``Document.text``, end exclusive.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FORMAT = "claimtrail/dossier/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"]
MentionKind = Literal["name", "nominal", "pronoun"]
AttributionKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["assert", "confirm", "deny", "speculate", "decline", "question"]
ClaimStatus = Literal["confirmed", "asserted", "denied", "disputed", "unconfirmed", "unclear"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedBasis = Literal["given", "metadata", "inferred"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention(Span):
    kind: MentionKind = "name"


@dataclass(frozen=True)
class Role(Span):
    title: str = ""
    organization: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    gender: str | None = None  # "m", "f" or None: what the resolver believed


@dataclass(frozen=True)
class Source(Span):
    entity: str | None = None  # Entity.id the source resolves to
    group: bool = False  # "Western diplomats", "local media reports": a group, not one person


@dataclass(frozen=True)
class Content(Span):
    # The content's pieces when a quote is split around its cue ("“…,” she said, “…”"); the span
    # itself then runs from the first piece's start to the last piece's end.
    parts: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Attribution:
    id: str
    kind: AttributionKind
    source: Source | None
    cue: Span
    content: Content
    stance: Stance
    time: str | None = None  # Timex.id of when it was said, where the text says so


@dataclass(frozen=True)
class Claim(Span):
    id: str = ""
    status: ClaimStatus = "asserted"
    about: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    time: str | None = None


@dataclass(frozen=True)
class Timex(Span):
    id: str = ""
    type: TimexType = "DATE"
    value: str = ""


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Article:
    """One input article, before analysis: what ingest produces."""

    text: str
    id: str | None = None  # given id (JSONL), else a content hash is used
    title: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    origin: str | None = None  # file path or "file.jsonl:LINE", for messages


@dataclass(frozen=True)
class Flag:
    """Something odd about the article that the reader should know (never a reason to drop it)."""

    code: str
    message: str
    start: int | None = None


@dataclass(frozen=True)
class Dossier:
    document: Document
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    timexes: tuple[Timex, ...] = ()
    flags: tuple[Flag, ...] = ()
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> version that made it
    format: str = FORMAT

    def to_dict(self) -> dict[str, Any]:
        return _to_json(self)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True)
class Failure:
    """An article that could not be analysed, with the reason (a batch records it and goes on)."""

    origin: str
    code: str
    message: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"format": "claimtrail/failure/1", **asdict(self)}


def _to_json(d: Dossier) -> dict[str, Any]:
    def span(s: Span) -> dict[str, Any]:
        return {"start": s.start, "end": s.end, "text": s.text}

    doc = asdict(d.document)
    return {
        "format": d.format,
        "document": doc,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "gender": e.gender,
                "mentions": [{**span(m), "kind": m.kind} for m in e.mentions],
                "roles": [{**span(r), "title": r.title, "organization": r.organization} for r in e.roles],
            }
            for e in d.entities
        ],
        "attributions": [
            {
                "id": a.id,
                "kind": a.kind,
                # The contract wants a span here: an unknown source ("It was reported that …") is
                # written as an empty span at the cue, with entity null.
                "source": ({**span(a.source), "entity": a.source.entity, "group": a.source.group}
                           if a.source else {"start": a.cue.start, "end": a.cue.start, "text": "",
                                             "entity": None, "group": False}),
                "cue": span(a.cue),
                "content": {**span(a.content), "parts": [span(p) for p in a.content.parts]},
                "stance": a.stance,
                "time": a.time,
            }
            for a in d.attributions
        ],
        "claims": [
            {**span(c), "id": c.id, "status": c.status, "about": list(c.about),
             "evidence": list(c.evidence), "time": c.time}
            for c in d.claims
        ],
        "timexes": [{**span(t), "id": t.id, "type": t.type, "value": t.value} for t in d.timexes],
        "flags": [asdict(f) for f in d.flags],
        "stages": dict(d.stages),
    }


def dossier_from_dict(data: dict[str, Any]) -> Dossier:
    """Inverse of ``Dossier.to_dict`` (used by the store and the tests' round trips)."""

    def sp(x: dict[str, Any]) -> Span:
        return Span(x["start"], x["end"], x["text"])

    doc_fields = {k: data["document"].get(k) for k in Document.__dataclass_fields__}
    return Dossier(
        document=Document(**doc_fields),
        entities=tuple(
            Entity(
                id=e["id"], name=e["name"], type=e["type"], gender=e.get("gender"),
                mentions=tuple(Mention(m["start"], m["end"], m["text"], m.get("kind", "name")) for m in e["mentions"]),
                roles=tuple(Role(r["start"], r["end"], r["text"], r.get("title", ""), r.get("organization"))
                            for r in e.get("roles", [])),
            )
            for e in data["entities"]
        ),
        attributions=tuple(
            Attribution(
                id=a["id"], kind=a["kind"], stance=a["stance"], time=a.get("time"),
                source=(Source(a["source"]["start"], a["source"]["end"], a["source"]["text"],
                               a["source"].get("entity"), a["source"].get("group", False))
                        if a.get("source") and a["source"]["text"] else None),
                cue=sp(a["cue"]),
                content=Content(a["content"]["start"], a["content"]["end"], a["content"]["text"],
                                tuple(sp(p) for p in a["content"].get("parts", []))),
            )
            for a in data["attributions"]
        ),
        claims=tuple(
            Claim(c["start"], c["end"], c["text"], id=c["id"], status=c["status"],
                  about=tuple(c.get("about", [])), evidence=tuple(c.get("evidence", [])), time=c.get("time"))
            for c in data["claims"]
        ),
        timexes=tuple(Timex(t["start"], t["end"], t["text"], id=t["id"], type=t["type"], value=t["value"])
                      for t in data["timexes"]),
        flags=tuple(Flag(**f) for f in data.get("flags", [])),
        stages=dict(data.get("stages", {})),
        format=data.get("format", FORMAT),
    )
