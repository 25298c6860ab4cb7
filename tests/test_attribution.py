"""The attribution stage on hand-written sentences: kind, source, cue, content and stance.

The sentences are our own. Each row is text → the attribution expected in it; content pieces of a
split quote are joined with " | ". Stance is read from the stage's own output (the claims stage,
which refines stance later, is switched off here).
"""
from __future__ import annotations

import time

import pytest

from claimtrail.nlp import attribution
from claimtrail.nlp.quotes import find_quotes
from claimtrail.nlp.state import Analysis, TimexHit


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from claimtrail.nlp.pipeline import Pipeline
    return Pipeline().nlp


def hits(nlp, text: str):  # type: ignore[no-untyped-def]
    with nlp.select_pipes(disable=["claimtrail_claims"]):
        doc = nlp(text)
    ct = doc._.ct
    assert not [f for f in ct.flags if f.code == "stage-error" and f.message.startswith("attribution")], ct.flags
    return doc, ct


def describe(text: str, h) -> tuple[str, str | None, str, str, str]:  # type: ignore[no-untyped-def]
    return (h.kind, text[h.source[0]:h.source[1]] if h.source else None, text[h.cue[0]:h.cue[1]],
            " | ".join(text[s:e] for s, e in h.content), h.stance)


CASES = [
    # direct quotes, straight and curly, cue after, before, inverted, split around the cue
    ("“We will rebuild the bridge by spring,” said Mayor Dana Whitfield.",
     ("direct", "Mayor Dana Whitfield", "said", "“We will rebuild the bridge by spring,”", "assert")),
    ('"I never saw the letter," Moreno said.',
     ("direct", "Moreno", "said", '"I never saw the letter,"', "assert")),
    ("“This is not over,” Patel wrote on Twitter.",
     ("direct", "Patel", "wrote", "“This is not over,”", "assert")),
    ("“The budget is fine,” she said, “but the schools need more.”",
     ("direct", "she", "said", "“The budget is fine,” | “but the schools need more.”", "assert")),
    ("“The talks are over,” the minister said. “We are going home.”",
     ("direct", "the minister", "said", "“The talks are over,” | “We are going home.”", "assert")),
    ("“We are not done,” the coach said at a news conference on Sunday. “Next year we come back.”",
     ("direct", "the coach", "said", "“We are not done,” | “Next year we come back.”", "assert")),
    ("Spokeswoman Elena Ruiz said: “The plant will stay open.”",
     ("direct", "Spokeswoman Elena Ruiz", "said", "“The plant will stay open.”", "assert")),
    ("“We have nothing to hide,” the spokesman said. The inquiry continues.",
     ("direct", "the spokesman", "said", "“We have nothing to hide,”", "assert")),
    # a quote with a verb outside the lexicon still goes to that verb and its subject
    ("“Get off my lawn,” Okafor barked.",
     ("direct", "Okafor", "barked", "“Get off my lawn,”", "assert")),
    # indirect speech
    ("The senator told reporters that the bill would pass next week.",
     ("indirect", "The senator", "told", "that the bill would pass next week", "assert")),
    ("Officials said the summit would go ahead as planned.",
     ("indirect", "Officials", "said", "the summit would go ahead as planned", "assert")),
    ("The summit will go ahead as planned, the foreign minister said.",
     ("indirect", "the foreign minister", "said", "The summit will go ahead as planned", "assert")),
    ("The vote, officials said, has been postponed until Friday.",
     ("indirect", "officials", "said", "The vote | has been postponed until Friday", "assert")),
    ("According to the police report, the driver was not injured.",
     ("indirect", "the police report", "According to", "the driver was not injured", "assert")),
    ("The chief executive announced on Tuesday that the firm would move to Denver.",
     ("indirect", "The chief executive", "announced", "that the firm would move to Denver", "assert")),
    ("Critics argue that the scheme rewards the wealthy.",
     ("indirect", "Critics", "argue", "that the scheme rewards the wealthy", "assert")),
    # stances from the cue, and negation
    ("The company confirmed that it had laid off 200 workers.",
     ("indirect", "The company", "confirmed", "that it had laid off 200 workers", "confirm")),
    ("The ministry denied that any soldiers had crossed the border.",
     ("indirect", "The ministry", "denied", "that any soldiers had crossed the border", "deny")),
    ("The analyst speculated that prices would fall again.",
     ("indirect", "The analyst", "speculated", "that prices would fall again", "speculate")),
    ("He asked whether the tax would apply to renters.",
     ("indirect", "He", "asked", "whether the tax would apply to renters", "question")),
    ("Harlan did not deny that he had met the lobbyist.",
     ("indirect", "Harlan", "deny", "that he had met the lobbyist", "decline")),
    # refusals
    ("The coach would not comment on whether the striker would play.",
     ("indirect", "The coach", "comment on", "whether the striker would play", "decline")),
    ("The bank declined to give details of the settlement.",
     ("indirect", "The bank", "declined", "to give details of the settlement", "decline")),
    # beliefs and wishes (reported states of mind count as attributions)
    ("She believes the new rules will hurt small farmers.",
     ("indirect", "She", "believes", "the new rules will hurt small farmers", "speculate")),
    ("The union wants a pay rise of five percent.",
     ("indirect", "The union", "wants", "a pay rise of five percent", "assert")),
    ("The teachers' union criticized the plan to close rural schools.",
     ("indirect", "The teachers' union", "criticized", "the plan to close rural schools", "assert")),
    # mixed: indirect speech with a quoted fragment
    ("The governor was “taking a well-earned rest” after the campaign, his aide said.",
     ("mixed", "his aide", "said", "The governor was “taking a well-earned rest” after the campaign", "assert")),
    # group and anonymous sources
    ("Western diplomats said the ceasefire was unlikely to hold.",
     ("indirect", "Western diplomats", "said", "the ceasefire was unlikely to hold", "assert")),
    ("Several social media accounts claimed that the mayor had resigned.",
     ("indirect", "Several social media accounts", "claimed", "that the mayor had resigned", "assert")),
    ("Local media reports said the fire started in a kitchen.",
     ("indirect", "Local media reports", "said", "the fire started in a kitchen", "assert")),
    ("The factory will close in March, according to two people familiar with the matter.",
     ("indirect", "two people familiar with the matter", "according to", "The factory will close in March",
      "assert")),
    # a noun as the cue
    ("Her insistence that the vote was rigged drew a sharp rebuke.",
     ("indirect", "Her", "insistence", "that the vote was rigged", "assert")),
    # a multi-word cue closed by its preposition: the preposition's object is the content
    ("Warren has called for higher taxes on hedge funds.",
     ("indirect", "Warren", "called for", "higher taxes on hedge funds", "assert")),
    ("The union spoke out against the new contract.",
     ("indirect", "The union", "spoke out against", "the new contract", "assert")),
    # a trailing when or where is not part of what was said or backed
    ("The governor announced her candidacy in April.",
     ("indirect", "The governor", "announced", "her candidacy", "assert")),
    # a sentence-opening "To X," names whose view the sentence is
    ("To many, the old mayor is still a hero.",
     ("indirect", "many", "To", "the old mayor is still a hero", "assert")),
    # the object's appositive is the writer's gloss, not what was denounced
    ("Protesters denounced Comey, a former prosecutor.",
     ("indirect", "Protesters", "denounced", "Comey", "assert")),
    # thanking: the ones thanked and what for are the content
    ("The mayor thanked the volunteers for their work.",
     ("indirect", "The mayor", "thanked", "the volunteers for their work", "assert")),
    # a short relative clause stays with the source; a long aside is cut
    ("Senator Maria Lopez of New Mexico, who chairs it, said the vote was fair.",
     ("indirect", "Senator Maria Lopez of New Mexico, who chairs it", "said", "the vote was fair", "assert")),
    ("Lee, who has chaired the finance panel since 2019, said the vote was fair.",
     ("indirect", "Lee", "said", "the vote was fair", "assert")),
    # a hyphenated Korean given name stays whole in the source
    ("President Moon Jae-in had hoped to sign the agreement in Hanoi next month.",
     ("indirect", "President Moon Jae-in", "hoped", "to sign the agreement in Hanoi next month", "assert")),
]

# a second, coordinated cue of the same speaker ends the first one's content
COORDINATED = "The minister said that the plan would work and insisted that the vote was fair."


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution_found(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "Western diplomats said the ceasefire was unlikely to hold.",
    "A person familiar with the matter said the deal could collapse.",
    "Local media reports said the fire started in a kitchen.",
])
def test_group_sources_marked(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert ct.attributions and ct.attributions[0].group


def test_named_source_is_not_a_group(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, "Mayor Dana Whitfield said the bridge would reopen.")
    assert ct.attributions and not ct.attributions[0].group


@pytest.mark.parametrize("text", [
    "The weather was fine and the match started at noon.",
    "She walked to the station and bought a ticket.",
    "He posted on Facebook.",  # where something was posted is not what was said
])
def test_no_attribution_in_plain_narration(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, text)
    assert ct.attributions == []


def test_said_inside_a_quote_is_not_a_second_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“My father said we would never leave,” Amara Ndiaye said."
    _, ct = hits(nlp, text)
    assert [describe(text, h)[:3] for h in ct.attributions] == [("direct", "Amara Ndiaye", "said")]


def test_quote_running_over_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The mayor said:\n\n“The first problem is money. We have none.\n\n"
            "“The second problem is time, and we have even less of that.”\n\nThe council meets on Monday.")
    _, ct = hits(nlp, text)
    direct = [h for h in ct.attributions if h.kind == "direct"]
    assert len(direct) == 1
    s, e = direct[0].content[0][0], direct[0].content[-1][1]
    assert text[s:e].startswith("“The first problem") and text[s:e].endswith("even less of that.”")
    assert text[direct[0].source[0]:direct[0].source[1]] == "The mayor"


def test_speaker_turn_next_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We lost,” the coach said.\n\n“We will be back next year.”"
    _, ct = hits(nlp, text)
    assert len(ct.attributions) == 1
    assert [text[s:e] for s, e in ct.attributions[0].content] == ["“We lost,”", "“We will be back next year.”"]


def test_dash_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We are ready for anything,” — Captain Mira Holt said before the race."
    _, ct = hits(nlp, text)
    assert ("direct", "Captain Mira Holt", "said", "“We are ready for anything,”", "assert") in \
        [describe(text, h) for h in ct.attributions]


def test_headline_lead_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Mills: The Budget Will Balance\n\nThe governor spoke on Friday."
    _, ct = hits(nlp, text)
    got = [describe(text, h) for h in ct.attributions]
    assert ("indirect", "Governor Mills", ":", "The Budget Will Balance", "assert") in got


def test_unbalanced_quotes_flagged_and_rest_read(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We will win this, the captain said after training.\n\n"
            "Officials said the roads would close at noon.")
    _, ct = hits(nlp, text)
    flags = [f for f in ct.flags if f.code == "unbalanced-quotes"]
    assert flags and flags[0].start == 0
    got = [describe(text, h) for h in ct.attributions]
    assert ("indirect", "Officials", "said", "the roads would close at noon", "assert") in got


@pytest.mark.parametrize("text", [
    "\u201c", '"', "\u201c\u201d", "\u201d \u201c \u201d \u201c", "\n\n\u201c\n\n\u201d", "said said said.",
    "She said: ", ": : :", "According to", "\u201cA,\u201d \u201cB,\u201d \u201cC,\u201d she said, \u201cD\u201d \u201c",
    "''Two'' ''marks'' '' said he.", "\u201cNo end\n\n\u201cstill no end\n\n\u201cand none", "- said -",
])
def test_odd_input_never_crashes(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    hits(nlp, text)  # asserts that no stage-error flag was raised


def test_coordinated_cues_split_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ct = hits(nlp, COORDINATED)
    got = [describe(COORDINATED, h)[2:4] for h in ct.attributions]
    assert ("said", "that the plan would work") in got, got
    assert ("insisted", "that the vote was fair") in got, got


def test_cue_inside_an_unclosed_quote_still_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"We were given the final figures on Monday night, council member Dana Whitfield said. '
            "She added that the report ran to 400 pages.")
    _, ct = hits(nlp, text)
    got = [describe(text, h)[1:4] for h in ct.attributions]
    assert ("council member Dana Whitfield", "said", '"We were given the final figures on Monday night') in got
    assert ("She", "added", "that the report ran to 400 pages") in got


def test_quote_finder_forms() -> None:
    text = 'He said "one" and “two” and \'\'three\'\' here.\n“Open para\n\n“goes on.”\n“never closed'
    quotes, bad = find_quotes(text)
    assert [text[s:e] for s, e in quotes] == ['"one"', "“two”", "''three''", "“Open para\n\n“goes on.”",
                                               "“never closed"]
    assert bad == [text.index("“never")]


def test_time_of_saying_from_timex(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The chief executive announced on Tuesday that the firm would move to Denver."
    with nlp.select_pipes(disable=["claimtrail_attribution", "claimtrail_claims"]):
        doc = nlp(text)
    doc._.ct = Analysis()
    start = text.index("Tuesday")
    doc._.ct.timexes = [TimexHit(0, 3, "DATE", "X"), TimexHit(start, start + 7, "DATE", "2026-W01-2")]
    attribution.run(doc)
    assert [h.time for h in doc._.ct.attributions] == [1]


def test_long_sentence_does_not_crash_and_stays_fast(nlp) -> None:  # type: ignore[no-untyped-def]
    towns = ", ".join(f"the village of Town{i} will get a new road and a school" for i in range(60))
    text = f"The minister said that {towns}, and the mayor denied it."
    doc = nlp.make_doc(text)
    assert len(doc) > 500
    with nlp.select_pipes(disable=["claimtrail_attribution", "claimtrail_claims"]):
        doc = nlp(text)
    doc._.ct = doc._.ct or Analysis()
    t0 = time.perf_counter()
    attribution.run(doc)
    assert time.perf_counter() - t0 < 1.0
    assert not [f for f in doc._.ct.flags if f.code == "stage-error" and f.message.startswith("attribution")]
    assert any(text[h.cue[0]:h.cue[1]] == "said" for h in doc._.ct.attributions)


def test_lexicon_is_well_formed() -> None:
    single, multi = attribution.lexicon()
    assert {"say", "tell", "deny", "confirm", "speculate", "decline", "believe"} <= set(single)
    stances = {c.stance for c in single.values()} | {c.stance for v in multi.values() for _, c in v}
    assert stances <= {"assert", "confirm", "deny", "speculate", "decline", "question"}
