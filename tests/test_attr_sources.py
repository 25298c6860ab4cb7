"""Who said it: the source span the attribution stage gives a cue, on hand-written sentences.

The sentences are our own. Each row is text → cue → the source text expected for that cue (None: no
source). The rules live in ``claimtrail.nlp.attr_parse`` (``subject`` and ``source_span``): the subject's
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
    ("Ross, himself a candidate, said the vote was rigged.", "said", "Ross"),
    ("Mr. Lee, almost alone, argued that the tax was fair.", "argued", "Mr. Lee"),
    # ... while what says who they are stays: a relative clause on the name, an apposition's own
    # clause, a companion ("along with"), an age written into the name
    ("Dana Price, who chairs the panel, said the vote would wait.", "said", "Dana Price, who chairs the panel"),
    ("Tom Reed, a lawyer who once worked for the mayor, said the deal was bad.",
     "said", "Tom Reed, a lawyer who once worked for the mayor"),
    ("Ms. Epstein, along with two colleagues, wrote that the court had shifted.",
     "wrote", "Ms. Epstein, along with two colleagues"),
    ("The 46-year-old said the company had failed.", "said", "The 46-year-old"),
    # what the parser hung in front of the name: a dateline, a spaced dash, an opening day and place
    ("DENVER (Reuters) - Mayor Ana Lopez said on Monday that the bridge would reopen in May.",
     "said", "Mayor Ana Lopez"),
    ("The plan is an old favorite - others say it is a trap.", "say", "others"),
    ("Tuesday on a local radio show, Sen. Tom Baker (R-KS) said the bill was dead.",
     "said", "Sen. Tom Baker (R-KS)"),
    ("WASHINGTON, May 2 (UPI) -- A spokesman for the mayor called the ruling a disgrace.",
     "called", "A spokesman for the mayor"),
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
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_source_span(nlp, text: str, cue: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert source_of(nlp, text, cue) == expected


def test_conjunction_left_at_the_end_is_trimmed() -> None:
    """A parse that hangs a dangling "and" on the subject ("Lee and said …") does not put it in the span."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimtrail.nlp.attr_parse import source_span

    words = ["Lee", "and", "said", "it", "works"]
    doc = Doc(Vocab(), words=words, heads=[2, 0, 2, 4, 2], deps=["nsubj", "cc", "ROOT", "nsubj", "ccomp"],
              pos=["PROPN", "CCONJ", "VERB", "PRON", "VERB"])
    s, e = source_span(doc[0], doc[2])
    assert doc.text[s:e] == "Lee"
