"""``claimtrail eval agreement SPLIT``: how far annotators agree with each other, next to how far
claimtrail agrees with them, on the articles of a brat split that several annotators annotated.

An attribution target means little without the data's own ceiling: where two annotators of the same
article reach lenient F1 0.8, no extractor can be expected to reach 0.8 against either of them.
Every ordered pair of annotators (A scored as a prediction against B as gold) and claimtrail against
every annotator are scored with the same matching as ``eval polnear`` (``score_doc``) and pooled
over articles: ``human_*`` is the mean pairwise agreement, ``system_*`` claimtrail's. Both runs are
micro-averaged, so an annotator pair that marked more attributions weighs more.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..model import Dossier
from .brat import GoldAttribution, gold_attributions
from .polnear import Pred, finish, preds_from_dossier, published, score_doc, split_metadata, to_articles

KEYS = ("content_lenient_f1", "content_exact_f1", "e2e_f1", "source_accuracy", "recall_direct", "recall_indirect")


def multi_annotated(split: Path) -> list[tuple[str, str, str | None, list[list[GoldAttribution]]]]:
    """(name, text, published, one gold list per annotator) for articles with two or more
    ``NAME_xxxx.ann`` files, in name order."""
    meta = split_metadata(split)
    texts = {t.stem: t for t in (split / "text").glob("*.txt")}
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((split / "attributions").glob("*.ann")):
        stem = ann.stem if ann.stem in texts else ann.stem.rsplit("_", 1)[0]
        if stem in texts:
            by_article[stem].append(ann)
    out = []
    for name in sorted(by_article):
        anns = by_article[name]
        if len(anns) < 2:
            continue
        text = texts[name].read_text(encoding="utf-8")
        out.append((name, text, published(meta, name), [gold_attributions(a.read_text(encoding="utf-8")) for a in anns]))
    return out


def as_pred(g: GoldAttribution) -> Pred:
    return Pred(sorted(g.content), sorted(g.source))


def evaluate(path: Path, pipeline: Any) -> dict[str, Any]:
    arts = multi_annotated(Path(path))
    if not arts:
        raise ValueError(f"no article under {path} has two or more annotators' .ann files (NAME_xxxx.ann)")
    human, system = [], []
    for (_, text, _, annotators), result in zip(arts, pipeline.pipe(to_articles(arts))):
        for i, a in enumerate(annotators):
            for j, b in enumerate(annotators):
                if i != j:
                    human.append(score_doc(text, b, [as_pred(x) for x in a]))
        preds = preds_from_dossier(result) if isinstance(result, Dossier) else []
        for b in annotators:
            system.append(score_doc(text, b, preds))
    h, s = finish(human), finish(system)
    out: dict[str, Any] = {"n_articles": len(arts), "n_annotations": sum(len(x[3]) for x in arts),
                           "n_pairs": len(human)}
    for k in KEYS:
        out[f"human_{k}"] = h[k]
        out[f"system_{k}"] = s[k]
    return out
