"""Article text with overlapping highlights, as escaped HTML.

Highlights (speakers, cues, quotes, claims) are character spans into ``Document.text`` that nest
and overlap. The text is cut at every span boundary and at every paragraph break; spans are
opened outermost first and, where one ends while a span opened inside it is still running, the
inner one is closed and reopened (a "continuation" piece). Properly nested spans therefore stay
whole elements, and only real overlaps (or a quote running over paragraphs) are split. Every
piece carries ``data-ref`` so the page can treat the pieces of one highlight as one; only the first
piece is focusable. Cost: one sort of the spans, then O(spans × nesting depth).

Everything from the article is escaped here with ``markupsafe.escape``; the result is ``Markup``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markupsafe import Markup, escape

_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")  # a blank line (possibly holding spaces) ends a paragraph
KIND_RANK = {"quote": 0, "claim": 1, "speaker": 2, "cue": 3}  # equal spans: quote outside claim, …


@dataclass(frozen=True)
class Mark:
    """One highlight: ``kind`` names its CSS class, ``ref`` the attribution or claim it shows."""

    start: int
    end: int
    kind: str
    ref: str
    classes: tuple[str, ...] = ()  # extra classes ("status-denied", "direct")
    data: tuple[tuple[str, str], ...] = field(default=())  # data-* attributes (escaped on output)


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    mark: Mark


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; blank lines between them are dropped."""
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _clip(marks: list[Mark], paras: list[tuple[int, int]]) -> Iterator[list[Piece]]:
    """Per paragraph, the marks' pieces inside it (marks sorted by start; one sweep)."""
    i, alive = 0, []
    for ps, pe in paras:
        while i < len(marks) and marks[i].start < pe:
            alive.append(marks[i])
            i += 1
        alive = [m for m in alive if m.end > ps]
        yield [Piece(max(m.start, ps), min(m.end, pe), m) for m in alive if min(m.end, pe) > max(m.start, ps)]


def _outer_first(p: Piece) -> tuple[int, int, str]:
    return (-p.end, KIND_RANK.get(p.mark.kind, 9), p.mark.ref)


def tokens(text: str, marks: Iterable[Mark]) -> Iterator[tuple]:
    """The flat structure of the highlighted text: ("p",) / ("/p",) paragraph bounds,
    ("open", mark, first), ("close", mark) and ("text", str), properly nested."""
    good = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    seen: set[tuple[str, str]] = set()
    for (ps, pe), pieces in zip(paras := paragraphs(text), _clip(good, paras)):
        yield ("p",)
        starts: dict[int, list[Piece]] = {}
        for p in pieces:
            starts.setdefault(p.start, []).append(p)
        bounds = sorted({ps, pe, *starts, *(p.end for p in pieces)})
        stack: list[Piece] = []
        for n, pos in enumerate(bounds):
            reopen: list[Piece] = []
            ending = sum(1 for p in stack if p.end == pos)
            while ending:
                top = stack.pop()
                yield ("close", top.mark)
                if top.end == pos:
                    ending -= 1
                else:
                    reopen.append(top)
            for p in sorted(reopen + starts.get(pos, []), key=_outer_first):
                key = (p.mark.kind, p.mark.ref)
                yield ("open", p.mark, key not in seen)
                seen.add(key)
                stack.append(p)
            if n + 1 < len(bounds):
                yield ("text", text[pos:bounds[n + 1]])
        for p in reversed(stack):
            yield ("close", p.mark)
        yield ("/p",)


def _open_tag(m: Mark, first: bool) -> str:
    classes = " ".join(("hl", m.kind, *m.classes, *(() if first else ("cont",))))
    attrs = [f'class="{escape(classes)}"', f'data-ref="{escape(m.ref)}"']
    attrs += [f'data-{escape(k)}="{escape(v)}"' for k, v in m.data]
    if first:  # one tab stop per highlight; its details are the hidden block #d-REF
        attrs += ['tabindex="0"', f'aria-describedby="d-{escape(m.ref)}"']
    return f"<mark {' '.join(attrs)}>"


def to_html(text: str, marks: Iterable[Mark]) -> Markup:
    """The article as ``<p>`` paragraphs with ``<mark>`` highlights, everything escaped."""
    out: list[str] = []
    for t in tokens(text, marks):
        kind = t[0]
        if kind == "text":
            out.append(str(escape(t[1])))
        elif kind == "open":
            out.append(_open_tag(t[1], t[2]))
        elif kind == "close":
            out.append("</mark>")
        else:
            out.append("<p>" if kind == "p" else "</p>\n")
    return Markup("".join(out))
