"""Quotation spans of a text, found in one linear pass (part of the attribution stage).

Double quotes only: straight ``"`` toggles, curly ``“`` opens and ``”`` closes. A quote left open
at a paragraph's end continues when the next paragraph opens with a quote mark (the newspaper
convention for quotes running over paragraphs); otherwise it is unbalanced: closed at the
paragraph's end and reported, so the rest of the article is still read.
"""
from __future__ import annotations

OPEN = "“„‟«"
CLOSE = "”»"
STRAIGHT = '"'
MARKS = OPEN + CLOSE + STRAIGHT


def _para_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i > start:
                out.append((start, i))
            start = i + 1
    if len(text) > start:
        out.append((start, len(text)))
    return out


def _opens_with_quote(text: str, s: int, e: int) -> bool:
    i = s
    while i < e and text[i].isspace():
        i += 1
    return i < e and (text[i] in OPEN + STRAIGHT or text.startswith("''", i))


def _shape(text: str, start: int, end: int, ps: int, pe: int) -> str:
    """'open' or 'close' where the mark's neighbours say so unambiguously, else ''."""
    before = text[start - 1] if start > ps else " "
    after = text[end + 1] if end + 1 < pe else " "
    opens = (before.isspace() or before in "([—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-" or after in MARKS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return ""


def find_quotes(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Quote spans (mark to mark inclusive) in order, and positions of unbalanced marks."""
    quotes: list[tuple[int, int]] = []
    bad: list[int] = []
    paras = _para_bounds(text)
    open_at: int | None = None
    for pi, (ps, pe) in enumerate(paras):
        first_mark_skipped = open_at is None  # a continued quote re-opens with this paragraph's mark
        i = ps - 1
        while i + 1 < pe:
            i += 1
            ch = text[i]
            if ch == "'" and i + 1 < pe and text[i + 1] == "'":
                ch = STRAIGHT  # typewriter '' used as a double quote (some wire copy)
                i += 1
            elif ch not in MARKS:
                continue
            if not first_mark_skipped:
                first_mark_skipped = True
                if ch in OPEN or ch == STRAIGHT:
                    continue
            start = i - 1 if text[i] == "'" else i
            shape = _shape(text, start, i, ps, pe)
            if ch in OPEN:
                if open_at is not None and shape == "close":
                    quotes.append((open_at, i + 1))  # an opening mark typed where a closing one belongs
                    open_at = None
                elif shape == "close":
                    bad.append(i)
                else:
                    if open_at is not None:
                        bad.append(open_at)
                    open_at = i
            elif ch in CLOSE:
                if open_at is None:
                    if shape == "open":
                        open_at = i  # a closing mark typed where an opening one belongs
                    else:
                        bad.append(i)
                else:
                    quotes.append((open_at, i + 1))
                    open_at = None
            else:  # straight: toggle
                if open_at is None:
                    open_at = i - 1 if text[i] == "'" else i
                else:
                    quotes.append((open_at, i + 1))
                    open_at = None
        if open_at is not None:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and _opens_with_quote(text, *nxt):
                continue  # runs on into the next paragraph
            bad.append(open_at)
            end = pe
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            quotes.append((open_at, end))
            open_at = None
    return quotes, bad
