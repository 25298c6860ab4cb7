"""The claims board: what the article reports, grouped by how sure anyone is, each with its sources.

Plain text for a terminal, from ``Dossier`` records alone (no spaCy). ``claims_board(d)`` returns
"" when the article has no claims, so a caller can skip the section.
"""
from __future__ import annotations

from .model import Attribution, Claim, Dossier
from .textfmt import UNATTRIBUTED, shorten, wrap

ORDER = ("confirmed", "asserted", "disputed", "denied", "unconfirmed", "unclear")
HEADINGS = {
    "confirmed": "CONFIRMED",
    "asserted": "ASSERTED (not independently confirmed)",
    "disputed": "DISPUTED",
    "denied": "DENIED",
    "unconfirmed": "UNCONFIRMED (rumour, speculation, unattributed, no comment)",
    "unclear": "UNCLEAR (the reporter says it is not known)",
}
VERBS = {"assert": "asserts", "confirm": "confirms", "deny": "denies", "speculate": "speculates",
         "decline": "declines to comment", "question": "asks"}
CLAIM_CHARS = 220


def _source_name(d: Dossier, a: Attribution) -> str:
    if a.source is None:
        return UNATTRIBUTED
    e = d.entity(a.source.entity)
    name = " ".join(a.source.text.split())
    if e is not None and e.name.lower() not in name.lower():
        name = f"{name} [{e.name}]"
    return shorten(name, 60)


def _claim_lines(d: Dossier, c: Claim, width: int) -> list[str]:
    text = shorten(c.text, CLAIM_CHARS)
    about = [e.name for x in c.about if (e := d.entity(x)) is not None]
    lines = wrap(f"- {text}", width, "", "  ")
    if about:
        lines += wrap(f"about: {', '.join(about)}", width, "    ", "      ")
    by_id = {a.id: a for a in d.attributions}
    sources = [by_id[x] for x in c.evidence if x in by_id]
    if not sources:
        lines.append("    source: the reporter")
    for a in sources:
        lines += wrap(f"{a.id} {_source_name(d, a)}: {VERBS.get(a.stance, a.stance)} "
                      f"(\u201c{a.cue.text}\u201d)", width, "    ", "      ")
    return lines


def claims_board(d: Dossier, width: int = 80) -> str:
    """Claims grouped by status (confirmed first, unclear last), each with its sources."""
    out: list[str] = []
    for status in ORDER:
        group = [c for c in d.claims if c.status == status]
        if not group:
            continue
        out += (["", HEADINGS[status]] if out else [HEADINGS[status]])
        for c in group:
            out += _claim_lines(d, c, width)
    return "\n".join(out) + "\n" if out else ""
