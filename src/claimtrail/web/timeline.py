"""A claim cluster's timeline as inline SVG: x is the publication date, one point per article.

Points are coloured AND shaped by status (so colour is never the only cue), stacked where articles
share a date (at most ``MAX_STACK`` marks a date: past that, the status changes are drawn first and a
"+N" mark says how many more the table under the chart lists); a status change is marked with a dashed line and a label; each point links to its
article and carries a <title> (date, status, article, sources). Undated articles sit in a zone of
their own at the right. Only presentation attributes are used (no inline style), so the page's
Content-Security-Policy can forbid inline styles.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

from ..store.queries import ClusterEvent

WIDTH, HEIGHT = 760, 180
LEFT, RIGHT, BASE = 48, 24, 140  # margins, and the y of the date axis
UNDATED_W = 90  # the zone at the right for articles with no date
STACK = 20  # vertical step between points on the same date
MAX_STACK = 5  # marks stacked on one date; the plot's height holds no more
COLORS = {"confirmed": "#1a7f37", "asserted": "#0b5cad", "denied": "#b3261e", "disputed": "#a35200",
          "unconfirmed": "#6b4fa0", "unclear": "#555555"}


def shape(status: str, x: float, y: float, r: float = 7) -> str:
    """One status's mark: circle, square, cross, diamond, triangle, ring."""
    c = COLORS.get(status, "#555555")
    if status == "asserted":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{c}"/>'
    if status == "denied":
        return (f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x + r:.1f},{y - r:.1f}'
                f'L{x - r:.1f},{y + r:.1f}" stroke="{c}" stroke-width="4" fill="none"/>')
    if status == "disputed":
        return f'<path d="M{x:.1f},{y - r - 2:.1f}L{x + r + 2:.1f},{y:.1f}L{x:.1f},{y + r + 2:.1f}L{x - r - 2:.1f},{y:.1f}Z" fill="{c}"/>'
    if status == "unconfirmed":
        return f'<path d="M{x:.1f},{y - r - 1:.1f}L{x + r + 1:.1f},{y + r:.1f}L{x - r - 1:.1f},{y + r:.1f}Z" fill="{c}"/>'
    if status == "unclear":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 1:.1f}" fill="#fff" stroke="{c}" stroke-width="3"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{c}"/>'


def legend_icon(status: str) -> Markup:
    return Markup(f'<svg class="icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" '
                  f'focusable="false">{shape(status, 10, 10, 6)}</svg>')


def parse_date(value: str | None) -> date | None:
    """An ISO date, or its year/month prefix read as the first day; None when unreadable."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Point:
    event: ClusterEvent
    x: float
    y: float
    change: str | None


@dataclass(frozen=True)
class More:
    """Reports on one date beyond what the stack shows."""

    x: float
    y: float
    count: int


def changes(events: tuple[ClusterEvent, ...]) -> list[str | None]:
    """The store's change labels; where it gives none, a status differing from the previous one."""
    out: list[str | None] = []
    prev: str | None = None
    for e in events:
        out.append(e.change if e.change else (e.status if prev is not None and e.status != prev else None))
        prev = e.status
    return out


def arrange(events: tuple[ClusterEvent, ...]) -> tuple[list[Point], list[More]]:
    """The points drawn (x by date, stacked per date) and a "+N" mark for each date past ``MAX_STACK``."""
    dates = [parse_date(e.article.published) for e in events]
    known = [d for d in dates if d]
    lo, hi = (min(known), max(known)) if known else (None, None)
    span = (hi - lo).days if lo and hi else 0
    plot_right = WIDTH - RIGHT - (UNDATED_W if None in dates else 0)
    slots: dict[int, list[tuple[float, int]]] = {}  # rounded x -> (x, event index) stacked there
    for i, d in enumerate(dates):
        if d is None:
            x = WIDTH - RIGHT - UNDATED_W / 2
        elif span == 0:
            x = (LEFT + plot_right) / 2
        else:
            x = LEFT + (plot_right - LEFT) * (d - lo).days / span  # type: ignore[operator]
        slots.setdefault(round(x / 12), []).append((x, i))
    marks = changes(events)
    shown: list[tuple[int, float, float]] = []
    more: list[More] = []
    for stack in slots.values():
        if len(stack) > MAX_STACK:  # changes first, then the earliest stored; one place left for "+N"
            keep = sorted(stack, key=lambda xi: (marks[xi[1]] is None, xi[1]))[:MAX_STACK - 1]
            more.append(More(stack[0][0], BASE - 20 - (MAX_STACK - 1) * STACK, len(stack) - len(keep)))
            stack = sorted(keep, key=lambda xi: xi[1])
        shown += [(i, x, BASE - 20 - n * STACK) for n, (x, i) in enumerate(stack)]
    points = [Point(events[i], x, y, marks[i]) for i, x, y in sorted(shown)]
    return points, more


def _title(p: Point) -> str:
    e = p.event
    srcs = "; ".join(f"{s.get('source') or 'unattributed'} ({s.get('stance') or '?'})" for s in e.sources)
    bits = [e.article.published or "undated", e.status, e.article.title or e.article.id]
    if p.change:
        bits.append(f"change: {p.change}")
    if srcs:
        bits.append(f"sources: {srcs}")
    return " — ".join(bits)


def _anchor(x: float) -> str:
    """Labels near either edge are anchored inwards so they are not cut off."""
    if x < LEFT + 40:
        return "start"
    return "end" if x > WIDTH - RIGHT - 40 else "middle"


def _text(x: float, y: float, label: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y}" text-anchor="{_anchor(x)}" font-size="12"{weight} fill="#111">'
            f'{escape(label)}</text>')


def _axis(points: list[Point]) -> list[str]:
    out = [f'<line x1="{LEFT}" y1="{BASE}" x2="{WIDTH - RIGHT}" y2="{BASE}" stroke="#333" stroke-width="1"/>']
    placed: list[float] = []
    dated = [p for p in points if parse_date(p.event.article.published)]
    for p in (dated[:1] + dated[-1:] + dated[len(dated) // 2:len(dated) // 2 + 1]) if dated else []:
        if any(abs(p.x - x) < 90 for x in placed):  # a date label is ~75 px wide: never overlap two
            continue
        placed.append(p.x)
        out.append(f'<line x1="{p.x:.1f}" y1="{BASE}" x2="{p.x:.1f}" y2="{BASE + 6}" stroke="#333"/>')
        out.append(_text(p.x, BASE + 22, (p.event.article.published or "")[:10]))
    if len(dated) < len(points):
        out.append(_text(WIDTH - RIGHT - UNDATED_W / 2, BASE + 22, "undated"))
    return out


def timeline_svg(events: tuple[ClusterEvent, ...], label: str = "claim") -> Markup:
    """The whole chart; every text from the store is escaped."""
    points, more = arrange(events)
    body = _axis(points)
    for n, p in enumerate(q for q in points if q.change):
        y = 16 + (n % 2) * 16  # alternate label rows so neighbouring labels do not collide
        body.append(f'<g class="change"><line x1="{p.x:.1f}" y1="{y + 4}" x2="{p.x:.1f}" y2="{BASE}" '
                    f'stroke="#444" stroke-dasharray="4 3"/>{_text(p.x, y, p.change or "", True)}</g>')
    for p in points:
        e = p.event
        href = "/articles/" + quote(e.article.id, safe="")
        body.append(f'<a class="point status-{escape(e.status)}" href="{escape(href)}" '
                    f'aria-label="{escape(_title(p))}"><title>{escape(_title(p))}</title>'
                    f'{shape(e.status, p.x, p.y)}</a>')
    for m in more:
        hint = f"{m.count} more reports on this date: see the table below"
        body.append(f'<g class="more" aria-label="{escape(hint)}"><title>{escape(hint)}</title>'
                    f'{_text(m.x, int(m.y) + 4, f"+{m.count}", True)}</g>')
    head = (f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
            f'aria-label="{escape(f"Timeline of {label}: {len(events)} reports")}" '
            f'xmlns="http://www.w3.org/2000/svg">')
    return Markup(head + "".join(body) + "</svg>")
