"""End to end: four short hand-written articles over three days, ingested through the real pipeline;
the claim "Greta Holm would resign" is rumoured, confirmed, then retracted, and the timeline says so.
The same words about another person stay another cluster. SQLite and (when CLAIMTRAIL_TEST_PG is
set) PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrail import cli
from claimtrail.corpus import ingest
from claimtrail.store import open_store
from claimtrail.store.queries import Filter
from test_store_clusters import NO_MODEL

pytestmark = pytest.mark.skipif(bool(NO_MODEL), reason=f"needs the embedding model: {NO_MODEL}")

DAYS = [
    ("2026-05-04", "rumour.txt",
     "Two local newspapers reported on Monday that Northby harbour minister Greta Holm would resign.\n\n"
     "The reports said the minister had lost the support of her party over the ferry contract. Her office "
     "did not respond to requests for comment.\n"),
    ("2026-05-05", "confirmed.txt",
     "The Northby harbour ministry confirmed on Tuesday that Greta Holm would resign at the end of the month.\n\n"
     "A ministry spokesman said the decision was her own. Opposition leader Tomas Vik said the ferry contract "
     "should be cancelled.\n"),
    ("2026-05-06", "retracted.txt",
     "The Northby harbour ministry on Wednesday denied that Greta Holm would resign, saying an earlier "
     "statement had been sent in error.\n\nHolm will remain in her post, a ministry spokesman said.\n"),
    ("2026-05-06", "other.txt",
     "Eastmere council leader Tomas Vik would resign, his deputy said on Wednesday.\n\nVik has led the council "
     "for six years. His deputy said the council would choose a successor in June.\n"),
]


def ingest_days(db: str, folder: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    for published, name, text in DAYS:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        st = ingest([path], db, published=published, pipeline=pipeline)
        assert st.stored == 1 and st.cluster_note is None and st.clustered >= 1


def test_rumour_confirmation_retraction(db_url, tmp_path, pipeline, capsys) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ingest_days(db_url, tmp_path, pipeline)
    with open_store(db_url, create=False) as store:
        assert store.cluster_counts()["unclustered"] == 0
        page = store.list_clusters(Filter(entity="Greta Holm"), min_claims=2)
        assert len(page.items) == 1
        holm = store.cluster(page.items[0].id)
        vik = store.list_clusters(Filter(entity="Tomas Vik")).items
    assert holm is not None
    assert holm.cluster.status == "denied"
    assert (holm.cluster.first, holm.cluster.last, holm.cluster.articles) == ("2026-05-04", "2026-05-06", 3)
    assert [(e.article.published, e.change) for e in holm.events] == [
        ("2026-05-04", "first reported"), ("2026-05-05", "confirmed"), ("2026-05-06", "denied")]
    assert [e.status for e in holm.events] == ["unconfirmed", "confirmed", "denied"]
    assert "harbour ministry" in (holm.events[1].sources[0]["source"] or "").lower()
    assert "Tomas Vik would resign" in " ".join(c.label for c in vik)  # the same words, another person
    assert all(c.id != holm.cluster.id for c in vik)

    # The CLI: list, timeline as text and as JSON; a re-run of `cluster` has nothing to do.
    assert cli.main(["clusters", "--db", db_url, "--about", "Greta Holm", "--min", "2"]) == 0
    assert f"#{holm.cluster.id}" in capsys.readouterr().out
    assert cli.main(["clusters", str(holm.cluster.id), "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "first reported" in out and "→ confirmed" in out and "→ denied" in out
    assert cli.main(["clusters", str(holm.cluster.id), "--db", db_url, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cluster"]["status"] == "denied" and len(data["events"]) == 3
    assert cli.main(["cluster", "--db", db_url]) == 0
    assert "0 claims clustered" in capsys.readouterr().err
    assert cli.main(["clusters", "999999", "--db", db_url]) == 1


def test_rebuild_gives_the_same_clusters(tmp_path: Path, pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.db")
    ingest_days(db, tmp_path, pipeline)
    with open_store(db) as s:
        before = sorted((c.label, c.claims, c.status) for c in s.list_clusters(Filter(limit=200)).items)
    assert cli.main(["cluster", "--db", db, "--rebuild"]) == 0
    capsys.readouterr()
    with open_store(db) as s:
        after = sorted((c.label, c.claims, c.status) for c in s.list_clusters(Filter(limit=200)).items)
    assert after == before
