"""Readers and scorers for annotated data sets: the ``claimtrail eval NAME PATH`` command.

Each evaluator is ``evaluate(path: Path, pipeline: Pipeline) -> dict[str, float | int]`` in the
module named here; the scores' keys are what the CI gate (tests/eval_baseline.json) pins.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

EVALUATORS = {
    "polnear": "claimtrail.eval.polnear",   # attribution (brat standoff)
    "agreement": "claimtrail.eval.agreement",  # annotators vs each other, and claimtrail vs them
    "gap": "claimtrail.eval.gap",           # pronoun -> name resolution
    "timeml": "claimtrail.eval.timeml",     # time expressions (TempEval-3 TimeML)
    "meantime": "claimtrail.eval.meantime", # claim status vs event certainty/polarity (CAT XML)
}


def evaluate(name: str, path: Path, pipeline: Any = None, **kwargs: Any) -> dict[str, Any]:
    if name not in EVALUATORS:
        raise ValueError(f"unknown evaluation {name!r}; choose from {', '.join(EVALUATORS)}")
    if pipeline is None:
        from ..nlp.pipeline import Pipeline
        pipeline = Pipeline()
    module = importlib.import_module(EVALUATORS[name])
    return module.evaluate(Path(path), pipeline, **kwargs)
