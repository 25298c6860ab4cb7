"""Timex rules for relative, vague and repeated time: weekdays, "yesterday", "last week", quarters,
durations ("three years"), sets ("every Monday"), and PRESENT_REF / PAST_REF / FUTURE_REF words.

Registered into ``timex_rules.RULES`` after the explicit-date rules (which win ties).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_norm as N
from .timex_lex import (MONTH_RE, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAY_RE, WEEKDAY_WORDS, month_number,
                        weekday_number)
from .timex_rules import MOD, RULES, YEAR, Ctx, Result, _dir, _year, rule

POD_RE = r"morning|afternoon|evening|night|overnight"

# ---------------------------------------------------------------- weekdays and days


@rule("weekday", rf"(?:(?P<mod>early|late|earlier|later) )?(?:(?P<det>last|next|this|this coming|this past|coming|"
                 rf"the previous|the following|past) )?(?P<wd>{WEEKDAY_RE})(?:,? (?P<pod>{POD_RE}))?",
      needs=WEEKDAY_WORDS, near="weekday")
def _weekday(m: re.Match[str], ctx: Ctx) -> Result:
    wd = weekday_number(m["wd"])
    assert wd is not None
    det = (m["det"] or "").lower()
    shared = None if det or m["pod"] else _SHARED_PODS.match(ctx.text, m.end())
    if shared:  # "on Monday and Tuesday nights": every Monday night too
        return "SET", f"XXXX-WXX-{wd}T{PARTS_OF_DAY[shared['pods'].lower()[:-1]]}"
    if det in ("last", "this past", "past"):
        v = _strict(ctx.anchor, wd, -1)
    elif det == "the previous":  # the one before last
        v = N.weekday(ctx.anchor, wd, -1, -1) if ctx.anchor else N.weekday(None, wd, -1)
    elif det in ("next", "this coming", "coming", "the following"):
        v = _strict(ctx.anchor, wd, 1)
    elif det == "this":
        v = N.weekday(ctx.anchor, wd, _dir(m, ctx) or 1)
    else:  # the news convention: the day itself or the one before, unless the verb looks ahead
        v = N.weekday(ctx.anchor, wd, 1 if _dir(m, ctx) > 0 else -1)
    if m["pod"]:
        return "TIME", f"{v}T{PARTS_OF_DAY[m['pod'].lower()]}"
    return "DATE", v


_SHARED_PODS = re.compile(rf" (?:and|or) {WEEKDAY_RE} (?P<pods>mornings|afternoons|evenings|nights)\b", re.I)


def _strict(anchor: date | None, wd: int, direction: int) -> str:
    """The weekday strictly before / after the anchor ("last Friday", "next Friday")."""
    v = N.weekday(anchor, wd, direction)
    if anchor is not None and anchor.isoweekday() == wd:
        v = N.weekday(anchor, wd, direction, direction)
    return v


@rule("weekday_set", rf"(?:(?:every|each) (?P<wd>{WEEKDAY_RE})(?: (?P<pod>{POD_RE}))?|(?P<wd2>{WEEKDAY_RE})s"
                     rf"|(?P<wd3>{WEEKDAY_RE}) (?P<pods>mornings|afternoons|evenings|nights))", needs=WEEKDAY_WORDS,
      near="weekday")
def _weekday_set(m: re.Match[str], ctx: Ctx) -> Result:
    wd = weekday_number(m["wd"] or m["wd2"] or m["wd3"])
    pod = m["pod"] or (m["pods"] or "")[:-1]
    return "SET", f"XXXX-WXX-{wd}" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else "")


_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


@rule("day", rf"(?:(?P<mod>early|late|earlier|later)(?: in the day)? )?(?:(?P<rel>today|tonight|yesterday|tomorrow|"
             rf"the day before yesterday|the day after tomorrow)(?:,? (?P<pod>{POD_RE}))?|(?P<rel2>this|last|tomorrow|"
             rf"yesterday) (?P<pod2>{POD_RE})|(?P<ov>overnight)|mid[- ]?(?P<mid>morning|afternoon)"
             r"(?: (?P<rel3>yesterday|today|tomorrow))?)",
      needs=("today", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"))
def _day(m: re.Match[str], ctx: Ctx) -> Result:
    if m["ov"]:
        return "TIME", f"{N.shift_days(ctx.anchor, -1)}TNI"
    if m["mid"]:  # "by mid-afternoon": that day's, the story's own unless it says otherwise
        v = N.shift_days(ctx.anchor, _REL_DAY.get((m["rel3"] or "today").lower(), 0))
        return "TIME", f"{v}T{PARTS_OF_DAY[m['mid'].lower()]}"
    if m["rel"]:
        rel = m["rel"].lower()
        v = N.shift_days(ctx.anchor, _REL_DAY[rel])
        pod = m["pod"] or ("night" if rel == "tonight" else None)
    else:
        rel2 = m["rel2"].lower()
        pod = m["pod2"]
        off = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel2]  # "last night": the night before
        v = N.shift_days(ctx.anchor, off)
    if pod:
        return "TIME", f"{v}T{PARTS_OF_DAY[pod.lower()]}"
    return "DATE", v


_REF_DAY = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1, "that": 0, "that same": 0,
            "the same": 0, "before": -1, "after": 1}


@rule("ref_day", rf"(?:(?:earlier|later) )?(?:(?P<det>the next|the following|the previous|the prior|that same|that|"
                 rf"the same) (?P<u>day|{POD_RE})|the day (?P<ba>before|after)(?=\s*[,.;:!?)]|\s*$))")
def _ref_day(m: re.Match[str], ctx: Ctx) -> Result:
    """"the next day", "that morning", "the day before": a day counted from the one the story last named
    (TimeML's anchor), never from the publication date; with none named before, the day stays unknown.
    "the day before" only ends a clause: "the day before the crash" counts from the crash, not from here."""
    n = _REF_DAY[(m["det"] or m["ba"]).lower()]
    pod = (m["u"] or "day").lower()
    if pod == "day":
        return "DATE", N.ref_mark("s", "D", n, N.UNKNOWN_DAY) if n else N.ref_mark("p", "D", 0, N.UNKNOWN_DAY)
    suffix = f"T{PARTS_OF_DAY[pod]}"
    return "TIME", N.ref_mark("p", "D", n, N.UNKNOWN_DAY + suffix, suffix)


@rule("day_beside", rf"(?:the )?day (?P<ba>before|after)(?= (?:(?:last |next |this )?{WEEKDAY_RE}|{MONTH_RE} \d))",
      needs=("day before", "day after"))
def _day_beside(m: re.Match[str], ctx: Ctx) -> Result:
    """"the day before last Tuesday", "the day after Nov. 6": the day next to the one named."""
    for name, pattern, handler in RULES:
        if name in ("weekday", "mdy"):
            sub = pattern.match(ctx.text, m.end() + 1)
            res = handler(sub, ctx) if sub else None
            if res and res[0] == "DATE" and len(res[1]) == 10 and res[1][:4].isdigit():
                day = date.fromisoformat(res[1]) + timedelta(days=1 if m["ba"].lower() == "after" else -1)
                return "DATE", day.isoformat(), (m.start(), sub.end())  # type: ignore[union-attr, return-value]
    return None


# ---------------------------------------------------------------- weeks, months, years, seasons, quarters

_REF_UNITS = {"week": "W", "month": "M", "year": "Y", "quarter": "Q"}


@rule("rel_unit", rf"(?:(?P<mod>{MOD}|earlier|later)(?: in)? )?(?P<det>this|last|next|the past|the last|the current|"
                  r"the coming|the previous|the prior|the following|the latest|the same|the next|this past|this coming|"
                  r"the|that|its|the most recent|the just-ended|the full) (?P<fy>fiscal |calendar )?(?:(?P<mod2>early|late|mid-?) ?)?"
                  r"(?P<unit>week|weekend|month|year|quarter|decade|spring|summer|fall|autumn|winter)", near="unit")
def _rel_unit(m: re.Match[str], ctx: Ctx) -> Result:
    det, unit, a = m["det"].lower(), m["unit"].lower(), ctx.anchor
    if m["unit"][0].isupper() and not m.group(0).isupper() and (
            m.group(0)[0].isupper() or ctx.text[m.start() - 2:m.start()].strip() not in ("", ".", '"')):
        return None  # "ABC's This Week", '"This Week With ...': a title (a sentence says "This week")
    step = (-1 if det in ("last", "the past", "the last", "the previous", "the prior", "this past", "the most recent",
                          "the latest")  # "the latest fiscal year": the last one closed
            else 1 if det in ("next", "the coming", "the following", "the next", "this coming") else 0)
    code = _REF_UNITS.get(unit)
    if det in ("that", "the same") and unit != "weekend":
        # anaphoric: the year of something else in the text; with nothing named before, no timex
        return ("DATE", N.ref_mark("p", code, 0, "")) if code else None
    if det in ("the following", "the previous", "the prior"):
        # counted from a time the story names, not from the publication date; if none, say only the unit
        vague = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
                 "decade": "XXX"}.get(unit, "XXXX")
        return "DATE", N.ref_mark("p", code, 1 if det == "the following" else -1, vague) if code else vague
    if unit in SEASONS:
        y = a.year if a else None
        if a and step < 0 and a.month <= 8:
            y = a.year - 1
        elif a and step > 0 and a.month >= 6:
            y = a.year + 1
        return "DATE", f"{y:04d}-{SEASONS[unit]}" if y else f"XXXX-{SEASONS[unit]}"
    if unit == "quarter":
        if det in ("the", "its", "the latest", "the most recent", "the just-ended") and not m["mod"]:
            # the quarter the story last named (a fiscal "first quarter" keeps its name), else the one that
            # ended on the day it gives, else the one a company reports on: the last full one
            ended = _ENDED.match(ctx.text, m.end())
            fallback = _quarter_ended(ended, a) if ended and a is not None else N.quarter_shift(a, -1)
            return "DATE", N.ref_mark("q", "Q", 0, fallback)
        return "DATE", N.quarter_shift(a, step)
    if unit == "year":
        if det == "the full":
            return "DATE", N.year_shift(a, 0)
        if det == "the" and not m["mod"] and not m["fy"]:
            if re.match(r" (?:ended|ending|to|through)\b", ctx.text[m.end():m.end() + 9]):
                return "DURATION", "P1Y"  # "the year ended June 30": a fiscal year's span
            return "DATE", N.ref_mark("p", "Y", 0, N.year_shift(a, 0))  # "for the year": the one in question
        if det in ("the", "its") and m["fy"]:
            return "DURATION", "P1Y"
        return "DATE", N.year_shift(a, step)
    if unit == "month":
        if det == "the":  # "by the end of the month": the month in question, else the publication's
            return "DATE", N.ref_mark("p", "M", 0, N.month_shift(a, 0))
        return "DATE", N.month_shift(a, step)
    if unit == "decade":
        return "DATE", f"{a.year // 10 + step:03d}" if a else "XXX"
    if unit == "weekend":
        if a is None:
            return "DATE", "XXXX-WXX-WE"
        if step == 0 and det != "this":
            # ahead: this week's weekend unless it is already here; back: the one just gone, or this one
            step = (1 if a.isoweekday() == 7 else 0) if _dir(m, ctx) > 0 else (0 if a.isoweekday() >= 6 else -1)
        return "DATE", f"{N.week_shift(a, step)}-WE"
    if det == "the":  # "for the week": the week in question ("stocks fell on Friday ... for the week")
        return "DATE", N.ref_mark("p", "W", 0, N.week_shift(a, 0 if not m["mod"] else step))
    if det in ("the past", "the last") and not m["mod"] and a is not None:
        # the seven days before the anchor: the week that holds most of them (a Friday's "past week" is its own)
        return "DATE", N.week_value(a - timedelta(days=4))
    return "DATE", N.week_shift(a, step)


_ENDED = re.compile(rf" (?P<v>ended|ending) (?P<mon>{MONTH_RE}) (?P<dom>\d{{1,2}})(?:,? (?P<y>\d{{4}}))?", re.I)


def _ended_day(m: re.Match[str], anchor: date) -> str:
    """The last day of a period "ended Oct. 31" (over, so the last such day) or "ending Oct. 31"."""
    mon, dom = month_number(m["mon"]) or 1, int(m["dom"])
    if m["y"]:
        return N.full_date(int(m["y"]), mon, dom)
    if m["v"].lower() == "ended":
        return N.full_date(anchor.year - ((mon, dom) > (anchor.month, anchor.day)), mon, dom)
    return N.month_day(anchor, mon, dom, 0)


def _quarter_ended(m: re.Match[str], anchor: date) -> str:
    """"the quarter ended July 31": the calendar quarter holding most of its three months (May to July: Q2)."""
    end = _ended_day(m, anchor)
    if len(end) != 10 or not end[:4].isdigit():
        return N.quarter_shift(anchor, -1)
    mid = date.fromisoformat(end) - timedelta(days=45)
    return f"{mid.year:04d}-Q{N.quarter_of(mid)}"


@rule("week_of", rf"(?:the )?week of (?P<mon>{MONTH_RE}) (?P<dom>\d{{1,2}})(?:,? (?P<y>\d{{4}}))?", needs=("week of",))
def _week_of(m: re.Match[str], ctx: Ctx) -> Result:
    """"the week of March 6": the ISO week that holds the day."""
    mon = month_number(m["mon"])
    assert mon is not None
    dom = int(m["dom"])
    day = N.full_date(int(m["y"]), mon, dom) if m["y"] else N.month_day(ctx.anchor, mon, dom, _dir(m, ctx))
    if not day[:4].isdigit() or len(day) != 10:
        return "DATE", "XXXX-WXX"
    return "DATE", N.week_value(date.fromisoformat(day))


@rule("year_end", r"(?:around )?(?:the )?year[- ]end|(?:the )?end of (?:the|this) year|year['’]s end",
      needs=("year-end", "year end", "of the year", "of this year", "year's end", "year’s end"))
def _year_end(m: re.Match[str], ctx: Ctx) -> Result:
    return "DATE", N.year_shift(ctx.anchor, 0)


@rule("season_year", rf"(?:(?:early|late|mid)[- ]?)?(?:the )?(?P<s>spring|summer|fall|autumn|winter) (?:of )?(?P<y>{YEAR})",
      needs=tuple(SEASONS))
def _season_year(m: re.Match[str], ctx: Ctx) -> Result:
    return "DATE", f"{_year(m['y'], ctx)}-{SEASONS[m['s'].lower()]}"


@rule("seasons", r"(?:the )?(?:past|last|next|previous|coming|following) (?P<n>two|three|four|five|six|seven|eight|nine|ten|"
                 r"\d{1,2}) (?P<s>springs|summers|falls|autumns|winters)",
      needs=("springs", "summers", "falls", "autumns", "winters"))
def _seasons(m: re.Match[str], ctx: Ctx) -> Result:
    """"the past three summers": a season has no fixed length, so no duration: the summers, one each year."""
    return "SET", f"XXXX-{SEASONS[m['s'].lower()[:-1]]}"


_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th"


@rule("quarter", rf"(?:(?P<det>the|its|this year's|last year's|next year's|the year-earlier|the year-ago|a|this|last|"
                 rf"next|the current|the comparable|the same)(?: (?P<yr>\d{{4}}))? )?(?:(?P<fisc>fiscal)[- ])?"
                 rf"(?P<ord>{_ORD}|last(?=[- ]half))[- ](?P<u>quarters?|half|halves)(?: (?:of|in) (?:fiscal )?(?:(?P<year>\d{{4}})|"
                 rf"(?P<rel>this|last|next) year))?", needs=("quarter", "half", "halves"))
def _quarter(m: re.Match[str], ctx: Ctx) -> Result:
    n = ORDINALS.get(m["ord"].lower(), 2)  # "the last half of 1989": the second
    half = m["u"].lower().startswith("hal")
    if half and n > 2 or m["ord"].lower() == "last" and not m["year"]:
        return None  # "the last half of the '80s" is not this year's
    code = f"H{n}" if half else f"Q{n}"
    if m["u"].lower() in ("quarters", "halves"):
        return "SET", f"XXXX-{code}"
    span = m.span()
    det_word = (m["det"] or "").lower()
    if det_word in ("a", "its", "the") and not m["yr"] and (det_word != "the" or m.group(0)[m.end("ord") - m.start()] == "-"):
        span = (m.start("fisc") if m["fisc"] else m.start("ord"), m.end())  # "a third-quarter loss", "its third quarter"
    a, det = ctx.anchor, (m["det"] or "").lower()
    y: int | None = int(m["year"] or m["yr"]) if (m["year"] or m["yr"]) else None
    ended = _ENDED.match(ctx.text, m.end()) if y is None and a is not None and not m["rel"] else None
    if ended and det not in ("this year's", "last year's", "next year's", "the year-earlier", "the year-ago"):
        y = int(_ended_day(ended, a)[:4])  # "the second quarter ended Oct. 31": the year it ended in
    if y is None and a is not None:
        rel = (m["rel"] or "").lower()
        if rel or det in ("this year's", "last year's", "next year's"):
            y = a.year + {"this": 0, "last": -1, "next": 1}[(rel or det.split()[0].split("'")[0])]
        else:
            cur = (a.month - 1) // 6 + 1 if half else (a.month - 1) // 3 + 1
            y = a.year if n <= cur or _dir(m, ctx) > 0 else a.year - 1
            if det in ("the year-earlier", "the year-ago"):
                y -= 1
    value = f"{y:04d}-{code}" if y is not None else f"XXXX-{code}"
    if _dir(m, ctx) > 0:
        # "will result in a fourth-quarter charge": a quarter still to come is not the one the story
        # reports on, so "the latest quarter" after it does not count from it
        value = N.no_ref(value)
    return "DATE", value, span  # type: ignore[return-value]


@rule("quarters_of", r"(?:at least )?(?:the )?(?P<fl>first|last) (?:two|2) quarters (?:of|in) (?:fiscal )?(?P<y>\d{4})",
      needs=("quarters",))
def _quarters_of(m: re.Match[str], ctx: Ctx) -> Result:
    """"the first two quarters of 1990": that year's first half (TIMEX3 has a half, not two quarters)."""
    return "DATE", f"{m['y']}-H{1 if m['fl'].lower() == 'first' else 2}"


@rule("q_code", r"Q(?P<q>[1-4])(?: (?P<y>\d{4}))?", 0, needs=("q1", "q2", "q3", "q4"))
def _q_code(m: re.Match[str], ctx: Ctx) -> Result:
    y = m["y"] or (str(ctx.anchor.year) if ctx.anchor else "XXXX")
    return "DATE", f"{y}-Q{m['q']}"


_PERIOD_WORDS = re.compile(r"(?i)\b(?:quarter|(?P<months>(?:nine|six|9|6)[- ]months?|first half|half-year))\b")


def _months_span_before(text: str, pos: int) -> bool:
    """The period a results story last named (within about two sentences) is a span of months, not a
    quarter: "For the nine months, ... compared with year-earlier net" compares the nine months."""
    last = None
    for last in _PERIOD_WORDS.finditer(text, max(0, pos - 250), pos):
        pass
    return last is not None and last["months"] is not None


@rule("fin_period", r"(?:the |a |(?P<ly>last year['’]s ))?(?:(?P<yr>\d{4}) )?(?P<adj>(?:(?:comparable|same|year-earlier|year-ago|year-before|prior-year|"
                    r"previous|corresponding|latest|fiscal|most recent) )*)(?P<u>quarter|period)"
                    r"(?P<tail> (?:a year (?:ago|earlier)|(?:of )?last year))?|(?P<bare>year-earlier|year-ago)|the (?P<yr2>\d{4}) "
                    r"(?P<u2>quarter|period)", needs=("quarter", "period", "year-earlier", "year-ago"))
def _fin_period(m: re.Match[str], ctx: Ctx) -> Result:
    if m["u"] and not (m["adj"] or m["tail"] or m["yr"] or m["ly"]):
        return None  # a bare "period" is no time; a bare "quarter" is rel_unit's
    yr = m["yr"] or m["yr2"]
    months = _months_span_before(ctx.text, m.start())
    if yr:
        q = N.quarter_shift(ctx.anchor, -1)
        if months:
            return "DATE", yr  # "for the nine months ... the 1988 period": that year's months, no quarter
        return "DATE", N.ref_mark("y", "Q", int(yr), f"{yr}-{q[-2:]}" if ctx.anchor else f"{yr}-QX")
    words = (m["ly"] or "") + (m["adj"] or "") + (m["tail"] or "") + (m["bare"] or "")
    back = -5 if re.search(r"year-|prior-year|last year|a year|same|corresponding|comparable", words, re.I) else -1
    if back == -5:
        if months:
            return "DATE", N.no_ref(N.year_shift(ctx.anchor, -1))  # "the nine months ... year-earlier net"
        return "DATE", N.no_ref(N.quarter_shift(ctx.anchor, back))  # a comparison: no time to count from
    return "DATE", N.ref_mark("q", "Q", 0, N.quarter_shift(ctx.anchor, back))  # "the latest period"


# ---------------------------------------------------------------- holidays with fixed rules (US news)

def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The ``n``-th weekday ``wd`` (1 = Monday) of a month: Thanksgiving is the 4th Thursday of November."""
    first = date(y, month, 1)
    return date(y, month, 1 + (wd - first.isoweekday()) % 7 + 7 * (n - 1))


_HOLIDAYS = {"christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
             "christmas eve": lambda y: date(y, 12, 24), "new year's day": lambda y: date(y, 1, 1),
             "new year's eve": lambda y: date(y, 12, 31), "independence day": lambda y: date(y, 7, 4),
             "the fourth of july": lambda y: date(y, 7, 4), "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
             "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4), "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
             "memorial day": lambda y: _nth_weekday(y, 6, 1, 1) - timedelta(days=7),
             "election day": lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1)}


@rule("holiday", r"(?:(?P<det>last|next|this|this past|this coming) )?(?P<h>Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|"
                 r"Independence Day|the Fourth of July|Thanksgiving(?: Day)?|Labor Day|Memorial Day|Election Day)"
                 r"(?:,? (?P<y>\d{4}))?", 0, needs=("christmas", "new year", "independence day", "fourth of july",
                                                   "thanksgiving", "labor day", "memorial day", "election day"))
def _holiday(m: re.Match[str], ctx: Ctx) -> Result:
    """The occurrence named, else the nearest one to the anchor (a story in January means the last
    Thanksgiving, one in late October the coming Election Day), else the one the words point to."""
    rule_of = _HOLIDAYS[m["h"].lower().replace("’", "'")]
    if m["y"]:
        return "DATE", rule_of(int(m["y"])).isoformat()
    a = ctx.anchor
    if a is None:  # keep what the holiday's rule fixes: Christmas is always XXXX-12-25
        d0, d1 = rule_of(2000), rule_of(2001)
        return "DATE", f"XXXX-{d0.month:02d}" + (f"-{d0.day:02d}" if (d0.month, d0.day) == (d1.month, d1.day) else "")
    det = (m["det"] or "").lower()
    d = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(det) or _dir(m, ctx)
    cands = [rule_of(y) for y in (a.year - 1, a.year, a.year + 1)]
    if d < 0:
        cands = [c for c in cands if c < a]
    elif d > 0:
        cands = [c for c in cands if c > a]
    best = min(cands, key=lambda c: abs((c - a).days))
    return "DATE", best.isoformat()
