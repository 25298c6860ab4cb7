"""Who said it: the source span the attribution stage gives a cue, on hand-written sentences.

The sentences are our own. Each row is text → cue → the source text expected for that cue (None: no
source). The rules live in ``claimtrail.nlp.attr_source`` (``subject`` and ``source_span``): the subject's
noun phrase as a reader would mark it, without datelines, openers and the writer's asides.
"""
from __future__ import annotations

import pytest

from claimtrail.nlp.state import Analysis


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from claimtrail.nlp.pipeline import Pipeline
    return Pipeline().nlp


def source_of(nlp, text: str, cue: str) -> str | None:  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["claimtrail_claims"]):
        doc = nlp(text)
    ct: Analysis = doc._.ct
    hit = next((h for h in ct.attributions if text[h.cue[0]:h.cue[1]] == cue), None)
    assert hit is not None, [(text[h.cue[0]:h.cue[1]]) for h in ct.attributions]
    return text[hit.source[0]:hit.source[1]] if hit.source else None


CASES = [
    # a possessive pronoun on a noun cue that is the verb's object stands for the verb's subject
    ("The governor renewed his attacks on the press at the rally.", "attacks on", "The governor"),
    # an inverted speaker after a quote keeps the apposition; a noun cue after "at"/"to" takes the verb's subject
    ("“The levy is unfair,” said Ana Ruiz, a lawyer at the tenants' union.", "said",
     "Ana Ruiz, a lawyer at the tenants' union"),
    ("The minister bristled at the suggestion that the port would close.", "suggestion", "The minister"),
    # asides set off by commas that say nothing about who is speaking are cut ...
    ("A longtime aide to the mayor, who declined to be identified, said the budget was short.",
     "said", "A longtime aide to the mayor"),
    ("One source who spoke on condition of anonymity said the talks had stalled.", "said", "One source"),
    ("Hal Tobin, a senior analyst at Fenwick, who notes that prices rose, said the merger was risky.",
     "said", "Hal Tobin, a senior analyst at Fenwick"),
    ("Voters, worried about prices, said the economy mattered most.", "said", "Voters"),
    ("Frank Ortiz, eager all week to settle old scores, accused the council of hiding the audit.",
     "accused", "Frank Ortiz"),
    # ... and the one the adjective describes is who would do what it is eager to do
    ("But Chris Dale, eager all evening to jab the senators for failing to lead, attacked Rubio for not answering.",
     "jab", "Chris Dale"),
    ("Ross, himself a candidate, said the vote was rigged.", "said", "Ross"),
    ("Mr. Lee, almost alone, argued that the tax was fair.", "argued", "Mr. Lee"),
    # ... while what says who they are stays: a relative clause on the name, an apposition's own
    # clause, a companion ("along with"), an age written into the name
    ("Dana Price, who chairs the panel, said the vote would wait.", "said", "Dana Price, who chairs the panel"),
    ("Tom Reed, a lawyer who once worked for the mayor, said the deal was bad.",
     "said", "Tom Reed, a lawyer who once worked for the mayor"),
    ("Ms. Epstein, along with two colleagues, wrote that the court had shifted.",
     "wrote", "Ms. Epstein, along with two colleagues"),
    ("Democratic economists, like their Republican colleagues, say the tax is too high.",
     "say", "Democratic economists, like their Republican colleagues"),
    ("The 46-year-old said the company had failed.", "said", "The 46-year-old"),
    # what the parser hung in front of the name: a dateline, a spaced dash, an opening day and place
    ("DENVER (Reuters) - Mayor Ana Lopez said on Monday that the bridge would reopen in May.",
     "said", "Mayor Ana Lopez"),
    ("The plan is an old favorite - others say it is a trap.", "say", "others"),
    ("Tuesday on a local radio show, Sen. Tom Baker (R-KS) said the bill was dead.",
     "said", "Sen. Tom Baker (R-KS)"),
    ("WASHINGTON, May 2 (UPI) -- A spokesman for the mayor called the ruling a disgrace.",
     "called", "A spokesman for the mayor"),
    ("Washington (AFP) – Democrat Ana Ruiz has taken a swipe at Republican rival Tom Park’s stance on trade, "
     "saying that “bombastic comments” do more harm than good.", "saying", "Democrat Ana Ruiz"),
    # a title the parser split off as a second subject is part of the name
    ("Party spokesman the Rev. Ana Ruiz told reporters that the vote would wait.",
     "told", "Party spokesman the Rev. Ana Ruiz"),
    # ... and so is a second speaker the parser split off the same way
    ("Gregory Hale, whom the governor appointed to the board, and Mary Sims said the rules were unfair.",
     "said", "Gregory Hale, whom the governor appointed to the board, and Mary Sims"),
    # ... but a relative pronoun the parser made a second subject is what was said about, not who said it
    ("The tax, which she said was unfair, will rise in May.", "said", "she"),
    # the end of a quote glued to the name is someone's words, not the name
    ("“It is all paranoia,”Ruiz said.", "said", "Ruiz"),
    # a sentence whose only verb the parser took for a participle on the subject ("A poll found …")
    ("A Marist poll found last week that the senator led by four points.", "found", "A Marist poll"),
    ("A new poll, the first since the debate, found last week that the mayor led.",
     "found", "A new poll, the first since the debate"),
    # a true participle on the subject is part of the name
    ("A report released Monday said the mill would close.", "said", "A report released Monday"),
    # climbing to the one who speaks: through an adverb ("stopped short of …"), from a perfect infinitive,
    # from a participle after an inverted cue to the name after it, from an activity to whose it is
    ("The mayor stopped short of endorsing the plan.", "endorsing", "The mayor"),
    ("Ortiz is the only candidate to have pledged that taxes would fall.", "pledged", "Ortiz"),
    ("“Why should we wait?” asked Mr. Manafort, referring to the delay in the vote.",
     "referring to", "Mr. Manafort"),
    ("The mayor's record on promoting small firms is mixed.", "promoting", "The mayor's"),
    ("Republicans were in the lead in advocating a new wall.", "advocating", "Republicans"),
    ("The posts included one saying that the vote was rigged.", "saying", "one"),
    # a share of a poll's respondents the parser left loose ("About 4 in 10 say …")
    ("About 4 in 10 say they want a new leader.", "say", "About 4 in 10"),
    # no one named: "it" standing for nothing, a reason anyone may have, the one asked (not the asker)
    ("It is hard to know where the donors will go.", "know", None),
    ("It is worth pointing out that the debate set a record.", "pointing out", None),
    ("It means admitting that the mayor was right.", "admitting", None),
    ("There is no reason to presume that the officials will keep the data private.", "presume", None),
    ("Lee had reason to know that the work was illegal.", "know", "Lee"),
    ("“We will win,” Lopez said when asked whether she would run.", "asked", None),
    # ... while "it" that stands for a firm or a paper speaks
    ("The firm declined, citing legal risks.", "citing", "The firm"),
    # a cue the parser gave no subject: the name set off by commas that it hung on the opener, a title and
    # name both hung there (but not a place's state), the subject of a first act it made the cue's complement
    ("In a statement to the Herald, her senior adviser, Jake Moss, said the plan was dead.",
     "said", "her senior adviser, Jake Moss"),
    ("In a note to Lee, Ruiz, the head of the panel, argued that the rules were unfair.",
     "argued", "Ruiz, the head of the panel"),
    ("At a town hall in Ames, Ohio, Gov. Dan Pratt, the state's top official, warned that taxes would rise.",
     "warned", "Gov. Dan Pratt, the state's top official"),
    ("Ross jokingly offered the reporter a job, then says he will welcome advice from anyone.", "says", "Ross"),
    ("At a June rally in Ames, Iowa, 62-year-old Brenda Olson also railed against the tax, and explained how it "
     "hurt her.", "explained", "62-year-old Brenda Olson"),
    # a passive cue's subject holds the view ("is persuaded", "is assured of"), unless it is who was told
    ("The senator was persuaded that the deal was fair.", "persuaded", "The senator"),
    ("Mayor Ortiz is now assured of winning the vote.", "assured of", "Mayor Ortiz"),
    ("Critics were told that the plan would fail.", "told", None),
    # a cue verb used as a noun: whoever makes the call, leads the campaign
    ("Ross made an impassioned call for calm.", "call for", "Ross"),
    ("The mayor renewed calls for a recount.", "calls for", "The mayor"),
    ("The governor led campaigns against the tax.", "campaigns against", "The governor"),
    # a passive cue with no "by" hides who spoke: not the subject of the clause it hangs on
    ("The mayor came under fire when it was revealed that she had used a private server.", "revealed", None),
    ("The price was not disclosed, though it was widely reported that Lee paid a million dollars.",
     "reported", None),
    # a participle after "…, he said," is the speaker's; a name the parser made the root is the subject
    ("“The party will have other voices,” he said, not even suggesting that Lee could lead it.",
     "suggesting", "he"),
    ("Trump defended eminent domain, calling the seizure of private land a necessity.", "calling", "Trump"),
    # a thing made to speak ("an ad that urges …"): whoever released or ran it
    ("Lee released a new ad that urges voters to send a message.", "urges", "Lee"),
    ("The Herald ran a piece that noted the plan would fail.", "noted", "The Herald"),
    # a participle on an object: the sender's words, the one who has a hard time; others' words stay theirs
    ("The senator emailed supporters saying that the race was close.", "saying", "The senator"),
    ("Many voters have more trouble accepting that the mayor lied.", "accepting", "Many voters"),
    ("The aide met voters saying the plan was unfair.", "saying", "voters"),
    ("The former president spent much of his speech defending his record on the war.",
     "defending", "The former president"),
    # after a quote, the one named after the inverted cue: not a subject the parser found inside the quote,
    # and also when the parser made it the cue's object
    ("“The drop is due to the emails, the foundation, all the old stuff,” said a person close to the mayor.",
     "said", "a person close to the mayor"),
    ("“The mayor is a fraud,” read one.", "read", "one"),
    ("“Our movement has already forced her to change her mind,” read the email.", "read", "the email"),
    # a verb whose tense cannot share the reported clause's ("says he would … and tells …") is the reporter's
    ("Kasich says he would sit the envoy down and tell him to stop, and tells the crowd he was the first to say it.",
     "tells", "Kasich"),
    ("Lee insists that he will fight on to the convention and refuses to answer questions about the race.",
     "refuses", "Lee"),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_source_span(nlp, text: str, cue: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert source_of(nlp, text, cue) == expected


def test_conjunction_left_at_the_end_is_trimmed() -> None:
    """A parse that hangs a dangling "and" on the subject ("Lee and said …") does not put it in the span."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimtrail.nlp.attr_source import source_span

    words = ["Lee", "and", "said", "it", "works"]
    doc = Doc(Vocab(), words=words, heads=[2, 0, 2, 4, 2], deps=["nsubj", "cc", "ROOT", "nsubj", "ccomp"],
              pos=["PROPN", "CCONJ", "VERB", "PRON", "VERB"])
    s, e = source_span(doc[0], doc[2])
    assert doc.text[s:e] == "Lee"


HOLDERS = [
    # a possessive pronoun on a noun cue that a verb takes as its object: the verb's subject when it is a
    # name or a group and agrees with the pronoun; otherwise the pronoun
    ("Mr. Lee continued his attacks on the judge.", "attacks", "Lee"),
    ("Both parents stiffened their denunciation of the senator.", "denunciation", "parents"),
    ("The ruling did not change her view of the case.", "view", "her"),
    ("The senators repeated his criticism of the plan.", "criticism", "his"),
    ("Lee was alone in his view that the plan would fail.", "view", "his"),
]


@pytest.mark.parametrize(("text", "noun", "expected"), HOLDERS, ids=[c[0][:40] for c in HOLDERS])
def test_holder(nlp, text: str, noun: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.nlp.attr_source import holder

    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    owner = next(c for c in tok.children if c.dep_ == "poss")
    assert holder(owner, tok).text == expected


SUBJECTS = [
    # a verb the parser coordinated into a reported clause about a thing is the reporter's second act ...
    ("Lee said the vote hurt his party and goes on to blame the press for the loss.", "blame", "Lee"),
    ("Lee said the plan was rigged and called for a recount.", "called", "Lee"),
    # ... but people in the reported clause may act themselves
    ("Lee said the senators were wrong and called for a recount.", "called", "senators"),
]


@pytest.mark.parametrize(("text", "word", "expected"), SUBJECTS, ids=[c[0][:40] for c in SUBJECTS])
def test_subject(nlp, text: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.nlp.attr_source import subject

    doc = nlp(text)
    found = subject(next(t for t in doc if t.text == word))
    assert found is not None and found.text == expected


def test_first_act_with_a_quote_inside() -> None:
    """A cue the parser gave no subject, with a first act it made the cue's complement: that act's subject
    speaks, even when a quote sits inside the act ("He pledged a “big” deal for the city, says it works");
    a quote that closes right before the cue is what was said instead."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimtrail.nlp.attr_source import subject

    words = ["He", "pledged", "a", "“", "big", "”", "deal", "for", "the", "city", ",", "says", "it", "works"]
    heads = [1, 11, 6, 4, 6, 4, 1, 6, 9, 7, 11, 11, 13, 11]
    deps = ["nsubj", "ccomp", "det", "punct", "amod", "punct", "dobj", "prep", "det", "pobj", "punct", "ROOT",
            "nsubj", "ccomp"]
    tags = ["PRP", "VBD", "DT", "``", "JJ", "''", "NN", "IN", "DT", "NN", ",", "VBZ", "PRP", "VBZ"]
    pos = ["PRON", "VERB", "DET", "PUNCT", "ADJ", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PRON",
           "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    found = subject(doc[11])
    assert found is not None and found.text == "He"
    quoted = Doc(Vocab(), words=["“", "He", "won", "”", ",", "says", "it", "works"], heads=[2, 2, 5, 2, 5, 5, 7, 5],
                 deps=["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "nsubj", "ccomp"],
                 tags=["``", "PRP", "VBD", "''", ",", "VBZ", "PRP", "VBZ"],
                 pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PRON", "VERB"])
    assert subject(quoted[5]) is None
