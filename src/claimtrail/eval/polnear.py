"""``claimtrail eval polnear SPLIT``: attribution scores against PolNeAR (brat standoff).

Definitions (the product brief's):
- predictions and gold attributions are matched one to one, greedily, best overlap first;
- lenient content match: the character overlap is ≥ 50 % of the predicted AND ≥ 50 % of the gold
  content; exact: equal after trimming whitespace, quote marks and punctuation at both ends
  (comparing the content pieces joined by a space);
- source accuracy over lenient-matched pairs: the predicted source overlaps a gold source span
  leniently, or both are absent;
- end to end: lenient content match AND source right;
- recall for gold direct contents (starting with a quote mark) and for the other (indirect) ones.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Dossier
from .brat import GoldAttribution, SpanT, article_pairs, gold_attributions, read_metadata
from .scoring import prf, ratio

QUOTES = "\"'“”‘’„‟«»‹›`´"


@dataclass
class Pred:
    content: list[SpanT]
    source: list[SpanT]


def overlap(a: Sequence[SpanT], b: Sequence[SpanT]) -> int:
    """Characters shared by two sorted lists of spans (linear merge)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def length(spans: Sequence[SpanT]) -> int:
    return sum(e - s for s, e in spans)


def lenient(pred: Sequence[SpanT], gold: Sequence[SpanT]) -> float:
    """The smaller of the two overlap fractions (a match when ≥ 0.5), 0 when either is empty."""
    lp, lg = length(pred), length(gold)
    if not lp or not lg:
        return 0.0
    ov = overlap(pred, gold)
    return min(ov / lp, ov / lg)


def _trim_char(ch: str) -> bool:
    return ch.isspace() or ch in QUOTES or unicodedata.category(ch).startswith("P")


def normalise(text: str, spans: Sequence[SpanT]) -> str:
    joined = " ".join(text[s:e] for s, e in spans)
    joined = re.sub(r"\s+", " ", joined)
    i, j = 0, len(joined)
    while i < j and _trim_char(joined[i]):
        i += 1
    while j > i and _trim_char(joined[j - 1]):
        j -= 1
    return joined[i:j]


def is_direct(text: str, gold: GoldAttribution) -> bool:
    s = text[gold.content[0][0]:gold.content[0][1]].lstrip()
    return bool(s) and s[0] in QUOTES


def _greedy(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one assignment, best score first: pred index -> gold index."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = {}
    for _, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out[p] = g
    return out


def score_doc(text: str, golds: list[GoldAttribution], preds: list[Pred]) -> dict[str, int]:
    """Counts for one article (summed over articles by ``finish``)."""
    len_pairs, exact_pairs = [], []
    gnorm = [normalise(text, g.content) for g in golds]
    for pi, p in enumerate(preds):
        pn = normalise(text, p.content)
        for gi, g in enumerate(golds):
            sc = lenient(p.content, g.content)
            if sc >= 0.5:
                len_pairs.append((sc, pi, gi))
            if pn and pn == gnorm[gi]:
                exact_pairs.append((1.0, pi, gi))
    lm = _greedy(len_pairs)
    em = _greedy(exact_pairs)
    src_ok = 0
    matched_gold_direct = matched_gold_indirect = 0
    for pi, gi in lm.items():
        p, g = preds[pi], golds[gi]
        if (not p.source and not g.source) or (p.source and g.source and lenient(p.source, g.source) >= 0.5):
            src_ok += 1
        if is_direct(text, g):
            matched_gold_direct += 1
        else:
            matched_gold_indirect += 1
    n_direct = sum(is_direct(text, g) for g in golds)
    return {
        "n_gold": len(golds), "n_pred": len(preds), "lenient": len(lm), "exact": len(em), "e2e": src_ok,
        "gold_direct": n_direct, "gold_indirect": len(golds) - n_direct,
        "hit_direct": matched_gold_direct, "hit_indirect": matched_gold_indirect,
    }


def finish(counts: Iterable[dict[str, int]]) -> dict[str, Any]:
    tot: dict[str, int] = {}
    n_docs = 0
    for c in counts:
        n_docs += 1
        for k, v in c.items():
            tot[k] = tot.get(k, 0) + v
    g = tot.get
    out: dict[str, Any] = {"n_docs": n_docs, "n_gold": g("n_gold", 0), "n_pred": g("n_pred", 0)}
    for name in ("lenient", "exact", "e2e"):
        p, r, f = prf(g(name, 0), g("n_pred", 0), g("n_gold", 0))
        prefix = "e2e" if name == "e2e" else f"content_{name}"
        out.update({f"{prefix}_precision": round(p, 4), f"{prefix}_recall": round(r, 4), f"{prefix}_f1": round(f, 4)})
    out["source_accuracy"] = round(ratio(g("e2e", 0), g("lenient", 0)), 4)
    out["recall_direct"] = round(ratio(g("hit_direct", 0), g("gold_direct", 0)), 4)
    out["recall_indirect"] = round(ratio(g("hit_indirect", 0), g("gold_indirect", 0)), 4)
    out["n_gold_direct"], out["n_gold_indirect"] = g("gold_direct", 0), g("gold_indirect", 0)
    out["n_matched_lenient"], out["n_matched_exact"] = g("lenient", 0), g("exact", 0)
    return out


def preds_from_dossier(d: Dossier) -> list[Pred]:
    out = []
    for a in d.attributions:
        parts = [(p.start, p.end) for p in a.content.parts] or [(a.content.start, a.content.end)]
        src = [(a.source.start, a.source.end)] if a.source is not None and a.source.end > a.source.start else []
        out.append(Pred(sorted(parts), src))
    return out


def split_metadata(path: Path) -> dict[str, dict[str, str]]:
    """The split's ``metadata.tsv``, or the one beside the split folders."""
    return read_metadata(path / "metadata.tsv") or read_metadata(path.parent / "metadata.tsv")


def published(meta: dict[str, dict[str, str]], name: str) -> str | None:
    return meta.get(name, {}).get("publication_date") or None


def to_articles(arts: Sequence[tuple[str, str, str | None, Any]]) -> list[Article]:
    """Articles to analyse from (name, text, published, …) rows, the publication date from the metadata."""
    return [Article(text=text, published=pub, published_basis="metadata" if pub else None, origin=name, id=name)
            for name, text, pub, _ in arts]


def load_split(path: Path) -> list[tuple[str, str, str | None, list[GoldAttribution]]]:
    """(name, text, published, gold) per article of a split folder (``text/`` + ``attributions/``)."""
    meta = split_metadata(path)
    out = []
    for txt, ann in article_pairs(path):
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, published(meta, txt.stem), gold_attributions(ann.read_text(encoding="utf-8"))))
    return out


def evaluate(path: Path, pipeline: Any) -> dict[str, Any]:
    arts = load_split(Path(path))
    if not arts:
        raise ValueError(f"no articles under {path} (expected text/*.txt and attributions/*.ann)")
    articles = to_articles(arts)
    counts = []
    failed = 0
    for (name, text, _, golds), result in zip(arts, pipeline.pipe(articles)):
        preds = preds_from_dossier(result) if isinstance(result, Dossier) else []
        failed += not isinstance(result, Dossier)
        counts.append(score_doc(text, golds, preds))
    out = finish(counts)
    out["n_failed"] = failed
    return out
