"""Who is speaking, for the attribution rules: a cue's subject (climbing the parse to whoever said it),
the source's span as a reader would mark it, a possessive's holder, and whether the source is a group.
Stateless helpers over the dependency parse."""
from __future__ import annotations

import re

from spacy.tokens import Token

from .attr_parse import GROUP_HEADS, NOMINAL
from .quotes import MARKS

ANON_MODS = {"familiar", "anonymous", "unnamed", "senior", "several", "some", "many", "other", "a", "an",
             "one", "another", "local", "western", "state"}
ANONYMITY = {"name", "identify", "anonymity", "anonymous", "authorize", "authorise", "permit"}
CUT_SOURCE = ("acl", "advcl")  # a ", who …" clause stays: readers take it as part of who is speaking


# things people put words in ("a statement saying …", "signs calling …"): whoever made them is the source
ARTIFACTS = {"statement", "article", "letter", "message", "post", "tweet", "email", "ad", "advertisement", "video",
             "op-ed", "column", "editorial", "release", "sign", "banner", "plea", "attempt", "effort", "note",
             "speech", "remark", "comment", "memo", "book", "essay", "petition", "resolution", "campaign", "bid",
             "paper", "report", "study", "document"}


def subject(verb: Token) -> Token | None:
    """The verb's subject, climbing through open complements, conjuncts and participles."""
    if _asked(verb) or _agentless_passive(verb):
        return None
    after = _after_said(verb)
    if after is not None:
        return after
    v = _maker(verb) or verb
    via_prep = False  # whether the last step climbed from a preposition's verb ("a habit of blaming")
    for _ in range(6):
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj") or c.dep_ == "nsubjpass" and (v is not verb or _holder_passive(v)):
                if v is not verb and _dummy_it(c, v):
                    return None  # "it is hard to know …", "it means admitting …": anyone's, no one named
                if c.tag_ in ("WDT", "WP"):
                    # "the plan, which she said …", "Rubio, who many feel …": the relative pronoun is
                    # what was said about; the other subject the parser found is who said it
                    c = next((o for o in v.children
                              if o.dep_ == "nsubj" and o.i != c.i and o.tag_ not in ("WDT", "WP")), c)
                later = next((o for o in v.children if o.dep_ == "nsubj" and o.i > c.i and
                              (c.ent_type_ in PLACES or c.is_upper) and
                              any(t.text in DASHES for t in v.doc[c.i:o.left_edge.i])), None)
                c = later if later is not None else c  # ("WASHINGTON (AP) ― Ana Ruiz said": not the dateline)
                if c.i < v.i and v.i > 0 and (v.doc[v.i - 1].is_quote or v.doc[v.i - 1].text in MARKS):
                    # ('“…, the foundation, …,” said a person close to them': a second subject the parser
                    # found inside the quote; the one after the inverted cue speaks)
                    c = next((o for o in v.rights if o.dep_ == "nsubj"), c)
                return c  # (a participle on a passive clause is its subject's: "X was booed after telling …")
        share = next((c for c in v.children if c.i < v.i and c.dep_ in ("nummod", "npadvmod", "dep", "quantmod")
                      and (c.like_num or c.lemma_.lower() in SHARES) and c.ent_type_ not in ("DATE", "TIME")), None)
        if share is not None and v.pos_ == "VERB":
            return share  # "About 4 in 10 say …", "two-thirds, 67 percent, say …": a share the parser left loose
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if v.dep_ == "acl" and v.tag_ in ("VBG", "VB") and v.head.lemma_.lower() in ARTIFACTS:
            # "issued a statement saying …", "shot back in an article stating …", "mounted a campaign to
            # condemn …": whoever made it
            up = v.head.head if v.head.head.pos_ != "ADP" else v.head.head.head
            if up.pos_ in ("ADJ", "NOUN", "PRON") and up.dep_ in ("dobj", "npadvmod") and up.lower_ in PORTIONS:
                up = up.head  # ("spent much of his speech defending …")
            if up.pos_ == "VERB" and up.i != v.head.i:
                v = up
                continue
        if v.dep_ in ("relcl", "acl") and v.head.lemma_.lower() in ABSTRACT and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "had reason to know …": whoever has it; "there is no reason to presume …": no one
            if v.head.dep_ in ("dobj", "attr") and v.head.head.pos_ in ("VERB", "AUX"):
                v = v.head.head
                continue
            return None
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ in ("dobj", "dative") and v.head.head.pos_ == "VERB" \
                and (v.head.lemma_.lower() in HARDSHIP or _saying(v) and v.head.head.lemma_.lower() in SENDING):
            v = v.head.head  # "had a hard time accepting …", "emailed supporters saying …": who had it, who sent
            continue
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in NOMINAL and \
                (v.tag_ != "VBN" or _finite(v) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)):
            # (a perfect participle is active: "the only candidate to have pledged …")
            if v.head.dep_ == "attr" and v.head.head.lemma_ == "be":
                # "Kirk and Collins were the only Republicans to vote against it": who they were
                who = next((c for c in v.head.head.children if c.dep_ == "nsubj"), None)
                if who is not None:
                    return who
            return v.head  # "officials who said …", "the group supporting Bush"
        if v is not verb and v.pos_ == "VERB":
            after = _inverted_speaker(v)
            if after is not None:
                return after  # '“…,” said Lee, adding that …': Lee, whatever the parser made of him
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.dep_ == "ccomp" and v.head.head.pos_ == "VERB":
            v = v.head.head  # "Cruz warned that the deal could fail, remarking …": the one who warned
            continue
        if v is not verb and v.dep_ == "amod" and v.pos_ == "ADJ" and v.head.pos_ in ("NOUN", "PROPN") and \
                v.head.i < v.i:
            return v.head  # "Christie, eager all evening to jab senators, …": whoever is eager
        if _sayers_act(v):
            while v.dep_ == "conj":
                v = v.head
            v = v.head  # "Lee said the vote hurt him and goes on to blame the press": Lee blames
            continue
        if (v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "acomp") or v.dep_ == "dep" and v.head.pos_ == "VERB") \
                and v.head.i != v.i:
            # ("voters were more likely to say …": through the adjective to the copula's subject; "Lee
            # paused, then revealed …": a second verb the parser left unlabelled)
            via_prep = v.dep_ == "pcomp" and v.head.dep_ == "prep"
            v = v.head.head if via_prep else v.head  # "after thanking …"
            continue
        if via_prep and v.pos_ == "NOUN":
            owner = next((c for c in v.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner  # "his record of promoting …", "Lee's habit of blaming …": whose it is
        if via_prep and (v.pos_ == "NOUN" and v.dep_ in ("dobj", "attr") or v.dep_ == "advmod") \
                and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
            # ("stopped short of endorsing …", "was back to boasting …": through the adverb to its verb)
            v, via_prep = v.head, False  # "has a long history of blaming …": whoever has it
            continue
        if via_prep and v.pos_ == "NOUN" and v.dep_ == "pobj" and v.head.dep_ == "prep" and \
                v.head.head.pos_ in ("VERB", "AUX"):
            v, via_prep = v.head.head, False  # "were in the lead in pushing …", "at the forefront of calling …"
            continue
        if v is not verb and v.dep_ == "ROOT" and v.pos_ in ("NOUN", "PROPN") and v.i < verb.i and \
                (v.pos_ == "PROPN" or v.ent_type_ in ("PERSON", "ORG", "NORP") or v.tag_ == "NN" and v.is_title) \
                and not any(c.dep_ == "prep" and c.i < v.i for c in v.children):
            return v  # "Lee defended the plan, calling it …" parsed with Lee as the root: the parser lost the verb
        if v is verb and v.pos_ == "NOUN":
            up = _noun_holder(v)
            if isinstance(up, Token) and up.pos_ in ("VERB", "AUX"):
                v = up
                continue
            return up
        break
    return _stranded(v) if v.pos_ in ("VERB", "AUX") else None


def _noun_holder(noun: Token) -> Token | None:
    """Whose act a cue verb used as a noun is ("her call for …", "led campaigns against …", "opened with a
    call for …"): its possessor, or else the verb it is the object of, whose subject made it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return holder(owner, noun)
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "in", "into", "to", "on") and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


# passive cues whose subject holds the view or is the one quoted ("she is convinced that …", "he was quoted
# as saying …"); other passive cues' subjects are who was told, asked or criticized
HOLDER_PASSIVES = {"convince", "persuade", "assure", "quote", "show", "satisfy", "worry", "concern", "alarm",
                   "trouble", "disappoint", "encourage", "frustrate", "anger", "shock", "surprise", "please",
                   "determine", "commit", "oppose", "incline", "dismay", "disturb", "offend", "outrage"}


def _holder_passive(verb: Token) -> bool:
    return verb.lemma_.lower() in HOLDER_PASSIVES and not any(c.dep_ == "agent" for c in verb.children)


PLACES = ("GPE", "LOC", "FAC")


def holder(owner: Token, noun: Token) -> Token:
    """A possessive pronoun on a noun cue that is the object of a verb stands for the verb's subject when
    that is a name or a group: readers name "Lee" in "Lee stepped up his attacks on …" (not in "the
    ruling did not change her view of …", nor "Lee was alone in his view that …": there they keep "his")."""
    if owner.tag_ != "PRP$" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return owner
    subj = subject(noun.head)
    if subj is None or subj.tag_ in ("WDT", "WP") or not (
            subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "NORP") or subj.lemma_.lower() in PEOPLE):
        return owner
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    return subj if (owner.lower_ == "their") == plural else owner  # ("their" for a group, "his"/"her" for one)


PEOPLE = GROUP_HEADS | {"parent", "family", "candidate", "senator", "governor", "mayor", "president", "democrat",
                        "republican", "conservative", "liberal", "spokesman", "spokeswoman"}


def _agentless_passive(verb: Token) -> bool:
    """'… when it was revealed that …', '… as she was announced the winner': a passive cue with no 'by'
    hides who spoke; the clause it hangs on names someone else."""
    # ("he's promoted": the parser's passive may be a perfect)
    return verb.tag_ == "VBN" and not _holder_passive(verb) and \
        any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children) and \
        not any(c.dep_ == "agent" for c in verb.children)


def _sayers_act(v: Token) -> bool:
    """A verb the parser coordinated into a reported clause that is a second act of whoever reported it:
    the clause's subject is a thing, not someone who acts ("said the vote was rigged and called for a
    recount"), or the verb's tense cannot share the clause's ("says he'd sit them down and tells the crowd …")."""
    if v.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    clause = v.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or not _saying(clause.head):
        return False
    if v.tag_ in ("VBZ", "VBD") and v.head.tag_ == "VB" and \
            any(a.dep_ == "aux" and a.tag_ == "MD" for h in (v.head, clause) for a in h.children):
        return True  # (a finite verb cannot share the clause's modal)
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.ent_type_ not in ("PERSON", "NORP", "ORG") and \
        subj.lemma_.lower() not in PEOPLE and not is_group(subj)


def _after_said(verb: Token) -> Token | None:
    """The speaker of a '…, he said,' that a participle follows ('“…,” he said, also alluding to …'): the
    parser hangs the participle on the quote's verb, but it is the speaker's."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and doc[k].head.i == verb.i and doc[k].dep_ in ("neg", "advmod"):
        k -= 1  # ("…, he said, not even suggesting …")
    if verb.tag_ != "VBG" or k < 2 or doc[k].text != "," or not _saying(doc[k - 1]):
        return None
    said = doc[k - 1]
    return next((c for c in said.children if c.dep_ == "nsubj" and c.i == said.i - 1), None)


def _maker(verb: Token) -> Token | None:
    """The verb whose subject made the thing a 'that' clause speaks through ("released an ad that urges …",
    "ran a piece that noted …"): whoever released or ran it."""
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in MADE_THINGS or \
            verb.head.dep_ != "dobj" or verb.head.head.pos_ != "VERB" or \
            not any(c.dep_ == "nsubj" and c.lower_ == "that" for c in verb.children):
        return None
    return verb.head.head


MADE_THINGS = ARTIFACTS | {"piece", "data", "story"}
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj", "expl", "agent")


def _stranded(verb: Token) -> Token | None:
    """A subject the parser hung somewhere else when it gave a verb none: the subject of a clause the
    parser made the verb's complement though it is a first act ("Lee praised the plan, then says …"), a
    name set off by commas that the parser made an apposition of the opener ("In a letter to the board,
    its chair, Ana Ruiz, wrote …"), or the name after a cue that follows a quote ('“…,” read one')."""
    if any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return _after_quote(verb)  # (a cue after a quote the tagger took for a bare verb: '“…,” read one')
    return _first_act(verb) or _misattached(verb) or _after_quote(verb)


def _after_quote(verb: Token) -> Token | None:
    """'“…,” read the email' / 'said Skelly': the parser made the speaker after an inverted cue an object or
    an adverb."""
    doc = verb.doc
    if verb.i == 0 or not (doc[verb.i - 1].is_quote or doc[verb.i - 1].text in MARKS) or \
            verb.lemma_.lower() not in QUOTE_READ:
        return None
    return next((c for c in verb.rights if c.dep_ in ("dobj", "advmod", "npadvmod", "attr") and c.pos_ in NOMINAL
                 and c.left_edge.i == verb.i + 1 or c.i == verb.i + 1 and c.pos_ in NOMINAL and c.dep_ == "dobj"),
                None)


def _first_act(verb: Token) -> Token | None:
    """'Lee praised the plan, then says …': the subject of a finite clause before the cue."""
    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # (what was said comes after the cue; a clause before it would then be a first act)
    doc = verb.doc
    for c in verb.lefts:
        if c.dep_ != "ccomp" or c.tag_ not in ("VBD", "VBZ", "VBP") and not \
                any(a.dep_ == "aux" and a.i < c.i for a in c.children):
            continue
        if any(doc[k].is_quote or doc[k].text in MARKS for k in range(max(c.left_edge.i, verb.i - 3), verb.i)):
            return None  # ('“We will win,” said Lee': the quote is what was said)
        return next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i and s.tag_ not in ("WDT", "WP")), None)
    return None


def _misattached(verb: Token) -> Token | None:
    """The name right before the cue, climbing from it to the outermost apposition or conjunct set off by
    a comma (the parser hung the subject on the opener: "In a note to Lee, Ruiz, the chair, wrote")."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and (doc[k].text == "," or doc[k].head.i == verb.i and doc[k].dep_ in ("advmod", "aux", "neg")):
        k -= 1
    t, best = doc[k], None
    if t.pos_ not in NOMINAL:
        return None
    for _ in range(12):
        if t.head.i == t.i or t.i == verb.i or t.head.i > verb.i:
            break
        if best is not None and t.ent_type_ in PLACES:
            break  # ("in Ames, Iowa, Dan Pratt said": not the state)
        if t.dep_ == "pobj" and t.ent_type_ == "PERSON" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                and any(c.dep_ == "pobj" and c.i < t.left_edge.i for c in t.head.children):
            best = t  # ("At an event in Ames, Iowa, Brenda Johnson railed …": a second object of "in")
        elif t.dep_ in ("appos", "conj") and t.pos_ in ("NOUN", "PROPN") and t.head.i < t.i and \
                t.left_edge.i > 0 and (doc[t.left_edge.i - 1].text == "," or doc[t.left_edge.i - 1].is_quote):
            best = t
        t = t.head
    return best


ABSTRACT = {"reason", "way", "time", "chance", "opportunity", "need", "right", "temptation", "urge", "pressure",
            "occasion", "excuse", "ground", "cause"}  # "reason to believe …" names no one who believes


PORTIONS = {"much", "most", "part", "all", "some", "half", "rest", "bulk"}
HARDSHIP = {"trouble", "time", "difficulty", "problem", "hesitation"}
SENDING = {"email", "send", "text", "message", "write", "mail", "address", "urge", "tell"}
SHARES = {"percent", "%", "half", "third", "quarter", "majority", "minority", "plurality"}
ASKING = {"ask", "press", "question", "quiz", "advise", "tell", "urge", "invite", "prompt", "challenge", "interview",
          "confront", "query"}


def _inverted_speaker(verb: Token) -> Token | None:
    """The name right after a speech verb that follows a quote ('“…,” said Lee Park'), when the
    parser found the verb no subject: the name's last word."""
    doc = verb.doc
    if verb.i < 2 or verb.lemma_.lower() not in INVERTED_SAYING or \
            not (doc[verb.i - 1].is_quote or doc[verb.i - 1].text in MARKS) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    j = verb.i + 1
    while j < len(doc) and j - verb.i <= 6 and (doc[j].is_title or doc[j].pos_ in ("PROPN", "DET")) and \
            not doc[j].is_punct:
        j += 1
    last = doc[j - 1]
    return last if j > verb.i + 1 and last.pos_ != "DET" else None


def _asked(verb: Token) -> bool:
    """A passive participle clause ("…, she said when asked about it", "…, asked about the delay"): the
    main clause's subject was asked; who asked is not said."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in ASKING and \
        not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _dummy_it(subj: Token, head: Token) -> bool:
    """'It' standing for nothing, the subject of a judgment on what follows ("it is hard to say",
    "it makes it easy to see", "it means accepting …")."""
    if subj.lower_ != "it":
        return False
    return head.pos_ == "ADJ" or head.lemma_.lower() == "mean" or \
        any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in head.children)


def _finite(part: Token) -> bool:
    """A past participle hung on a noun that is really the sentence's verb: the noun is the root, so the
    sentence has no other verb ("A new poll found last week that …"), and it has an object or a clause,
    which a passive participle ("a report published Monday") does not."""
    return part.dep_ == "acl" and part.head.dep_ == "ROOT" and part.i > part.head.i and \
        any(c.dep_ in ("ccomp", "dobj") for c in part.children) and \
        not any(c.dep_ in ("agent", "auxpass") for c in part.children)


def source_span(src: Token, verb: Token) -> tuple[int, int]:
    """The subject's noun phrase as a reader would mark it (relative clauses on the cue's side cut,
    stray punctuation and quote marks at the ends dropped)."""
    if verb.dep_ in ("relcl", "acl") and src.i == verb.head.i:
        # (the phrase up to the clause: "Lee, the paper's editor, tweeted …" keeps the apposition)
        lo, hi = src.left_edge.i, src.i
        for c in src.rights:
            if c.right_edge.i >= verb.left_edge.i or c.dep_ not in ("appos", "prep", "punct", "cc", "conj"):
                break
            hi = c.right_edge.i
    else:
        lo, hi = src.left_edge.i, src.right_edge.i
        if src.dep_ == "ROOT" and src.i < verb.i:
            hi = src.i  # (a name the parser made the root: what hangs after it is the sentence, not the name)
        # never let the source run over the cue itself (parser slips on long inversions)
        if lo <= verb.i <= hi:
            lo, hi = (lo, verb.i - 1) if src.i < verb.i else (verb.i + 1, hi)
    doc = src.doc
    for c in (src.head.children if src.head.i == verb.i else ()):
        # a title the parser made a second subject of the cue: "Vatican spokesman the Rev. Ana Ruiz told …"
        # (not of another verb: "said Robin Maynard, half joking" has "half" as the subject of "joking")
        if c.dep_ == src.dep_ == "nsubj" and c.i != src.i and (c.right_edge.i + 1 == lo or c.left_edge.i == hi + 1) \
                and c.tag_ not in ("WDT", "WP") \
                and not (lo <= verb.i <= c.right_edge.i or c.left_edge.i <= verb.i <= hi):
            lo, hi = min(lo, c.left_edge.i), max(hi, c.right_edge.i)
    # nor over a word the cue hangs on (a parse that put the cue's own clause inside the subject)
    if hi - lo > 2:  # (only a long phrase can hold one)
        above = {a.i for a in verb.ancestors} - {a.i for a in src.ancestors} - {src.i}
        hi = next((k - 1 for k in range(src.i + 1, hi + 1) if k in above), hi)
        lo = next((k + 1 for k in range(src.i - 1, lo - 1, -1) if k in above), lo)
    for c in (verb.children if src.head.i == verb.i and src.i < verb.i else ()):
        # a companion the parser hung on the cue: "Lee, along with two aides, wrote …" (both speak)
        if c.dep_ == "prep" and c.lower_ in COMPANION and c.i == hi + 2 and doc[c.i - 1].text == "," and \
                c.right_edge.i < verb.i:
            hi = c.right_edge.i
    if src.dep_ == "appos" and src.head.i < src.i:
        # a name and its title both hung on the opener ("In a note to Lee, Ana Ruiz, the chair, wrote")
        # (not a place's state or country: "At a rally in Ames, Iowa, Gov. Dan Pratt, its host, said")
        sib = next((c for c in src.head.children if c.dep_ == "appos" and c.i < src.i and lo > 0
                    and src.head.ent_type_ not in PLACES
                    and doc[lo - 1].text == "," and c.right_edge.i in (lo - 1, lo - 2)), None)
        lo = sib.left_edge.i if sib is not None else lo
    lo = _past_opener(src, lo, hi)
    hi = _before_aside(src, hi)
    for c in src.rights:
        # ", who declined to be identified, …" is the writer's aside, not part of the name; a short
        # one ("Lee, who chairs the panel,") reads as part of who is speaking, and so does a longer
        # relative clause on who they are ("Lee, who has chaired the panel since 2019,")
        # (nor is one that says something itself: ", who noted that …" is a second attribution)
        anonymous = c.dep_ == "relcl" and any(t.lemma_.lower() in ANONYMITY or _saying(t) for t in c.subtree)
        if c.dep_ == "prep" and c.left_edge.i > src.i and c.lower_ not in KEEP_PREPS and \
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
    # (and a conjunction left at either end: "But the campaign …", "Lee, whom …, and")
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].text in MARKS or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct and doc[hi].text not in ")." or doc[hi].is_space or doc[hi].text in MARKS
                       or doc[hi].dep_ == "cc"):
        hi -= 1
    if hi < lo:
        lo = hi = src.i
    # a hyphenated given name the parser split off ("Moon Jae-in": "in" parsed as a preposition)
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_ and \
            not doc[hi + 1].whitespace_ and doc[hi + 2].is_alpha and doc[hi].ent_type_ == "PERSON":
        hi += 2
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    # (the end of someone's quoted words glued to the name: '“… all paranoia,”Lee said' starts at Lee)
    if not any(doc[k].is_quote or "”" in doc[k].text or '"' in doc[k].text for k in range(lo, src.i + 1)):
        return start, end
    head = doc[lo:src.i + 1].text  # (not doc.text: that is built anew on each call)
    close = start + max((m.end() for m in QUOTE_END.finditer(head)), default=0)
    return (close if close < src.idx + len(src) else start), end


QUOTE_END = re.compile(r"[,.!?](?:[\"”]|'')\s*")
COMPANION = {"along", "together", "like"}
KEEP_PREPS = {"including", "like", "such", "of", "along", "together"}  # "Lee, along with Kim, said": both speak
DASHES = ("-", "—", "–", "―", "--")


def _past_opener(src: Token, lo: int, hi: int) -> int:
    """Start the source after what the parser hung in front of it: a dateline ("DENVER (AP) — Lee"),
    a spaced dash ("an old favorite - others say"), a day or an adverb set off by a comma that opens the
    sentence ("Tuesday on a radio show, Sen. Lee")."""
    doc = src.doc
    for k in range(hi, lo - 1, -1):
        t = doc[k]
        if t.text in DASHES and t.whitespace_ and k > 0 and (doc[k - 1].whitespace_ or doc[k - 1].text == ")") \
                and (k < src.i or doc[k - 1].text == ")"):
            return k + 1  # (a spaced dash: a hyphen inside a name has no spaces; "(AP) —" ends a dateline)
    for c in src.lefts:
        # (set off by a comma, or a day: not "the 46-year-old", "average hourly earnings", "Monday's results")
        after = doc[c.right_edge.i + 1]
        if c.dep_ in ("npadvmod", "advmod", "prep") and (after.text == "," or c.ent_type_ in ("DATE", "TIME")) \
                and after.text not in DASHES:
            lo = max(lo, c.right_edge.i + 1)
    return lo


def _before_aside(src: Token, hi: int) -> int:
    """End the source before an aside set off by a comma that is not about who is speaking: a
    relative clause that says something itself or keeps the speaker anonymous, wherever in the phrase it
    hangs ("a longtime aide to the mayor, who declined to be named"), or an adjective phrase ("Voters,
    worried about prices, said")."""
    doc = src.doc
    for k in range(src.i + 1, hi + 1):
        t = doc[k]
        if t.left_edge.i <= src.i:
            continue
        if doc[t.left_edge.i - 1].text != ",":
            if t.dep_ == "relcl" and _anonymous(t):
                # "one source who spoke on condition of anonymity": the writer's aside ("a lawyer who
                # once worked for the mayor" stays: readers take it as who is speaking)
                return min(hi, t.left_edge.i - 1)
            continue
        if t.dep_ == "relcl" and (_anonymous(t) or any(_saying(g) for g in t.subtree)) or \
                t.head.i == src.i and (t.dep_ in ("amod", "advmod") and t.lower_ not in KEEP_PREPS
                                       or t.left_edge.lower_ in REFLEXIVE):
            return min(hi, t.left_edge.i - 2)  # (", himself a candidate,", ", almost alone,")
    return hi


REFLEXIVE = {"himself", "herself", "themselves", "itself"}


def _anonymous(clause: Token) -> bool:
    return any(g.lemma_.lower() in ANONYMITY for g in clause.subtree)


# verbs that make a ", who …" clause on a source an attribution of its own (", who noted that …")
SAYING = {"say", "tell", "note", "add", "acknowledge", "estimate", "argue", "claim", "insist", "explain",
          "deny", "confirm", "write", "announce", "warn", "suggest", "predict", "complain", "admit", "recall"}
QUOTE_READ = SAYING | {"read"}  # "…,” read one
INVERTED_SAYING = SAYING | {"ask", "reply", "continue"}  # "…,” asked Mr. X
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
