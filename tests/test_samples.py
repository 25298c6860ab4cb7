"""Golden dossiers for the sample articles the project ships, plus contract checks on each.

Regenerate the golden files after an intended change with
``CLAIMTRAIL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_samples.py`` and review the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimtrail.ingest.files import read_inputs
from claimtrail.model import Dossier, Failure, dossier_from_dict

from conftest import REPO, SHARED

SAMPLES = REPO / "samples"
GOLDEN = Path(__file__).with_name("golden")
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})


def _dossiers(pipeline, path: Path) -> list[Dossier]:  # type: ignore[no-untyped-def]
    out = list(pipeline.pipe(read_inputs([path], pipeline.options)))
    assert not [o for o in out if isinstance(o, Failure)], out
    return out  # type: ignore[return-value]


def _spans(d: dict) -> list[dict]:
    found = []
    for e in d["entities"]:
        found += e["mentions"] + e["roles"]
    for a in d["attributions"]:
        found += [a["source"], a["cue"], a["content"], *a["content"]["parts"]]
    found += d["claims"] + d["timexes"]
    return found


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_matches_golden_and_contract(pipeline, path: Path) -> None:  # type: ignore[no-untyped-def]
    dossiers = [d.to_dict() for d in _dossiers(pipeline, path)]
    for d in dossiers:
        text = d["document"]["text"]
        for s in _spans(d):
            assert 0 <= s["start"] <= s["end"] <= len(text) and text[s["start"]:s["end"]] == s["text"], s
        assert dossier_from_dict(d).to_dict() == d  # the record types round-trip losslessly
        assert d["attributions"], f"{path.name}: no attributions found"
    golden = GOLDEN / (path.name + ".json")
    if not golden.exists() and os.environ.get("CI"):
        pytest.fail(f"no golden dossier for {path.name}: generate it with CLAIMTRAIL_UPDATE_GOLDEN=1")
    if os.environ.get("CLAIMTRAIL_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(json.dumps(dossiers, indent=1, ensure_ascii=False) + "\n")
    assert dossiers == json.loads(golden.read_text()), f"{path.name} differs from its golden dossier"


def test_samples_validate_against_contract(pipeline) -> None:  # type: ignore[no-untyped-def]
    schema_path = SHARED / "contract" / "dossier.schema.json"
    if not schema_path.exists():
        pytest.skip("needs ../shared/contract/dossier.schema.json (the contract beside the repo) — absent here")
    import jsonschema

    schema = json.loads(schema_path.read_text())
    for path in SAMPLE_FILES:
        for d in _dossiers(pipeline, path):
            jsonschema.validate(d.to_dict(), schema)
