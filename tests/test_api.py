"""The REST API through HTTP (FastAPI's TestClient): reads over hand-built stores on SQLite and
PostgreSQL, tokens, analysis and its errors, configuration, and ``claimtrail serve`` for real."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from claimtrail.api import deps
from claimtrail.api.app import create_app
from claimtrail.api.deps import ConfigError, ServeSettings, load_settings
from claimtrail.config import Options
from claimtrail.model import Article
from claimtrail.store import content_hash, open_store
from claimtrail.store.queries import MAX_LIMIT
from test_store import first, second, undated
from test_store_browse import orban

API = "/api/v1"
CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contract" / "dossier.schema.json"

NEWS = ("Harbour minister Greta Holm said on Monday that the ferry contract would be cancelled. "
        "\"We cannot wait any longer,\" Holm told reporters in Northby. Opposition leader Tomas Vik denied "
        "that the contract had ever been signed.")
FRENCH = ("La ministre du port a déclaré lundi que le contrat du traversier serait annulé. Le chef de "
          "l'opposition a répondu que le contrat n'avait jamais été signé et que la ministre avait trompé "
          "le parlement pendant des mois, selon plusieurs témoins présents à la séance.")


def client_for(db: str, **settings: object) -> TestClient:
    return TestClient(create_app(ServeSettings(db=db, **settings)))  # type: ignore[arg-type]


@pytest.fixture
def api(db_url):  # type: ignore[no-untyped-def]  # noqa: F811
    with open_store(db_url) as s:
        for d in (first(), second(), undated(), orban("2026-03-05", "o1"), orban("2026-03-01", "o2", "Viktor Orban")):
            s.put(d)
    with client_for(db_url) as c:
        yield c


@pytest.fixture
def loaded(pipeline, monkeypatch):  # type: ignore[no-untyped-def]
    """The session's pipeline stands in for the one the API would load on its first analysis."""
    monkeypatch.setitem(deps._PIPELINES, Options(), pipeline)
    return pipeline


# --- reading --------------------------------------------------------------------------------------
def test_health_and_spec(api) -> None:  # type: ignore[no-untyped-def]
    health = api.get(f"{API}/health").json()
    assert health["status"] == "ok" and health["version"] == "0.1.0" and health["schema_version"] >= 3
    spec = api.get("/openapi.json").json()
    for path in ("/analyze", "/articles", "/articles/{key}", "/entities", "/entities/{name}", "/attributions",
                 "/claims", "/clusters", "/clusters/{cluster_id}", "/search", "/health"):
        assert API + path in spec["paths"], path
    assert "ArticleSummary" in spec["components"]["schemas"]


@pytest.mark.parametrize("query, expected", [
    ("", ["o1", "a2", "a1", "o2", None]),
    ("?entity=Greta%20Holm", ["a2", "a1", None]),
    ("?date_from=2026-03-02&date_to=2026-03-03", ["a2", "a1"]),
    ("?entity=viktor%20orban&date_to=2026-03-04", ["o2"]),
    ("?offset=1&limit=2", ["a2", "a1"]),
    ("?offset=50", []),
])
def test_list_articles(api, query, expected) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/articles{query}").json()
    assert [i["article"]["id"] if i["article"]["published"] else None for i in body["items"]] == expected
    assert body["total"] == (5 if "entity" not in query and "date" not in query else len(expected))


def test_article_by_id_and_hash(api) -> None:  # type: ignore[no-untyped-def]
    d = first()
    by_id = api.get(f"{API}/articles/a1")
    assert by_id.status_code == 200 and by_id.json() == d.to_dict()
    assert api.get(f"{API}/articles/{content_hash(d.document.text)}").json() == d.to_dict()
    missing = api.get(f"{API}/articles/nope")
    assert missing.status_code == 404 and missing.json()["error"] == "not-found"


def test_entities(api) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/entities").json()
    assert body["total"] == 3
    assert body["items"][0] == {"name": "Greta Holm", "type": "PERSON", "articles": 3, "statements": 2,
                                "roles": ["Deputy mayor", "Harbour minister", "harbour minister"]}
    assert [e["name"] for e in api.get(f"{API}/entities?prefix=tom&type=PERSON").json()["items"]] == ["Tomas Vik"]
    assert api.get(f"{API}/entities?type=ORG").json()["items"] == []


def test_entity_detail(api) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/entities/Greta%20Holm").json()
    assert [a["article"]["id"] for a in body["appearances"]][:2] == ["a1", "a2"]  # oldest first
    assert body["appearances"][1]["statements"][0]["stance"] == "assert"
    assert [c["status"] for c in body["claims"]] == ["asserted", "denied", "asserted"]
    gone = api.get(f"{API}/entities/Nobody%20Here")
    assert gone.status_code == 404 and "Nobody Here" in gone.json()["message"]


@pytest.mark.parametrize("query, expected", [
    ("", 5),
    ("?entity=Tomas%20Vik", 1),
    ("?stance=assert&date_from=2026-03-03", 2),
    ("?stance=deny", 0),
])
def test_attributions(api, query, expected) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/attributions{query}").json()
    assert body["total"] == expected == len(body["items"])


@pytest.mark.parametrize("query, expected", [
    ("", 5),
    ("?status=denied", 1),
    ("?entity=Greta%20Holm&date_from=2026-03-01", 2),
    ("?cluster=999", 0),
])
def test_claims(api, query, expected) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/claims{query}").json()
    assert body["total"] == expected == len(body["items"])
    assert all(set(i) == {"article", "claim", "text", "status", "cluster", "evidence"} for i in body["items"])


def test_search(api) -> None:  # type: ignore[no-untyped-def]
    body = api.get(f"{API}/search?q=ferry%20contract").json()
    assert {h["article"]["id"] for h in body["items"]} == {"a1", "a2"}
    assert api.get(f"{API}/search?q=%22%3A-AND").status_code == 200  # query syntax is never run
    ids = [h["article"]["id"] for h in body["items"]]
    paged = [api.get(f"{API}/search?q=ferry%20contract&limit=1&offset={i}").json() for i in range(3)]
    assert [[h["article"]["id"] for h in p["items"]] for p in paged] == [ids[:1], ids[1:], []]
    assert paged[1]["offset"] == 1 and paged[1]["limit"] == 1


def test_clusters_empty_store_answers(api) -> None:  # type: ignore[no-untyped-def]
    assert api.get(f"{API}/clusters").status_code == 200
    gone = api.get(f"{API}/clusters/424242")
    assert gone.status_code == 404 and gone.json()["error"] == "not-found"


@pytest.mark.parametrize("url", [
    "/articles?limit=0", f"/articles?limit={MAX_LIMIT + 1}", "/articles?offset=-1", "/articles?date_from=yesterday",
    "/articles?date_to=2026-02-30", "/attributions?stance=maybe", "/claims?status=sure", "/claims?cluster=x",
    "/clusters/abc", "/clusters/-1", "/search", "/search?q=", "/entities?type=person", "/articles?entity=a%00b",
    f"/claims?cluster={2**70}",
])
def test_bad_parameters_are_422(api, url) -> None:  # type: ignore[no-untyped-def]
    r = api.get(API + url)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid-request" and r.json()["message"]


def test_unknown_api_path_is_json_404(api) -> None:  # type: ignore[no-untyped-def]
    r = api.get(f"{API}/nothing/here")
    assert r.status_code == 404 and r.json()["error"] == "not-found"


# --- tokens ------------------------------------------------------------------------------------------
def test_writing_is_off_without_a_write_token(tmp_path, loaded) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db")) as c:
        r = c.post(f"{API}/articles", json={"text": NEWS}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["error"] == "writing-disabled"
    assert "CLAIMTRAIL_WRITE_TOKEN" in r.json()["message"] and "--config" in r.json()["message"]


@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Bearer"}, 401),
    ({"Authorization": "Basic dXNlcjpwdw=="}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
    ({"Authorization": "Bearer reader"}, 403),  # the read token cannot write
])
def test_write_token_refusals(tmp_path, headers, status) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db"), write_token="writer", read_token="reader") as c:
        r = c.post(f"{API}/articles", json={"text": NEWS}, headers=headers)
    assert r.status_code == status and r.json()["message"]
    if status == 401:
        assert r.headers["www-authenticate"] == "Bearer"


def test_post_article_stores_once(tmp_path, loaded) -> None:  # type: ignore[no-untyped-def]
    auth = {"Authorization": "Bearer writer"}
    with client_for(str(tmp_path / "s.db"), write_token="writer") as c:
        r = c.post(f"{API}/articles", json={"text": NEWS, "published": "2026-03-02", "title": "Ferry"}, headers=auth)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["stored"] is True and body["article"]["published"] == "2026-03-02"
        assert r.headers["location"] == f"{API}/articles/{body['article']['content_hash']}"
        again = c.post(f"{API}/articles", json={"text": NEWS}, headers=auth)
        assert again.status_code == 200 and again.json()["stored"] is False
        stored = c.get(r.headers["location"]).json()
        assert stored["document"]["title"] == "Ferry" and stored["attributions"]
        assert c.get(f"{API}/entities/Greta%20Holm").status_code == 200


@pytest.mark.parametrize("headers, status", [
    ({}, 401), ({"Authorization": "Bearer nope"}, 403), ({"Authorization": "Bearer reader"}, 200),
    ({"Authorization": "Bearer writer"}, 200),  # the write token reads too
])
def test_read_token(tmp_path, headers, status) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db"), write_token="writer", read_token="reader") as c:
        for url in ("/articles", "/entities", "/claims", "/search?q=x", "/articles/a1"):
            r = c.get(API + url, headers=headers)
            assert r.status_code == (404 if status == 200 and url == "/articles/a1" else status), url
        assert c.get(f"{API}/health").status_code == 200  # health stays open for probes


# --- analysis ------------------------------------------------------------------------------------------
def test_analyze_returns_the_contract_and_stores_nothing(tmp_path, loaded) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db")) as c:
        r = c.post(f"{API}/analyze", json={"text": NEWS, "published": "2026-03-02"})
        assert r.status_code == 200, r.text
        assert c.get(f"{API}/articles").json()["total"] == 0
    body = r.json()
    assert body["format"] == "claimtrail/dossier/1" and body["document"]["published"] == "2026-03-02"
    assert any(a["cue"]["text"] == "denied" for a in body["attributions"])
    if CONTRACT.exists():
        import jsonschema

        jsonschema.validate(body, json.loads(CONTRACT.read_text()))


def test_analyze_html(tmp_path, loaded) -> None:  # type: ignore[no-untyped-def]
    page = (f"<html><head><title>Ferry deal</title></head><body><article><h1>Ferry deal</h1><p>{NEWS}</p>"
            "<p>The harbour board will meet again next week to discuss the timetable.</p></article></body></html>")
    with client_for(str(tmp_path / "s.db")) as c:
        r = c.post(f"{API}/analyze", json={"html": page})
    assert r.status_code == 200, r.text
    assert "ferry contract" in r.json()["document"]["text"] and "<p>" not in r.json()["document"]["text"]


@pytest.mark.parametrize("body, status, code, says", [
    ({"text": "x" * 1200}, 413, "too-large", "1,000 bytes"),
    ({"html": "<p>" + "y" * 1200 + "</p>"}, 413, "too-large", "size limit"),
    ({"text": FRENCH}, 422, "not-english", "fr"),
    ({"text": "   \n "}, 422, "empty", "empty"),
    ({"html": "<html><body><p>Hi.</p></body></html>"}, 422, "no-body", "body"),
    ({"text": NEWS, "html": "<p>x</p>"}, 422, "invalid-request", "exactly one"),
    ({}, 422, "invalid-request", "exactly one"),
    ({"text": NEWS, "published": "2026-13-01"}, 422, "invalid-request", "published"),
    ({"text": NEWS, "colour": "red"}, 422, "invalid-request", "colour"),
    ({"text": NEWS + "\x00"}, 422, "binary", "NUL"),
    ({"text": NEWS, "title": "a\x00b"}, 422, "invalid-request", "title"),
    ({"text": 42}, 422, "invalid-request", "text"),
])
def test_analyze_errors(tmp_path, loaded, body, status, code, says) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db"), options=Options(max_bytes=1000)) as c:
        r = c.post(f"{API}/analyze", json=body)
    assert (r.status_code, r.json()["error"]) == (status, code), r.text
    assert says in r.text


def test_huge_body_is_refused_before_it_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db"), options=Options(max_bytes=1000)) as c:
        r = c.post(f"{API}/analyze", content=b'{"text": "' + b"z" * 80_000 + b'"}',
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"] == "too-large"


def test_analyze_body_not_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with client_for(str(tmp_path / "s.db")) as c:
        r = c.post(f"{API}/analyze", content=b"\xff\xfe not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad-request"


def test_pipeline_loads_once_under_concurrent_requests(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimtrail.nlp.pipeline as nlp_pipeline

    made: list[int] = []

    results: list[object] = []

    class Slow:
        def __init__(self, options: Options) -> None:
            time.sleep(0.2)  # long enough for every thread to arrive while the first one loads
            made.append(1)

        def pipe(self, articles):  # type: ignore[no-untyped-def]
            yield from (a.text for a in articles)

    monkeypatch.setattr(nlp_pipeline, "Pipeline", Slow)
    monkeypatch.setattr(deps, "_PIPELINES", {})
    threads = [threading.Thread(target=lambda i=i: results.append(deps.analyze_article(Article(text=f"t{i}"))))
               for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert made == [1] and sorted(results) == ["t0", "t1", "t2", "t3"]


# --- over the sample articles ------------------------------------------------------------------------------
def test_samples_store(tmp_path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.corpus import ingest

    db = str(tmp_path / "samples.db")
    stats = ingest([Path(__file__).resolve().parents[1] / "samples"], db, pipeline=pipeline)
    with client_for(db) as c:
        articles = c.get(f"{API}/articles?limit=200").json()
        assert articles["total"] == stats.stored == len(articles["items"]) >= 8
        people = c.get(f"{API}/entities?type=PERSON&limit=200").json()["items"]
        assert people and all(p["type"] == "PERSON" for p in people)
        top = people[0]["name"]
        detail = c.get(f"{API}/entities/{top}").json()
        assert detail["appearances"] and detail["appearances"][0]["name"]
        said = c.get(f"{API}/attributions", params={"entity": top}).json()
        assert said["total"] == people[0]["statements"]
        for item in articles["items"]:
            d = c.get(f"{API}/articles/{item['article']['content_hash']}").json()
            assert d["document"]["id"] == item["article"]["id"]
            assert len(d["claims"]) == item["claims"] and len(d["attributions"]) == item["attributions"]
        claims = c.get(f"{API}/claims?limit=200").json()
        clusters = c.get(f"{API}/clusters?limit=200").json()
        assert claims["total"] > 0 and clusters["total"] >= 0
        for cl in clusters["items"][:3]:
            timeline = c.get(f"{API}/clusters/{cl['id']}").json()
            assert timeline["cluster"]["id"] == cl["id"] and len(timeline["events"]) == cl["claims"]
            members = c.get(f"{API}/claims?cluster={cl['id']}").json()
            assert members["total"] == cl["claims"]


# --- configuration and `claimtrail serve` -------------------------------------------------------------------
@pytest.mark.parametrize("toml, env, db, expected", [
    ("", {}, None, ServeSettings()),
    ('[serve]\ndb = "x.db"\nwrite_token = "w"\n', {}, None, ServeSettings(db="x.db", write_token="w")),
    ('[serve]\ndb = "x.db"\nwrite_token = "w"\n', {"CLAIMTRAIL_WRITE_TOKEN": "env"}, "cli.db",
     ServeSettings(db="cli.db", write_token="env")),
    ('[serve]\nread_token = ""\n', {"CLAIMTRAIL_READ_TOKEN": ""}, None, ServeSettings()),  # empty: none
    ("", {"CLAIMTRAIL_READ_TOKEN": "r"}, None, ServeSettings(read_token="r")),
])
def test_load_settings(tmp_path, toml, env, db, expected) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "c.toml"
    cfg.write_text(toml)
    assert load_settings(db=db, config=cfg, env=env) == expected


@pytest.mark.parametrize("toml, says", [
    ("[serve]\nwrite-token = 'w'\n", "unknown [serve] keys: write-token"),
    ("[serve\n", "not valid TOML"),
    ("[serve]\nwrite_token = 5\n", "must be a string"),
    ("serve = 1\n", "must be a table"),
])
def test_bad_config(tmp_path, toml, says) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "c.toml"
    cfg.write_text(toml)
    with pytest.raises(ConfigError, match=says.replace("[", r"\[")):
        load_settings(config=cfg, env={})
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(config=tmp_path / "missing.toml", env={})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_claimtrail_serve_for_real(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "s.db")) as s:
        s.put(first())
    cfg = tmp_path / "serve.toml"
    cfg.write_text(f'[serve]\ndb = "{tmp_path / "s.db"}"\nread_token = "r"\n')
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRAIL_")}
    proc = subprocess.Popen([sys.executable, "-m", "claimtrail", "serve", "--port", str(port), "--config", str(cfg)],
                            env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}{API}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(f"{base}/articles").status_code == 401
        r = httpx.get(f"{base}/articles", headers={"Authorization": "Bearer r"})
        assert r.status_code == 200 and r.json()["total"] == 1
        assert httpx.post(f"{base}/articles", json={"text": NEWS}, headers={"Authorization": "Bearer r"}
                          ).json()["error"] == "writing-disabled"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "reading needs the read token; writing off" in err


def test_serve_with_a_bad_config_exits_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[serve]\ntoken = 'x'\n")
    r = subprocess.run([sys.executable, "-m", "claimtrail", "serve", "--config", str(cfg)], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "unknown [serve] keys: token" in r.stderr


def test_stores_are_pooled_and_closed_at_shutdown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(ServeSettings(db=str(tmp_path / "s.db")))
    with TestClient(app) as c:
        for _ in range(3):
            assert c.get(f"{API}/articles").status_code == 200
            assert c.get(f"{API}/articles/missing").status_code == 404  # an error gives its store back too
        assert len(app.state.stores._idle) == 1  # one request at a time: one store, reused
    assert app.state.stores._idle == []  # closed when the app shut down


def test_tokens_stay_out_of_repr() -> None:
    assert "s3cret" not in repr(ServeSettings(read_token="s3cret", write_token="s3cret"))
