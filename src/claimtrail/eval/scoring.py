"""Precision, recall and F1, and plain ratios: the arithmetic every evaluator shares.

One definition, so that an empty prediction or gold set scores 0.0 the same way everywhere (never a
ZeroDivisionError, never NaN).
"""
from __future__ import annotations


def ratio(hit: float, total: float) -> float:
    """``hit / total``, or 0.0 when there is nothing to count."""
    return hit / total if total else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """(precision, recall, F1) for ``tp`` true positives among ``n_pred`` predictions and ``n_gold`` gold items."""
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
