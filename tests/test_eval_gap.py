"""GAP evaluator: a tiny hand-written TSV, the scorer's arithmetic, and the validation set."""
from __future__ import annotations

from pathlib import Path


from claimtrail.eval import gap

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"


def _row(rid: str, text: str, pronoun: str, a: str, a_coref: bool, b: str, b_coref: bool) -> str:
    p_off = text.index(" " + pronoun + " ") + 1
    return "\t".join([rid, text, pronoun, str(p_off), a, str(text.index(a)), str(a_coref).upper(),
                      b, str(text.index(b)), str(b_coref).upper(), "-"]) + "\n"


def test_tiny_tsv(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tiny.tsv"
    path.write_text(HEADER
                    + _row("t-1", "Anna Berg met Tom Novak in Oslo. Later she said the talks went well.", "she",
                           "Anna Berg", True, "Tom Novak", False)
                    + _row("t-2", "Anna Berg met Tom Novak in Oslo. Later he said the talks went well.", "he",
                           "Anna Berg", False, "Tom Novak", True), encoding="utf-8")
    scores = gap.evaluate(path, pipeline)
    assert scores["n"] == 2
    assert scores["f1"] == 1.0 and scores["precision"] == 1.0 and scores["recall"] == 1.0
    assert scores["f1_masculine"] == 1.0 and scores["f1_feminine"] == 1.0


def test_score_arithmetic() -> None:
    rows = [gap.Row("1", "", "he", 0, "A", 0, True, "B", 0, False),
            gap.Row("2", "", "she", 0, "A", 0, False, "B", 0, True)]
    s = gap.score(rows, [(True, False), (True, False)])  # one right, one wrong
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)
    assert s["f1_masculine"] == 1.0 and s["f1_feminine"] == 0.0 and s["bias"] == 0.0


def test_validation_set(eval_scores) -> None:  # type: ignore[no-untyped-def]
    scores = eval_scores("gap")  # skips (with the reason) when ../shared/data is absent
    for key in ("n", "precision", "recall", "f1", "f1_masculine", "f1_feminine", "bias"):
        assert key in scores
    assert scores["n"] > 400
    assert 0.5 <= scores["f1"] <= 1.0
    assert 0.7 <= scores["bias"] <= 1.3
