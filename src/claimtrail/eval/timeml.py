"""``claimtrail eval timeml DIR``: time-expression scores against TimeML (TempEval-3 TBAQ-cleaned).

Definitions:
- each document's ``functionInDocument="CREATION_TIME"`` TIMEX3 gives the publication date; that
  timex sits outside ``TEXT`` and is not scored: only the TIMEX3s inside ``TEXT`` are;
- the plain text is ``TEXT`` with its tags stripped (gold offsets kept);
- strict match: identical span; relaxed: any character overlap (predictions and gold paired one to
  one, in text order);
- type and value accuracy over relaxed-matched pairs; value F1 counts value-correct matches against
  all predictions (precision) and all gold expressions (recall);
- scores overall, and per sub-corpus (the first folder under DIR: ``timebank_…``, ``aquaint_…``).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Dossier
from .scoring import prf, ratio


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class TmlDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path) -> TmlDoc:
    """Plain text of ``TEXT``, its TIMEX3s with offsets into it, and the creation date."""
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_day(t.get("value", ""))
            break
    text_el = root.find(".//TEXT")
    doc = TmlDoc(name=path.stem, text="", dct=dct)
    if text_el is None:
        return doc
    parts: list[str] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            doc.timexes.append(GoldTimex(start, pos, el.get("type", ""), el.get("value", "")))

    walk(text_el)
    doc.text = "".join(parts)
    doc.timexes.sort(key=lambda g: g.start)
    return doc


def _iso_day(value: str) -> str | None:
    """``1998-01-08`` (or a longer timestamp) → the ISO day; anything else → None."""
    day = value[:10]
    if len(day) == 10 and day[4] == "-" and day[7] == "-" and (day[:4] + day[5:7] + day[8:]).isdigit():
        return day
    return None


def pair(gold: Sequence[GoldTimex], pred: Sequence[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one relaxed (overlapping) pairs, in text order (both lists sorted by start)."""
    pairs, j = [], 0
    used: set[int] = set()
    for g in gold:
        while j < len(pred) and pred[j].end <= g.start:
            j += 1
        k = j
        while k < len(pred) and pred[k].start < g.end:
            if k not in used and min(g.end, pred[k].end) > max(g.start, pred[k].start):
                used.add(k)
                pairs.append((g, pred[k]))
                break
            k += 1
    return pairs


@dataclass
class Counts:
    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    n_docs: int = 0

    def add(self, gold: Sequence[GoldTimex], pred: Sequence[GoldTimex]) -> None:
        self.n_docs += 1
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for g, p in pair(gold, pred):
            self.relaxed += 1
            self.strict += (g.start, g.end) == (p.start, p.end)
            self.type_ok += g.type == p.type
            self.value_ok += g.value == p.value

    def scores(self, prefix: str = "") -> dict[str, float | int]:
        def scored(hit: int, name: str) -> dict[str, float]:
            p, r, f = prf(hit, self.n_pred, self.n_gold)
            return {f"{prefix}{name}_precision": p, f"{prefix}{name}_recall": r, f"{prefix}{name}_f1": f}

        out: dict[str, float | int] = {f"{prefix}n_docs": self.n_docs, f"{prefix}n_gold": self.n_gold,
                                       f"{prefix}n_pred": self.n_pred}
        out.update(scored(self.strict, "strict"))
        out.update(scored(self.relaxed, "relaxed"))
        out.update(scored(self.value_ok, "value"))
        out[f"{prefix}type_accuracy"] = ratio(self.type_ok, self.relaxed)
        out[f"{prefix}value_accuracy"] = ratio(self.value_ok, self.relaxed)
        return out


def tml_files(path: Path) -> list[Path]:
    return [path] if path.is_file() else sorted(path.rglob("*.tml"))


def predictions(dossier: Dossier) -> list[GoldTimex]:
    return sorted((GoldTimex(t.start, t.end, t.type, t.value) for t in dossier.timexes), key=lambda t: t.start)


def evaluate(path: Path, pipeline: Any, **kw: Any) -> dict[str, Any]:
    files = tml_files(Path(path))
    if not files:
        raise FileNotFoundError(f"no .tml files under {path}")
    docs = [read_tml(f) for f in files]
    groups = [_group(Path(path), f) for f in files]
    articles: Iterable[Article] = (Article(text=d.text, id=d.name, published=d.dct,
                                           published_basis="given" if d.dct else None) for d in docs)
    total, per = Counts(), {}  # type: Counts, dict[str, Counts]
    for d, g, result in zip(docs, groups, pipeline.pipe(articles)):
        pred = predictions(result) if isinstance(result, Dossier) else []
        total.add(d.timexes, pred)
        if g:
            per.setdefault(g, Counts()).add(d.timexes, pred)
    out = total.scores()
    for g in sorted(per):
        out.update(per[g].scores(f"{g}_"))
    return out


def _group(root: Path, f: Path) -> str | None:
    """The sub-corpus a file belongs to: its first folder under the evaluated directory."""
    try:
        rel = f.relative_to(root)
    except ValueError:
        return None
    return rel.parts[0].lower() if len(rel.parts) > 1 else None
