"""Claim clusters in the store (SQLite and a real PostgreSQL): clustering hand-built dossiers with the
real encoder, listing and filtering clusters, timelines, rebuilds, re-runs, and the schema upgrade.

PostgreSQL runs when CLAIMTRAIL_TEST_PG names a server (see tests/test_store.py); no spaCy here.
"""
from __future__ import annotations

import pytest

from claimtrail.store import open_store
from claimtrail.store.queries import Filter
from claimtrail.trail import cluster_store, timeline
from claimtrail.trail.embed import EmbeddingUnavailable
from test_store import make_dossier

try:
    from claimtrail.trail.embed import load as _load_encoder

    _load_encoder()
    NO_MODEL = ""
except EmbeddingUnavailable as exc:  # pragma: no cover - the model package is a project requirement
    NO_MODEL = str(exc)

pytestmark = pytest.mark.skipif(bool(NO_MODEL), reason=f"needs the embedding model: {NO_MODEL}")


@pytest.fixture
def store(db_url):  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        yield s


# Hand-written articles: one claim each, (text, claim, status, about, speaker, stance-cue, date).
STORY = [
    ("a1", "Local papers reported that harbour minister Greta Holm would resign.",
     "Greta Holm would resign", "unconfirmed", "2026-05-04", "reported"),
    ("a2", "The harbour ministry confirmed that Greta Holm will resign at the end of the month.",
     "Greta Holm will resign at the end of the month", "confirmed", "2026-05-05", "confirmed"),
    ("a3", "Greta Holm said she would not resign.", "she would not resign", "asserted", "2026-05-06", "said"),
    ("a4", "Tomas Vik would resign, his deputy said.", "Tomas Vik would resign", "asserted", "2026-05-06", "said"),
    ("a5", "Greta Holm said the ferry timetable will change in May.", "the ferry timetable will change in May",
     "asserted", "2026-05-06", "said"),
]
SPEAKERS = {"a1": None, "a2": ("The harbour ministry", "confirm"), "a3": ("Greta Holm", "assert"),
            "a4": ("his deputy", "assert"), "a5": ("Greta Holm", "assert")}


def story_dossier(doc_id: str, text: str, claim: str, status: str, published: str, cue: str):  # type: ignore[no-untyped-def]
    who = "Tomas Vik" if "Vik" in text else "Greta Holm"
    people: dict[str, tuple] = {"E1": (who, [])}
    says = []
    speaker = SPEAKERS[doc_id]
    if speaker and speaker[0] in text:
        if speaker[0] != who:
            people["E2"] = (speaker[0], [])
        says = [("A1", "E1" if speaker[0] == who else "E2", cue, claim)]
    d = make_dossier(text, people=people, says=says, published=published, doc_id=doc_id,
                     claims=[(claim, status, ["E1"], ["A1"] if says else [])])
    if speaker and says:  # the stance the story table gives
        from dataclasses import replace

        d = replace(d, attributions=tuple(replace(a, stance=speaker[1]) for a in d.attributions))
    return d


def put_story(store, ids=None) -> None:  # type: ignore[no-untyped-def]
    for row in STORY:
        if ids is None or row[0] in ids:
            store.put(story_dossier(*row))


def cluster_of(store, doc_id: str) -> int:  # type: ignore[no-untyped-def]
    return int(store._exec("SELECT c.cluster FROM claims c JOIN articles a ON a.id = c.article "
                           "WHERE a.doc_id = ?", (doc_id,)).fetchone()[0])


def test_paraphrase_and_negation_join_other_person_and_claim_do_not(store) -> None:  # type: ignore[no-untyped-def]
    put_story(store)
    st = cluster_store(store)
    assert st.claims == 5
    holm = cluster_of(store, "a1")
    assert cluster_of(store, "a2") == holm  # "would resign" / "will resign at the end of the month"
    assert cluster_of(store, "a3") == holm  # "would not resign": the same claim, status differs
    assert cluster_of(store, "a4") != holm  # the same words about another person
    assert cluster_of(store, "a5") != holm  # the same person, another claim
    assert store.counts().claims == 5 and store.cluster_counts() == {"clusters": 3, "unclustered": 0, "vectors": 5}


def test_timeline_marks_first_report_confirmation_and_denial(store) -> None:  # type: ignore[no-untyped-def]
    put_story(store, {"a1", "a2", "a3"})
    cluster_store(store)
    t = timeline(store, cluster_of(store, "a1"))
    assert t is not None
    assert (t.cluster.label, t.cluster.status, t.cluster.claims, t.cluster.articles, t.cluster.first,
            t.cluster.last) == ("Greta Holm would resign", "disputed", 3, 3, "2026-05-04", "2026-05-06")
    assert [(e.article.id, e.status, e.change) for e in t.events] == [
        ("a1", "unconfirmed", "first reported"),
        ("a2", "confirmed", "confirmed"),
        ("a3", "denied", "disputed"),  # "she would not resign", said by her: a denial; the ministry stands
    ]
    assert t.events[2].sources == ({"source": "Greta Holm", "stance": "deny"},)
    assert store.cluster(999999) is None


def test_incremental_runs_are_idempotent_and_join_old_clusters(store) -> None:  # type: ignore[no-untyped-def]
    put_story(store, {"a1"})
    assert cluster_store(store).created == 1
    put_story(store, {"a2", "a4"})
    st = cluster_store(store)
    assert (st.claims, st.joined, st.created) == (2, 1, 1)
    assert cluster_store(store).claims == 0  # nothing left: a re-run writes nothing
    before = {d: cluster_of(store, d) for d in ("a1", "a2", "a4")}
    again = cluster_store(store, rebuild=True)
    assert again.claims == 3 and again.embedded == 0  # vectors are kept across a rebuild
    after = {d: cluster_of(store, d) for d in ("a1", "a2", "a4")}
    assert (after["a1"] == after["a2"] != after["a4"]) and (before["a1"] == before["a2"])


def test_list_clusters_filters_and_pages(store) -> None:  # type: ignore[no-untyped-def]
    put_story(store)
    cluster_store(store)
    everything = store.list_clusters()
    assert everything.total == 3 and len(everything.items) == 3
    assert everything.items[0].last == "2026-05-06"
    big = store.list_clusters(min_claims=2)
    assert [c.label for c in big.items] == ["Greta Holm would resign"]
    assert [c.label for c in store.list_clusters(Filter(entity="tomas vik")).items] == ["Tomas Vik would resign"]
    assert store.list_clusters(Filter(status="disputed")).total == 1
    assert store.list_clusters(Filter(date_to="2026-05-04")).total == 1  # only the story started that day
    assert store.list_clusters(Filter(date_from="2026-05-07")).total == 0
    page = store.list_clusters(Filter(limit=2, offset=2))
    assert (page.total, len(page.items), page.offset, page.limit) == (3, 1, 2, 2)


def test_claim_rows_carry_their_cluster(store) -> None:  # type: ignore[no-untyped-def]
    put_story(store, {"a1", "a2"})
    assert store._exec("SELECT COUNT(*) FROM claims WHERE cluster IS NULL").fetchone()[0] == 2
    cluster_store(store)
    assert store._exec("SELECT COUNT(DISTINCT cluster) FROM claims").fetchone()[0] == 1


def test_a_failed_batch_writes_nothing(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    put_story(store)

    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "refresh_clusters", boom)  # the last write of a batch
    with pytest.raises(RuntimeError):
        cluster_store(store)
    monkeypatch.undo()
    assert store.cluster_counts() == {"clusters": 0, "unclustered": 5, "vectors": 0}
    assert cluster_store(store).claims == 5


def test_schema_1_store_is_upgraded_and_its_claims_clustered(db_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimtrail.store.sql as sql

    first_only = sql.migrations("sqlite" if "://" not in db_url else "postgres")[:1]
    monkeypatch.setattr(sql, "migrations", lambda dialect: first_only)
    with open_store(db_url) as old:
        assert old.schema_version() == 1
        with old._tx():  # a schema-1 article with one claim, written as schema 1 wrote it
            aid = old._exec("INSERT INTO articles (content_hash, doc_id, title, published, stored_at, text, "
                            "dossier) VALUES ('h1', 'old', NULL, '2026-01-02', 'then', 'x', '{}') RETURNING id"
                            ).fetchone()[0]
            old._exec("INSERT INTO claims (article, claim, text, status, evidence) VALUES (?, 'C1', "
                      "'the tram line will close', 'asserted', '[]')", (aid,))
    monkeypatch.undo()
    with open_store(db_url) as s:
        assert s.schema_version() == sql.migrations(s.DIALECT)[-1][0]
        assert s.cluster_counts()["unclustered"] == 1
        assert cluster_store(s).created == 1
        assert s.list_clusters().items[0].label == "the tram line will close"


SUMMARY = "SELECT id, label, status, first, last, claims, articles FROM clusters ORDER BY id"


@pytest.mark.parametrize("order", [
    ["a1", "a2", "a3", "a4", "a5"],  # by date: each batch extends the folds it touches
    ["a3", "a1", "a5", "a2", "a4"],  # an earlier date after a later one: re-read whole
    ["a2", "a1", "a3", "a4", "a5"],
])
def test_incremental_cluster_status_equals_a_whole_reread(db_url, order) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        for doc_id in order:  # one article per clustering run: the folds carry over from run to run
            put_story(s, {doc_id})
            cluster_store(s, batch=1)
        folded = s._exec(SUMMARY).fetchall()
    with open_store(db_url) as s:  # a fresh connection knows no folds: every cluster is read whole
        with s.clustering():
            s.refresh_clusters([r[0] for r in folded])
        whole = s._exec(SUMMARY).fetchall()
    assert folded == whole
    holm = [r for r in whole if r[5] == 3]
    assert len(holm) == 1 and holm[0][2] == "disputed" and holm[0][3:5] == ("2026-05-04", "2026-05-06")


def test_a_fold_notices_another_connection_clustering_in_between(db_url) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_url) as mine, open_store(db_url) as other:
        put_story(mine, {"a1"})
        cluster_store(mine)  # mine folds the Holm cluster: one claim
        put_story(other, {"a2"})
        cluster_store(other)  # the other connection adds the confirmation behind mine's back
        put_story(mine, {"a3"})
        cluster_store(mine)  # mine's fold is stale (count and newest claim differ): re-read, not extended
        folded = mine._exec(SUMMARY).fetchall()
    with open_store(db_url) as s:
        with s.clustering():
            s.refresh_clusters([r[0] for r in folded])
        assert s._exec(SUMMARY).fetchall() == folded
    holm = [r for r in folded if r[5] == 3]
    assert len(holm) == 1 and holm[0][2] == "disputed"


def test_a_fold_survives_only_a_committed_batch(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    put_story(store, {"a1"})
    cluster_store(store)
    put_story(store, {"a2"})
    real = store.refresh_clusters

    def then_fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        raise RuntimeError("killed after the refresh")

    monkeypatch.setattr(store, "refresh_clusters", then_fail)
    with pytest.raises(RuntimeError):
        cluster_store(store)
    monkeypatch.setattr(store, "refresh_clusters", real)
    assert cluster_store(store).claims == 1  # the rolled-back batch again
    row = store._exec("SELECT claims, articles, status FROM clusters WHERE id = ?",
                      (cluster_of(store, "a1"),)).fetchone()
    assert tuple(row) == (2, 2, "confirmed")
