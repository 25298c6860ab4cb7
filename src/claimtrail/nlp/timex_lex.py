"""Time words and number words for the timex rules: regex fragments and their meanings.

Written for claimtrail (English news conventions); TIMEX3 unit codes follow TimeML 1.2.1.
"""
from __future__ import annotations

import re

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
WEEKDAY_ABBR = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
                "sun": 7}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "midday": "MI", "daytime": "DT"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# unit word -> TIMEX3 unit code; the hour-and-below units go after "PT"
UNITS = {"second": "S", "minute": "MI", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
         "fortnight": "W2", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
         "centurie": "CE", "millennium": "ML", "millennia": "ML", "semester": "M6", "season": "M3"}
TIME_UNITS = {"S", "MI", "H"}

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# vague amounts: the number is unknown ("PXY")
VAGUE = {"a few", "few", "several", "many", "some", "the", "a number of", "numerous", "countless"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def alt(words) -> str:  # type: ignore[no-untyped-def]
    """A regex alternation of words, longest first (so "sept" is tried before "sep")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


WEEKDAY_WORDS = tuple(WEEKDAYS) + tuple(f"{a}." for a in WEEKDAY_ABBR)  # every weekday match holds one
MONTH_FULL_RE = alt(MONTHS)
MONTH_RE = rf"(?:{MONTH_FULL_RE}|(?:{alt(MONTH_ABBR)})\.?)"
WEEKDAY_RE = rf"(?:{alt(WEEKDAYS)}|(?:{alt(WEEKDAY_ABBR)})\.)"
_NUMWORD = rf"(?:{alt(TENS)})(?:[- ](?:{alt(k for k, v in ONES.items() if v < 10)}))?|{alt(ONES)}"
NUM_RE = (rf"(?:\d+(?:\.\d+)?(?: \d/\d)?|(?:{_NUMWORD})(?: (?:and )?(?:a )?half)?"
          rf"(?: hundred| thousand)?|a hundred|a thousand|a dozen|a couple(?: of)?|couple of|an?|one|half an?|a half)")
VAGUE_RE = r"(?:a few|several|many|some|few|a number of|numerous|countless)"
UNIT_RE = rf"(?:{alt(UNITS)})"


def month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def weekday_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAY_ABBR.get(w)


def unit_code(word: str) -> str | None:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS.get(w)


def parse_number(text: str) -> float | None:
    """"two" → 2, "twenty-four" → 24, "2 1/2" → 2.5, "a couple of" → 2, "several" → None (vague)."""
    t = text.lower().strip()
    if t in ("a", "an", "one", "a single"):
        return 1.0
    if t.startswith("half"):
        return 0.5
    if t in ("a half",):
        return 0.5
    if t.startswith(("a couple", "couple")):
        return 2.0
    if t == "a dozen":
        return 12.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", t.replace(",", ""))
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / max(int(m.group(3)), 1)
        return v
    total, cur = 0.0, 0.0
    for w in re.split(r"[ -]+", t):
        if w in ("and", "a", "an"):
            cur = cur or (1.0 if w != "and" else cur)
            continue
        if w in ONES:
            cur += ONES[w]
        elif w in TENS:
            cur += TENS[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w == "thousand":
            total += (cur or 1) * 1000
            cur = 0
        elif w == "half":
            cur += 0.5 if cur >= 1 else 0.5 - cur
        else:
            return None
    return total + cur or None
