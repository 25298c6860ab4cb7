"""The shared precision/recall/F1 arithmetic of the evaluators."""
from __future__ import annotations

import pytest

from claimtrail.eval.scoring import prf, ratio


@pytest.mark.parametrize(("tp", "n_pred", "n_gold", "expect"), [
    (3, 4, 6, (0.75, 0.5, 0.6)),
    (0, 0, 5, (0.0, 0.0, 0.0)),   # nothing predicted
    (0, 5, 0, (0.0, 0.0, 0.0)),   # nothing to find
    (0, 0, 0, (0.0, 0.0, 0.0)),
    (2, 2, 2, (1.0, 1.0, 1.0)),
])
def test_prf(tp: int, n_pred: int, n_gold: int, expect: tuple[float, float, float]) -> None:
    assert prf(tp, n_pred, n_gold) == pytest.approx(expect)


@pytest.mark.parametrize(("hit", "total", "expect"), [(1, 4, 0.25), (0, 0, 0.0), (3, 3, 1.0)])
def test_ratio(hit: int, total: int, expect: float) -> None:
    assert ratio(hit, total) == expect


def test_the_library_refuses_an_unknown_evaluation() -> None:
    """The CLI leaves this to argparse; a library caller gets the same choices in a ValueError."""
    from claimtrail.eval import evaluate

    with pytest.raises(ValueError, match="choose from polnear, agreement, gap"):
        evaluate("nosuch", ".", pipeline=object())
