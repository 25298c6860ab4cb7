"""Stage: timex. Finds time expressions and gives each its TIMEX3 type and value.

Rules are regexes over the text (``timex_rules``, ``timex_rel``, ``timex_dur``: at most one linear pass
each; a rule whose words are absent is skipped, and one tied to a class of words (months, weekdays,
units) runs only in windows around them, which finds the same matches for a fraction of the cost),
resolved against the publication date (``analysis(doc).published``). The parse only answers three
questions: which way an expression points (a verb in the future: "will meet on Friday" is the
coming Friday, the news default is the Friday before), whether a bare "1990" is a year (spaCy
calls "1990 shares" a CARDINAL) and whether "daily" is an adjective ("daily flights": no timex).
The publication date may come from a dateline ("ROME, May 15, 2019 —"), which the pipeline reads
(ingest/dates.py); without one, relative expressions stay underspecified. Expressions that count
from a time the story names ("a year earlier", "the following month", "the next day", "that year")
are resolved after detection, in one pass in text order (``resolve_refs``), against the last time
named within a couple of sentences; that is TimeML's anchor, not the publication date.
"""
from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import timex_dur, timex_rel  # noqa: F401 - importing registers their rules
from . import timex_norm as N
from .state import TimexHit, analysis, guarded
from .timex_rules import RULES, Ctx, runs, scan

NAME = "timex"
VERSION = "timex-rules/4"
COMPONENT = "claimtrail_timex"
REQUIRES: tuple[str, ...] = ("published",)
PROVIDES: tuple[str, ...] = ("timexes",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    ct = analysis(doc)
    ct.timexes.extend(find_in_doc(doc, parse_day(ct.published)))


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find(text: str, anchor: date | None, ctx: Ctx | None = None) -> list[TimexHit]:
    """All time expressions in ``text``: the longest match wins, an earlier rule breaks ties."""
    ctx = ctx or Ctx(text, anchor)
    cands: list[tuple[int, int, int, str, str]] = []
    lowered = text.lower()
    windows: dict[str, list[tuple[int, int]]] = {}
    for prio, (name, pattern, handler) in enumerate(RULES):
        if not runs(name, lowered):
            continue
        for m in scan(name, pattern, text, windows):
            res = handler(m, ctx)
            if res is None:
                continue
            s, e = res[2] if len(res) == 3 else m.span()  # type: ignore[misc]
            cands.append((s, e, prio, res[0], res[1]))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    hits: list[TimexHit] = []
    for s, e, _, typ, val in cands:
        i = bisect_right(taken, (s, e))
        if (i > 0 and taken[i - 1][1] > s) or (i < len(taken) and taken[i][0] < e):
            continue
        taken.insert(i, (s, e))
        hits.append(TimexHit(s, e, typ, val))
    return resolve_refs(sorted(hits, key=lambda h: h.start), text)


# How far back (in characters, about two sentences) a named time still anchors "a year earlier" or
# "the week": further back the story has moved on, and the publication date is the safer anchor.
_REF_REACH = 400


def resolve_refs(hits: list[TimexHit], text: str) -> list[TimexHit]:
    """Values counted from the time the story last named ("a year earlier", "the following month"):
    one pass in text order; a mark that cannot be resolved and has no fallback drops its hit."""
    out: list[TimexHit] = []
    ref: str | None = None
    ref_end = 0
    explicit = False
    for h in hits:
        is_ref = True
        if h.value.startswith("@"):
            # a comparison ("a year earlier", "a year ago") names no new time for the next one to count from
            is_ref = h.value[1] in "pq"
            near = h.start - ref_end <= _REF_REACH
            h = TimexHit(h.start, h.end, h.type, N.from_ref(h.value, ref if near else None, explicit))
            if not h.value:
                continue
        if is_ref and h.type in ("DATE", "TIME") and h.value[:4].isdigit():
            ref, ref_end = h.value, h.end
            explicit = any(c.isdigit() for c in text[h.start:h.end])
        out.append(h)
    return out


def find_in_doc(doc: Doc, anchor: date | None) -> list[TimexHit]:
    text = doc.text  # a Doc joins its tokens on every .text: read it once
    starts = doc.to_array("IDX").tolist()  # far cheaper than making a Token per word
    parsed = doc.has_annotation("DEP")

    def token_at(pos: int) -> Token | None:
        i = bisect_right(starts, pos) - 1
        return doc[i] if 0 <= i < len(doc) else None

    def direction(pos: int) -> int:
        before = text[max(0, pos - 16):pos].lower().split()
        tok = token_at(pos)
        if before and before[-1] in _AHEAD_WORDS:
            if before[-1] in ("until", "till") and parsed and tok is not None and _past_perfect(tok):
                return -1  # "until Thursday, they had not called him a suspect": a time already gone
            return 1  # "effective Feb. 1", "until January"
        if before[-3:] in (["as", "soon", "as"], ["as", "early", "as"]) or before[-2:] == ["ahead", "of"]:
            return 1  # "as soon as Tuesday": the earliest of times still to come; "ahead of the weekend"
        if tok is not None and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS":
            return 0  # "Tuesday's declaration": the verb of the sentence says nothing of when that was
        return verb_direction(tok) if parsed and tok is not None else 0

    def accept_year(s: int, e: int) -> bool:
        tok = token_at(s)
        return tok is None or tok.ent_type_ not in _NOT_YEAR

    def dep(pos: int) -> str:
        tok = token_at(pos)
        return tok.dep_ if parsed and tok is not None else ""

    return find(text, anchor, Ctx(text, anchor, direction, accept_year, dep))


_NOT_YEAR = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "ORG", "FAC", "LAW", "TIME", "ORDINAL"}
_AHEAD_WORDS = {"effective", "until", "till", "starting", "payable", "upcoming"}
_STATIVE = {"be", "have", "say", "tell", "think", "believe", "know", "report", "show", "remain", "seem",
            "appear", "include", "hold", "own", "expect", "see", "note", "add", "claim", "estimate"}
_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
_TIME_MARKS = {"when", "once", "until", "till", "before", "after", "as"}
_AHEAD_VERBS = {"plan", "expect", "schedule", "intend", "aim", "hope", "set", "due", "slate", "prepare", "propose",
                "want", "promise", "vow", "pledge", "go", "be", "agree", "threaten", "seek",
                "likely", "poise", "poised", "ready"}  # "were likely to buy ... Monday": a time still to come


def _past_perfect(tok: Token) -> bool:
    """The verb governing ``tok`` is in the past perfect ("had not called")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in tok.children)


def verb_direction(tok: Token, depth: int = 0) -> int:
    """+1 when the verb governing ``tok`` looks ahead ("will meet", "is to meet", "plans to meet",
    "a vote scheduled for"), -1 when it is past, 0 when the parse does not say."""
    # spaCy makes a new Token object on every access, so identity is compared by index, never `is`
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return 0
    if tok.dep_ == "advcl" and depth < 4:
        # "would resign once the budget passed on Friday", "likely to buy as soon as trading opened Monday":
        # a clause of time takes the time of the clause it belongs to (its past form is only agreement)
        head = tok.head.head if tok.head.lower_ == "soon" else tok.head
        if head.pos_ in ("VERB", "AUX") and (head.i != tok.head.i or any(
                c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children)):
            d = verb_direction(head, depth + 1)
            if d:
                return d
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return 1
    if "to" in aux and tok.head.i == tok.i:
        return 1  # headline infinitive: "Senators to vote Friday" is news for "will vote"
    if "to" in aux and tok.dep_ == "csubj":
        # "to accede on Friday were Poland and ...": the infinitive is the subject, the main verb tells when
        return verb_direction(tok.head, depth + 1) if depth < 4 else 0
    if "to" in aux:
        head = tok.head
        if any(c.lower_ == "had" for h in (head, head.head) for c in h.children):
            return -1  # "had been due to expire Friday"
        if head.lemma_ in _AHEAD_VERBS or head.lower_ == "going":
            return 1
        return verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") and depth < 4 else 0
    if tok.tag_ == "VBN" and tok.lemma_ in ("schedule", "slate", "plan", "expect", "due"):
        return 1
    if tok.tag_ == "VBD" and tok.lemma_ in ("schedule", "plan") and all(c.dep_ != "xcomp" for c in tok.children):
        return 1  # "protesters planned a march on Saturday": the march is ahead ("planned to pay on Friday": unsure)
    if "would" in aux and not any(c.lower_ == "have" for c in tok.children):
        return 1  # reported future: "said he would travel Thursday" (but "would have voted Friday")
    if tok.tag_ == "VBD" or aux & {"had", "has", "have", "'ve", "did", "was", "were"}:
        return -1
    if tok.tag_ == "VBN" and not aux:
        return -1  # "the record high set on Aug. 6"
    if tok.tag_ == "VBG" and tok.lower_ == "going":
        return 1
    if tok.tag_ == "VBG" and not aux and tok.dep_ in ("advcl", "conj") and tok.head.pos_ in ("VERB", "AUX") \
            and depth < 4:
        return verb_direction(tok.head, depth + 1)  # "has fluctuated, rising ... in March": the main verb's time
    if tok.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in tok.children):
        return -1  # "Weakness hurt stocks on Friday": a present form after a singular subject is a past ("hurt", "cut")
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in _STATIVE:
        return 1  # news present with a date is a timetable: "meets Monday", "takes effect Jan. 1"
    return 0
