"""Small, stateless helpers over the dependency parse shared by the attribution rules."""
from __future__ import annotations

from spacy.tokens import Token

from .quotes import MARKS

GROUP_HEADS = {"source", "official", "person", "people", "diplomat", "aide", "insider", "analyst",
               "expert", "observer", "critic", "supporter", "account", "report", "media", "poll",
               "survey", "resident", "witness", "activist", "member", "lawmaker", "leader", "voter"}
ANON_MODS = {"familiar", "anonymous", "unnamed", "senior", "several", "some", "many", "other", "a", "an",
             "one", "another", "local", "western", "state"}
ANONYMITY = {"name", "identify", "anonymity", "anonymous", "authorize", "authorise", "permit"}
CUT_SOURCE = ("acl", "advcl")  # a ", who …" clause stays: readers take it as part of who is speaking
CIRCUMSTANCE_PREPS = {"in", "at", "during", "after", "before", "since", "until", "while", "amid",
                      "throughout", "within", "following", "ahead", "despite", "because", "through"}


POLL_NOUNS = {"poll", "survey", "average"}  # "in an average of recent polls"
VIEW_PRONOUNS = {"me", "him", "her", "us", "them", "many", "some", "others", "most"}


def span_of(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop whitespace and sentence punctuation at the ends (quote marks stay)."""
    while s < e and (text[s].isspace() or text[s] in ",;:-—–("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:-—–)"):
        e -= 1
    return s, e


# things people put words in ("a statement saying …", "signs calling …"): whoever made them is the source
ARTIFACTS = {"statement", "article", "letter", "message", "post", "tweet", "email", "ad", "advertisement", "video",
             "op-ed", "column", "editorial", "release", "sign", "banner", "plea", "attempt", "effort", "note",
             "speech", "remark", "comment", "memo", "book", "essay", "petition", "resolution", "campaign", "bid"}


def subject(verb: Token) -> Token | None:
    """The verb's subject, climbing through open complements, conjuncts and participles."""
    v = verb
    via_prep = False  # whether the last step climbed from a preposition's verb ("a habit of blaming")
    for _ in range(6):
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj") or c.dep_ == "nsubjpass" and v is not verb:
                return c  # (a participle on a passive clause is its subject's: "X was booed after telling …")
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if v.dep_ == "acl" and v.tag_ in ("VBG", "VB") and v.head.lemma_.lower() in ARTIFACTS:
            # "issued a statement saying …", "shot back in an article stating …", "mounted a campaign to
            # condemn …": whoever made it
            up = v.head.head if v.head.head.pos_ != "ADP" else v.head.head.head
            if up.pos_ == "VERB" and up.i != v.head.i:
                v = up
                continue
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON") and v.tag_ != "VBN":
            if v.head.dep_ == "attr" and v.head.head.lemma_ == "be":
                # "Kirk and Collins were the only Republicans to vote against it": who they were
                who = next((c for c in v.head.head.children if c.dep_ == "nsubj"), None)
                if who is not None:
                    return who
            return v.head  # "officials who said …", "the group supporting Bush"
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "ccomp" and v.head.head.pos_ == "VERB":
            v = v.head.head  # "Cruz warned that the deal could fail, remarking …": the one who warned
            continue
        if (v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") or v.dep_ == "dep" and v.head.pos_ == "VERB") \
                and v.head.i != v.i:
            # ("voters were more likely to say …": through the adjective to the copula's subject; "Lee
            # paused, then revealed …": a second verb the parser left unlabelled)
            via_prep = v.dep_ == "pcomp" and v.head.dep_ == "prep"
            v = v.head.head if via_prep else v.head  # "after thanking …"
            continue
        if via_prep and v.pos_ == "NOUN" and v.dep_ in ("dobj", "attr") and v.head.pos_ in ("VERB", "AUX") \
                and v.head.i != v.i:
            v, via_prep = v.head, False  # "has a long history of blaming …": whoever has it
            continue
        break
    return None


def source_span(src: Token, verb: Token) -> tuple[int, int]:
    """The subject's noun phrase as a reader would mark it (relative clauses on the cue's side cut,
    stray punctuation and quote marks at the ends dropped)."""
    if verb.dep_ in ("relcl", "acl") and src.i == verb.head.i:
        lo, hi = src.left_edge.i, src.i
    else:
        lo, hi = src.left_edge.i, src.right_edge.i
        # never let the source run over the cue itself (parser slips on long inversions)
        if lo <= verb.i <= hi:
            lo, hi = (lo, verb.i - 1) if src.i < verb.i else (verb.i + 1, hi)
    doc = src.doc
    for c in src.rights:
        # ", who declined to be identified, …" is the writer's aside, not part of the name; a short
        # one ("Lee, who chairs the panel,") reads as part of who is speaking, and so does a longer
        # relative clause on who they are ("Lee, who has chaired the panel since 2019,")
        # (nor is one that says something itself: ", who noted that …" is a second attribution)
        anonymous = c.dep_ == "relcl" and any(t.lemma_.lower() in ANONYMITY or _saying(t) for t in c.subtree)
        if c.dep_ == "prep" and c.left_edge.i > src.i and c.lower_ not in ("including", "like", "such", "of") and \
                (doc[c.left_edge.i - 1].text == "," or _where_said(c)):
            hi = min(hi, c.left_edge.i - (2 if doc[c.left_edge.i - 1].text == "," else 1))
            break  # "Lee, in Denver, said", "Lee in his speech called": where, not who
        # (a relative clause set off by a dash is the writer's aside: "Lee -- who has fought the plan -- said")
        aside_rel = c.dep_ == "relcl" and c.left_edge.i > src.i and doc[c.left_edge.i - 1].text in ("—", "–", "--")
        if (c.dep_ in CUT_SOURCE or anonymous or aside_rel) and c.left_edge.i > src.i and \
                doc[c.left_edge.i - 1].text in (",", "—", "–", "--"):
            aside = c.right_edge.idx + len(c.right_edge) - c.left_edge.idx
            if c.tag_ == "VBG" or anonymous or aside_rel or \
                    aside > doc[c.left_edge.i - 2].idx + len(doc[c.left_edge.i - 2]) - doc[lo].idx:
                hi = min(hi, c.left_edge.i - 2)
                break
    while lo < hi and (doc[lo].is_punct or doc[lo].text in MARKS):
        lo += 1
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in ")." or doc[hi].text in MARKS):
        hi -= 1
    if hi < lo:
        lo = hi = src.i
    # a hyphenated given name the parser split off ("Moon Jae-in": "in" parsed as a preposition)
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_ and \
            not doc[hi + 1].whitespace_ and doc[hi + 2].is_alpha and doc[hi].ent_type_ == "PERSON":
        hi += 2
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


# verbs that make a ", who …" clause on a source an attribution of its own (", who noted that …")
SAYING = {"say", "tell", "note", "add", "acknowledge", "estimate", "argue", "claim", "insist", "explain",
          "deny", "confirm", "write", "announce", "warn", "suggest", "predict", "complain", "admit", "recall"}
WHERE_NOUNS = {"speech", "statement", "interview", "remarks", "address", "letter", "post", "tweet"}


def _saying(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SAYING


def _where_said(prep: Token) -> bool:
    """'Lee in his speech …', 'Lee on Tuesday …', 'Lee during a Sunday interview …': where or when."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return False
    return prep.lower_ in ("in", "during") and pobj.lemma_.lower() in WHERE_NOUNS or \
        prep.lower_ in ("on", "during", "in", "at") and pobj.ent_type_ in ("DATE", "TIME")


def is_group(src: Token) -> bool:
    if src.tag_ in ("NNS", "NNPS") and src.ent_type_ not in ("PERSON",):
        return True
    if src.lemma_.lower() in GROUP_HEADS and src.pos_ == "NOUN":
        return any(c.lower_ in ANON_MODS for c in src.children) or src.tag_ == "NNS"
    return False


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
