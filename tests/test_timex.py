"""The timex stage: detection, TIMEX3 types and values, the weekday convention, datelines.

Sentences written for claimtrail. Each case: text, publication date (None: unknown), and timexes
that must be found as (span text, type, value); other timexes in the text are not checked unless
the case says ``only``.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrail.ingest.dates import infer_published
from claimtrail.nlp import timex, timex_rules
from claimtrail.nlp.state import Analysis, analysis
from claimtrail.nlp.timex_norm import from_ref, full_date, ref_mark, shift_ref, two_digit_year

WED = "2019-05-15"  # a Wednesday


@pytest.fixture(scope="module")
def tag(pipeline):  # type: ignore[no-untyped-def]
    """text, published -> [(span, type, value)], running the parse and the timex stage only."""
    nlp = pipeline.nlp

    def run(text: str, published: str | None) -> list[tuple[str, str, str]]:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if not name.startswith("claimtrail_"):
                doc = proc(doc)
        doc._.ct = Analysis(published=published)
        timex.run(doc)
        assert not analysis(doc).flags, analysis(doc).flags
        return [(text[t.start:t.end], t.type, t.value) for t in analysis(doc).timexes]

    return run


CASES = [
    # explicit dates in news forms
    ("The treaty was signed on Jan. 7, 2012, in Geneva.", WED, [("Jan. 7, 2012", "DATE", "2012-01-07")]),
    ("The treaty was signed on 7 January 2012 in Geneva.", WED, [("7 January 2012", "DATE", "2012-01-07")]),
    ("The filing is dated 2012-01-07.", WED, [("2012-01-07", "DATE", "2012-01-07")]),
    ("Prices fell in January 2012 and again in 2014.", WED,
     [("January 2012", "DATE", "2012-01"), ("2014", "DATE", "2014")]),
    ("The firm grew fast in the 1990s.", WED, [("the 1990s", "DATE", "199")]),
    ("Ballots were counted on May 10.", WED, [("May 10", "DATE", "2019-05-10")]),
    # weekdays, the news convention (published on a Wednesday)
    ("The minister arrived Wednesday.", WED, [("Wednesday", "DATE", "2019-05-15")]),
    ("The minister resigned Friday.", WED, [("Friday", "DATE", "2019-05-10")]),
    ("The ministers will meet on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("The council is to vote on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("She plans to travel to Oslo on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("They hope to settle it next Friday.", WED, [("next Friday", "DATE", "2019-05-17")]),
    ("He spoke to them last Wednesday.", WED, [("last Wednesday", "DATE", "2019-05-08")]),
    ("The ministers will meet on Friday.", None, [("Friday", "DATE", "XXXX-WXX-5")]),
    ("Police said the crowd gathered on Friday.", None, [("Friday", "DATE", "XXXX-WXX-5")]),
    # parts of day and times
    ("The rally began Sunday night.", WED, [("Sunday night", "TIME", "2019-05-12TNI")]),
    ("Talks resumed Wednesday morning.", WED, [("Wednesday morning", "TIME", "2019-05-15TMO")]),
    ("The vote closed at 3 p.m.", WED, [("3 p.m.", "TIME", "2019-05-15T15:00")]),
    ("The vote closed at 3 p.m.", None, [("3 p.m.", "TIME", "XXXX-XX-XXT15:00")]),
    ("Rescuers arrived at 10:30 a.m. Tuesday.", WED, [("10:30 a.m. Tuesday", "TIME", "2019-05-14T10:30")]),
    # today, yesterday, tomorrow, tonight
    ("The court ruled yesterday and will sit again tomorrow.", WED,
     [("yesterday", "DATE", "2019-05-14"), ("tomorrow", "DATE", "2019-05-16")]),
    ("The result is due today.", WED, [("today", "DATE", "2019-05-15")]),
    ("The speech is scheduled for tonight.", WED, [("tonight", "TIME", "2019-05-15TNI")]),
    ("The court ruled yesterday.", None, [("yesterday", "DATE", "XXXX-XX-XX")]),
    # weeks, months, years, quarters
    ("Markets fell sharply last week.", "2026-03-11", [("last week", "DATE", "2026-W10")]),
    ("The rules change next month.", WED, [("next month", "DATE", "2019-06")]),
    ("The ban was lifted two days ago.", WED, [("two days ago", "DATE", "2019-05-13")]),
    ("Turnout was higher this year than last year.", WED,
     [("this year", "DATE", "2019"), ("last year", "DATE", "2018")]),
    ("Earnings rose in the third quarter.", "2012-10-20", [("the third quarter", "DATE", "2012-Q3")]),
    ("Third-quarter earnings rose.", "2012-10-20", [("Third-quarter", "DATE", "2012-Q3")]),
    ("Sales will peak in the summer of 2020.", WED, [("the summer of 2020", "DATE", "2020-SU")]),
    # vague references
    ("The party is now in opposition.", WED, [("now", "DATE", "PRESENT_REF")]),
    ("The agency recently changed its rules.", WED, [("recently", "DATE", "PAST_REF")]),
    ("Prices have climbed in recent years.", WED, [("recent years", "DATE", "PAST_REF")]),
    ("More cuts may come in the future.", WED, [("the future", "DATE", "FUTURE_REF")]),
    # durations
    ("The project took three years.", WED, [("three years", "DURATION", "P3Y")]),
    ("After a two-hour meeting, they left.", WED, [("two-hour", "DURATION", "PT2H")]),
    ("Exports fell over the past two weeks.", WED, [("the past two weeks", "DURATION", "P2W")]),
    ("The strike lasted several months.", WED, [("several months", "DURATION", "PXM")]),
    ("The talks went on for two and a half years.", WED, [("two and a half years", "DURATION", "P2Y6M")]),
    ("The siege lasted 18 months.", WED, [("18 months", "DURATION", "P18M")]),
    # sets
    ("The committee meets every Monday.", WED, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("Officials publish the figures daily.", WED, [("daily", "SET", "P1D")]),
    ("The board meets twice a year.", WED, [("a year", "SET", "P1Y")]),
    ("Crowds gathered over the weekend.", WED, [("the weekend", "DATE", "2019-W19-WE")]),
    ("Exports fell in the past week.", WED, [("the past week", "DATE", "2019-W19")]),
    ("Turnout doubled from a year ago.", WED, [("a year ago", "DATE", "2018")]),
    ("Revenue in Q3 2012 was flat.", WED, [("Q3 2012", "DATE", "2012-Q3")]),
    ("Empires rose and fell in the 20th century.", WED, [("the 20th century", "DATE", "19")]),
    ("The market closed by mid-afternoon.", WED, [("mid-afternoon", "TIME", "2019-05-15TAF")]),
    ("Rents are reviewed every month.", WED, [("every month", "SET", "P1M")]),
    ("The club opens on Tuesday nights.", WED, [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("The talks collapsed three days later.", WED, [("three days", "DURATION", "P3D")]),
    ("Sales were weak in the first half of 2011.", WED, [("the first half of 2011", "DATE", "2011-H1")]),
    ("The gallery reopens in June.", "2019-11-20", [("June", "DATE", "2020-06")]),
    ("The gallery closed in June.", "2019-11-20", [("June", "DATE", "2019-06")]),
    # bad input: impossible days, two-digit years, times without dates
    ("The memo is dated February 30, 2019.", WED, [("February 30, 2019", "DATE", "2019-02")]),
    ("The law dates from '98.", WED, [("'98", "DATE", "1998")]),
    ("The law dates from '05.", WED, [("'05", "DATE", "2005")]),
    ("Flights resume at noon.", None, [("noon", "TIME", "XXXX-XX-XXT12:00")]),
    # possessives: the 's stays out of the span
    ("Friday's vote was close.", WED, [("Friday", "DATE", "2019-05-10")]),
    # weekdays that look ahead without "will": "as soon as", a plan, a reported future
    ("The envoy could arrive as soon as Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("The team could leave as early as Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("Unions planned a march on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("The minister said she would resign on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("Without the deal they would have struck on Friday.", WED, [("Friday", "DATE", "2019-05-10")]),
    # "last" + month: a year back unless the month lies well back in this one
    ("The bridge fell down last February.", "2019-03-20", [("last February", "DATE", "2018-02")]),
    ("The bridge fell down last December.", "2019-10-20", [("last December", "DATE", "2018-12")]),
    ("The bridge fell down last April.", "2019-10-20", [("last April", "DATE", "2019-04")]),
    ("He was shot last Oct. 23 at his home.", "2019-04-19", [("last Oct. 23", "DATE", "2018-10-23")]),
    ("The deal closed in late-November.", "2020-01-10", [("late-November", "DATE", "2019-11")]),
    # financial periods
    ("Profit doubled in the 2011 quarter.", "2012-10-20", [("the 2011 quarter", "DATE", "2011-Q3")]),
    ("Profit rose from last year's quarter.", "2012-10-20", [("last year's quarter", "DATE", "2011-Q3")]),
    ("Sales slowed in the last half of 2011.", WED, [("the last half of 2011", "DATE", "2011-H2")]),
    ("Losses will shrink in future quarters.", WED, [("future quarters", "DATE", "FUTURE_REF")]),
    ("Prices may rise over the next couple of years.", WED, [("the next couple of years", "DURATION", "P2Y")]),
    ("The climb took a minute and a half.", WED, [("a minute and a half", "DURATION", "PT1M30S")]),
    # a clock time with its zone in brackets still takes the weekday after them
    ("The blast came at 10:35 a.m. (0735 GMT) Tuesday.", WED, [("10:35 a.m.", "TIME", "2019-05-14T10:35")]),
    # holidays: the nearest one, unless the words point one way; without an anchor, what the rule fixes
    ("The boat sank on Thanksgiving Day.", "2020-01-08", [("Thanksgiving Day", "DATE", "2019-11-28")]),
    ("Campaigning goes on until Election Day.", "2018-10-20", [("Election Day", "DATE", "2018-11-06")]),
    ("The family met last Christmas.", "2019-12-28", [("last Christmas", "DATE", "2019-12-25")]),
    ("The shops shut on Christmas Day.", None, [("Christmas Day", "DATE", "XXXX-12-25")]),
    # counted from the time the story last named (TimeML's anchor), not from the publication date
    ("Sales rose 5% in the third quarter from a year earlier.", "2012-10-20", [("a year earlier", "DATE", "2011-Q3")]),
    ("The plant opened on March 5, 2010. A year earlier, the site was empty.", WED,
     [("A year earlier", "DATE", "2009-03-05")]),
    ("Shares rose on Friday to $5, up from $3 a year earlier.", WED, [("a year earlier", "DATE", "2018")]),
    ("The firm was founded in 1995, and the following year it went public.", WED,
     [("the following year", "DATE", "1996")]),
    ("Talks began on March 3, 2014. The following month, they collapsed.", WED,
     [("The following month", "DATE", "2014-04")]),
    ("Imports reached $3 billion in 2008, and exports fell that year.", WED, [("that year", "DATE", "2008")]),
    ("She landed in Lima on June 2, 2016, and left the next day.", WED, [("the next day", "DATE", "2016-06-03")]),
    ("The vote was held on April 4, 2017, and the count began the day after.", WED,
     [("the day after", "DATE", "2017-04-05")]),
    ("The rebels struck on Jan. 9, 2015. That morning, the roads were empty.", WED,
     [("That morning", "TIME", "2015-01-09TMO")]),
    ("He was shot last October, and the site named him that same day.", WED, [("that same day", "DATE", "2018-10-XX")]),
    ("The plant opened on March 5, 2010. The next day, it closed.", None, [("The next day", "DATE", "2010-03-06")]),
    ("The law was passed on July 1, 2015. By the end of the month, it was in force.", WED,
     [("the end of the month", "DATE", "2015-07")]),
    ("The crash happened on May 2, 2019. Police arrived at 10 p.m.", WED, [("10 p.m.", "TIME", "2019-05-02T22:00")]),
    ("Stocks fell on Friday. For the week, the index lost 2%.", "2019-05-20",
     [("Friday", "DATE", "2019-05-17"), ("the week", "DATE", "2019-W20")]),
    ("The company lost money in the first quarter of 2012. During the quarter, sales fell.", WED,
     [("the quarter", "DATE", "2012-Q1")]),
    ("The court will hear the case in the week of March 6.", "2000-02-24",
     [("the week of March 6", "DATE", "2000-W10")]),
    # a time named long before no longer anchors: the publication date does
    ("The plant opened on March 5, 2010. " + "Workers came and went. " * 20 + "A year earlier, the site was empty.",
     WED, [("A year earlier", "DATE", "2018")]),
    # "the year": a fiscal year's span when it "ended", else the year in question
    ("Profit rose in the year ended June 30.", WED, [("the year", "DURATION", "P1Y")]),
    ("Shares hit a high for the year in June.", WED, [("the year", "DATE", "2019")]),
    # weekday direction: a past perfect after "until"; a present form after a singular subject is a past
    ("Until Thursday, police had not named a suspect.", WED, [("Thursday", "DATE", "2019-05-09")]),
    ("Weakness in banks hurt the index on Friday.", WED, [("Friday", "DATE", "2019-05-10")]),
    # ... an infinitive subject and a participle clause take the time of their main verb
    ("To win the race on Friday was a surprise.", WED, [("Friday", "DATE", "2019-05-10")]),
    ("The share price has swung widely, climbing to a peak in June from a low in March.", "2019-10-30",
     [("March", "DATE", "2019-03")]),
    ("MARKETS FALL THIS WEEK", WED, [("THIS WEEK", "DATE", "2019-W20")]),  # a headline, not a title
    ("Investors are likely to sell their shares on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("The army was poised to cross the river on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    # a part of day shared by two weekdays; seasons counted are a set of seasons
    ("Flights leave on Monday and Tuesday nights.", WED,
     [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    ("Riots broke out in the past three summers.", WED, [("the past three summers", "SET", "XXXX-SU")]),
    # a clause of time takes the time of the clause it belongs to
    ("The minister said she would resign once the budget passed on Friday.", WED, [("Friday", "DATE", "2019-05-17")]),
    ("Buyers were likely to return as soon as trading opened Monday.", WED, [("Monday", "DATE", "2019-05-20")]),
    ("The markets fell when trading opened Monday.", WED, [("Monday", "DATE", "2019-05-13")]),
    ("They had agreed to draft a plan by March of next year.", "2016-09-20", [("March of next year", "DATE", "2017-03")]),
    # a past verb: a month two or more ahead of the publication is last year's
    ("The firm switched to a calendar year in December.", "2019-10-27", [("December", "DATE", "2018-12")]),
    # "ahead of the weekend": the coming one, this week's
    ("Traders sold shares ahead of the weekend.", "2019-10-28", [("the weekend", "DATE", "2019-W44-WE")]),
    ("They met over the weekend.", "2019-10-28", [("the weekend", "DATE", "2019-W43-WE")]),
    # "the past week": the seven days before, so the week holding most of them
    ("Sales fell over the past week.", "2000-04-14", [("the past week", "DATE", "2000-W15")]),
    ("Sales fell over the last week.", "2000-04-10", [("the last week", "DATE", "2000-W14")]),
    # "as long as a month" is a span, not "a month" per something
    ("The appeal could take as long as a month.", WED, [("a month", "DURATION", "P1M")]),
    # the day next to a named one
    ("The day before last Tuesday's hearing, he called her.", WED,
     [("The day before last Tuesday", "DATE", "2019-05-13")]),
    ("The results came the day after Nov. 6.", "2019-11-20", [("the day after Nov. 6", "DATE", "2019-11-07")]),
    # two quarters of a year are its half; the latest fiscal year is the last closed one
    ("Growth will slow through the first two quarters of 2020.", "2019-10-26",
     [("the first two quarters of 2020", "DATE", "2020-H1")]),
    ("Sales reached $7 billion in the latest fiscal year.", "2019-10-26", [("the latest fiscal year", "DATE", "2018")]),
    # a comparison with a span of months has a year's granularity, one with a quarter a quarter's
    ("For the nine months, net income rose to $81 million from year-earlier net of $77 million.", "2019-10-27",
     [("year-earlier", "DATE", "2018")]),
    ("In the first nine months, net was $30 million, compared with $19 million in the 2018 period.", "2019-10-27",
     [("the 2018 period", "DATE", "2018")]),
    ("Third-quarter profit rose 8% from the year-earlier quarter.", "2019-10-27",
     [("the year-earlier quarter", "DATE", "2018-Q3")]),
    # an unknown number of units ahead, as "recent weeks" is behind
    ("Rates may fall in coming weeks.", WED, [("coming weeks", "DURATION", "PXW")]),
    ("Investors will face pressure in the weeks ahead.", WED, [("weeks ahead", "DURATION", "PXW")]),
    ("Demand should grow in the years ahead.", WED, [("years ahead", "DURATION", "PXY")]),
    # a period that ended is over: its last day has passed
    ("Losses in the quarter ended Oct. 31 rose.", "2019-10-27",
     [("the quarter", "DATE", "2018-Q3"), ("Oct. 31", "DATE", "2018-10-31")]),
    # the day a period ended only says which period: a later comparison counts from the period
    ("Profit rose in the quarter ended Sept. 30, 2019, from $3 million a year earlier.", "2019-10-26",
     [("the quarter", "DATE", "2019-Q3"), ("a year earlier", "DATE", "2018-Q3")]),
    ("In the fiscal first quarter ended Sept. 30, net fell. Sales were $3 million, up from $2 million a year earlier.",
     "2019-10-26", [("a year earlier", "DATE", "2018-Q1")]),
    ("Net rose in the fiscal first quarter. In the 2018 period, the company lost money.", "2019-10-26",
     [("the 2018 period", "DATE", "2018-Q1")]),
    ("The second quarter ended Oct. 31. Results for that quarter included a charge.", "2019-10-27",
     [("The second quarter", "DATE", "2018-Q2"), ("that quarter", "DATE", "2018-Q2")]),
    # "the quarter ended July 31": May to July, the second calendar quarter
    ("In the quarter ended July 31, the retailer lost $2 million.", "2019-10-30", [("the quarter", "DATE", "2019-Q2")]),
    # a quarter still to come is not the one "the latest quarter" means
    ("The storm will lead to a fourth-quarter charge. Earnings fell 9% in the latest quarter.", "2019-11-02",
     [("the latest quarter", "DATE", "2019-Q3")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_timex(tag, text: str, published: str | None, expected: list[tuple[str, str, str]]) -> None:
    found = tag(text, published)
    for exp in expected:
        assert exp in found, f"{exp} not in {found}"


@pytest.mark.parametrize("text", [
    "He is 52 years old.",
    "The company cut its quarterly dividend.",
    "The firm sold 1,990 shares.",
    "It may rain.",
    "They march on the capital.",
    "The banks closed the day before the crash.",  # counted from the crash: no time of its own
    "Exports fell that year.",  # "that year" with no year named before it
    'The senator spoke on "This Week" about the budget.',  # a programme's title
])
def test_not_timex(tag, text: str) -> None:
    assert tag(text, WED) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("ROME, May 15, 2019 — The pope spoke.", "2019-05-15"),
    ("WASHINGTON (AP) — Jan. 7, 2012 — Talks ended.", None),
    ("BERLIN, 7 January 2012 - The chancellor spoke.", "2012-01-07"),
    ("ROME, May 15 — The pope spoke.", None),  # no year: no full date, so no publication date
    ("LONDON, February 30, 2019 — Odd.", None),  # impossible day
    ("The pope spoke in Rome on May 15, 2019.", None),  # a date in the story is not a dateline
    ("", None),
])
def test_infer_published(text: str, expected: str | None) -> None:
    assert infer_published(text) == expected


def test_dateline_sets_published(pipeline) -> None:  # type: ignore[no-untyped-def]
    d = pipeline.analyze("ROME, May 15, 2019 — The pope spoke yesterday and left on Friday.")
    assert d.document.published == "2019-05-15" and d.document.published_basis == "inferred"
    assert ("yesterday", "2019-05-14") in [(t.text, t.value) for t in d.timexes]


def test_given_date_beats_dateline(pipeline) -> None:  # type: ignore[no-untyped-def]
    d = pipeline.analyze("ROME, May 15, 2019 — The pope spoke yesterday.", published="2019-06-01")
    assert d.document.published == "2019-06-01" and d.document.published_basis == "given"


def test_no_anchor_from_elsewhere_in_text(tag) -> None:
    found = tag("Photo taken on May 3, 2018. The minister resigned on Friday.", None)
    assert ("Friday", "DATE", "XXXX-WXX-5") in found


@pytest.mark.parametrize(("args", "value"), [
    ((2019, 2, 29), "2019-02"), ((2020, 2, 29), "2020-02-29"), ((2019, 13, 1), "2019"), ((None, 4, 31), "XXXX-04"),
])
def test_full_date(args, value: str) -> None:  # type: ignore[no-untyped-def]
    assert full_date(*args) == value


@pytest.mark.parametrize(("ref", "unit", "n", "period", "value"), [
    ("1989-09-30", "Y", -1, False, "1988-09-30"), ("1989-09-30", "Y", 1, True, "1990"),
    ("1989-09-30", "M", 1, True, "1989-10"), ("1989-12-31", "D", 1, False, "1990-01-01"),
    ("1989-03-05", "W", 0, True, "1989-W09"), ("1989-Q3", "Y", -1, False, "1988-Q3"),
    ("1989-Q1", "Q", -1, True, "1988-Q4"),
    ("1989-03", "Y", -1, False, "1988-03"), ("1989-10", "D", 0, True, "1989-10-XX"), ("1989", "Y", 1, True, "1990"),
    ("1989", "M", 1, True, None), ("1989-SU", "Y", -1, False, "1988-SU"), ("PAST_REF", "Y", 1, True, None),
])
def test_shift_ref(ref: str, unit: str, n: int, period: bool, value: str | None) -> None:
    assert shift_ref(ref, unit, n, period) == value


def test_ref_mark_falls_back_without_a_reference() -> None:
    mark = ref_mark("s", "Y", -1, "2018")
    assert from_ref(mark, None) == "2018" and from_ref(mark, "2016-03-01") == "2015-03-01"
    assert from_ref(mark, "2016-03-01", explicit=False) == "2018"  # a weekday dates the news, not the comparison
    assert from_ref(ref_mark("q", "Q", 0, "2019-Q1"), "2016-03-01") == "2019-Q1"  # "the quarter" wants a quarter


_PIECES = ["a year earlier", "the following month", "that year", "the next day", "that morning", "the day before.",
           "the quarter", "for the week", "at 10 p.m.", "on March 5, 2010", "Friday", "last October", "in 1995",
           "third-quarter", "a year ago", "the week of May 2", "the year", "the same day", "Feb. 30", "and",
           "the 1988 period", "the quarter ended Sept. 30", "the latest quarter"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([None, date(2019, 5, 15), date(1989, 1, 1)]))
def test_marks_never_leak(pieces: list[str], anchor: date | None) -> None:
    # every value counted from a named time is resolved (or its hit dropped) within one text
    for h in timex.find(" ".join(pieces), anchor):
        assert h.value and not h.value.startswith("@") and "|" not in h.value, h


@pytest.mark.parametrize("text", [
    "Shops close on Christmas Day and reopen the week of Jan. 3, 1994.", "Revenue in Q3 2012 was flat.",
    "Empires rose and fell in the 20th century, and in the 1990s.", "The law dates from '98, or 3/4/1998.",
    "Sales fell in the first two quarters of 2020 and in the fourth quarter.", "She was born in nineteen eighty-four.",
    "Prices are set daily, twice a year and every Monday, the day before Nov. 6.",
    "It came at year-end, in the summer of 2020.",
    "The quarter's year-earlier period was weak last Friday night.", "Nothing here names a time at all.",
    "Talks ended on Wednesday, the 4th of May, nineteen ninety-four, after more than two and a half years.",
    "Sales for the nine months ended in mid-March were flat; weekly orders rose 4% a month in coming weeks.",
])
def test_shortcuts_find_what_a_full_pass_finds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # rules skipped for lack of the words they need, and rules run only in windows around their words,
    # must find exactly what every rule over the whole text finds
    for padded in (text, "Word " * 40 + text + " word" * 40, text.replace(" ", "\n", 3)):
        anchor = date(2019, 5, 15)
        fast = timex.find(padded, anchor)
        with monkeypatch.context() as m:
            m.setattr(timex_rules, "NEEDS", {})
            m.setattr(timex_rules, "NEAR", {})
            assert timex.find(padded, anchor) == fast
        assert fast or "Nothing" in text


def test_two_digit_year_without_anchor() -> None:
    assert two_digit_year(98, None) == 1998 and two_digit_year(12, None) == 2012


def test_long_text_is_linear(tag) -> None:
    text = "The vote took place on Friday and prices rose 3% in 2019. " * 400
    assert len(tag(text, WED)) == 800


@pytest.mark.parametrize("text", ["Mayor and governor to campaign together on Friday",
                                  "Senators to vote Friday on the budget"])
def test_headline_infinitive_root_looks_ahead_without_looping(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    # the root verb carries "to" and is its own head: this once recursed until RecursionError
    d = pipeline.analyze(text, published="2026-03-11")  # a Wednesday
    assert not d.flags
    assert [(t.text, t.value) for t in d.timexes] == [("Friday", "2026-03-13")]
