"""Plain-text formatting shared by the terminal views (view.py, claims_board.py): one way to
shorten a phrase, wrap a paragraph and name an unknown speaker, so the sections of a dossier agree."""
from __future__ import annotations

import textwrap

UNATTRIBUTED = "(unattributed)"  # a statement with no source in the text
ELLIPSIS = " …"


def shorten(text: str, chars: int, placeholder: str = ELLIPSIS) -> str:
    """``text`` on one line (runs of whitespace become one space), cut at a word to fit ``chars``."""
    return textwrap.shorten(text, chars, placeholder=placeholder)


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``: the first line after ``indent``, the rest after ``subsequent``
    (default: ``indent``). Never breaks inside a hyphenated word ("Jae-in", "well-known"); an empty
    text is one (blank) line, so a caller can always add its result."""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent if subsequent is None else subsequent,
                         break_on_hyphens=False) or [indent.rstrip()]
