"""Benchmark: the same-claim decision (claimtrail.trail.similar) on tests/data/claim_pairs.tsv,
hand-written pairs. Prints precision and recall at a sweep of thresholds, and the pairs it gets wrong
at the shipped THRESHOLD.

    .venv/bin/python bench/claim_pairs.py [PAIRS.tsv ...]   (default: the four pair files in tests/data)
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from claimtrail.store.base import norm_name
from claimtrail.trail.embed import encode
from claimtrail.trail.similar import THRESHOLD, embed_text, families, negated, same_claim

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
PAIRS = DATA / "claim_pairs.tsv"  # tuned on
HELD_OUT = DATA / "claim_pairs_heldout.tsv"  # written after tuning, scored once
LONG = DATA / "claim_pairs_long.tsv"  # long claims that add detail: tuned the clause cut (similar.core) on
LONG_HELD_OUT = DATA / "claim_pairs_long_heldout.tsv"  # written after that, scored once


def read_pairs(path: Path = PAIRS) -> list[tuple[bool, str, frozenset[str], str, frozenset[str], str]]:
    def names(cell: str) -> frozenset[str]:
        return frozenset() if cell.strip() == "-" else frozenset(norm_name(n) for n in cell.split("|"))

    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            same, a, na, b, nb, why = line.split("\t")
            rows.append((same == "1", a, names(na), b, names(nb), why))
    return rows


def decisions(rows: list, threshold: float) -> list[bool]:  # type: ignore[type-arg]
    va = encode([embed_text(r[1], r[2]) for r in rows])
    vb = encode([embed_text(r[3], r[4]) for r in rows])
    cos = (va * vb).sum(axis=1)
    return [same_claim(float(c), r[2], r[4], families(r[1]), families(r[3]), threshold,
                       negated(r[1]) != negated(r[3])) for c, r in zip(cos, rows)]


def scores(rows: list, said: list[bool]) -> tuple[float, float]:  # type: ignore[type-arg]
    gold = [r[0] for r in rows]
    tp = sum(g and s for g, s in zip(gold, said))
    fp = sum(s and not g for g, s in zip(gold, said))
    fn = sum(g and not s for g, s in zip(gold, said))
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> int:
    for path in [Path(p) for p in sys.argv[1:]] or [PAIRS, HELD_OUT, LONG, LONG_HELD_OUT]:
        report(path)
    return 0


def report(path: Path) -> None:
    rows = read_pairs(path)
    print(f"{path.name}: {len(rows)} pairs ({sum(r[0] for r in rows)} same, {sum(not r[0] for r in rows)} different)")
    for t in np.arange(0.50, 0.801, 0.05):
        p, r = scores(rows, decisions(rows, float(t)))
        mark = "  <- THRESHOLD" if abs(t - THRESHOLD) < 1e-6 else ""
        print(f"threshold {t:.2f}: precision {p:.3f} recall {r:.3f}{mark}")
    said = decisions(rows, THRESHOLD)
    for r, s in zip(rows, said):
        if s != r[0]:
            print(f"  wrong ({'said same' if s else 'said different'}): {r[1]!r} / {r[3]!r} — {r[5]}")


if __name__ == "__main__":
    sys.exit(main())
