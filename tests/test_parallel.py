"""Analysis on Dask's distributed scheduler gives the same dossiers, in input order, as one process."""
from __future__ import annotations

import pytest

from claimtrail.config import Options
from claimtrail.model import Article, Failure
from claimtrail.parallel import pipe_parallel

TEXTS = [
    "The harbour minister said on Monday that the ferry contract would be cancelled.",
    "Two newspapers reported that the mayor had offered to resign. The mayor declined to comment.",
    "“We will not raise fares this year,” the transport authority said in a statement.",
]


@pytest.mark.slow
def test_local_cluster_matches_one_process(pipeline) -> None:  # type: ignore[no-untyped-def]
    articles: list[Article | Failure] = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]
    articles.insert(1, Failure(origin="broken.txt", code="empty", message="empty file"))
    got = list(pipe_parallel(articles, Options(), workers=2, batch=1))
    want = list(pipeline.pipe(articles))
    assert [type(x).__name__ for x in got] == ["Dossier", "Failure", "Dossier", "Dossier"]
    assert [g.to_dict() for g in got] == [w.to_dict() for w in want]


@pytest.mark.slow
def test_a_running_cluster_named_by_its_address(pipeline) -> None:  # type: ignore[no-untyped-def]
    import logging

    from distributed import LocalCluster

    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        got = list(pipe_parallel(articles, Options(), workers=1, scheduler=cluster.scheduler_address))
    assert [g.to_dict() for g in got] == [d.to_dict() for d in pipeline.pipe(articles)]
