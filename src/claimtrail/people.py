"""The same person from article to article: ``who`` answers grouped into people.

Appearances come from the store already matched by normalised name (full name or alias). Within a
name, two appearances are one person when they share a role title (case and spacing folded:
"Harbour minister" = "harbour minister"); roles that never meet keep two people with one name apart
(a minister and a deputy mayor both called Greta Holm). An appearance with no role says nothing
either way: it joins the person seen in the most articles (the likeliest reading), or starts one
when there is none.

Titles change between articles, so roles are compared loosely: words of time ("former", "acting",
"outgoing", "new", …) are dropped, "minister of finance" reads as "finance minister", and a title
that is the tail of another ("minister" / "finance minister", "spokeswoman" / "foreign ministry
spokeswoman") matches it. A rule, not a model: a real change of office ("harbour minister" who
becomes "prime minister") still splits the person — the timeline shows both.
"""
from __future__ import annotations

from dataclasses import dataclass

from .store.base import Appearance, norm_name


@dataclass(frozen=True)
class Person:
    name: str  # the fullest name seen
    roles: tuple[str, ...]
    appearances: tuple[Appearance, ...]


_TIME_WORDS = frozenset("former ex then now acting interim outgoing incoming new newly appointed current "
                        "retired designate elect the a an".split())


def _role(title: str) -> tuple[str, ...]:
    """A title's comparable words: folded, time words dropped, "X of Y" read as "Y X"."""
    words = title.casefold().replace("-", " ").split()
    if "of" in words[1:-1]:  # "minister of finance" -> "finance minister"
        i = words.index("of")
        words = words[i + 1:] + words[:i]
    return tuple(w for w in words if w not in _TIME_WORDS)


def _meet(mine: set[tuple[str, ...]], theirs: set[tuple[str, ...]]) -> bool:
    """Two sets of roles meet when a title equals another or is its tail ("minister" in "finance minister")."""
    for a in mine:
        for b in theirs:
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if short and long_[len(long_) - len(short):] == short:
                return True
    return False


def link_people(appearances: list[Appearance]) -> list[Person]:
    """Group appearances (in date order) into people; people ordered by their first appearance."""
    groups: list[list[Appearance]] = []
    roles: list[set[tuple[str, ...]]] = []
    unplaced: list[Appearance] = []
    for a in appearances:
        mine = {k for r in a.roles if (k := _role(r))}
        if not mine:
            unplaced.append(a)
            continue
        hits = [i for i, rs in enumerate(roles) if _meet(mine, rs)]
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
