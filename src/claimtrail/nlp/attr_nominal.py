"""Nominal cues for the attribution stage: what a noun (``his claim that …``, ``her denial of …``), an
adjective (``confident that …``), a hearsay adverb (``reportedly``), ``according to X`` or a sentence-opening
``To X, …`` says was said, and by whom. A mixin of the stage's finder (``attribution.py``), beside the verb
rules of ``attr_indirect.py`` whose clause boundaries it uses."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .attr_parse import span_of as _span_of, trim as _trim, when_phrase as _when_phrase
from .attr_source import holder as _holder, source_span as _source_span, subject as _subject
from .cues import Cue


class NominalRules:
    """Rules for cues that are not verbs; expects the attributes and methods of ``attribution._Finder``
    (``_add``, ``_sent``) and of its other mixins (``_snap``, ``_quotes_in`` from ``DirectRules``,
    ``_clause_end`` from ``IndirectRules``)."""

    def _according(self, first: Token, last: Token) -> None:
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        head = first.head
        while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
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

    def _viewpoint(self, prep: Token) -> None:
        """'To many, …': the clause the phrase modifies, without the phrase."""
        pobj = next(g for g in prep.children if g.dep_ == "pobj")
        head = prep.head
        ps, pe = _span_of(prep)
        hs = min(head.left_edge.idx, ps)
        he = max(self._clause_end(head), pe)
        parts = [self._snap(*_trim(self.text, hs, ps)), self._snap(*_trim(self.text, pe, he))]
        qs = self._quotes_in(hs, he)
        self._add("mixed" if qs else "indirect", (prep.idx, prep.idx + len(prep)), parts, pobj,
                  _source_span(pobj, head), "assert", head, qs)

    def _complement(self, cue: Token, is_clause: Callable[[Token], bool],
                    preps: tuple[str, ...]) -> tuple[tuple[int, int] | None, int]:
        """What a noun or adjective cue says is said: the first clause after it that ``is_clause``
        accepts, or the object of one of ``preps`` right after it (which then closes the cue)."""
        for c in cue.children:
            if c.i < cue.i:
                continue
            if is_clause(c):
                return (c.left_edge.idx, self._clause_end(c)), cue.idx + len(cue)
            if c.dep_ == "prep" and c.lower_ in preps and c.i == cue.i + 1:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return (pobj.left_edge.idx, self._rest_of_noun(cue, c)), c.idx + len(c)
                break
        return None, cue.idx + len(cue)

    def _rest_of_noun(self, noun: Token, prep: Token) -> int:
        """End of what a noun cue's preposition opens, with the noun's later modifiers the parser
        hung on the noun ("an attack on tax cuts for the rich", "criticism of the vote in favor of …"),
        up to a comma-led gloss."""
        end = prep.right_edge.idx + len(prep.right_edge)
        for c in noun.rights:
            if c.i <= prep.i:
                continue
            if c.dep_ not in ("prep", "conj", "cc") or self.doc[c.left_edge.i - 1].text in (",", "—", "–", "--", "(") \
                    or c.dep_ == "prep" and _when_phrase(c) \
                    or c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB", "AUX"):
                break
            end = c.right_edge.idx + len(c.right_edge)
        return end

    def _noun(self, noun: Token, cue: Cue) -> None:
        """'his claim that …', 'Trump's denial of …', 'a supporter of …' (a noun as the cue)."""
        # "his claim that …", and "her decision to …", "a proposal to …" (a to-infinitive right after)
        content, cue_end = self._complement(
            noun, lambda c: c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ in ("that", "to") and c.left_edge.i == noun.i + 1,
            ("of", "about", "on", "for", "against", "over"))
        if content is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.head.i > noun.i:
            # "Her answer was that …", "The message is clear: …": what the copula equates the noun with
            comp = next((c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and c.i > noun.head.i), None)
            if comp is not None and (comp.dep_ == "ccomp" or comp.left_edge.lower_ == "that"):
                content, cue_end = (comp.left_edge.idx, self._clause_end(comp)), noun.head.idx + len(noun.head)
        if content is None:
            return
        src = next((c for c in noun.children if c.dep_ == "poss"), None)
        src = _holder(src, noun) if src is not None else None  # "Trump continued his attacks on …" -> Trump
        if src is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            src = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if src is None and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") and \
                noun.head.lower_ in ("in", "into", "with", "on", "to", "at", "for", "as"):  # "bristled at the suggestion that"
            src = _subject(noun.head.head)  # "broke into attacks on …", "went on with her criticism of"
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
        content, cue_end = self._complement(adj, lambda c: c.dep_ in ("ccomp", "xcomp"),
                                            ("of", "about", "that", "to", "with", "over", "on"))
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
        if head.pos_ not in ("VERB", "AUX") or adv.i == head.i:
            return
        hs, he = _span_of(head)
        hs = max(hs, self._sent(head).start_char)
        parts = [_trim(self.text, hs, adv.idx), _trim(self.text, adv.idx + len(adv), he)]
        qs = self._quotes_in(hs, he)
        self._add("mixed" if qs else "indirect", (adv.idx, adv.idx + len(adv)), parts, None, None, cue.stance, head, qs)
