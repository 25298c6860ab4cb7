"""The timex grammar: regex rules, each with a handler that gives the TIMEX3 type and value.

Every rule scans the text once (linear time); ``find`` keeps the longest non-overlapping matches.
Spans follow TimeML conventions: modifiers ("early", "the end of", "nearly") and determiners ("the
past two weeks") are inside, prepositions ("on", "in", "since") outside. Relative and partial
expressions are resolved against ``Ctx.anchor`` (the publication date) in the direction the parse
suggests (``Ctx.direction``); with no anchor they stay underspecified.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from . import timex_norm as N
from .timex_lex import (DECADE_WORDS, MONTH_FULL_RE, MONTH_RE, ONES, ORDINAL_WORDS, TENS, WEEKDAY_RE, alt,
                        month_number, parse_number, weekday_number)

Result = tuple[str, str] | tuple[str, str, tuple[int, int]] | None


@dataclass
class Ctx:
    text: str
    anchor: date | None
    direction: Callable[[int], int] = lambda pos: 0  # -1 past, +1 future, 0 unknown, at a char offset
    accept_year: Callable[[int, int], bool] = lambda s, e: True  # a bare "1990" is a year here
    dep: Callable[[int], str] = lambda pos: ""  # dependency label of the token at a char offset


RULES: list[tuple[str, re.Pattern[str], Callable[[re.Match[str], Ctx], Result]]] = []
# Words (lower case) that every match of a rule contains: a text holding none of them skips the rule's
# regex pass, which is most of the stage's cost ("century", "quarter", holidays are rare in news).
NEEDS: dict[str, tuple[str, ...]] = {}


# A rule declared ``near`` a class of words matches nothing without one of them (a month name, a
# weekday, a unit of time), so its regex runs only in windows around those words: about a fifth of
# a news text. A window reaches further than any match can (_BEFORE, _AFTER) and is widened to
# whole words, so it finds exactly what a pass over the whole text finds.
NEAR: dict[str, str] = {}
KEYWORDS = {"unit": re.compile(r"second|minute|hour|day|night|week|month|quarter|year|decade|centur|millenni|semester"
                               r"|season|spring|summer|fall|autumn|winter", re.I),
            "month": re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I),
            "weekday": re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)}
_BEFORE, _AFTER = 120, 60


def rule(name: str, pattern: str, flags: int = re.I, needs: tuple[str, ...] = (),  # type: ignore[no-untyped-def]
         near: str | None = None):
    def deco(fn):  # type: ignore[no-untyped-def]
        RULES.append((name, re.compile(rf"(?<![\w'’-])(?:{pattern})(?![\w-])(?!['’](?!s\b)\w)", flags), fn))
        if needs:
            NEEDS[name] = needs
        if near:
            NEAR[name] = near
        return fn
    return deco


def runs(name: str, lowered: str) -> bool:
    """Whether rule ``name`` can match in a text (given in lower case)."""
    needs = NEEDS.get(name)
    return needs is None or any(w in lowered for w in needs)


def scan(name: str, pattern: re.Pattern[str], text: str,
         windows: dict[str, list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """The matches of a rule in ``text``: over the whole text, or in the windows of its word class
    (computed once per text and class, kept in ``windows``)."""
    cls = NEAR.get(name)
    if cls is None:
        yield from pattern.finditer(text)
        return
    if cls not in windows:
        windows[cls] = _windows(text, KEYWORDS[cls])
    for s, e in windows[cls]:
        yield from pattern.finditer(text, s, e)


def _windows(text: str, words: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged spans around each word, starting just after a space and ending just before one."""
    n, out = len(text), []  # type: ignore[var-annotated]
    for m in words.finditer(text):
        s, e = m.start() - _BEFORE, m.end() + _AFTER
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], _word_end(text, e, n))
            continue
        out.append((_word_start(text, s), _word_end(text, e, n)))
    return out


def _word_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    return max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1


def _word_end(text: str, pos: int, n: int) -> int:
    if pos >= n:
        return n
    ends = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i >= 0]
    return min(ends) if ends else n


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _year(s: str | None, ctx: Ctx) -> int | None:
    if not s:
        return None
    s = s.strip()
    if not s[:1].isdigit() and not s.startswith(("'", "’")):
        w = re.split(r"[- ]", s.lower())
        return (1900 if w[0] == "nineteen" else 2000) + TENS[w[1]] + (ONES[w[2]] if len(w) > 2 else 0)
    if s.startswith(("'", "’")):
        return N.two_digit_year(int(s[1:]), ctx.anchor)
    return int(s)


def _dir(m: re.Match[str], ctx: Ctx) -> int:
    return ctx.direction(m.start())


MOD = r"early|late|mid|the (?:end|beginning|middle|start|rest|remainder) of"
_SPOKEN = rf"(?:nineteen|twenty) (?:{alt(TENS)})(?:[- ](?:{alt(k for k, v in ONES.items() if v < 10)}))?"
YEAR = rf"\d{{4}}|['’]\d\d|{_SPOKEN}"

# ---------------------------------------------------------------- explicit dates and times


@rule("iso", r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
def _iso(m: re.Match[str], ctx: Ctx) -> Result:
    v = N.full_date(int(m[1]), int(m[2]), int(m[3]))
    return ("TIME", f"{v}T{m[4]}:{m[5]}") if m[4] and len(v) == 10 else ("DATE", v)


@rule("numeric", r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)", needs=("/",))
def _numeric(m: re.Match[str], ctx: Ctx) -> Result:
    a, b = int(m[1]), int(m[2])
    mon, dom = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    y = int(m[3]) if len(m[3]) == 4 else N.two_digit_year(int(m[3]), ctx.anchor)
    return "DATE", N.full_date(y, mon, dom)


_ENDED_BEFORE = re.compile(r"\bended (?:on )?$")
# "the quarter ended Sept. 30": the day only says which quarter; what the story compares later ("a year
# earlier", "that quarter") is the quarter, so the day is no time to count from
_PERIOD_END = re.compile(r"(?:quarter|period|year|months) (?:ended|ending) (?:on )?$")


def _day_value(m: re.Match[str], ctx: Ctx) -> Result:
    if not _cap(m["mon"]):
        return None
    value = _named_day(m, ctx)
    if _PERIOD_END.search(ctx.text, max(0, m.start() - 20), m.start()):
        value = N.no_ref(value)
    return "DATE", value


def _named_day(m: re.Match[str], ctx: Ctx) -> str:
    mon, dom = month_number(m["mon"]), int(m["dom"])
    assert mon is not None
    y = _year(m["year"], ctx)
    if y is not None:
        return N.full_date(y, mon, dom)
    if m["wd"]:
        y = N.year_of_weekday(ctx.anchor, mon, dom, weekday_number(m["wd"]) or 0)
        if y is not None or ctx.anchor is None:
            return N.full_date(y, mon, dom)
    det = (m.groupdict().get("det") or "").lower()  # "last Oct. 23": the one before the anchor (dmy has none)
    if not det and _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        det = "last"  # "the quarter ended Oct. 31": a period that ended is over, so the day has passed
    a = ctx.anchor
    if det in ("last", "next") and a is not None:
        ahead = (mon, dom) > (a.month, a.day)
        y = a.year - 1 if det == "last" and ahead else a.year + 1 if det == "next" and not ahead else a.year
        return N.full_date(y, mon, dom)
    return N.month_day(a, mon, dom, _dir(m, ctx))


@rule("mdy", rf"(?:(?P<wd>{WEEKDAY_RE}),? |(?P<det>last|next|this) )?(?:(?:{MOD}) )?(?P<mon>{MONTH_RE}) (?P<dom>\d{{1,2}})(?:st|nd|rd|th)?"
             rf"(?:,? (?P<year>{YEAR}))?", near="month")
def _mdy(m: re.Match[str], ctx: Ctx) -> Result:
    return _day_value(m, ctx)


@rule("dmy", rf"(?:(?P<wd>{WEEKDAY_RE}),? )?(?:the )?(?P<dom>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<mon>{MONTH_RE})"
             rf"(?:,? (?P<year>{YEAR}))?", near="month")
def _dmy(m: re.Match[str], ctx: Ctx) -> Result:
    return _day_value(m, ctx)


@rule("month", rf"(?:(?P<mod>{MOD}) |mid-|(?:early|late)-(?=[A-Z]))?(?:(?P<det>last|this|next|this past|this coming|past|coming) )?"
               rf"(?P<mon>{MONTH_FULL_RE}|{MONTH_RE}(?= \d))(?:(?: of|,)? (?P<year>{YEAR})|"
               rf" (?:of )?(?P<rel>this|last|next) year)?", near="month")
def _month(m: re.Match[str], ctx: Ctx) -> Result:
    if not _cap(m["mon"]):
        return None
    mon = month_number(m["mon"])
    assert mon is not None
    if m["mon"].lower() in ("may", "march") and not (m["year"] or m["det"] or m["mod"] or m["rel"]):
        before = ctx.text[max(0, m.start() - 12):m.start()].split()
        if not before or before[-1].lower() not in {"in", "since", "until", "by", "of", "from", "through",
                                                    "early", "late", "before", "after", "during", "to"}:
            return None
    y = _year(m["year"], ctx)
    if y is None and m["rel"]:
        if ctx.anchor is None:
            return "DATE", f"XXXX-{mon:02d}"
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if y is None:
        det = (m["det"] or "").lower()
        d = -1 if det in ("last", "past", "this past") else 1 if det in ("next", "coming", "this coming") else _dir(m, ctx)
        y, _ = N.month_in_year(ctx.anchor, mon, d)
        if det == "this" and ctx.anchor is not None:
            y = ctx.anchor.year
        if det == "last" and ctx.anchor is not None:
            # "last May": the May of the year before, unless it lies well back in this one (said in
            # October); the month just gone would be "last month"
            y = ctx.anchor.year - 1 if mon >= ctx.anchor.month - 1 else ctx.anchor.year
    return "DATE", N.month_value(y, mon) if y is not None else f"XXXX-{mon:02d}"


@rule("year", rf"(?:(?P<mod>{MOD}) |mid-)?(?:(?P<pre>fiscal|calendar|the year|fy) )?(?P<year>1[5-9]\d\d|20\d\d)"
              rf"(?![.,]\d|%| ?percent)")
def _year_rule(m: re.Match[str], ctx: Ctx) -> Result:
    if not (m["pre"] or m["mod"]) and not ctx.accept_year(m.start("year"), m.end("year")):
        return None
    if ctx.text[max(0, m.start() - 1):m.start()] in ("$", "#", "£", "€"):
        return None
    return "DATE", m["year"]


@rule("two_digit_year", r"['’](?P<yy>\d\d)", needs=tuple(f"{q}{d}" for q in "'’" for d in "0123456789"))
def _yy(m: re.Match[str], ctx: Ctx) -> Result:
    before = ctx.text[max(0, m.start() - 12):m.start()].split()
    if not before or before[-1].lower() not in {"in", "since", "until", "by", "of", "from", "through", "to",
                                                "early", "late", "mid", "before", "after", "during", "class"}:
        return None
    return "DATE", str(N.two_digit_year(int(m["yy"]), ctx.anchor))


@rule("spoken_year", rf"(?:the year )?(?:(?P<c>nineteen|twenty) (?P<t>{alt(TENS)})(?:[- ](?P<o>{alt(ONES)}))?"
                     rf"|two thousand(?: and)?(?: (?P<o2>{alt(ONES)}))?)", needs=("nineteen", "twenty", "two thousand"))
def _spoken(m: re.Match[str], ctx: Ctx) -> Result:
    if m["c"]:
        y = (1900 if m["c"].lower() == "nineteen" else 2000) + TENS[m["t"].lower()] + (ONES.get((m["o"] or "").lower(), 0))
        if m["o"] and ONES[m["o"].lower()] >= 10:
            return None
    else:
        if not m.group(0).lower().startswith("the year") and not m["o2"]:
            return None
        y = 2000 + ONES.get((m["o2"] or "").lower(), 0)
    return "DATE", str(y)


@rule("decade", rf"(?:the )?(?:(?:early|late|mid)[- ]?)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0['’]?s|['’](?P<d2>\d)0['’]?s|"
                rf"the (?:(?:early|late|mid)[- ]?)?(?P<w>{alt(DECADE_WORDS)}))", needs=("0s", "0'", "0’", "ties"))
def _decade(m: re.Match[str], ctx: Ctx) -> Result:
    if m["c"]:
        return "DATE", f"{m['c']}{m['d']}"
    d = int(m["d2"]) if m["d2"] else DECADE_WORDS[m["w"].lower()]
    return "DATE", f"{N.two_digit_year(d * 10, ctx.anchor) // 10:03d}"


@rule("century", rf"(?:the )?(?:(?:early|late|mid)[- ]?)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{alt(ORDINAL_WORDS)}))"
                 r"[- ]century", needs=("century",))
def _century(m: re.Match[str], ctx: Ctx) -> Result:
    n = int(m["n"]) if m["n"] else ORDINAL_WORDS[m["w"].lower()]
    return "DATE", f"{n - 1:02d}"


_TZ = r"(?:a\.?m\.?|p\.?m\.?)"


@rule("clock", rf"(?:(?:around|about|approximately|shortly (?:before|after)|just (?:before|after)) )?"
               rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))? ?(?P<ap>{_TZ})|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)"
               r"(?= ?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|local|hours|h\b))|(?P<nm>noon|midnight|midday)"
               r"|(?P<oc>\w+) o'clock)"
               r"(?: (?P<tz>E[SD]T|C[SD]T|P[SD]T|M[SD]T|GMT|UTC|BST|CET|local time))?"
               rf"(?: (?P<tail>today|tonight|yesterday|tomorrow|{WEEKDAY_RE})|,? (?P<tail2>{MONTH_RE} \d{{1,2}})"
               rf"|(?= \([^()\n]{{1,24}}\) (?P<ptail>today|yesterday|tomorrow|{WEEKDAY_RE})\b))?")
def _clock(m: re.Match[str], ctx: Ctx) -> Result:
    if m["nm"]:
        hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["nm"].lower()]
    elif m["oc"]:
        n = parse_number(m["oc"])
        if n is None or not 1 <= n <= 12:
            return None
        hhmm = f"{int(n):02d}:00"
    elif m["h24"]:
        hhmm = f"{int(m['h24']):02d}:{m['mi24']}"
    else:
        h = int(m["h"])
        if not 1 <= h <= 12:
            return None
        pm = m["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        hhmm = f"{h:02d}:{m['mi'] or '00'}"
    tail = (m["tail"] or m["tail2"] or m["ptail"] or "").lower()  # ptail: "10:35 a.m. (0735 GMT) Friday"
    if not tail:  # "at 10 p.m.": on the day the story last named, else on the publication day
        d = N.shift_days(ctx.anchor, 0)
        return "TIME", N.ref_mark("p", "D", 0, f"{d if len(d) == 10 else N.UNKNOWN_DAY}T{hhmm}", f"T{hhmm}")
    if tail == "today":
        d = N.shift_days(ctx.anchor, 0)
    elif tail in ("tonight",):
        d = N.shift_days(ctx.anchor, 0)
    elif tail == "yesterday":
        d = N.shift_days(ctx.anchor, -1)
    elif tail == "tomorrow":
        d = N.shift_days(ctx.anchor, 1)
    elif weekday_number(tail) and not re.search(r"\d", tail):
        d = N.weekday(ctx.anchor, weekday_number(tail) or 1, _dir(m, ctx))
    else:
        mon_s, dom_s = tail.rsplit(" ", 1)
        d = N.month_day(ctx.anchor, month_number(mon_s) or 1, int(dom_s), _dir(m, ctx))
    if len(d) != 10:
        d = N.UNKNOWN_DAY
    return "TIME", f"{d}T{hhmm}"
