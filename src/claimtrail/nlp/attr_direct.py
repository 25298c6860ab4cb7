"""Direct speech for the attribution stage: quotation marks next to a cue, split quotes, speaker
turns, cue-less quotes and ``Name: words`` lines. A mixin of the stage's finder (``attribution.py``),
which holds the state these methods share (text, quotes, hits)."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from .attr_indirect import RECIPIENT_VERBS
from .attr_parse import trim as _trim
from .attr_source import source_span as _source_span, subject as _subject
from .quotes import MARKS
from .state import AttributionHit, analysis

# a paragraph head that labels a section, not a speaker (compared in lower case)
LABELS = {"q", "a", "update", "updated", "note", "editor's note", "editor’s note", "breaking", "correction",
          "clarification", "photos", "photo", "video", "watch", "read more", "related", "exclusive", "analysis",
          "opinion", "contributing", "paid notice", "the latest", "see also", "more", "source", "sources", "credit"}
TITLE_LEADS = (" on", " in", " at", " to", " told", " during", " from", " of", "’s", "'s")
# a kind of work whose title may follow in quotation marks ('the podcast “…”'), or the word that introduces one
TITLE_NOUNS = {"book", "books", "memoir", "novel", "show", "podcast", "program", "programme", "column", "film",
               "movie", "documentary", "song", "album", "series", "newsletter", "blog", "titled",
               "entitled", "headlined", "sitcom", "musical", "drama", "comedy", "thriller", "classic", "play"}
TITLE_LEN = 60  # chars a quoted title may run
NAMING_VERBS = {"call", "dub", "label", "name", "term", "brand", "deem", "describe"}
GAP_OK = set(" ,\t—–-:")
SENTENCE_REST = 160  # how far the rest of a cue's sentence may run before the next quote joins (chars)
LONE_REACH = 3000  # a cue-less quote goes to the last speaker only if their quote ended this close (chars)
LEAD_REACH = 300  # how far back a sentence's opening words may start before its quote (chars)
JOINTS = {"but", "and", "still", "yet", "so"}  # one-word openers that link sentences (a joint, not words said)
ABBREV = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|U\.S|No|vs)\.$")  # not a full stop
SKIP_LEADS = ("-", "—", "–")
# a name of one to six capitalised words ("Ana Ruiz", "Carlos Raúl", "Edwin G. Monroy", "Luis de la Cruz")
NAME = r"[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|la|del|van|von|da|di|le)){0,5}"
DASH = r"(―|—|–|--)"
SIGN_REACH = 80  # chars a name and a dash may take before the quote they sign
SIGNED_AFTER = re.compile(r"[ \t\xa0]*" + DASH + r"[ \t\xa0]*(" + NAME + r")[ \t\xa0,.]*(?=\n|$)")
SIGNED_BEFORE = re.compile(r"[ \t\xa0]*(" + NAME + r")[ \t\xa0]*" + DASH + r"[ \t\xa0]*")
# a label and a dash before a head's speaker ("EXCLUSIVE – Ana Ruiz: …"): the label is nobody's
HEAD_LABEL = re.compile(r"[A-Z][A-Z ]{2,24}[ \t\xa0]*[-–—][ \t\xa0]*")
HEAD_WORDS, HEAD_CHARS = 6, 50  # how long a paragraph's 'Speaker:' head may run
# words of a head that join names or say where ("Lee camp:", "Former Governor Lee at Town Hall:")
HEAD_LOWER = {"camp", "campaign", "aide", "aides", "allies", "spokesman", "spokeswoman", "at", "on", "to", "and",
              "of", "in", "former", "team", "editorial", "adviser", "advisers"}
# a head's first word that gives an order, not a speaker ("Follow Ana Ruiz on Twitter: @…")
HEAD_ORDERS = {"follow", "contact", "reach", "email", "e-mail", "read", "watch", "listen", "subscribe", "sign", "click",
               "see", "join", "like", "call", "tweet", "write", "send"}
# a quote introduced mid-paragraph after a dash and its speaker: "… record - Ana Ruiz: “…”",
# "- More from Ruiz: “…”", "From the report: “…”"
DASH_COLON = re.compile(r"(?:(?<=\s)[-–—][ \t\xa0]*|(?<=[-–—])|(?<=\.[ \t\xa0]))(?:More from |From )?"
                        r"(" + NAME + r"(?:[ \t\xa0]+and[ \t\xa0]+" + NAME + r")?|the report|the study|the memo)"
                        r":[ \t\xa0]*(?=[“\"])")
HEAD_JOINT = re.compile(r"\s(?:at|on|to|in|of)\s")  # where a head's name ends and a place or topic begins
COLON_QUOTE = re.compile(r":[ \t\xa0]*(?=[“\"])")
DASH_COLON_REACH = 160  # chars a dash, a speaker's name and "More from" may take before the colon


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
        runs well past the quote it starts in ('said “it drives me up the wall” each time …': mixed)."""
        k = self._inside(comp.left_edge.idx)
        if k is None:
            return True
        end = comp.right_edge.idx + len(comp.right_edge)
        return end - self._closed[k][1] > 12 and self._inside(end - 1) is None

    def _adjacent_quote(self, verb: Token, src: Token | None) -> list[int]:
        """Quote indices attributed by this cue: before it ('“…,” he said'), after it ('he said: “…”'),
        and a second piece after a split ('“…,” she said, “…”' / '“…,” she said. “…”')."""
        left, right = verb.idx, verb.idx + len(verb)
        if src is not None and (src.head.i == verb.i or src.head.head.i == verb.i):
            # (a subject borrowed from a governing verb, '“…,” Lee sings before asking her, “…”', does
            # not bring the quote before it along)
            ss, se = _source_span(src, verb)
            left, right = min(left, ss), max(right, se)
        # particles and "in a statement" style modifiers after the verb belong to the cue's clause
        for c in verb.children:
            if c.i > verb.i and c.dep_ in ("prt", "advmod", "prep", "npadvmod", "dative", "dobj", "advcl") and \
                    self._inside(c.idx) is None and c.idx - right < 60:
                # (a participle followed by its own quote, '…, adding: “…”', keeps that quote, and so does
                # an object that is itself what was said: 'rejected the plan — “…”'; the one told does not)
                q = self._quote_starting_after(c.right_edge.idx + len(c.right_edge), False)
                if q is None or c.dep_ not in ("advcl", "dobj") or c.dep_ == "dobj" and verb.lemma_ in RECIPIENT_VERBS:
                    right = max(right, c.right_edge.idx + len(c.right_edge))
        out = []
        before = self._quote_ending_before(left)
        if before is not None and before not in self.claimed and not self._named_work(before):
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
                    # (a short quoted title in between is fine: 'he said on the radio show “Morning Call.” “…”')
                    t = self._inside(right - 1)
                    r0 = self._closed[t][1] if t is not None else right
                    gap = self.text[r0:self.quotes[k][0]].rstrip(" \xa0\t")
                    if (gap or self.text[r0 - 2:r0 - 1]).endswith(".") and "\n" not in gap and \
                            gap.count(".") <= 2 and self._titles_only(r0, self.quotes[k][0]):
                        after = k
            if after is not None and after not in self.claimed and after != before and \
                    not self._named_work(after):
                out.append(after)
            return out
        after = self._quote_starting_after(right, True)
        if after is None and verb.dep_ == "ROOT" and src is not None and \
                src.left_edge.i == self._sent(verb).start and \
                not any(c.dep_ in ("ccomp", "dobj", "xcomp", "attr", "parataxis") for c in verb.children):
            # 'Lee said in a statement. “…”': a cue with nothing said yet, its quote right after
            k = bisect.bisect_left(self.qstarts, right)
            if k < len(self.quotes) and self.text[right:self.quotes[k][0]].strip() == "." and \
                    "\n" not in self.text[right:self.quotes[k][0]]:
                after = k
        if after is not None and after not in self.claimed and not self._named_work(after):
            out.append(after)
        return out

    def _lead_in(self, k: int) -> int | None:
        """Start of the words opening a sentence before quote ``k`` ('The new plans “will not
        work,” she said.'): the quoted part finishes the speaker's sentence, so the start is theirs
        too. None when the quote opens its sentence, paragraph, or follows another quote."""
        return self._sentence_opening(self.quotes[k][0])

    def _opener(self, src_start: int) -> tuple[int, int] | None:
        """The words before a mid-sentence cue that leads in a quote ('Of course, Lee said, “…”'):
        they open the speaker's sentence."""
        j = src_start
        while j > 0 and self.text[j - 1] in " \t\xa0":
            j -= 1
        if j == 0 or self.text[j - 1] != ",":
            return None
        i = self._sentence_opening(src_start)
        if i is None:
            return None
        s, e = _trim(self.text, i, j)
        if self.text[s:e].lower() in JOINTS:
            return None  # 'But, Lee said, “…”': the writer's joint between sentences, not the speaker's
        return (s, e) if e > s else None

    def _sentence_opening(self, qs: int) -> int | None:
        """Start of the sentence that runs on to char ``qs``, when it starts with words of its own
        (not a cue's lead-in, not after another quote or a paragraph break)."""
        text = self.text
        j = qs
        while j > 0 and text[j - 1] in " \t\xa0":
            j -= 1
        i, lo = j, max(0, qs - LEAD_REACH)
        while i > lo:
            ch = text[i - 1]
            if ch == "\n" or ch in MARKS or ch in "?!" or ch == "." and text[i:i + 1].isspace() and \
                    not ABBREV.search(text, max(0, i - 5), i):
                break
            i -= 1
        if i == lo and lo > 0:
            return None  # no sentence start within reach
        while i < j and text[i].isspace():
            i += 1
        if j - i < 2 or text[j - 1] in ":—–-" or text.startswith(SKIP_LEADS, i):
            return None  # ('He added: “…”' is a cue's own lead-in, not words of the sentence)
        if self._has_cue(i, j):
            return None  # ('Lee rejected the plan, “…,” she wrote': the opening words are Lee's own cue)
        return i

    def _named_work(self, k: int) -> bool:
        """A quote after "on", "in", "to" … or after a kind of work ('his 2012 book, “…”', 'the podcast
        “…”', 'a film titled “…”'): the title of a show, book or paper, not words said."""
        q0 = self.quotes[k][0]
        before = self.text[max(0, q0 - 8):q0].rstrip().lower()
        return before.endswith(TITLE_LEADS) or self._titled(*self.quotes[k])

    def _titled(self, q0: int, q1: int) -> bool:
        """A short quote right after a kind of work ('his 2012 book, “…”', 'the podcast “…”'): a title."""
        first = self.text[q0:q1].lstrip(MARKS + "'‘ ")[:1]
        if q1 - q0 > TITLE_LEN or not (first.isupper() or first.isdigit()) or \
                any(p in self.text[q0:q1 - 3] for p in (". ", "? ", "! ")):
            return False  # (words go on: 'the program “is gaining …”', 'the program, “states were broke. …”')
        j = q0
        while j > 0 and self.text[j - 1] in " ,\xa0":
            j -= 1
        tok = self._token_at(j - 1) if j > 0 else None
        if tok is not None and tok.idx > j - 1 and tok.i > 0:
            tok = tok.nbor(-1)  # (the token ending at j, not the one after it)
        if tok is None or tok.idx + len(tok) != j or tok.lower_ not in TITLE_NOUNS or not tok.text.islower():
            return False
        # ('called the show “a disgrace”': what the show was called is what was said)
        return not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in NAMING_VERBS)

    def _titles_only(self, s: int, e: int) -> bool:
        """Whether every quotation mark between ``s`` and ``e`` belongs to a short closed quote (a
        programme or paper title), not to someone's words."""
        ks = self._quotes_in(s, e)
        if any(self.quotes[k][1] > e or self.quotes[k][1] - self.quotes[k][0] > 40 for k in ks):
            return False
        return not any(ch in MARKS for a, b in self._gaps(s, e, ks) for ch in self.text[a:b])

    def _gaps(self, s: int, e: int, ks: list[int]) -> list[tuple[int, int]]:
        out, pos = [], s
        for k in ks:
            out.append((pos, self.quotes[k][0]))
            pos = self.quotes[k][1]
        out.append((pos, e))
        return out

    def _quote_verbs(self) -> None:
        """A quote no lexicon cue claimed, followed or led in by a short clause with any verb and
        its subject ('“Go home,” Smith barked.' / 'Smith snapped: “No.”') is that verb's."""
        doc = self.doc
        for k, (qs, qe) in enumerate(self.quotes):
            if k in self.claimed or self._named_work(k):
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
            first = True
            while True:
                k = bisect.bisect_left(self.qstarts, end)
                if k >= len(self.quotes) or k in self.claimed:
                    break
                gap = self.text[end:self.quotes[k][0]]
                if (len(gap) > 6 or gap.count("\n") > 2 or any(ch not in " \n.:" for ch in gap)) and \
                        not (first and hit.kind == "direct" and self._rest_of_sentence(gap)):
                    break
                first = False
                qs, qe = self.quotes[k]
                if qe - qs < 60 and self.text[qe - 2:qe - 1] not in ".,?!…-—" and "\n" in gap:
                    break  # a short title opening the next paragraph ('“Skyfall” was a hit'), not more words
                hit.content.append(self.quotes[k])
                self.claimed.add(k)
                self.hit_quotes[hi].append(k)
                end = self.quotes[k][1]

    @staticmethod
    def _rest_of_sentence(gap: str) -> bool:
        """The rest of a cue's sentence, then a paragraph break: '“…,” Lee said during the interview
        in Lisbon.⏎⏎“…”' (the next paragraph's quote is more of Lee's words)."""
        line, _, after = gap.partition("\n")
        line = line.rstrip()
        return bool(line) and line.endswith(".") and len(line) < 2 * SENTENCE_REST and not after.strip() \
            and gap.count("\n") <= 2 and not any(ch in MARKS for ch in line) and line.count(". ") == 0

    def _lone_quotes(self) -> None:
        """A quote that fills its own sentence with no cue (a new paragraph of someone's words) is
        given to the speaker of the closest earlier direct quote (the speaker-turn convention)."""
        last: AttributionHit | None = None
        li = -1
        reach = 0  # the furthest any earlier hit's words or cue run
        by_start = sorted(range(len(self.hits)), key=lambda i: self.hits[i].content[0][0])
        j = 0
        for k, (qs, qe) in enumerate(self.quotes):
            while j < len(by_start) and self.hits[by_start[j]].content[0][0] < qs:
                h = self.hits[by_start[j]]
                if h.kind == "direct" and h.source is not None:
                    last, li = h, by_start[j]
                reach = max(reach, h.content[-1][1], h.cue[1])
                j += 1
            if k in self.claimed or qe - qs < 25 or last is None or qs - last.content[-1][1] > LONE_REACH or \
                    self.text[qs:qe].isupper():
                continue  # (a quoted subheading in capitals, “DIVISIVE AND WRONG”, is the writer's)
            before = self.text[max(0, qs - 2):qs]
            if before.strip() not in ("", ".") and "\n" not in before:
                continue  # only quotes that open a sentence or paragraph
            if reach <= max(last.content[-1][1], last.cue[1]) < qs and "\n" not in self.text[reach:qs]:
                # in the same paragraph, nothing said by anyone else in between: more of the same statement
                last.content.append((qs, qe))
                reach = qe
                self.hit_quotes[li].append(k)
                self.claimed.add(k)
                continue
            self.hits.append(AttributionHit("direct", (qs, qs), [(qs, qe)], source=last.source,
                                            source_cluster=last.source_cluster, group=last.group))
            self.hit_quotes.append([k])
            self.hit_verbs.append(None)
            self.claimed.add(k)

    def _dash_lines(self) -> None:
        """A quote signed with a dash and a name ('“We will win.” ― Ana Ruiz' ending its line), or a
        name and a dash before a quote opening its line ('Ana Ruiz — “We will win.”'): the way pull
        quotes and lists of readers' comments are printed."""
        text = self.text
        for k, (qs, qe) in enumerate(self.quotes):
            if k in self.claimed:
                continue
            # (a name, not a section label in capitals: 'FAREWELL—“…”')
            m = SIGNED_AFTER.match(text, qe)
            if m is not None and not m.group(2).isupper():
                self._signed(k, m.span(1), m.span(2))
                continue
            ls = text.rfind("\n", max(0, qs - SIGN_REACH), qs) + 1
            if ls == 0 and qs > SIGN_REACH:
                continue  # (the line starts further back than a name and a dash run)
            m = SIGNED_BEFORE.fullmatch(text, ls, qs)
            if m is not None and not m.group(1).isupper():
                self._signed(k, m.span(2), m.span(1))

    def _signed(self, k: int, dash: tuple[int, int], name: tuple[int, int]) -> None:
        self.hits.append(AttributionHit("direct", dash, [self.quotes[k]], source=name,
                                        source_cluster=analysis(self.doc).cluster_at(*name)))
        self.hit_quotes.append([k])
        self.hit_verbs.append(None)
        self.claimed.add(k)

    def _headline(self) -> None:
        """'Name: what they said' at the head of a paragraph (headlines, transcripts)."""
        text = self.text
        heads = self._colon_heads()
        # an all-capitals head is a transcript's speaker ("OKAFOR: …") only where the same name opens
        # another turn too ("ANNA HOLT: …", "HOLT: …"); once, it is a label ("WOW: …")
        turns: dict[str, int] = {}
        for start, colon, _ in heads:
            if text[start:colon].isupper():
                last = text[start:colon].split()[-1]
                turns[last] = turns.get(last, 0) + 1
        cues = {h.cue[0] for h in self.hits}
        for start, colon, end in heads:
            head = text[start:colon]
            if head.strip().lower() in LABELS:
                continue
            words = head.split()
            old_style = len(words) <= 4 and all(w[:1].isupper() for w in words)
            if head.isupper() and turns[words[-1]] < 2 and not self._named_elsewhere(words):
                continue  # (a label in capitals, "WOW: …"; not a name the article spells out, "OKAFOR: …")
            if not old_style and not self._names_someone(start, colon):
                continue  # (plain words that name nobody, or an order: "Follow Ana Ruiz on Twitter: …")
            s, e = _trim(self.text, colon + 1, end)
            if colon in cues or not self._says_something(start, colon, s, e):
                continue
            self.hits.append(AttributionHit("direct" if text[s] in MARKS else "indirect", (colon, colon + 1),
                                            [(s, e)], source=(start, colon)))
            if self._token_at(start) is not None:
                self.hits[-1].source_cluster = analysis(self.doc).cluster_at(start, colon)
            self.hit_quotes.append([])
            self.hit_verbs.append(None)

    def _names_someone(self, start: int, colon: int) -> bool:
        """The head mentions a person or body the tagger names ("Ruiz camp:"), and does not open with
        a verb."""
        tok = self._token_at(start)
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.lower_ in HEAD_ORDERS:
            return False
        # (the name leads the head: "Ruiz at Town Hall:", not "Tools to Fight Crime:")
        joint = HEAD_JOINT.search(self.text, start, colon)
        colon = joint.start() if joint is not None else colon
        while tok is not None and tok.idx < colon:
            if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
                return True
            tok = tok.nbor() if tok.i + 1 < len(self.doc) else None
        return False

    def _named_elsewhere(self, words: list[str]) -> bool:
        """A one-off head in capitals is a speaker where the article also spells the name in
        ordinary case ("HOLT: …" and "Mira Holt said …")."""
        last = words[-1]
        if len(words) > 2 or not last.isalpha():
            return False
        if len(last) <= 4 and len(re.findall(r"\b" + last + r"\b", self.text)) > 1:
            return True  # (an agency's initials, used again: "AP: …" and "the AP reported")
        return len(last) > 2 and re.search(r"\b" + last.title() + r"\b", self.text) is not None

    def _dash_colons(self) -> None:
        """A quote introduced inside a paragraph by a dash, its speaker and a colon ("… polls - Ana
        Ruiz: “…”", "- More from Ruiz: “…”"): the way digests cite what others wrote."""
        text = self.text
        for c in COLON_QUOTE.finditer(text):
            # (the full pattern is tried only just before a colon and a quote mark: a pass over every
            # character with it costs more than the rest of this rule)
            m = next((m for m in DASH_COLON.finditer(text, max(0, c.start() - DASH_COLON_REACH), c.end() + 1)
                      if m.end() == c.end()), None)  # (+1: the mark the pattern looks ahead to)
            if m is None:
                continue
            k = bisect.bisect_left(self.qstarts, m.end())
            if k >= len(self.quotes) or self.quotes[k][0] != m.end() or k in self.claimed or \
                    self._inside(m.start(1)) is not None:
                continue
            name = m.span(1)
            self.hits.append(AttributionHit("direct", (name[1], name[1] + 1), [self.quotes[k]], source=name,
                                            source_cluster=analysis(self.doc).cluster_at(*name)))
            self.hit_quotes.append([k])
            self.hit_verbs.append(None)
            self.claimed.add(k)

    def _colon_heads(self) -> list[tuple[int, int, int]]:
        """(speaker start, colon, paragraph end) of paragraphs opening with a speaker and a colon: one
        to four capitalised words ("Ana Ruiz:"), or up to six with a few plain words ("Ruiz camp:",
        "Former Governor Ruiz at Town Hall:"); a label before a dash is skipped ("EXCLUSIVE – Ruiz:")."""
        text, out, start = self.text, [], 0
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            m = HEAD_LABEL.match(text, start, min(end, start + 40))
            head = m.end() if m is not None and text[start:m.end()].strip(" -–—\t\xa0").lower() in LABELS else start
            colon = text.find(": ", head, min(end, head + HEAD_CHARS))
            if colon > head and end - colon > 10 and self._speaker_words(text[head:colon]) and \
                    self._inside(colon) is None:
                out.append((head, colon, end))
            start = end + 1
        return out

    @staticmethod
    def _speaker_words(head: str) -> bool:
        """Words that may name a speaker: capitalised, or a name with a few joining words."""
        words = head.split()
        if not 1 <= len(words) <= HEAD_WORDS or not words[0][:1].isupper():
            return False
        if len(words) > 4 or any(not w[:1].isupper() for w in words):
            # (a longer head or one with plain words must be a name with a few joining words)
            return all(w[:1].isupper() or w.lower() in HEAD_LOWER for w in words) and \
                sum(w[:1].isupper() for w in words) <= 4
        return True

    def _says_something(self, start: int, colon: int, s: int, e: int) -> bool:
        """A head that can speak (not a place: "Iowa: …") before words that make a statement (not a
        section label's few words, "Mendez: Win or go home", nor a list of names)."""
        tok = self._token_at(start)
        if tok is not None and tok.ent_type_ in ("GPE", "LOC", "DATE") and self.text[start:colon].count(" ") < 3:
            return False
        body = self.text[s:e]
        words = body.split()
        # (a headline quotes in single marks: "Ruiz: 'We Will Win.'")
        quoted = body[:1] in MARKS or body[:1] in "'‘" and body.rstrip(" .")[-1:] in "'’" and len(words) >= 2
        if len(words) < 5 and not quoted and not (len(words) >= 3 and all(w[:1].isupper() for w in words)):
            return False  # (a short head line in title case, "Mills: The Budget Will Balance", is a claim)
        return body.count(",") < 6 or body.count(",") * 4 < len(body.split())
