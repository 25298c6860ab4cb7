"""A small reader for brat standoff annotations (``.ann`` beside a ``.txt``), aimed at attribution.

General enough for anyone's own annotated data: text-bound lines ``T1<TAB>Label START END[;START END…]
<TAB>text`` (discontiguous spans allowed) and event lines ``E1<TAB>Attribution:T4 Source:T1 Cue:T2
Content:T3 Content2:T5`` whose trigger label starts with "Attribution" (PolNeAR also writes
"Attribution-no-source"). Role names are matched without trailing digits, so ``Content2`` is one
more content piece. Offsets are taken from the numbers, never from the echoed text, which brat may
have broken over several lines (such continuation lines are skipped).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SpanT = tuple[int, int]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(\S+)((?: \S+)*)\s*$")


@dataclass(frozen=True)
class TextBound:
    id: str
    label: str
    spans: tuple[SpanT, ...]


@dataclass
class GoldAttribution:
    """One annotated attribution: each role as a list of character spans (sorted, merged)."""

    content: list[SpanT] = field(default_factory=list)
    source: list[SpanT] = field(default_factory=list)
    cue: list[SpanT] = field(default_factory=list)
    label: str = "Attribution"


def _spans(field_text: str) -> tuple[SpanT, ...]:
    out = []
    for piece in field_text.split(";"):
        nums = piece.split()
        if len(nums) == 2:
            out.append((int(nums[0]), int(nums[1])))
    return tuple(sorted(out))


def parse_ann(ann_text: str) -> tuple[dict[str, TextBound], list[tuple[str, str, list[tuple[str, str]]]]]:
    """Text-bound annotations by id, and events as (id, trigger 'Label:Tn', [(role, Tid)])."""
    tbs: dict[str, TextBound] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in ann_text.splitlines():
        m = _T_LINE.match(line)
        if m:
            tbs[m.group(1)] = TextBound(m.group(1), m.group(2), _spans(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(a.split(":", 1)) for a in m.group(3).split() if ":" in a]
            events.append((m.group(1), m.group(2), args))  # type: ignore[arg-type]
        # anything else: relations, notes, or a continuation of a multi-line span text
    return tbs, events


def gold_attributions(ann_text: str) -> list[GoldAttribution]:
    """Attribution events of one .ann file, with their roles' spans."""
    tbs, events = parse_ann(ann_text)
    out: list[GoldAttribution] = []
    for _, trigger, args in events:
        label = trigger.split(":", 1)[0]
        if not label.startswith("Attribution"):
            continue
        g = GoldAttribution(label=label)
        for role, tid in args:
            tb = tbs.get(tid)
            if tb is None:
                continue
            role = role.rstrip("0123456789").lower()
            if role in ("content", "source", "cue"):
                getattr(g, role).extend(tb.spans)
        if not g.content:
            continue  # an attribution with no content cannot be scored
        g.content.sort()
        g.source.sort()
        g.cue.sort()
        out.append(g)
    return out


def article_pairs(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, ann) per article of a ``text/`` + ``attributions/`` folder; where several annotators
    annotated one article (``NAME_xxxx.ann``), the first in sorted order is taken."""
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    by_stem: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_stem.setdefault(ann.stem, ann)
        by_stem.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # first annotator's file wins
    return [(txt, by_stem[txt.stem]) for txt in sorted(text_dir.glob("*.txt")) if txt.stem in by_stem]


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """metadata.tsv (a header row, tab-separated) keyed by its ``filename`` column."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return {}
    head = lines[0].split("\t")
    rows = {}
    for line in lines[1:]:
        row = dict(zip(head, line.split("\t")))
        if "filename" in row:
            rows[row["filename"]] = row
    return rows
