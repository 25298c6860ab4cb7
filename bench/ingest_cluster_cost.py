"""Benchmark: what clustering adds to ingest — analyze vs ingest with and without clustering, same
articles, same loaded Pipeline; CPU seconds (this process and ingest's clustering process, waited for)
beside wall clock (on a shared machine the wall clock follows the neighbours' load; CPU seconds do not).

    OMP_NUM_THREADS=1 .venv/bin/python bench/ingest_cluster_cost.py [PATH ...]

Default PATH: ../shared/data/polnear/dev/text. Two rounds, order alternated; the best of each is kept.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from claimtrail.corpus import ingest  # noqa: E402
from claimtrail.ingest.files import read_inputs  # noqa: E402
from claimtrail.nlp.pipeline import Pipeline  # noqa: E402
from claimtrail.trail import embed  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (ingest's clustering process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or [DEFAULT]
    pipeline = Pipeline()
    list(pipeline.pipe(read_inputs(paths)))  # warm up spaCy
    embed.load()
    runs: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(2):
            kinds = ["analyze", "ingest", "ingest_no_cluster"]
            for kind in kinds if r == 0 else kinds[::-1]:
                wall, cpu = time.perf_counter(), _cpu()
                if kind == "analyze":
                    sum(1 for _ in pipeline.pipe(read_inputs(paths)))
                else:
                    ingest(paths, f"{tmp}/{kind}{r}.db", pipeline=pipeline, cluster=kind == "ingest")
                runs.setdefault(kind, []).append((time.perf_counter() - wall, _cpu() - cpu))
    best = {k: (min(w for w, _ in v), min(c for _, c in v)) for k, v in runs.items()}
    print(json.dumps({
        "wall_s": {k: round(v[0], 1) for k, v in best.items()},
        "cpu_s": {k: round(v[1], 1) for k, v in best.items()},
        "ratio_cpu_ingest_over_analyze": round(best["analyze"][1] / best["ingest"][1], 3),
        "ratio_cpu_ingest_no_cluster_over_analyze": round(best["analyze"][1] / best["ingest_no_cluster"][1], 3),
        "ratio_wall_ingest_over_analyze": round(best["analyze"][0] / best["ingest"][0], 3),
    }, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
