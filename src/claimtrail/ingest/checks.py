"""Checks every article must pass before analysis: ``checked`` runs ``check_article`` on a stream.

Cheap by design: a length test, a whitespace test, and language id on the opening ~2000 characters.
The pipeline checks what it is given; the CLI checks a single input first (before spaCy loads, so a
refusal costs no model load) and tells the pipeline so, and each article is checked once.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from ..config import Options
from ..errors import CODES
from ..model import Article, Failure
from .language import non_english


def check_article(art: Article, options: Options) -> Failure | None:
    """The reason ``art`` cannot be analysed, or None when it can."""
    origin = art.origin or "-"

    def fail(code: str, message: str | None = None) -> Failure:
        return Failure(origin=origin, code=code, message=message or CODES[code], id=art.id)

    if not art.text.strip():
        return fail("empty")
    # Each char is at most 4 bytes in UTF-8: encode only when the text could be over the limit.
    if len(art.text) * 4 > options.max_bytes:
        size = len(art.text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            return fail("too-large", f"the article is over the size limit ({size:,} bytes > {options.max_bytes:,})")
    if options.check_language and len(art.text.strip()) >= options.min_chars_for_language:
        found = non_english(art.text)
        if found:
            # rounded down: a classifier's 0.9999 is not certainty, and "1.00" would claim it
            return fail("not-english", f"the text is not English (detected: {found[0]}, "
                                       f"{math.floor(found[1] * 100) / 100:.2f})")
    return None


def checked(items: Iterable[Article | Failure], options: Options) -> Iterator[Article | Failure]:
    """Each item in order: the article when it passes, else the ``Failure`` that refuses it.

    Failures already in the stream (an unreadable file, a bad JSONL line) pass through unchanged."""
    for item in items:
        yield item if isinstance(item, Failure) else (check_article(item, options) or item)
