"""Stage: entities — mentions from spaCy NER clustered into people, organisations and places.

Steps, each one pass over the doc (linear in its length):
  1. names: PERSON entities parsed (honorifics stripped, family name found in either order) and
     clustered by full name / family name / given name (a full name introduced as someone's
     relative, "her husband, Oliver Hailey", does not absorb an earlier lone "Hailey", and a later
     lone "Hailey" prefers the person who was not so introduced); a lone family name the tagger
     called ORG or GPE is repaired when an earlier person carries it; untagged repeats of a known
     surname are added, and so is a known given name the tagger read as a noun or adverb.
     Other entities cluster by a normalised key with a few aliases ("U.S." = "United States").
  2. roles (roles.find_roles, cached for the roles stage) give gender and title holders.
  3. nominals (nominals.link): "the spokeswoman", "the deputy governor" join the one person holding
     a matching role (none when several do); a news lead's "A deputy governor of X ..." names the
     person introduced next.
  4. pronouns (pronouns.resolve): he/she/... by agreement and salience. Lone capitalised words the
     tagger called ORG/GPE (or left untagged) compete as "latent" people with a penalty and become
     PERSON only when a he/she resolves to them; places in a locative phrase never do, and an
     untagged word that no pronoun claims is dropped again.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import names, nominals, pronouns, roles
from .state import Analysis, Cluster, MentionHit, analysis, guarded

NAME = "entities"
VERSION = "entities-rules/5"
COMPONENT = "claimtrail_entities"
REQUIRES: tuple[str, ...] = ()
PROVIDES: tuple[str, ...] = ("clusters",)

_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "EVENT": "EVENT",
         "FAC": "LOC", "PRODUCT": "OTHER", "WORK_OF_ART": "OTHER", "LAW": "OTHER"}
# Country and body aliases: one entity however it is written.
_ALIASES = {
    "u.s.": "united states", "us": "united states", "u.s": "united states", "usa": "united states",
    "u.s.a.": "united states", "america": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "eu": "european union", "e.u.": "european union", "un": "united nations", "u.n.": "united nations",
    "prc": "china", "people's republic of china": "china", "russian federation": "russia",
    "uae": "united arab emirates", "dprk": "north korea", "rok": "south korea", "republic of korea": "south korea",
}
# Common-noun heads that make "the transport ministry" an organisation (a modifier is required, so
# a bare "the authority" stays a description, not an entity).
_ORG_HEADS = {"ministry", "department", "agency", "commission", "committee", "council", "authority", "bureau",
              "court", "parliament", "government", "administration", "company", "regulator", "embassy",
              "consulate", "police", "army", "military", "navy", "union", "party", "cabinet", "board"}


@dataclass
class _Info:
    """Working knowledge about a cluster that the Cluster record does not keep."""
    parsed: list[names.PersonName] = field(default_factory=list)
    last: int = -1  # token index of the latest mention


@dataclass
class Ment:
    """A mention (of any cluster) as the pronoun resolver sees it."""
    start: int
    end: int
    tok: int  # syntactic head token
    cluster: int
    kind: str


class _Builder:
    def __init__(self, doc: Doc, ct: Analysis) -> None:
        self.doc, self.ct = doc, ct
        self.info: list[_Info] = []
        self.alias: dict[str, list[tuple[int, int]]] = {}  # person alias key -> [(cluster, strength)]
        self.okeys: dict[tuple[str, str], int] = {}  # (type, key) -> org/place cluster
        # Lower-cased initials of every name a cluster has had -> those clusters, so that an acronym
        # finds its organisation without taking the initials of every cluster ("WHO" ~ "World Health ...").
        self.by_initials: dict[str, list[int]] = {}
        self.sent_start: list[int] | None = None  # token -> its sentence's first token (built on demand)
        self.headline_sents: dict[int, bool] = {}  # sentence start -> written in title case
        self.ments: list[Ment] = []
        self.person_spans: list[tuple[int, int, int]] = []
        self.covered = bytearray(len(doc))
        self.person_keys: set[str] = set()
        self.provisional: set[int] = set()
        self.relatives: set[int] = set()  # people first named as someone's relative ("her husband X")
        # Words the article also writes in lower case are ordinary words, not names ("Crime").
        self.lower_words = {t.lower_ for t in doc if t.is_lower and t.is_alpha}

    # ---- clusters -------------------------------------------------------------------------
    def _new(self, name: str, typ: str) -> int:
        self.ct.clusters.append(Cluster(name=name, type=typ))
        self.info.append(_Info())
        ci = len(self.ct.clusters) - 1
        self._index_name(ci, name)
        return ci

    def _rename(self, ci: int, name: str) -> None:
        self.ct.clusters[ci].name = name
        self._index_name(ci, name)

    def _index_name(self, ci: int, name: str) -> None:
        lst = self.by_initials.setdefault(_initials(name).lower(), [])
        if ci not in lst:
            lst.append(ci)

    def _add_alias(self, ci: int, pn: names.PersonName) -> None:
        self.info[ci].parsed.append(pn)
        for k, strength in pn.aliases():
            lst = self.alias.setdefault(k, [])
            if all(c != ci for c, _ in lst):
                lst.append((ci, strength))

    def _mention(self, ci: int, start: int, end: int, tok: int, kind: str) -> None:
        c = self.ct.clusters[ci]
        c.mentions.append(MentionHit(start, end, kind))
        inf = self.info[ci]
        inf.last = tok
        self.ments.append(Ment(start, end, tok, ci, kind))

    # ---- people ---------------------------------------------------------------------------
    def _compatible(self, ci: int, gender: str | None) -> bool:
        g = self.ct.clusters[ci].gender
        return gender is None or g is None or g == gender

    def _person_cluster(self, pn: names.PersonName, kin: bool = False) -> int:
        fk = pn.full_key
        if len(pn.words) == 1:
            cands = [(s, c not in self.relatives, self.info[c].last, c) for c, s in self.alias.get(fk, [])
                     if self._compatible(c, pn.gender)]
            if cands and all(c in self.relatives for *_, c in cands):
                # "the niece of Dan Shaughnessy ... Shaughnessy made her debut": a lone surname
                # shared only with someone named as a relative is the person the text is about
                return self._new(pn.full, "PERSON")
            if cands:
                # strongest alias, then not a relative named as such, then most recent: shared
                # surnames go to the latest, but "Hailey ... her husband Oliver Hailey ... Hailey"
                # stays with the Hailey the text is about
                return max(cands)[3]
            return self._new(pn.full, "PERSON")
        for c, s in sorted(self.alias.get(fk, []), key=lambda cs: -self.info[cs[0]].last):
            if s == 3 and self._compatible(c, pn.gender):
                return c
        # A known lone "Park" (no full name yet) is now named in full; or "J. Smith" ~ "John Smith".
        for c, s in self.alias.get(pn.family, []) + self.alias.get(pn.given, []):
            parsed = self.info[c].parsed
            if all(len(p.words) == 1 for p in parsed) and self._compatible(c, pn.gender) and not kin:
                return c  # (but "Temerlin ... her husband, Jack Temerlin" is someone else)
            if any(p.family == pn.family and len(p.words) > 1 and _given_compatible(p.given, pn.given) for p in parsed):
                return c
        return self._new(pn.full, "PERSON")

    def _adopt_provisional(self, pn: names.PersonName) -> None:
        """'for Gurney ... Gurney ran' left untagged, then 'Gurney' tagged a person: the earlier
        untagged word was that person all along, so its cluster becomes the person's."""
        for k in {pn.full_key, pn.family}:
            ci = self.okeys.get(("PROVISIONAL", k)) if k else None
            if ci is None:
                continue
            del self.okeys[("PROVISIONAL", k)]
            self.provisional.discard(ci)
            c = self.ct.clusters[ci]
            c.type = "PERSON"
            self._add_alias(ci, names.parse(c.name))

    def add_person(self, span: Span) -> None:
        doc = self.doc
        end = span.end
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2  # "Moon Jae" + "-in": the tagger cut a hyphenated given name
        span = doc[span.start:end]
        pn = names.parse(span.text)
        if pn.gender is None and span.start > 0:
            g = names.honorifics().get(names.key(doc[span.start - 1].text))
            if g:  # "Mr. Tanaka" where the tagger left "Mr." outside the name
                pn = dataclasses.replace(pn, gender=g)
        if not pn.full or not any(ch.isalpha() for ch in pn.full):
            return
        if len(pn.words) == 1 and _not_a_name(pn.full):
            return  # "made Professor", "another young Scotsman": a title or demonym, not a name
        text = span.text
        off = text.find(pn.words[0], len(pn.honorific) if pn.honorific else 0)
        end = text.rfind(pn.words[-1])
        if off < 0 or end < off:
            off, end = 0, len(text) - len(pn.words[-1])
        start, stop = span.start_char + off, span.start_char + end + len(pn.words[-1])
        toks = [t.i for t in span if t.idx >= start and t.idx < stop] or [span.start]
        self._adopt_provisional(pn)
        kin = len(pn.words) > 1 and _kin_introduced(span)
        ci = self._person_cluster(pn, kin)
        if kin and len(self.info[ci].parsed) == 0:
            self.relatives.add(ci)
        c = self.ct.clusters[ci]
        self._add_alias(ci, pn)
        if c.gender is None and pn.gender:
            c.gender = pn.gender
        if len(pn.full) > len(c.name):
            self._rename(ci, pn.full)
        sub = self.doc[toks[0]:toks[-1] + 1]
        self._mention(ci, start, stop, sub.root.i, "name")
        self.person_spans.append((toks[0], toks[-1] + 1, ci))
        for t in span:
            self.covered[t.i] = 1

    # ---- organisations, places ------------------------------------------------------------
    def add_other(self, span: Span, typ: str) -> None:
        text = span.text
        start = span.start_char
        words = text.split()
        if words and words[0].lower() == "the" and len(words) > 1:
            start += len(words[0]) + 1
            text = text[len(words[0]) + 1:]
        k = names.key(" ".join(names.clean_words(text))) if text.strip() else ""
        if not k:
            return
        k = _ALIASES.get(k, k)
        for suffix in (" province", " region", " prefecture"):
            if typ == "GPE" and k.endswith(suffix) and len(k) > len(suffix):
                k = k[: -len(suffix)]  # "Hebei province" is Hebei
        # A place the tagger once calls an organisation ("Budapest says ...") is still one entity.
        kt = "ORG" if typ in ("GPE", "ORG", "LOC") else typ
        ci = self.okeys.get((kt, k))
        if ci is None and typ == "ORG":
            ci = self._acronym_match(k, text)
        if ci is None and ("PROVISIONAL", k) in self.okeys:
            # The same word met untagged before ("Alleway played ... Alleway and Catley"): one entity,
            # now typed by the tagger (it may still turn out a person through the latent check).
            ci = self.okeys.pop(("PROVISIONAL", k))
            self.provisional.discard(ci)
            self.ct.clusters[ci].type = typ
            self.okeys[(kt, k)] = ci
        if ci is None:
            ci = self._new(" ".join(names.clean_words(text)), typ)
            self.okeys[(kt, k)] = ci
        elif typ == "GPE" and self.ct.clusters[ci].type == "ORG":
            self.ct.clusters[ci].type = "GPE"
        c = self.ct.clusters[ci]
        if len(text) > len(c.name) and text[:1].isupper() == c.name[:1].isupper():
            self._rename(ci, " ".join(names.clean_words(text)))
        if typ in ("NORP",) and text.endswith("s"):
            c.plural = True
        self._mention(ci, span.start_char, span.end_char, span.root.i, "name")
        for t in span:
            self.covered[t.i] = 1

    def _acronym_match(self, k: str, text: str) -> int | None:
        """'WHO' ~ 'World Health Organization' in either order of appearance."""
        if text.isupper() and 2 <= len(text) <= 6:
            want = k.replace(".", "")
            clusters = self.ct.clusters
            # by_initials may hold a cluster under a name it no longer has: check the current one.
            # (Every ORG cluster is in okeys while names are read, so one hit is the answer.)
            hits = {ci for ci in self.by_initials.get(want, ())
                    if clusters[ci].type == "ORG" and _initials(clusters[ci].name).lower() == want}
            if len(hits) <= 1:
                return next(iter(hits), None)
            return next((ci for ci in self.okeys.values() if ci in hits), None)  # the earliest entry wins
        else:
            ini = _initials(text).lower()
            ci = self.okeys.get(("ORG", ini))
            if len(ini) >= 2 and ci is not None and self.ct.clusters[ci].type == "ORG":
                return ci
        return None

    def noun_orgs(self) -> None:
        """'the transport ministry': definite, at least one modifier, organisation head noun."""
        doc = self.doc
        for t in doc:
            if t.lower_ not in _ORG_HEADS or t.pos_ not in ("NOUN", "PROPN") or t.ent_type_:
                continue
            kids = [c for c in t.lefts]
            det = [c for c in kids if c.dep_ == "det" and c.lower_ == "the"]
            mods = [c for c in kids if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN")]
            if not det or not mods or any(c.pos_ == "PROPN" and not c.ent_type_ for c in mods):
                continue
            a, b = det[0].i, t.i + 1
            if any(doc[k].ent_type_ == "PERSON" for k in range(a, b)):
                continue
            name = doc[min(m.i for m in mods):b].text
            k = names.key(name)
            ci = self.okeys.get(("ORG", k))
            if ci is None:
                ci = self._new(name, "ORG")
                self.okeys[("ORG", k)] = ci
            self._mention(ci, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), t.i, "name")
            for k2 in range(a, b):
                self.covered[k2] = 1

    # ---- the pass over names ----------------------------------------------------------------
    def names_pass(self) -> None:
        doc = self.doc
        self.noun_orgs()
        ents = sorted(doc.ents, key=lambda e: e.start)
        # Family names of everyone the tagger does call a person, so that a mis-tagged "Button" (GPE)
        # is repaired even when it comes before "Jenson Button".
        parsed = [names.parse(e.text) for e in ents if e.label_ == "PERSON"]
        self.person_keys = {p.family or p.given for p in parsed} - self.lower_words - {""}
        ei = 0
        i = 0
        n = len(doc)
        while i < n:
            if ei < len(ents) and ents[ei].start == i:
                e = ents[ei]
                ei += 1
                i = e.end
                if any(self.covered[k] for k in range(e.start, e.end)):
                    continue
                label = e.label_
                if label != "PERSON" and label in ("ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART") and \
                        len(e.text.split()) <= 3 and (self._is_known_person(e) or names.looks_like_person(e.text) or
                                                      _after_honorific(e) or self._given_alone(e)):
                    label = "PERSON"  # repeated family name mis-tagged (e.g. "Li" as ORG), "Olaf Scholz" as ORG
                if label == "PERSON":
                    self.add_person(e)
                elif label in _TYPE and ":" not in e.text and "\n" not in e.text:
                    self.add_other(e, _TYPE[label])  # "WALLACE: Let's start" is a transcript line, not a name
                continue
            t = doc[i]
            if not self.covered[i] and (_namey(t) or (_capitalised(t) and t.pos_ in ("NOUN", "ADJ", "ADV", "X"))):
                if self._lone_known(i) or self._given_mistagged(t):
                    self.add_person(doc[i:i + 1])
                elif _namey(t):
                    i = self._untagged_name(i)
                    continue
            i += 1

    def _given_mistagged(self, t) -> bool:  # type: ignore[no-untyped-def]
        """'Alice imagines ...', 'Dolly plans ...': a known given name opening a sentence (or a
        clause) that the tagger read as a common noun or adverb, acting as the subject (or an
        "adverb" right before the verb), and never written in lower case in the article."""
        opens = t.is_sent_start or (t.i > 0 and t.doc[t.i - 1].text == ",")  # "In her life, Dolly plans"
        if not opens or t.pos_ not in ("NOUN", "ADJ", "ADV") or t.lower_ in self.lower_words:
            return False
        k = names.key(t.text)
        if k not in names.given_names() or k in _WORD_NAMES:
            return False
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        return t.dep_ == "advmod" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("VERB", "AUX")

    def _is_known_person(self, e: Span) -> bool:
        words = names.clean_words(e.text)
        if not words:
            return False
        k = names.key(" ".join(words))
        if any(s >= 2 for _, s in self.alias.get(k, [])) or (len(words) == 1 and k in self.person_keys):
            return True
        # "Elisabet Ney" (tagged FAC) when "Ney" alone is tagged a person: a plain given + family name.
        return 2 <= len(words) <= 3 and names.key(words[-1]) in self.person_keys and \
            all(w.isalpha() and w.istitle() and names.key(w) not in names.ORG_WORDS for w in words)

    def _given_alone(self, e: Span) -> bool:
        """'Alice' or 'Natasha' tagged ORG/GPE: a lone given name acting in the sentence, not a place
        ("in Victoria"), not a known country alias, not a word the article also writes in lower case."""
        if len(e) != 1 or not _capitalised(e[0]) or _locative(e[0]):
            return False
        k = names.key(e.text)
        return k in names.given_names() and k not in _ALIASES and k not in self.lower_words

    def _untagged_name(self, i: int) -> int:
        """A run of capitalised proper nouns the tagger missed, starting with a known given name
        ("Maggie Anderson"): a person. Returns the next token index to look at."""
        doc = self.doc
        j = i
        while j < len(doc) and (doc[j].pos_ == "PROPN" or j == i) and _capitalised(doc[j]) and not doc[j].ent_type_ \
                and not self.covered[j]:
            j += 1
        first_ok = names.key(doc[i].text) in names.given_names() or names.looks_like_person(doc[i:j].text) or \
            (j - i >= 2 and names.honorifics().get(names.key(doc[i].text)) is not None)  # "Mr Corby", "Dame Edith"
        if first_ok and j - i == 1 and _after_honorific(doc[i:j]):
            self.add_person(doc[i - 1:j])
            return j
        after_the = i > 0 and doc[i - 1].lower_ == "the"
        hyphen_next = j < len(doc) and doc[j].text == "-"  # "Franco-German" is not a name
        if (first_ok or self._acting_pair(i, j)) and j - i <= 3 and not after_the and not hyphen_next:
            self.add_person(doc[i:j])
        elif j - i == 1 and not after_the and doc[i].is_alpha and len(doc[i]) > 2 and \
                doc[i].lower_ not in self.lower_words and not self._headline(doc[i]):
            self._provisional(doc[i:j])
        return max(j, i + 1)

    def _acting_pair(self, i: int, j: int) -> bool:
        """Two capitalised words the tagger left untagged that act as a subject, possessor or
        apposition ("Cecily Pine said"): a given and a family name more often than anything else."""
        doc = self.doc
        span = doc[i:j]
        return j - i == 2 and span.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos") and \
            all(t.is_alpha and t.is_title and t.lower_ not in self.lower_words and
                names.key(t.text) not in names.ORG_WORDS for t in span) and not self._headline(doc[i])

    def _headline(self, t) -> bool:  # type: ignore[no-untyped-def]
        """Whether t's sentence is written in title case (a headline), where capitals say nothing.

        Judged once per sentence: a long sentence may hold many candidate names."""
        if self.sent_start is None:  # one pass over the doc, not a walk to the sentence per token
            self.sent_start = [0] * len(self.doc)
            for s in self.doc.sents:
                self.sent_start[s.start:s.end] = [s.start] * len(s)
        start = self.sent_start[t.i]
        found = self.headline_sents.get(start)
        if found is None:
            found = self.headline_sents[start] = _title_case(t.sent)
        return found

    def _provisional(self, span: Span) -> None:
        """An untagged capitalised word ("Bullard's funeral"): kept only if a he/she resolves to it."""
        k = names.key(span.text)
        ci = self.okeys.get(("PROVISIONAL", k), self.okeys.get(("ORG", k)))
        if ci is None:
            ci = self._new(span.text, "OTHER")
            self.okeys[("PROVISIONAL", k)] = ci
            self.provisional.add(ci)
        self._mention(ci, span.start_char, span.end_char, span.root.i, "name")

    def _lone_known(self, i: int) -> bool:
        """An untagged word that repeats a known person's name, not inside a longer name."""
        doc = self.doc
        if not self.alias.get(names.key(doc[i].text)):
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and _capitalised(doc[j]) and not doc[j].is_sent_start:
                return False
        return not (i > 0 and doc[i - 1].lower_ == "the")

    # ---- roles, nominals --------------------------------------------------------------------
    def apply_roles(self, finds: list[roles.RoleFind]) -> None:
        for f in finds:
            c = self.ct.clusters[f.cluster]
            if c.gender is None and f.gender:
                c.gender = f.gender

    def drop_title_words(self, finds: list[roles.RoleFind]) -> None:
        """'Secretary of State Antony Blinken': 'State' is part of a title, not an organisation."""
        if not finds:
            return
        text = self.doc.text
        owner = [-1] * (len(text) + 1)  # char -> role index covering it
        for k, f in enumerate(finds):
            for x in range(f.start, f.end):
                owner[x] = k

        def inside_title(m: MentionHit) -> bool:
            k = owner[m.start]
            return k >= 0 and m.end <= finds[k].end and names.key(text[m.start:m.end]) in finds[k].title

        for c in self.ct.clusters:
            if c.type != "PERSON":
                c.mentions = [m for m in c.mentions if not inside_title(m)]
        self.ments = [m for m in self.ments if self.ct.clusters[m.cluster].type == "PERSON" or
                      not inside_title(MentionHit(m.start, m.end))]

    def org_nominals(self) -> None:
        """'the ministry' joins the latest organisation whose name ends in that word."""
        doc = self.doc
        last_by_head: dict[str, int] = {}
        for t in doc:
            if self.covered[t.i]:
                for ci in self._clusters_at(t):
                    c = self.ct.clusters[ci]
                    if c.type == "ORG":
                        last_by_head[names.key(c.name.split()[-1])] = ci
                continue
            if t.pos_ == "NOUN" and t.lower_ in _ORG_HEADS and t.lower_ in last_by_head:
                lefts = list(t.lefts)
                if len(lefts) == 1 and lefts[0].lower_ == "the":
                    self._mention(last_by_head[t.lower_], lefts[0].idx, t.idx + len(t), t.i, "nominal")
                    self.covered[t.i] = 1

    def _clusters_at(self, t) -> list[int]:  # type: ignore[no-untyped-def]
        return self._tok_cluster.get(t.i, [])

    def index_tokens(self) -> None:
        self._tok_cluster: dict[int, list[int]] = {}
        for ci, c in enumerate(self.ct.clusters):
            if c.type == "ORG":
                for m in c.mentions:
                    sp = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if sp is not None:
                        self._tok_cluster.setdefault(sp.end - 1, []).append(ci)

    def latent_people(self) -> frozenset[int]:
        """Non-person clusters that may be people the tagger mislabelled: every mention one
        capitalised proper-noun word ("Andreev" as ORG, "Carney" as GPE), not a known place alias."""
        out = set()
        doc = self.doc
        acting = {m.cluster for m in self.ments if m.cluster in self.provisional and
                  doc[m.tok].dep_ in ("nsubj", "nsubjpass", "poss", "dobj")}
        for ci, c in enumerate(self.ct.clusters):
            if ci in self.provisional:
                if ci in acting:
                    out.add(ci)  # only a word that acts (a subject or possessor) may be a person
                continue
            # Places stay places: "in Tianjin ... his" must not make Tianjin a person; a GPE is
            # considered only when no mention is locative and one acts as a subject or possessor.
            if c.type not in ("ORG", "GPE", "LOC", "OTHER") or not c.mentions:
                continue
            k = names.key(c.name)
            if k in _ALIASES or k in _ALIASES.values() or k in self.lower_words or k in names.ORG_WORDS:
                continue
            ok, agent = True, False
            for m in c.mentions:
                sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                toks = [t for t in sp if t.lower_ not in ("the", "'s", "’s")] if sp is not None else []
                if len(toks) == 3 and toks[1].text == "-" and not toks[0].whitespace_ and not toks[1].whitespace_:
                    toks = [sp.root]  # a hyphenated surname ("Gagnon-Tremblay") is one word
                elif len(toks) == 2 and c.type != "GPE" and all(t.pos_ == "PROPN" and _capitalised(t) and
                                                               t.lower_ not in names.ORG_WORDS for t in toks):
                    toks = [sp.root]  # "Dakota Fanning" tagged ORG: a two-word name may be a person too
                if len(toks) != 1 or toks[0].pos_ != "PROPN" or not _capitalised(toks[0]) or _locative(toks[0]):
                    ok = False
                    break
                agent = agent or toks[0].dep_ in _LATENT_DEPS or \
                    (toks[0].dep_ in _LATENT_DEPS_WEAK and c.type != "GPE" and not _after_the(sp))
            if ok and agent:
                out.add(ci)
        return frozenset(out)

    def lone_given_gender(self) -> frozenset[int]:
        """People named only by one word whose gender comes from the given-name list alone, where
        that word is also a common surname or given to both sexes ("Kelly was born in Kingston ...
        he"): that gender is evidence for the pronoun resolver, not a constraint."""
        out = set()
        for ci, c in enumerate(self.ct.clusters):
            parsed = self.info[ci].parsed
            if c.type == "PERSON" and c.gender and parsed and all(len(p.words) == 1 and not p.honorific and
                                                                  names.key(p.full) in _SURNAME_LIKE for p in parsed):
                out.add(ci)
        return frozenset(out)

    def finish(self) -> None:
        for c in self.ct.clusters:
            c.mentions.sort(key=lambda m: (m.start, m.end))
        self.ments.sort(key=lambda m: m.tok)


_SURNAME_CAMEL = re.compile(r"^(Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz|O'|O’|D')[A-Z][a-z]+$")


# Given names that are often surnames, or given to men and women alike in some countries (written
# for claimtrail): alone, they do not fix a person's gender.
_SURNAME_LIKE = {"kelly", "lindsay", "lindsey", "florence", "leslie", "shelley", "beverly", "carroll", "ashley",
                 "shirley", "evelyn", "kim", "jean", "marion", "vivian", "hilary", "robin", "sidney", "kerry",
                 "courtney", "whitney", "kendall", "stacey", "tracy", "meredith", "allison", "carey", "lacey",
                 "laurie", "lynn", "joyce", "jocelyn", "beverley", "hillary", "gale", "gail", "dale", "morgan",
                 "taylor", "jordan", "ryan", "wesley", "stanley", "mitchell", "nelson", "russell", "clay",
                 "grant", "glenn", "dana", "andrea", "nicola", "simone", "sasha", "jan", "maria", "rene",
                 "claude", "dominique", "noel", "emery", "avery", "paige", "madison", "harper", "blair",
                 "brooke", "cameron", "campbell", "douglas", "graham", "howard", "murray", "neville", "wallace"}

def _after_the(sp: Span) -> bool:
    """'the Democratic Coalition': a name with an article is not a person's."""
    return sp[0].lower_ == "the" or (sp.start > 0 and sp.doc[sp.start - 1].lower_ == "the")


_LATENT_DEPS = {"nsubj", "nsubjpass", "poss", "dobj"}  # a possible person acts in the sentence
# After a preposition, in a list or an apposition a word may be a person too ("with Hollis and his
# band"), but not a place ("in Springfield, Massachusetts") nor a name with "the".
_LATENT_DEPS_WEAK = {"pobj", "conj", "appos"}


def _initials(s: str) -> str:
    return "".join(w[0] for w in s.split() if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _title_case(sent: Span) -> bool:
    # Proper nouns are capitalised anyway ("Pavlik ... the Center for New Media"): judge by the
    # ordinary words only.
    words = [w for w in sent if w.is_alpha and len(w) > 3 and w.pos_ in ("NOUN", "VERB", "ADJ", "ADV")
             and not w.is_sent_start]
    return len(words) >= 3 and sum(w.is_title for w in words) * 2 > len(words)


def _capitalised(t) -> bool:  # type: ignore[no-untyped-def]
    """'Blinken', 'MacKenzie', "O'Neal" — but not 'NATO', 'PolitiFact' or 'ministry'."""
    return t.is_title or _SURNAME_CAMEL.match(t.text) is not None


def _after_honorific(span: Span) -> bool:
    """'Mr Corby', 'Dame Adeline Genee': a gendered honorific before (or opening) a capitalised name."""
    doc = span.doc
    hon = names.honorifics()
    first = names.key(span[0].text)
    if len(span) >= 2 and hon.get(first) is not None and span[1].is_title:
        return True
    return span.start > 0 and hon.get(names.key(doc[span.start - 1].text)) is not None and span[0].is_title


def _namey(t) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised proper noun, or a capitalised word the tagger called a common noun where a
    name acts ("The 20-year-old Nyro performed"): not at a sentence start, where capitals say nothing."""
    if not _capitalised(t):
        return False
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and not t.is_sent_start and t.dep_ in ("nsubj", "nsubjpass", "poss")
                                 and t.tag_ in ("NN", "NNP"))


# "-man" nationality nouns written with a capital, never a person's name on their own.
_DEMONYMS = {"scotsman", "scotswoman", "englishman", "englishwoman", "irishman", "irishwoman", "frenchman",
             "frenchwoman", "dutchman", "dutchwoman", "welshman", "welshwoman", "cornishman", "manxman"}


def _not_a_name(word: str) -> bool:
    """A lone title ('Chairman', 'Professor') or demonym ('Scotsman')."""
    k = names.key(word).rstrip(".")
    return k in names.titles() or k in names.kin_nouns() or k in names.honorifics() or k in _DEMONYMS \
        or k == "emeritus"


# Given names that are also everyday words: at a sentence start the word is the likelier reading.
_WORD_NAMES = {"will", "mark", "grace", "frank", "bill", "rose", "amber", "heather", "holly", "hunter", "iris",
               "lily", "ruby", "violet", "guy", "rob", "pat", "ray", "reed", "carol", "jack", "victoria", "hope",
               "faith", "joy", "may", "june", "april", "summer", "dawn", "georgia", "virginia", "florence"}
_FAMILY = {"wife", "husband", "widow", "widower", "mother", "father", "son", "daughter", "brother", "sister",
           "aunt", "uncle", "niece", "nephew", "grandmother", "grandfather", "granddaughter", "grandson",
           "stepmother", "stepfather", "stepson", "stepdaughter", "cousin", "fiancé", "fiancée", "fiance",
           "fiancee", "spouse", "parents", "mom", "dad"}


def _kin_introduced(span: Span) -> bool:
    """'her husband, Oliver Hailey', 'son of George Johnson', 'married Jack Temerlin': a person
    named as another's relative (looked for in the four words before the name, same sentence)."""
    doc = span.doc
    for k in range(span.start - 1, max(span.start - 5, -1), -1):
        t = doc[k]
        if t.lower_ in _FAMILY or t.lemma_ == "marry":
            return True
        if t.is_sent_start:
            break
    return False


def _locative(t) -> bool:  # type: ignore[no-untyped-def]
    """'in Tianjin', 'from Busan': a place, whatever the tagger said."""
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "from", "to", "near", "across", "outside", "inside")


def _given_compatible(a: str, b: str) -> bool:
    """'j.' ~ 'john', 'john f.' ~ 'john'; different given names are different people."""
    if not a or not b:
        return True
    x, y = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    if x == y:
        return True
    return (len(x) == 1 or len(y) == 1) and x[0] == y[0]


def build(doc: Doc) -> tuple[_Builder, list[roles.RoleFind]]:
    ct = analysis(doc)
    b = _Builder(doc, ct)
    b.names_pass()
    finds = roles.find_roles(doc, b.person_spans)
    b.apply_roles(finds)
    b.drop_title_words(finds)
    nominals.link(doc, finds, b.person_spans, b.covered, [c.gender for c in ct.clusters],
                  lambda ci, start, end, tok: b._mention(ci, start, end, tok, "nominal"))
    b.apply_roles(finds)  # a role given by a news lead may tell the person's gender
    b.index_tokens()
    b.org_nominals()
    b.finish()
    return b, finds


def _compact(ct: Analysis, finds: list[roles.RoleFind], provisional: set[int]) -> None:
    """Drop clusters left with no mention, and provisional ones no pronoun made a person;
    renumber the cached role finds to match."""
    keep = [i for i, c in enumerate(ct.clusters) if c.mentions and (i not in provisional or c.type == "PERSON")]
    if len(keep) == len(ct.clusters):
        return
    new = {old: k for k, old in enumerate(keep)}
    ct.clusters[:] = [ct.clusters[i] for i in keep]
    finds[:] = [dataclasses.replace(f, cluster=new[f.cluster]) for f in finds if f.cluster in new]


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    b, finds = build(doc)
    pronouns.resolve(doc, b.ct, b.ments, latent=b.latent_people(), weak=b.lone_given_gender())
    _compact(b.ct, finds, b.provisional)
