"""Benchmark: claimtrail `analyze` throughput against bare spaCy `nlp.pipe`, same texts, same process.

    .venv/bin/python bench/throughput.py [FOLDER_OF_TXT] [--repeat N] [--json OUT]

FOLDER defaults to ../shared/data/polnear/dev/text. Both runs use the same model and batch size; the
order alternates over repeats so neither side profits from a warm cache. Reports words/s for each,
their ratio (target >= 0.8) and the process's peak resident memory. Not a test: numbers depend on
the machine and its load, so quote them with the machine they came from.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402

from claimtrail.config import Options  # noqa: E402
from claimtrail.model import Article  # noqa: E402
from claimtrail.nlp.pipeline import Pipeline  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]
    if not texts:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    options = Options(check_language=False)
    pipeline = Pipeline(options)
    bare = spacy.load(options.model)
    words = sum(len(t.split()) for t in texts)

    def run_bare() -> float:
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=options.batch_size):
            pass
        return time.perf_counter() - t0

    def run_ours() -> float:
        t0 = time.perf_counter()
        n = sum(1 for _ in pipeline.pipe(Article(text=t) for t in texts))
        assert n == len(texts)
        return time.perf_counter() - t0

    run_bare(), run_ours()  # warm-up: first batches pay for lazy initialisation
    bare_s, ours_s = [], []
    for i in range(args.repeat):
        for fn, acc in ((run_bare, bare_s), (run_ours, ours_s))[:: 1 if i % 2 == 0 else -1]:
            acc.append(fn())
    b, o = min(bare_s), min(ours_s)
    result = {
        "texts": len(texts), "words": words,
        "bare_words_per_s": round(words / b, 1), "claimtrail_words_per_s": round(words / o, 1),
        "ratio": round(b / o, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model": pipeline.versions["model"],
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
