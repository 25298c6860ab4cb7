"""Stage: claims — what the article reports, who bears on it, and how sure anyone is.

1. Each attribution's stance is refined from its cue in context (``stance.refine_stance``).
2. Each attribution's content is a proposition (``propositions.py``): its trimmed span, head
   predicate, negation, subject, content lemmas and the entity clusters mentioned in it.
3. Propositions about the same thing are linked into one claim (rules, no model): the same
   predicate or predicate family (``lexicons/contrasts.tsv``) and a shared entity; or the same
   predicate and most content words shared; a refusal to comment in the sentence of another
   attribution ("X reported that ..., but Y would not comment on whether ...") joins that one; a
   content that points back ("would not confirm that account", "denied the report") joins the
   nearest claim in the two sentences before it.
   Two assertions with opposed predicates about the same entity ("she was fired" / "she resigned")
   or the same predicate with opposite negation are a contradiction and join as a dispute.
4. Status of each claim from its evidence (see ``_status``); then doubts in the reporter's own
   voice (``voice.reporter_claims``) where no attribution covers them. A refusal or question with
   no proposition in it ("did not respond to a request for comment") makes no claim of its own.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .propositions import FLIP, Prop, clusters_in, mention_index, props_of, sentence_ordinals
from .state import Analysis, ClaimHit, analysis, guarded
from .stance import lexicon_rows, refine_stance
from .voice import reporter_claims

NAME = "claims"
VERSION = "claims-rules/1"
COMPONENT = "claimtrail_claims"
REQUIRES: tuple[str, ...] = ('attributions', 'clusters', 'timexes')
PROVIDES: tuple[str, ...] = ("claims",)

LIGHT = {"be", "have", "do", "get", "make", "take", "go", "come"}  # predicates too empty to link on
LINK_WINDOW = 200  # compare each proposition with at most this many before it (long documents)


@lru_cache(maxsize=1)
def families() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """lemma -> its families, family -> opposed family (``lexicons/contrasts.tsv``)."""
    fam: dict[str, set[str]] = {}
    opp = {}
    for row in lexicon_rows("contrasts.tsv"):
        if len(row) >= 3:
            for m in row[1].split("|"):
                fam.setdefault(m.strip(), set()).add(row[0])
            if row[2].strip() != "-":
                opp[row[0]] = row[2].strip()
    return {k: frozenset(v) for k, v in fam.items()}, opp


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
    """Whether two propositions may sit in one claim: not a denial of the opposite, and a dispute
    only between two statements (not questions or orders) about the same subject."""
    if not _opposed(a, b):
        return True
    asserted = {"assert", "confirm"}
    same_subject = a.subject is None or b.subject is None or a.subject == b.subject
    return a.stance in asserted and b.stance in asserted and a.assertive and b.assertive and same_subject


def _groups(props: list[Prop]) -> list[list[Prop]]:
    """Union of related propositions; two groups merge only when all their members are compatible
    (so "he left" cannot carry "she denied he was forced out" into "he resigned")."""
    group_of = list(range(len(props)))
    members: dict[int, list[int]] = {k: [k] for k in range(len(props))}
    def merge(gi: int, gj: int) -> None:
        if gi != gj and all(_compatible(props[x], props[y]) for x in members[gi] for y in members[gj]):
            for y in members.pop(gj):
                group_of[y] = gi
                members[gi].append(y)

    for j, b in enumerate(props):
        if b.anaphor:  # "would not confirm that account": the nearest claim before it, nearby
            i = next((i for i in range(j - 1, max(-1, j - LINK_WINDOW), -1) if props[i].clause
                      and not props[i].anaphor and not props[i].virtual and b.sent - props[i].sent <= 2), None)
            if i is not None:
                merge(group_of[i], group_of[j])
            continue
        for i in range(max(0, j - LINK_WINDOW), j):
            gi, gj = group_of[i], group_of[j]
            if gi != gj and _related(props[i], props[j]):
                merge(gi, gj)
    return [[props[k] for k in sorted(ms)] for ms in members.values()]


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
    if support:
        return "asserted"
    return "unclear" if any(p.unclear for p in group) else "unconfirmed"


def _primary(group: list[Prop]) -> Prop:
    ordered = sorted(group, key=lambda p: (p.virtual, p.start))
    return next((p for p in ordered if p.stance not in ("decline", "question")), ordered[0])


def _time(ct: Analysis, s: int, e: int) -> int | None:
    inside = [i for i, t in enumerate(ct.timexes) if t.start >= s and t.end <= e]
    return min(inside, key=lambda i: ct.timexes[i].start) if inside else None


def build_claims(doc: Doc) -> list[ClaimHit]:
    ct = analysis(doc)
    idx = mention_index(ct)
    text = doc.text  # a Doc joins its tokens on every .text: once here
    sent_of = sentence_ordinals(doc)
    props = [p for i, a in enumerate(ct.attributions) for p in props_of(doc, text, idx, sent_of, i, a)]
    claims = []
    for group in _groups(props):
        if all(p.virtual or p.index == group[0].index for p in group) and any(p.virtual for p in group):
            group = [p for p in group if not p.virtual]  # a "not Y" nobody else asserted
            if not group:
                continue
        if all(p.stance in ("decline", "question") and not p.clause for p in group):
            continue  # "did not respond to a request for comment": a refusal, but no proposition
        first = _primary(group)
        claims.append(ClaimHit(first.start, first.end, _status(group, first),
                               sorted(first.clusters), sorted({p.index for p in group}), _time(ct, first.start, first.end)))
    claims = _add_reporter_claims(doc, ct, idx, props, claims)
    n = len(text)
    return sorted((c for c in claims if 0 <= c.start < c.end <= n), key=lambda c: c.start)


def _add_reporter_claims(doc: Doc, ct: Analysis, idx: tuple, props: list[Prop],
                         claims: list[ClaimHit]) -> list[ClaimHit]:
    """The reporter's doubts, where no attribution carries the proposition already. An attribution
    said inside such a doubt ("it was unclear whether the board had approved the move") is folded
    into it: the reporter's doubt is the claim's status, the attribution its evidence."""
    covered = [(p.start, p.end) for p in props if not p.virtual]
    for s, e, status in reporter_claims(doc):
        if any(min(e, ce) - max(s, cs) > (e - s) / 2 for cs, ce in covered):
            continue  # an attribution already carries this proposition
        covered.append((s, e))
        inside = [c for c in claims if c.evidence and s <= c.start and c.end <= e
                  and all(s <= ct.attributions[i].cue[0] < e for i in c.evidence)]
        claims = [c for c in claims if c not in inside]
        evidence = sorted({i for c in inside for i in c.evidence})
        claims.append(ClaimHit(s, e, status, sorted(clusters_in(idx, s, e)), evidence, _time(ct, s, e)))
    return claims


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
