"""The accuracy gate: scores on the evaluation data must not fall below the pinned floors.

Floors live in tests/eval_baseline.json, pinned a little under what was measured. Raise them when
the scores rise; a change that makes attribution (or time, or coreference) worse fails CI here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

BASELINE = json.loads((Path(__file__).with_name("eval_baseline.json")).read_text())
CASES = [(name, key, floor) for name, floors in BASELINE["floors"].items() for key, floor in floors.items()]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "key", "floor"), CASES, ids=[f"{n}.{k}" for n, k, _ in CASES])
def test_score_not_below_floor(eval_scores, name: str, key: str, floor: float) -> None:
    scores = eval_scores(name)
    assert key in scores, f"{name} no longer reports {key}"
    assert scores[key] >= floor, f"{name}.{key} fell to {scores[key]:.4f} (floor {floor})"
