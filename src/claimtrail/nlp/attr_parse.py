"""Small, stateless helpers over the dependency parse shared by the attribution rules: a token's span,
trimming, circumstance and viewpoint phrases, negation. Who is speaking (subject, source span) is in
``attr_source.py``."""
from __future__ import annotations

from spacy.tokens import Token

GROUP_HEADS = {"source", "official", "person", "people", "diplomat", "aide", "insider", "analyst",
               "expert", "observer", "critic", "supporter", "account", "report", "media", "poll",
               "survey", "resident", "witness", "activist", "member", "lawmaker", "leader", "voter"}
CIRCUMSTANCE_PREPS = {"in", "at", "during", "after", "before", "since", "until", "while", "amid",
                      "throughout", "within", "following", "ahead", "despite", "because", "through"}
WHEN_PREPS = CIRCUMSTANCE_PREPS - {"in", "at", "within"}  # these say when or why whatever follows them


POLL_NOUNS = {"poll", "survey", "average"}  # "in an average of recent polls"
VIEW_PRONOUNS = {"me", "him", "her", "us", "them", "many", "some", "others", "most"}
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")  # parts of speech that head a noun phrase


def span_of(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop whitespace and sentence punctuation at the ends (quote marks stay)."""
    while s < e and (text[s].isspace() or text[s] in ",;:-—–("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-—–)"):
        e -= 1
    return s, e


def circumstance(c: Token) -> bool:
    """A verb's modifier that says when, where or why something was said, not what."""
    if c.dep_ in ("npadvmod", "advmod") or c.ent_type_ in ("DATE", "TIME"):
        return True
    if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS:
        return True
    return c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)


def viewpoint(prep: Token) -> bool:
    """'To many, he is a hero.' / 'To his critics, the plan is a gamble.': a sentence-opening phrase
    that, like 'according to', names whose view the rest of the sentence is."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None or prep.dep_ != "prep":
        return False
    if prep.lower_ == "in" and pobj.lemma_.lower() in POLL_NOUNS and prep.head.pos_ in ("VERB", "AUX"):
        # "In a new poll, the mayor leads by 9 points": what the poll shows (opening the sentence only:
        # "he rose in the polls" is a fact about the polls)
        doc = prep.doc
        opens = prep.is_sent_start or prep.i > 0 and doc[prep.i - 1].is_sent_start and doc[prep.i - 1].lower_ in ("but", "and", "yet")
        nxt = pobj.right_edge.i + 1
        return opens and nxt < len(doc) and doc[nxt].text == ","
    if prep.lower_ in ("to",) and prep.is_sent_start:
        nxt = pobj.right_edge.i + 1
        if nxt >= len(prep.doc) or prep.doc[nxt].text != ",":
            return False
        if prep.lower_ == "for" and pobj.ent_type_ not in ("PERSON", "NORP") and pobj.pos_ != "PRON":
            return False  # "For years, …" says when; "For the mayor, …" whose view
        return pobj.ent_type_ in ("PERSON", "NORP") or pobj.lower_ in VIEW_PRONOUNS or \
            pobj.tag_ == "NNS" and pobj.lemma_.lower() in GROUP_HEADS | {"voter", "american", "democrat", "republican"}
    return False


def negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "declined to confirm" / "would not comment": the negation can sit on the governing verb
    h = verb.head
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in h.children)


def timeish(prep: Token) -> bool:
    """A phrase saying when, where or for what purpose ("on Monday", "in Ohio", "in order to …")."""
    return prep.ent_type_ in ("DATE", "TIME") or any(
        g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or g.lower_ == "order")
        for g in prep.children)


def when_phrase(prep: Token) -> bool:
    """A prepositional phrase about the circumstances of what was said, not part of it."""
    return timeish(prep) or prep.lower_ in WHEN_PREPS


# what each preposition may introduce as the way something was said ("in a statement", "on Twitter",
# "at a rally", "to reporters"); "via" takes anything
WRITTEN = {"statement", "interview", "post", "tweet", "posting", "message", "email", "e-mail", "letter", "op-ed",
           "column", "editorial", "speech", "address", "remarks", "video", "blog", "release", "appearance",
           "ruling", "filing", "memo", "diatribe", "tirade", "rant", "ad", "advertisement", "commercial", "book",
           "article", "essay", "newsletter", "podcast", "testimony"}
EVENTS = {"forum", "fundraiser"}  # where things are said aloud ("at a forum", "during a fundraiser")
TWO_SENSES = {"post", "address", "release", "appearance"}  # channels only as "a post", "a Facebook post"
MEDIA = {"twitter", "facebook", "instagram", "youtube", "cnn", "msnbc", "fox", "nbc", "cbs", "abc", "npr", "bbc"}
CHANNELS = {
    "in": WRITTEN,
    "on": MEDIA | {"show", "broadcast", "program", "programme", "podcast", "call", "website", "blog", "trail", "floor"},
    "from": {"floor", "podium", "stage", "pulpit"},
    "at": {"rally", "conference", "briefing", "news conference", "press conference"} | EVENTS,
    "during": {"interview", "speech", "rally", "conference", "briefing", "appearance", "broadcast", "call"} | EVENTS,
    "to": {"reporters", "audience", "audiences", "crowd", "supporters"},
}


def channel(prep: Token) -> bool:
    """'in a statement', 'on Twitter', 'at a rally', 'to reporters': how or to whom something was said."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return False
    if prep.lower_ == "via":
        return True
    nouns = CHANNELS.get(prep.lower_, ())
    if pobj.lower_ in TWO_SENSES and not any(c.dep_ == "compound" or c.lower_ in ("a", "an") for c in pobj.children):
        return False  # "remain in her post", "at her address": a job or a place
    return pobj.lower_ in nouns or prep.lower_ == "on" and \
        any(c.lower_ in MEDIA for c in pobj.children if c.dep_ in ("compound", "poss"))
