"""A cluster's timeline from plain records (claimtrail.trail.timeline): order, polarity, status changes."""
from __future__ import annotations

import pytest

from claimtrail.store.base import ArticleRef
from claimtrail.store.queries import ClusterEvent
from claimtrail.trail.timeline import mark, status_of

Row = tuple[str | None, str, str, list[tuple[str | None, str]]]  # (date, text, status, [(source, stance)])


def events(rows: list[Row]) -> list[ClusterEvent]:
    return [ClusterEvent(ArticleRef(f"a{i}", f"h{i}", None, date), "C1", text, status,
                         tuple({"source": s, "stance": st} for s, st in sources))
            for i, (date, text, status, sources) in enumerate(rows)]


CASES: list[tuple[str, list[Row], list[tuple[str, str, str | None]], str]] = [
    ("rumoured, confirmed, then retracted by the same ministry",
     [("2026-05-04", "Holm would resign", "unconfirmed", [("local papers", "assert")]),
      ("2026-05-05", "Holm will resign", "confirmed", [("the ministry", "confirm")]),
      ("2026-05-06", "Holm would resign", "denied", [("The Ministry", "deny")])],
     [("a0", "unconfirmed", "first reported"), ("a1", "confirmed", "confirmed"), ("a2", "denied", "denied")],
     "denied"),
    ("confirmed, then denied by someone else: both stand, so disputed",
     [("2026-05-05", "Holm will resign", "confirmed", [("the ministry", "confirm")]),
      ("2026-05-06", "Holm will resign", "denied", [("Greta Holm", "deny")])],
     [("a0", "confirmed", "first reported"), ("a1", "denied", "disputed")],
     "disputed"),
    ("a negated text flips its status and stances",
     [("2026-05-04", "Holm resigned", "asserted", [("the ministry", "assert")]),
      ("2026-05-05", "Holm did not resign", "asserted", [("Greta Holm", "assert")])],
     [("a0", "asserted", "first reported"), ("a1", "denied", "disputed")],
     "disputed"),
    ("two sources asserting on different days confirm it",
     [("2026-05-04", "the port will reopen", "asserted", [("the mayor", "assert")]),
      ("2026-05-05", "the port reopens", "asserted", [("the port authority", "assert")]),
      ("2026-05-06", "the port will reopen", "asserted", [("the mayor", "assert")])],
     [("a0", "asserted", "first reported"), ("a1", "asserted", "confirmed"), ("a2", "asserted", None)],
     "confirmed"),
    ("a report that stayed unconfirmed is not support, whatever its cue",
     [("2026-05-04", "the port will reopen", "unconfirmed", [("local media", "assert")]),
      ("2026-05-05", "the port will reopen", "unconfirmed", [("a newspaper", "assert")])],
     [("a0", "unconfirmed", "first reported"), ("a1", "unconfirmed", None)],
     "unconfirmed"),
    ("undated events come last and do not set the status",
     [(None, "the port will reopen", "denied", [("the mayor", "deny")]),
      ("2026-05-05", "the port will reopen", "asserted", [("the port authority", "assert")])],
     [("a1", "asserted", "first reported"), ("a0", "denied", "disputed")],
     "asserted"),
    ("the same date, two sources disagreeing, in one article each",
     [("2026-05-05", "talks collapsed", "asserted", [("the union", "assert")]),
      ("2026-05-05", "talks collapsed", "denied", [("the company", "deny")])],
     [("a0", "asserted", "first reported"), ("a1", "denied", "disputed")],
     "disputed"),
    ("no named source: the article's reporter speaks",
     [("2026-05-04", "the bridge closed", "asserted", []),
      ("2026-05-06", "the bridge closed", "asserted", [])],
     [("a0", "asserted", "first reported"), ("a1", "asserted", "confirmed")],
     "confirmed"),
    ("one source twice in one article: its strongest word counts",
     [("2026-02-04", "she offered to resign", "unconfirmed", [("newspapers", "assert")]),
      ("2026-02-09", "she offered to resign", "confirmed", [("Ingrid Dahl", "confirm"), ("Ingrid Dahl", "assert")])],
     [("a0", "unconfirmed", "first reported"), ("a1", "confirmed", "confirmed")],
     "confirmed"),
    ("a disputed article makes the cluster disputed",
     [("2026-05-04", "the bridge closed", "disputed", [("the mayor", "assert"), ("the council", "deny")])],
     [("a0", "disputed", "first reported")],
     "disputed"),
    ("only undated events: the status after all of them",
     [(None, "the bridge closed", "unclear", [("the mayor", "question")]),
      (None, "the bridge closed", "asserted", [("the council", "assert")])],
     [("a0", "unclear", "first reported"), ("a1", "asserted", "asserted")],
     "asserted"),
]


@pytest.mark.parametrize("why, rows, expected, status", CASES, ids=[c[0] for c in CASES])
def test_timeline(why: str, rows: list[Row], expected: list[tuple[str, str, str | None]], status: str) -> None:
    marked, final = mark(events(rows))
    assert [(e.article.id, e.status, e.change) for e in marked] == expected
    assert final == status


def test_flipped_event_keeps_its_text_and_flips_its_sources() -> None:
    marked, _ = mark(events([("2026-05-04", "Holm resigned", "asserted", [("the ministry", "confirm")]),
                             ("2026-05-05", "Holm has not resigned", "denied", [("Greta Holm", "deny")])]))
    assert marked[1].text == "Holm has not resigned"
    assert (marked[1].status, marked[1].sources) == ("asserted", ({"source": "Greta Holm", "stance": "assert"},))


@pytest.mark.parametrize("positions, status", [
    ({}, "unconfirmed"),
    ({"a": "speculate"}, "unconfirmed"),
    ({"a": "question", "b": "question"}, "unclear"),
    ({"a": "assert"}, "asserted"),
    ({"a": "assert", "b": "decline"}, "asserted"),
    ({"a": "confirm"}, "confirmed"),
    ({"a": "assert", "b": "assert"}, "confirmed"),
    ({"a": "deny"}, "denied"),
    ({"a": "deny", "b": "speculate"}, "denied"),
    ({"a": "deny", "b": "assert"}, "disputed"),
    ({"a": "dispute"}, "disputed"),
])
def test_status_of_positions(positions: dict[str, str], status: str) -> None:
    assert status_of(positions) == status


def test_empty_timeline() -> None:
    assert mark([]) == ([], "unconfirmed")


# --- the store's running fold agrees with a whole re-read, whatever order events arrive in ---------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

from claimtrail.store.clusters import _Fold  # noqa: E402

_EVENT = hs.tuples(
    hs.sampled_from([None, "2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07"]),
    hs.sampled_from(["Holm resigned", "Holm did not resign", "Holm will resign"]),
    hs.sampled_from(["asserted", "confirmed", "denied", "unconfirmed", "unclear", "disputed"]),
    hs.lists(hs.tuples(hs.sampled_from([None, "the ministry", "Greta Holm", "local papers"]),
                       hs.sampled_from(["assert", "confirm", "deny", "speculate", "question", "dispute"])),
             max_size=3))


@settings(max_examples=300, deadline=None)
@given(rows=hs.lists(_EVENT, min_size=1, max_size=12), cuts=hs.lists(hs.integers(0, 11), max_size=4),
       order=hs.randoms(use_true_random=False))
def test_a_fold_fed_in_any_order_and_batches_equals_mark(rows, cuts, order) -> None:  # type: ignore[no-untyped-def]
    evs = events(rows)
    keyed = [(e, (e.article.published is None, e.article.published or "", i, i)) for i, e in enumerate(evs)]
    by_key = sorted(keyed, key=lambda ek: ek[1])  # the store's timeline order: date, then article, claim
    arrival = list(keyed)
    order.shuffle(arrival)
    bounds = sorted({0, len(arrival), *[c for c in cuts if c < len(arrival)]})
    fold = None
    for lo, hi in zip(bounds, bounds[1:]):
        batch = sorted(arrival[lo:hi], key=lambda ek: ek[1])
        if fold is None or not fold.extend(batch):  # as refresh_clusters: else a whole re-read so far
            fold = _Fold.of(sorted(arrival[:hi], key=lambda ek: ek[1]))
    marked, status = mark(e for e, _ in by_key)
    dates = [e.article.published for e in evs if e.article.published]
    assert fold is not None
    assert fold.row() == (marked[0].text, status, min(dates, default=None), max(dates, default=None),
                          len(evs), len(evs))
