"""The same person from article to article: ``who`` answers grouped into people.

Appearances come from the store already matched by normalised name (full name or alias). Within a
name, two appearances are one person when they share a role title (case and spacing folded:
"Harbour minister" = "harbour minister"); roles that never meet keep two people with one name apart
(a minister and a deputy mayor both called Greta Holm). An appearance with no role says nothing
either way: it joins the person seen in the most articles (the likeliest reading), or starts one
when there is none. A rule, not a model: a person whose title changes between articles (minister,
then former minister) is split — the timeline shows both.
"""
from __future__ import annotations

from dataclasses import dataclass

from .store.base import Appearance, norm_name


@dataclass(frozen=True)
class Person:
    name: str  # the fullest name seen
    roles: tuple[str, ...]
    appearances: tuple[Appearance, ...]


def _role(title: str) -> str:
    return " ".join(title.casefold().split())


def link_people(appearances: list[Appearance]) -> list[Person]:
    """Group appearances (in date order) into people; people ordered by their first appearance."""
    groups: list[list[Appearance]] = []
    roles: list[set[str]] = []
    unplaced: list[Appearance] = []
    for a in appearances:
        mine = {_role(r) for r in a.roles if r.strip()}
        if not mine:
            unplaced.append(a)
            continue
        hits = [i for i, rs in enumerate(roles) if rs & mine]
        if not hits:
            groups.append([a])
            roles.append(set(mine))
            continue
        keep = hits[0]  # it bridges these groups: one person after all
        for i in reversed(hits[1:]):
            groups[keep].extend(groups.pop(i))
            roles[keep] |= roles.pop(i)
        groups[keep].append(a)
        roles[keep] |= mine
    if unplaced:
        if groups:
            max(groups, key=len).extend(unplaced)
        else:
            groups.append(unplaced)
    order = {id(a): n for n, a in enumerate(appearances)}
    people = []
    for g in groups:
        g.sort(key=lambda a: order[id(a)])
        name = max((a.name for a in g), key=lambda n: (len(norm_name(n).split()), len(n)))
        seen = list(dict.fromkeys(r for a in g for r in a.roles))
        people.append(Person(name, tuple(seen), tuple(g)))
    return sorted(people, key=lambda p: order[id(p.appearances[0])])
