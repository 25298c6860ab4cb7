"""The web app in a real headless browser: Playwright (sync API) driving Debian's chromium.

A session fixture ingests samples/ plus one crafted article (markup, event handlers and
``javascript:`` links in its text, title, url and source) into a temporary SQLite store, serves
``create_app`` over it with uvicorn on 127.0.0.1 in a thread, and the tests click through the pages.
Screenshots at 1280 and 375 px wide go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# A crafted article: every way an article could try to run script in the page.
EVIL = ('<script>window.__pwned = "script"</script> <img src=x onerror="window.__pwned = \'img\'"> '
        '<a href="javascript:window.__pwned = \'link\'">read more</a> <svg onload="window.__pwned = \'svg\'"></svg>')
EVIL_ARTICLE = {
    "id": "evil-0001",
    "title": '<script>window.__pwned = "title"</script><img src=x onerror="alert(1)">Harbour report',
    "url": "javascript:window.__pwned='url'",
    "source": '<img src=x onerror="window.__pwned=\'source\'">Evil Wire',
    "published": "2026-03-02",
    "text": ("Harbour minister Petra Lund said on Monday that the new quay would open in the spring, and she "
             f"added that the contract was signed. {EVIL} The opposition leader Tomas Berg denied that the "
             "contract had been signed and said the project was late.\n\n\"We have seen no papers at all,\" "
             "Berg told reporters at the harbour office on Tuesday."),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[dict]:  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip("needs chromium (/usr/bin/chromium): run .ci/browser.sh")
    import uvicorn

    from claimtrail.api.app import create_app
    from claimtrail.api.deps import ServeSettings
    from claimtrail.corpus import ingest
    from claimtrail.store import open_store

    tmp = tmp_path_factory.mktemp("web")
    evil = tmp / "evil.jsonl"
    evil.write_text(json.dumps(EVIL_ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp / "web.db")
    stats = ingest([REPO / "samples", evil], db, pipeline=pipeline)
    assert stats.failed == 0
    try:  # claim clusters, where the store builds them (the trail module); ingest may already have
        from claimtrail.trail import cluster_store
    except ImportError:
        cluster_store = None
    if cluster_store is not None:
        with open_store(db) as store:
            cluster_store(store)
    with open_store(db) as store:
        ids = {d.document.text.split("\n", 1)[0][:40]: d.document.id for d in store.dossiers()}
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ServeSettings(db=db)), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "ids": ids}
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser(served):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, served):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=served["base"])
    pg = ctx.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    ctx.close()


def article_id(served: dict, first_line: str) -> str:
    return next(v for k, v in served["ids"].items() if k.startswith(first_line[:40]))


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Screenshots at laptop and phone width; at 375 px nothing may overflow sideways."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} overflows sideways by {overflow}px at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_article_highlights_quotes_with_their_speaker(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/articles/{article_id(served, 'Finance Minister Ingrid Dahl denied')}")
    quote = page.locator("mark.hl.quote", has_text="I have no intention of leaving").first
    assert quote.get_attribute("data-speaker") == "Ingrid Dahl"
    assert "direct" in (quote.get_attribute("class") or "")
    assert page.locator("mark.hl.speaker", has_text="Dahl").count() >= 1
    assert page.locator("mark.hl.cue", has_text="denied").count() == 1
    denied = page.locator("mark.hl.claim.status-denied", has_text="she planned to resign")
    assert denied.count() == 1
    assert page.locator(".legend").inner_text().count("denied") >= 1  # a legend names the status in words
    shoot(page, "article")


def test_hover_shows_source_cue_stance_and_time(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/articles/{article_id(served, 'Finance Minister Ingrid Dahl denied')}")
    tip = page.locator("#tip")
    assert not tip.is_visible()
    page.locator("mark.hl.cue", has_text="denied").hover()
    assert tip.is_visible()
    text = tip.inner_text()
    for word in ("Ingrid Dahl", "Cue", "denied", "Stance", "deny", "Time"):
        assert word in text


def test_keyboard_reaches_highlights_and_shows_details(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/articles/{article_id(served, 'Finance Minister Ingrid Dahl denied')}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator("a.skip").bounding_box()["x"] >= 0  # the skip link shows when focused
    page.keyboard.press("Enter")
    for _ in range(40):  # from the main content on, Tab reaches the first highlight
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hl')"):
            break
    else:
        pytest.fail("Tab never reached a highlight")
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert all(w in tip.inner_text() for w in ("Source", "Cue", "Stance", "Time"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_click_through_article_person_claim(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/articles/{article_id(served, 'Finance Minister Ingrid Dahl denied')}")
    page.locator("aside.side").get_by_role("link", name="Ingrid Dahl").first.click()
    page.wait_for_url("**/people/Ingrid%20Dahl")
    assert page.locator("h1").inner_text() == "Ingrid Dahl"
    assert "finance minister" in page.locator(".person .meta").first.inner_text()
    assert "I have no intention of leaving" in page.locator("table.said").inner_text()
    shoot(page, "person")
    link = page.locator("a.cluster-link").first
    if link.count() == 0:
        page.goto("/claims")
        link = page.locator("table a[href^='/claims/']").first
        if link.count() == 0:
            pytest.skip("the store lists no claim clusters yet (store.list_clusters / store.cluster)")
    link.click()
    page.wait_for_url("**/claims/*")
    svg = page.locator("svg.timeline")
    assert svg.count() == 1 and svg.locator("a.point").count() >= 1
    assert page.locator("table.events tbody tr").count() == svg.locator("a.point").count()
    shoot(page, "claim")
    svg.locator("a.point").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("#article-text").count() == 1


def test_crafted_article_is_inert(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/articles/{article_id(served, EVIL_ARTICLE['text'])}")
    assert "Harbour report" in page.locator("h1").inner_text()
    assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
    assert page.locator("#article-text").inner_text().count("onerror=") == 1
    for m in page.locator("mark.hl").all()[:30]:  # hovering every highlight runs nothing either
        m.hover()
    for path in ("/", "/search?q=Harbour", "/people/Petra%20Lund"):
        page.goto(path)
    page.goto(f"/articles/{article_id(served, EVIL_ARTICLE['text'])}")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.locator("#main img, #main iframe, #main object, #main embed").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.startsWith('on'))).length") == 0
    assert page.locator("script").count() == 1  # our own site.js only
    shoot(page, "crafted")


def test_search_and_home(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    shoot(page, "home")
    page.fill("#top-q", "resignation")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=resignation")
    hits = page.locator("ol.hits li")
    assert hits.count() >= 1
    shoot(page, "search")
    hits.first.locator("a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("mark.hl").count() > 0


def test_analyze_pasted_text_is_shown_not_stored(page, served) -> None:  # type: ignore[no-untyped-def]
    page.goto("/analyze")
    text = ("The harbour minister, Petra Lund, said on Monday that the ferry service would resume in May. "
            "\"We are ready,\" Lund told reporters. Union leaders denied that an agreement had been reached.")
    page.fill("#text", text)
    page.fill("#published", "2026-04-01")
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_load_state()
    assert "not stored" in page.locator(".note").inner_text()
    assert page.locator("mark.hl.quote", has_text="We are ready").first.get_attribute("data-speaker") == "Petra Lund"
    shoot(page, "analyze")
    page.goto("/search?q=ferry")
    assert page.locator("ol.hits li").count() == 0


def test_not_found_page(page, served) -> None:  # type: ignore[no-untyped-def]
    resp = page.goto("/no/such/page")
    assert resp is not None and resp.status == 404
    assert page.locator("h1").inner_text() == "Not found"
