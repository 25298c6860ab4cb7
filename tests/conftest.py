"""Shared fixtures. The evaluation data live beside the repository in ../shared/data.

Tests that need them skip with a clear reason where ../shared is absent (a user's own clone); under
CI (the CI environment variable is set by `.ci/run`'s runner) such a skip is turned into a failure,
so a missing data folder can never pass silently. The same holds for the PostgreSQL store tests
(`.ci/run` starts a server and sets CLAIMTRAIL_TEST_PG).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
DATA_SKIP_PREFIX = "needs ../shared"


def need_data(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test (a failure under CI) when it is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{DATA_SKIP_PREFIX}/data/{'/'.join(parts)} (evaluation data beside the repo) — absent here")
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if "shared" in reason or "needs PostgreSQL" in reason or "needs chromium" in reason:
            report.outcome = "failed"
            report.longrepr = f"under CI the evaluation data must be present: {reason}"


PG_URL = os.environ.get("CLAIMTRAIL_TEST_PG")
PG_SKIP = "needs PostgreSQL (CLAIMTRAIL_TEST_PG)"


def _reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):  # type: ignore[no-untyped-def]
    """A fresh store URL: a SQLite file, then the (emptied) PostgreSQL database CI started."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    if not PG_URL:
        pytest.skip(PG_SKIP)
    _reset_pg(PG_URL)
    return PG_URL


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """One loaded pipeline for the whole test session (loading the model costs about a second)."""
    from claimtrail.nlp.pipeline import Pipeline
    return Pipeline()


_EVAL_CACHE: dict[str, dict] = {}

EVAL_SETS = {  # evaluator name -> its data under ../shared/data (what `claimtrail eval` is run on)
    "polnear": ("polnear", "dev"),
    "agreement": ("polnear", "train"),  # only its articles with several annotators' files are read
    "gap": ("gap", "gap-validation.tsv"),
    "timeml": ("tempeval3", "TBAQ-cleaned"),
    "meantime": ("meantime", "intra-doc_annotation", "corpus_apple"),
}


@pytest.fixture(scope="session")
def eval_scores(pipeline):  # type: ignore[no-untyped-def]
    """``eval_scores(name)`` runs one evaluation once per test session and caches its scores."""
    from claimtrail.eval import evaluate

    def get(name: str) -> dict:
        if name not in _EVAL_CACHE:
            _EVAL_CACHE[name] = evaluate(name, need_data(*EVAL_SETS[name]), pipeline)
        return _EVAL_CACHE[name]

    return get
