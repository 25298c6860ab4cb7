"""Stored dossiers as export rows: JSONL (the contract JSON, one dossier a line) or CSV (one row per
attribution: who said what, where, when — the table a spreadsheet user wants); or as brat standoff
files (a .txt and a .ann per article, readable by brat and by ``claimtrail.eval.brat``)."""
from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..model import Attribution, Dossier

CSV_FIELDS = ("article", "published", "title", "attribution", "kind", "stance", "source", "speaker",
              "cue", "content")


def attribution_rows(dossier: Dossier) -> Iterator[dict[str, str | None]]:
    doc = dossier.document
    for a in dossier.attributions:
        speaker = dossier.entity(a.source.entity) if a.source else None
        yield {"article": doc.id, "published": doc.published, "title": doc.title, "attribution": a.id,
               "kind": a.kind, "stance": a.stance, "source": a.source.text if a.source else None,
               "speaker": speaker.name if speaker else None, "cue": a.cue.text, "content": a.content.text}


def write_export(dossiers: Iterable[Dossier], fmt: str, out: TextIO) -> int:
    """Write every dossier as ``fmt`` ("jsonl" or "csv"); the number of dossiers written."""
    n = 0
    writer = csv.DictWriter(out, CSV_FIELDS) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for d in dossiers:
        n += 1
        if writer:
            writer.writerows(attribution_rows(d))
        else:
            out.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    return n


# --- brat standoff: one .txt (the text, exactly) and one .ann per article -----------------------------

# Characters that end a line for a .ann reader (str.splitlines) or split its fields (tab): a
# fragment never contains one, so every T line stays one line and its echoed text stays exact.
_BREAKS = re.compile(r"[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

BRAT_CONF = """\
# claimtrail's brat export: entity mentions, attributions as PolNeAR-style events.
[entities]
PERSON
ORG
GPE
LOC
NORP
EVENT
OTHER
Source
Cue
Content

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content:Content
Attribution-no-source\tCue?:Cue, Content:Content

[attributes]
Stance\tArg:<EVENT>, Value:assert|confirm|deny|speculate|decline|question
Kind\tArg:<EVENT>, Value:direct|indirect|mixed
Group\tArg:Source
"""


def brat_name(doc_id: str) -> str:
    """A file stem for ``doc_id``; an id that had to change gets a short hash, so two never meet."""
    safe = _UNSAFE.sub("_", doc_id).strip("._-")[:80]
    if safe and safe == doc_id:
        return safe
    return f"{safe or 'article'}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:10]}"


def brat_fragments(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans clipped to the text, sorted, merged and cut at line breaks; empty pieces dropped."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        at = start
        for m in _BREAKS.finditer(text, start, end):
            out.append((at, m.start()))
            at = m.end()
        out.append((at, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


class _Ann:
    """The lines of one .ann file, numbering T, E, A and # ids as brat expects."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.n = {"T": 0, "E": 0, "A": 0, "#": 0}

    def _next(self, kind: str) -> str:
        self.n[kind] += 1
        return f"{kind}{self.n[kind]}"

    def span(self, label: str, spans: Iterable[tuple[int, int]]) -> str | None:
        frags = brat_fragments(self.text, spans)
        if not frags:
            return None
        tid = self._next("T")
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        echoed = " ".join(self.text[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{label} {offsets}\t{echoed}")
        return tid

    def event(self, trigger: str, label: str, roles: list[tuple[str, str | None]]) -> str:
        eid = self._next("E")
        args = " ".join(f"{role}:{tid}" for role, tid in roles if tid)
        self.lines.append(f"{eid}\t{label}:{trigger} {args}")
        return eid

    def attribute(self, name: str, target: str, value: str | None = None) -> None:
        self.lines.append(f"{self._next('A')}\t{name} {target}" + (f" {value}" if value else ""))

    def note(self, target: str, note: str) -> None:
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{_BREAKS.sub(' ', note)}")


def _add_attribution(ann: _Ann, d: Dossier, a: Attribution) -> None:
    content = ann.span("Content", [(p.start, p.end) for p in a.content.parts]
                       or [(a.content.start, a.content.end)])
    if content is None:
        return  # nothing to attribute: a reader drops content-less events anyway
    source = ann.span("Source", [(a.source.start, a.source.end)]) if a.source else None
    cue = ann.span("Cue", [(a.cue.start, a.cue.end)])
    label = "Attribution" if source else "Attribution-no-source"
    # PolNeAR's event trigger is a second text-bound annotation over the cue.
    trigger_span = (a.cue.start, a.cue.end) if cue else (a.content.start, a.content.end)
    trigger = ann.span(label, [trigger_span]) or content
    eid = ann.event(trigger, label, [("Source", source), ("Cue", cue), ("Content", content)])
    ann.attribute("Stance", eid, a.stance)
    ann.attribute("Kind", eid, a.kind)
    ann.note(eid, a.id)
    if source and a.source:
        if a.source.group:
            ann.attribute("Group", source)
        speaker = d.entity(a.source.entity)
        if speaker:
            ann.note(source, f"{speaker.id} {speaker.name}")


def brat_ann(d: Dossier) -> str:
    """The .ann text of one dossier: entity mentions (typed, a note names the entity), then each
    attribution as Source/Cue/Content spans and an ``Attribution`` event with Stance/Kind attributes."""
    ann = _Ann(d.document.text)
    for e in d.entities:
        for m in e.mentions:
            tid = ann.span(e.type, [(m.start, m.end)])
            if tid:
                ann.note(tid, f"{e.id} {e.name}")
    for a in d.attributions:
        _add_attribution(ann, d, a)
    return "".join(line + "\n" for line in ann.lines)


def write_brat(dossiers: Iterable[Dossier], folder: Path) -> int:
    """``<name>.txt`` + ``<name>.ann`` per dossier and an annotation.conf in ``folder``; the count."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annotation.conf").write_text(BRAT_CONF, encoding="utf-8")
    n = 0
    for d in dossiers:
        stem = brat_name(d.document.id)
        # newline="": the .txt must hold document.text exactly, or every offset after a \r\n shifts.
        with open(folder / f"{stem}.txt", "w", encoding="utf-8", newline="") as f:
            f.write(d.document.text)
        with open(folder / f"{stem}.ann", "w", encoding="utf-8", newline="") as f:
            f.write(brat_ann(d))
        n += 1
    return n
