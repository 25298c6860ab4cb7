"""Where claimtrail's time goes: seconds per pipeline component over the same texts.

    .venv/bin/python bench/stage_costs.py [FOLDER_OF_TXT]

Runs each component of the claimtrail pipeline by hand over the texts and sums its wall time, so a
slow stage shows up by name (the spaCy components are listed too, for scale).
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from claimtrail.config import Options
from claimtrail.nlp.pipeline import Pipeline
from claimtrail.nlp.state import Analysis

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = Pipeline(Options(check_language=False)).nlp
    cost: dict[str, float] = defaultdict(float)
    for text in texts:
        doc = nlp.make_doc(text)
        doc._.ct = Analysis(published="2016-01-01")
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            cost[name] += time.perf_counter() - t0
    total = sum(cost.values())
    for name, s in cost.items():
        print(f"{name:28s} {s:7.2f} s  {100 * s / total:5.1f} %")


if __name__ == "__main__":
    main()
