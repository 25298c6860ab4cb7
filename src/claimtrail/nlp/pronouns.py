"""Third-person pronoun resolution by rules: agreement, syntax, salience, speaker turns.

No coreference model can be had offline, so this is a Hobbs/Lappin-Leass style scorer. For each
pronoun, in text order, the candidate mentions of the last few sentences (names, nominals and
pronouns already resolved) are scored:
  - agreement: gender (from honorifics, titles, given names, earlier pronouns) and number;
  - syntax: a non-reflexive pronoun is not a co-argument of the same verb as its antecedent
    (nor a member of its joint subject, nor the subject when the pronoun is the object of a
    preposition on that verb, nor the subject when it is a possessive inside the predicate noun);
    a pronoun inside "who ..." (or a participle or apposition) goes to the person it describes,
    unless it is an argument of the relative clause's own verb ("Vivian, who attacks her");
    the object of an infinitive is not its understood subject ("asked Eleanor to restore her");
    a pronoun inside a quotation is not the speaker of that quotation;
  - salience: recency (sentence distance), subject position, parallel roles, how often the
    entity was mentioned, whether it is the article's first-named person; a subject pronoun of a
    subordinate clause prefers the subject of the clause above it ("Haslam was lonely while she
    toured"), a possessive mildly prefers the nearest subject above it ("Peggy knows that Stacey
    must look after her daughter"); "X and his Y" gives his to X;
  - speaker turns: the subject of a speech verb in the previous sentence ("… said Ruiz. She added").
Cost: each pronoun looks at a bounded window of mentions, so the pass is linear in the document.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .state import Analysis, MentionHit

if TYPE_CHECKING:
    from .entities import Ment

_PRON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
         "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p", "it": "n", "its": "n", "itself": "n"}
_REFLEXIVE = {"himself", "herself", "themselves", "itself"}
_SUBJ = {"nsubj", "nsubjpass"}
_SPEECH = {"say", "add", "tell", "state", "write", "explain", "note", "insist", "argue", "claim", "reply", "ask",
           "announce", "confirm", "deny", "warn", "declare", "continue", "post", "tweet", "respond", "comment"}
_BE_LIKE = {"be", "seem", "appear", "remain", "become", "take", "rain", "matter", "look"}
_REL_SUBJ = {"who", "that", "which"}
_QUOTES = {'"', "“", "”", "«", "»", "``", "''"}
_OPEN, _CLOSE = {"“", "``", "«"}, {"”", "''", "»"}


@dataclass
class Weights:
    """Scoring weights (tuned on GAP development; see eval/gap.py)."""
    window: int = 3  # sentences looked back
    dist: float = 2.1  # per sentence of distance
    tokdist: float = 0.07  # per token of distance within a sentence
    subj: float = 0.8  # candidate is a subject
    parallel: float = 1.0  # candidate and pronoun are both subjects (or both possessives)
    pobj: float = -0.3  # candidate inside a prepositional phrase
    poss: float = 0.1  # candidate is a possessor ("Simon's class")
    gender: float = 0.3  # candidate's known gender matches
    clash: float = -3.0  # the gender learned from earlier pronouns (not from the name) disagrees
    count: float = 0.5  # log of mentions so far
    topic: float = 0.2  # the first person named in the text
    speaker: float = 0.0  # subject of a speech verb in the previous sentence
    chain: float = -1.1  # candidate is itself a resolved pronoun (a continuing chain)
    dobj: float = 1.2  # candidate is a direct object
    quoted: float = -1.0  # candidate inside a quotation, pronoun outside it
    main: float = 0.5  # candidate is the subject of its sentence's main verb
    clause_subj: float = 0.8  # possessive pronoun, candidate is the subject of the same clause
    conj: float = -0.2  # candidate is a later member of a list ("X, Y and Z")
    appos: float = 0.2  # candidate is an apposition
    compound: float = 0.5  # candidate modifies another noun ("the Smith report")
    cataphora: float = 0.3  # "In his list, Christgau named ...": the later subject that governs the pronoun
    latent: float = -0.5  # candidate is a lone capitalised word the tagger called ORG/GPE
    fronted: float = 1.0  # the pronoun sits in a phrase fronted before the main subject
    dative: float = 1.2  # candidate is an indirect object
    clause_obj: float = 0.6  # possessive pronoun, candidate is an object of the same clause
    attr: float = -0.6  # candidate is a predicate noun ("the winner was Smith")
    agent: float = 0.0  # candidate is a passive agent ("by Smith")
    d1: float = -0.9  # candidate one sentence back
    subj0: float = -0.6  # subject pronoun, candidate in the same sentence (usually the previous subject)
    rel_subj: float = 0.8  # pronoun inside "who ..." attached to the candidate ("Murnau, who ... on his own")
    conj_poss: float = 2.0  # "X and his Y": candidate is the conjunct beside the possessive's noun
    gov_subj: float = 1.2  # subject pronoun of a subordinate clause, candidate the subject of the clause above
    gov_poss: float = 0.3  # possessive pronoun, candidate the nearest subject above it ("Peggy realises that
    # Stacey needs to look after her daughter": Stacey)


W = Weights()


def _clause_head(t: Token) -> Token:
    """The verb whose arguments t belongs to."""
    h = t.head
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i and h.dep_ not in ("ROOT",):
        if h.dep_ in ("prep", "pobj", "poss", "compound", "amod", "appos"):
            return h  # inside a noun/prepositional phrase: not a direct co-argument
        h = h.head
    return h


def _quote_mask(doc: Doc) -> bytearray:
    """1 for tokens inside quotation marks (straight quotes toggle; curly ones and ``…'' open and close)."""
    mask = bytearray(len(doc))
    inside = False
    texts = [t.text for t in doc]  # one string per token: Token.text builds a new one on each access
    n = len(texts)
    for i, x in enumerate(texts):
        if x == "`":  # ``like this'' cut into two backticks opens a quote; a lone one is an apostrophe
            if i + 1 < n and texts[i + 1] == "`" and not doc[i].whitespace_:
                inside = True
            continue
        if x in _QUOTES:
            if x in _OPEN:
                inside = True
            elif x in _CLOSE:
                inside = False
            else:
                inside = not inside
            continue
        if x[:2] == "\n\n" and x.strip() == "":
            inside = inside and x.count("\n") < 2  # a paragraph break closes a runaway quote
        if inside:
            mask[i] = 1
    return mask


def _implicit_subject(t: Token) -> Token | None:
    """For an object pronoun of a subjectless participle or infinitive, its understood subject:
    the subject above ("Justin injures Tim, eliminating him": Justin), or, for an infinitive under
    a verb with an object, that object ("asked Eleanor to restore her": Eleanor)."""
    if t.dep_ not in ("dobj", "pobj", "dative"):
        return None
    v = t.head if t.dep_ != "pobj" else t.head.head
    if v.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJ for c in v.children):
        return None
    steps = 0
    while v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and v.head.i != v.i and steps < 4:
        if v.dep_ == "xcomp":
            obj = next((c for c in v.head.children if c.dep_ in ("dobj", "dative") and c.i != t.i), None)
            if obj is not None:
                return obj  # object control: "forced Amanda to leave her"
        v, steps = v.head, steps + 1
        subj = next((c for c in v.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            return subj
    return None


def _in_relative_of(t: Token, m: Token) -> str | None:
    """Whether t sits in a relative clause, participle or apposition attached to m (bounded walk
    up): "subject" when m is that clause's understood subject ("Murnau, who had to finish the film
    on his own"; "Berman, running in her first race"; "Amy, a wife bored with her husband": the
    pronoun is m), "other" when it is not ("Grable, with whom she trained"; "Smith, his friend"),
    None when t is not inside such a clause."""
    h, steps = t, 0
    while h.i != h.head.i and steps < 8:
        if h.dep_ in ("relcl", "appos", "acl") and _described(h).i == m.i:
            if h.dep_ == "relcl":
                subj = [c for c in h.children if c.dep_ in _SUBJ and c.i != t.i]
                if any(c.lower_ in _REL_SUBJ for c in subj):
                    # "Vivian, who attacks her": her is an argument of the verb whose subject
                    # stands for Vivian, so it is not Vivian (binding, as in a main clause)
                    coarg = t.dep_ in ("dobj", "dative") and t.head.i == h.i and t.lower_ not in _REFLEXIVE
                    return "other" if coarg else "subject"
                return "other"
            if h.dep_ == "acl":  # a participle's understood subject is the noun it modifies
                return "other" if any(c.dep_ in _SUBJ for c in h.children) else "subject"
            return "other" if t.dep_ == "poss" and t.head.i == h.i else "subject"
        h, steps = h.head, steps + 1
    return None


def _described(h: Token) -> Token:
    """The noun a relative clause, participle or apposition h describes: its head, except that a
    clause opening "with whom" describes the noun just before it, wherever the parser hung it
    ("reunited Taylor with Savoca, with whom she had worked": Savoca)."""
    left = h.left_edge
    if h.dep_ == "relcl" and left.dep_ == "prep" and left.i > 1:
        k = left.i - 1
        if h.doc[k].is_punct:
            k -= 1
        if h.doc[k].pos_ in ("PROPN", "NOUN") and k != h.head.i:
            return h.doc[k]
    return h.head


def _gov_subject(t: Token, skip_own: bool = False) -> int | None:
    """The nearest subject of a clause above the pronoun (bounded walk up the heads), not the
    pronoun itself: "Haslam was experiencing loneliness whilst she was on tour" gives Haslam;
    "Michael said that Steingut used it to hide his interest" gives Steingut. A relative "who"
    stands for the noun its clause describes."""
    h, steps = t, 0
    while h.i != h.head.i and steps < 10:
        h, steps = h.head, steps + 1
        if h.pos_ not in ("VERB", "AUX"):
            continue
        for c in h.children:
            if c.dep_ in _SUBJ and c.i != t.i:
                if skip_own and c.left_edge.i <= t.i <= c.right_edge.i:
                    continue  # "as her scandals have been in the news": not the phrase holding her
                if c.lower_ in _REL_SUBJ and h.dep_ == "relcl":
                    return h.head.i
                return c.i
    return None


def _governs(v: Token, t: Token) -> bool:
    """Whether t lies in v's subtree before v's subject (bounded walk up from t)."""
    h, steps = t, 0
    while h.i != h.head.i and steps < 12:
        h = h.head
        steps += 1
        if h.i == v.i:
            return True
    return False


def _pleonastic(t: Token) -> bool:
    return t.lower_ == "it" and (t.dep_ == "expl" or t.head.lemma_ in _BE_LIKE or
                                 t.head.lower_ in ("'s", "’s", "is", "was", "'ll", "would", "will"))


def resolve(doc: Doc, ct: Analysis, ments: list[Ment], w: Weights | None = None,
            latent: frozenset[int] = frozenset(), weak: frozenset[int] = frozenset()) -> None:
    """Add resolved pronouns to ct's clusters. Two passes: the first learns each person's gender
    from the pronouns it wins anywhere in the text ("Rivera ... she"), the second uses that
    gender from the start, so an early "he" does not go to a woman named only by surname."""
    w = w or W
    sent = [0] * len(doc)
    for k, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent[i] = k
    quoted = _quote_mask(doc)
    people = [i for i, c in enumerate(ct.clusters) if c.type == "PERSON"]
    topic = min(people, key=lambda i: ct.clusters[i].mentions[0].start) if people else None
    # Gender said by a name, honorific or title is a hard constraint; gender learned from the
    # pronouns a person won is only evidence (one wrong "her" must not lock a man out for good).
    gender = [c.gender for c in ct.clusters]
    # ... and so is the gender of a one-word name from the given-name list (often a surname)
    name_soft: list[str | None] = [None] * len(gender)
    for ci in weak:
        name_soft[ci], gender[ci] = gender[ci], None
    memo: dict[int, _Syntax] = {}  # both passes see the same pronouns: read their syntax once
    prons = [(t, pg) for t in doc if (pg := _PRON.get(t.lower_)) is not None and t.pos_ == "PRON"
             and not (pg == "n" and _pleonastic(t))]
    first = _pass(doc, ct, ments, w, sent, quoted, topic, gender, list(name_soft), latent, memo, prons)
    votes: dict[int, list[str]] = {}
    for _, ci, pg in first:
        if pg in ("m", "f"):
            votes.setdefault(ci, []).append(pg)
    soft = list(name_soft)
    won: dict[int, set[str]] = {}
    for ci, vs in votes.items():
        if gender[ci] is None and len(set(vs)) == 1:
            soft[ci] = vs[0]
    for t, ci, pg in _pass(doc, ct, ments, w, sent, quoted, topic, gender, soft, latent, memo, prons):
        c = ct.clusters[ci]
        if ci in latent and pg in ("m", "f") and c.type != "PERSON":
            c.type = "PERSON"  # "Andreev (tagged ORG) returned ... He placed 8th": a person after all
        c.mentions.append(MentionHit(t.idx, t.idx + len(t), "pronoun"))
        if c.gender is None and pg in ("m", "f"):
            c.gender = pg
        if ci in weak and pg in ("m", "f"):
            won.setdefault(ci, set()).add(pg)
    for ci, gs in won.items():
        if len(gs) == 1 and name_soft[ci] not in gs:
            ct.clusters[ci].gender = next(iter(gs))  # "Kelly ... he ... him": the pronouns say who
    for c in ct.clusters:
        c.mentions.sort(key=lambda m: (m.start, m.end))


def _pass(doc: Doc, ct: Analysis, ments: list[Ment], w: Weights, sent: list[int], quoted: bytearray,
          topic: int | None, gender: list[str | None], soft: list[str | None],
          latent: frozenset[int], memo: dict[int, _Syntax],
          prons: list[tuple[Token, str]]) -> list[tuple[Token, int, str]]:
    from .entities import Ment

    counts = [0] * len(ct.clusters)
    hist: list[Ment] = []
    out: list[tuple[Token, int, str]] = []
    j = 0
    for t, pg in prons:
        while j < len(ments) and ments[j].tok < t.i:
            hist.append(ments[j])
            counts[ments[j].cluster] += 1
            j += 1
        best = _best(doc, t, pg, hist, ments, j, sent, quoted, ct, counts, topic, w, gender, soft, latent, memo)
        if best is None:
            continue
        out.append((t, best, pg))
        if gender[best] is None and soft[best] is None and pg in ("m", "f"):
            soft[best] = pg
        counts[best] += 1
        hist.append(Ment(t.idx, t.idx + len(t), t.i, best, "pronoun"))
    return out


TRACE: list[tuple[int, int, dict[str, float], int]] | None = None  # set by a tuning script to see the features


def _features(t: Token, mt: Token, m: Ment, d: int, pg: str, p_subj: bool, p_poss: bool, p_head: Token,
              quoted: bytearray, counts: list[int], topic: int | None, gender: list[str | None],
              soft: list[str | None], latent: frozenset[int]) -> dict[str, float]:
    """What speaks for mention m (d sentences back) as the antecedent of pronoun t; each key is a
    field of Weights."""
    f: dict[str, float] = {"dist": -d, "tokdist": -(t.i - m.tok if d == 0 else 0)}
    if quoted[m.tok] and not quoted[t.i]:
        f["quoted"] = 1
    if mt.dep_ == "appos" and mt.head.dep_ in _SUBJ:
        f["appos"] = 1
        mt = mt.head  # "The utility's chief executive, Rui Almeida, confirmed": Almeida acts as the subject
    dep = mt.dep_
    if dep in _SUBJ:
        f["subj"] = 1
        if mt.head.dep_ == "ROOT" or (mt.head.dep_ == "conj" and mt.head.head.dep_ == "ROOT"):
            f["main"] = 1
        if d == 0 and p_poss and _clause_head(mt).i == p_head.i:
            f["clause_subj"] = 1
        if p_subj:
            f["parallel"] = 1
        if d == 1 and mt.head.lemma_ in _SPEECH:
            f["speaker"] = 1
    elif dep in ("dobj", "dative"):
        f["dobj" if dep == "dobj" else "dative"] = 1
        if d == 0 and p_poss and _clause_head(mt).i == p_head.i:
            f["clause_obj"] = 1  # "the coach gave Alleway her first cap"
    elif dep == "attr":
        f["attr"] = 1
    elif dep == "pobj" and mt.head.lower_ == "by":
        f["agent"] = 1  # "was named by Smith": an agent, not a mere place in a phrase
    elif dep == "conj":
        f["conj"] = 1
    elif dep == "appos":
        f["appos"] = 1
    elif dep == "compound":
        f["compound"] = 1
    elif dep == "pobj":
        f["pobj"] = 1
    elif dep == "poss":
        f["poss"] = 1
        if p_poss:
            f["parallel"] = 1
    g = gender[m.cluster] or soft[m.cluster]
    if g is not None and pg in ("m", "f"):
        f["gender" if g == pg else "clash"] = 1
    if m.cluster in latent and pg in ("m", "f"):
        f["latent"] = 1
    if m.kind == "pronoun":
        f["chain"] = 1
    if d == 1:
        f["d1"] = 1  # distance is not linear: the previous sentence is much closer than two back
    elif d == 0 and p_subj:
        f["subj0"] = 1
    f["count"] = math.log1p(counts[m.cluster])
    if m.cluster == topic:
        f["topic"] = 1
    return f


def _gender_score(w: Weights, pg: str, hard: str | None, soft: str | None) -> float:
    g = hard or soft
    if g is None or pg not in ("m", "f"):
        return 0.0
    return w.gender if g == pg else w.clash


def _agrees(c, pg: str, g: str | None, latent: bool = False) -> bool:  # type: ignore[no-untyped-def]
    if pg in ("m", "f"):
        return (c.type == "PERSON" or latent) and not c.plural and g in (None, pg)
    if pg == "p":
        return c.plural
    return c.type in ("ORG", "GPE") and not c.plural


_Syntax = tuple[bool, bool, Token, Token | None, int | None, Token | None]


def _syntax(t: Token, pg: str) -> _Syntax:
    """What the parse says about pronoun t: subject?, possessive?, its clause head, the understood
    subject of its verb, the subject of the clause above, and a verb right before it."""
    p_subj = t.dep_ in _SUBJ
    p_poss = t.dep_ == "poss"
    # Only for subject pronouns: a possessive's own clause subject is clause_subj already, and
    # measured on GAP development the bonus did not help possessives or objects.
    gov = _gov_subject(t) if pg in ("m", "f") and p_subj else \
        _gov_subject(t, skip_own=True) if pg in ("m", "f") and p_poss else None
    controller = t.doc[t.i - 1] if t.i > 0 and t.lower_ in ("him", "her", "them") and t.dep_ != "poss" \
        and t.doc[t.i - 1].pos_ == "VERB" else None
    return p_subj, p_poss, _clause_head(t), _implicit_subject(t), gov, controller


def _best(doc: Doc, t: Token, pg: str, hist: list[Ment], ments: list[Ment], j: int, sent: list[int], quoted: bytearray,
          ct: Analysis, counts: list[int], topic: int | None, w: Weights,
          gender: list[str | None], soft: list[str | None], latent: frozenset[int],
          memo: dict[int, _Syntax]) -> int | None:
    ps = sent[t.i]
    window = w.window if pg in ("m", "f") else 1
    syn = memo.get(t.i)
    if syn is None:
        syn = memo[t.i] = _syntax(t, pg)
    p_subj, p_poss, p_head, implicit, gov, controller = syn
    scores: dict[int, float] = {}
    for m in reversed(hist):
        d = ps - sent[m.tok]
        if d > window:
            break
        c = ct.clusters[m.cluster]
        if not _agrees(c, pg, gender[m.cluster], m.cluster in latent):
            continue
        mt = doc[m.tok]
        rel = None
        if d == 0:
            if t.lower_ in _REFLEXIVE:
                pass
            elif not p_poss and mt.dep_ in _SUBJ | {"dobj"} and _clause_head(mt).i == p_head.i:
                continue  # "Smith praised him": him is not Smith
            elif not p_poss and mt.dep_ == "conj" and mt.head.dep_ in _SUBJ and _clause_head(mt.head).i == p_head.i:
                continue  # "he and Daisy beat her": her is not Daisy either
            elif t.dep_ == "pobj" and mt.dep_ in _SUBJ and t.head.head.i == mt.head.i and t.head.head.pos_ == "VERB":
                continue  # "Smith spoke to her": her is not Smith
            elif p_poss and t.head.dep_ in ("attr", "oprd") and mt.dep_ in _SUBJ and mt.head.i == t.head.head.i:
                continue  # "Edith was appointed her successor": her is not Edith
            if quoted[t.i] and not quoted[m.tok]:
                continue  # "“He left,” said Ruiz": he is not the speaker
            if implicit is not None and (mt.i == implicit.i or (mt.dep_ == "conj" and mt.head.i == implicit.i)):
                continue  # "Justin injures Tim, eliminating him"; "asked Eleanor to restore her"
            if controller is not None and mt.dep_ in _SUBJ and mt.head.i == controller.i:
                continue  # "Jacques allows him to sit": him is not Jacques
            rel = _in_relative_of(t, mt)
            if rel == "other":
                continue  # "Grable, with whom she trained": she is not Grable
        f = _features(t, mt, m, d, pg, p_subj, p_poss, p_head, quoted, counts, topic, gender, soft, latent)
        if d == 0 and rel == "subject":
            f["rel_subj"] = 1
        if d == 0 and p_poss and t.head.dep_ == "conj" and t.head.head.i == mt.i:
            f["conj_poss"] = 1  # "Paul Weston and his Orchestra": the possessor is the first conjunct
        if d == 0 and gov is not None and (mt.i == gov or (mt.dep_ == "appos" and mt.head.i == gov)):
            f["gov_subj" if p_subj else "gov_poss"] = 1
        s = sum(getattr(w, k) * v for k, v in f.items())
        if TRACE is not None:
            TRACE.append((t.i, m.cluster, f, m.tok))
        if s > scores.get(m.cluster, -1e9):
            scores[m.cluster] = s
    if pg in ("m", "f"):
        for k in range(j, len(ments)):  # cataphora: "After he resigned, Park ..." (same sentence only)
            m = ments[k]
            if sent[m.tok] != ps:
                break
            mt = doc[m.tok]
            c = ct.clusters[m.cluster]
            if mt.dep_ == "poss" and mt.head.dep_ in _SUBJ:
                mt = mt.head  # "Throughout his stay, Panizza's health ...": the subject's owner
            if not _agrees(c, pg, gender[m.cluster], m.cluster in latent) or mt.dep_ not in _SUBJ or not _governs(mt.head, t):
                continue
            if p_subj and _clause_head(mt).i == p_head.i:
                continue
            if p_poss and mt.left_edge.i <= t.i < mt.i:
                continue  # "Though his brother Angus is better known": his is not Angus
            s = w.cataphora + w.subj + _gender_score(w, pg, gender[m.cluster], soft[m.cluster]) + w.count * math.log1p(counts[m.cluster]) \
                + (w.topic if m.cluster == topic else 0)
            if mt.head.dep_ == "ROOT" and not (mt.left_edge.i <= t.i <= mt.right_edge.i):
                s += w.fronted  # "Despite his injury, Byas played on": a fronted phrase before the subject
            if s > scores.get(m.cluster, -1e9):
                scores[m.cluster] = s
            break
    if not scores and pg in ("m", "f"):
        own = t.head if p_poss else t  # "his friend, the writer Graf": Graf is inside his own phrase
        for k in range(j, len(ments)):  # nothing before it: the first agreeing person later in the sentence
            m = ments[k]
            if sent[m.tok] != ps:
                break
            if own.left_edge.i <= m.tok <= own.right_edge.i:
                continue
            if _agrees(ct.clusters[m.cluster], pg, gender[m.cluster], m.cluster in latent):
                return m.cluster
    if not scores:
        return None
    return max(scores, key=lambda k: scores[k])
