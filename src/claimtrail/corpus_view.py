"""Terminal lines for the corpus queries (``who``, ``claims --about``, ``search``, ``failures``,
``clusters``)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from .people import Person
from .store.base import ArticleRef, ClaimEvent, SearchHit, StoredFailure
from .store.queries import ClusterSummary, ClusterTimeline


def _ref(a: ArticleRef) -> str:
    title = f"  {a.title}" if a.title else ""
    return f"{a.published or 'undated':<10}  {a.id}{title}"


def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def who_lines(people: list[Person]) -> Iterator[str]:
    for n, person in enumerate(people):
        roles = f" — {', '.join(person.roles)}" if person.roles else ""
        count = len(person.appearances)
        yield ("\n" if n else "") + f"{person.name}{roles} ({count} article{'' if count == 1 else 's'})"
        for p in person.appearances:
            yield f"  {_ref(p.article)}" + (f"\n      as {', '.join(p.roles)}" if p.roles else "")
            for s in p.statements:
                yield f"      {s.stance:<9} {_clip(s.content, 100)}"


def claim_lines(items: list[ClaimEvent]) -> Iterator[str]:
    for c in items:
        by = "; ".join(f"{e.get('source') or '?'} ({e.get('stance')})" for e in c.evidence)
        yield (f"{_ref(c.article)}\n    {c.status:<11} {_clip(c.text, 90)}"
               + (f"\n                by {by}" if by else ""))


def search_lines(items: list[SearchHit]) -> Iterator[str]:
    for h in items:
        yield f"{_ref(h.article)}\n    {_clip(h.snippet, 120)}"


def failure_lines(items: list[StoredFailure]) -> Iterator[str]:
    for f in items:
        tries = f" ({f.attempts} tries)" if f.attempts > 1 else ""
        yield f"{f.origin}: {f.message} [{f.code}]{tries}"


def cluster_list_lines(items: Sequence[ClusterSummary]) -> Iterator[str]:
    """One line per cluster: id, status, dates, size, label."""
    for c in items:
        span = c.first if c.first == c.last else f"{c.first or 'undated'} … {c.last or 'undated'}"
        size = f"{c.claims} claim{'' if c.claims == 1 else 's'}/{c.articles} article{'' if c.articles == 1 else 's'}"
        yield f"#{c.id:<6} {c.status:<11} {span or 'undated':<23}  {size:<22}  {_clip(c.label, 70)}"


def timeline_lines(t: ClusterTimeline) -> Iterator[str]:
    """A cluster's timeline: its label and status, then each event with the change it made and by whom."""
    c = t.cluster
    yield f"#{c.id} {_clip(c.label, 100)}"
    yield f"status: {c.status} — {c.claims} claim{'' if c.claims == 1 else 's'} in {c.articles} " \
          f"article{'' if c.articles == 1 else 's'}"
    for e in t.events:
        by = "; ".join(f"{s.get('source') or 'an unnamed source'} ({s.get('stance')})" for s in e.sources)
        mark = f"  → {e.change}" if e.change else ""
        yield (f"\n{_ref(e.article)}{mark}\n    {e.status:<11} {_clip(e.text, 90)}"
               + (f"\n                by {by}" if by else ""))
