"""Doubt in the reporter's own voice: claims the article makes without a source.

"It was unclear whether the board had approved the move" (unclear), "rumours that she planned to
resign", "videos purportedly showing troops near the border", "he reportedly met the envoy",
"he is said to have fled" (unconfirmed). Words come from ``lexicons/hedges.tsv``. One pass over
the tokens; each hit looks only at its own head and children.

Also ``predicate_status``: the status the article gives one predicate (a verb or event noun),
used by the MEANTIME evaluation: the status of the claim around it, refined by the predicate's
own negation and modality.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Token

from .stance import hedges

WH_MARKS = {"whether", "if", "who", "what", "when", "where", "why", "how", "which"}
CLAUSE_DEPS = {"ccomp", "csubj", "csubjpass", "advcl", "xcomp", "acl", "pcomp", "relcl"}


def _negated(t: Token) -> bool:
    """"not"/"n't" (dep neg), or "never", which the parser files as a plain adverb."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in t.children)


def _hosts(t: Token, deps: tuple[str, ...]) -> tuple[Token, ...]:
    """``t``, and the word above it when ``t`` completes it as one of ``deps`` ("is unclear", "plans
    to sell"): the marks that matter (a wh-clause, a modal, a negation) may hang on either."""
    return (t, t.head) if t.dep_ in deps else (t,)


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Token range [i, j) without leading marks/punctuation and trailing punctuation, as chars."""
    while i < j and (doc[i].is_punct or doc[i].is_space or (doc[i].lower_ in ("that", "whether", "if", "or")
                                                            and doc[i].dep_ in ("mark", "cc", "preconj"))):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    if i >= j:
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def _clause_span(doc: Doc, t: Token) -> tuple[int, int] | None:
    """The characters of ``t``'s whole subtree, trimmed as ``_trim`` does."""
    return _trim(doc, t.left_edge.i, t.right_edge.i + 1)


def _wh_clause(t: Token) -> Token | None:
    """A clause below ``t`` (or below its copula) that asks a question: "whether ...", "who ..."."""
    for host in _hosts(t, ("acomp", "attr", "xcomp", "ccomp")):
        for c in host.children:
            if c.dep_ in CLAUSE_DEPS and c.i != t.i:
                first = c.left_edge
                if first.lower_ in WH_MARKS or any(g.lower_ in WH_MARKS and g.dep_ in ("mark", "advmod")
                                                   for g in c.children):
                    return c
    return None


def _unclear(doc: Doc, t: Token, kinds: dict[str, set[str]]) -> tuple[int, int] | None:
    """"it is unclear whether ...", "it is not known who ...", "it remains to be seen if ...": the
    open question. "clear" and "know" count only negated ("officials know that" settles it)."""
    lemma = t.lemma_.lower()
    if lemma not in kinds.get("unclear", ()):  # unclear, uncertain, unknown, clear, know, see
        return None
    if lemma in ("clear", "know"):
        if not any(_negated(h) for h in _hosts(t, ("acomp", "attr"))):
            return None
    elif lemma == "see":
        if not (t.dep_ == "xcomp" and t.head.lemma_ == "remain"):
            return None
    elif t.pos_ not in ("ADJ",):
        return None
    clause = _wh_clause(t)
    return _clause_span(doc, clause) if clause is not None else None


def _adverb(doc: Doc, t: Token, kinds: dict[str, set[str]]) -> tuple[int, int] | None:
    """"he reportedly met the envoy": the clause of the verb the hedging adverb modifies."""
    if t.lemma_.lower() not in kinds.get("adverb", ()) or t.dep_ != "advmod" or t.pos_ != "ADV":
        return None
    head = t.head  # an advmod is never the root, so this is another token
    if head.pos_ not in ("VERB", "AUX"):
        return None  # "perhaps others": a hedge on a noun phrase is no proposition
    start = head.left_edge
    if head.dep_ in ("acl", "relcl") and head.head.i < head.i:
        start = head.head.left_edge  # "videos purportedly showing ...": keep the noun it is said of
    return _trim(doc, start.i, head.right_edge.i + 1)


def _raising(doc: Doc, t: Token, kinds: dict[str, set[str]]) -> tuple[int, int] | None:
    """"he is said to have fled", "she appears to have left": the raising verb's whole clause."""
    lemma = t.lemma_.lower()
    if lemma not in kinds.get("raising", ()) or not any(c.dep_ == "xcomp" for c in t.children):
        return None
    if lemma not in ("seem", "appear") and not any(c.dep_ == "nsubjpass" for c in t.children):
        return None  # "X is said to ..." needs the passive; "X seems to ..." does not
    return _clause_span(doc, t)


def _noun(doc: Doc, t: Token, kinds: dict[str, set[str]]) -> tuple[int, int] | None:
    """"rumours that she planned to resign": the that-clause of a hearsay noun."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in kinds.get("noun", ()):
        return None
    for c in t.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return _clause_span(doc, c)
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and nxt.head.i > nxt.i:
        return _clause_span(doc, nxt.head)  # a misparse that hangs the clause elsewhere
    return None


@lru_cache(maxsize=1)
def _hedge_lemmas() -> frozenset[str]:
    """Every lemma that can start a reporter's doubt (the kinds ``reporter_claims`` reads)."""
    kinds = hedges()
    return frozenset().union(*(kinds.get(k, set()) for k in ("unclear", "adverb", "raising", "noun")))


def reporter_claims(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """(start, end, status) for each doubt the reporter voices, in the order of the words that
    voice it (``claims`` keeps the first of two overlapping doubts, so the order matters)."""
    kinds = hedges()
    wanted = _hedge_lemmas()
    for t in doc:
        if t.lemma_.lower() not in wanted:  # one lemma look-up a token, not one per kind below
            continue
        hit = _unclear(doc, t, kinds)
        if hit:
            yield (*hit, "unclear")
            continue
        hit = _adverb(doc, t, kinds) or _raising(doc, t, kinds) or _noun(doc, t, kinds)
        if hit:
            yield (*hit, "unconfirmed")


def local_hedge(t: Token) -> bool:
    """A modal of possibility or a hedging adverb on the predicate or the verb it hangs from."""
    kinds = hedges()
    modals, adverbs = kinds.get("modal", set()), kinds.get("adverb", set())
    for host in _hosts(t, ("xcomp",)):
        if _negated(host):
            continue
        for c in host.children:
            if c.dep_ == "aux" and c.lower_ in modals:
                return True
            if c.dep_ == "advmod" and c.lemma_.lower() in adverbs:
                return True
    return False


NEG_SUBJECTS = {"nobody", "nothing", "none", "noone", "neither"}  # "nobody was fired", "no workers were"
PRESUPPOSING = {"relcl", "acl", "advcl", "pobj", "appos", "pcomp"}


def presupposed(t: Token, root: Token | None) -> bool:
    """Whether ``t`` sits in background material of its claim (a relative clause, an adverbial
    clause, a prepositional object): "the impact when the iPod was released" presupposes the
    release whatever the claim's status; only the claim's own predicate carries it."""
    steps = 0  # a cap on the walk: a long sentence's tree can be deep, and the walk may leave the claim
    while root is not None and t.i != root.i and t.head.i != t.i and steps < 50:
        if t.dep_ in PRESUPPOSING:
            return True
        t = t.head
        steps += 1
    return False


# Verbs whose complement is only intended or attempted, not (yet) an event: "plans to import".
IRREALIS = {"attempt", "try", "plan", "want", "hope", "intend", "seek", "aim", "wish", "propose", "threaten"}


def _marker(t: Token) -> bool:
    """A word that marks doubt rather than stating an event: "is reported to", "appears to"."""
    kinds = hedges()
    return t.lemma_.lower() in kinds.get("raising", set()) and any(c.dep_ == "xcomp" for c in t.children)


def _irrealis(t: Token) -> bool:
    """"plans to import", "has plans to import", "attempted to address". ("can" stays out: in news
    it mostly states an ability or a permission as fact.)"""
    return t.dep_ in ("xcomp", "acl") and t.head.lemma_.lower() in IRREALIS


def _definite_topic(root: Token | None) -> bool:
    """"declined to comment on the situation": a definite noun phrase presupposes its referent."""
    return root is not None and root.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "any", "some") for c in root.children)


def _no(t: Token) -> bool:
    """"no workers", "no comment": the token carries the determiner "no"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)


def _negated_event(t: Token) -> bool:
    """The predicate is negated itself ("did not release", "never released", "no release") or its
    subject is nobody ("nobody was fired", "no workers were hurt")."""
    return _negated(t) or _no(t) or any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEG_SUBJECTS or _no(c)) for c in t.children)


def predicate_status(t: Token, claim_status: str | None, claim_root: Token | None = None) -> str:
    """The status the article gives one predicate: its claim's status (the reporter's plain voice,
    and background clauses inside a claim, are ``asserted``), then its own negation
    (asserted/confirmed -> denied) and modality (-> unconfirmed)."""
    status = claim_status or "asserted"
    if claim_status and (presupposed(t, claim_root) or _marker(t) or _definite_topic(claim_root)):
        status = "asserted"
    if _negated_event(t) and status in ("asserted", "confirmed"):
        return "denied"
    if (local_hedge(t) or _irrealis(t)) and status in ("asserted", "confirmed"):
        return "unconfirmed"
    return status
