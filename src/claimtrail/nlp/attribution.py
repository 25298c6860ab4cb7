"""Stage: attribution — who said (wrote, confirmed, denied, believes …) what.

Rules over the dependency parse and the hand-written cue lexicon ``lexicons/cues.tsv``:

1. quotation spans come from one pass over the text (``quotes.py``); unbalanced marks are flagged;
2. every token whose lemma (or lemma sequence) is a cue, outside quotation marks, is a candidate.
   A verb's content is, in order of preference: a clausal complement (``that …``, ``whether …``,
   ``if …``), a quotation next to the cue (``“…,” she said``; ``he said: “…”``; a second piece after
   ``she said, “…”``), the clause it interrupts or follows (``…, officials said``), the object of a
   closing preposition (``called for …``), a passive subject with an agent, a to-infinitive, an object
   or a prepositional object — each cue class (see the lexicon's header) allows only some of these.
   A mid-sentence cue the parser made the complement or bare conjunct of the clause after it
   (``Instead, Lee told reporters, the money would …``) reports that clause; a phrase or subjectless
   verb hung on an interrupting cue (``…, Lee said, by the new budget``) goes on with what it interrupts;
   ``added a wing to the house`` and ``pledged delegates`` report nothing.
   Nouns (``his claim that …``, ``her decision to …``, ``her warning was that …``), adjectives
   (``confident that …``), hearsay adverbs (``reportedly``), ``according to X``, a sentence-opening
   ``To X, …`` or ``In a new poll, …``, ``As X noted, …`` and a relative clause whose subject spoke of
   the noun it hangs on (``a merger the union has criticized``) have their own small rules. A bare
   feeling or sign noun joins the cue (``expressed concern that …``); what a participle or ``because``
   clause adds after an object, and a quoted show title, are not content;
3. the source is the subject (climbing through ``xcomp``/``conj``/``advcl`` heads, and from ``a habit
   of blaming …`` to whoever has it; a dash-led ``-- who …`` aside cut off), the agent of a
   passive, the head noun of a relative clause, a possessive, or the object of ``according to``;
4. a quote no lexicon cue claimed goes to any verb with a subject right beside it (``“…,” Lee
   barked``); quotes that follow a speaker's quote, or open a later paragraph, go to that speaker
   (the speaker-turn convention); ``Name: words`` opening a paragraph is an attribution too, and so is
   a quote signed with a dash (``“…” ― Ana Ruiz`` ending its line, ``Ana Ruiz — “…”`` opening it);
5. attributions stay univocal: a nested cue is dropped (a coordinated ``… and pledged to …`` too), a
   trailing ``…, claiming that …`` or a second sayer (``…, while others said …``) ends the outer
   content; a cue between two pieces of a split quote is not nested. Reported content loses a leading
   ``And``/``In fact,``/dateline, a trailing gloss (``, a charge that …``, ``, who …`` at its end, ``, the
   party's nominee`` after the name it ends with) and a trailing phrase saying how it was said (``… in a
   statement on Friday``, ``… on Twitter``, ``… in a ruling``); a comma- or dash-led relative or
   participial clause ending the outer content with a cue of its own (``— who said they …``) is that
   cue's; a quote that finishes a sentence the speaker began (``The plan “will fail,” she said``) takes
   the sentence's opening words along. (Measured on PolNeAR train: the gold never marks a cue inside
   another attribution's content; the outer one carries the words.)
6. where content ends (``attr_indirect``): an object's comma-led appositive is a gloss unless the phrase
   goes on after it; a list, a second object after a comma, bare verbs going on with a to-infinitive,
   a second ``that`` clause and an ``and`` clause with a pronoun subject are more of what was said; a
   verb in the cue's own tense, an infinitive's comma-led tail and a subordinate clause with a subject
   of its own (``as she left``) are not; of a verb's trailing phrases only those saying when, where or
   why are cut (``in April``, ``in Ohio``, ``after the vote``), not ``in support of …``; the cue's object
   between it and a quote (``called his play in the second half “a disgrace”``) goes with the quote.

The rules live in six modules beside this one: ``cues.py`` (the lexicon and the pass that finds its
cues), ``attr_parse.py`` (small stateless helpers over the parse: spans, trimming, circumstance and
viewpoint phrases, negation), ``attr_source.py`` (who is speaking: subject, source span, holder, group),
``attr_direct.py`` (quotation rules), ``attr_indirect.py`` (what a verb cue's parse says was said, and
where content ends) and ``attr_nominal.py`` (noun, adjective, adverb, ``according to`` and viewpoint
cues). The finder here mixes the last three in, holds the state they share and keeps the hits univocal.

Every step is a constant amount of work per token, quote or hit (binary searches aside), so the
stage stays linear in the article's length.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attr_direct import DirectRules
from .attr_indirect import IndirectRules
from .attr_nominal import NominalRules
from .attr_parse import CHANNELS, channel, span_of as _span_of, trim as _trim
from .attr_source import is_group as _is_group
from .cues import Cue, cue_tokens, lexicon
from .quotes import MARKS, find_quotes
from .state import AttributionHit, FlagHit, analysis, guarded

__all__ = ["NAME", "VERSION", "COMPONENT", "REQUIRES", "PROVIDES", "run", "lexicon", "Cue"]

NAME = "attribution"
VERSION = "attribution-rules/12"
COMPONENT = "claimtrail_attribution"
REQUIRES: tuple[str, ...] = ("clusters", "timexes")
PROVIDES: tuple[str, ...] = ("attributions",)

UNTANGLE_DEPS = ("advcl",)  # "…, claiming that …" ends the outer content
# comma-led relative or participial clauses ending the outer content with a cue of their own (an adverbial
# one, "…, after prosecutors determined …", is as often part of the outer words)
ASIDE_DEPS = ("relcl", "acl")
ASIDE_MARKS = (",", ";", "—", "--", "–")
# markup a scraper left in the text ('<tweet tweet-author="@x" tweet-date="May 9">', '<tweet/>'): a name, then
# attributes whose quoted values may hold line breaks or ">" and run long (a whole paragraph pasted into one)
TAG = re.compile(r"""</?[A-Za-z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]{0,3000}"|'[^']{0,3000}'|[^\s"'<>]+))?)*\s*/?>""")


LINKS = (" and", " but", " while", " whereas", " although", " though", " yet")


def _linking_word(text: str, lo: int, cut: int) -> str:
    """The conjunction ending ``text[lo:cut]`` (" and", " while" …) after a comma or not, else ''."""
    for w in LINKS:
        if text.endswith(w, lo, cut):
            return w
    return ""


LEADS = ("and yet ", "and ", "meanwhile, ", "however, ", "also, ", "still, ", "still ", "in fact, ", "even so, ",
         "in contrast, ", "indeed, ", "instead, ", "by contrast, ", "moreover, ", "in addition, ", "nevertheless, ")
# "BERLIN — ", "WASHINGTON (Reuters) - ", "CAMBRIDGE, Mass., Dec. 11 (UPI) — ", "SAN JUAN, Puerto Rico — "
DATELINE = re.compile(r"[A-Z][A-Z .,']{2,30}(?:, ?[A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12})?){0,2}"
                      r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?,? ?(?:\([A-Za-z ]{1,20}\))? ?[-—–―]{1,2} ")


def _drop_lead(text: str, s: int, e: int) -> tuple[int, int]:
    """Start reported content after a linking word ("But …", "Meanwhile, …") or a dateline
    ("BERLIN — …"): the writer's joints between sentences, not the source's words."""
    m = DATELINE.match(text, s, e)
    if m:
        s = m.end()
    head = text[s:s + 16].lower()
    for w in LEADS:
        if head.startswith(w) and e - s > len(w) + 10:
            return s + len(w), e
    return s, e


# a relative clause on a person ending reported content is the writer's aside on the one named last (a
# trailing ", which …" or ", where …" clause is as often part of what was said: +0.0006 on train, -0.002 on dev)
TRAILING_RELS = (", who ", ", whose ")
CHANNEL_REACH = 160  # chars from the end of reported content a trailing "… in a statement on Friday" may start
def _time_phrase(prep: Token) -> bool:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _speech(verb: Token) -> bool:
    cue = lexicon()[0].get(verb.lemma_.lower())
    return cue is not None and cue.cls in ("speech", "utterance")


class _Finder(DirectRules, IndirectRules, NominalRules):
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
        # main verb index -> (source noun, its span) of a trailing ", NP reported" (attr_indirect)
        self.reporters: dict[int, tuple[Token, tuple[int, int]]] = {}
        self.errors: list[tuple[int | None, str]] = []  # rule failures, reported as flags
        self._tx: list[tuple[int, int, int]] | None = None  # (start, end, index) of the timexes, sorted
        self.cue_starts: list[int] = []  # char offsets of the lexicon cues found, in text order
        self.verb_cue_starts: list[int] = []  # … of those that are verbs

    def _cue_tokens(self) -> list[tuple[Token, Token, Cue]]:
        """(first token, last token, cue) of each lexicon match outside quotation marks and outside
        markup left in the text ('<tweet author="…">')."""
        tags = [m.span() for m in TAG.finditer(self.text)] if "<" in self.text else []
        starts = [t[0] for t in tags]

        def in_tag(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and tags[k][0] <= pos < tags[k][1]
        return [c for c in cue_tokens(self.doc) if self._inside(c[0].idx) is None and not (tags and in_tag(c[0].idx))]

    def run(self) -> None:
        cues = self._cue_tokens()
        self.cue_starts = [c[0].idx for c in cues]
        self.verb_cue_starts = [c[0].idx for c in cues if c[0].pos_ in ("VERB", "AUX")]
        for first, last, cue in cues:
            try:
                self._cue(first, last, cue)
            except Exception as exc:  # noqa: BLE001 - one odd parse must not cost the article's other hits
                self.errors.append((first.idx, f"{type(exc).__name__}: {exc}"))
        for step in (self._dash_lines, self._quote_verbs, self._speaker_turns, self._lone_quotes, self._headline,
                     self._dash_colons, self._untangle):
            try:
                step()
            except Exception as exc:  # noqa: BLE001
                self.errors.append((None, f"{step.__name__}: {type(exc).__name__}: {exc}"))

    def _cue(self, first: Token, last: Token, cue: Cue) -> None:
        if cue.cls == "according":
            self._according(first, last)
        elif cue.cls == "viewpoint":
            self._viewpoint(first)
        elif cue.cls == "noun":
            self._noun(first, cue)
        elif cue.cls == "adjective":
            self._adjective(first, cue)
        elif cue.cls == "adverb":
            self._adverb(first, cue)
        else:
            self._verb(first, last, cue)

    def _sent(self, tok: Token) -> Span:
        """The token's sentence (``Token.sent`` walks the whole doc each time: quadratic on long texts)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [x.start for x in self._sents]
        return self._sents[bisect.bisect_right(self._sent_starts, tok.i) - 1]

    def _has_cue(self, s: int, e: int, starts: list[int] | None = None) -> bool:
        """Whether a cue starts in ``[s, e)``: a verb cue of the lexicon, or one of ``starts``."""
        starts = self.verb_cue_starts if starts is None else starts
        k = bisect.bisect_left(starts, s)
        return k < len(starts) and starts[k] < e

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

    def _untangle(self) -> None:
        """Keep attributions univocal: where one hit's cue falls inside another's content, a trailing
        participle ('…, claiming that …') or relative clause with a cue ('— who said …') is cut off the
        outer content; any other nested hit is dropped (the outer one carries the words)."""
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
                if not any(a <= ih.cue[0] < b for a, b in h.content):
                    continue  # between two pieces ('“…,” Lee said, referring to X. “…”'): not inside the words
                near = ih.source and lo <= ih.source[0] < ih.cue[0] and ih.cue[0] - ih.source[1] < 25
                src0 = ih.source[0] if near else ih.cue[0]  # type: ignore[index]
                cut = src0
                while cut > lo and self.text[cut - 1] in " ,;\n—–-" + MARKS:
                    cut -= 1
                tail = self.text[cut:src0]
                iv, ov = self.hit_verbs[inner], self.hit_verbs[hi]
                # an adverbial cue on the outer one, or a comma-led participle ("…, claiming that …"), ends
                # the outer content; anything else is nested. (A conjunct cue, "… and pledged to …", too:
                # where the parser put it inside the first one's words, PolNeAR mostly keeps them whole;
                # _clause_end takes "said that … and insisted that …" apart where the parse allows.)
                ends = iv is not None and (ov is not None and iv.head.i == ov.i and iv.dep_ == "advcl" or
                                           iv.tag_ == "VBG" and iv.dep_ in UNTANGLE_DEPS)
                aside = self._aside(iv, lo, up) if not ends and iv is not None else None
                if aside is not None:
                    # "… — who said they could change their minds": a comma- or dash-led clause ending
                    # the outer words with a saying of its own is that sayer's, not more of the first
                    ends, cut, tail = True, _trim(self.text, lo, aside)[1], ","
                link = _linking_word(self.text, lo, cut)
                if not ends and near and ih.source != h.source and link and iv is not None and iv.dep_ != "ccomp" \
                        and _speech(iv):
                    # "said the plan works, while others said …": a second sayer ends the first's words
                    ends, tail = True, ","
                if ends and (any(m in tail for m in ASIDE_MARKS) or link):
                    if link:
                        cut = _trim(self.text, lo, cut - len(link))[1]
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

    def _aside(self, iv: Token, lo: int, up: int) -> int | None:
        """Where a comma- or dash-led clause holding an inner cue starts (the mark's offset), when the
        clause is a relative or participial one that ends the outer content ('…, who said they …'; one
        in mid-phrase, '…, who boasted of it, did …', stays inside the outer words)."""
        k = iv.left_edge.i
        if iv.dep_ not in ASIDE_DEPS or k < 1 or iv.idx - iv.left_edge.idx > 200 or \
                iv.right_edge.idx + len(iv.right_edge) < up - 2:
            return None
        mark = self.doc[k - 1]
        if mark.text not in ASIDE_MARKS or mark.idx <= lo or self._inside(mark.idx) is not None:
            return None
        return mark.idx

    def _add(self, kind: str, cue: tuple[int, int], content: list[tuple[int, int]], src: Token | None,
             src_span: tuple[int, int] | None, stance: str, verb: Token, quotes: list[int]) -> None:
        if kind != "direct":
            content = [self._clip(*self._one_paragraph(a, b, cue)) for a, b in content]
            if content:
                content[0] = _drop_lead(self.text, *content[0])
                content[-1] = self._drop_channel(*self._drop_gloss(*self._drop_who(*content[-1])))
            quotes = [k for k in quotes if any(a <= self.quotes[k][0] < b for a, b in content)]
            kind = kind if quotes or kind == "indirect" else "indirect"
        content = [c for c in content if c[1] > c[0]]
        if not content or any(h.content == content and h.cue[0] <= cue[0] < h.cue[1] for h in self.hits[-3:]):
            return  # (nothing said, or a noun the previous cue took in: "expressed concern that …")
        self.hits.append(AttributionHit(kind=kind, cue=cue, content=content, source=src_span,
                                        group=_is_group(src) if src is not None else False, stance=stance,
                                        time=self._time(verb), source_cluster=None))
        if src is not None:
            self.hits[-1].source_cluster = analysis(self.doc).cluster_at(src.idx, src.idx + len(src))
        self.hit_quotes.append(quotes)
        self.hit_verbs.append(verb)
        self.claimed.update(quotes)

    def _drop_channel(self, s: int, e: int) -> tuple[int, int]:
        """End reported content before a trailing phrase naming where or how it was said ("… in an
        interview with CNN on Sunday", "… on Twitter", "… at a rally in Ohio"): the cue's
        circumstance, which the parser often hangs on the last verb of what was said."""
        tok = self._token_at(max(s + 3, e - CHANNEL_REACH))  # (something must be left; the phrase is short)
        doc = self.doc
        while tok is not None and tok.idx < e:
            # (wherever the parser hung it: "mocked Lee on Twitter" often makes it Lee's; but not one a
            # saying inside the content owns: "… when he speaks at a conference")
            if tok.dep_ == "prep" and tok.lower_ in CHANNELS and \
                    channel(tok) and not (s <= tok.head.idx < e and _speech(tok.head)) and \
                    self._inside(tok.idx) is None and self._only_circumstance(tok.i, e):
                return _trim(self.text, s, tok.idx)
            tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return s, e

    def _only_circumstance(self, i: int, e: int) -> bool:
        """Whether the tokens from ``i`` to char ``e`` are channel or time phrases (and punctuation)."""
        doc = self.doc
        while i < len(doc) and doc[i].idx < e:
            t = doc[i]
            if t.dep_ == "prep" and (channel(t) or _time_phrase(t)):
                i = t.right_edge.i + 1
            elif t.is_punct or t.ent_type_ in ("DATE", "TIME"):
                i += 1
            else:
                return False
        return True

    def _drop_who(self, s: int, e: int) -> tuple[int, int]:
        """End reported content before a ", who …" clause that runs to its end (the writer's aside on
        the person named last), or before a ", which …" clause with a cue of its own (', which he called
        a disgrace': someone else's words). Other ", which …" clauses are part of what was said."""
        k = self.text.find(", which ", s, e)
        if k > s + 20 and self._inside(k) is None:
            if self._has_cue(k, e, self.cue_starts):
                return _trim(self.text, s, k)
        for rel in TRAILING_RELS:
            k = self.text.rfind(rel, s, e)
            if k > s + 20 and self._inside(k) is None:
                tok = self._token_at(k + 2)
                verb = tok.head if tok is not None else None
                while verb is not None and verb.dep_ != "relcl" and verb.head.i != verb.i and verb.i - tok.i < 4:
                    verb = verb.head
                if verb is not None and verb.dep_ == "relcl" and verb.right_edge.idx + len(verb.right_edge) >= e - 1:
                    return _trim(self.text, s, k)
        return s, e

    def _drop_gloss(self, s: int, e: int) -> tuple[int, int]:
        """End reported content before a trailing appositive gloss on it (", a charge that …",
        "— a move that …") or on the name it ends with (", the party's nominee"): the writer's
        comment, not the source's words."""
        tok = self._token_at(s + 20)
        while tok is not None and tok.idx < e:
            nxt = tok.nbor() if tok.i + 1 < len(self.doc) else None
            if tok.text in (",", "—", "–", "--") and nxt is not None and nxt.lower_ in ("a", "an") and \
                    nxt.head.pos_ == "NOUN" and nxt.head.dep_ in ("appos", "npadvmod") and nxt.head.head.i < tok.i and \
                    nxt.head.right_edge.idx + len(nxt.head.right_edge) >= e - 1 and self._inside(tok.idx) is None:
                return _trim(self.text, s, tok.idx)
            # "… by Dana Ruiz, the city's planning chief": who the last name is (not a list the parser
            # took for an appositive, "Lee, Park and Cho", nor a name glossing a noun, "his wife, Ana")
            ap = self._appos_at(nxt) if tok.text == "," and nxt is not None else None
            if ap is not None and ap.head.i < tok.i and ap.pos_ == "NOUN" and ap.head.pos_ == "PROPN" and \
                    not any(c.dep_ in ("cc", "conj") for c in ap.children) and \
                    ap.right_edge.idx + len(ap.right_edge) >= e - 1 and self._inside(tok.idx) is None:
                return _trim(self.text, s, tok.idx)
            tok = nxt
        return s, e

    @staticmethod
    def _appos_at(tok: Token) -> Token | None:
        """The appositive noun phrase that starts at ``tok``, if any."""
        t = tok
        for _ in range(8):
            if t.dep_ == "appos" and t.left_edge.i == tok.i:
                return t
            if t.head.i == t.i or t.head.i < tok.i:
                return None
            t = t.head
        return None

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
