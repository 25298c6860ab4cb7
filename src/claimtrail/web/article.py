"""What the article page shows, built from a ``Dossier`` alone (plain values for the template).

The highlights: each attribution's source ("speaker"), cue and content ("quote"; a split quote
is highlighted piece by piece, not over the cue between), and each claim, classed by status.
Each highlight's details (source, cue, stance, time; a claim's status and sources) are a block the
page shows on hover and on keyboard focus.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

from ..claims_board import ORDER as STATUS_ORDER
from ..model import Attribution, Claim, Dossier, Entity
from ..view import speaker
from .highlight import Mark, to_html

STATUS_LABELS = {
    "confirmed": "confirmed", "asserted": "asserted (not independently confirmed)", "disputed": "disputed",
    "denied": "denied", "unconfirmed": "unconfirmed (rumour, speculation, no comment)",
    "unclear": "unclear (the reporter says it is not known)",
}
STANCE_VERBS = {"assert": "asserts", "confirm": "confirms", "deny": "denies", "speculate": "speculates",
                "decline": "declines to comment", "question": "asks"}


def person_href(name: str) -> str:
    return "/people/" + quote(name, safe="")


def safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs; anything else (``javascript:``, ``data:``) is shown as text."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\"'<> "):
        return url.strip()
    return None


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    href: str | None = None


@dataclass(frozen=True)
class Detail:
    id: str  # the attribution or claim id; the block's element id is d-<id>
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Statement:
    id: str
    stance: str
    kind: str
    cue: str
    content: str
    time: str | None


@dataclass
class SpeakerGroup:
    name: str
    href: str | None
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True)
class PersonItem:
    name: str
    roles: tuple[str, ...]
    href: str
    said: int


@dataclass(frozen=True)
class ClaimItem:
    id: str
    status: str
    text: str
    cluster: int | None


@dataclass(frozen=True)
class ArticleView:
    title: str
    published: str | None
    published_basis: str | None
    source: str | None
    author: str | None
    url: str | None  # as given (shown as text)
    url_href: str | None  # only when safe to link
    doc_id: str
    body: Markup
    details: tuple[Detail, ...]
    people: tuple[PersonItem, ...]
    groups: tuple[SpeakerGroup, ...]
    claims: tuple[ClaimItem, ...]
    statuses: tuple[str, ...]  # statuses present, in legend order
    flags: tuple[tuple[str, str], ...]


def _time(d: Dossier, timex_id: str | None) -> str | None:
    t = next((t for t in d.timexes if t.id == timex_id), None) if timex_id else None
    if t is None:
        return None
    return f"{' '.join(t.text.split())} ({t.value})" if t.value else " ".join(t.text.split())


def _when(d: Dossier, timex_id: str | None) -> str:
    said = _time(d, timex_id)
    if said:
        return said
    return f"not stated; published {d.document.published}" if d.document.published else "not stated"


def _speaker_href(d: Dossier, a: Attribution) -> str | None:
    e = d.entity(a.source.entity) if a.source else None
    return person_href(e.name) if e is not None and e.type == "PERSON" else None


def _attr_marks(d: Dossier, a: Attribution) -> list[Mark]:
    who = speaker(d, a)
    data = (("speaker", who), ("stance", a.stance))
    marks = []
    if a.source and a.source.end > a.source.start:
        marks.append(Mark(a.source.start, a.source.end, "speaker", a.id, (), data))
    marks.append(Mark(a.cue.start, a.cue.end, "cue", a.id, (), data))
    for p in a.content.parts or (a.content,):
        marks.append(Mark(p.start, p.end, "quote", a.id, (a.kind,), data))
    return marks


def _attr_detail(d: Dossier, a: Attribution) -> Detail:
    who = speaker(d, a)
    rows = [Row("Source", who, _speaker_href(d, a))]
    if a.source and a.source.text and " ".join(a.source.text.split()) != who:
        rows.append(Row("As written", " ".join(a.source.text.split())))
    rows += [Row("Cue", a.cue.text), Row("Stance", a.stance), Row("Kind", a.kind), Row("Time", _when(d, a.time))]
    return Detail(a.id, f"{who} {STANCE_VERBS.get(a.stance, a.stance)}", tuple(rows))


def _claim_detail(d: Dossier, c: Claim, cluster: int | None) -> Detail:
    by_id = {a.id: a for a in d.attributions}
    rows = [Row("Status", STATUS_LABELS.get(c.status, c.status))]
    about = [e for x in c.about if (e := d.entity(x)) is not None]
    if about:
        rows.append(Row("About", ", ".join(e.name for e in about)))
    sources = [by_id[x] for x in c.evidence if x in by_id]
    for a in sources:
        rows.append(Row("Source", f"{speaker(d, a)} — {a.stance}, “{a.cue.text}”", _speaker_href(d, a)))
    if not sources:
        rows.append(Row("Source", "the reporter"))
    rows.append(Row("Time", _when(d, c.time)))
    if cluster is not None:
        rows.append(Row("Across articles", f"claim #{cluster}", f"/claims/{cluster}"))
    return Detail(c.id, f"Claim: {c.status}", tuple(rows))


def _roles(e: Entity) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for r in e.roles:
        label = r.title or r.text
        if r.organization and r.organization.lower() not in label.lower():
            label += f", {r.organization}"
        seen.setdefault(label.lower(), label)
    return tuple(seen.values())


def _groups(d: Dossier) -> tuple[SpeakerGroup, ...]:
    groups: dict[str, SpeakerGroup] = {}
    for a in d.attributions:  # speakers in order of their first statement
        who = speaker(d, a)
        g = groups.setdefault(who, SpeakerGroup(who, _speaker_href(d, a)))
        content = " … ".join(" ".join(p.text.split()) for p in (a.content.parts or (a.content,)))
        g.statements.append(Statement(a.id, a.stance, a.kind, a.cue.text, content, _time(d, a.time)))
    return tuple(groups.values())


def article_view(d: Dossier, clusters: dict[str, int] | None = None) -> ArticleView:
    """The page's values; ``clusters`` maps claim id -> claim cluster id where the store knows it."""
    clusters = clusters or {}
    doc = d.document
    marks: list[Mark] = []
    details: list[Detail] = []
    for a in d.attributions:
        marks += _attr_marks(d, a)
        details.append(_attr_detail(d, a))
    for c in d.claims:
        marks.append(Mark(c.start, c.end, "claim", c.id, (f"status-{c.status}",), (("status", c.status),)))
        details.append(_claim_detail(d, c, clusters.get(c.id)))
    said: dict[str, int] = {}
    for a in d.attributions:
        if a.source and a.source.entity:
            said[a.source.entity] = said.get(a.source.entity, 0) + 1
    people = tuple(PersonItem(e.name, _roles(e), person_href(e.name), said.get(e.id, 0))
                   for e in d.entities if e.type == "PERSON")
    title = doc.title or next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "(untitled)")
    present = {c.status for c in d.claims}
    return ArticleView(
        title=title, published=doc.published, published_basis=doc.published_basis, source=doc.source,
        author=doc.author, url=doc.url, url_href=safe_url(doc.url), doc_id=doc.id, body=to_html(doc.text, marks),
        details=tuple(details), people=people, groups=_groups(d),
        claims=tuple(ClaimItem(c.id, c.status, " ".join(c.text.split()), clusters.get(c.id)) for c in d.claims),
        statuses=tuple(s for s in STATUS_ORDER if s in present),
        flags=tuple((f.code, f.message) for f in d.flags))
