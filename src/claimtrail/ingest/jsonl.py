"""JSONL: one article a line (``id``, ``text`` or ``html``, ``title``, ``published``, ``url``, ``source``).

Each line becomes an ``Article`` whose origin is ``NAME:LINE`` (1-based, blank lines counted), or a
``Failure`` ("bad-record", "too-large") that takes the line's place: one bad line never stops the
rest. ``text`` is kept exactly as the line has it (the dossier's offsets point into it). Lines are
split on ``\\n`` bytes only, never on the other characters ``str.splitlines`` treats as line ends
(U+2028 may sit raw inside a JSON string). The size limit applies to each line, not the whole file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from ..config import Options
from ..errors import ClaimtrailError
from ..model import Article, Failure
from .dates import normalise_date
from .html import article_from_html

FIELDS = ("id", "text", "html", "title", "published", "url", "source", "author")


def read_lines(stream: BinaryIO, limit: int, prefix: Iterable[bytes] = ()) -> Iterator[bytes | None]:
    """The stream's lines (``prefix`` first); ``None`` stands for a line longer than ``limit`` bytes,
    which is skipped without ever being held in memory whole."""
    yield from prefix
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the over-long line
                line = stream.readline(1 << 20)
            yield None
            continue
        yield line


def iter_jsonl(lines: Iterable[bytes | None], name: str, options: Options) -> Iterator[Article | Failure]:
    for number, line in enumerate(lines, 1):
        origin = f"{name}:{number}"
        if line is None:
            yield Failure(origin, "too-large", f"the line is over the size limit of {options.max_bytes} bytes")
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte-order mark some editors write
        if not line.strip():
            continue
        try:
            yield article_from_record(_load(line), origin)
        except ClaimtrailError as exc:
            rid = _peek_id(line)
            yield Failure(origin, exc.code, exc.message, id=rid)


def _load(line: bytes) -> Any:
    try:
        return json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ClaimtrailError("bad-record", f"the line is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ClaimtrailError("bad-record", f"the line is not valid JSON ({exc.msg}, column {exc.colno})") from None


def article_from_record(rec: Any, origin: str) -> Article:
    """One JSONL record to an Article; ``ClaimtrailError("bad-record")`` explains what is wrong."""
    if not isinstance(rec, dict):
        raise ClaimtrailError("bad-record", f"the line is a JSON {type(rec).__name__}, not an object")
    for key in FIELDS:
        if key in rec and rec[key] is not None and not isinstance(rec[key], str) and \
                not (key == "id" and isinstance(rec[key], int) and not isinstance(rec[key], bool)):
            raise ClaimtrailError("bad-record", f"field {key!r} must be a string")
    rid = str(rec["id"]) if rec.get("id") is not None else None
    published = None
    if rec.get("published"):
        published = normalise_date(rec["published"])
        if published is None:
            raise ClaimtrailError("bad-record", f"field 'published' is not a date: {rec['published']!r}")
    fields = dict(id=rid, title=rec.get("title"), url=rec.get("url"), source=rec.get("source"),
                  author=rec.get("author"), published=published,
                  published_basis="metadata" if published else None)
    if isinstance(rec.get("text"), str):
        return Article(text=rec["text"], origin=origin, **fields)  # type: ignore[arg-type]
    if isinstance(rec.get("html"), str):
        page = article_from_html(rec["html"], origin)  # the record's own fields win over the page's
        return replace(page, **{k: v for k, v in fields.items() if v is not None})
    raise ClaimtrailError("bad-record", "the record has neither a 'text' nor an 'html' field")


def _peek_id(line: bytes) -> str | None:
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    rid = rec.get("id") if isinstance(rec, dict) else None
    return str(rid) if isinstance(rid, (str, int)) else None
