"""A claim cluster's timeline: its events by publication date, and where its status moved, by whom.

Pure functions over plain records (``ClusterEvent``; no SQL, no spaCy, no numpy).

- Order: by publication date, undated events last; ties keep the order given (storage order).
- Polarity: the cluster reads as its first event's text. An event whose own text is negated the
  other way ("X did not resign" in a cluster labelled "X resigned") has its status and its sources'
  stances flipped (asserted -> denied, confirm -> deny, …), so every event speaks of one proposition.
- Positions: each source holds its latest stance (a source is a normalised name; an event with no
  named source speaks for its article's reporter). After each event the cluster's status is read
  from all positions held so far: support and denial at once -> "disputed" (sources on one date,
  or still standing from earlier dates, disagree); only denial -> "denied"; a confirmation or two
  sources asserting -> "confirmed"; one -> "asserted"; only reports, rumour or speculation ->
  "unconfirmed" ("unclear" when all of them are unclear). A report that went unconfirmed in its
  article never counts as support, whatever its cue's stance.
- Changes: the first event is "first reported"; a later event that moves the status is marked with
  the new status, and its sources say by whom.
- The cluster's status is the one after its latest dated event (after all events when none is dated).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..store.base import norm_name
from ..store.queries import ClusterEvent
from .similar import negated as _negated

# A cluster's timeline is re-read whenever a batch adds to it: the same texts and names again.
negated = lru_cache(maxsize=65536)(_negated)
_source_key = lru_cache(maxsize=65536)(norm_name)

FIRST = "first reported"
SUPPORT = frozenset({"assert", "confirm"})
FLIP_STATUS = {"asserted": "denied", "confirmed": "denied", "denied": "asserted"}
FLIP_STANCE = {"assert": "deny", "confirm": "deny", "deny": "assert"}
_STATUS_STANCE = {"asserted": "assert", "confirmed": "confirm", "denied": "deny", "disputed": "dispute",
                  "unconfirmed": "speculate", "unclear": "question"}
WEAK_STATUS = frozenset({"unconfirmed", "unclear"})
_RANK = {"confirm": 5, "deny": 4, "dispute": 4, "assert": 3, "speculate": 2, "question": 1, "decline": 0}


def ordered(events: Iterable[ClusterEvent]) -> list[ClusterEvent]:
    """By publication date, undated last; a stable sort keeps storage order within a date."""
    return sorted(events, key=lambda e: (e.article.published is None, e.article.published or ""))


def relative(events: Sequence[ClusterEvent]) -> list[ClusterEvent]:
    """Events flipped where their text's polarity differs from the first event's (see module doc)."""
    if not events:
        return []
    ref = negated(events[0].text)
    out = []
    for e in events:
        if negated(e.text) == ref:
            out.append(e)
            continue
        sources = tuple({**s, "stance": FLIP_STANCE.get(s.get("stance") or "", s.get("stance"))} for s in e.sources)
        out.append(replace(e, status=FLIP_STATUS.get(e.status, e.status), sources=sources))
    return out


def positions_of(event: ClusterEvent) -> dict[str, str]:
    """What one event says, as {source key: stance}."""
    if not event.sources:
        return {_reporter(event): _STATUS_STANCE.get(event.status, "speculate")}
    held: dict[str, str] = {}
    for s in event.sources:
        stance = s.get("stance") or "assert"
        if event.status in WEAK_STATUS and stance in SUPPORT:
            stance = "speculate"  # the article itself did not take it as support (a report, a rumour)
        key = _source_key(name) if (name := s.get("source")) else _reporter(event)
        if _RANK.get(stance, 0) >= _RANK.get(held.get(key, ""), -1):  # one source twice: its strongest word
            held[key] = stance
    return held


def _reporter(event: ClusterEvent) -> str:
    return "reporter:" + event.article.content_hash


def status_of(positions: dict[str, str]) -> str:
    return status_of_counts(Counter(positions.values()))


def status_of_counts(counts: Counter[str]) -> str:
    """The status that the held stances give, from how many sources hold each stance."""
    support = counts["assert"] + counts["confirm"]
    if counts["dispute"] or (support and counts["deny"]):
        return "disputed"
    if counts["deny"]:
        return "denied"
    if counts["confirm"] or support >= 2:
        return "confirmed"
    if support:
        return "asserted"
    held = sum(counts.values())
    return "unclear" if held and counts["question"] == held else "unconfirmed"


class Positions:
    """Each source's latest stance, with the stance counts ``status_of_counts`` reads: an update and a
    status cost the same however many sources a big cluster has heard (a whole re-read stays linear).

    ``put`` with an order key keeps, per source, the stance of its latest event in timeline order,
    whatever order the events come in; without one, the last put wins (events fed in order)."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[tuple[Any, ...], str]] = {}
        self.counts: Counter[str] = Counter()

    def put(self, source: str, stance: str, key: tuple[Any, ...] = ()) -> None:
        old = self.held.get(source)
        if old is not None:
            if key and old[0] > key:
                return  # a later event of this source already speaks for it
            self.counts[old[1]] -= 1
        self.held[source] = (key, stance)
        self.counts[stance] += 1

    def update(self, positions: dict[str, str], key: tuple[Any, ...] = ()) -> None:
        for source, stance in positions.items():
            self.put(source, stance, key)

    def status(self) -> str:
        return status_of_counts(self.counts)


def mark(events: Iterable[ClusterEvent]) -> tuple[list[ClusterEvent], str]:
    """(events in order, relative to the first, each with its ``change``; the cluster's status)."""
    evs = relative(ordered(events))
    held = Positions()
    out: list[ClusterEvent] = []
    status, final = "", "unconfirmed"
    dated = any(e.article.published is not None for e in evs)
    for i, e in enumerate(evs):
        held.update(positions_of(e))
        now = held.status()
        change = FIRST if i == 0 else (now if now != status else None)
        out.append(replace(e, change=change))
        status = now
        if e.article.published is not None or not dated:
            final = now
    return out, final
