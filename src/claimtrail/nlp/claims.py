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

import bisect
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .propositions import (FLIP, MentionIndex, Prop, clusters_in, mention_index, props_of,
                           sentence_ordinals)
from .state import Analysis, ClaimHit, analysis, guarded
from .stance import lexicon_rows, refine_stance
from .voice import reporter_claims

NAME = "claims"
VERSION = "claims-rules/2"
COMPONENT = "claimtrail_claims"
REQUIRES: tuple[str, ...] = ('attributions', 'clusters', 'timexes')
PROVIDES: tuple[str, ...] = ("claims",)

LIGHT = {"be", "have", "do", "get", "make", "take", "go", "come"}  # predicates too empty to link on
LINK_WINDOW = 200  # compare each proposition with at most this many before it (long documents)


@lru_cache(maxsize=1)
def families() -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """lemma -> its families, family -> opposed family (``lexicons/contrasts.tsv``)."""
    fam: dict[str, set[str]] = {}
    opp: dict[str, str] = {}
    for row in lexicon_rows("contrasts.tsv"):
        if len(row) >= 3:
            for m in row[1].split("|"):
                fam.setdefault(m.strip(), set()).add(row[0])
            if row[2].strip() != "-":
                opp[row[0]] = row[2].strip()
    return {k: frozenset(v) for k, v in fam.items()}, opp


def _same_family(a: Prop, b: Prop) -> bool:
    """The same predicate, or two of one family ("resigned" / "stepped down")."""
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
    """Whether two propositions bear on the same thing, so that they may join one claim."""
    if a.sent == b.sent and (a.stance == "decline") != (b.stance == "decline"):
        return True  # "X reported that ..., but Y would not comment on whether ...": one refuses the other
    # A light verb ("was a breach" / "is branded") says too little on its own: ask for shared words.
    shared = bool(a.clusters & b.clusters) and a.head not in LIGHT
    # Opposed contents join only as a dispute between two statements; a denial of the opposite
    # ("she denied he was forced out" beside "he resigned") agrees and stays a claim of its own.
    return bool(_same_family(a, b) and a.head and (shared or _overlap(a, b) >= 0.5)) and _compatible(a, b)


def _overlap(a: Prop, b: Prop) -> float:
    """Jaccard overlap of the content words."""
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


def _antecedent(props: list[Prop], j: int) -> int | None:
    """For a content that points back ("would not confirm that account"): the nearest proposition
    before ``props[j]`` (props are in text order) that is a clause of its own, at most two
    sentences back."""
    b = props[j]
    return next((i for i in range(j - 1, max(0, j - LINK_WINDOW) - 1, -1) if props[i].clause
                 and not props[i].anaphor and not props[i].virtual and b.sent - props[i].sent <= 2), None)


class _Union:
    """Groups of propositions (union by merging). Each group keeps its members by (predicate,
    negation), all that decides whether two contents are opposed, so that a merge checks
    compatibility only between opposed members instead of between every pair: a long article can
    gather dozens of propositions in one group."""

    def __init__(self, props: list[Prop]) -> None:
        self.props = props
        self.group_of = list(range(len(props)))
        self.kinds: dict[int, dict[tuple[str, bool], list[int]]] = {
            k: {(p.head, p.negated): [k]} for k, p in enumerate(props)}

    def _compatible(self, gi: int, gj: int) -> bool:
        ps = self.props
        for xs in self.kinds[gi].values():
            for ys in self.kinds[gj].values():
                if _opposed(ps[xs[0]], ps[ys[0]]) and not all(_compatible(ps[x], ps[y]) for x in xs for y in ys):
                    return False
        return True

    def merge(self, gi: int, gj: int) -> bool:
        """Merge group ``gj`` into ``gi`` when all their members are compatible; whether they are one now."""
        if gi == gj:
            return True
        if not self._compatible(gi, gj):
            return False
        for kind, ys in self.kinds.pop(gj).items():
            for y in ys:
                self.group_of[y] = gi
            self.kinds[gi].setdefault(kind, []).extend(ys)
        return True

    def groups(self) -> list[list[Prop]]:
        return [[self.props[k] for k in sorted(k for ms in kinds.values() for k in ms)]
                for kinds in self.kinds.values()]


def _groups(props: list[Prop]) -> list[list[Prop]]:
    """Union of related propositions; two groups merge only when all their members are compatible
    (so "he left" cannot carry "she denied he was forced out" into "he resigned")."""
    union = _Union(props)
    group_of = union.group_of
    for j, b in enumerate(props):
        if b.anaphor:
            i = _antecedent(props, j)
            if i is not None:
                union.merge(group_of[i], group_of[j])
            continue
        # A group that refused j's group keeps refusing it while j is being linked: j's group only
        # grows and the refusing group does not change. Remembering it keeps a long article (many
        # related propositions in two incompatible groups) from re-checking them again and again.
        refused: set[int] = set()
        for i in range(max(0, j - LINK_WINDOW), j):
            gi, gj = group_of[i], group_of[j]
            if gi != gj and gi not in refused and _related(props[i], props[j]) and not union.merge(gi, gj):
                refused.add(gi)
    return union.groups()


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
    """The proposition whose words stand for the claim: the first real (not virtual) one that is
    not a refusal or a question, else simply the first."""
    ordered = sorted(group, key=lambda p: (p.virtual, p.start))
    return next((p for p in ordered if p.stance not in ("decline", "question")), ordered[0])


TimexIndex = list[tuple[int, int, int]]  # (start, timex index, end), sorted


def _timex_index(ct: Analysis) -> TimexIndex:
    return sorted((t.start, i, t.end) for i, t in enumerate(ct.timexes))


def _time(tx: TimexIndex, s: int, e: int) -> int | None:
    """The earliest time expression inside [s, e) (of two at one start, the first listed). A
    bisect, not a scan: a long article has hundreds of claims and of time expressions."""
    k = bisect.bisect_left(tx, (s, -1, -1))
    while k < len(tx) and tx[k][0] <= e:
        if tx[k][2] <= e:
            return tx[k][1]
        k += 1
    return None


def _claim(group: list[Prop], tx: TimexIndex) -> ClaimHit:
    """One claim: the primary proposition's words and entities, the group's status and evidence."""
    first = _primary(group)
    return ClaimHit(first.start, first.end, _status(group, first), sorted(first.clusters),
                    sorted({p.index for p in group}), _time(tx, first.start, first.end))


def _claim_group(group: list[Prop]) -> list[Prop]:
    """The propositions of a group that make a claim; none for a refusal with no proposition."""
    if all(p.virtual or p.index == group[0].index for p in group) and any(p.virtual for p in group):
        group = [p for p in group if not p.virtual]  # a "not Y" nobody else asserted
    if all(p.stance in ("decline", "question") and not p.clause for p in group):
        return []  # "did not respond to a request for comment": a refusal, but no proposition
    return group


def build_claims(doc: Doc) -> list[ClaimHit]:
    """The doc's claims from its attributions (stances already refined) and the reporter's own
    doubts, sorted by start."""
    ct = analysis(doc)
    idx = mention_index(ct)
    tx = _timex_index(ct)
    text = doc.text  # a Doc joins its tokens on every .text: once here
    sent_of = sentence_ordinals(doc)
    props = [p for i, a in enumerate(ct.attributions) for p in props_of(doc, text, idx, sent_of, i, a)]
    # Text order, not attribution order (the attribution stage lists quotations after the cue
    # hits): "before", "nearest" and the link window are about positions in the article.
    props.sort(key=lambda p: p.start)
    claims = [_claim(g, tx) for g in map(_claim_group, _groups(props)) if g]
    claims = _add_reporter_claims(doc, ct, idx, tx, props, claims)
    n = len(text)
    return [c for c in claims if 0 <= c.start < c.end <= n]


class _Covered:
    """Spans an attribution (or an earlier doubt) already carries, sorted by start, so that a new
    span finds those overlapping it by a bisect rather than a scan of all of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_right(self.spans, (s, e))
        self.spans.insert(k, (s, e))
        self.starts.insert(k, s)
        self.longest = max(self.longest, e - s)

    def carries(self, s: int, e: int) -> bool:
        """Whether a span covers more than half of [s, e). Such a span ends after ``s`` and is at
        most ``longest`` long, so it starts after ``s - longest`` and before ``e``."""
        lo = bisect.bisect_right(self.starts, s - self.longest)
        hi = bisect.bisect_left(self.starts, e)
        return any(min(e, ce) - max(s, cs) > (e - s) / 2 for cs, ce in self.spans[lo:hi])


def _add_reporter_claims(doc: Doc, ct: Analysis, idx: MentionIndex, tx: TimexIndex, props: list[Prop],
                         claims: list[ClaimHit]) -> list[ClaimHit]:
    """The reporter's doubts, where no attribution carries the proposition already. An attribution
    said inside such a doubt ("it was unclear whether the board had approved the move") is folded
    into it: the reporter's doubt is the claim's status, the attribution its evidence. Returns the
    claims sorted by start (a doubt after the claims that start where it does)."""
    covered = _Covered([(p.start, p.end) for p in props if not p.virtual])
    claims = sorted(claims, key=lambda c: c.start)
    starts = [c.start for c in claims]
    for s, e, status in reporter_claims(doc):
        if covered.carries(s, e):
            continue  # an attribution already carries this proposition
        covered.add(s, e)
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        inside = [c for c in claims[lo:hi] if c.evidence and c.end <= e
                  and all(s <= ct.attributions[i].cue[0] < e for i in c.evidence)]
        if inside:
            folded = {id(c) for c in inside}
            kept = [c for c in claims[lo:hi] if id(c) not in folded]
            claims[lo:hi], starts[lo:hi] = kept, [c.start for c in kept]
        evidence = sorted({i for c in inside for i in c.evidence})
        k = bisect.bisect_right(starts, s)
        claims.insert(k, ClaimHit(s, e, status, sorted(clusters_in(idx, s, e)), evidence, _time(tx, s, e)))
        starts.insert(k, s)
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
