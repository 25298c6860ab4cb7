"""Publication dates: normalise what inputs give to an ISO date; the hook for inferring one."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

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


def infer_published(text: str) -> str | None:
    """Hook: a publication date read from the text itself (a dateline such as "ROME, May 15 —").

    Ingest calls this when neither the user nor the input's metadata gave a date; a non-None answer
    is recorded with ``published_basis = "inferred"``. Reading datelines belongs to the timex work,
    so this returns None until that lands here.
    """
    return None
