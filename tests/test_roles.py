"""Roles stage: titles before names, appositions (after and before), possessive organisations.

Passages written for these tests. Each case: text, person's cluster name, expected (span text, title,
organisation) roles.
"""
from __future__ import annotations

import pytest

ROLE_CASES = [
    pytest.param("Foreign Ministry spokeswoman Hua Chunying said the visit was postponed.", "Hua Chunying",
                 [("Foreign Ministry spokeswoman", "spokeswoman", "Foreign Ministry")], id="title-with-org"),
    pytest.param("Premier Li Keqiang opened the session on Monday.", "Li Keqiang",
                 [("Premier", "premier", None)], id="title-alone"),
    pytest.param("Port authority chief Park Min-jun resigned on Monday.", "Park Min-jun",
                 [("Port authority chief", "chief", "port authority")], id="sentence-initial-org"),
    pytest.param("Germany's finance minister Christian Lindner rejected the proposal.", "Christian Lindner",
                 [("Germany's finance minister", "finance minister", "Germany")], id="possessive"),
    pytest.param("Olaf Scholz, the German chancellor, arrived in Paris on Tuesday.", "Olaf Scholz",
                 [("the German chancellor", "chancellor", "Germany")], id="apposition-after"),
    pytest.param("German Chancellor Olaf Scholz will attend the summit.", "Olaf Scholz",
                 [("German Chancellor", "chancellor", "Germany")], id="nationality-before"),
    pytest.param("South Korean President Yoon Suk Yeol landed in Hanoi.", "Yoon Suk Yeol",
                 [("South Korean President", "president", "South Korea")], id="two-word-nationality"),
    pytest.param("Moon, a former human rights lawyer, took office in 2017.", "Moon",
                 [("a former human rights lawyer", "lawyer", None)], id="apposition-no-org"),
    pytest.param("The ministry said that a deputy, Lee Soo-ah, would run the agency.", "Lee Soo-ah",
                 [("a deputy", "deputy", None)], id="apposition-before"),
    pytest.param("“He left for personal reasons,” said spokeswoman Elena Ruiz.", "Elena Ruiz",
                 [("spokeswoman", "spokeswoman", None)], id="after-cue"),
    pytest.param("Secretary of State Antony Blinken landed in Cairo.", "Antony Blinken",
                 [("Secretary of State", "secretary of state", None)], id="multiword-title"),
    pytest.param("Marta Weiss, head of the central bank, said rates would hold.", "Marta Weiss",
                 [("head of the central bank", "head", "central bank")], id="head-of"),
]


@pytest.mark.parametrize(("text", "person", "expected"), ROLE_CASES)
def test_roles(pipeline, text: str, person: str, expected: list[tuple[str, str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    ct = pipeline.nlp(text)._.ct
    by_name = {c.name: c for c in ct.clusters}
    assert person in by_name, sorted(by_name)
    got = [(text[r.start:r.end], r.title, r.organization) for r in by_name[person].roles]
    assert got == expected


def test_role_gives_gender(pipeline) -> None:  # type: ignore[no-untyped-def]
    ct = pipeline.nlp("Spokeswoman Kim Ryder declined to comment.")._.ct
    assert [c.gender for c in ct.clusters if c.name == "Kim Ryder"] == ["f"]


def test_kin_apposition_is_not_a_role(pipeline) -> None:  # type: ignore[no-untyped-def]
    ct = pipeline.nlp("He was joined by his wife, Jordan Blake, at the ceremony.")._.ct
    people = [c for c in ct.clusters if c.name == "Jordan Blake"]
    assert people and people[0].roles == [] and people[0].gender == "f"


def test_roles_stage_without_entities_is_harmless(pipeline) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.nlp import roles
    doc = pipeline.nlp.make_doc("Nothing to see.")
    roles.run(doc)
    assert doc._.ct.clusters == []
