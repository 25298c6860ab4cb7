"""The cue lexicon and its context checks (``nlp/cues.py``, ``lexicons/cues.tsv``) on hand-written
sentences: whether a word counts as an attribution cue where it stands, and what a newly added cue
reports. The sentences are our own; each lexicon rule keeps its rows here.
"""
from __future__ import annotations

import pytest

from claimtrail.nlp.cues import CONTEXT, cue_tokens, lexicon


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from claimtrail.nlp.pipeline import Pipeline
    return Pipeline().nlp


def _doc(nlp, text: str):  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["claimtrail_claims"]):
        return nlp(text)


def fires(nlp, text: str, word: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a lexicon cue starts at the first occurrence of ``word`` in ``text``."""
    doc = _doc(nlp, text)
    at = text.index(word)
    return any(first.idx == at for first, _, _ in cue_tokens(doc))


# text, the word, whether it is a cue there
FIRES = [
    # "cast": casting someone in a light, casting doubt, a ballot for someone; not ballots alone
    ("The senator cast her rival as a friend of the big banks.", "cast", True),
    ("The ruling cast doubt on the mayor's account of the night.", "cast", True),
    ("Nearly half of the town's voters cast their ballots before noon.", "cast", False),
    # "attack" as a noun: words against someone, not violence against a place
    ("The governor's attacks on the union grew sharper all week.", "attacks", True),
    ("Reporters asked about the attack on the embassy in the capital.", "attack", False),
    ("He shrugged off the attacks on his character during the debate.", "attacks", True),
    # "embrace": a view or a plan, not a person
    ("The council embraced the plan to widen the river path.", "embraced", True),
    ("At the airport the mayor embraced him before the cameras.", "embraced", False),
    # "see": a view held; not watching something happen
    ("Many farmers see the new tariff as a threat to their exports.", "see", True),
    ("The party saw its members leave in droves.", "saw", False),
    ("Many growers see that the tariff has already cut their sales.", "see", True),
    # "compare": likening one thing to another; not the figures' "compared with"
    ("The senator compared the new levy to a tax on bread.", "compared", True),
    ("Sales rose 4 percent, compared with 2 percent a year earlier.", "compared", False),
    # "remember": someone's memory, not the writer's reminder
    ("Old friends remembered the coach as a patient teacher.", "remembered", True),
    ("It is worth remembering that the bridge was built in a hurry.", "remembering", False),
    # nouns held by someone: a possessor or a 'that' clause
    ("The group's critique of the budget ran to forty pages.", "critique", True),
    ("A critique of pure reason sat on the shelf.", "critique", False),
    ("The charges of fraud against the builder were dropped.", "charges", False),
    ("Their demand for a recount was turned down by the board.", "demand", True),
    ("The demands of the job left her little time.", "demands", False),
    # "call": naming or judging, not phoning
    ("Clinton called Sanders shortly after the polls closed.", "called", False),
    ("The governor called the plan a disaster for the state.", "called", True),
    ("The mayor called him “a coward” on live radio.", "called", True),
    ("The senator called out the party leaders for their silence.", "called", True),
    # "share": passing on a view, not a thing shared with someone
    ("She shared her doubts about the deal in a long post.", "shared", True),
    ("The mayor shared the stage with her rival.", "shared", False),
    # "support" and "question" as nouns: someone's support for something, questions about something
    ("Her support for the bill surprised her allies.", "support", True),
    ("The bill won support of the unions in May.", "support", False),
    ("Reporters raised questions about his health.", "questions", True),
    ("The question is whether the bridge will hold.", "question", False),
    # set phrases with "say" in which nobody says anything
    ("Having said that, the plan has real flaws.", "said", False),
    ("That being said, the council will vote on Monday.", "said", False),
    ("It is fair to say the plan failed.", "say", False),
    ("The plan is an old idea, critics say.", "plan", False),
    ("The union's plan drew no support.", "plan", True),
    ("By some standards one could say the town has recovered.", "say", False),
    ("It goes without saying that the bridge must be fixed.", "saying", False),
    ("The mayor said that the bridge must be fixed.", "said", True),
    # "imagine" with a subject of its own, not the writer's imperative
    ("Imagine a city without buses.", "Imagine", False),
    ("Few voters imagine that the tax will fall.", "imagine", True),
    # saying verbs that also make or hand over things: an object and nothing said
    ("The firm reported a loss for the year.", "reported", False),
    ("The firm reported that its sales fell.", "reported", True),
    ("The donors pledged five million dollars to the school.", "pledged", False),
    ("The mayor pledged to rebuild the school.", "pledged", True),
    ("The union threatened a strike at the port.", "threatened", False),
    ("The union threatened to shut the port.", "threatened", True),
    # lemmas the small model gets wrong
    ("The senator retweeted a post from her aide.", "retweeted", True),
    ("The critic extolled the film as a classic.", "extolled", True),
    # "post" has other senses: only a clause or a quote makes it a cue (it still fires; see CONTENT)
    ("The company posted a loss for the third quarter.", "posted", True),
    # "find": what a poll or an inquiry found, or a judgement; not coming upon something
    ("A new survey found broad support for the toll.", "found", True),
    ("The old audit, the new inquiry found, missed two accounts.", "found", True),
    ("The voters found the plan reckless.", "found", True),
    ("After months of searching she found a job in the city.", "found", False),
    ("The mayor found himself in trouble with the unions.", "found", False),
    # "hit": attacking someone in words, with a reason; not hitting the road or a target
    ("The ad hits the mayor for raising the bus fares.", "hits", True),
    ("The senator hit her rival on his record on schools.", "hit", True),
    ("The candidates hit the road again on Monday.", "hit", False),
    ("Sales hit a record in the spring.", "hit", False),
    # "offer": a view, a plan or help; not money nor oneself
    ("The governor offered few details about the plan.", "offered", True),
    ("The mayor offered to meet the strikers on Friday.", "offered", True),
    ("The bank offered $40 million for the land.", "offered", False),
    ("He offered himself up as a go-between.", "offered", False),
    # "nominate": putting someone forward for a post
    ("The party nominated a farmer for governor.", "nominated", True),
]


@pytest.mark.parametrize("text,word,expected", FIRES)
def test_fires(nlp, text: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert fires(nlp, text, word) is expected


def test_multiword_cue_after_a_lemma_repair(nlp) -> None:  # type: ignore[no-untyped-def]
    """The small model lemmatises "hoped" as "hop"; the repaired lemma opens the multi-word cue
    "hope for", so the whole phrase is the cue, not "hoped" alone."""
    from claimtrail.nlp.cues import cue_tokens
    doc = nlp.make_doc("Residents hoped for a quick repair of the bridge.")
    for _, proc in nlp.pipeline:
        if not _.startswith("claimtrail"):
            doc = proc(doc)
    assert [doc[a.i:b.i + 1].text for a, b, _ in cue_tokens(doc)] == ["hoped for"]


def test_verb_tagged_as_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    """A verb the tagger took for a noun ("Audit files show that …") still counts when it has a subject
    or a clause of its own; the same word as a plain noun ("the show") does not. The parse is built by
    hand so that the test does not hang on what the small model does with these words."""
    from spacy.tokens import Doc
    words = ["Audit", "files", "show", "that", "costs", "rose", ".", "The", "show", "ended", "."]
    lemmas = ["audit", "file", "show", "that", "cost", "rise", ".", "the", "show", "end", "."]
    pos = ["NOUN", "NOUN", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    heads = [1, 2, 2, 5, 5, 2, 2, 8, 9, 9, 9]
    deps = ["compound", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps,
              sent_starts=[True] + [False] * 6 + [True] + [False] * 3)
    found = {first.i for first, _, _ in cue_tokens(doc)}
    assert 2 in found and 8 not in found


def attributions(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, text)
    return [(text[h.cue[0]:h.cue[1]], " | ".join(text[s:e] for s, e in h.content)) for h in doc._.ct.attributions]


# text, the cue, a piece of what it reports (None: the cue reports nothing there)
CONTENT = [
    ("The mayor made it clear that the budget would not grow next year.", "made it clear",
     "the budget would not grow next year"),
    ("The coach compared the loss to a bad dream.", "compared", "the loss to a bad dream"),
    ("Voters who identify themselves as moderates favour the plan.", "identify", "themselves as moderates"),
    ("The campaign looks to build on its win in the north.", "looks", "to build on its win"),
    ("The note read: “We are sorry for the delay.”", "read", "We are sorry for the delay."),
    ("Investigators determined that the fire had started in the kitchen.", "determined",
     "the fire had started in the kitchen"),
    ("She convinced the board that the merger would save money.", "convinced", "the merger would save money"),
    ("The minister took issue with the report's figures on crime.", "took issue with",
     "the report's figures on crime"),
    ("Her claim that the vote was rigged drew a swift reply.", "claim", "the vote was rigged"),
    ("The mayor's plan to close the library angered parents.", "plan", "to close the library"),
    ("Neighbours remember that the old mill was the heart of the town.", "remember",
     "the old mill was the heart of the town"),
    ("The company posted a loss for the third quarter.", "posted", None),
    ("He posted that the meeting was cancelled.", "posted", "the meeting was cancelled"),
    ("The senator insisted on paying for the dinner herself.", "insisted on", None),
    ("Hundreds protested outside the town hall on Sunday.", "protested", None),
    ("He guaranteed that the plant would stay open.", "guaranteed", "the plant would stay open"),
    ("The shop guaranteed delivery within a week.", "guaranteed", None),
    ("The former mayor disavowed the remarks of his aide.", "disavowed", "the remarks of his aide"),
    ("Her reluctance to endorse the mayor was plain.", "reluctance", "to endorse the mayor"),
    ("She has been outspoken about the cuts to the library.", "outspoken about", "the cuts to the library"),
    ("The study illustrates that small towns lose young people.", "illustrates", "small towns lose young people"),
    ("She focused on the economy in her speech.", "focused on", "the economy"),
    ("The crowd broke into chants of “four more years” as she spoke.", "chants of", "“four more years”"),
    ("The auditors listed three reasons for the delay.", "listed", "three reasons for the delay"),
    ("He attributed the loss to the weather.", "attributed", "the loss to the weather"),
    ("The coach presented the draw as a victory.", "presented", "the draw as a victory"),
    ("Her support for the bill surprised her allies.", "support for", "the bill"),
    ("Reporters raised questions about his health.", "questions about", "his health"),
    ("The senator insisted that the dinner was paid for.", "insisted", "the dinner was paid for"),
    ("A recent survey found broad support for the new toll.", "found", "broad support for the new toll"),
    ("Most renters back the rent cap, the survey found.", "found", "Most renters back the rent cap"),
    ("The ad hits the mayor for raising the bus fares.", "hits", "the mayor for raising the bus fares"),
    ("The governor offered few details about the plan.", "offered", "few details about the plan"),
    ("The party nominated a farmer for governor.", "nominated", "a farmer for governor"),
]


@pytest.mark.parametrize("text,cue,content", CONTENT)
def test_content(nlp, text: str, cue: str, content: str | None) -> None:  # type: ignore[no-untyped-def]
    found = [c for k, c in attributions(nlp, text) if k == cue]
    if content is None:
        assert not found, found
    else:
        assert any(content in c for c in found), attributions(nlp, text)


def test_lexicon_keys_have_checks_that_exist() -> None:
    """Every context check is keyed by a word the lexicon has (a renamed entry must not orphan it)."""
    single, _ = lexicon()
    assert set(CONTEXT) <= set(single)


# Words taken out of the lexicon on purpose (senses that mostly report nothing): keep them out.
@pytest.mark.parametrize("key", ["stump", "stump for", "warrant", "consult", "broadcast", "expose", "muster", "cry",
                                 "mean", "invoke", "identify with", "screen", "spill", "betray", "probe", "bargain",
                                 "confer", "fete", "advertise", "n:determination", "n:anticipation", "n:stance",
                                 "n:position", "n:message", "n:supporter", "n:expectation", "n:pitch"])
def test_dropped(key: str) -> None:
    single, multi = lexicon()
    words = key.split()
    assert key not in single and not any(w == tuple(words) for w, _ in multi.get(words[0], ()))


# stance of cues added in stop 10 (``lexicons/stance.tsv``): text, cue, lexicon stance, expected
STANCES = [
    ("The senator renounced the remarks of his aide.", "renounced", "deny", "deny"),
    ("The senator would not renounce the remarks of his aide.", "renounce", "deny", "decline"),
]


@pytest.mark.parametrize("text,cue,initial,expected", STANCES)
def test_stance(nlp, text: str, cue: str, initial: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.nlp.stance import stance_of_cue
    assert stance_of_cue(_doc(nlp, text), cue, initial) == expected
