"""Paths to a stream of articles: files, directories (recursively), ``-`` for stdin.

Nothing here raises for bad input: every problem becomes a ``Failure`` in the stream at the place
of the input it concerns, so a batch keeps its order and goes on. The stream is lazy: a large JSONL
file or directory is read as the pipeline consumes it.

Stdin (``-``) is read as ``stdin_format``: "text", "html", "jsonl", or "auto" (the default), which
takes JSONL when the first non-blank line starts with ``{``, HTML when it starts with
``<!doctype html`` or ``<html``, and plain text otherwise (see ``sniff_stdin``; a caller that must
know the format before reading, as the CLI does to choose its output, sniffs first and passes the
answer and the returned stream on).
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..config import Options
from ..errors import ClaimtrailError
from ..model import Article, Failure
from .html import article_from_html
from .jsonl import iter_jsonl, read_lines
from .text import decode_bytes

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN = "-"
STDIN_NAME = "<stdin>"


def read_inputs(paths: Iterable[str | Path], options: Options | None = None, *, published: str | None = None,
                stdin_format: str = "auto", stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Every article in ``paths``, in order; ``published`` (ISO date) overrides the inputs' own dates."""
    options = options or Options()
    for path in paths:
        for item in _read_one(path, options, stdin_format, stdin):
            yield _dated(item, published) if isinstance(item, Article) else item


def is_batch(paths: Iterable[str | Path], stdin_format: str = "auto") -> bool:
    """Whether ``paths`` can give more than one article (several inputs, a directory, JSONL)."""
    paths = list(paths)
    if len(paths) != 1:
        return True
    p = str(paths[0])
    if p == STDIN:
        return stdin_format == "jsonl"
    return Path(p).is_dir() or kind_of(Path(p)) == "jsonl"


def kind_of(path: Path) -> str:
    """"text", "html" or "jsonl" by suffix; other suffixes given explicitly are read as text."""
    return SUFFIXES.get(path.suffix.lower(), "text")


def expand(path: Path) -> list[Path]:
    """A directory's article files, recursively, sorted; hidden files and folders are skipped."""
    found = [p for p in path.rglob("*")
             if p.is_file() and p.suffix.lower() in SUFFIXES
             and not any(part.startswith(".") for part in p.relative_to(path).parts)]
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def _read_one(path: str | Path, options: Options, stdin_format: str,
              stdin: BinaryIO | None) -> Iterator[Article | Failure]:
    if str(path) == STDIN:
        yield from _read_stdin(stdin or sys.stdin.buffer, options, stdin_format)
        return
    path = Path(path)
    if path.is_dir():
        files = expand(path)
        if not files:
            yield Failure(str(path), "no-input", f"no .txt, .html, .htm or .jsonl files in the folder {path}")
        for f in files:
            yield from _read_file(f, options)
    elif path.exists():
        yield from _read_file(path, options)
    else:
        yield Failure(str(path), "not-found", "no such file or directory")


def _read_file(path: Path, options: Options) -> Iterator[Article | Failure]:
    origin = str(path)
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            with path.open("rb") as f:
                yield from iter_jsonl(read_lines(f, options.max_bytes), origin, options)
            return
        size = path.stat().st_size
        if size > options.max_bytes:
            raise ClaimtrailError("too-large", f"the file is over the size limit ({size:,} bytes > "
                                               f"{options.max_bytes:,}; see --max-bytes)")
        yield _article(path.read_bytes(), origin, kind)
    except ClaimtrailError as exc:
        yield Failure(origin, exc.code, exc.message)
    except OSError as exc:
        yield Failure(origin, "unreadable", f"the file could not be read ({exc.strerror or exc})")


def _article(data: bytes, origin: str, kind: str) -> Article:
    if not data.strip():
        raise ClaimtrailError("empty", "the article is empty")
    text = decode_bytes(data)
    if kind == "html":
        return article_from_html(text, origin)
    return Article(text=text, origin=origin)


class _Replay:
    """A binary stream that first gives back bytes already read from another (for sniffing stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readline(self, limit: int = -1) -> bytes:
        if self.head:
            cut = self.head.find(b"\n") + 1 or len(self.head)
            if limit >= 0:
                cut = min(cut, limit)
            line, self.head = self.head[:cut], self.head[cut:]
            if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
                return line
            return line + self.rest.readline(-1 if limit < 0 else limit - len(line))
        return self.rest.readline(limit)

    def read(self, n: int = -1) -> bytes:
        if n < 0:
            data, self.head = self.head + self.rest.read(), b""
            return data
        data, self.head = self.head[:n], self.head[n:]
        return data + (self.rest.read(n - len(data)) if len(data) < n else b"")


def sniff_stdin(stream: BinaryIO, limit: int = 1 << 16) -> tuple[str, BinaryIO]:
    """The format of a stdin stream ("jsonl", "html" or "text") and a stream that reads it whole.

    JSONL when the first non-blank line starts with ``{``; HTML when it starts with ``<!doctype html``
    or ``<html``; plain text otherwise. At most ``limit`` bytes are looked at.
    """
    head = b""
    while len(head) < limit:
        line = stream.readline(limit - len(head))
        head += line
        if not line or line.strip():
            break
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    fmt = ("jsonl" if first.startswith(b"{") else
           "html" if first.startswith((b"<!doctype html", b"<html")) else "text")
    return fmt, _Replay(head, stream)  # type: ignore[return-value]


def _read_stdin(stream: BinaryIO, options: Options, fmt: str) -> Iterator[Article | Failure]:
    if fmt == "auto":
        fmt, stream = sniff_stdin(stream)
    if fmt == "jsonl":
        yield from iter_jsonl(read_lines(stream, options.max_bytes), STDIN_NAME, options)
        return
    data = stream.read(options.max_bytes + 1)
    try:
        if len(data) > options.max_bytes:
            raise ClaimtrailError("too-large", f"the input is over the size limit of {options.max_bytes:,} bytes")
        yield _article(data, STDIN_NAME, fmt)
    except ClaimtrailError as exc:
        yield Failure(STDIN_NAME, exc.code, exc.message)


def _dated(art: Article, published: str | None) -> Article:
    """The publication date: given by the user, else the input's metadata (a dateline in the text
    is read later, by the pipeline, so that the Python API gets it too)."""
    if published:
        return replace(art, published=published, published_basis="given")
    return art
