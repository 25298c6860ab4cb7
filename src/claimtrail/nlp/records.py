"""The one place where a processed spaCy ``Doc`` becomes claimtrail's model records."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import (Article, Attribution, Claim, Content, Document, Dossier, Entity, Flag, Mention,
                     Role, Source, Span, Timex)
from ..store.base import content_hash  # a plain function: the store never imports spaCy
from .state import analysis

_SHORT_ID = len("sha256:") + 16  # "sha256:" and 64 bits of the hash: short, and unique enough per corpus


def article_id(art: Article) -> str:
    """The article's given id, else the start of ``store.content_hash`` of its text.

    Derived from the store's hash (NFC, whitespace collapsed) rather than a hash of the raw text, so
    the id a dossier prints is a prefix of the key the store knows the article by: the same text
    read twice, with different line breaks, gets the same id, and `claimtrail who`, the API and the
    web app can be checked against a printed dossier by eye."""
    if art.id:
        return art.id
    return content_hash(art.text)[:_SHORT_ID]


def to_dossier(doc: Doc, art: Article, stages: dict[str, str]) -> Dossier:
    ct = analysis(doc)
    text = doc.text

    def span(s: int, e: int) -> Span:
        return Span(s, e, text[s:e])

    # Entities are numbered in order of first mention; clusters with no mention are dropped.
    order = sorted((i for i, c in enumerate(ct.clusters) if c.mentions),
                   key=lambda i: min(m.start for m in ct.clusters[i].mentions))
    eid = {ci: f"E{n}" for n, ci in enumerate(order, 1)}
    entities = tuple(
        Entity(
            id=eid[ci], name=c.name, type=c.type if c.type in _TYPES else "OTHER", gender=c.gender,
            mentions=tuple(Mention(m.start, m.end, text[m.start:m.end], m.kind)
                           for m in sorted(c.mentions, key=lambda m: (m.start, m.end))),
            roles=tuple(Role(r.start, r.end, text[r.start:r.end], r.title, r.organization)
                        for r in sorted(c.roles, key=lambda r: r.start)),
        )
        for ci in order
        for c in [ct.clusters[ci]]
    )
    tid = {i: f"T{n}" for n, i in enumerate(sorted(range(len(ct.timexes)), key=lambda i: ct.timexes[i].start), 1)}
    timexes = tuple(sorted((Timex(t.start, t.end, text[t.start:t.end], id=tid[i], type=t.type, value=t.value)
                            for i, t in enumerate(ct.timexes)), key=lambda t: t.start))
    a_order = sorted(range(len(ct.attributions)), key=lambda i: (ct.attributions[i].content[0][0], ct.attributions[i].cue[0]))
    aid = {ai: f"A{n}" for n, ai in enumerate(a_order, 1)}
    attributions = []
    for ai in a_order:
        a = ct.attributions[ai]
        parts = tuple(span(s, e) for s, e in a.content)
        c0, c1 = a.content[0][0], a.content[-1][1]
        src = None
        if a.source is not None:
            src = Source(a.source[0], a.source[1], text[a.source[0]:a.source[1]],
                         eid.get(a.source_cluster) if a.source_cluster is not None else None, a.group)
        attributions.append(Attribution(
            id=aid[ai], kind=a.kind, source=src, cue=span(*a.cue),  # type: ignore[arg-type]
            content=Content(c0, c1, text[c0:c1], parts if len(parts) > 1 else ()),
            stance=a.stance, time=tid.get(a.time) if a.time is not None else None))  # type: ignore[arg-type]
    c_order = sorted(range(len(ct.claims)), key=lambda i: ct.claims[i].start)
    claims = tuple(
        Claim(c.start, c.end, text[c.start:c.end], id=f"C{n}", status=c.status,  # type: ignore[arg-type]
              about=tuple(eid[x] for x in c.about if x in eid),
              evidence=tuple(aid[x] for x in c.evidence if x in aid),
              time=tid.get(c.time) if c.time is not None else None)
        for n, ci in enumerate(c_order, 1)
        for c in [ct.claims[ci]]
    )
    document = Document(
        id=article_id(art), text=text, title=art.title, published=ct.published,
        published_basis=(art.published_basis or "given") if ct.published else None,
        language="en", url=art.url, source=art.source, author=art.author,
    )
    return Dossier(document=document, entities=entities, attributions=tuple(attributions), claims=claims,
                   timexes=timexes, flags=tuple(Flag(f.code, f.message, f.start) for f in ct.flags),
                   stages=dict(stages))


_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "OTHER"}
