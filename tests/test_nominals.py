"""Nominal mentions: "the <role>" joins the one person holding a matching role, nobody when several
do; a news lead's "A <role> of X ..." names the person introduced next. Passages written for these tests."""
from __future__ import annotations

import pytest

from claimtrail.nlp import nominals


def clusters(pipeline, text: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    ct = pipeline.nlp(text)._.ct
    assert not [f for f in ct.flags if f.message.startswith(("entities", "roles"))], ct.flags
    return {c.name: [text[m.start:m.end] for m in c.mentions] for c in ct.clusters if c.mentions}


CASES = [
    pytest.param(
        "A deputy mayor of Riverton has stepped down after weeks of protests over water prices.\n\n"
        "Tom Becker, 61, had held the post since 2019. The deputy mayor did not answer calls on Friday.",
        {"Tom Becker": ["A deputy mayor", "Tom Becker", "The deputy mayor"]}, id="news-lead"),
    pytest.param(  # two spokeswomen: a bare "the spokeswoman" could be either, so it joins neither
        "Police spokeswoman Ana Ruiz and hospital spokeswoman Lena Holm spoke on Monday. "
        "The spokeswoman said the road would reopen.",
        {"Ana Ruiz": ["Ana Ruiz"], "Lena Holm": ["Lena Holm"]}, id="ambiguous"),
    pytest.param(  # the organisation word picks one of them
        "Police spokeswoman Ana Ruiz and hospital spokeswoman Lena Holm spoke on Monday. "
        "The hospital spokeswoman said two patients were still being treated.",
        {"Ana Ruiz": ["Ana Ruiz"], "Lena Holm": ["Lena Holm", "The hospital spokeswoman"]}, id="org-word"),
    pytest.param(  # rank words keep a governor and a deputy governor apart
        "Governor Ray Dunn met deputy governor Sara Lind on Tuesday. The deputy governor left early, "
        "and the governor stayed for the vote.",
        {"Ray Dunn": ["Ray Dunn", "the governor"], "Sara Lind": ["Sara Lind", "The deputy governor"]}, id="rank"),
    pytest.param(  # one minister in the article: "the minister" is that one
        "Germany's finance minister Christian Lindner rejected the proposal. The minister said it was too costly.",
        {"Christian Lindner": ["Christian Lindner", "The minister"]}, id="single-holder"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_nominal_mentions(pipeline, text: str, expected: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    got = clusters(pipeline, text)
    for name, mentions in expected.items():
        assert got.get(name) == mentions, f"{name}: {got}"


def test_news_lead_gives_the_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("A deputy mayor of Riverton has stepped down after weeks of protests over water prices.\n\n"
            "Tom Becker, 61, had held the post since 2019.")
    ct = pipeline.nlp(text)._.ct
    person = next(c for c in ct.clusters if c.name == "Tom Becker")
    assert [(r.title, r.organization) for r in person.roles] == [("deputy mayor", "Riverton")]


def test_no_lead_when_the_next_person_has_a_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("A deputy mayor of Riverton has stepped down after weeks of protests.\n\n"
            "Police chief Tom Becker said the protests would go on.")
    got = clusters(pipeline, text)
    assert got.get("Tom Becker") == ["Tom Becker"]


@pytest.mark.parametrize(("words", "title", "role_title", "org", "expected"), [
    ((), "minister", "foreign minister", "Foreign Ministry", True),
    ((), "governor", "deputy governor", None, False),
    (("deputy",), "governor", "governor", None, False),
    (("deputy",), "deputy governor", "deputy governor", "Central bank", True),
    (("ministry",), "spokeswoman", "spokeswoman", "Foreign Ministry", True),
    (("police",), "spokeswoman", "spokeswoman", "Foreign Ministry", False),
    ((), "spokeswoman", "spokesman", None, False),
])
def test_matches(words: tuple[str, ...], title: str, role_title: str, org: str | None, expected: bool) -> None:
    p = nominals.Phrase(0, 1, 2, title, frozenset(words), True)
    assert nominals.matches(p, role_title, org) is expected
