"""Stance of an attribution from its cue and the cue's context, negation included.

The cue's predicate is looked up in ``lexicons/stance.tsv`` (affirmative and negated stance per
lemma). Negation is counted along the cue's chain of control verbs: "did not deny" (one negation),
"refused to rule out" (a refusal verb governs the cue: one negation), "did not refuse to confirm"
(two: they cancel). A few context rules follow: "dismissed ... as rumours" and "called it false"
deny; an assertion whose content is hedged ("said he might resign") is speculation.
Everything here is linear in the size of the cue's neighbourhood.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

STANCES = ("assert", "confirm", "deny", "speculate", "decline", "question")
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "nobody", "none"}
# Control verbs that negate what they govern: "refused to confirm" is a non-confirmation.
REFUSALS = {"refuse", "decline", "fail", "avoid", "reluctant", "unable", "unwilling"}
# Content predicates that leave the proposition open when a source asserts them with a modal.
HEDGE_ADVERBS = {"possibly", "perhaps", "maybe", "probably", "likely", "presumably"}


@dataclass(frozen=True)
class Entry:
    stance: str
    negated: str


def lexicon_rows(name: str) -> list[list[str]]:
    text = resources.files("claimtrail.lexicons").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t")]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Entry]:
    out = {}
    for row in lexicon_rows("stance.tsv"):
        if len(row) >= 3 and row[1] in STANCES and row[2] in STANCES:
            out[row[0].strip()] = Entry(row[1], row[2])
    return out


@lru_cache(maxsize=1)
def hedges() -> dict[str, set[str]]:
    """kind -> lemmas, from ``lexicons/hedges.tsv``."""
    out: dict[str, set[str]] = {}
    for row in lexicon_rows("hedges.tsv"):
        if len(row) >= 3:
            out.setdefault(row[1].strip(), set()).add(row[0].strip())
    return out


def cue_head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the cue span: a token whose head lies outside it (prefer verbs)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")] or [t for t in span if t.pos_ == "VERB"]
    return (verbs or heads or [span.root])[0]


def phrasal(t: Token) -> str:
    """``rule out``, ``step down``: the lemma with its particle, when the particle is there."""
    prt = next((c for c in t.children if c.dep_ == "prt"), None)
    return f"{t.lemma_.lower()} {prt.lower_}" if prt is not None else t.lemma_.lower()


def control_chain(head: Token) -> list[Token]:
    """The cue's verb with the control verbs above it and the xcomp verbs below it, top first:
    "refused to rule out" -> [refused, rule]; "declined to comment" -> [declined, comment]."""
    up = [head]
    t = head
    while t.dep_ == "xcomp" and t.head.i != t.i and len(up) < 6:
        t = t.head
        up.insert(0, t)
    t = head
    for _ in range(6):
        nxt = next((c for c in t.children if c.dep_ == "xcomp"), None)
        if nxt is None:
            break
        up.append(nxt)
        t = nxt
    return up


def negations(t: Token) -> int:
    """Negation markers on one verb: "not", "never", "neither ... nor", "no comment"."""
    n = sum(1 for c in t.children if c.dep_ in ("neg", "preconj") and c.lower_ in NEG_WORDS)
    n += sum(1 for c in t.children if c.dep_ == "det" and c.lower_ == "no")
    if t.dep_ == "conj" and any(c.lower_ == "nor" for c in t.head.children):
        n += 1  # "neither confirmed nor denied": the second verb is negated as well
    return n


def _predicate(chain: list[Token]) -> tuple[Token, int]:
    """The deepest chain verb the lexicon knows (the one whose meaning colours the stance) and the
    number of negations above and on it."""
    lex = lexicon()
    known = [t for t in chain if phrasal(t) in lex or t.lemma_.lower() in lex]
    # Refusal verbs are operators, not the predicate, when something they govern is known.
    pred = next((t for t in reversed(known) if t.lemma_.lower() not in REFUSALS), None)
    if pred is None:
        pred = known[-1] if known else chain[-1]
    neg = 0
    for t in chain:
        neg += negations(t)
        if t.i != pred.i and t.lemma_.lower() in REFUSALS and t.i < pred.i:
            neg += 1
        if t.i == pred.i:
            break
    return pred, neg


def _dismissed_as_false(pred: Token) -> bool:
    """"dismissed the reports as rumours", "called the claims baseless"."""
    false = hedges().get("false", set())
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            if any(g.lemma_.lower() in false for g in c.subtree):
                return True
        if c.dep_ in ("oprd", "acomp", "attr", "npadvmod", "xcomp") and c.lemma_.lower() in false:
            return True
    return False


def _content_root(doc: Doc, content: list[tuple[int, int]]) -> Token | None:
    if not content:
        return None
    span = doc.char_span(content[0][0], content[0][1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def content_hedged(root: Token | None) -> bool:
    """A content whose own predicate carries a modal of possibility or a hedging adverb."""
    if root is None:
        return False
    modals = hedges().get("modal", set())
    kids = list(root.children)
    if any(c.dep_ == "neg" for c in kids):
        return False  # "could not attend" is inability stated as fact
    if any(c.dep_ == "aux" and c.lower_ in modals for c in kids):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in kids)


REPORT_NOUNS = {"report", "claim", "allegation", "rumor", "rumour", "story", "account", "accusation",
                "suggestion", "news", "charge", "speculation", "it", "that", "this", "these", "those"}


def content_false(root: Token | None) -> bool:
    """"said the report was false", "said the claims were baseless": the source asserts that a
    report is untrue, i.e. denies it. Only of a report-like subject: "said he was lying" accuses."""
    if root is None or any(g.dep_ == "neg" for g in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in REPORT_NOUNS:
        return False
    false = hedges().get("false", set())
    if root.pos_ in ("ADJ", "NOUN") and root.lemma_.lower() in false:
        return True
    return any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in false for c in root.children)


def refine_stance(doc: Doc, cue: tuple[int, int], content: list[tuple[int, int]], initial: str = "assert") -> str:
    """The stance of one attribution, from its cue in context (see the module docstring)."""
    head = cue_head(doc, *cue)
    if head is None:
        return initial if initial in STANCES else "assert"
    chain = control_chain(head)
    pred, neg = _predicate(chain)
    entry = lexicon().get(phrasal(pred)) or lexicon().get(pred.lemma_.lower())
    if not neg % 2 and _dismissed_as_false(pred):
        return "deny"
    if entry is None:
        base = initial if initial in STANCES else "assert"
        # An unknown verb under a negation or a refusal ("declined to give details") is a refusal.
        return "decline" if neg % 2 and base in ("assert", "confirm") else base
    stance = entry.negated if neg % 2 else entry.stance
    if stance == "assert":
        root = _content_root(doc, content)
        if content_false(root):
            return "deny"
        if content_hedged(root):
            return "speculate"
    return stance


def stance_of_cue(doc: Doc, cue_text: str, initial: str = "assert") -> str:
    """Convenience for tests and callers without an attribution: the stance for the first
    occurrence of ``cue_text`` in the doc, with the rest of its sentence after it as content."""
    i = doc.text.find(cue_text)
    if i < 0:
        raise ValueError(f"cue {cue_text!r} not in text")
    span: Span | None = doc.char_span(i, i + len(cue_text), alignment_mode="expand")
    sent_end = span.sent.end_char if span is not None else len(doc.text)
    content = [(i + len(cue_text), sent_end)] if sent_end > i + len(cue_text) else []
    return refine_stance(doc, (i, i + len(cue_text)), content, initial)
