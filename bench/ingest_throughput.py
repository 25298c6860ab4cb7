"""Benchmark: `ingest` (analyse + store) throughput against `analyze` (analyse only), same articles,
same loaded Pipeline, same process; and the cost curve over corpus sizes.

    .venv/bin/python bench/ingest_throughput.py [PATH ...] [--repeat 2] [--db URL]
    .venv/bin/python bench/ingest_throughput.py --generate 100,1000,10000

With PATHs (default ../shared/data/polnear/dev/text) it times both over those articles, alternating
the order per repeat, and reports articles/s and the ratio ingest/analyze (target >= 0.8). With
--generate it makes that many short synthetic articles (made-up people and places, written here)
per size and reports ingest articles per second (wall clock, and per CPU second of this process)
at each size (target: within ±10 % of each other). Each
ingest goes into a fresh store (SQLite in a temporary folder unless --db names a PostgreSQL
database, which is emptied first). Not a test: quote the numbers with the machine they came from.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from claimtrail.corpus import ingest  # noqa: E402
from claimtrail.ingest.files import read_inputs  # noqa: E402
from claimtrail.nlp.pipeline import Pipeline  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
CITIES = ["Northby", "Eastmere", "Karsholm", "Vellin", "Dunmore", "Pellham", "Tarrin", "Auberg", "Salcombe"]
GIVEN = ["Marta", "Jonas", "Ruth", "Pavel", "Lena", "Omar", "Ines", "Tomas", "Greta", "Kenji", "Aiko"]
FAMILY = ["Solberg", "Eklund", "Adeyemi", "Horak", "Fischer", "Haddad", "Moreau", "Lindqvist", "Okafor"]
THINGS = ["bridge", "library", "tram line", "harbour wall", "swimming pool", "market hall", "school", "clinic"]


def synthetic(i: int) -> dict[str, str]:
    city, thing = CITIES[i % len(CITIES)], THINGS[(i // 3) % len(THINGS)]
    a = f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // 2) % len(FAMILY)]}"
    b = f"{GIVEN[(i + 5) % len(GIVEN)]} {FAMILY[(i // 5 + 3) % len(FAMILY)]}"
    text = (f"{city} council member {a} said on Tuesday that the {thing} would reopen in {3 + i % 9} weeks, "
            f"after repairs that cost {100 + i % 900} thousand crowns. \"We have checked every report twice,\" "
            f"{a.split()[1]} told reporters.\n\nOpposition leader {b} said the council had ignored warnings "
            f"for years and demanded that the audit office publish its findings. The mayor's office declined "
            f"to comment on whether the budget would grow. Local media reported that residents had "
            f"complained about the {thing} since {2000 + i % 25}. (Item {i}.)")
    return {"id": f"gen-{i:06d}", "text": text, "published": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"}


def _feed(folder: Path, size: int) -> Path:
    feed = folder / f"feed-{size}.jsonl"
    feed.write_text("".join(json.dumps(synthetic(i)) + "\n" for i in range(size)), encoding="utf-8")
    return feed


def fresh_db(url: str | None, folder: Path, tag: str) -> str:
    if url and url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
        return url
    return str(folder / f"{tag}.db")


def time_analyze(pipeline: Pipeline, paths: list[Path]) -> tuple[int, float]:
    t = time.perf_counter()
    n = sum(1 for _ in pipeline.pipe(read_inputs(paths)))
    return n, time.perf_counter() - t


def time_ingest(pipeline: Pipeline, paths: list[Path], db: str) -> tuple[int, float]:
    t = time.perf_counter()
    st = ingest(paths, db, pipeline=pipeline)
    return st.stored + st.failed, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--db", help="a postgresql:// URL (emptied first); default SQLite in a temporary folder")
    ap.add_argument("--generate", help="comma-separated sizes for the cost curve, e.g. 100,1000,10000")
    ap.add_argument("--with-analyze", action="store_true", help="with --generate: time analyze at each size too")
    args = ap.parse_args()
    pipeline = Pipeline()
    keep = tempfile.TemporaryDirectory()  # removed at exit, with the stores made in it
    tmp = Path(keep.name)
    result: dict[str, object] = {"store": "postgresql" if args.db else "sqlite"}
    if args.generate:
        time_analyze(pipeline, [_feed(tmp, 50)])  # warm up spaCy first: the first batches are slower
        curve = []
        for k, size in enumerate(int(s) for s in args.generate.split(",")):
            feed = _feed(tmp, size)
            cpu = time.process_time()
            n, s = time_ingest(pipeline, [feed], fresh_db(args.db, tmp, f"curve-{k}"))
            # Per CPU second too: on a shared machine the wall-clock rate follows the neighbours' load.
            row = {"articles": size, "ingest_per_s": round(n / s, 1),
                   "ingest_per_cpu_s": round(n / (time.process_time() - cpu), 1)}
            if args.with_analyze:
                n, s = time_analyze(pipeline, [feed])
                row["analyze_per_s"] = round(n / s, 1)
            curve.append(row)
        result["cost_curve"] = curve
    else:
        paths = args.paths or [DEFAULT]
        runs: dict[str, list[float]] = {"analyze": [], "ingest": []}
        for r in range(args.repeat):
            order = ("analyze", "ingest") if r % 2 == 0 else ("ingest", "analyze")
            for kind in order:
                n, s = (time_analyze(pipeline, paths) if kind == "analyze"
                        else time_ingest(pipeline, paths, fresh_db(args.db, tmp, f"run{r}")))
                runs[kind].append(n / s)
        best = {k: max(v) for k, v in runs.items()}
        result.update({"articles": n, "analyze_articles_per_s": round(best["analyze"], 2),
                       "ingest_articles_per_s": round(best["ingest"], 2),
                       "ratio_ingest_over_analyze": round(best["ingest"] / best["analyze"], 3)})
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
