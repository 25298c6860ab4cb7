"""Third-person pronoun resolution by rules: agreement, syntax, salience, speaker turns.

No coreference model can be had offline, so this is a Hobbs/Lappin-Leass style scorer. For each
pronoun, in text order, the candidate mentions of the last few sentences (names, nominals and
pronouns already resolved) are scored:
  - agreement: gender (from honorifics, titles, given names, earlier pronouns) and number;
  - syntax: a non-reflexive pronoun is not a co-argument of the same verb as its antecedent
    (nor a member of its joint subject, nor the subject when the pronoun is the object of a
    preposition on that verb, nor the subject when it is a possessive inside the predicate noun);
    a pronoun inside "who ..." goes to the person the relative clause describes;
    a pronoun inside a quotation is not the speaker of that quotation;
  - salience: recency (sentence distance), subject position, parallel roles, how often the
    entity was mentioned, whether it is the article's first-named person;
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
    """1 for tokens inside quotation marks (straight quotes toggle; curly ones open and close)."""
    mask = bytearray(len(doc))
    inside = False
    for t in doc:
        if t.text in _QUOTES:
            if t.text in _OPEN:
                inside = True
            elif t.text in _CLOSE:
                inside = False
            else:
                inside = not inside
            continue
        if t.text.startswith("\n\n") and t.text.strip() == "":
            inside = inside and t.text.count("\n") < 2  # a paragraph break closes a runaway quote
        mask[t.i] = 1 if inside else 0
    return mask


def _implicit_subject_verb(t: Token) -> Token | None:
    """For an object pronoun of a subjectless participle or infinitive ("..., eliminating him"),
    the verb whose subject is also the participle's understood subject."""
    if t.dep_ not in ("dobj", "pobj", "dative"):
        return None
    v = t.head if t.dep_ != "pobj" else t.head.head
    if v.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJ for c in v.children):
        return None
    steps = 0
    while v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and v.head.i != v.i and steps < 4:
        v, steps = v.head, steps + 1
        if any(c.dep_ in _SUBJ for c in v.children):
            return v
    return None


def _in_relative_of(t: Token, m: Token) -> str | None:
    """Whether t sits in a relative clause or apposition attached to m (bounded walk up):
    "subject" when the clause's subject is the relative pronoun standing for m ("Murnau, who had
    to finish the film on his own": his is Murnau), "other" otherwise ("Grable, with whom she
    trained": she is not Grable), None when t is not inside such a clause."""
    h, steps = t, 0
    while h.i != h.head.i and steps < 8:
        if h.dep_ in ("relcl", "appos", "acl") and h.head.i == m.i:
            if h.dep_ == "relcl" and any(c.dep_ in _SUBJ and c.lower_ in _REL_SUBJ and c.i != t.i for c in h.children):
                return "subject"
            return "other"
        h, steps = h.head, steps + 1
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
            latent: frozenset[int] = frozenset()) -> None:
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
    first = _pass(doc, ct, ments, w, sent, quoted, topic, gender, [None] * len(gender), latent)
    votes: dict[int, list[str]] = {}
    for _, ci, pg in first:
        if pg in ("m", "f"):
            votes.setdefault(ci, []).append(pg)
    soft: list[str | None] = [None] * len(gender)
    for ci, vs in votes.items():
        if gender[ci] is None and len(set(vs)) == 1:
            soft[ci] = vs[0]
    for t, ci, pg in _pass(doc, ct, ments, w, sent, quoted, topic, gender, soft, latent):
        c = ct.clusters[ci]
        if ci in latent and pg in ("m", "f") and c.type != "PERSON":
            c.type = "PERSON"  # "Andreev (tagged ORG) returned ... He placed 8th": a person after all
        c.mentions.append(MentionHit(t.idx, t.idx + len(t), "pronoun"))
        if c.gender is None and pg in ("m", "f"):
            c.gender = pg
    for c in ct.clusters:
        c.mentions.sort(key=lambda m: (m.start, m.end))


def _pass(doc: Doc, ct: Analysis, ments: list[Ment], w: Weights, sent: list[int], quoted: bytearray,
          topic: int | None, gender: list[str | None], soft: list[str | None],
          latent: frozenset[int]) -> list[tuple[Token, int, str]]:
    from .entities import Ment

    counts = [0] * len(ct.clusters)
    hist: list[Ment] = []
    out: list[tuple[Token, int, str]] = []
    j = 0
    for t in doc:
        while j < len(ments) and ments[j].tok < t.i:
            hist.append(ments[j])
            counts[ments[j].cluster] += 1
            j += 1
        pg = _PRON.get(t.lower_)
        if pg is None or t.pos_ != "PRON" or (pg == "n" and _pleonastic(t)):
            continue
        best = _best(doc, t, pg, hist, ments, j, sent, quoted, ct, counts, topic, w, gender, soft, latent)
        if best is None:
            continue
        out.append((t, best, pg))
        if gender[best] is None and soft[best] is None and pg in ("m", "f"):
            soft[best] = pg
        counts[best] += 1
        hist.append(Ment(t.idx, t.idx + len(t), t.i, best, "pronoun"))
    return out


TRACE: list[tuple[int, int, dict[str, float]]] | None = None  # set by a tuning script to see the features


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


def _best(doc: Doc, t: Token, pg: str, hist: list[Ment], ments: list[Ment], j: int, sent: list[int], quoted: bytearray,
          ct: Analysis, counts: list[int], topic: int | None, w: Weights,
          gender: list[str | None], soft: list[str | None], latent: frozenset[int]) -> int | None:
    ps = sent[t.i]
    window = w.window if pg in ("m", "f") else 1
    p_subj = t.dep_ in _SUBJ
    p_poss = t.dep_ == "poss"
    p_head = _clause_head(t)
    implicit = _implicit_subject_verb(t)
    controller = t.doc[t.i - 1] if t.i > 0 and t.lower_ in ("him", "her", "them") and t.dep_ != "poss" \
        and t.doc[t.i - 1].pos_ == "VERB" else None
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
            if implicit is not None and mt.dep_ in _SUBJ and mt.head.i == implicit.i:
                continue  # "Justin injures Tim, eliminating him": him is not Justin
            if controller is not None and mt.dep_ in _SUBJ and mt.head.i == controller.i:
                continue  # "Jacques allows him to sit": him is not Jacques
            rel = _in_relative_of(t, mt)
            if rel == "other":
                continue  # "Grable, with whom she trained": she is not Grable
        f = _features(t, mt, m, d, pg, p_subj, p_poss, p_head, quoted, counts, topic, gender, soft, latent)
        if d == 0 and rel == "subject":
            f["rel_subj"] = 1
        s = sum(getattr(w, k) * v for k, v in f.items())
        if TRACE is not None:
            TRACE.append((t.i, m.cluster, f))
        if s > scores.get(m.cluster, -1e9):
            scores[m.cluster] = s
    if pg in ("m", "f"):
        for k in range(j, len(ments)):  # cataphora: "After he resigned, Park ..." (same sentence only)
            m = ments[k]
            if sent[m.tok] != ps:
                break
            mt = doc[m.tok]
            c = ct.clusters[m.cluster]
            if not _agrees(c, pg, gender[m.cluster], m.cluster in latent) or mt.dep_ not in _SUBJ or not _governs(mt.head, t):
                continue
            if p_subj and _clause_head(mt).i == p_head.i:
                continue
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
