"""Publication dates: normalise what inputs give to an ISO date; the hook for inferring one."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..nlp.timex_lex import MONTH_RE, WEEKDAY_RE, month_number  # plain regex data, no spaCy
from ..nlp.timex_norm import full_date

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime, or an RFC 2822 date (feeds); None if not a date.

    Only the calendar date is kept: it is what relative times ("on Tuesday") are resolved against,
    and the local date the article was dated with is what the text means by "today".
    """
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.fullmatch(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def parse_given(value: str) -> str:
    """A user's ``--published YYYY-MM-DD``; ValueError when it is not exactly a valid date."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


_DATELINE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][\w.'’ -]{{0,40}},[^\S\n]*(?:[A-Z][\w. ]{{0,30}},[^\S\n]*)?)?(?:\([\w. ]+\)[^\S\n]*)?"
    rf"(?:(?:{WEEKDAY_RE}),?[^\S\n]+)?(?:(?P<mon>{MONTH_RE})[^\S\n]+(?P<dom>\d{{1,2}}),?[^\S\n]+(?P<y>\d{{4}})"
    rf"|(?P<dom2>\d{{1,2}})[^\S\n]+(?P<mon2>{MONTH_RE}),?[^\S\n]+(?P<y2>\d{{4}})|(?P<iso>\d{{4}}-\d\d-\d\d))"
    r"[^\S\n]*(?:\([\w. ]+\)[^\S\n]*)?(?:—|–|--|-|:|/)", re.M | re.I)


def infer_published(text: str) -> str | None:
    """The date of a dateline at the top of the article ("ROME, May 15, 2019 —"), as an ISO day.

    Only a dateline with a full date counts: "ROME, May 15 —" names no year, and guessing one would
    make up a day, so it gives None (the article's relative times then stay underspecified).
    The pipeline asks this only when neither the user nor the input's metadata gave a date."""
    m = _DATELINE.search(text[:400])
    if m is None or text[:m.start()].strip().count("\n") > 2:
        return None
    if m["iso"]:
        v = full_date(int(m["iso"][:4]), int(m["iso"][5:7]), int(m["iso"][8:]))
    else:
        mon = month_number(m["mon"] or m["mon2"] or "")
        v = full_date(int(m["y"] or m["y2"]), mon or 0, int(m["dom"] or m["dom2"]))
    return v if len(v) == 10 else None
