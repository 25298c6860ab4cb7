"""Indirect and mixed speech for the attribution stage: what a verb cue's parse says was said
(complement clauses, objects, closing prepositions, interrupted clauses) and where that content ends
(the clause and phrase boundaries, which the nominal cues of ``attr_nominal.py`` use too). A mixin of the
stage's finder (``attribution.py``)."""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from .attr_parse import NOMINAL, channel as _channel, circumstance as _circumstance, negated as _negated, \
    span_of as _span_of, trim as _trim, when_phrase as _when_phrase
from .attr_source import source_span as _source_span, subject as _subject
from .cues import Cue, lexicon
from .quotes import MARKS

NEG_STANCE = {"deny": "decline", "confirm": "decline", "assert": "decline", "speculate": "decline",
              "question": "decline", "decline": "decline"}
CONTENT_DEPS = ("ccomp",)
# prepositions that may go on with a clause a cue interrupts ("… would be helped, Lee said, by the budget");
# "on", "in", "at", "to" mostly say where, when or to whom it was said
CONTENT_PREPS = ("on", "about", "of", "to", "for", "against", "over", "with")  # a verb's phrase saying what was said
# the look or tone something was said with ("said with a grin"): how, not what
MANNER_NOUNS = {"grin", "smile", "laugh", "chuckle", "shrug", "sigh", "wink", "nod", "smirk", "frown", "sneer",
                "shake", "tear", "emotion", "passion", "conviction", "confidence", "certainty", "flourish"}
REST_PREPS = {"by", "with", "for", "from", "than", "against", "about", "over", "into", "like"}
CLAUSE_CUT = ("parataxis",)  # comma-led "and …", "while …" clauses mostly belong to what was said
RECIPIENT_VERBS = {"tell", "ask", "inform", "notify", "assure", "reassure", "brief", "remind", "warn", "advise",
                   "invite", "urge", "email", "text", "alert", "address"}


def _second_saying(verb: Token) -> bool:
    """A speech verb coordinated, without a subject of its own, into the clause another cue reports
    (the parser hangs 'and insisted …' in 'said that … and insisted …' on the reported clause)."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp" or verb.pos_ != "VERB":
        return False
    cue = lexicon()[0].get(verb.lemma_.lower())
    return cue is not None and cue.cls == "speech" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _when(tok: Token) -> bool:
    """A bare time noun phrase ("said Tuesday he …", "promised Monday to …"): when it was said."""
    return tok.ent_type_ in ("DATE", "TIME") and \
        all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "det" for t in tok.subtree)


REL_WORDS = {"which", "what", "who", "whom", "that"}
NAME_REACH = 6  # tokens a name after an inverted cue may run ('said Gov. Ana Maria Ruiz')


def _relative_lead(verb: Token, src: Token | None) -> Token | None:
    """The relative pronoun opening a cue's clause when only the source stands between them ("which
    officials said will …", "what analysts say is …"): the pronoun belongs to what was said."""
    lead = verb.left_edge
    if src is None or lead.lower_ not in REL_WORDS or lead.i >= verb.i or verb.i + 1 >= len(verb.doc):
        return None
    if src.left_edge.i != lead.i + 1 or src.right_edge.i >= verb.i or src.i >= verb.i:
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.lower_ in ("that", "whether", "if") or lead.lower_ == "that" and verb.dep_ != "relcl":
        return None  # ("the claim that he said that …": a clause of its own; "facts that we know they …")
    return lead if all(t.pos_ in ("ADV", "AUX", "PART") for t in verb.doc[src.right_edge.i + 1:verb.i]) else None


SAY_IDIOM_HEADS = {"safe", "fair", "soon", "early", "needless", "hard", "difficult", "impossible", "suffice"}


def _not_saying(verb: Token) -> bool:
    """Senses of a cue verb that report nothing: 'added a wing to the house' (adding a thing to
    something), 'pledged delegates' (a participle used as an adjective on a noun)."""
    if verb.dep_ == "amod" and verb.tag_ == "VBN":
        return True
    if verb.lemma_.lower() == "add":
        kids = list(verb.children)
        return any(c.dep_ == "dobj" for c in kids) and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in kids)
    return False


def _idiom(verb: Token) -> bool:
    """'That said, …', 'it is too soon to say', 'safe to say', 'needless to say': no one is saying anything."""
    if verb.lemma_.lower() != "say":
        return False
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.lower_ == "that" and (prev.is_sent_start or prev.i > 0 and doc[prev.i - 1].is_punct) \
            and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return True
    return verb.dep_ in ("xcomp", "advcl", "acl") and verb.head.lower_ in SAY_IDIOM_HEADS


SUB_MARKS = {"because", "as", "when", "after", "before", "while", "since", "until", "once", "although", "though"}


def _why_or_when(c: Token) -> bool:
    """A subordinate clause with a subject saying when or why ("… because it cost too much", "… as she
    left the hall"); a bare participle ("… while touring the town") goes on with what was said."""
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SUB_MARKS and m.i == c.left_edge.i
                                     for m in c.children) and \
        any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in c.children)


def _reported(comp: Token, verb: Token, src: Token | None) -> bool:
    """Whether a clause the parser made the cue's complement can be what was said: not a subordinate
    clause saying when or why ('“…,” Lee said, as the crowd cheered'), nor one after an inverted
    sayer ('“…,” said Ana Ruiz, a chemist who co-developed the test': the sayer's relative clause)."""
    if comp.i > verb.i and any(m.dep_ == "mark" and m.lower_ in SUB_MARKS and m.i == comp.left_edge.i
                               for m in comp.children):
        return False
    return not (src is not None and src.dep_ == "nsubj" and src.head.i == verb.i and verb.i < src.i < comp.i)


SCENE_MARKS = {"as"}  # ("while", "when", "after" clauses are as often part of what was said)


def _scene(c: Token) -> bool:
    """A clause with a subject of its own opened by "as" ("…, as the audience laughed") or "even
    though"/"even as": what went on while it was said, or the writer's contrast, not more of it."""
    if c.dep_ != "advcl" or not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
        return False
    lead = c.left_edge
    return any(m.dep_ == "mark" and (m.i == lead.i and m.lower_ in SCENE_MARKS or
                                     lead.lower_ == "even" and m.i == lead.i + 1 and m.lower_ in ("though", "as"))
               for m in c.children)


MODALS = {"would", "could", "will", "can", "should", "might", "may", "must", "'d", "’d", "'ll", "’ll"}


def _more_of_it(verb: Token, link: str) -> bool:
    """A clause the parser hung on the cue as a conjunct that goes on with what was said, after
    ``link`` (the words between them): "…, and it still bears …", "…, and then would …". One with a
    full noun phrase of its own after "and" ("…, and the union has sued") is the writer's next
    statement, and a verb without a subject or modal a second act of the sayer ("…, and pushed
    for …"); so is a saying verb."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lexicon()[0]:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    word = link.strip(" ,;").split(" ")[0].lower()
    if word != "and":  # (gold is split on "…, but …": as often the writer's turn as the sayer's)
        return False
    if subj is None:
        return _modal(verb)
    return subj.pos_ == "PRON" and subj.tag_ != "WP" or _modal(verb)


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _second_that(c: Token) -> bool:
    """A second complement clause the parser hung on the cue ("said that …, but that …")."""
    return any(m.dep_ == "mark" and m.lower_ in ("that", "whether") and m.i == c.left_edge.i for m in c.children)


COND_MARKS = {"if", "unless", "because", "as", "although", "though", "since"}


def _condition(c: Token) -> bool:
    """A clause the parser hung on the cue that qualifies what was said ("… would pass if …")."""
    return any(m.dep_ == "mark" and m.lower_ in COND_MARKS for m in c.children) and \
        c.lemma_.lower() not in lexicon()[0]


def _seen_as(kids: list[Token]) -> bool:
    """An object seen as something: "sees the town as lost", "considers him a liability"."""
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    # (the parser may hang "as" on the object instead: "sees [him as a threat]")
    return any(c.dep_ == "prep" and c.lower_ in ("as", "like") or c.dep_ == "oprd" for c in kids) or \
        any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in obj.children)


AIRING_VERBS = {"express", "voice", "air", "raise", "register", "share", "claim", "take"}
FEELING_PREPS = {"about", "over", "for", "of", "on", "at", "with", "regarding"}


def _feeling_about(verb: Token, noun: Token) -> tuple[Token, Token] | None:
    """(preposition, its object) after a bare feeling noun aired by the verb: "expressed concern
    about X", "voiced frustration over X", "took credit for X"."""
    if verb.lemma_.lower() not in AIRING_VERBS or noun.pos_ != "NOUN" or \
            any(c.dep_ in ("det", "poss") and c.lower_ not in ("some", "no", "any") for c in noun.children):
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in FEELING_PREPS and c.i == noun.i + 1), None)
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return (prep, pobj) if pobj is not None else None


REPORT_NOUNS = {"report", "claim", "allegation", "rumor", "rumour", "suggestion", "accusation", "charge", "story",
                "speculation", "assertion", "notion", "idea", "theory"}


def _noun_clause(noun: Token) -> Token | None:
    """The 'that' clause right after an object noun ("concern that …", "no intention that …"); not
    after a report ("denied reports that …": the reports are what was denied)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in REPORT_NOUNS or any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "some", "any") for c in noun.children):
        return None  # "dismissed the idea that …": a definite noun is part of what was rejected
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.i == noun.i + 1 and c.left_edge.lower_ == "that" \
                and c.left_edge.dep_ in ("mark", "dobj") and c.pos_ in ("VERB", "AUX"):
            return c
    return None


class IndirectRules:
    """Parse-side rules; expects the attributes set by ``attribution._Finder.__init__``."""

    def _reported(self, comp: Token, verb: Token, src: Token | None) -> bool:
        """``_reported``, and not a clause the parser found inside a quoted title ('said on the podcast
        “Here's the Thing”')."""
        k = self._inside(comp.idx)
        return _reported(comp, verb, src) and (k is None or not self._titled(*self._closed[k]))

    def _not_closing(self, verb: Token, prep: Token, cue: Cue, src_span: tuple[int, int] | None) -> bool:
        """A preposition after a cue that does not open what was said: where it was said ("wrote in
        her new book", "said on the show"), or of whom, when the words are the quote just before ('“…,”
        Lee said of her rival'), or how ("said with a grin"; but "charged him with fraud" says what)."""
        if _channel(prep):
            return True
        if prep.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in MANNER_NOUNS for g in prep.children):
            return True
        if prep.lower_ in ("of", "about") and cue.cls == "speech":
            left = min(verb.idx, src_span[0]) if src_span is not None else verb.idx
            return self._quote_ending_before(left) is not None
        return False

    def _object_lead(self, verb: Token, q0: int) -> int | None:
        """Start of the words between a cue and the quote after it when they are the cue's object or
        phrase (no verb, no date, no channel like "in a statement", not ending in a colon or comma)."""
        doc = self.doc
        i, k = verb.i + 1, verb.i + 1
        while k < len(doc) and doc[k].idx < q0:
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("DATE", "TIME") or t.text in (";", "“", '"', "''") or \
                    t.dep_ == "prep" and (t.lower_ in ("in", "on", "at", "during", "via") and _channel(t)) or \
                    self._inside(t.idx) is not None or not self._under(t, verb) or k - i > 25:
                return None
            k += 1
        if k == i or doc[k - 1].text in (",", ":", "—", "--", "-") or doc[i].is_punct:
            return None
        return doc[i].idx

    @staticmethod
    def _under(t: Token, verb: Token) -> bool:
        while t.i != verb.i:
            if t.head.i == t.i:
                return False
            t = t.head
        return True

    def _trailing_reporter(self, verb: Token, cue: Cue, cue_span: tuple[int, int], stance: str) -> bool:
        """"…, two newspapers reported on Tuesday, citing …": the small model often reads the
        sayer as the main verb's object and the cue as a participle hung on it ("newspapers
        reported" = "the figures reported"). A comma before the noun phrase, nothing said after
        the cue but adverbials, and a clause before the comma tell the reading: the noun phrase
        is the source and the clause before the comma is what was said."""
        if cue.cls != "speech" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "agent") for c in verb.children):
            return False
        if verb.dep_ == "acl" and verb.i == verb.head.i + 1 and verb.head.head.dep_ == "ROOT":
            noun = verb.head
        elif verb.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.head.children if c.i < verb.i):
            # (or a conjunct with no "and": "…, two newspapers reported")
            noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if noun is None:
                return False
        else:
            return False
        left = noun.left_edge
        if noun.pos_ not in ("NOUN", "PROPN") or left.i == 0 or self.doc[left.i - 1].text != ",":
            return False
        after = self.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(self.doc) else None
        if after is not None and after.text not in (",", ".", ";", "\u2014", "--"):
            return False
        sent = self._sent(verb)
        s, e = self._snap(*_trim(self.text, sent.start_char, self.doc[left.i - 1].idx))
        if e <= s or not any(t.pos_ in ("VERB", "AUX") for t in self.doc[sent.start:left.i - 1]):
            return False
        qs = self._quotes_in(s, e)
        src_span = _source_span(noun, verb)
        self._add("mixed" if qs else "indirect", cue_span, [(s, e)], noun, src_span, stance, verb, qs)
        self.reporters[verb.head.i if verb.dep_ == "conj" else noun.head.i] = (noun, src_span)  # ", citing …"
        return True

    def _verb(self, first: Token, last: Token, cue: Cue) -> None:
        # in a multi-word cue ("call for", "point out") the verb carries the parse
        verb = next((t for t in self.doc[first.i:last.i + 1] if t.pos_ in ("VERB", "AUX")), first)
        if _idiom(verb) or _not_saying(verb):
            return
        neg = _negated(verb)
        stance = NEG_STANCE[cue.stance] if neg and cue.cls != "refusal" else cue.stance
        src = _subject(verb)
        if src is not None and self._inside(src.idx) is not None and self._inside(verb.idx) is None:
            src = self._beside_cue(verb)  # ('“That,” he said, “is …”': no subject is inside the quote)
        if src is not None and src.lower_ == "it" and verb.lemma_.lower() in ("seem", "appear"):
            src = None  # "it seems that …": how things look, to no one named
        reporter = self.reporters.get(verb.head.i)
        if reporter is not None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > reporter[0].i:
            src = reporter[0]  # "…, two newspapers reported, citing officials": the papers cite them
        if _second_saying(verb):
            src = _subject(verb.head.head)  # "said that … and insisted that …": the sayer of both
        if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i and \
                not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
            src = None  # "Asked about the delay, the mayor …": the mayor was asked; who asked is not said
        src_span = _source_span(src, verb) if src is not None else None
        if reporter is not None and src is reporter[0]:
            src_span = reporter[1]
        cue_span = (first.idx, last.idx + len(last))
        kids = list(verb.children)
        if (src is None or verb.dep_ == "conj") and self._trailing_reporter(verb, cue, cue_span, stance):
            return
        if src is None:
            src, src_span, kids = self._unparsed_subject(verb, kids)
        comp = next((c for c in kids if c.dep_ in CONTENT_DEPS and c.i > verb.i and self._reported(c, verb, src)),
                    None) or \
            next((c for c in kids if c.dep_ in CONTENT_DEPS and not self._own_sentence(c) and
                  self._reported(c, verb, src)), None) or \
            next((c for c in kids if c.dep_ == "advcl" and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)  # "asked if …"
        if comp is not None and self._clause_not_quote(comp) \
                and (comp.i > verb.i or not self._adjacent_quote(verb, src)):
            if comp.i < verb.i:
                # "…, Ferre said." — everything before the cue's clause in its sentence
                stop = min(verb.idx, src.left_edge.idx if src is not None and src.i > comp.i else verb.idx)
                s, e = self._snap(*_trim(self.text, min(comp.left_edge.idx, self._sent(verb).start_char), stop))
                rest = self._rest_after(verb, kids)
                if rest is not None:
                    qs = self._quotes_in(s, rest[1])
                    self._add("mixed" if qs else "indirect", cue_span, [(s, e), rest], src, src_span, stance, verb, qs)
                    return
            else:
                # "said about half of the rise reflected …": a subject the parser hung on the cue
                stray = next((c for c in kids if c.dep_ in ("dobj", "attr", "npadvmod") and verb.i < c.i < comp.i
                              and not _when(c)
                              and c.right_edge.i + 1 == comp.left_edge.i and c.pos_ != "PRON"
                              and verb.lemma_ not in RECIPIENT_VERBS
                              and comp.left_edge.lower_ not in ("that", "whether", "if")), None)
                start = stray.left_edge.idx if stray is not None else self._after_when(verb, comp)
                end = self._clause_end(comp)
                more = next((c for c in kids if c.dep_ == "conj" and c.i > comp.i), None)
                if more is not None and (_second_that(more) and not self._has_cue(*_span_of(more)) or
                                         _more_of_it(more, self.text[end:more.left_edge.idx])):
                    end = max(end, self._clause_end(more))  # "noted the gun was returned and it still bears …"
                cond = next((c for c in kids if c.dep_ == "advcl" and c.i > comp.i and _condition(c)), None)
                if cond is not None:
                    end = max(end, self._clause_end(cond))  # "say it will pass, just as it did last year"
                rel = _relative_lead(verb, src)
                if rel is not None:
                    # "a rule which officials said will start in May": the pronoun, then what follows the cue
                    start = max(start, self.doc[verb.i + 1].idx)
                    s, e = self._snap(*_trim(self.text, start, end))
                    qs = self._quotes_in(s, e)
                    self._add("mixed" if qs else "indirect", cue_span, [(rel.idx, rel.idx + len(rel)), (s, e)], src,
                              src_span, stance, verb, qs)
                    return
                s, e = self._snap(*_trim(self.text, start, end))
            qs = self._quotes_in(s, e)
            self._add("mixed" if qs else "indirect", cue_span, [(s, e)], src, src_span, stance, verb, qs)
            return
        qk = self._adjacent_quote(verb, src)
        if len(qk) == 1 and self.quotes[qk[0]][0] > verb.idx and verb.lemma_ not in RECIPIENT_VERBS:
            # "called the new stadium “a waste of money”": the one so called belongs to what was said
            q0 = self.quotes[qk[0]][0]
            obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i and c.lower_ != "it" and
                        not self.text[c.right_edge.idx + len(c.right_edge):q0].strip()
                        and self._inside(c.idx) is None), None)
            if obj is not None:
                self._add("mixed", cue_span, [(obj.left_edge.idx, self.quotes[qk[0]][1])], src, src_span, stance, verb, qk)
                return
            lead = self._object_lead(verb, q0)
            if lead is not None:
                # 'called his standing in the field “unheard of”', 'referred to her by a nickname, “Gert”':
                # the words between the cue and the quote are part of what was said
                self._add("mixed", cue_span, [(lead, self.quotes[qk[0]][1])], src, src_span, stance, verb, qk)
                return
            # 'referenced “political tensions” in rich economies that …': the quoted words open a longer
            # object (a phrase or clause goes on after the quote, no comma inside it), which is what was said
            q1 = self.quotes[qk[0]][1]
            obj = next((c for c in kids if c.dep_ == "dobj" and c.left_edge.idx <= q0 < c.idx + len(c) <= q1 + 1), None)
            nxt = self._token_at(q1)
            obj_end = self._np_end(obj) if obj is not None else 0
            if obj is not None and obj_end > q1 + 2 and not self.text[verb.idx + len(verb):q0].strip() and \
                    "," not in self.text[q1 - 3:q1] and nxt is not None and nxt.dep_ in ("prep", "relcl", "acl"):
                span = self._drop_channel(*self._snap(*_trim(self.text, q0, obj_end)))
                if span[1] > q1 + 2:  # (not just where it was said: 'mentioned “X” in a letter')
                    self._add("mixed", cue_span, [span], src, src_span, stance, verb, qk)
                    return
        if qk:
            parts = [self.quotes[k] for k in qk]
            lead = self._lead_in(qk[0]) if parts[0][1] <= verb.idx else None
            if lead is not None:
                # 'The new plans “will not work,” she said.': the sentence's opening words are hers too
                parts[0] = (lead, parts[0][1])
            elif cue.cls == "speech" and parts[0][0] > verb.idx and \
                    self.text[parts[0][0] + 1:parts[0][0] + 2].islower():
                opener = self._opener(src_span[0] if src_span is not None and src_span[0] < verb.idx else verb.idx)
                if opener is not None:
                    # 'In most cases, Lee said, “the fee is waived.”': so are the words before a cue in
                    # mid-sentence that the quote goes on from
                    parts.insert(0, opener)
                    lead = opener[0]
            self._add("direct" if lead is None else "mixed", cue_span, parts, src, src_span, stance, verb, qk)
            return
        spliced = self._spliced_clause(verb, kids, cue)
        host = None if spliced is not None else self._host_after(verb, kids, src, cue)
        if spliced is not None or host is not None:
            # what was said goes on after the cue ('Instead, Lee told reporters, the money would …'), and
            # the words opening the sentence before the sayer are part of it
            after = (spliced.left_edge.idx, self._clause_end(spliced)) if spliced is not None else \
                (self.doc[verb.right_edge.i + 2].idx, self._clause_end(host))  # type: ignore[union-attr]
            parts = [p for p in (self._opener(src_span[0]) if src_span is not None and src_span[0] < verb.idx else None,
                                 self._snap(*_trim(self.text, *after)))
                     if p is not None and p[1] > p[0]]
            qs = [k for a, b in parts for k in self._quotes_in(a, b)]
            self._add("mixed" if qs else "indirect", cue_span, parts, src, src_span, stance, verb, qs)
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
            # (a comma-led gloss on the subject is the writer's: "The deficit, which ends in May, is expected …")
            subj_span = (subj.left_edge.idx, self._np_end(subj))
            parts = [subj_span, (xcomp.left_edge.idx, self._phrase_end(verb, xcomp))]
            self._add("indirect", cue_span, [self._snap(*_trim(self.text, *p)) for p in parts], None, None, stance, verb, [])
            return
        if cue.cls == "belief" and not any(c.dep_ == "xcomp" for c in kids) and not _seen_as(kids) \
                and not self._between_commas(verb):
            return  # ("Her win, many think, is certain" reports a belief; "knows the town" does not)
        if cue.cls == "attitude" and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in kids):
            return
        if verb.dep_ == "advcl" and verb.i < verb.head.i and any(m.dep_ == "mark" and m.lower_ == "as" for m in kids) \
                and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in kids) and cue.cls in ("speech", "utterance", "perception"):
            # "As the mayor noted, the bridge will …": the main clause is what was noted
            s0 = verb.right_edge.idx + len(verb.right_edge)
            s, e = self._snap(*_trim(self.text, s0, self._clause_end(verb.head)))
            if e > s:
                qs = self._quotes_in(s, e)
                self._add("mixed" if qs else "indirect", cue_span, [(s, e)], src, src_span, stance, verb, qs)
            return
        # the clause this cue interrupts or follows: "The vote, officials said, is off." / "…, she said."
        if (verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i and verb.tag_ != "VBG"
                and not any(c.dep_ == "mark" for c in kids)) and not any(c.dep_ in ("dobj", "xcomp") for c in kids):
            # (not '“…,” Lee said, referring to …': a trailing participle interrupts nothing)
            # (not "… after two members asked for more time": a subordinate clause is no parenthesis)
            head = verb.head
            hs, he = _span_of(head)
            vs, ve = _span_of(verb)
            parts = [_trim(self.text, hs, vs), _trim(self.text, ve, he)]
            more = next((c for c in kids if c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and
                         not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
            if more is not None and not self.text[parts[1][0]:parts[1][1]].strip(" .,;"):
                # "The pilot had no record, the airline added, and had passed every check": a verb
                # without a subject the parser hung on the cue goes on with the interrupted clause
                parts[1] = _trim(self.text, more.left_edge.idx, self._clause_end(more))
                k = more.left_edge.i - 1
                while k > verb.i and self.doc[k].dep_ in ("cc", "punct"):
                    k -= 1
                parts[1] = _trim(self.text, self.doc[k + 1].idx, parts[1][1])
                he = parts[1][1]
            qs = self._quotes_in(hs, he)
            self._add("mixed" if qs else "indirect", cue_span, parts, src, src_span, stance, verb, qs)
            return
        if last.i != verb.i and last.pos_ == "ADP" and last.head.i == verb.i and \
                not self._not_closing(verb, last, cue, src_span):
            # "called for X", "referred to X", "spoke out against X": the preposition closes the cue
            pobj = next((g for g in last.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                s, e = self._snap(*_trim(self.text, pobj.left_edge.idx, self._phrase_end(verb, last)))
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
        if verb.dep_ == "relcl" and src is not None and src.head.i == verb.i and src.i < verb.i and \
                src.tag_ not in ("WDT", "WP") and src.lower_ not in ("that", "who", "which") and \
                cue.cls in ("speech", "attitude", "belief") and verb.head.pos_ in ("NOUN", "PROPN") and \
                not any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") and c.i > verb.i for c in kids):
            # "a merger the union has criticized", "a plan that critics called reckless": what
            # the relative clause's subject said something of is the noun it hangs on
            ante = verb.head
            s, e = _trim(self.text, ante.left_edge.idx, self.doc[verb.left_edge.i - 1].idx + len(self.doc[verb.left_edge.i - 1]))
            parts = [self._snap(s, e)]
            extra = next((c for c in kids if c.i > verb.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")), None)
            if extra is not None:
                parts.append(self._snap(*_trim(self.text, *_span_of(extra))))
            if e > s:
                self._add("indirect", cue_span, parts, src, src_span, stance, verb, [])
            return
        for dep in ("xcomp", "dobj", "prep", "dative"):
            obj = next((c for c in kids if c.dep_ == dep and c.i > last.i), None)
            if obj is None:
                continue
            if cue.cls == "utterance" and dep != "prep" or cue.cls == "intent" and dep != "xcomp":
                continue
            if dep != "xcomp" and cue.cls == "belief" and not (dep == "dobj" and _seen_as(kids)):
                continue  # "knows the town" is no reported belief; "sees the town as lost" is
            if dep == "xcomp" and any(t.lemma_ in ("name", "identify") for t in obj.subtree):
                return  # "asked not to be named": a condition of anonymity, not a statement
            if dep in ("dobj", "dative") and (cue.cls == "refusal" or verb.lemma_ in RECIPIENT_VERBS):
                continue  # "told reporters", "asked him": the object is who was spoken to
            if dep == "prep" and verb.lemma_ == "agree" and obj.lower_ in ("on", "to", "upon"):
                return  # "failed to agree on quotas", "agreed to the terms": a deal (or none), not a statement
            if dep == "prep" and verb.lemma_ == "add" and obj.lower_ == "to":
                return  # "adding to her lead": more of something, not a word said
            about = _feeling_about(verb, obj) if dep == "dobj" else None
            if about is not None:
                # "expressed concern about …", "voiced frustration over …": the feeling joins the cue
                prep, pobj = about
                s, e = self._snap(*_trim(self.text, pobj.left_edge.idx, self._phrase_end(verb, obj)))
                qs = self._quotes_in(s, e)
                self._add("mixed" if qs else "indirect", (cue_span[0], prep.idx + len(prep)), [(s, e)], src,
                          src_span, stance, verb, qs)
                return
            clause = _noun_clause(obj) if dep == "dobj" else None
            if clause is not None:
                # "expressed concern that …", "voiced confidence that …": the noun joins the cue
                s, e = self._snap(*_trim(self.text, clause.left_edge.idx, self._clause_end(clause)))
                qs = self._quotes_in(s, e)
                self._add("mixed" if qs else "indirect", (cue_span[0], obj.idx + len(obj)), [(s, e)], src,
                          src_span, stance, verb, qs)
                return
            start = obj.left_edge.idx
            if dep == "xcomp":
                # "urged club members to stay away …": the one urged belongs to the content
                d = next((c for c in kids if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < obj.i and not _when(c)),
                         None)
                if d is None and verb.lemma_ == "call":  # "called on the regime to abandon …"
                    d = next((g for c in kids if c.dep_ == "prep" and c.lower_ == "on" and verb.i < c.i < obj.i
                              for g in c.children if g.dep_ == "pobj"), None)
                start = d.left_edge.idx if d is not None else start
            if dep == "prep":
                if obj.lower_ not in CONTENT_PREPS or self._not_closing(verb, obj, cue, src_span) or \
                        cue.cls == "utterance" and obj.lower_ not in ("about", "of", "on"):
                    continue
                pobj = next((g for g in obj.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and obj.lower_ == "on" and cue.cls in ("utterance", "speech") and \
                        pobj.pos_ == "PROPN":
                    continue  # "posted on Facebook", "wrote on Twitter": where, not what
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

    def _unparsed_subject(self, verb: Token, kids: list[Token]) -> tuple[Token | None, tuple[int, int] | None,
                                                                          list[Token]]:
        """A source for a cue the parser gave no subject: the name right before a main verb ("…,
        former president Bill Clinton said …"), or after an inverted cue that follows a quote ('“…,”
        said Robin Maynard, half joking', where the parser made "joking" what was said: the quote is)."""
        doc = self.doc
        if verb.dep_ == "ROOT" and not any(c.dep_ in ("nsubjpass", "expl") for c in kids):
            near = self._beside_cue(verb)
            if near is not None and near.pos_ in ("PROPN", "PRON") and near.ent_type_ not in ("DATE", "TIME") and \
                    near.lower_ not in ("it", "there", "this", "that", "which", "what"):
                lo = near.i
                while lo > 0 and doc[lo - 1].dep_ in ("compound", "amod", "det", "poss") and \
                        lo - 1 < doc[lo - 1].head.i <= near.i:
                    lo -= 1  # ("former president Bill Clinton")
                return near, (doc[lo].idx, near.idx + len(near)), kids
        inverted = self._inverted_after_quote(verb)
        if inverted is not None:
            span = _source_span(inverted, verb)  # keeps the apposition of 'said Ana Ruiz, a lawyer at …'
            return inverted, span, [c for c in kids if c.dep_ not in CONTENT_DEPS]
        return None, None, kids

    def _beside_cue(self, verb: Token) -> Token | None:
        """The pronoun or name right before the cue, outside quotation marks ('“…,” he said')."""
        prev = self.doc[verb.i - 1] if verb.i > 0 else None
        if prev is not None and prev.pos_ in ("PRON", "PROPN", "NOUN") and self._inside(prev.idx) is None:
            return prev
        return None

    def _inverted_after_quote(self, verb: Token) -> Token | None:
        """The name right after a speech cue that follows a quote ending in a comma ('“…,” said Ana
        Ruiz'), when the parser found no subject for the cue: the last noun of that name."""
        doc = self.doc
        q = self._quote_ending_before(verb.idx)
        if q is None or q in self.claimed or self.text[:self.quotes[q][1]].rstrip(MARKS + "'’ ")[-1:] not in ",?!" \
                or lexicon()[0].get(verb.lemma_.lower(), Cue("", "")).cls != "speech":
            return None
        j = verb.i + 1
        while j < len(doc) and j - verb.i <= NAME_REACH and doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ"):
            j += 1
        last = doc[j - 1]
        return last if j > verb.i + 1 and last.pos_ in ("PROPN", "NOUN") else None

    def _own_sentence(self, comp: Token) -> bool:
        """A clause before the cue that a semicolon ends ("He calls for X; she calls for Y"): a
        sentence of its own, not what the later cue reports."""
        nxt = comp.right_edge.i + 1
        return nxt < len(self.doc) and self.doc[nxt].text == ";"

    def _after_when(self, verb: Token, comp: Token) -> int:
        """Start of a complement clause after the cue, past a time phrase the parser gave the clause
        ("said on Friday he met …": when it was said, not what)."""
        doc = self.doc
        i = comp.left_edge.i
        c = next((c for c in comp.children if c.i < comp.i and c.left_edge.i == i), None)
        if i == verb.i + 1 and c is not None and c.dep_ in ("prep", "npadvmod") and \
                all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "det" or t.i == c.i and c.dep_ == "prep"
                    for t in c.subtree):
            i = c.right_edge.i + 1
            while i < comp.i and doc[i].text == ",":
                i += 1
        return doc[i].idx

    def _spliced_clause(self, verb: Token, kids: list[Token], cue: Cue) -> Token | None:
        """A clause the parser joined to a mid-sentence cue as a bare conjunct after a comma
        ('Instead, Lee told reporters, the money would go …'): what was said, not a second act."""
        if cue.cls not in ("speech", "utterance") or verb.dep_ not in ("ROOT", "parataxis"):
            return None
        for c in kids:
            if c.dep_ != "conj" or c.i < verb.i or c.pos_ not in ("VERB", "AUX") or c.left_edge.i < 1:
                continue
            if self.doc[c.left_edge.i - 1].text != "," or any(k.dep_ in ("cc", "preconj") for k in kids):
                return None
            if any(k.dep_ in ("nsubj", "nsubjpass", "expl") and k.i < c.i for k in c.children) and \
                    c.left_edge.i - verb.i <= 4 and self._inside(c.idx) is None:
                return c
            return None
        return None

    def _host_after(self, verb: Token, kids: list[Token], src: Token | None, cue: Cue) -> Token | None:
        """The clause a mid-sentence cue interrupts when the parser made the cue its complement
        ('If it passes, Lee said in a tweet, fees will fall': 'said' hangs on 'fall')."""
        if cue.cls not in ("speech", "utterance") or verb.dep_ != "ccomp" or verb.head.i < verb.i or \
                src is None or src.i > verb.i:
            return None
        nxt = verb.right_edge.i + 1
        if nxt + 1 >= len(self.doc) or self.doc[nxt].text != "," or nxt >= verb.head.i:
            return None
        if any(c.dep_ in CONTENT_DEPS + ("xcomp",) and c.i > verb.i for c in kids) or self._inside(verb.idx) is not None:
            return None
        host = verb.head
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > nxt for c in host.children):
            return None  # (the host clause has a subject of its own after the cue)
        if nxt - src.left_edge.i > 10 or src.left_edge.i > 0 and self.doc[src.left_edge.i - 1].text != ",":
            return None  # (a short aside between commas: 'Lee said in a post', not a clause of its own)
        k = bisect.bisect_left(self.verb_cue_starts, host.idx)
        if k < len(self.verb_cue_starts) and self.verb_cue_starts[k] == host.idx:
            return None  # ('X did not complain, an official said': the later cue reports this one)
        return host

    def _rest_after(self, verb: Token, kids: list[Token]) -> tuple[int, int] | None:
        """The rest of a clause a cue interrupts, which the parser hung on the cue ('The plan would
        be helped, Lee said, by the new budget'): a phrase right after the cue's comma that runs to
        the sentence's end and is not where or when it was said."""
        doc = self.doc
        nxt = verb.i + 1
        if nxt + 1 >= len(doc) or doc[nxt].text != ",":
            return None
        c = next((c for c in kids if c.dep_ in ("prep", "agent") and c.left_edge.i == nxt + 1), None)
        if c is None or c.lower_ not in REST_PREPS or _circumstance(c) or self._inside(c.idx) is not None:
            return None
        end = c.right_edge.i + 1
        if end < len(doc) and not (doc[end].is_punct and doc[end].text in ".!?"):
            return None
        return self._snap(*_trim(self.text, c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))

    def _clause_end(self, head: Token) -> int:
        """End of a reported clause, cut before a comma-led coordinate or contrast clause
        ('…, but for Republicans …', '…, while others said …')."""
        end = head.idx + len(head)
        for c in head.children:
            if c.i > head.i:
                prev = self.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
                if prev is not None and prev.text in (",", ";", "—", "--") and c.dep_ in CLAUSE_CUT:
                    break
                if prev is not None and prev.text == "," and c.dep_ in ("advcl", "acl", "relcl") and c.tag_ == "VBG":
                    break  # "…, sparking speculation": the writer's comment on what was said
                if prev is not None and (prev.text in (",", "—", "--", "–") or c.left_edge.lower_ == "even") and \
                        _scene(c):
                    break  # "said his name was Mason, as the crowd laughed": what went on meanwhile
                if _second_saying(c):
                    break  # "said that the plan would work and insisted …": the second saying is its own
                if self._second_act(head, c):
                    break  # "denies that the vote was rigged and goes on to …": the sayer's next act
                if c.dep_ == "punct" and c.text == ";":  # a dash mostly goes on with what was said
                    break
            end = max(end, c.right_edge.idx + len(c.right_edge))
        for cc in (" and", " but", " or", ","):  # the conjunction before a cut-off coordinate
            if self.text.endswith(cc, head.idx, end):
                return end - len(cc)
        return end

    @staticmethod
    def _second_act(head: Token, c: Token) -> bool:
        """A verb coordinated onto a reported clause, without a subject, in the tense of the cue that
        reports the clause but not of the clause's own finite verb: the sayer's next act."""
        cue = head.head
        if c.dep_ != "conj" or head.dep_ != "ccomp" or cue.pos_ != "VERB" or c.pos_ != "VERB" or \
                any(k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for k in c.children):
            return False
        aux = next((k for k in head.children if k.dep_ in ("aux", "auxpass") and k.i < head.i), head)
        return c.tag_ == cue.tag_ != aux.tag_ and cue.tag_ in ("VBD", "VBZ")  # ("was disappointed but understood")

    def _vp_end(self, verb: Token) -> int:
        """End of an infinitive's phrase, before a comma-led tail on it ("expected to sign the bill,
        potentially ending …", "… to cut jobs, with more to come"), or before an "even as" clause
        however led: the writer's comment. (A dash-led one as often goes on with what was said: "… —
        like the fight for first place".)"""
        for c in verb.rights:
            tail = c.dep_ in ("advcl", "acl", "parataxis", "npadvmod", "appos", "relcl") or \
                c.dep_ == "prep" and c.lower_ == "with"
            if tail and c.left_edge.i - 1 > verb.i and (self.doc[c.left_edge.i - 1].text == "," or _scene(c)):
                k = c.left_edge.i - 1
                if self.doc[k].is_punct:
                    k -= 1
                return self.doc[k].idx + len(self.doc[k])
        return verb.right_edge.idx + len(verb.right_edge)

    def _between_commas(self, verb: Token) -> bool:
        """A cue set off by commas inside the clause it comments on ("The vote, many think, is
        lost"): the only place a belief verb without a complement reports one."""
        doc, left, right = self.doc, verb.left_edge.i, verb.right_edge.i
        before = doc[left] if doc[left].text == "," else doc[left - 1] if left > 0 else None
        after = doc[right] if doc[right].text == "," else doc[right + 1] if right + 1 < len(doc) else None
        # (not the filler "you know" / "we know": knowing set off by commas comments on nothing)
        return verb.dep_ == "parataxis" and verb.head.i > right and before is not None and after is not None \
            and before.text == "," and after.text == "," and verb.lemma_ != "know"

    def _np_end(self, tok: Token) -> int:
        """End of a phrase, before a comma- or dash-led appositive or relative clause ('criticised
        Comey, a Republican appointed by …': the writer's gloss, not what was criticised)."""
        for c in tok.rights:
            if c.dep_ == "appos" and any(k.dep_ == "conj" for k in c.children):
                continue  # ("thanked the nurses, the doctors and the cooks": a list the parser took for a gloss)
            if c.dep_ in ("appos", "relcl") and c.left_edge.i > tok.i and self.doc[c.left_edge.i - 1].text in (",", "—", "–", "-"):
                prev = self.doc[c.left_edge.i - 2]
                return prev.idx + len(prev)
        return tok.right_edge.idx + len(tok.right_edge)

    def _phrase_end(self, verb: Token, first: Token) -> int:
        """End of the verb phrase from ``first`` on: later complements and modifiers, but not a
        coordinated verb, a comma-led participle ("…, saying …") or a parenthetical, nor a second verb
        the parser hung on the object or infinitive."""
        if first.pos_ in NOMINAL or first.dep_ == "xcomp" and first.tag_ == "VB":
            # (after a to-infinitive, a verb in the cue's own form: "urged them to vote and tried to …")
            verb2 = next((c for c in first.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and
                          (first.pos_ in NOMINAL or c.tag_ == verb.tag_ != "VB")), None)
            if verb2 is not None:
                # "chided Turkey and praised Lee": a second verb the parser hung on the object is a second act
                k = verb2.left_edge.i
                while k > first.i + 1 and self.doc[k - 1].dep_ in ("cc", "punct"):
                    k -= 1
                return _trim(self.text, first.left_edge.idx, self.doc[k].idx)[1]
        cut = self._np_end(first) if first.dep_ != "xcomp" else self._vp_end(first)
        full = first.right_edge.idx + len(first.right_edge)
        if cut < full:
            # the object's trailing appositive is the writer's gloss ("praised Lee, a former judge"),
            # unless the phrase goes on after it ("praised Lee, a former judge, for her ruling")
            end = self._phrase_rest(verb, first, full)
            return cut if end == full else end
        sub = next((c for c in first.rights if _why_or_when(c)), None)
        if sub is not None:
            # "refused to take questions as she left the hall": when or why, not what
            prev = self.doc[sub.left_edge.i - 1]
            return _trim(self.text, first.idx, prev.idx + len(prev))[1]
        return self._phrase_rest(verb, first, full)

    def _phrase_rest(self, verb: Token, first: Token, end: int) -> int:
        """End of the verb's complements and modifiers after ``first`` (whose phrase ends at ``end``)."""
        for c in verb.children:
            if c.i <= first.i:
                continue
            if c.dep_ in ("cc", "punct") and c.text not in (";", ":") and self._nominal_conj(verb, c) or \
                    c.dep_ == "conj" and c.pos_ in NOMINAL or self._infinitive_conj(verb, first, c):
                end = c.right_edge.idx + len(c.right_edge)  # "blamed the migrants or the politicians"
                continue
            if c.dep_ in ("cc", "conj", "parataxis", "punct") or _why_or_when(c) or (
                    c.dep_ in ("advcl", "ccomp") and c.i > 0 and self.doc[c.left_edge.i - 1].text == ","):
                break
            if _circumstance(c) and (c.dep_ != "prep" or _when_phrase(c)):
                # "announced her run in April": a trailing when or where is not what was said (but "in
                # support of …", "at a theater that …" is more of it)
                continue
            end = c.right_edge.idx + len(c.right_edge)
        return end

    @staticmethod
    def _infinitive_conj(verb: Token, first: Token, c: Token) -> bool:
        """A bare verb the parser hung on the cue that goes on with its to-infinitive ("pledged to
        cut taxes, fix the schools and expand …"), or the conjunction or comma before one; a verb
        in the cue's own form is a second act ("urged them to vote and tried to …")."""
        if first.dep_ != "xcomp" or first.tag_ != "VB" or verb.tag_ == "VB":
            return False
        if c.dep_ in ("cc", "punct"):
            c = next((k for k in verb.children if k.dep_ == "conj" and k.i > c.i), c)
        return c.dep_ == "conj" and c.tag_ == "VB" and not any(k.dep_ in ("nsubj", "nsubjpass", "aux", "neg")
                                                                for k in c.children)

    def _nominal_conj(self, verb: Token, cc: Token) -> bool:
        """A conjunction the parser hung on the verb that joins a second object, not a second verb."""
        nxt = next((c for c in verb.children if c.i > cc.i and c.dep_ not in ("cc", "punct")), None)
        return nxt is not None and nxt.dep_ == "conj" and nxt.pos_ in NOMINAL
