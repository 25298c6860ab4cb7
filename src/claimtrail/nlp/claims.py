"""Stage: claims — what the article reports, who bears on it, and how sure anyone is.

1. Each attribution's stance is refined from its cue in context (``stance.refine_stance``).
2. Each attribution's content is a proposition: its trimmed span, head predicate, negation,
   content lemmas and the entity clusters mentioned in it.
3. Propositions about the same thing are linked into one claim (rules, no model): the same
   predicate or predicate family (``lexicons/contrasts.tsv``) and a shared entity; or the same
   predicate and most content words shared; a refusal to comment in the sentence of another
   attribution ("X reported that ..., but Y would not comment on whether ...") joins that one.
   Two assertions with opposed predicates about the same entity ("she was fired" / "she resigned")
   or the same predicate with opposite negation are a contradiction and join as a dispute.
4. Status of each claim from its evidence (see ``_status``); then doubts in the reporter's own
   voice (``voice.reporter_claims``) where no attribution covers them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .state import Analysis, AttributionHit, ClaimHit, analysis, guarded
from .stance import _rows, hedges, phrasal, refine_stance
from .voice import reporter_claims

NAME = "claims"
VERSION = "claims-rules/1"
COMPONENT = "claimtrail_claims"
REQUIRES: tuple[str, ...] = ('attributions', 'clusters', 'timexes')
PROVIDES: tuple[str, ...] = ("claims",)

QUOTES = "\"'“”‘’«»„‟`"
LIGHT = {"be", "have", "do", "get", "make", "take", "go", "come"}
LINK_WINDOW = 200
# Cues that, with no source at all, pass on hearsay ("it was reported that", "it is believed").
HEARSAY = {"report", "say", "rumor", "rumour", "claim", "allege", "believe", "think", "understand",
           "suggest", "speculate", "suspect", "accord"}  # compare each attribution with at most this many before it (long documents)


@lru_cache(maxsize=1)
def families() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """lemma -> its families, family -> opposed family (``lexicons/contrasts.tsv``)."""
    fam: dict[str, set[str]] = {}
    opp = {}
    for row in _rows("contrasts.tsv"):
        if len(row) >= 3:
            for m in row[1].split("|"):
                fam.setdefault(m.strip(), set()).add(row[0])
            if row[2].strip() != "-":
                opp[row[0]] = row[2].strip()
    return {k: frozenset(v) for k, v in fam.items()}, opp


@dataclass
class Prop:
    index: int  # attribution index
    start: int
    end: int
    head: str  # predicate lemma ("force out" for a phrasal verb)
    negated: bool
    lemmas: set[str]
    clusters: set[int]
    stance: str
    source: str | None  # independence key: cluster id or lower-cased source text
    report: bool  # the source is a report, rumour or unnamed: it cannot make a claim "asserted"
    sent: int
    members: list[int] = field(default_factory=list)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in QUOTES or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in QUOTES or text[e - 1] in ",;:.—–-"):
        e -= 1
    for lead in ("whether or not ", "whether ", "that ", "if "):
        if text[s:s + len(lead)].lower() == lead and e - s > len(lead):
            s += len(lead)
            break
    return s, e


def _is_report(doc: Doc, a: AttributionHit) -> bool:
    """Unattributed ("It was reported that"), or a report/medium/rumour rather than a speaker."""
    if a.source is None:
        # "It was reported that", "is said to": hearsay; a missed source of "announced" is not.
        head = _content_root(doc, *a.cue)
        return head is None or head.lemma_.lower() in HEARSAY
    span = doc.char_span(a.source[0], a.source[1], alignment_mode="expand")
    if span is None or not len(span):
        return True
    if span.root.lemma_.lower() not in hedges().get("source", set()):
        return False
    # A named outlet ("a report in the Daily Courier") is accountable for what it prints; unnamed
    # ones ("local news sites", "social media accounts") are not.
    return not any(t.pos_ == "PROPN" for t in span)


def _content_root(doc: Doc, s: int, e: int) -> Token | None:
    span = doc.char_span(s, e, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clusters_in(index: tuple[list[int], list[tuple[int, int, int]]], s: int, e: int) -> set[int]:
    starts, mentions = index
    out = set()
    for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        if mentions[k][1] <= e:
            out.add(mentions[k][2])
    return out


def _mention_index(ct: Analysis) -> tuple[list[int], list[tuple[int, int, int]]]:
    ms = sorted((m.start, m.end, ci) for ci, c in enumerate(ct.clusters) for m in c.mentions)
    return [m[0] for m in ms], ms


def _prop(doc: Doc, ct: Analysis, idx: tuple, i: int, a: AttributionHit) -> Prop | None:
    piece = max(a.content, key=lambda p: p[1] - p[0]) if a.content else None
    if piece is None:
        return None
    s, e = _trim(doc.text, max(0, piece[0]), min(len(doc.text), piece[1]))
    if e <= s:
        return None
    root = _content_root(doc, s, e)
    span = doc.char_span(s, e, alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
              and not t.is_stop} if span is not None else set()
    src = None
    if a.source_cluster is not None:
        src = f"c{a.source_cluster}"
    elif a.source is not None:
        src = doc.text[a.source[0]:a.source[1]].lower()
    return Prop(i, s, e, phrasal(root) if root is not None else "",
                bool(root is not None and any(c.dep_ == "neg" for c in root.children)),
                lemmas, _clusters_in(idx, s, e), a.stance, src, _is_report(doc, a),
                root.sent.start if root is not None else -1)


def _same_family(a: Prop, b: Prop) -> bool:
    fam, _ = families()
    return a.head == b.head or bool(fam.get(a.head, frozenset()) & fam.get(b.head, frozenset()))


def _opposed(a: Prop, b: Prop) -> bool:
    """Contents that cannot both hold: opposed predicate families, or one negates the other."""
    fam, opp = families()
    fa, fb = fam.get(a.head, frozenset()), fam.get(b.head, frozenset())
    if any(opp.get(x) in fb for x in fa):
        return not (a.negated or b.negated)
    return _same_family(a, b) and a.negated != b.negated


def _related(a: Prop, b: Prop) -> bool:
    if a.stance == "decline" and a.sent == b.sent and b.stance != "decline" or \
            b.stance == "decline" and a.sent == b.sent and a.stance != "decline":
        return True  # "X reported that ..., but Y would not comment on whether ..."
    # A light verb ("was a breach" / "is branded") says too little on its own: ask for shared words.
    shared = bool(a.clusters & b.clusters) and a.head not in LIGHT
    # Opposed contents join only as a dispute between two statements; a denial of the opposite
    # ("she denied he was forced out" beside "he resigned") agrees and stays a claim of its own.
    return bool(_same_family(a, b) and a.head and (shared or _overlap(a, b) >= 0.5)) and _compatible(a, b)


def _overlap(a: Prop, b: Prop) -> float:
    if not a.lemmas or not b.lemmas:
        return 0.0
    return len(a.lemmas & b.lemmas) / len(a.lemmas | b.lemmas)


def _compatible(a: Prop, b: Prop) -> bool:
    """Whether two propositions may sit in one claim: not a denial of the opposite."""
    asserted = {"assert", "confirm"}
    return not _opposed(a, b) or (a.stance in asserted and b.stance in asserted)


def _groups(props: list[Prop]) -> list[list[Prop]]:
    """Union of related propositions; two groups merge only when all their members are compatible
    (so "he left" cannot carry "she denied he was forced out" into "he resigned")."""
    group_of = list(range(len(props)))
    members: dict[int, list[int]] = {k: [k] for k in range(len(props))}
    for j in range(len(props)):
        for i in range(max(0, j - LINK_WINDOW), j):
            gi, gj = group_of[i], group_of[j]
            if gi == gj or not _related(props[i], props[j]):
                continue
            if all(_compatible(props[x], props[y]) for x in members[gi] for y in members[gj]):
                for y in members.pop(gj):
                    group_of[y] = gi
                    members[gi].append(y)
    return [[props[k] for k in sorted(ms)] for ms in members.values()]


FLIP = {"assert": "deny", "confirm": "deny", "deny": "assert"}


def _status(group: list[Prop], primary: Prop) -> str:
    """confirmed: a non-report source confirms, or >= 2 independent sources assert the primary's
    own predicate; asserted: one source; denied: only denials (or contradicting statements);
    disputed: both; unconfirmed: only reports, rumour, speculation, questions or refusals."""
    support, against = [], []
    for p in group:
        st = FLIP.get(p.stance, p.stance) if p is not primary and _opposed(primary, p) else p.stance
        if st == "deny":
            against.append(p)
        elif st in ("assert", "confirm") and not p.report:
            support.append((p, st))
    if support and against:
        return "disputed"
    if against:
        return "denied"
    if any(st == "confirm" for _, st in support):
        return "confirmed"
    same = {p.source for p, _ in support if p.source and p.head == primary.head}
    if len(same) >= 2:
        return "confirmed"
    return "asserted" if support else "unconfirmed"


def _primary(group: list[Prop]) -> Prop:
    ordered = sorted(group, key=lambda p: p.start)
    return next((p for p in ordered if p.stance not in ("decline", "question")), ordered[0])


def _time(ct: Analysis, s: int, e: int) -> int | None:
    inside = [i for i, t in enumerate(ct.timexes) if t.start >= s and t.end <= e]
    return min(inside, key=lambda i: ct.timexes[i].start) if inside else None


def build_claims(doc: Doc) -> list[ClaimHit]:
    ct = analysis(doc)
    idx = _mention_index(ct)
    props = [p for i, a in enumerate(ct.attributions) if (p := _prop(doc, ct, idx, i, a)) is not None]
    claims = []
    for group in _groups(props):
        first = _primary(group)
        claims.append(ClaimHit(first.start, first.end, _status(group, first),
                               sorted(first.clusters), sorted(p.index for p in group), _time(ct, first.start, first.end)))
    covered = sorted((p.start, p.end) for p in props)
    for s, e, status in reporter_claims(doc):
        if any(min(e, ce) - max(s, cs) > (e - s) / 2 for cs, ce in covered):
            continue  # an attribution already carries this proposition
        covered.append((s, e))
        claims.append(ClaimHit(s, e, status, sorted(_clusters_in(idx, s, e)), [], _time(ct, s, e)))
    n = len(doc.text)
    return sorted((c for c in claims if 0 <= c.start < c.end <= n), key=lambda c: c.start)


def claim_at(claims: list[ClaimHit], pos: int) -> ClaimHit | None:
    """The innermost claim whose span contains character ``pos``."""
    inside = [c for c in claims if c.start <= pos < c.end]
    return min(inside, key=lambda c: c.end - c.start) if inside else None


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    ct = analysis(doc)
    for a in ct.attributions:
        a.stance = refine_stance(doc, a.cue, a.content, a.stance)
    ct.claims = build_claims(doc)
