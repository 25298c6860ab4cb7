"""Stage: roles of people — titles before a name, appositions, possessives.

Forms handled (each gives a RoleHit with span, title and organisation where given):
  "Foreign Ministry spokeswoman Hua Chunying", "Premier Li Keqiang"      title before the name
  "Germany's finance minister Christian Lindner"                          possessive organisation
  "Olaf Scholz, the German chancellor"; "Moon, a former human rights lawyer"   apposition after
  "a deputy, Lee Soo-ah,"                                                  apposition before
The entities stage calls ``find_roles`` first (roles give gender and let "the spokeswoman" find its
holder); the result is cached on the doc so this stage only attaches it to the clusters.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import names
from .state import RoleHit, analysis, guarded

NAME = "roles"
VERSION = "roles-rules/2"
COMPONENT = "claimtrail_roles"
REQUIRES: tuple[str, ...] = ("clusters",)
PROVIDES: tuple[str, ...] = ("roles",)

_CACHE_KEY = "claimtrail_roles"
# Words that qualify a title without naming an organisation ("former President", "acting chief").
_FILLER = {"former", "then", "acting", "new", "top", "senior", "interim", "outgoing", "incoming", "current",
           "longtime", "long-time", "veteran", "chief", "deputy", "assistant", "vice", "junior", "retired", "late",
           "embattled", "newly", "elected", "appointed", "ex", "ex-", "sitting", "one-time", "then-"}
_PRE_POS = {"NOUN", "PROPN", "ADJ"}
# Common nouns that name a body, so "port authority chief" has an organisation without capitals.
_ORG_NOUNS = {"authority", "ministry", "department", "agency", "commission", "committee", "council", "bureau",
              "court", "parliament", "government", "administration", "company", "bank", "union", "party", "board",
              "police", "army", "military", "navy", "office", "firm", "group", "university", "school", "hospital"}


@dataclass
class RoleFind:
    start: int  # char offsets of the role span
    end: int
    title: str
    organization: str | None
    cluster: int
    gender: str | None
    kin: bool = False  # "his wife, Anna": gender evidence only, not a role


def _title_ending_at(doc: Doc, i: int, lo: int) -> tuple[int, str] | None:
    """Longest lexicon title (titles or kin nouns) whose last token is i; returns (first token, key)."""
    for n in (4, 3, 2, 1):
        a = i - n + 1
        if a < lo:
            continue
        k = names.key(doc[a:i + 1].text)
        if k in names.titles() or k in names.kin_nouns():
            return a, k
    return None


def _org_text(doc: Doc, a: int, b: int) -> str | None:
    """Organisation words doc[a:b], lower-cased where only sentence-initial capitals made them look proper."""
    while a < b and (doc[a].lower_ in _FILLER or doc[a].pos_ == "DET"):
        a += 1
    while b > a and doc[b - 1].lower_ in _FILLER:
        b -= 1  # "Vietnamese Deputy Prime Minister": "Deputy" belongs to the title
    if a >= b:
        return None
    toks = doc[a:b]
    text = toks.text
    if doc[a].is_sent_start and len(toks) > 1 and not doc[a].ent_type_ and all(t.is_lower for t in toks[1:]):
        text = text[:1].lower() + text[1:]
    return names.demonyms().get(text.lower(), text)


def _prefix_role(doc: Doc, s: int, cluster: int) -> RoleFind | None:
    """A title directly before the name token s: "Port authority chief Park Min-jun"."""
    lo = doc[s].sent.start
    j = s - 1
    while j >= lo and s - j <= 8:
        t = doc[j]
        if t.pos_ in _PRE_POS or t.tag_ == "POS" or (t.lower_ == "of" and j > lo and doc[j - 1].pos_ in _PRE_POS):
            j -= 1
            continue
        break
    first = j + 1
    if first >= s:
        return None
    hit = _title_ending_at(doc, s - 1, first)
    if hit is None:
        return None
    a, title = hit
    kin = title not in names.titles()
    gender = (names.kin_nouns() if kin else names.titles()).get(title)
    org = None
    pos = [k for k in range(first, a) if doc[k].tag_ == "POS"]
    if pos:  # "Germany's economy minister": possessor is the organisation, words between join the title
        p = pos[-1]
        org = _org_text(doc, first, p)
        extra = [t.lower_ for t in doc[p + 1:a] if t.lower_ not in _FILLER]
        if extra:
            title = " ".join(extra + [title])
    else:
        org = _org_text(doc, first, a)
        named = any(doc[k].pos_ == "PROPN" or doc[k].ent_type_ for k in range(first, a))
        if org and not named and doc[a - 1].lower_ not in _ORG_NOUNS:
            org = None  # "his running mate presidential nominee": descriptive words, not an organisation
            first = a
    start = first
    while start < a and doc[start].pos_ == "DET":
        start += 1
    return RoleFind(doc[start].idx, doc[s - 1].idx + len(doc[s - 1]), title, org, cluster, gender, kin)


def _appos_role(doc: Doc, head: Token, cluster: int) -> RoleFind | None:
    """Role from an appositive noun phrase headed by ``head`` ("the German chancellor")."""
    hit = _title_ending_at(doc, head.i, head.left_edge.i)
    if hit is None:
        return None
    a, title = hit
    kin = title not in names.titles()
    gender = (names.kin_nouns() if kin else names.titles()).get(title)
    # Span: determiner .. head, plus an "of"/"at" phrase naming the organisation.
    left = head.left_edge.i
    right = head.i
    org = None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "for") and c.i > head.i:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                o = objs[0]
                right = max(right, o.right_edge.i)
                org = _org_text(doc, o.left_edge.i, o.right_edge.i + 1)
        elif c.dep_ == "poss" and c.i < head.i:
            org = _org_text(doc, c.left_edge.i, c.i + (0 if c.tag_ == "POS" else 1))
            if c.lower_ in ("his", "her", "their", "its"):
                org = None
    if org is None:
        org = _org_text(doc, left, a)
        if org and not any(doc[k].pos_ == "PROPN" or doc[k].ent_type_ for k in range(left, a)):
            org = None  # "a former human rights lawyer" -> keep only named organisations
        if org and org.lower() in ("his", "her", "their", "its"):
            org = None
    while right > left and doc[right].is_punct:
        right -= 1
    return RoleFind(doc[left].idx, doc[right].idx + len(doc[right]), title, org, cluster, gender, kin)


_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


def _surface_appos(doc: Doc, s: int, e: int, ci: int) -> RoleFind | None:
    """Comma-delimited titles the parser did not mark as apposition: "a deputy, Lee Soo-ah," and
    "Scholz, the German chancellor,"."""
    lo, hi = doc[s].sent.start, doc[s].sent.end
    if s - 2 >= lo and doc[s - 1].text == "," and doc[s - 2].pos_ == "NOUN":
        h = doc[s - 2]
        j = h.i
        while j - 1 >= lo and doc[j - 1].pos_ in _NP_POS and doc[j - 1].tag_ != "POS" or \
                (j - 1 >= lo and doc[j - 1].tag_ == "POS"):
            j -= 1
            if doc[j].pos_ == "DET":
                break
        if j < h.i and doc[j].pos_ == "DET" and (e >= hi or doc[e].is_punct):
            r = _appos_role(doc, h, ci)
            if r:
                r.start = min(r.start, doc[j].idx)
                return r
    if e + 2 < hi and doc[e].text == "," and doc[e + 1].pos_ == "DET" and doc[e + 1].lower_ in ("the", "a", "an"):
        j = e + 2
        while j < hi and doc[j].pos_ in _NP_POS or (j < hi and doc[j].tag_ == "POS"):
            j += 1
        h = doc[j - 1]
        if j > e + 2 and h.pos_ == "NOUN" and (j >= hi or doc[j].is_punct or doc[j].lower_ in ("of", "at", "for", "who")):
            hit = _title_ending_at(doc, h.i, e + 1)
            if hit:
                a, title = hit
                kin = title not in names.titles()
                org = _org_text(doc, e + 1, a)
                if org and not any(doc[k].pos_ == "PROPN" or doc[k].ent_type_ for k in range(e + 2, a)):
                    org = None
                gender = (names.kin_nouns() if kin else names.titles()).get(title)
                return RoleFind(doc[e + 1].idx, h.idx + len(h), title, org, ci, gender, kin)
    return None


def find_roles(doc: Doc, people: list[tuple[int, int, int]]) -> list[RoleFind]:
    """Roles for person name mentions given as (first token, end token, cluster index)."""
    out: list[RoleFind] = []
    for s, e, ci in people:
        r = _prefix_role(doc, s, ci)
        if r:
            out.append(r)
        span = doc[s:e]
        root = span.root
        for c in root.children:
            if c.dep_ == "appos" and c.i >= e and c.pos_ in ("NOUN", "PROPN"):
                r = _appos_role(doc, c, ci)
                if r:
                    out.append(r)
        h = root.head
        found = len(out)
        if root.dep_ == "appos" and h.i < s and h.pos_ == "NOUN":
            r = _appos_role(doc, h, ci)
            if r:
                out.append(r)
        if len(out) == found and not any(c.dep_ == "appos" for c in root.children):
            r = _surface_appos(doc, s, e, ci)
            if r and not any(o.start == r.start and o.cluster == ci for o in out):
                out.append(r)
    doc.user_data[_CACHE_KEY] = out
    return out


def cached(doc: Doc) -> list[RoleFind] | None:
    return doc.user_data.get(_CACHE_KEY)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    ct = analysis(doc)
    finds = cached(doc)
    if finds is None:  # entities stage did not run: nothing to attach roles to
        return
    for f in finds:
        if f.kin or f.cluster >= len(ct.clusters):
            continue
        c = ct.clusters[f.cluster]
        if any(r.start == f.start and r.end == f.end for r in c.roles):
            continue
        c.roles.append(RoleHit(f.start, f.end, f.title, f.organization))
    doc.user_data.pop(_CACHE_KEY, None)
