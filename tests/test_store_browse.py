"""Paged listings (store/browse.py) on hand-built dossiers, against SQLite and a real PostgreSQL."""
from __future__ import annotations

import sqlite3

import pytest

from claimtrail.store import open_store
from claimtrail.store.queries import MAX_LIMIT, Filter
from claimtrail.store.sql import migrations, split_sql
from test_store import first, make_dossier, second, undated


def orban(day: str, doc_id: str, spelling: str = "Viktor Orbán") -> object:
    text = f"Prime minister {spelling} said the border fence would stay. Analysts doubted it."
    return make_dossier(text, published=day, doc_id=doc_id, people={"E1": (spelling, ["Prime minister"])},
                        says=[("A1", "E1", "said", "the border fence would stay")],
                        claims=[("the border fence would stay", "asserted", ["E1"], ["A1"])])


@pytest.fixture
def corpus(db_url):  # type: ignore[no-untyped-def]  # noqa: F811
    with open_store(db_url) as s:
        for d in (first(), second(), undated(), orban("2026-03-05", "o1"), orban("2026-03-01", "o2", "Viktor Orban")):
            assert s.put(d)
        yield s


def ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.article.id for item in page.items]


def test_articles_newest_first_undated_last(corpus) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_articles()
    assert page.total == 5 and page.offset == 0 and page.limit == 20
    assert ids(page)[:4] == ["o1", "a2", "a1", "o2"]
    assert page.items[4].article.published is None
    a1 = page.items[2]
    assert (a1.article.title, a1.entities, a1.attributions, a1.claims) == ("Ferry contract cancelled", 2, 2, 1)


@pytest.mark.parametrize("flt, expected", [
    (Filter(entity="greta holm"), ["a2", "a1", "undated"]),
    (Filter(entity="Holm"), ["a2"]),  # the alias is a name of E1 in the second article only
    (Filter(entity="viktor ORBÁN's"), ["o1", "o2"]),  # accents and possessive folded; both spellings
    (Filter(date_from="2026-03-02", date_to="2026-03-03"), ["a2", "a1"]),
    (Filter(date_from="2026-03-04"), ["o1"]),
    (Filter(date_to="2026-03-01"), ["o2"]),
    (Filter(entity="Greta Holm", date_to="2026-03-02"), ["a1"]),
    (Filter(entity="nobody at all"), []),
])
def test_article_filters(corpus, flt, expected) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_articles(flt)
    got = ["undated" if i.article.published is None else i.article.id for i in page.items]
    assert got == expected and page.total == len(expected)


def test_paging_is_stable_and_clamped(corpus) -> None:  # type: ignore[no-untyped-def]
    everything = ids(corpus.list_articles())
    pages = [ids(corpus.list_articles(Filter(offset=o, limit=2))) for o in (0, 2, 4)]
    assert sum(pages, []) == everything
    assert corpus.list_articles(Filter(offset=99)).items == () and corpus.list_articles(Filter(offset=99)).total == 5
    big = corpus.list_articles(Filter(limit=10_000))
    assert big.limit == MAX_LIMIT and len(big.items) == 5
    assert corpus.list_articles(Filter(limit=0)).items == ()
    assert corpus.list_articles(Filter(offset=-3)).offset == 0


def test_entities_group_spellings_and_count(corpus) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_entities()
    rows = {(e.name, e.type): e for e in page.items}
    assert page.total == 3  # Greta Holm, Tomas Vik, Viktor Orbán/Orban
    holm = page.items[0]
    assert (holm.name, holm.articles, holm.statements) == ("Greta Holm", 3, 2)
    assert holm.roles == ("Deputy mayor", "Harbour minister", "harbour minister")
    viktor = [e for e in page.items if e.name.startswith("Viktor")][0]
    assert viktor.articles == 2 and viktor.statements == 2
    assert rows[("Tomas Vik", "PERSON")].articles == 1


@pytest.mark.parametrize("prefix, etype, expected", [
    ("gre", None, ["Greta Holm"]),
    ("HOLM", None, ["Greta Holm"]),  # any word of the name, case folded
    ("orb", None, ["Viktor"]),
    ("vik", None, ["Viktor", "Tomas Vik"]),  # "Vik" is a word of Tomas Vik; Viktor is in more articles
    ("%", None, []),  # LIKE wildcards are plain characters
    ("_", None, []),
    (None, "org", []),
    (None, "person", ["Greta Holm", "Viktor", "Tomas Vik"]),
])
def test_entity_prefix_and_type(corpus, prefix, etype, expected) -> None:  # type: ignore[no-untyped-def]
    names = [e.name for e in corpus.list_entities(prefix=prefix, type=etype).items]
    assert [n if not n.startswith("Viktor") else "Viktor" for n in names] == expected


def test_entities_in_a_date_range(corpus) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_entities(Filter(date_from="2026-03-03"))
    got = {e.name.split()[0]: (e.articles, e.statements) for e in page.items}
    assert got == {"Greta": (1, 1), "Viktor": (1, 1)}
    assert corpus.list_entities(Filter(limit=1, offset=1)).items[0].name.startswith("Viktor")


@pytest.mark.parametrize("flt, expected", [
    (Filter(), [("o1", "A1"), ("a2", "A1"), ("a1", "A1"), ("a1", "A2"), ("o2", "A1")]),
    (Filter(stance="assert", entity="tomas vik"), [("a1", "A2")]),
    (Filter(entity="Holm"), [("a2", "A1")]),
    (Filter(date_from="2026-03-02", date_to="2026-03-02"), [("a1", "A1"), ("a1", "A2")]),
    (Filter(stance="deny"), []),
])
def test_attributions(corpus, flt, expected) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_attributions(flt)
    assert [(r.article.id, r.attribution) for r in page.items] == expected and page.total == len(expected)


def test_attribution_row_fields(corpus) -> None:  # type: ignore[no-untyped-def]
    row = corpus.list_attributions(Filter(entity="Tomas Vik")).items[0]
    assert (row.source, row.entity, row.kind, row.stance, row.cue, row.content) == (
        "Tomas Vik", "Tomas Vik", "indirect", "assert", "said", "the minister had misled parliament")


@pytest.mark.parametrize("flt, expected", [
    (Filter(), ["o1", "a2", "a1", "o2", None]),
    (Filter(status="denied"), ["a2"]),
    (Filter(entity="Greta Holm"), ["a2", "a1", None]),
    (Filter(entity="Greta Holm", status="asserted", date_from="2026-01-01"), ["a1"]),
])
def test_claims(corpus, flt, expected) -> None:  # type: ignore[no-untyped-def]
    page = corpus.list_claims(flt)
    assert [r.article.id if r.article.published else None for r in page.items] == expected
    assert page.total == len(expected)


def test_claim_row_fields(corpus) -> None:  # type: ignore[no-untyped-def]
    row = corpus.list_claims(Filter(status="denied")).items[0]
    assert (row.claim, row.text, row.status) == ("C1", "she had misled parliament", "denied")
    assert row.evidence == ({"source": "Greta Holm", "stance": "assert"},)
    assert row.cluster is None  # not clustered yet
    assert corpus.list_claims(cluster=12345).total == 0


def test_empty_store(db_url) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with open_store(db_url) as s:
        for page in (s.list_articles(), s.list_entities(), s.list_attributions(), s.list_claims()):
            assert page.items == () and page.total == 0


def test_migration_3_fills_names_of_an_older_store(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A store written before migration 3: schema 1 by hand, one article, then opened by this claimtrail.
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
    for statement in split_sql(dict(migrations("sqlite"))[1]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1, 'then')")
    conn.execute("INSERT INTO articles (id, content_hash, doc_id, stored_at, text, dossier, published) "
                 "VALUES (1, 'h', 'old', 'then', 'x', '{}', '2020-01-01')")
    conn.execute("INSERT INTO entities (id, article, entity, name, type, roles) "
                 "VALUES (1, 1, 'E1', 'Zoë Ångström', 'PERSON', '[\"mayor\"]')")
    conn.execute("INSERT INTO statements (article, attribution, entity, source, kind, stance, cue, content) "
                 "VALUES (1, 'A1', 1, 'Zoë Ångström', 'direct', 'deny', 'denied', 'it')")
    conn.commit()
    conn.close()
    with open_store(str(path)) as s:
        page = s.list_entities(prefix="ang")
        assert [(e.name, e.articles, e.statements, e.roles) for e in page.items] == [
            ("Zoë Ångström", 1, 1, ("mayor",))]
        assert s.list_attributions(Filter(stance="deny", date_to="2020-01-01")).total == 1
        assert s.list_attributions(Filter(date_from="2020-01-02")).total == 0


def test_claims_of_one_article(corpus) -> None:  # type: ignore[no-untyped-def]
    a2 = corpus.list_claims(Filter(status="denied")).items[0].article
    by_id = corpus.list_claims(article=a2.id)
    by_hash = corpus.list_claims(article=a2.content_hash)
    assert [r.article.id for r in by_id.items] == [a2.id] * by_id.total and by_id.total >= 1
    assert by_hash.items == by_id.items
    assert corpus.list_claims(article="no-such-article").total == 0
