"""The web app's renderers on hand-built dossiers: segmenting overlapping highlights, escaping, the
timeline chart, and whole pages through FastAPI's TestClient over a SQLite store (no spaCy)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from claimtrail.model import (Attribution, Claim, Content, Document, Dossier, Entity, Mention, Role, Source,
                              Span, Timex)
from claimtrail.store.base import ArticleRef
from claimtrail.store.queries import ClusterEvent
from claimtrail.web.article import article_view, safe_url
from claimtrail.web.highlight import Mark, paragraphs, to_html, tokens
from claimtrail.web.timeline import MAX_STACK, arrange, changes, timeline_svg


def bare(html: str) -> str:
    """The markup with only kinds and refs kept: <quote:A1>…</>, easy to compare."""
    html = re.sub(r'<mark class="hl (\w+)[^"]*" data-ref="(\w+)"[^>]*>', r"<\1:\2>", html)
    return html.replace("</mark>", "</>")


def spans(text: str, *items: tuple[str, str, str]) -> list[Mark]:
    """Marks from (kind, ref, exact substring) triples: offsets found in ``text``."""
    out = []
    for kind, ref, sub in items:
        start = text.index(sub)
        out.append(Mark(start, start + len(sub), kind, ref))
    return out


CASES = [
    ("nested spans stay whole",
     "Ann said it rained.", [("speaker", "A1", "Ann"), ("cue", "A1", "said"), ("quote", "A1", "it rained"),
                             ("claim", "C1", "rained")],
     "<p><speaker:A1>Ann</> <cue:A1>said</> <quote:A1>it <claim:C1>rained</></>.</p>"),
    ("equal spans: the quote is outside the claim",
     "He said it rained.", [("claim", "C1", "it rained"), ("quote", "A1", "it rained")],
     "<p>He said <quote:A1><claim:C1>it rained</></>.</p>"),
    ("an overlap splits the inner span, not the outer",
     "alpha beta gamma delta", [("quote", "A1", "alpha beta"), ("claim", "C1", "beta gamma")],
     "<p><quote:A1>alpha <claim:C1>beta</></><claim:C1> gamma</> delta</p>"),
    ("a quote over two paragraphs becomes two pieces",
     "She said: \"One.\n\nTwo.\" End.", [("quote", "A1", "\"One.\n\nTwo.\"")],
     "<p>She said: <quote:A1>&#34;One.</></p>\n<p><quote:A1>Two.&#34;</> End.</p>"),
    ("spans outside the text or empty are dropped",
     "abc", [("quote", "A1", "abc")],
     "<p><quote:A1>abc</></p>"),
]


@pytest.mark.parametrize("name,text,items,expected", CASES, ids=[c[0] for c in CASES])
def test_segmenting(name: str, text: str, items: list, expected: str) -> None:
    marks = spans(text, *items) + [Mark(2, 2, "cue", "X"), Mark(1, 999, "cue", "Y")]
    assert bare(str(to_html(text, marks))).rstrip("\n") == expected


def test_only_the_first_piece_is_focusable() -> None:
    text = "alpha beta gamma delta"
    html = str(to_html(text, spans(text, ("quote", "A1", "alpha beta"), ("claim", "C1", "beta gamma"))))
    assert html.count('data-ref="C1"') == 2 and html.count('aria-describedby="d-C1"') == 1
    assert 'class="hl claim cont"' in html


@pytest.mark.parametrize("text,expected", [
    ("One.\n\nTwo.", [(0, 4), (6, 10)]),
    ("One.\n  \n\nTwo.\n", [(0, 4), (9, 14)]),
    ("\n\nOnly.", [(2, 7)]),
    ("Line one\nline two", [(0, 17)]),
])
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraphs(text) == expected


def test_tokens_are_balanced_on_many_random_overlaps() -> None:
    import random

    rng = random.Random(3)
    text = "word " * 400
    marks = [Mark(s, s + rng.randint(1, 60), rng.choice(["quote", "claim", "cue", "speaker"]), f"R{i}")
             for i, s in enumerate(rng.randrange(0, 1900) for _ in range(300))]
    depth, covered = 0, []
    for t in tokens(text, marks):
        depth += {"open": 1, "close": -1}.get(t[0], 0)
        assert depth >= 0
        if t[0] == "text":
            covered.append(t[1])
    assert depth == 0 and "".join(covered) == text


EVIL = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> <a href="javascript:alert(1)">x</a>'


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<b>x</b>", False), ("https://x.org/\"onmouseover=", False),
    (None, False), ("", False), ("//evil.example", False),
])
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


def test_text_and_attributes_are_escaped() -> None:
    text = f"Mo said {EVIL} today."
    m = Mark(8, 8 + len(EVIL), "quote", 'A"1', (), (("speaker", '"><script>x()</script>'),))
    html = str(to_html(text, [m]))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;" in html and 'data-ref="A&#34;1"' in html


def evil_dossier() -> Dossier:
    """A crafted article: markup in the text, the title, the url, the source and a speaker's name."""
    text = f"Mallory <b>Evil</b> said {EVIL} was true.\n\nNothing else."
    name_start = 0
    cue = text.index("said")
    content = Content(cue + 5, cue + 5 + len(EVIL), EVIL)
    who = Entity("E1", "Mallory <b>Evil</b>", "PERSON", (Mention(name_start, cue - 1, text[:cue - 1]),))
    a = Attribution("A1", "indirect", Source(0, cue - 1, text[:cue - 1], "E1"), Span(cue, cue + 4, "said"),
                    content, "assert")
    c = Claim(content.start, content.end, EVIL, id="C1", status="denied", about=("E1",), evidence=("A1",))
    doc = Document("evil-1", text, title='<script>window.pwned=3</script>Title"', published="2026-01-02",
                   url="javascript:window.pwned=4", source='<img src=x onerror="window.pwned=5">')
    return Dossier(doc, (who,), (a,), (c,))


def sample_dossier() -> Dossier:
    text = ("Finance minister Greta Holm said on Monday: “The budget is balanced,” adding, “and it will stay so.”"
            "\n\nOthers said nothing.")
    name = text.index("Greta Holm")
    cue = text.index("said")
    q1, q2 = text.index("The budget"), text.index("and it will")
    p1 = Span(q1, q1 + len("The budget is balanced"), "The budget is balanced")
    p2 = Span(q2, q2 + len("and it will stay so"), "and it will stay so")
    holm = Entity("E1", "Greta Holm", "PERSON", (Mention(name, name + 10, "Greta Holm"),),
                  (Role(0, 16, "Finance minister", "finance minister"),))
    a = Attribution("A1", "direct", Source(name, name + 10, "Greta Holm", "E1"), Span(cue, cue + 4, "said"),
                    Content(p1.start, p2.end, text[p1.start:p2.end], (p1, p2)), "assert", time="T1")
    c = Claim(p1.start, p1.end, p1.text, id="C1", status="asserted", about=(), evidence=("A1",))
    t = Timex(text.index("Monday"), text.index("Monday") + 6, "Monday", id="T1", value="2026-03-09")
    return Dossier(Document("holm-1", text, published="2026-03-10"), (holm,), (a,), (c,), (t,))


def test_split_quote_is_highlighted_piece_by_piece() -> None:
    v = article_view(sample_dossier(), {"C1": 7})
    html = str(v.body)
    assert html.count('class="hl quote direct') == 2  # the two parts, not the cue between them
    assert re.search(r'<mark class="hl quote direct"[^>]*data-speaker="Greta Holm"[^>]*>'
                     r'<mark class="hl claim status-asserted"[^>]*>The budget is balanced</mark></mark>', html)
    detail = {d.id: d for d in v.details}
    rows = {r.label: r for r in detail["A1"].rows}
    assert rows["Source"].href == "/people/Greta%20Holm" and rows["Time"].value == "Monday (2026-03-09)"
    assert rows["Stance"].value == "assert" and rows["Cue"].value == "said"
    assert {r.label: r.href for r in detail["C1"].rows}["Across articles"] == "/claims/7"
    assert v.people[0].roles == ("finance minister",) and v.people[0].said == 1
    assert [g.name for g in v.groups] == ["Greta Holm"] and v.statuses == ("asserted",)


def ev(date: str | None, status: str, change: str | None = None, n: int = 0) -> ClusterEvent:
    ref = ArticleRef(f"doc<{n}>", f"sha256:{n}", f'Title "{n}" <b>', date)
    return ClusterEvent(ref, "C1", "the claim", status, ({"source": "<i>Holm</i>", "stance": "assert"},), change)


def test_timeline_marks_statuses_changes_and_links() -> None:
    events = (ev("2026-01-01", "asserted", "first reported", 1), ev("2026-01-01", "asserted", None, 2),
              ev("2026-02-10", "denied", "denied", 3), ev(None, "confirmed", None, 4))
    svg = str(timeline_svg(events, "label <x>"))
    assert svg.count("<a class=\"point") == 4 and 'href="/articles/doc%3C1%3E"' in svg
    assert "<rect" in svg and "<path" in svg and "<circle" in svg  # asserted, denied, confirmed shapes
    assert svg.count('class="change"') == 3  # first reported, denied, and the undated one moving to confirmed
    assert "undated" in svg and "<b>" not in svg and "<i>" not in svg and "label &lt;x&gt;" in svg


def test_a_crowded_date_stacks_five_marks_and_keeps_its_changes() -> None:
    events = tuple(ev("2026-01-01", "asserted", "first reported" if n == 0 else None, n) for n in range(8)) + (
        ev("2026-01-01", "denied", "denied", 8), ev("2026-01-05", "denied", None, 9))
    points, more = arrange(events)
    day_one = [p for p in points if p.event.article.published == "2026-01-01"]
    assert len(day_one) == MAX_STACK - 1 and len({p.y for p in day_one}) == len(day_one)  # no two on one spot
    assert {p.change for p in day_one} >= {"first reported", "denied"}  # the changes are never hidden
    assert [(m.count, m.y < min(p.y for p in day_one)) for m in more] == [(9 - (MAX_STACK - 1), True)]
    svg = str(timeline_svg(events))
    assert svg.count('<a class="point') == MAX_STACK and f"+{9 - (MAX_STACK - 1)}" in svg  # 4 + the other date


def test_changes_fall_back_to_status_moves() -> None:
    assert changes((ev("2026-01-01", "asserted"), ev("2026-01-02", "asserted"), ev("2026-01-03", "denied"))) \
        == [None, None, "denied"]


# --- whole pages over a store ------------------------------------------------------------------

@pytest.fixture()
def client(db_url):  # type: ignore[no-untyped-def]
    """Pages over a SQLite store and (with CLAIMTRAIL_TEST_PG) a PostgreSQL one."""
    from fastapi.testclient import TestClient

    from claimtrail.api.app import create_app
    from claimtrail.api.deps import ServeSettings
    from claimtrail.store import open_store

    db = db_url
    with open_store(db) as store:
        store.put(evil_dossier())
        store.put(sample_dossier())
    return TestClient(create_app(ServeSettings(db=db)))


class Elements(HTMLParser):
    """Every element the browser would build: (tag, attributes)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def inert(html: str) -> None:
    """No markup from the article survives: only our own script, no handlers, no javascript: links."""
    found = Elements(html).found
    assert [a for t, a in found if t == "script"] == [{"src": "/static/site.js", "defer": None}]
    assert not [t for t, _ in found if t in ("img", "b", "i", "iframe", "object")]
    assert not [(t, k) for t, a in found for k in a if k.startswith("on")]
    assert not [a for _, a in found for k in ("href", "src", "action") if (a.get(k) or "").strip().lower()
                .startswith(("javascript:", "data:"))]


@pytest.mark.parametrize("path", ["/articles/evil-1", "/people/Mallory%20%3Cb%3EEvil%3C%2Fb%3E", "/",
                                  "/search?q=pwned", "/search?q=%3Cscript%3E", "/nothing/%3Cscript%3E"])
def test_crafted_article_renders_inert(client, path: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code in (200, 404)
    assert "script-src 'self'" in r.headers["content-security-policy"]
    inert(r.text)


def test_article_page_shows_metadata_as_text(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/articles/evil-1").text
    assert "&lt;script&gt;window.pwned=3&lt;/script&gt;Title&#34;" in html
    assert '<span class="raw-url">javascript:window.pwned=4</span>' in html


@pytest.mark.parametrize("path,status,needle", [
    ("/articles/holm-1", 200, 'data-speaker="Greta Holm"'),
    ("/people/Greta%20Holm", 200, "The budget is balanced"),
    ("/people/greta%20holm", 200, "finance minister"),
    ("/people/Nobody%20Here", 404, "Nobody called"),
    ("/articles/missing", 404, "No article"),
    ("/claims/abc", 404, "No claim cluster"),
    ("/search?q=budget", 200, "holm-1"),
    ("/analyze", 200, "Nothing is stored"),
    ("/claims?status=denied", 200, "Claims across articles"),
    ("/no/such/page", 404, "no page at this address"),
])
def test_pages(client, path: str, status: int, needle: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == status and needle in r.text
    assert r.headers["content-type"].startswith("text/html")


def test_pages_are_not_in_the_openapi_spec(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(p == "/" or p.startswith(("/articles", "/people", "/claims", "/search", "/analyze")) for p in paths)


def test_empty_analyze_post_asks_for_text(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/analyze", data={"text": "   "})
    assert r.status_code == 422 and "Paste some text" in r.text


# --- claim pages over a stand-in store (the cluster queries are the clusters helper's) ----------

class ClusterStore:
    """Only what the claim pages ask of a store."""

    def __init__(self) -> None:
        from claimtrail.store.queries import ClusterSummary, ClusterTimeline, Page

        self.summary = ClusterSummary(4, "Dahl <will> resign", "denied", 3, 3, "2026-01-01", "2026-02-10")
        self.timeline = ClusterTimeline(self.summary, (ev("2026-01-01", "asserted", "first reported", 1),
                                                       ev("2026-01-05", "asserted", None, 2),
                                                       ev("2026-02-10", "denied", "denied", 3)))
        self.page = Page((self.summary,), 1, 0, 50)

    def cluster(self, cluster_id: int):  # type: ignore[no-untyped-def]
        return self.timeline if cluster_id == 4 else None

    def list_clusters(self, f):  # type: ignore[no-untyped-def]
        self.last_filter = f
        return self.page


@pytest.fixture()
def cluster_client():  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from claimtrail.api.app import create_app
    from claimtrail.api.deps import get_store

    app = create_app()
    store = ClusterStore()
    app.dependency_overrides[get_store] = lambda: store
    return TestClient(app), store


def test_claim_page_draws_the_timeline(cluster_client) -> None:  # type: ignore[no-untyped-def]
    client, _ = cluster_client
    r = client.get("/claims/4")
    assert r.status_code == 200
    html = r.text
    inert(html)
    assert html.count('<a class="point status-') == 3 and html.count('<tr class="changed">') == 2
    assert "Dahl &lt;will&gt; resign" in html and "&lt;i&gt;Holm&lt;/i&gt; (assert)" in html
    assert client.get("/claims/5").status_code == 404


@pytest.mark.parametrize("query,status", [("?status=denied", "denied"), ("", None), ("?status=%3Cx%3E", None)])
def test_claims_list_filters_by_status(cluster_client, query: str, status: str | None) -> None:  # type: ignore[no-untyped-def]
    client, store = cluster_client
    r = client.get("/claims" + query)
    assert r.status_code == 200 and 'href="/claims/4"' in r.text
    assert store.last_filter.status == status


@pytest.mark.parametrize("path,status", [("/claims?offset=abc", 422), ("/no/such", 404)])
def test_page_errors_are_html_and_api_errors_json(client, path: str, status: int) -> None:  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/no/such")
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")


def test_search_pages_on(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimtrail.web.routes as web_routes

    monkeypatch.setattr(web_routes, "SEARCH_PAGE", 1)
    first = client.get("/search?q=said").text  # both articles say "said"
    assert "offset=1" in first and "Previous" not in first
    second = client.get("/search?q=said&offset=1").text
    assert "Previous" in second and "offset=2" not in second and 'start="2"' in second
    assert "No more articles" in client.get("/search?q=said&offset=2").text
