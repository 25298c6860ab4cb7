"""A blank line ends a sentence before the parser runs; a hard-wrapped line does not."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "sentences"), [
    ("Port chief quits amid questions\n\nPark Min-jun resigned on Monday, officials said.",
     ["Port chief quits amid questions", "Park Min-jun resigned on Monday, officials said."]),
    ("The minister said the talks\nwould resume in June.", ["The minister said the talks\nwould resume in June."]),
    ("It rained.\nThe match was off.", ["It rained.", "The match was off."]),
])
def test_sentence_breaks(pipeline, text: str, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences
