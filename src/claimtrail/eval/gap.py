"""GAP (Webster et al. 2018) pronoun -> name evaluation: ``claimtrail eval gap gap-validation.tsv``.

Each row gives a text, a pronoun at an offset and two names A and B at offsets, each labelled as
coreferent with the pronoun or not. We run the pipeline on the text, take the cluster holding the
pronoun, and predict A (B) coreferent when that cluster has a mention overlapping A's (B's) span.
Scores are the standard GAP ones: precision / recall / F1 over the A and B binary decisions, also
split by the pronoun's gender, and the bias ratio F1(feminine) / F1(masculine).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .scoring import prf, ratio

_FEMININE = {"she", "her", "hers", "herself"}
_KEEP = ("claimtrail_entities", "claimtrail_roles")  # later stages do not touch clusters


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    pronoun: str
    p_off: int
    a: str
    a_off: int
    a_coref: bool
    b: str
    b_off: int
    b_coref: bool


def read_rows(path: Path) -> list[Row]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append(Row(r["ID"], r["Text"], r["Pronoun"], int(r["Pronoun-offset"]), r["A"], int(r["A-offset"]),
                            r["A-coref"].strip().upper() == "TRUE", r["B"], int(r["B-offset"]),
                            r["B-coref"].strip().upper() == "TRUE"))
    return rows


def predict(row: Row, clusters: list[Any]) -> tuple[bool, bool]:
    """(A coreferent, B coreferent) as the clusters say."""
    p0, p1 = row.p_off, row.p_off + len(row.pronoun)
    holder = None
    for c in clusters:
        if any(m.start < p1 and p0 < m.end for m in c.mentions):
            holder = c
            break
    if holder is None:
        return False, False

    def has(off: int, name: str) -> bool:
        return any(m.start < off + len(name) and off < m.end and m.kind != "pronoun" for m in holder.mentions)

    return has(row.a_off, row.a), has(row.b_off, row.b)


def score(rows: Iterable[Row], preds: Iterable[tuple[bool, bool]]) -> dict[str, Any]:
    counts = {g: [0, 0, 0] for g in ("all", "masculine", "feminine")}  # tp, fp, fn
    n = 0
    for row, (pa, pb) in zip(rows, preds):
        n += 1
        g = "feminine" if row.pronoun.lower() in _FEMININE else "masculine"
        for gold, pred in ((row.a_coref, pa), (row.b_coref, pb)):
            for key in ("all", g):
                c = counts[key]
                c[0] += gold and pred
                c[1] += pred and not gold
                c[2] += gold and not pred
    out: dict[str, Any] = {"n": n}
    for key, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, tp + fp, tp + fn)
        if key == "all":
            out.update(precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))
        else:
            out[f"f1_{key}"] = round(f, 4)
    fm = out["f1_masculine"]
    out["bias"] = round(ratio(out["f1_feminine"], fm), 4)
    return out


def evaluate(path: Path, pipeline: Any, **_: Any) -> dict[str, Any]:
    rows = read_rows(Path(path))
    nlp = pipeline.nlp
    from ..nlp.state import analysis

    skip = [name for name in nlp.pipe_names if name.startswith("claimtrail_") and name not in _KEEP]
    with nlp.select_pipes(disable=skip):
        docs = nlp.pipe((r.text for r in rows), batch_size=32)
        preds = [predict(r, analysis(d).clusters) for r, d in zip(rows, docs)]
    return score(rows, preds)
