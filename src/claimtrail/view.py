"""The readable terminal dossier: who is in the article, who said what, and when.

Plain text for an 80-column terminal; bold headings only when asked (the CLI asks when stdout is a
terminal and ``NO_COLOR`` is unset). Works on ``Dossier`` records alone: no spaCy here.
"""
from __future__ import annotations

from .claims_board import claims_board
from .model import Attribution, Dossier, Entity, Failure
from .textfmt import UNATTRIBUTED, shorten, wrap as _wrap

WIDTH = 80
CONTENT_CHARS = 220  # a statement longer than this is shortened (the JSON output has it whole)
SPEAKER_CHARS = 60  # an unresolved source's own words, shortened ("One ambassador, who asked …")


def render(d: Dossier, width: int = WIDTH, color: bool = False) -> str:
    """The dossier as readable text, ending with a newline."""
    out: list[str] = []
    head = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    out += _header(d, width, head)
    for title, lines in (("PEOPLE", _people(d, width)), ("WHO SAID WHAT", _statements(d, width)),
                         ("CLAIMS", _claims(d, width)), ("TIMES", _times(d, width)),
                         ("ALSO MENTIONED", _others(d, width))):
        if lines:
            out += ["", head(title), *lines]
    return "\n".join(out) + "\n"


def render_failure(f: Failure) -> str:
    return f"FAILED  {f.origin}: {f.message} [{f.code}]\n"


def _header(d: Dossier, width: int, head) -> list[str]:  # type: ignore[no-untyped-def]
    doc = d.document
    title = doc.title or _first_line(doc.text)
    title = shorten(title, width)
    lines = [head(title), "=" * max(len(title), 20)]
    published = f"{doc.published} ({doc.published_basis or 'given'})" if doc.published else "unknown"
    lines.append(f"id {doc.id}   published {published}")
    extra = [f"by {doc.author}" if doc.author else "", doc.source or "", doc.url or ""]
    if any(extra):
        lines.append("   ".join(x for x in extra if x))
    people = sum(1 for e in d.entities if e.type == "PERSON")
    lines.append(f"{people} {_plural(people, 'person', 'people')}, {len(d.attributions)} "
                 f"{_plural(len(d.attributions), 'statement')}, {len(d.timexes)} "
                 f"{_plural(len(d.timexes), 'time')} mentioned")
    for f in d.flags:
        lines += _wrap(f"! {f.code}: {f.message}", width, "  ")
    return lines


def _people(d: Dossier, width: int) -> list[str]:
    lines = []
    for e in d.entities:
        if e.type != "PERSON":
            continue
        roles = _roles(e)
        said = sum(1 for a in d.attributions if a.source and a.source.entity == e.id)
        bits = [f"{len(e.mentions)} {_plural(len(e.mentions), 'mention')}"] + ([f"{said} said"] if said else [])
        lines += _wrap(f"{e.name}" + (f" — {roles}" if roles else "") + f"  ({', '.join(bits)})", width, "  ", "      ")
    return lines


def _roles(e: Entity) -> str:
    seen: list[str] = []
    for r in e.roles:
        label = r.title or r.text
        if r.organization and r.organization.lower() not in label.lower():
            label += f", {r.organization}"
        if label and label.lower() not in (s.lower() for s in seen):
            seen.append(label)
    return "; ".join(seen)


def speaker(d: Dossier, a: Attribution) -> str:
    """Who an attribution is credited to: the entity's name, else the source's words, else unknown."""
    if a.source is None or not a.source.text:
        return UNATTRIBUTED
    ent = d.entity(a.source.entity)
    if ent is not None:
        return ent.name
    words = shorten(a.source.text, SPEAKER_CHARS)
    return words + (" (group)" if a.source.group else "")


def _statements(d: Dossier, width: int) -> list[str]:
    groups: dict[str, list[Attribution]] = {}
    for a in d.attributions:  # speakers in order of their first statement
        groups.setdefault(speaker(d, a), []).append(a)
    lines: list[str] = []
    for who, items in groups.items():
        lines.append(f"  {who}")
        for a in items:
            # a split quote shows its pieces, not the cue and source between them
            pieces = a.content.parts or (a.content,)
            content = " … ".join(" ".join(p.text.split()) for p in pieces)
            if len(content) > CONTENT_CHARS:
                content = content[:CONTENT_CHARS].rsplit(" ", 1)[0] + " …"
            # how the text names a resolved speaker here, when not by name ("she", "the spokeswoman")
            via = f", as “{a.source.text}”" if a.source and a.source.entity and who not in a.source.text else ""
            lines += _wrap(f"- {a.stance} ({a.kind}, “{a.cue.text}”{via}): {content}", width, "    ", "      ")
    return lines


def _claims(d: Dossier, width: int) -> list[str]:
    board = claims_board(d, width - 2)  # grouped by status, each claim with its sources
    return ["  " + line if line else "" for line in board.rstrip("\n").split("\n")] if board else []


def _times(d: Dossier, width: int) -> list[str]:
    if not d.timexes:
        return []
    col = min(max(len(t.text) for t in d.timexes), 30)
    return [f"  {shorten(t.text, 30, placeholder='…'):<{col}}  {t.value or '?'}  ({t.type.lower()})"
            for t in d.timexes]


def _others(d: Dossier, width: int) -> list[str]:
    names = [f"{e.name} ({e.type.lower()})" for e in d.entities if e.type != "PERSON"]
    return _wrap(", ".join(names), width, "  ") if names else []


def _first_line(text: str) -> str:
    """No title given: the first line stands in (a headline, or the lead shortened by the header)."""
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "(untitled)")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return one if n == 1 else (many or one + "s")
