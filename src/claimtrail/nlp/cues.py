"""The attribution cue lexicon (``lexicons/cues.tsv``) and the pass that finds its cues in a Doc."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .attr_parse import viewpoint

PREFIX = {"noun": "n:", "adjective": "j:", "adverb": "r:"}  # lexicon keys by part of speech
# lemmas the small model gets wrong for cue words ("retweeted" -> "retweete", "extolled" -> "extoll")
LEMMA_FIXES = {"retweete": "retweet", "extoll": "extol"}


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


@lru_cache(maxsize=1)
def _key_hashes() -> frozenset[int]:
    """String hashes of every word that can open a cue (lexicon lemmas and forms, "accord", the
    viewpoint prepositions): a token whose lemma or lower-case form is none of these is skipped
    without building a Token object (most of the stage's cost was in that per-token walk)."""
    single, multi = lexicon()
    words = {k.split(":", 1)[-1] for k in single} | set(multi) | {"accord", "hop", "to", "in"} | set(LEMMA_FIXES)
    return frozenset(get_string_id(w) for w in words)


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form opens some cue."""
    keys = _key_hashes()
    arr = doc.to_array([LEMMA, LOWER])
    return [i for i, (lem, low) in enumerate(arr.tolist()) if lem in keys or low in keys]


# --- context checks: senses of a lexicon word that report nothing -------------------------------
# Each check sees the cue token and says whether it may count as a cue here; it looks only at the
# token's own children (and theirs), so the pass stays linear in the document's length.

def _prep_obj(t: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of a preposition among ``preps`` hung on ``t`` ("attack *on* X" -> X)."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _is_person(t: Token) -> bool:
    return t.ent_type_ == "PERSON" or t.pos_ == "PRON" and t.lower_ not in ("it", "this", "that", "which")


def _owned(t: Token) -> bool:
    """A noun with a holder ("her critique of …", "the group's assessment") or a 'that' clause."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return any(c.dep_ == "poss" for c in t.children) or nxt is not None and nxt.lower_ == "that"


def _plan_noun(t: Token) -> bool:
    """"her plan to cut taxes", "the party's plan": an intention someone holds, not "the plan is …"."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return any(c.dep_ == "poss" for c in t.children) or nxt is not None and nxt.lower_ == "to"


def _cast(t: Token) -> bool:
    """"cast him as a liar", "cast doubt on …", "cast a ballot for X": not "cast their ballots"."""
    kids = list(t.children)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in kids) or \
            obj is not None and any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
        return True
    if obj is not None and obj.lemma_.lower() in ("doubt", "aspersion", "blame", "suspicion"):
        return True
    return _prep_obj(t, ("for", "against")) is not None or \
        obj is not None and _prep_obj(obj, ("for", "against")) is not None


def _attack_noun(t: Token) -> bool:
    """A verbal attack has a holder ("his attacks on …") or a person or a person's quality as its
    target ("attacks on Clinton", "attacks on her record"); "the attack on the embassy" is violence."""
    if any(c.dep_ == "poss" for c in t.children):
        return True
    obj = _prep_obj(t, ("on", "against", "about"))
    return obj is not None and (_is_person(obj) or any(c.dep_ == "poss" for c in obj.children))


def _embrace(t: Token) -> bool:
    """Taking up a view or a policy, not hugging someone ("embraced him")."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    return obj is None or not _is_person(obj)


def _see(t: Token) -> bool:
    """"sees the deal as a win", "sees that …": not watching an event happen ("saw him become",
    "saw its support collapse"), a bare-infinitive or participle clause after a perception verb."""
    comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
    if comp is None or comp.left_edge.lower_ == "that":
        return True
    return comp.tag_ not in ("VB", "VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in comp.children)


def _compare(t: Token) -> bool:
    """"compared the plan to a tax": someone likens one thing to another; not the figures' "compared
    with 40 percent last year" (a participle with no object of its own)."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    return obj is not None and (_prep_obj(t, ("to", "with")) is not None or _prep_obj(obj, ("to", "with")) is not None)


def _own_subject(t: Token) -> bool:
    """A verb whose own subject is someone: not "it is worth remembering that …" (the writer's
    reminder) nor an imperative "Remember: …"."""
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ not in ("it", "this")


def _not_of(t: Token) -> bool:
    """"their demand for a recount", not "the demands of the job" (what the job asks of someone)."""
    return not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "of")


def _support_noun(t: Token) -> bool:
    """"her support for the bill": not "in support of", "the support of the unions" (whose it is)."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return nxt == "for" or any(c.dep_ == "poss" for c in t.children)


def _question_noun(t: Token) -> bool:
    """"questions about his health": not "the question is whether …" (the writer's own question)."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return nxt in ("about", "over", "surrounding", "regarding")


def _share(t: Token) -> bool:
    """Passing on a view or news ("shared her doubts"); not "shared the stage with him", "shares a
    border", "shared with reporters" (who it went to, or a thing held in common)."""
    kids = list(t.children)
    return any(c.dep_ == "dobj" for c in kids) and not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


CALLED_IDIOMS = {"mind", "attention", "ball", "strike", "shot"}  # "called to mind", "calls the shots", "calling balls"
QUOTE_MARKS = {'"', "“", "”", "''", "``", "'", "‘", "’"}


def _call(t: Token) -> bool:
    """Naming or judging ("called the plan a disgrace", "called him “weak”", "called on X to …",
    "called him out"); not phoning someone ("called Sanders after the vote"), "called to mind",
    "calls the shots". A bare object that is a person, a group or a place, with nothing after it,
    is a phone call."""
    kids = list(t.children)
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "dative", "attr", "acomp", "prt") or
           c.dep_ == "prep" and c.lower_ in ("on", "for", "as") for c in kids):
        return True
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    if obj.lemma_.lower() in CALLED_IDIOMS:
        return False
    doc = t.doc
    for k in (obj.i + 1, obj.right_edge.i + 1):
        if k < len(doc) and (doc[k].text in QUOTE_MARKS or doc[k].pos_ in ("NOUN", "ADJ", "DET", "PROPN")):
            return True  # ("called the plan “a disgrace”": the parser often loses the second object)
    return not (obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or obj.pos_ == "PRON" and obj.lower_ != "it")


SAY_IDIOMS = {"safe", "fair", "hard", "difficult", "impossible", "needless", "early", "premature", "accurate"}


def _say(t: Token) -> bool:
    """Set phrases in which nobody says anything: "Having said that, …", "That being said", "It goes
    without saying that …", "it is fair to say …", "one could say …", and a clause as the subject
    ("That the hosts signed up says something about …": a fact, not a speaker)."""
    doc = t.doc
    prev = doc[t.i - 1].lower_ if t.i > 0 else ""
    if prev == "having" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "that" or \
            prev == "being" and t.i > 1 and doc[t.i - 2].lower_ == "that":
        return False
    if t.dep_ == "pcomp" and t.head.lower_ == "without" and t.head.head.lemma_.lower() == "go":
        return False
    if t.dep_ == "xcomp" and any(c.dep_ == "acomp" and c.lower_ in SAY_IDIOMS for c in t.head.children):
        return False  # "it is safe to say …" (the parser hangs "say" on the copula, beside "safe")
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "one" and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "can")
                                                          for c in t.children):
        return False  # "one could say …": anybody, nobody in particular
    return not any(c.dep_ == "csubj" for c in t.children)


def _not_a_thing_made(t: Token) -> bool:
    """Saying verbs that also make or hand over things: "reported a loss", "added a wing", "pledged
    $5 million", "threatened a strike". With an object and nothing said (no clause, no
    quotation right after the object) the verb reports nothing."""
    kids = list(t.children)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in kids):
        return True
    doc = t.doc
    after = doc[obj.right_edge.i + 1:obj.right_edge.i + 3]
    return any(x.text in QUOTE_MARKS or x.text == ":" for x in after)


FINDERS = {"poll", "survey", "study", "report", "audit", "investigation", "inquiry", "analysis", "review",
           "research", "researcher", "data", "record", "paper", "probe", "test", "experiment", "census", "panel"}


def _find(t: Token) -> bool:
    """What a poll, study or inquiry found ("the survey found broad support", "the audit found no
    record") or a judgement ("found the plan reckless", "found that …"); not coming upon something
    ("found a job", "found himself in trouble", "find common ground")."""
    kids = list(t.children)
    if any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in kids):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in kids):
        return True
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in FINDERS


def _hit(t: Token) -> bool:
    """Attacking someone in words ("hit Trump for skipping the debate", "hit her on trade"); not
    "hit the trail", "hit 50 percent", "hit the phones on behalf of …"."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    preps = [c for c in list(t.children) + list(obj.children) if c.dep_ == "prep" and c.i > obj.i]
    for c in preps:
        pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ == "behalf":
            continue  # "hit the road on Monday", "hit the phones on behalf of …"
        if c.lower_ in ("for", "over", "about", "on"):
            return True
    return False


def _offer(t: Token) -> bool:
    """Putting forward a view, a plan or help ("offered few specifics", "offered to mediate"); not
    money or oneself ("offered $30 billion", "offering himself up as …")."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if obj is None:
        return any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
    return not (obj.lower_.endswith(("self", "selves")) or any(x.like_num or x.text == "$" for x in obj.subtree))


CONTEXT: dict[str, Callable[[Token], bool]] = {
    "find": _find,
    "hit": _hit,
    "offer": _offer,
    "add": _not_a_thing_made,
    "report": _not_a_thing_made,
    "pledge": _not_a_thing_made,
    "threaten": _not_a_thing_made,
    "say": _say,
    "call": _call,
    "compare": _compare,
    "remember": _own_subject,
    "imagine": _own_subject,  # not the writer's "Imagine if …"
    "cast": _cast,
    "embrace": _embrace,
    "see": _see,
    "n:attack": _attack_noun,
    "n:charge": _owned,  # "charges of fraud" are mostly criminal charges
    "n:critique": _owned,
    "n:assessment": _owned,
    "n:demand": _not_of,
    "n:sense": _owned,
    "n:plan": _plan_noun,
    "n:support": _support_noun,
    "n:question": _question_noun,
    "share": _share,
    "contrast": _compare,
}


def _verb_as_noun(t: Token) -> bool:
    """A verb the tagger took for a noun ("Audit files show that …", "as the results show"): a noun
    has no subject, clause or subordinator of its own."""
    return t.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "ccomp", "mark") for c in t.children)


def _fits(key: str, t: Token) -> bool:
    check = CONTEXT.get(key)
    return check is None or check(t)


def cue_tokens(doc: Doc) -> list[tuple[Token, Token, Cue]]:
    """(first token, last token, cue) of each lexicon match, in text order (one pass over the tokens)."""

    out = []
    single, multi = lexicon()
    n = len(doc)
    free = 0  # tokens before this one belong to a multi-word cue already found
    for i in _candidates(doc):
        if i < free:
            continue
        t = doc[i]
        lem = t.lemma_.lower()
        if lem == "hop" and t.lower_.startswith("hop") and t.lower_[3:4] in ("e", "i"):
            lem = "hope"  # the small model lemmatises "hoping"/"hoped" as "hop"
        lem = LEMMA_FIXES.get(lem, lem)
        matched = False
        for words, cue in multi.get(lem, ()):
            j = i + len(words)
            # (the first word is ``lem``, repaired above: "hoped for" is "hope for")
            if j <= n and all(doc[i + k].lemma_.lower() == w for k, w in enumerate(words[1:], 1)):
                out.append((t, doc[j - 1], cue))
                free, matched = j, True
                break
        if matched:
            continue
        if lem in single and (t.pos_ in ("VERB", "AUX") or _verb_as_noun(t)) and t.dep_ not in ("aux", "amod"):
            if _fits(lem, t):
                out.append((t, t, single[lem]))
        elif t.pos_ == "NOUN" and "n:" + lem in single:
            if not _fits("n:" + lem, t):
                continue
            out.append((t, t, single["n:" + lem]))
        elif t.pos_ == "ADJ" and "j:" + t.lower_ in single and t.dep_ in ("acomp", "amod", "oprd"):
            out.append((t, t, single["j:" + t.lower_]))
        elif t.pos_ == "ADV" and "r:" + t.lower_ in single:
            out.append((t, t, single["r:" + t.lower_]))
        elif lem == "accord" and i + 1 < n and doc[i + 1].lower_ == "to":
            out.append((t, doc[i + 1], Cue("assert", "according")))
        elif t.pos_ == "ADP" and viewpoint(t):
            out.append((t, t, Cue("assert", "viewpoint")))
    return out
