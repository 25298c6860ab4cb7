"""The shared text formatting of the terminal views."""
from __future__ import annotations

import pytest

from claimtrail.textfmt import UNATTRIBUTED, shorten, wrap


@pytest.mark.parametrize(("text", "chars", "expect"), [
    ("The mayor  said\nso.", 40, "The mayor said so."),           # whitespace collapsed
    ("The harbour master said the ferry would run again", 24, "The harbour master …"),
    ("Short", 5, "Short"),
])
def test_shorten(text: str, chars: int, expect: str) -> None:
    assert shorten(text, chars) == expect and len(shorten(text, chars)) <= chars


@pytest.mark.parametrize(("text", "width", "indent", "subsequent", "expect"), [
    ("- President Moon Jae-in said so", 20, "", "  ", ["- President Moon", "  Jae-in said so"]),  # no break at "-"
    ("about: A, B", 20, "    ", None, ["    about: A, B"]),
    ("", 20, "  ", None, [""]),  # an empty text is one blank line
    ("one two three four", 12, "  ", "    ", ["  one two", "    three", "    four"]),
])
def test_wrap(text: str, width: int, indent: str, subsequent: str | None, expect: list[str]) -> None:
    assert wrap(text, width, indent, subsequent) == expect


def test_unattributed_label() -> None:
    from claimtrail import claims_board, view

    assert UNATTRIBUTED == "(unattributed)" and view.UNATTRIBUTED is claims_board.UNATTRIBUTED
