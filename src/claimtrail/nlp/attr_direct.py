"""Direct speech for the attribution stage: quotation marks next to a cue, split quotes, speaker
turns, cue-less quotes and ``Name: words`` lines. A mixin of the stage's finder (``attribution.py``),
which holds the state these methods share (text, quotes, hits)."""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from .attr_parse import source_span as _source_span, subject as _subject, trim as _trim
from .quotes import MARKS
from .state import AttributionHit, analysis

GAP_OK = set(" ,\t—–-:")
SENTENCE_REST = 160  # how far the rest of a cue's sentence may run before the next quote joins (chars)
LONE_REACH = 3000  # a cue-less quote goes to the last speaker only if their quote ended this close (chars)


def _in_quote(qstarts: list[int], quotes: list[tuple[int, int]], pos: int) -> int | None:
    """Index of the quote containing char ``pos`` (strictly inside its marks), else None."""
    k = bisect.bisect_right(qstarts, pos) - 1
    if k >= 0 and quotes[k][0] < pos < quotes[k][1] - 1:
        return k
    return None


class DirectRules:
    """Quote-side rules; expects the attributes set by ``attribution._Finder.__init__``."""

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

    def _quotes_in(self, s: int, e: int) -> list[int]:
        k = bisect.bisect_left(self.qstarts, s)
        out = []
        while k < len(self.quotes) and self.quotes[k][0] < e:
            out.append(k)
            k += 1
        return out

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

    def _clause_not_quote(self, comp: Token) -> bool:
        """A complement clause that is not just a quotation: it starts outside quotation marks, or
        runs well past the quote it starts in ('said “it gets me mad” every time …': mixed)."""
        k = self._inside(comp.left_edge.idx)
        if k is None:
            return True
        end = comp.right_edge.idx + len(comp.right_edge)
        return end - self._closed[k][1] > 12 and self._inside(end - 1) is None

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
                elif k < len(self.quotes) and self.quotes[k][0] - right < SENTENCE_REST:
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
