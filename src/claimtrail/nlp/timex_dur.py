"""Timex rules for durations ("three years", "two-hour", "the past two weeks"), expressions counted
back from the anchor ("two days ago"), sets ("daily", "every month", "twice a year") and the vague
references (PRESENT_REF, PAST_REF, FUTURE_REF). Registered after ``timex_rel``.
"""
from __future__ import annotations

import re

from . import timex_norm as N
from .timex_lex import MONTH_FULL_RE, NUM_RE, TIME_UNITS, UNIT_RE, VAGUE_RE, month_number, parse_number, unit_code
from .timex_rules import Ctx, Result, rule

_LEAD = (r"more than|less than|fewer than|at least|at most|nearly|almost|about|around|roughly|approximately|"
         r"up to|some|no more than|no less than|a full|another|an additional|an extra")  # not "within", "over"
_ADJ = (r"past|last|next|first|latest|previous|coming|final|remaining|initial|same|year-earlier|year-ago|"
        r"comparable|full|entire|whole|following|prior|recent|few")


def duration_value(n: float | None, code: str) -> str:
    """P3Y, PT2H, PXD; fractions go down a unit (2.5 years → P2Y6M, half an hour → PT30M)."""
    if code == "WE":
        code = "D" if n is None else "WE"
    if code in ("W2",):
        n, code = (None if n is None else n * 2), "W"
    if code in ("M6", "M3"):
        n, code = (None if n is None else n * int(code[1])), "M"
    if code == "DE":
        n, code = (None if n is None else n * 10), "Y"
    if code == "CE":
        n, code = (None if n is None else n * 100), "Y"
    if code == "ML":
        n, code = (None if n is None else n * 1000), "Y"
    t = "T" if code in TIME_UNITS else ""
    unit = "M" if code == "MI" else code
    if n is None:
        return f"P{t}X{unit}"
    whole, frac = int(n), n - int(n)
    if not frac:
        return f"P{t}{whole}{unit}"
    sub = {"Y": (12, "M", ""), "M": None, "D": (24, "H", "T"), "H": (60, "M", ""), "MI": (60, "S", ""),
           "W": (7, "D", "")}.get(code)
    if sub is None:
        return f"P{t}{n:g}{unit}"
    k, su, st = sub
    head = f"{whole}{unit}" if whole else ""
    return f"P{t}{head}{st}{int(round(frac * k))}{su}"


_PER_UNITS = ("year", "month", "week", "day", "hour", "quarter", "minute")


@rule("per_unit", r"(?:once|twice|thrice|\w+ times|\d[\d.,]*%?|percent|million|billion|dollars?|cents?|pounds?|euros?|"
                  r"(?!(?:in|for|within|than|about|over|after|before|nearly|almost|least|is|was|as|has|this|its|his|"
                  r"thus|less|plus|days|years|months|weeks)\b)\w+s)"
                  rf" (?P<x>(?:a|an|per) (?P<unit>{'|'.join(_PER_UNITS)}))", near="unit",
      needs=tuple(f"{d} {u}" for d in ("a", "an", "per") for u in _PER_UNITS))
def _per_unit(m: re.Match[str], ctx: Ctx) -> Result:
    code = unit_code(m["unit"])
    return "SET", duration_value(1, code or "Y"), (m.start("x"), m.end("x"))  # type: ignore[return-value]


@rule("duration", rf"(?:(?P<lead>{_LEAD}) )?(?:(?P<det>the|its|a|each of the) (?:(?P<adj>{_ADJ}) )?)?"
                  rf"(?P<num>{NUM_RE}|{VAGUE_RE})[ -](?:(?:more|additional|extra|straight|consecutive|full|long|"
                  r"trading|business|calendar|working|school|fiscal|successive|-) ?)?"
                  rf"(?P<unit>{UNIT_RE}s?)(?P<half> and a half)?(?P<old>-old)?(?P<rel> (?:ago|earlier|before|later|after|from now|hence|"
                  r"back|or so ago))?", near="unit")
def _duration(m: re.Match[str], ctx: Ctx) -> Result:
    code = unit_code(m["unit"])
    num_s = m["num"].lower()
    if code is None or m["old"] or re.match(r"[ -]old\b", ctx.text[m.end():m.end() + 5]):
        return None  # ages ("52 years old") are not time expressions in TimeML news
    if code == "Q" and "-" in m.group(0) and m["unit"].lower().endswith("s"):
        return None  # "three-quarters of its food"
    if num_s in ("a", "an") and code in ("S", "Q", "D") and m["unit"].lower() in ("second", "quarter", "night"):
        return None  # "a second term", "a quarter of"
    if m["det"] and m["det"].lower() == "a" and num_s in ("a", "an"):
        return None
    n = parse_number(num_s) if not re.fullmatch(VAGUE_RE, num_s) else None
    if n is not None and (n > 10000 or m["det"] and code != "Y" and re.fullmatch(r"1[5-9]\d\d|20\d\d", num_s)):
        return None  # "the 1988 quarter" names a year's quarter, not 1988 of them
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    rel = (m["rel"] or "").strip().lower()
    if num_s == "one" and code == "D" and not (m["det"] or m["lead"] or rel) and ctx.direction(m.start()) > 0:
        return "DATE", "FUTURE_REF"  # "Islam will one day be …": some day, not a day long
    if rel in ("later", "after", "before", "back"):  # "three days later": a duration; the word stays out
        return "DURATION", duration_value(n, code), (m.start(), m.start("rel"))  # type: ignore[return-value]
    if rel:
        if rel in ("from now", "hence"):
            return "DATE", N.ago(ctx.anchor, n, code if code != "WE" else "W", +1)
        if n is None:
            return "DATE", "PAST_REF"
        if code == "Y" and n == 1 and re.search(r"quarter|period", ctx.text[max(0, m.start() - 250):m.start()], re.I):
            value = N.quarter_shift(ctx.anchor, -5)  # results "a year ago": the year-ago quarter
        else:
            value = N.ago(ctx.anchor, n, code if code != "WE" else "W", -1)
        if rel == "earlier" and code in ("D", "W", "M", "Q", "Y") and n == int(n):
            return "DATE", N.ref_mark("s", code, -int(n), value)  # "a year earlier": before the time last named
        return "DATE", N.no_ref(value)
    if m["lead"] and m["det"] and m["lead"].lower() == "some":
        return "DURATION", duration_value(n, code), (m.start("det"), m.end())  # type: ignore[return-value]
    if m["det"] and not m["adj"] and (ctx.text[m.end("num")] == "-" or m["det"].lower() in ("a", "its")):
        # "a two-hour meeting", "a five year low": the article is not part of the expression
        return "DURATION", duration_value(n, code), (m.start("num"), m.end())  # type: ignore[return-value]
    return "DURATION", duration_value(n, code)


@rule("bare_units", r"(?:(?P<adj>recent|coming|past|future|the coming|the past|the next|the last|the first|the early|"
                    r"the final|the following|the recent|in recent) )?(?P<unit>(?:second|minute|hour|day|week|month|"
                    r"year|decade|quarter|centurie)s)(?P<tail> ahead| to come)?", near="unit")
def _bare_units(m: re.Match[str], ctx: Ctx) -> Result:
    adj = (m["adj"] or "").lower()
    if re.match(r"[ -]old\b", ctx.text[m.end():m.end() + 5]) or re.search(r"\d[ -]$", ctx.text[max(0, m.start() - 2):m.start()]):
        return None  # an age, or the unit of a number another rule turned down
    if "recent" in adj or adj == "past":
        span = (m.start("adj") + 3 if adj.startswith("in ") else m.start(), m.end())
        if m["unit"].lower() == "years" or adj == "past":
            return "DATE", "PAST_REF", span  # type: ignore[return-value]
        return "DURATION", duration_value(None, unit_code(m["unit"]) or "Y"), span  # type: ignore[return-value]
    if "coming" in adj or m["tail"]:
        # "in coming weeks", "the years ahead": an unknown number of units, as "recent weeks" is
        return "DURATION", duration_value(None, unit_code(m["unit"]) or "Y")
    if "next" in adj or "following" in adj or adj == "future":
        return "DATE", "FUTURE_REF"
    code = unit_code(m["unit"])
    return "DURATION", duration_value(None, code or "Y")


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
              "annually": "P1Y", "annual": None, "hourly": "PT1H", "quarterly": "P1Q", "biweekly": "P2W",
              "semiannually": "P6M", "biannually": "P6M"}


@rule("set_word", r"daily|nightly|weekly|monthly|yearly|annually|hourly|quarterly|biweekly|semiannually|biannually",
      needs=("daily", "nightly", "weekly", "monthly", "yearly", "annually", "hourly", "quarterly"))
def _set_word(m: re.Match[str], ctx: Ctx) -> Result:
    w = m.group(0)
    if w[0].isupper() and m.start() > 0 and ctx.text[m.start() - 2:m.start()].strip() not in ("", ".", "\n"):
        return None  # "The Daily Telegraph"
    if ctx.dep(m.start()) in ("amod", "compound", "nmod"):
        return None  # "its quarterly dividend", "daily flights": an adjective, not a time expression
    return "SET", _SET_WORDS[w.lower()] or "P1Y"


@rule("every", rf"(?:every|each|per) (?:(?P<other>other|single) )?(?P<unit>day|week|month|year|quarter|hour|minute|"
               rf"morning|afternoon|evening|night|weekend|decade|summer|winter|spring|fall|autumn|{MONTH_FULL_RE})",
      needs=("every", "each", "per"))
def _every(m: re.Match[str], ctx: Ctx) -> Result:
    u = m["unit"].lower()
    k = 2 if m["other"] and m["other"].lower() == "other" else 1
    pods = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
    if u in pods:
        return "SET", f"XXXX-XX-XX{pods[u]}"
    seasons = {"summer": "SU", "winter": "WI", "spring": "SP", "fall": "FA", "autumn": "FA"}
    if u in seasons:
        return "SET", f"XXXX-{seasons[u]}"
    code = unit_code(u)
    if code is None:
        mon = month_number(u)
        return ("SET", f"XXXX-{mon:02d}") if mon else None
    return "SET", duration_value(k, code if code != "WE" else "W")


_VAGUE = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
          "these days": "PRESENT_REF", "present": "PRESENT_REF", "the present": "PRESENT_REF",
          "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
          "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
          "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF",
          "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
          "the medium term": "FUTURE_REF", "a later date": "FUTURE_REF"}


@rule("vague", "|".join(re.escape(k) for k in sorted(_VAGUE, key=len, reverse=True)))
def _vague(m: re.Match[str], ctx: Ctx) -> Result:
    w = m.group(0).lower()
    if w in ("present", "the present"):
        before = ctx.text[max(0, m.start() - 4):m.start()].lower()
        if not before.endswith("at "):
            return None
    if w.endswith("future") and ctx.text[m.end():m.end() + 3] == " of":
        return None  # "the future of our peoples"
    return "DATE", _VAGUE[w]
