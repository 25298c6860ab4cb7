"""Stored dossiers as export rows: JSONL (the contract JSON, one dossier a line) or CSV (one row per
attribution: who said what, where, when — the table a spreadsheet user wants)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import Dossier

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
