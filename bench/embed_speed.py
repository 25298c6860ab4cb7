"""Benchmark: numpy MiniLM sentence embeddings (trail/embed.py), sentences/s on one thread.

    .venv/bin/python bench/embed_speed.py [--n 512] [--batch-size 32] [--repeat 3] [--threads 1]

Texts are claim-length (20-40 words), generated from a small hand-written template so the run
needs no data. Prints one JSON object: best-of-repeat sentences/s, mean word pieces per text,
load time. Not a test: numbers depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time


def _threads(argv: list[str]) -> str:
    """BLAS reads its thread count at import, so the flag is looked at before numpy loads."""
    for i, a in enumerate(argv):
        if a == "--threads" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--threads="):
            return a.split("=", 1)[1]
    return "1"


_N = _threads(sys.argv[1:])
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = _N
os.environ["TOKENIZERS_PARALLELISM"] = "false"

from claimtrail.trail import embed  # noqa: E402

WHO = ["The finance minister", "A spokeswoman for the health ministry", "The opposition leader",
       "Police officials in the capital", "The company's chief executive", "Two senior diplomats"]
VERB = ["said", "told reporters", "insisted", "denied that", "confirmed that", "claimed that"]
WHAT = ["the government would raise fuel taxes before the end of the year",
        "talks with the neighbouring country had broken down over the border dispute",
        "more than three hundred workers would lose their jobs at the northern plant",
        "the election had been free and fair despite reports of irregularities",
        "the new bridge would reopen to traffic next month after long delays",
        "the central bank was not planning to cut interest rates again soon"]
TAIL = ["on Tuesday", "in a statement released late on Friday evening",
        "according to a transcript seen by local journalists",
        "adding that further details would be published in the coming weeks"]


def texts(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = " ".join([rng.choice(WHO), rng.choice(VERB), rng.choice(WHAT), rng.choice(TAIL)])
        if len(text.split()) < 20:  # keep every text at 20-40 words
            text += " and " + rng.choice(WHAT)
        out.append(text + ".")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=512)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", default="1")
    args = ap.parse_args(argv)
    batch = texts(args.n)
    t0 = time.perf_counter()
    enc = embed.load()
    load_s = time.perf_counter() - t0
    enc.encode(batch[:8], args.batch_size)  # warm caches
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        enc.encode(batch, args.batch_size)
        best = min(best, time.perf_counter() - t0)
    pieces = [len(e.ids) for e in enc.tokenizer.encode_batch(batch)]
    words = [len(t.split()) for t in batch]
    print(json.dumps({
        "encoder": embed.NAME, "threads": args.threads, "n": args.n,
        "batch_size": args.batch_size, "words_per_text": [min(words), max(words)],
        "mean_word_pieces": round(sum(pieces) / len(pieces), 1),
        "load_s": round(load_s, 3), "best_s": round(best, 3),
        "sentences_per_s": round(args.n / best, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
