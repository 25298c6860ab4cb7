"""Linking one person across articles: same name and a shared role = one person; roles that never
meet = two people; no role = joins the best-attested person."""
from __future__ import annotations

import pytest

from claimtrail.people import link_people
from claimtrail.store.base import Appearance, ArticleRef


def app(article: str, name: str, *roles: str) -> Appearance:
    return Appearance(ArticleRef(article, "sha256:" + article, None, None), "E1", name, "PERSON", roles)


@pytest.mark.parametrize("appearances, people", [
    # one person, role spelled with other case and spacing
    ([app("a1", "Greta Holm", "Harbour minister"), app("a2", "Greta Holm", "harbour  minister")],
     [("Greta Holm", ["a1", "a2"])]),
    # one name, two roles that never meet: two people
    ([app("a1", "Greta Holm", "harbour minister"), app("a2", "Greta Holm", "deputy mayor")],
     [("Greta Holm", ["a1"]), ("Greta Holm", ["a2"])]),
    # a third article with both roles joins them
    ([app("a1", "Greta Holm", "harbour minister"), app("a2", "Greta Holm", "deputy mayor"),
      app("a3", "Greta Holm", "deputy mayor", "harbour minister")],
     [("Greta Holm", ["a1", "a2", "a3"])]),
    # no role: joins the person in most articles; the fullest name names the person
    ([app("a1", "Holm", "deputy mayor"), app("a2", "Greta Holm", "harbour minister"),
      app("a3", "Greta Holm", "harbour minister"), app("a4", "Holm")],
     [("Holm", ["a1"]), ("Greta Holm", ["a2", "a3", "a4"])]),
    # no roles anywhere: one person
    ([app("a1", "Greta Holm"), app("a2", "Holm")], [("Greta Holm", ["a1", "a2"])]),
    ([], []),
    # a title that changes with time, or is written the other way round, is still one person
    ([app("a1", "Greta Holm", "harbour minister"), app("a2", "Greta Holm", "former harbour minister"),
      app("a3", "Greta Holm", "Minister of Harbour"), app("a4", "Greta Holm", "minister")],
     [("Greta Holm", ["a1", "a2", "a3", "a4"])]),
    ([app("a1", "Hua Chunying", "Foreign Ministry spokeswoman"), app("a2", "Hua Chunying", "spokeswoman")],
     [("Hua Chunying", ["a1", "a2"])]),
    ([app("a1", "Olaf Scholz", "finance minister"), app("a2", "Olaf Scholz", "minister of finance"),
      app("a3", "Olaf Scholz", "acting chancellor")],
     [("Olaf Scholz", ["a1", "a2"]), ("Olaf Scholz", ["a3"])]),
    # a real change of office still splits: a rule, not a model
    ([app("a1", "Greta Holm", "harbour minister"), app("a2", "Greta Holm", "prime minister")],
     [("Greta Holm", ["a1"]), ("Greta Holm", ["a2"])]),
])
def test_link_people(appearances: list[Appearance], people: list[tuple[str, list[str]]]) -> None:
    got = link_people(appearances)
    assert [(p.name, [a.article.id for a in p.appearances]) for p in got] == people
