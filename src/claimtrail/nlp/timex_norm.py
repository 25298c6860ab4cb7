"""Calendar arithmetic for TIMEX3 values, relative to an anchor day that may be unknown.

Every function takes ``anchor: date | None``; with no anchor a relative expression gets an
underspecified value (``XXXX-WXX-5``, ``XXXX-XX-XX``): never a day made up from elsewhere.
``direction`` says which way an ambiguous expression points: -1 back (the news default: "Friday" is
the Friday before, or the day itself), +1 ahead ("will meet on Friday"), 0 the anchor's own
period ("Nov. 6" in the anchor's year).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

UNKNOWN_DAY = "XXXX-XX-XX"


def day(d: date) -> str:
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def shift_days(anchor: date | None, n: int) -> str:
    return day(anchor + timedelta(days=n)) if anchor else UNKNOWN_DAY


def weekday(anchor: date | None, wd: int, direction: int, skip: int = 0) -> str:
    """Weekday ``wd`` (1 = Monday … 7 = Sunday) nearest the anchor in ``direction``, the anchor
    itself included; ``skip`` moves further by whole weeks ("next Friday", "the previous Friday")."""
    if anchor is None:
        return f"XXXX-WXX-{wd}"
    delta = wd - anchor.isoweekday()
    if direction < 0 and delta > 0:
        delta -= 7
    elif direction > 0 and delta < 0:
        delta += 7
    return day(anchor + timedelta(days=delta + 7 * skip))


def month_in_year(anchor: date | None, month: int, direction: int) -> tuple[int | None, int]:
    """Year of a month named without one: the anchor's year, or the nearest one back / ahead."""
    if anchor is None:
        return None, month
    y = anchor.year
    if direction < 0 and month > anchor.month + 1:  # a past verb, yet a month just ahead is still this year's
        y -= 1
    elif direction > 0 and month < anchor.month:
        y += 1
    elif direction == 0 and abs(month - anchor.month) > 6:
        y += 1 if month < anchor.month else -1  # the nearer one: "January" in an October story
    return y, month


def month_day(anchor: date | None, month: int, dom: int, direction: int) -> str:
    """A day named without its year ("Nov. 6"): year from the anchor and the direction."""
    y: int | None
    if anchor is None:
        y = None
    else:
        y = anchor.year
        if direction < 0 and (month, dom) > (anchor.month, anchor.day) and (month - anchor.month) * 31 + dom - anchor.day > 62:
            y -= 1
        elif direction > 0 and (month, dom) < (anchor.month, anchor.day):
            y += 1
        elif direction == 0 and abs(month - anchor.month) > 6:
            y += 1 if month < anchor.month else -1
    return full_date(y, month, dom)


def year_of_weekday(anchor: date | None, month: int, dom: int, wd: int) -> int | None:
    """"Saturday, April 25": the year near the anchor in which that day is that weekday."""
    if anchor is None:
        return None
    for y in (anchor.year, anchor.year + 1, anchor.year - 1):
        try:
            if date(y, month, dom).isoweekday() == wd:
                return y
        except ValueError:
            return None
    return None


def full_date(y: int | None, month: int, dom: int) -> str:
    """An explicit date; an impossible day ("February 30") keeps only what is sure, the month."""
    ys = f"{y:04d}" if y is not None else "XXXX"
    if not 1 <= month <= 12:
        return ys
    last = calendar.monthrange(y if y is not None else 2000, month)[1]  # 2000: leap, allows Feb 29
    if not 1 <= dom <= last:
        return f"{ys}-{month:02d}"
    return f"{ys}-{month:02d}-{dom:02d}"


def two_digit_year(yy: int, anchor: date | None) -> int:
    """'98 → 1998: the century that puts the year at most ten years after the anchor (or after 2030
    when there is no anchor: a two-digit year is rarely about the far future)."""
    ref = anchor.year if anchor else 2020
    y = (ref // 100) * 100 + yy
    if y > ref + 10:
        y -= 100
    return y


def year_shift(anchor: date | None, n: int) -> str:
    return f"{anchor.year + n:04d}" if anchor else "XXXX"


def month_shift(anchor: date | None, n: int) -> str:
    return month_value(*add_months(anchor.year, anchor.month, n)) if anchor else "XXXX-XX"


def week_shift(anchor: date | None, n: int) -> str:
    return week_value(anchor + timedelta(weeks=n)) if anchor else "XXXX-WXX"


def quarter_shift(anchor: date | None, n: int) -> str:
    if anchor is None:
        return "XXXX-QX"
    y, q = add_quarters(anchor.year, quarter_of(anchor), n)
    return f"{y:04d}-Q{q}"


def ago(anchor: date | None, n: float | None, unit: str, sign: int = -1) -> str:
    """``n`` units before (sign -1) or after the anchor, at the unit's granularity."""
    if n is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(round(n)) * sign
    if unit in ("D", "W") or anchor is None and unit in ("H", "MI"):
        return shift_days(anchor, k * (7 if unit == "W" else 1))
    if unit == "M":
        return month_shift(anchor, k)
    if unit == "Q":
        return quarter_shift(anchor, k)
    if unit == "Y":
        return year_shift(anchor, k)
    if unit == "DE":
        return f"{(anchor.year + 10 * k) // 10:03d}" if anchor else "XXX"
    return day(anchor) if anchor else UNKNOWN_DAY


# ---------------------------------------------------------------- times counted from another time in the story
# "a year earlier", "the following month", "that day" count from the time the narrative last named
# (TimeML anchors them there, not on the publication date). A rule marks such a value as
# ``@<mode><unit><n>|<fallback>``; ``timex.resolve_refs`` replaces the mark in one pass over the hits.
# Modes: "s" shifts the named time and keeps its granularity ("a year earlier" after "Sept. 30, 1989":
# 1988-09-30); "p" names the unit's period ("the following month" after "March 5": 1989-04); "q" is
# "p" only after a quarter ("the quarter" after "third-quarter profit"); "y" puts the quarter last named
# in year ``n`` ("the 1988 period" after "the fiscal first quarter": 1988-Q1); "a" keeps the fallback,
# counted from the publication date ("a year ago"). Only "p" and "q" values become the time a later mark
# counts from: a comparison names no new time of the story. Further back than ``timex._REF_REACH``
# characters a named time no longer anchors.

_REF = re.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q([1-4])|H([12])|(SP|SU|FA|WI)|W(\d\d)))?(?:T|$)")


def no_ref(value: str) -> str:
    """A value that later marks must not count from ("a year ago", "the year-earlier quarter")."""
    return f"@a|{value}|"


def ref_mark(mode: str, unit: str, n: int, fallback: str, suffix: str = "") -> str:
    """``suffix`` goes after a resolved value: the part of day of "the next morning" (``TMO``)."""
    return f"@{mode}{unit}{n:+d}|{fallback}|{suffix}"


def from_ref(mark: str, ref: str | None, explicit: bool = True) -> str:
    """The value of a marked expression counted from ``ref`` (the last time named), else its fallback.
    ``explicit``: the reference was written as a date ("Sept. 30"), not a weekday or "yesterday"."""
    head, fallback, suffix = mark[1:].split("|", 2)
    m = re.fullmatch(r"([spqy])([A-Z]+)([+-]\d+)", head)
    if m is None or ref is None:  # mode "a", or nothing named before: the fallback
        return fallback
    mode, unit, n = m[1], m[2], int(m[3])
    if mode == "y":  # "the 1988 period": the quarter last named, in that year
        return f"{n:04d}-{ref[5:]}" if is_quarter(ref) else fallback
    if mode == "q" and not is_quarter(ref):
        return fallback  # "the quarter" names the quarter last named, not the quarter of a day
    if mode == "s" and unit in ("M", "Q", "Y") and len(ref) >= 10 and not explicit:
        return fallback  # "Friday ... a year earlier": the weekday only dates the news, not the comparison
    got = shift_ref(ref, unit, n, mode in "pq")
    return got + suffix if got else fallback


def is_quarter(value: str) -> bool:
    return re.fullmatch(r"\d{4}-Q[1-4]", value) is not None


def shift_ref(ref: str, unit: str, n: int, period: bool) -> str | None:
    """``ref`` moved by ``n`` units (D, W, M, Q, Y); None when the two granularities do not fit."""
    m = _REF.match(ref)
    if not m:
        return None
    y, mo, dd, q, h, season, wk = m.groups()
    yi = int(y)
    if dd:
        d = _safe_date(yi, int(mo), int(dd))
        if d is None:
            return None
        if unit in ("D", "W"):
            moved = d + timedelta(days=n * (7 if unit == "W" else 1))
            return week_value(moved) if unit == "W" and period else day(moved)
        if unit == "M":
            yy, mm = add_months(yi, d.month, n)
            return month_value(yy, mm) if period else full_date(yy, mm, d.day)
        if unit == "Q":
            yy, qq = add_quarters(yi, quarter_of(d), n)
            return f"{yy:04d}-Q{qq}"
        return f"{yi + n:04d}" if period else full_date(yi + n, d.month, d.day)
    if mo:
        if unit == "D" and n == 0 and period:
            return f"{yi:04d}-{mo}-XX"  # "that same day", after "last October": a day of that month
        if unit == "M":
            return month_value(*add_months(yi, int(mo), n))
        if unit == "Q":
            yy, qq = add_quarters(yi, (int(mo) - 1) // 3 + 1, n)
            return f"{yy:04d}-Q{qq}"
        if unit == "Y":
            return f"{yi + n:04d}" if period else month_value(yi + n, int(mo))
        return None
    if q:
        if unit == "Q":
            yy, qq = add_quarters(yi, int(q), n)
            return f"{yy:04d}-Q{qq}"
        if unit == "Y":
            return f"{yi + n:04d}" if period else f"{yi + n:04d}-Q{q}"
        return None
    if h or season:
        return (f"{yi + n:04d}" if period else f"{yi + n:04d}-{h and 'H' + h or season}") if unit == "Y" else None
    if wk:
        if unit == "W" and 1 <= int(wk) <= 52:
            return week_value(date.fromisocalendar(yi, int(wk), 1) + timedelta(weeks=n))
        return f"{yi + n:04d}" if unit == "Y" and period else None
    return f"{yi + n:04d}" if unit == "Y" else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
