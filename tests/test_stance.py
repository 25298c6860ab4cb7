"""Stance of attributions on hand-written sentences (our own words), each stance and each negated form.

End to end where possible: each sentence runs through the real pipeline and the stance is read from
the attribution whose cue overlaps the marked cue words (the claims stage has refined it by then).
Where the attribution stage found no attribution there, the stance is checked by
``stance.stance_of_cue`` on the cue in its parsed sentence (the same ``refine_stance`` the claims
stage applies). ``test_mostly_end_to_end`` requires at least 75 % of the cases to take the first
path; at the time of writing 69 of 74 did (the misses: "declined to comment", "refused to comment",
"could not be reached for comment", the "confirmed" of "neither confirmed nor denied", and "did not
refuse to confirm", whose attribution has the cue "refuse").
"""
from __future__ import annotations

import pytest

from claimtrail.nlp.stance import stance_of_cue
from claimtrail.nlp.state import analysis

# (sentence, cue words as they appear in it, expected stance)
CASES: list[tuple[str, str, str]] = [
    # assert
    ("The mayor said the bridge would reopen next month.", "said", "assert"),
    ("Officials told reporters that the border crossing was closed.", "told", "assert"),
    ("She insisted that she had done nothing wrong.", "insisted", "assert"),
    ("The union claimed that the factory had broken the agreement.", "claimed", "assert"),
    ("The company announced that it would cut 400 jobs.", "announced", "assert"),
    ("“We will appeal,” the lawyer said.", "said", "assert"),
    ("The coach added that two players were injured.", "added", "assert"),
    ("The airline stated that all flights would resume on Friday.", "stated", "assert"),
    ("The minister wrote on social media that the talks had ended.", "wrote", "assert"),
    ("Police reported that three men had been arrested.", "reported", "assert"),
    ("The senator maintained that the vote had been fair.", "maintained", "assert"),
    ("Prosecutors alleged that the banker had hidden the money abroad.", "alleged", "assert"),
    ("The governor warned that the river could flood the town.", "warned", "speculate"),
    ("The general argued that the troops should stay.", "argued", "assert"),
    # confirm
    ("The ministry confirmed that the ambassador had been recalled.", "confirmed", "confirm"),
    ("The coach acknowledged that the team had played badly.", "acknowledged", "confirm"),
    ("The bank admitted that customer data had been exposed.", "admitted", "confirm"),
    ("The candidate conceded that he had lost the election.", "conceded", "confirm"),
    ("A police spokesman confirmed the arrest of two suspects.", "confirmed", "confirm"),
    ("Hospital officials verified that the patient had died overnight.", "verified", "confirm"),
    ("The club finally acknowledged the transfer on Sunday.", "acknowledged", "confirm"),
    # deny
    ("She denied that Ortega had been forced out.", "denied", "deny"),
    ("The company dismissed the reports as rumours.", "dismissed", "deny"),
    ("The palace dismissed claims that the king was ill.", "dismissed", "deny"),
    ("The minister rejected the claim that he had lied to parliament.", "rejected", "deny"),
    ("The president ruled out a second term.", "ruled out", "deny"),
    ("The firm disputed the account given by the workers.", "disputed", "deny"),
    ("Her lawyer called the allegations baseless.", "called", "deny"),
    ("A spokeswoman said the report was false.", "said", "deny"),
    ("The army denied reports that soldiers had crossed the river.", "denied", "deny"),
    ("The embassy refuted the story in a short statement.", "refuted", "deny"),
    # speculate
    ("Analysts speculated that the bank would cut interest rates.", "speculated", "speculate"),
    ("The report suggested that the fire had been started deliberately.", "suggested", "speculate"),
    ("The manager hinted that he might leave the club.", "hinted", "speculate"),
    ("The senator refused to rule out a run for the presidency.", "refused to rule out", "speculate"),
    ("Officials have not ruled out further arrests.", "ruled out", "speculate"),
    ("The chancellor would not rule out tax rises.", "rule out", "speculate"),
    ("The minister did not dismiss the idea of early elections.", "dismiss", "speculate"),
    ("He said he might resign next year.", "said", "speculate"),
    ("Experts believe the virus may have spread through the water supply.", "believe", "speculate"),
    ("Investors expect the merger to close in March.", "expect", "speculate"),
    ("The engineer said the crack could possibly widen.", "said", "speculate"),
    # decline
    ("A spokesman declined to comment on the arrest.", "declined to comment", "decline"),
    ("The authority would not comment on whether an inquiry was under way.", "comment", "decline"),
    ("The company refused to comment on the reports.", "refused to comment", "decline"),
    ("The palace would not confirm the date of the visit.", "confirm", "decline"),
    ("The police could not confirm that the driver had been drinking.", "confirm", "decline"),
    ("The minister did not deny that talks had taken place.", "deny", "decline"),
    ("The club has never denied that it paid the agent.", "denied", "decline"),
    ("The agency neither confirmed nor denied the report.", "confirmed", "decline"),
    ("The agency neither confirmed nor denied the report.", "denied", "decline"),
    ("The firm declined to give details of the settlement.", "declined to give", "decline"),
    ("The embassy did not respond to requests for comment.", "respond", "decline"),
    ("The ministry refused to say how many people had been detained.", "refused to say", "decline"),
    ("The coach would not say whether he would stay.", "say", "decline"),
    ("The mayor did not elaborate on the plan.", "elaborate", "decline"),
    ("The company did not acknowledge the complaint.", "acknowledge", "decline"),
    ("The airline would not discuss the cause of the delay.", "discuss", "decline"),
    ("The owner could not be reached for comment.", "reached", "decline"),
    # question
    ("Reporters asked whether the strike would continue.", "asked", "question"),
    ("Several lawmakers questioned whether the figures were accurate.", "questioned", "question"),
    ("Residents wondered whether the water was safe to drink.", "wondered", "question"),
    ("The judge asked if the witness had been paid.", "asked", "question"),
    ("Critics doubted that the plan would work.", "doubted", "question"),
    ("The journalist asked the minister whether he would resign.", "asked", "question"),
    # contracted and other negated forms
    ("The mayor didn't deny that the budget was short.", "deny", "decline"),
    ("The team wouldn't say when the coach would return.", "say", "decline"),
    ("The firm has not commented on the lawsuit.", "commented", "decline"),
    ("Officials never confirmed the number of casualties.", "confirmed", "decline"),
    ("The government did not reject the proposal outright.", "reject", "speculate"),
    ("He did not speculate about the cause of the crash.", "speculate", "decline"),
    ("The senator did not insist that the bill be passed this year.", "insist", "decline"),
    ("The regulator failed to confirm the approval.", "failed to confirm", "decline"),
    # double negation: two negations cancel
    ("The ministry did not refuse to confirm the figures.", "confirm", "confirm"),
]

MODES: dict[str, int] = {"pipeline": 0, "cue": 0}


def _stance(pipeline, text: str, cue: str) -> str:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    start = text.find(cue)
    end = start + len(cue)
    for a in analysis(doc).attributions:
        if a.cue[0] < end and start < a.cue[1]:
            MODES["pipeline"] += 1
            return a.stance
    MODES["cue"] += 1
    return stance_of_cue(doc, cue)


def test_enough_cases() -> None:
    assert len(CASES) >= 60
    assert {s for _, _, s in CASES} == {"assert", "confirm", "deny", "speculate", "decline", "question"}


@pytest.mark.parametrize(("text", "cue", "expected"), CASES, ids=[f"{i:02d}-{c[2]}" for i, c in enumerate(CASES)])
def test_stance(pipeline, text: str, cue: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert cue in text
    assert _stance(pipeline, text, cue) == expected


def test_mostly_end_to_end(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Most cases must have been judged on a real attribution, not on the cue alone."""
    MODES["pipeline"] = MODES["cue"] = 0
    for text, cue, _ in CASES:
        _stance(pipeline, text, cue)
    assert MODES["pipeline"] >= 0.75 * len(CASES), MODES
