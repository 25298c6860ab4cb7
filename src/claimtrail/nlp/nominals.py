"""Nominal mentions of people: "the spokeswoman", "the deputy governor", "the ministry spokeswoman".

A definite role phrase joins the one person in the article whose role matches it (title, rank
words such as "deputy", and any organisation words it carries); when two or more people hold a
matching role it joins nobody: a wrong link would put words in the wrong mouth, a missing one only
leaves a source unnamed.

News leads often describe a person before naming them ("A deputy governor of Hebei province has
not been seen in public ... . Zhang Wenjun, 57, last appeared ..."). An indefinite role phrase that
is the subject of one of the article's opening sentences, followed within the next sentences by the
first person named, who holds no role of their own, gives that person the role and the phrase as a
mention.

Cost: one pass over the tokens; each phrase is compared with the article's role list (short).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import names, roles

# Rank words: "the deputy governor" is not the governor, and "the governor" is not the deputy.
_RANK = {"deputy", "vice", "assistant", "associate", "acting", "junior", "lieutenant", "under", "co"}
# Words that qualify a phrase without telling whose role it is ("the new spokeswoman").
_NEUTRAL = {"new", "top", "senior", "current", "longtime", "veteran", "then", "embattled", "outgoing", "incoming",
            "same", "interim", "chief", "official", "former", "ex", "retired", "late"}
_DEFINITE = {"the", "this", "that", "its"}
_INDEFINITE = {"a", "an"}
_SUBJ = {"nsubj", "nsubjpass"}
_LEAD_SENTENCES = 3  # the headline and the first sentences of the body
_NAMED_WITHIN = 2  # sentences after the lead phrase in which its person must be named


@dataclass(frozen=True)
class Phrase:
    first: int  # token index of the determiner
    head: int  # token index of the head noun
    end: int  # token index after the phrase (its "of ..." complement included)
    title: str  # lexicon title key ending at the head
    words: frozenset[str]  # keys of the other content words (rank, organisation)
    definite: bool


def _content(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN", "ADJ") and t.is_alpha


def phrase_at(doc: Doc, t: Token) -> Phrase | None:
    """The role phrase headed by t ("the Foreign Ministry spokeswoman", "a deputy governor of
    Hebei province"), or None when t heads no determiner + title phrase."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    dets = [c for c in t.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in _DEFINITE | _INDEFINITE:
        return None
    first = dets[0].i
    hit = roles._title_ending_at(doc, t.i, first + 1)
    if hit is None or hit[1] not in names.titles():
        return None  # kin nouns ("the mother") are not roles
    a, title = hit
    words = {names.key(x.text) for x in doc[first + 1:a] if _content(x)}
    end = t.i + 1
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "for"):
            words |= {names.key(x.text) for x in c.subtree if _content(x)}
            end = max(end, c.right_edge.i + 1)
    words |= {w for w in title.split() if w in _RANK}
    return Phrase(first, t.i, end, title, frozenset(words - _NEUTRAL), dets[0].lower_ in _DEFINITE)


def matches(p: Phrase, title: str, organization: str | None) -> bool:
    """Whether a role (title, organisation) is one the phrase can name."""
    if title != p.title and not title.endswith(" " + p.title):
        return False  # "the minister" names a foreign minister; "the deputy governor" never a governor
    role_words = set(title.split()) | {names.key(w) for w in (organization or "").replace("'s", "").split()}
    role_rank = {w for w in title.split() if w in _RANK}
    if not role_rank <= p.words:
        return False  # "the governor" is not the deputy governor
    # Every qualifier of the phrase must be found in the role: "the ministry spokeswoman" fits
    # "Foreign Ministry spokeswoman", not "police spokeswoman".
    extra = {w for w in p.words if w not in role_words and w not in _RANK}
    return not extra and (p.words & _RANK) <= role_rank


def _holder(p: Phrase, finds: list[roles.RoleFind]) -> int | None:
    """The one cluster holding a role the phrase names; None when none or several do."""
    found = {f.cluster for f in finds if not f.kin and matches(p, f.title, f.organization)}
    return next(iter(found)) if len(found) == 1 else None


def link(doc: Doc, finds: list[roles.RoleFind], person_spans: list[tuple[int, int, int]], covered: bytearray,
         genders: list[str | None], add: Callable[[int, int, int, int], None]) -> None:
    """Find role phrases and join each to its person: ``add(cluster, start char, end char, head token)``
    records a mention. New roles from news leads are appended to ``finds``."""
    in_role = bytearray(len(doc.text) + 1)
    for f in finds:
        for k in range(f.start, f.end):
            in_role[k] = 1
    phrases = []
    for t in doc:
        if covered[t.i] or in_role[t.idx] or (t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ == "PERSON"):
            continue  # a name's own title ("spokeswoman Hua Chunying") is a role, not a mention
        p = phrase_at(doc, t)
        if p is not None and not any(c.dep_ == "appos" for c in t.children):
            phrases.append(p)
    lead = _lead(doc, phrases, finds, person_spans, genders)
    for p in phrases:
        ci = lead[p.head] if p.head in lead else _holder(p, finds) if p.definite else None
        if ci is None:
            continue
        last = doc[p.head]
        add(ci, doc[p.first].idx, last.idx + len(last), p.head)
        covered[p.head] = 1


def _lead(doc: Doc, phrases: list[Phrase], finds: list[roles.RoleFind], person_spans: list[tuple[int, int, int]],
          genders: list[str | None]) -> dict[int, int]:
    """'A deputy governor of Hebei province has not been seen ... . Zhang Wenjun, 57, last appeared':
    the first person named soon after an indefinite subject role phrase in the opening sentences
    takes that role, if the phrase's title is a person's and nobody holds a role it names.
    Returns {head token of the phrase: cluster}."""
    sent_of = _opening_sentences(doc, _LEAD_SENTENCES + _NAMED_WITHIN)
    for p in phrases:
        k = sent_of.get(p.head)
        if p.definite or k is None or k >= _LEAD_SENTENCES or doc[p.head].dep_ not in _SUBJ:
            continue
        if any(not f.kin and matches(p, f.title, f.organization) for f in finds):
            continue  # someone already holds it: the definite rule decides
        later = [(s, ci) for s, _, ci in person_spans if s >= p.end]
        if not later:
            return {}
        s, ci = min(later)
        if sent_of.get(s, 99) - k > _NAMED_WITHIN or any(f.cluster == ci and not f.kin for f in finds):
            return {}
        g = names.titles().get(p.title)
        if g and genders[ci] and g != genders[ci]:
            return {}
        a, b = doc[p.first], doc[p.end - 1]
        org = _organisation(doc, p)
        finds.append(roles.RoleFind(a.idx, b.idx + len(b), p.title, org, ci, g))
        return {p.head: ci}  # one lead per article
    return {}


def _opening_sentences(doc: Doc, n: int) -> dict[int, int]:
    """{token index: sentence number} over the first n sentences with a few words in them (a
    dateline such as "BEIJING —" split off by the parser does not count)."""
    out: dict[int, int] = {}
    k = 0
    for s in doc.sents:
        if k >= n:
            break
        if sum(t.is_alpha for t in s) < 4:
            continue
        for i in range(s.start, s.end):
            out[i] = k
        k += 1
    return out


def _organisation(doc: Doc, p: Phrase) -> str | None:
    """'of Hebei province' in 'a deputy governor of Hebei province'."""
    for c in doc[p.head].rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "for"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return roles._org_text(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
    return None
