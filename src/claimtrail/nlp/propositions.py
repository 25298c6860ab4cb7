"""Propositions: what one attribution's content says, in the shape the claims stage compares.

Each content becomes a ``Prop``: its trimmed span, head predicate (phrasal verbs joined, a cleft's
relative clause), negation, subject, content lemmas, the entity clusters it mentions, whether it is
a statement at all (not a question or an order), and whether its source is a mere report. "X, not
Y" adds a virtual proposition by which the source denies Y.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .state import Analysis, AttributionHit
from .stance import hedges, phrasal

QUOTES = "\"'“”‘’«»„‟`"
FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our", "ourselves"}
# Cues that, with no source at all, pass on hearsay ("it was reported that", "it is believed").
HEARSAY = {"report", "say", "rumor", "rumour", "claim", "allege", "believe", "think", "understand",
           "suggest", "speculate", "suspect", "accord"}
FLIP = {"assert": "deny", "confirm": "deny", "deny": "assert"}  # a stance seen from the other side
# (mention starts, (start, end, cluster) of each mention), both sorted by start: see mention_index
MentionIndex = tuple[list[int], list[tuple[int, int, int]]]


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
    virtual: bool = False  # the Y of "X, not Y": a denial carried by another proposition
    unclear: bool = False  # "it is not known whether": the reporter's own "nobody knows"
    subject: str | None = None  # who the predicate is about: a cluster ("c3") or the subject's words
    assertive: bool = True  # not a question ("Did you shoot him?") or an order ("Don't shoot")
    clause: bool = True  # a clause with a subject, not a topic ("a request for comment", "to give details")
    anaphor: bool = False  # "would not confirm that account", "denied the report": points back


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Quote marks, spaces and edge punctuation off a content span."""
    start, end = s, e
    while s < e and (text[s].isspace() or text[s] in QUOTES or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in QUOTES or text[e - 1] in ",;:.—–-"):
        e -= 1
    return _pair_quotes(text, s, e, start, end)


def _pair_quotes(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """Give back a mark trimmed off an edge when the kept text holds the other half of its pair:
    'the government was "gambling with public safety"' keeps its last mark, not half a pair."""
    inner = text[s:e]
    curly = inner.count("“") - inner.count("”")
    straight = [k for k, ch in enumerate(inner) if ch == '"']
    opens = curly > 0 or (len(straight) % 2 == 1 and (straight[-1] == 0 or not inner[straight[-1] - 1].isalnum()))
    closes = curly < 0 or (len(straight) % 2 == 1 and not opens)
    if opens:
        for k in range(e, end):
            if text[k] in "”\"":
                return s, k + 1
    elif closes:
        for k in range(s - 1, start - 1, -1):
            if text[k] in "“\"":
                return k, e
    return s, e


def _strip_marks(span: Span) -> Span:
    """"that ...", "whether (or not) ...", "if ...": the complementiser is no part of the claim
    (but the demonstrative of "that account" is)."""
    doc, i = span.doc, span.start
    if doc[i].lower_ in ("that", "if") and doc[i].dep_ == "mark":
        i += 1
    elif doc[i].lower_ == "whether":
        i += 1
        if i + 1 < span.end and doc[i].lower_ == "or" and doc[i + 1].lower_ == "not":
            i += 2
    return doc[i:span.end] if i < span.end else span


def _is_report(doc: Doc, a: AttributionHit) -> bool:
    """Unattributed ("It was reported that"), or a report/medium/rumour rather than a speaker."""
    if a.source is None:
        # "It was reported that", "is said to": hearsay; a missed source of "announced" is not.
        head = _root_at(doc, *a.cue)
        kinds = hedges()
        hearsay = HEARSAY | kinds.get("adverb", set()) | kinds.get("raising", set()) | kinds.get("noun", set())
        return head is None or head.lemma_.lower() in hearsay
    span = doc.char_span(a.source[0], a.source[1], alignment_mode="expand")
    if span is None or not len(span):
        return True
    if span.root.lemma_.lower() not in hedges().get("source", set()):
        return False
    # A named outlet ("a report in the Daily Courier") is accountable for what it prints; unnamed
    # ones ("local news sites", "social media accounts") are not.
    return not any(t.pos_ == "PROPN" for t in span)


def _root_at(doc: Doc, s: int, e: int) -> Token | None:
    """The syntactic root of the tokens over characters [s, e) (a cue's or a content's)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def clusters_in(index: MentionIndex, s: int, e: int) -> set[int]:
    """Clusters with a mention wholly inside [s, e)."""
    starts, mentions = index
    out: set[int] = set()
    for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)):
        if mentions[k][1] <= e:
            out.add(mentions[k][2])
    return out


def mention_index(ct: Analysis) -> MentionIndex:
    """All cluster mentions sorted by start, built once per doc for ``clusters_in``."""
    ms = sorted((m.start, m.end, ci) for ci, c in enumerate(ct.clusters) for m in c.mentions)
    return [m[0] for m in ms], ms


def _unclear_cue(cue: Token | None) -> bool:
    """"it is unclear whether", "it is not known whether" (but not "officials know that")."""
    if cue is None or cue.lemma_.lower() not in hedges().get("unclear", set()):
        return False
    host = cue.head if cue.dep_ in ("acomp", "attr") else cue
    return cue.lemma_.lower() not in ("clear", "know", "see") or any(
        c.dep_ == "neg" for t in (cue, host) for c in t.children)


def _subject(root: Token, idx: MentionIndex, a: AttributionHit) -> str | None:
    """Who the predicate is about, so that two sources' opposed statements about different people
    are no dispute: the source itself for "I"/"we", else the subject's cluster, else its words."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lower_ in FIRST_PERSON and a.source_cluster is not None:
        return f"c{a.source_cluster}"
    found = clusters_in(idx, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
    return f"c{min(found)}" if found else subj.lower_


REPORT_WORDS = {"account", "report", "claim", "allegation", "story", "rumor", "rumour", "suggestion",
                "version", "assertion", "accusation", "charge", "speculation"}


def _anaphor(span: Span) -> bool:
    """A short content that points back to something already reported: "it", "that account",
    "the reports", "these claims"."""
    if len(span) > 4:
        return False
    root = span.root
    if root.lower_ in ("it", "this", "that", "so"):
        return True
    return root.lemma_.lower() in REPORT_WORDS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in root.children)


def _has_subject(root: Token) -> bool:
    """A clause states something of someone; a bare infinitive or a noun phrase only names a topic."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for c in root.children)


def _assertive(root: Token) -> bool:
    """False for a question or an order, which no other statement can contradict."""
    if any(t.text == "?" for t in root.subtree):
        return False
    return not (root.tag_ == "VB" and root.dep_ == "ROOT"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children))


def _head(root: Token) -> str:
    """The content's predicate: the root's lemma, or in a cleft ("it was Jobs who made the
    decision") the relative clause's."""
    if root.lemma_ == "be":
        for c in root.children:
            if c.dep_ == "attr":
                # the relative clause may hang from an apposition of the focus ("X, not Y, who ...")
                rel = next((g for g in c.subtree if g.dep_ == "relcl"), None)
                if rel is not None:
                    return phrasal(rel)
    return phrasal(root)


def _not_y(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """Token ranges of the Y in "X, not Y" inside [s, e): what the speaker rules out."""
    span = doc.char_span(s, e, alignment_mode="expand")
    out: list[tuple[int, int]] = []
    for t in span if span is not None else ():
        if t.lower_ == "not" and t.i > span.start and doc[t.i - 1].text == ",":
            j = t.i + 1
            while j < span.end and not doc[j].is_punct:
                j += 1
            if j > t.i + 1:
                out.append((t.i + 1, j))
    return out


def _content_span(doc: Doc, text: str, content: list[tuple[int, int]]) -> tuple[Span, int, int] | None:
    """The longest content piece as tokens without its complementiser ("that", "whether"), and its
    character bounds without quote marks or edge punctuation; None when nothing is left."""
    if not content:
        return None
    piece = max(content, key=lambda p: p[1] - p[0])
    s, e = trim(text, max(0, piece[0]), min(len(text), piece[1]))
    span = doc.char_span(s, e, alignment_mode="expand") if e > s else None
    if span is None or not len(span):
        return None
    span = _strip_marks(span)
    s, e = trim(text, max(s, span.start_char), min(e, span.end_char))
    return (span, s, e) if e > s else None


def _source_key(text: str, a: AttributionHit) -> str | None:
    """Who vouches for the content, to count independent sources: the source's cluster, else its words."""
    if a.source_cluster is not None:
        return f"c{a.source_cluster}"
    return text[a.source[0]:a.source[1]].lower() if a.source is not None else None


def _content_lemmas(span: Span, in_y: set[int]) -> set[str]:
    """Content words (the Y of "X, not Y" left out: the speaker rules it out), to compare contents."""
    return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
            and not t.is_stop and t.i not in in_y}


def _about(idx: MentionIndex, span: Span, s: int, e: int, a: AttributionHit, y_clusters: set[int]) -> set[int]:
    """The clusters a content is about: those it mentions, less those it rules out ("X, not Y")."""
    clusters = clusters_in(idx, s, e) - y_clusters
    if a.source_cluster is not None and any(t.lower_ in FIRST_PERSON for t in span):
        clusters.add(a.source_cluster)  # "“I resigned,” Whitfield said" is about Whitfield
    return clusters


def props_of(doc: Doc, text: str, idx: MentionIndex, sent_of: list[int], i: int, a: AttributionHit) -> list[Prop]:
    """The attribution's proposition, plus for each "X, not Y" a virtual proposition that the
    source denies Y (same predicate, Y's entities) so that it can dispute another source's Y."""
    found = _content_span(doc, text, a.content)
    if found is None:
        return []
    span, s, e = found
    root = span.root
    ys = [doc[i0:j] for i0, j in _not_y(doc, s, e)]
    y_clusters = [clusters_in(idx, y.start_char, y.end_char) for y in ys]
    lemmas = _content_lemmas(span, {t.i for y in ys for t in y})
    src, report = _source_key(text, a), _is_report(doc, a)
    # A noun phrase ("derogatory comments about X") is a topic, not a proposition: no predicate.
    head = _head(root) if root.pos_ in ("VERB", "AUX") else ""
    main = Prop(i, s, e, head, any(c.dep_ == "neg" for c in root.children), lemmas,
                _about(idx, span, s, e, a, set().union(*y_clusters)), a.stance, src, report, sent_of[root.i],
                unclear=_unclear_cue(_root_at(doc, *a.cue)), subject=_subject(root, idx, a),
                assertive=_assertive(root), clause=bool(head) and _has_subject(root), anaphor=_anaphor(span))
    out = [main]
    for y, y_cl in zip(ys, y_clusters):
        y_head = phrasal(y.root) if y.root.pos_ in ("VERB", "AUX") else head
        out.append(Prop(i, y.start_char, y.end_char, y_head, False, lemmas, y_cl or main.clusters,
                        FLIP.get(a.stance, a.stance), src, report, sent_of[root.i], virtual=True))
    return out


def sentence_ordinals(doc: Doc) -> list[int]:
    """Each token's sentence number, in one pass (``Token.sent`` walks the whole doc each time)."""
    if doc.has_annotation("SENT_START"):  # spaCy's own walk: ~2.5x faster than the loop below
        return [k for k, sent in enumerate(doc.sents) for _ in range(len(sent))]
    out, n = [], -1
    for t in doc:
        if t.is_sent_start or n < 0:
            n += 1
        out.append(n)
    return out
