"""The per-doc analysis record (claimtrail.nlp.state): the mention look-up the attribution stage uses."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from claimtrail.nlp.state import Analysis, Cluster, MentionHit


def by_scan(a: Analysis, start: int, end: int) -> int | None:
    """The definition: every mention of every cluster, longest overlap, the first cluster on a tie."""
    best, best_len = None, 0
    for i, c in enumerate(a.clusters):
        for m in c.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov > best_len:
                best, best_len = i, ov
    return best


_SPAN = hs.tuples(hs.integers(0, 200), hs.integers(1, 40)).map(lambda sl: (sl[0], sl[0] + sl[1]))


@settings(max_examples=300, deadline=None)
@given(clusters=hs.lists(hs.lists(_SPAN, max_size=6), max_size=6), queries=hs.lists(_SPAN, min_size=1, max_size=8))
def test_cluster_at_equals_a_scan_of_every_mention(clusters, queries) -> None:  # type: ignore[no-untyped-def]
    a = Analysis(clusters=[Cluster(f"c{i}", "PERSON", [MentionHit(s, e) for s, e in sorted(ms)])
                           for i, ms in enumerate(clusters)])
    for start, end in queries:
        assert a.cluster_at(start, end) == by_scan(a, start, end)


def test_cluster_at_sees_mentions_added_after_a_lookup() -> None:
    a = Analysis(clusters=[Cluster("Holm", "PERSON", [MentionHit(0, 4)])])
    assert a.cluster_at(10, 12) is None
    a.clusters[0].mentions.append(MentionHit(10, 12, "pronoun"))
    assert a.cluster_at(10, 12) == 0
    a.clusters.append(Cluster("Vik", "PERSON", [MentionHit(20, 23)]))
    assert a.cluster_at(20, 23) == 1
