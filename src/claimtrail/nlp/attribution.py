"""Stage: attribution — who said (wrote, confirmed, denied, believes …) what.

Rules over the dependency parse and the hand-written cue lexicon ``lexicons/cues.tsv``:

1. quotation spans come from one pass over the text (``quotes.py``); unbalanced marks are flagged;
2. every token whose lemma (or lemma sequence) is a cue, outside quotation marks, is a candidate.
   A verb's content is, in order of preference: a clausal complement (``that …``, ``whether …``,
   ``if …``), a quotation next to the cue (``“…,” she said``; ``he said: “…”``; a second piece after
   ``she said, “…”``), the clause it interrupts or follows (``…, officials said``), the object of a
   closing preposition (``called for …``), a passive subject with an agent, a to-infinitive, an object
   or a prepositional object — each cue class (see the lexicon's header) allows only some of these.
   Nouns (``his claim that …``), adjectives (``confident that …``), hearsay adverbs (``reportedly``)
   and ``according to X`` have their own small rules;
3. the source is the subject (climbing through ``xcomp``/``conj``/``advcl`` heads), the agent of a
   passive, the head noun of a relative clause, a possessive, or the object of ``according to``;
4. a quote no lexicon cue claimed goes to any verb with a subject right beside it (``“…,” Lee
   barked``); quotes that follow a speaker's quote, or open a later paragraph, go to that speaker
   (the speaker-turn convention); ``Name: words`` opening a paragraph is an attribution too;
5. attributions stay univocal: a nested cue is dropped, a trailing ``…, claiming that …`` ends the
   outer content.

Every step is a constant amount of work per token, quote or hit (binary searches aside), so the
stage stays linear in the article's length.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .quotes import MARKS, find_quotes
from .state import AttributionHit, FlagHit, analysis, guarded

NAME = "attribution"
VERSION = "attribution-rules/1"
COMPONENT = "claimtrail_attribution"
REQUIRES: tuple[str, ...] = ("clusters", "timexes")
PROVIDES: tuple[str, ...] = ("attributions",)

NEG_STANCE = {"deny": "decline", "confirm": "decline", "assert": "decline", "speculate": "decline",
              "question": "decline", "decline": "decline"}
GROUP_HEADS = {"source", "official", "person", "people", "diplomat", "aide", "insider", "analyst",
               "expert", "observer", "critic", "supporter", "account", "report", "media", "poll",
               "survey", "resident", "witness", "activist", "member", "lawmaker", "leader", "voter"}
ANON_MODS = {"familiar", "anonymous", "unnamed", "senior", "several", "some", "many", "other", "a", "an",
             "one", "another", "local", "western", "state"}
CONTENT_DEPS = ("ccomp",)
UNTANGLE_DEPS = ("advcl",)  # "…, claiming that …" ends the outer content
CLAUSE_CUT = ("parataxis",)  # comma-led "and …", "while …" clauses mostly belong to what was said
CUT_SOURCE = ("relcl", "acl")
RECIPIENT_VERBS = {"tell", "ask", "inform", "notify", "assure", "reassure", "brief", "remind", "warn", "advise",
                   "thank", "invite", "urge", "email", "text", "alert", "address"}
GAP_OK = set(" ,\t—–-:")
LONE_REACH = 3000  # a cue-less quote goes to the last speaker only if their quote ended this close (chars)


PREFIX = {"noun": "n:", "adjective": "j:", "adverb": "r:"}  # lexicon keys by part of speech


@dataclass(frozen=True)
class Cue:
    stance: str
    cls: str  # the lexicon's class column (speech, belief, attitude, …) or "according"


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, Cue], dict[str, list[tuple[tuple[str, ...], Cue]]]]:
    """Single-lemma cues, and multi-word cues keyed by their first lemma."""
    single: dict[str, Cue] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    text = resources.files("claimtrail.lexicons").joinpath("cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        lemma, cue = cols[0].strip(), Cue(cols[1].strip(), cols[2].strip() if len(cols) > 2 else "speech")
        words = tuple(lemma.split())
        if len(words) == 1:
            single.setdefault(PREFIX.get(cue.cls, "") + lemma, cue)
        else:
            multi.setdefault(words[0], []).append((words, cue))
    return single, multi


# ---------------------------------------------------------------- helpers over the parse

def _in_quote(qstarts: list[int], quotes: list[tuple[int, int]], pos: int) -> int | None:
    """Index of the quote containing char ``pos`` (strictly inside its marks), else None."""
    k = bisect.bisect_right(qstarts, pos) - 1
    if k >= 0 and quotes[k][0] < pos < quotes[k][1] - 1:
        return k
    return None


def _span_of(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop whitespace and sentence punctuation at the ends (quote marks stay)."""
    while s < e and (text[s].isspace() or text[s] in ",;:-—–("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-—–)"):
        e -= 1
    return s, e


def _subject(verb: Token) -> Token | None:
    """The verb's subject, climbing through open complements, conjuncts and participles."""
    v = verb
    for _ in range(6):
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON") and v.tag_ != "VBN":
            return v.head  # "officials who said …", "the group supporting Bush"
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp") and v.head is not v:
            v = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else v.head  # "after thanking …"
            continue
        break
    return None


def _source_span(src: Token, verb: Token) -> tuple[int, int]:
    """The subject's noun phrase as a reader would mark it (relative clauses on the cue's side cut,
    stray punctuation and quote marks at the ends dropped)."""
    if verb.dep_ in ("relcl", "acl") and src is verb.head:
        lo, hi = src.left_edge.i, src.i
    else:
        lo, hi = src.left_edge.i, src.right_edge.i
        # never let the source run over the cue itself (parser slips on long inversions)
        if lo <= verb.i <= hi:
            lo, hi = (lo, verb.i - 1) if src.i < verb.i else (verb.i + 1, hi)
    doc = src.doc
    for c in src.rights:
        # ", who declined to be identified, …" is the writer's aside, not part of the name
        if c.dep_ in CUT_SOURCE and c.left_edge.i > src.i and doc[c.left_edge.i - 1].text == ",":
            hi = min(hi, c.left_edge.i - 2)
            break
    while lo < hi and (doc[lo].is_punct or doc[lo].text in MARKS):
        lo += 1
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in ")." or doc[hi].text in MARKS):
        hi -= 1
    if hi < lo:
        lo = hi = src.i
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _is_group(src: Token) -> bool:
    if src.tag_ in ("NNS", "NNPS") and src.ent_type_ not in ("PERSON",):
        return True
    if src.lemma_.lower() in GROUP_HEADS and src.pos_ == "NOUN":
        return any(c.lower_ in ANON_MODS for c in src.children) or src.tag_ == "NNS"
    return False


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "declined to confirm" / "would not comment": the negation can sit on the governing verb
    h = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in h.children)


# ---------------------------------------------------------------- the stage

class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.quotes, self.bad = find_quotes(self.text)
        self.qstarts = [q[0] for q in self.quotes]
        # a quote closed only because its paragraph ended may hide its own cue ('"We won, he said.'):
        # cue words inside such a quote still count
        bad = set(self.bad)
        self._closed = [q for q in self.quotes if q[0] not in bad]
        self._closed_starts = [q[0] for q in self._closed]
        self.claimed: set[int] = set()  # quote indices given to a cue
        self.hits: list[AttributionHit] = []
        self.hit_quotes: list[list[int]] = []
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        self.hit_verbs: list[Token | None] = []  # the token each hit's cue hangs on
        self.single, self.multi = lexicon()
        self.errors: list[tuple[int | None, str]] = []
        self._tx: list[tuple[int, int, int]] | None = None  # (start, end, index) of the timexes, sorted  # rule failures, reported as flags

    # -- quotes near a cue
    def _inside(self, pos: int) -> int | None:
        """Index (among properly closed quotes) of the quote containing char ``pos``, else None."""
        return _in_quote(self._closed_starts, self._closed, pos)

    def _quote_ending_before(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.qstarts, pos) - 1
        while k >= 0:
            s, e = self.quotes[k]
            if e <= pos:
                gap = self.text[e:pos]
                return k if len(gap) <= 4 and all(ch in GAP_OK or ch in "\xa0\u2009" for ch in gap) else None
            k -= 1
        return None

    def _quote_starting_after(self, pos: int, allow_para: bool) -> int | None:
        k = bisect.bisect_left(self.qstarts, pos)
        if k >= len(self.quotes):
            return None
        gap = self.text[pos:self.quotes[k][0]]
        if len(gap) <= 4 and all(ch in GAP_OK or ch in "\xa0\u2009" for ch in gap):
            return k
        if allow_para and len(gap) <= 6 and gap.strip() in ("", ":") and "\n" in gap:
            return k
        return None

    def _cue_tokens(self) -> list[tuple[Token, Token, Cue]]:
        """(first token, last token, cue) of each lexicon match outside quotation marks."""
        out = []
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            t = doc[i]
            lem = t.lemma_.lower()
            if lem == "hop" and t.lower_.startswith("hop") and t.lower_[3:4] in ("e", "i"):
                lem = "hope"  # the small model lemmatises "hoping"/"hoped" as "hop"
            matched = False
            for words, cue in self.multi.get(lem, ()):
                j = i + len(words)
                if j <= n and all(doc[i + k].lemma_.lower() == w for k, w in enumerate(words)):
                    out.append((t, doc[j - 1], cue))
                    i, matched = j, True
                    break
            if matched:
                continue
            if t.pos_ in ("VERB", "AUX") and lem in self.single and t.dep_ != "aux":
                out.append((t, t, self.single[lem]))
            elif t.pos_ == "NOUN" and "n:" + lem in self.single:
                out.append((t, t, self.single["n:" + lem]))
            elif t.pos_ == "ADJ" and "j:" + t.lower_ in self.single and t.dep_ in ("acomp", "amod", "oprd"):
                out.append((t, t, self.single["j:" + t.lower_]))
            elif t.pos_ == "ADV" and "r:" + t.lower_ in self.single:
                out.append((t, t, self.single["r:" + t.lower_]))
            elif lem == "accord" and i + 1 < n and doc[i + 1].lower_ == "to":
                out.append((t, doc[i + 1], Cue("assert", "according")))
            i += 1
        return [c for c in out if self._inside(c[0].idx) is None]

    def run(self) -> None:
        for first, last, cue in self._cue_tokens():
            try:
                self._cue(first, last, cue)
            except Exception as exc:  # noqa: BLE001 - one odd parse must not cost the article's other hits
                self.errors.append((first.idx, f"{type(exc).__name__}: {exc}"))
        for step in (self._quote_verbs, self._speaker_turns, self._lone_quotes, self._headline, self._untangle):
            try:
                step()
            except Exception as exc:  # noqa: BLE001
                self.errors.append((None, f"{step.__name__}: {type(exc).__name__}: {exc}"))

    def _cue(self, first: Token, last: Token, cue: Cue) -> None:
        if cue.cls == "according":
            self._according(first, last)
        elif cue.cls == "noun":
            self._noun(first, cue)
        elif cue.cls == "adjective":
            self._adjective(first, cue)
        elif cue.cls == "adverb":
            self._adverb(first, cue)
        else:
            self._verb(first, last, cue)

    def _quote_verbs(self) -> None:
        """A quote no lexicon cue claimed, followed or led in by a short clause with any verb and
        its subject ('“Go home,” Smith barked.' / 'Smith snapped: “No.”') is that verb's."""
        doc = self.doc
        for k, (qs, qe) in enumerate(self.quotes):
            if k in self.claimed:
                continue
            tok = self._token_at(qe)
            cand = None
            if tok is not None and (self.text[qe - 2:qe - 1] in (",", "?", "!") or self.text[qe:qe + 1] == ","):
                for t in doc[tok.i: min(len(doc), tok.i + 7)]:
                    if t.is_sent_end and t.is_punct and t.i > tok.i:
                        break
                    if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children):
                        cand = t
                        break
            if cand is None:
                j = qs
                while j > 0 and self.text[j - 1] == " ":
                    j -= 1
                if j > 0 and self.text[j - 1] in ":,":
                    tb = self._token_at(j - 1)
                    if tb is not None:
                        for t in reversed(list(doc[max(self._sent(tb).start, tb.i - 8): tb.i])):
                            if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children):
                                cand = t
                                break
            if cand is None:
                continue
            src = _subject(cand)
            if src is not None and src.pos_ == "PRON" and src.lower_ in ("it", "this", "that"):
                continue
            self._add("direct", (cand.idx, cand.idx + len(cand)), [self.quotes[k]], src,
                      _source_span(src, cand) if src is not None else None, "assert", cand, [k])

    def _lone_quotes(self) -> None:
        """A quote that fills its own sentence with no cue (a new paragraph of someone's words) is
        given to the speaker of the closest earlier direct quote (the speaker-turn convention)."""
        last: AttributionHit | None = None
        by_start = sorted(range(len(self.hits)), key=lambda i: self.hits[i].content[0][0])
        j = 0
        for k, (qs, qe) in enumerate(self.quotes):
            while j < len(by_start) and self.hits[by_start[j]].content[0][0] < qs:
                h = self.hits[by_start[j]]
                if h.kind == "direct" and h.source is not None:
                    last = h
                j += 1
            if k in self.claimed or qe - qs < 25 or last is None or qs - last.content[-1][1] > LONE_REACH:
                continue
            before = self.text[max(0, qs - 2):qs]
            if before.strip() not in ("", ".") and "\n" not in before:
                continue  # only quotes that open a sentence or paragraph
            self.hits.append(AttributionHit("direct", (qs, qs), [(qs, qe)], source=last.source,
                                            source_cluster=last.source_cluster, group=last.group))
            self.hit_quotes.append([k])
            self.hit_verbs.append(None)
            self.claimed.add(k)

    def _sent(self, tok: Token) -> Span:
        """The token's sentence (``Token.sent`` walks the whole doc each time: quadratic on long texts)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [x.start for x in self._sents]
        return self._sents[bisect.bisect_right(self._sent_starts, tok.i) - 1]

    def _token_at(self, pos: int) -> Token | None:
        """The first token starting at or after char ``pos`` (binary search over token offsets)."""
        doc = self.doc
        lo, hi = 0, len(doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < pos:
                lo = mid + 1
            else:
                hi = mid
        return doc[lo] if lo < len(doc) else None

    def _headline(self) -> None:
        """'Name: what they said' at the head of a paragraph (headlines, transcripts)."""
        text = self.text
        start = 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            colon = text.find(": ", start, min(end, start + 40))
            if colon > start and end - colon > 10:
                head = text[start:colon]
                words = head.split()
                if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not head.isupper() \
                        and self._inside(colon) is None \
                        and not any(h.cue[0] == colon for h in self.hits):
                    s, e = _trim(self.text, colon + 1, end)
                    src_tok = self._token_at(start)
                    self.hits.append(AttributionHit("direct" if text[s] in MARKS else "indirect", (colon, colon + 1),
                                                    [(s, e)], source=(start, colon)))
                    if src_tok is not None:
                        self.hits[-1].source_cluster = analysis(self.doc).cluster_at(start, colon)
                    self.hit_quotes.append([])
                    self.hit_verbs.append(None)
            start = end + 1

    def _untangle(self) -> None:
        """Keep attributions univocal: where one hit's cue falls inside another's content, a trailing
        participle or conjunct ('…, claiming that …') is cut off the outer content; any other nested
        hit is dropped (the outer one carries the words)."""
        order = sorted(range(len(self.hits)), key=lambda i: self.hits[i].cue[0])
        cues = [self.hits[i].cue[0] for i in order]
        drop: set[int] = set()
        for hi, h in enumerate(self.hits):
            if hi in drop:
                continue
            lo, up = h.content[0][0], h.content[-1][1]
            k = bisect.bisect_left(cues, lo)
            while k < len(cues) and cues[k] < up:
                inner = order[k]
                k += 1
                if inner == hi or inner in drop:
                    continue
                ih = self.hits[inner]
                near = ih.source and lo <= ih.source[0] < ih.cue[0] and ih.cue[0] - ih.source[1] < 25
                src0 = ih.source[0] if near else ih.cue[0]  # type: ignore[index]
                cut = src0
                while cut > lo and self.text[cut - 1] in " ,;\n" + MARKS:
                    cut -= 1
                tail = self.text[cut:src0]
                iv, ov = self.hit_verbs[inner], self.hit_verbs[hi]
                # a coordinated cue of the same source ("said … and added …"), or a comma-led
                # participle ("…, claiming that …") ends the outer content; anything else is nested
                ends = iv is not None and (iv.head is ov and iv.dep_ in ("conj", "advcl") or
                                           iv.tag_ == "VBG" and iv.dep_ in UNTANGLE_DEPS)
                if ends and ("," in tail or ";" in tail or self.text[cut - 4:cut] == " and"):
                    h.content = [(a, min(b, cut)) for a, b in h.content if a < cut]
                    up = cut
                    if not h.content:
                        drop.add(hi)
                        break
                else:
                    drop.add(inner)
        if drop:
            keep = [i for i in range(len(self.hits)) if i not in drop]
            self.hits = [self.hits[i] for i in keep]
            self.hit_quotes = [self.hit_quotes[i] for i in keep]
            self.hit_verbs = [self.hit_verbs[i] for i in keep]

    def _add(self, kind: str, cue: tuple[int, int], content: list[tuple[int, int]], src: Token | None,
             src_span: tuple[int, int] | None, stance: str, verb: Token, quotes: list[int]) -> None:
        if kind != "direct":
            content = [self._clip(*self._one_paragraph(a, b, cue)) for a, b in content]
            if content:
                content[-1] = self._drop_which(*content[-1])
            quotes = [k for k in quotes if any(a <= self.quotes[k][0] < b for a, b in content)]
            kind = kind if quotes or kind == "indirect" else "indirect"
        content = [c for c in content if c[1] > c[0]]
        if not content:
            return
        self.hits.append(AttributionHit(kind=kind, cue=cue, content=content, source=src_span,
                                        group=_is_group(src) if src is not None else False, stance=stance,
                                        time=self._time(verb), source_cluster=None))
        if src is not None:
            self.hits[-1].source_cluster = analysis(self.doc).cluster_at(src.idx, src.idx + len(src))
        self.hit_quotes.append(quotes)
        self.hit_verbs.append(verb)
        self.claimed.update(quotes)

    def _drop_which(self, s: int, e: int) -> tuple[int, int]:
        """End reported content before ", which …": the writer's aside on what was said."""
        k = self.text.find(", which ", s, e)
        if k > s + 20 and self._inside(k) is None:
            return _trim(self.text, s, k)
        return s, e

    def _one_paragraph(self, s: int, e: int, cue: tuple[int, int]) -> tuple[int, int]:
        """Reported speech does not cross a line break (a headline the parser ran into the first
        sentence), unless the break is inside a quotation: keep the side next to the cue."""
        if e <= cue[0]:
            nl = self.text.rfind("\n", s, e)
            if nl >= 0 and self._inside(nl) is None:
                return _trim(self.text, nl + 1, e)
        elif s >= cue[1]:
            nl = self.text.find("\n", s, e)
            if nl >= 0 and self._inside(nl) is None:
                return _trim(self.text, s, nl)
        return s, e

    def _clip(self, s: int, e: int) -> tuple[int, int]:
        """End reported speech before a quote that opens a new sentence (the parser often runs a
        clause on into the next sentence's quotation, which belongs to its own cue)."""
        k = bisect.bisect_right(self.qstarts, s)
        while k < len(self.quotes) and self.qstarts[k] < e:
            q = self.qstarts[k]
            j = q
            while j > s and self.text[j - 1].isspace():
                j -= 1
            if j > s and self.text[j - 1] in ".?!":
                return _trim(self.text, s, j)
            k += 1
        return s, e

    def _time(self, verb: Token) -> int | None:
        """Index of a timex inside a time modifier of the cue ("announced on Tuesday")."""
        if self._tx is None:
            tx = analysis(self.doc).timexes
            self._tx = sorted((t.start, t.end, k) for k, t in enumerate(tx))
        if not self._tx:
            return None
        for c in verb.children:
            if c.dep_ in ("npadvmod", "prep", "advmod", "tmod"):
                s, e = _span_of(c)
                j = bisect.bisect_left(self._tx, (s, -1, -1))
                if j < len(self._tx) and self._tx[j][1] <= e:
                    return self._tx[j][2]
        return None

    def _according(self, first: Token, last: Token) -> None:
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        head = first.head
        while head.dep_ not in ("ROOT",) and head.head is not head and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        sent = self._sent(first)
        # content: the clause without the "according to X" phrase
        ps, pe = _span_of(first)
        # the whole sentence: what "according to" vouches for is rarely a single clause
        cs, ce = min(sent.start_char, _span_of(head)[0]), max(sent.end_char, _span_of(head)[1])
        parts = [self._snap(*_trim(self.text, cs, ps)), self._snap(*_trim(self.text, pe, ce))]
        qs = self._quotes_in(cs, ce)
        self._add("mixed" if qs else "indirect", (first.idx, last.idx + len(last)), parts, pobj, _span_of(pobj),
                  "assert", head, qs)

    def _noun(self, noun: Token, cue: Cue) -> None:
        """'his claim that …', 'Trump's denial of …', 'a supporter of …' (a noun as the cue)."""
        content = None
        cue_end = noun.idx + len(noun)
        for c in noun.children:
            if c.i < noun.i:
                continue
            if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that" and c.left_edge.i == noun.i + 1:
                content = (c.left_edge.idx, self._clause_end(c))
                break
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "on", "for", "against", "over") and c.i == noun.i + 1:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    content, cue_end = _span_of(pobj), c.idx + len(c)
                break
        if content is None:
            return
        src = next((c for c in noun.children if c.dep_ == "poss"), None)
        if src is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            src = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if src is None and noun.dep_ in ("appos", "attr") and noun.head.pos_ in ("PROPN", "NOUN"):
            src = noun.head if noun.dep_ == "appos" else None
        s, e = self._snap(*_trim(self.text, *content))
        src_span = None
        if src is not None:
            src_span = (src.left_edge.idx, src.idx + len(src)) if src.dep_ == "poss" else _source_span(src, noun)
            if src.dep_ == "poss" and src.i + 1 < len(self.doc) and self.doc[src.i + 1].tag_ == "POS":
                src_span = (src.left_edge.idx, src.idx + len(src))
        qs = self._quotes_in(s, e)
        self._add("mixed" if qs else "indirect", (noun.idx, cue_end), [(s, e)], src, src_span, cue.stance, noun, qs)

    def _adjective(self, adj: Token, cue: Cue) -> None:
        """'Aides are confident that …', 'she is critical of …' (the copula's subject is the source)."""
        if adj.dep_ != "acomp":
            return
        content, cue_end = None, adj.idx + len(adj)
        for c in adj.children:
            if c.i < adj.i:
                continue
            if c.dep_ in ("ccomp", "xcomp"):
                content = (c.left_edge.idx, self._clause_end(c))
                break
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "that", "to", "with", "over", "on") and c.i == adj.i + 1:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    content, cue_end = _span_of(pobj), c.idx + len(c)
                break
        if content is None:
            return
        src = _subject(adj.head)
        s, e = self._snap(*_trim(self.text, *content))
        qs = self._quotes_in(s, e)
        self._add("mixed" if qs else "indirect", (adj.idx, cue_end), [(s, e)], src,
                  _source_span(src, adj.head) if src is not None else None, cue.stance, adj.head, qs)

    def _adverb(self, adv: Token, cue: Cue) -> None:
        """'The firm reportedly lost money': the clause, minus the adverb, with no named source."""
        head = adv.head
        if head.pos_ not in ("VERB", "AUX") or adv is head:
            return
        hs, he = _span_of(head)
        hs = max(hs, self._sent(head).start_char)
        parts = [_trim(self.text, hs, adv.idx), _trim(self.text, adv.idx + len(adv), he)]
        qs = self._quotes_in(hs, he)
        self._add("mixed" if qs else "indirect", (adv.idx, adv.idx + len(adv)), parts, None, None, cue.stance, head, qs)

    def _clause_not_quote(self, comp: Token) -> bool:
        """A complement clause that is not just a quotation: it starts outside quotation marks, or
        runs well past the quote it starts in ('said “it gets me mad” every time …': mixed)."""
        k = self._inside(comp.left_edge.idx)
        if k is None:
            return True
        end = comp.right_edge.idx + len(comp.right_edge)
        return end - self._closed[k][1] > 12 and self._inside(end - 1) is None

    def _quotes_in(self, s: int, e: int) -> list[int]:
        k = bisect.bisect_left(self.qstarts, s)
        out = []
        while k < len(self.quotes) and self.quotes[k][0] < e:
            out.append(k)
            k += 1
        return out

    def _verb(self, first: Token, last: Token, cue: Cue) -> None:
        # in a multi-word cue ("call for", "point out") the verb carries the parse
        verb = next((t for t in self.doc[first.i:last.i + 1] if t.pos_ in ("VERB", "AUX")), first)
        neg = _negated(verb)
        stance = NEG_STANCE[cue.stance] if neg and cue.cls != "refusal" else cue.stance
        src = _subject(verb)
        src_span = _source_span(src, verb) if src is not None else None
        cue_span = (first.idx, last.idx + len(last))
        kids = list(verb.children)
        comp = next((c for c in kids if c.dep_ in CONTENT_DEPS and c.i > verb.i), None) or \
            next((c for c in kids if c.dep_ in CONTENT_DEPS), None) or \
            next((c for c in kids if c.dep_ == "advcl" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)  # "asked if …"
        if comp is not None and self._clause_not_quote(comp) \
                and (comp.i > verb.i or not self._adjacent_quote(verb, src)):
            if comp.i < verb.i:
                # "…, Ferre said." — everything before the cue's clause in its sentence
                stop = min(verb.idx, src.left_edge.idx if src is not None and src.i > comp.i else verb.idx)
                s, e = self._snap(*_trim(self.text, min(comp.left_edge.idx, self._sent(verb).start_char), stop))
            else:
                # "said about half of the rise reflected …": a subject the parser hung on the cue
                stray = next((c for c in kids if c.dep_ in ("dobj", "attr", "npadvmod") and verb.i < c.i < comp.i
                              and c.right_edge.i + 1 == comp.left_edge.i and c.pos_ != "PRON"
                              and verb.lemma_ not in RECIPIENT_VERBS
                              and comp.left_edge.lower_ not in ("that", "whether", "if")), None)
                start = stray.left_edge.idx if stray is not None else comp.left_edge.idx
                s, e = self._snap(*_trim(self.text, start, self._clause_end(comp)))
            qs = self._quotes_in(s, e)
            self._add("mixed" if qs else "indirect", cue_span, [(s, e)], src, src_span, stance, verb, qs)
            return
        qk = self._adjacent_quote(verb, src)
        if qk:
            parts = [self.quotes[k] for k in qk]
            self._add("direct", cue_span, parts, src, src_span, stance, verb, qk)
            return
        if cue.cls == "utterance":
            return
        if cue.cls == "intent" and not any(c.dep_ == "xcomp" for c in kids):
            return
        subjpass = next((c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i), None)
        if xcomp is not None and (verb.lemma_ in ("seem", "appear") and src is not None and src.i < verb.i
                                  or subjpass is not None and not any(c.dep_ == "agent" for c in kids)):
            # "Mr. Trump's tone seemed to encourage aggression", "the bill is expected to pass": how
            # things look to the writer or to people unnamed; the subject is part of the content
            subj = subjpass if subjpass is not None else src
            parts = [_span_of(subj), (xcomp.left_edge.idx, self._phrase_end(verb, xcomp))]
            self._add("indirect", cue_span, [self._snap(*_trim(self.text, *p)) for p in parts], None, None, stance, verb, [])
            return
        if cue.cls == "belief" and not any(c.dep_ == "xcomp" for c in kids):
            return
        if cue.cls == "attitude" and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in kids):
            return
        # the clause this cue interrupts or follows: "The vote, officials said, is off." / "…, she said."
        if (verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i
                and not any(c.dep_ == "mark" for c in kids)) and not any(c.dep_ in ("dobj", "xcomp") for c in kids):
            # (not "… after two members asked for more time": a subordinate clause is no parenthesis)
            head = verb.head
            hs, he = _span_of(head)
            vs, ve = _span_of(verb)
            parts = [_trim(self.text, hs, vs), _trim(self.text, ve, he)]
            qs = self._quotes_in(hs, he)
            self._add("mixed" if qs else "indirect", cue_span, parts, src, src_span, stance, verb, qs)
            return
        if last is not verb and last.pos_ == "ADP" and last.head is verb:
            # "called for X", "referred to X", "spoke out against X": the preposition closes the cue
            pobj = next((g for g in last.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                s, e = self._snap(*_trim(self.text, pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)))
                qs = self._quotes_in(s, e)
                self._add("mixed" if qs else "indirect", cue_span, [(s, e)], src, src_span, stance, verb, qs)
                return
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        subjpass = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if agent is not None and subjpass is not None and src is not None and cue.cls in ("attitude", "speech"):
            # "The bill was opposed by the union": the subject is what the source took a stance on
            s, e = self._snap(*_trim(self.text, *_span_of(subjpass)))
            self._add("indirect", cue_span, [(s, e)], src, src_span, stance, verb, [])
            return
        for dep in ("xcomp", "dobj", "prep", "dative"):
            obj = next((c for c in kids if c.dep_ == dep and c.i > last.i), None)
            if obj is None:
                continue
            if cue.cls == "utterance" and dep != "prep" or cue.cls == "intent" and dep != "xcomp":
                continue
            if dep != "xcomp" and cue.cls == "belief" and not (dep == "dobj" and any(
                    c.dep_ in ("oprd", "prep") and c.lower_ in ("as", "like") or c.dep_ == "oprd" for c in kids)):
                continue  # "knows the town" is no reported belief; "sees the town as lost" is
            if dep == "xcomp" and any(t.lemma_ in ("name", "identify") for t in obj.subtree):
                return  # "asked not to be named": a condition of anonymity, not a statement
            if dep in ("dobj", "dative") and (cue.cls == "refusal" or verb.lemma_ in RECIPIENT_VERBS):
                continue  # "told reporters", "asked him": the object is who was spoken to
            start = obj.left_edge.idx
            if dep == "xcomp":
                # "urged party leaders to turn away …": the one urged belongs to the content
                d = next((c for c in kids if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < obj.i), None)
                start = d.left_edge.idx if d is not None else start
            if dep == "prep":
                if obj.lower_ not in ("on", "about", "of", "to", "for", "against", "over", "with") or \
                        cue.cls == "utterance" and obj.lower_ not in ("about", "of", "on"):
                    continue
                pobj = next((g for g in obj.children if g.dep_ in ("pobj", "pcomp")), None)
                between = self.doc[last.i + 1:obj.i]
                after = all(t.dep_ == "advmod" for t in between) or any(
                    c.dep_ in ("dobj", "dative") and c.right_edge.i + 1 == obj.i for c in kids)
                if pobj is None or not after or pobj.ent_type_ in ("DATE", "TIME"):
                    continue  # "reported on Wednesday" says when, not what
                start, cue_span = pobj.left_edge.idx, (cue_span[0], obj.idx + len(obj))  # "referring to" + X
            s, e = self._snap(*_trim(self.text, start, self._phrase_end(verb, obj)))
            qs = self._quotes_in(s, e)
            self._add("mixed" if qs else "indirect", cue_span, [(s, e)], src, src_span, stance, verb, qs)
            return

    def _clause_end(self, head: Token) -> int:
        """End of a reported clause, cut before a comma-led coordinate or contrast clause
        ('…, but for Republicans …', '…, while others said …')."""
        end = head.idx + len(head)
        for c in head.children:
            if c.i > head.i:
                prev = self.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
                if prev is not None and prev.text in (",", ";", "—", "--") and c.dep_ in CLAUSE_CUT:
                    break
                if c.dep_ == "punct" and c.text in (";", "—", "--") :
                    break
            end = max(end, c.right_edge.idx + len(c.right_edge))
        return end

    def _phrase_end(self, verb: Token, first: Token) -> int:
        """End of the verb phrase from ``first`` on: later complements and modifiers, but not a
        coordinated verb, a comma-led participle ("…, saying …") or a parenthetical."""
        end = first.right_edge.idx + len(first.right_edge)
        for c in verb.children:
            if c.i <= first.i:
                continue
            if c.dep_ in ("cc", "conj", "parataxis", "punct") or (
                    c.dep_ in ("advcl", "ccomp") and c.i > 0 and self.doc[c.left_edge.i - 1].text == ","):
                break
            end = c.right_edge.idx + len(c.right_edge)
        return end

    def _snap(self, s: int, e: int) -> tuple[int, int]:
        """Widen a content span so that a (properly closed) quote it cuts through is taken whole."""
        qs, starts = self._closed, self._closed_starts
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and qs[k][0] < s < qs[k][1]:
            s = qs[k][0]
        k = bisect.bisect_left(starts, e) - 1
        if k >= 0 and qs[k][0] < e < qs[k][1]:
            e = qs[k][1]
        return s, e

    def _adjacent_quote(self, verb: Token, src: Token | None) -> list[int]:
        """Quote indices attributed by this cue: before it ('“…,” he said'), after it ('he said: “…”'),
        and a second piece after a split ('“…,” she said, “…”' / '“…,” she said. “…”')."""
        left, right = verb.idx, verb.idx + len(verb)
        if src is not None:
            ss, se = _source_span(src, verb)
            left, right = min(left, ss), max(right, se)
        # particles and "in a statement" style modifiers after the verb belong to the cue's clause
        for c in verb.children:
            if c.i > verb.i and c.dep_ in ("prt", "advmod", "prep", "npadvmod", "dative", "dobj", "advcl") and \
                    self._inside(c.idx) is None and c.idx - right < 60:
                q = self._quote_starting_after(c.right_edge.idx + len(c.right_edge), False)
                if q is None:
                    right = max(right, c.right_edge.idx + len(c.right_edge))
        out = []
        before = self._quote_ending_before(left)
        if before is not None and before not in self.claimed:
            out.append(before)
            after = self._quote_starting_after(right, False)
            if after is None:
                # '“…,” she said. “…”': the next sentence's opening quote
                nxt = right
                while nxt < len(self.text) and self.text[nxt] in ". \xa0\t":
                    nxt += 1
                k = bisect.bisect_left(self.qstarts, nxt)
                if k < len(self.quotes) and self.quotes[k][0] == nxt and self.text[right:nxt].strip() == ".":
                    after = k
                elif k < len(self.quotes) and self.quotes[k][0] - right < 90:
                    # '“…,” he said on a radio show on Sunday. “…”': the rest of the cue's sentence first
                    gap = self.text[right:self.quotes[k][0]].rstrip(" \xa0\t")
                    if gap.endswith(".") and "\n" not in gap and gap.count(".") <= 2 and \
                            not any(ch in MARKS for ch in gap):
                        after = k
            if after is not None and after not in self.claimed and after != before:
                out.append(after)
            return out
        after = self._quote_starting_after(right, True)
        if after is not None and after not in self.claimed:
            out.append(after)
        return out

    def _speaker_turns(self) -> None:
        """Quotes that directly follow a speaker's quote (after their cue's sentence, or opening the
        next paragraph) and that no cue claimed are more of the same speaker's words."""
        order = sorted(range(len(self.hits)), key=lambda i: self.hits[i].content[-1][1])
        for hi in order:
            hit = self.hits[hi]
            end = max(hit.content[-1][1], hit.cue[1], hit.source[1] if hit.source else 0)
            while True:
                k = bisect.bisect_left(self.qstarts, end)
                if k >= len(self.quotes) or k in self.claimed:
                    break
                gap = self.text[end:self.quotes[k][0]]
                if len(gap) > 6 or gap.count("\n") > 2 or any(ch not in " \n.:" for ch in gap):
                    break
                hit.content.append(self.quotes[k])
                self.claimed.add(k)
                self.hit_quotes[hi].append(k)
                end = self.quotes[k][1]

@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    ct = analysis(doc)
    f = _Finder(doc)
    f.run()
    for pos in f.bad:
        ct.flags.append(FlagHit("unbalanced-quotes", "a quotation mark here has no partner: an open quote was "
                                "ended at its paragraph's end, a stray closing mark ignored", pos))
    for pos, msg in f.errors[:5]:
        ct.flags.append(FlagHit("stage-error", f"{NAME}: {msg}", pos))
    ct.attributions.extend(f.hits)
