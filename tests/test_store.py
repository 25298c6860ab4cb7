"""The corpus store on hand-built dossiers (no spaCy), against SQLite and a real PostgreSQL.

PostgreSQL runs when CLAIMTRAIL_TEST_PG names a server (`.ci/postgres.sh start` prints it); the
tests skip for it otherwise. Every backend passes the same tests.
"""
from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrail.model import (Attribution, Claim, Content, Document, Dossier, Entity, Failure, Mention, Role,
                              Source, Span)
from claimtrail.store import StoreError, content_hash, norm_name, open_store
from claimtrail.store.export import write_export

@pytest.fixture
def store(db_url):  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        yield s


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def _role(text: str, title: str) -> Role:
    s = _span(text, title)
    return Role(s.start, s.end, s.text, title=title)


def make_dossier(text: str, *, people: dict[str, tuple],  # (name, [role titles]) or (name, roles, aliases)
                 says: list[tuple[str, str, str, str]] = (),
                 claims: list[tuple[str, str, list[str], list[str]]] = (), published: str | None = None,
                 doc_id: str | None = None, title: str | None = None) -> Dossier:
    """A dossier from plain tables: people {id: (name, [role titles], [aliases])}; says [(attr id, speaker id,
    cue, content)]; claims [(text, status, about ids, evidence attr ids)]."""
    entities = []
    for eid, (name, roles, *aliases) in people.items():
        spans = [_span(text, name)]
        for alias in (aliases[0] if aliases else []):  # a later mention by the alias alone
            spans.append(_span(text, alias, spans[0].end))
        mentions = tuple(Mention(m.start, m.end, m.text, "name") for m in spans)
        entities.append(Entity(eid, name, "PERSON", mentions,
                               tuple(_role(text, r) for r in roles)))
    attributions = []
    for aid, speaker, cue, content in says:
        src = _span(text, people[speaker][0])
        c = _span(text, content)
        attributions.append(Attribution(aid, "indirect", Source(src.start, src.end, src.text, speaker),
                                        _span(text, cue), Content(c.start, c.end, c.text), "assert"))
    cl = tuple(Claim(s.start, s.end, s.text, id=f"C{i}", status=st, about=tuple(ab), evidence=tuple(ev))
               for i, (t, st, ab, ev) in enumerate(claims, 1) for s in [_span(text, t)])
    return Dossier(Document(doc_id or content_hash(text)[:23], text, title=title, published=published),
                   tuple(entities), tuple(attributions), cl, stages={"test": "1"})


ARTICLE_1 = ("Harbour minister Greta Holm said on Monday that the ferry contract would be cancelled. "
             "Opposition leader Tomas Vik said the minister had misled parliament.")
ARTICLE_2 = ("Greta Holm denied that she had misled parliament. Holm, the harbour minister, said the "
             "ferry contract was cancelled because of repeated delays.")
ARTICLE_3 = "Deputy mayor Greta Holm of Northby said the harbour museum would reopen in spring."


def first() -> Dossier:
    return make_dossier(ARTICLE_1, published="2026-03-02", doc_id="a1", title="Ferry contract cancelled",
                        people={"E1": ("Greta Holm", ["Harbour minister"]), "E2": ("Tomas Vik", ["Opposition leader"])},
                        says=[("A1", "E1", "said", "the ferry contract would be cancelled"),
                              ("A2", "E2", "said", "the minister had misled parliament")],
                        claims=[("the minister had misled parliament", "asserted", ["E1"], ["A2"])])


def second() -> Dossier:
    return make_dossier(ARTICLE_2, published="2026-03-03", doc_id="a2",
                        people={"E1": ("Greta Holm", ["harbour minister"], ["Holm"])},
                        says=[("A1", "E1", "denied", "she had misled parliament")],
                        claims=[("she had misled parliament", "denied", ["E1"], ["A1"])])


def undated() -> Dossier:
    return make_dossier(ARTICLE_3, people={"E1": ("Greta Holm", ["Deputy mayor"])},
                        claims=[("the harbour museum would reopen in spring", "asserted", ["E1"], [])])


def test_put_has_get_round_trip(store) -> None:  # type: ignore[no-untyped-def]
    d = first()
    assert not store.has(content_hash(d.document.text))
    assert store.put(d, "a1.txt") is True
    assert store.has(content_hash(d.document.text))
    assert store.get("a1") == d
    assert store.get(content_hash(d.document.text)) == d
    assert store.get("nothing") is None


def test_same_text_is_stored_once(store) -> None:  # type: ignore[no-untyped-def]
    d = first()
    assert store.put(d)
    assert store.put(d) is False
    # The same text with other line breaks and a JSONL id of its own is the same article.
    again = make_dossier(ARTICLE_1.replace(". ", ".\n\n"), doc_id="wire-7", people={})
    assert store.put(again) is False
    assert store.counts().articles == 1


@pytest.mark.parametrize("query", ["Greta Holm", "greta holm", "  GRETA   HOLM "])
def test_who_by_name_in_date_order(store, query: str) -> None:  # type: ignore[no-untyped-def]
    for d in (undated(), second(), first()):
        store.put(d)
    found = store.who(query)
    assert [(p.article.id, p.article.published) for p in found] == [
        ("a1", "2026-03-02"), ("a2", "2026-03-03"), (undated().document.id, None)]
    assert found[0].roles == ("Harbour minister",)
    assert [s.content for s in found[0].statements] == ["the ferry contract would be cancelled"]
    assert found[2].roles == ("Deputy mayor",)  # same name, other role: a separate appearance


def test_who_by_alias_finds_the_articles_that_use_it(store) -> None:  # type: ignore[no-untyped-def]
    for d in (undated(), second(), first()):
        store.put(d)
    assert [p.article.id for p in store.who("Holm")] == ["a2"]  # only the second says "Holm" alone


def test_who_folds_accents_and_possessives() -> None:
    assert norm_name("Orbán's") == norm_name("orban") == "orban"
    assert norm_name("Szijjártó  Péter") == "szijjarto peter"


def test_claims_about_is_a_timeline(store) -> None:  # type: ignore[no-untyped-def]
    for d in (undated(), second(), first()):
        store.put(d)
    events = store.claims_about("Greta Holm")
    assert [(e.article.published, e.status, e.text) for e in events] == [
        ("2026-03-02", "asserted", "the minister had misled parliament"),
        ("2026-03-03", "denied", "she had misled parliament"),
        (None, "asserted", "the harbour museum would reopen in spring")]
    assert events[0].evidence == ({"source": "Tomas Vik", "stance": "assert"},)
    assert store.claims_about("Tomas Vik") == []
    assert store.who("Nobody Here") == []


@pytest.mark.parametrize("query, ids", [
    ("ferry contract", ["a1", "a2"]),
    ("cancellation", ["a1", "a2"]),  # stemmed: cancelled / cancellation
    ("museum", ["a3"]),
    ("misled parliament delays", ["a2"]),
    ('ferry" -( :contract*', ["a1", "a2"]),  # query syntax in user text is searched as words, never run
    ("", []),
])
def test_search_full_text(store, query: str, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    store.put(first())
    store.put(second())
    store.put(make_dossier(ARTICLE_3, doc_id="a3", people={}))
    hits = store.search(query)
    assert sorted(h.article.id for h in hits) == ids
    assert all("[" in h.snippet for h in hits)


def test_failures_are_kept_counted_and_cleared(store) -> None:  # type: ignore[no-untyped-def]
    store.put_failure(Failure("feed.jsonl:3", "empty", "the article is empty"))
    store.put_failure(Failure("feed.jsonl:3", "bad-record", "no text"))
    store.put_failure(Failure("b.txt", "binary", "the file looks binary, not text"))
    got = {f.origin: f for f in store.failures()}
    assert got["feed.jsonl:3"].attempts == 2 and got["feed.jsonl:3"].code == "bad-record"
    store.put(first(), origin="feed.jsonl:3")  # it worked this time: no longer a failure
    assert [f.origin for f in store.failures()] == ["b.txt"]
    store.clear_failure("b.txt")
    assert store.failures() == []


def test_an_article_is_written_whole_or_not_at_all(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_put_claims", boom)
    with pytest.raises(RuntimeError):
        store.put(first())
    monkeypatch.undo()
    c = store.counts()
    assert (c.articles, c.entities, c.statements, c.claims) == (0, 0, 0, 0)
    assert store.put(first())  # and nothing left behind blocks it
    assert store.counts().entities == 2


def test_export_jsonl_and_csv(store) -> None:  # type: ignore[no-untyped-def]
    store.put(first())
    store.put(second())
    out = io.StringIO()
    assert write_export(store.dossiers(), "jsonl", out) == 2
    assert [json.loads(line)["document"]["id"] for line in out.getvalue().splitlines()] == ["a1", "a2"]
    out = io.StringIO()
    write_export(store.dossiers(), "csv", out)
    rows = out.getvalue().splitlines()
    assert rows[0].startswith("article,published,title,attribution")
    assert len(rows) == 1 + 3 and "Tomas Vik" in rows[2]


def test_newer_schema_is_refused(db_url) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        s.put(first())
        with s._tx():
            s._exec("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (999, "later"))
    with pytest.raises(StoreError, match="newer claimtrail .*schema version 999") as err:
        open_store(db_url)
    assert err.value.code == "schema-too-new"


def test_reopening_keeps_data_and_schema(db_url) -> None:  # type: ignore[no-untyped-def]
    with open_store(db_url) as s:
        s.put(first())
    with open_store(db_url) as s:
        assert s.counts().articles == 1 and s.schema_version() >= 1


# --- SQLite only: files ------------------------------------------------------------------------

def test_sqlite_locked_file_gives_a_clear_error(tmp_path: Path) -> None:
    from claimtrail.store.sqlite import SqliteStore

    path = tmp_path / "s.db"
    SqliteStore(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        s = SqliteStore(path, timeout=0.1)
        with pytest.raises(StoreError, match="locked by another process") as err:
            s.put(first())
        assert err.value.code == "locked"
        s.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with SqliteStore(path) as s:  # nothing half-written
        assert s.counts().articles == 0


def test_sqlite_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as s:
        s.put(first())
    with open_store(str(path), read_only=True) as s:
        assert [p.article.id for p in s.who("Greta Holm")] == ["a1"]
        with pytest.raises(StoreError, match="read-only") as err:
            s.put(second())
        assert err.value.code == "read-only"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write any file")
def test_sqlite_read_only_file_is_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(str(path)) as s:
        s.put(first())
    path.chmod(0o444)
    with open_store(str(path)) as s, pytest.raises(StoreError, match="read-only"):
        s.put(second())


def test_missing_store_is_not_created_for_queries(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no claimtrail store here yet"):
        open_store(str(tmp_path / "none.db"), create=False)
    assert not (tmp_path / "none.db").exists()


def test_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database " * 200)
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "not-a-store"


def test_store_never_imports_spacy(tmp_path: Path) -> None:
    code = ("import sys, claimtrail, claimtrail.store, claimtrail.corpus, claimtrail.corpus_view, "
            "claimtrail.store.export; from claimtrail.store import open_store; "
            f"s = open_store({str(tmp_path / 'x.db')!r}); s.search('x'); s.who('x'); "
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unreachable_postgres_is_one_clear_line() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as err:
        open_store("postgresql://claimtrail:secret@127.0.0.1:9/nowhere")
    assert err.value.code == "unreachable" and "secret" not in str(err.value)


def test_search_past_the_rank_cap_gives_newest_first(store) -> None:  # type: ignore[no-untyped-def]
    with store as s:
        s.put(first())
        s.put(second())
        s.RANK_CAP = 2  # type: ignore[attr-defined]  # "ferry" matches 2: too many to rank
        assert [h.article.id for h in s.search("ferry")] == ["a2", "a1"]
        assert [h.article.id for h in s.search("ferry delays")] == ["a2"]


def test_search_pages_with_offset(store) -> None:  # type: ignore[no-untyped-def]
    store.put(first())
    store.put(second())
    whole = [h.article.id for h in store.search("ferry")]
    assert len(whole) == 2
    assert [h.article.id for h in store.search("ferry", limit=1)] == whole[:1]
    assert [h.article.id for h in store.search("ferry", limit=1, offset=1)] == whole[1:]
    assert store.search("ferry", offset=2) == []
