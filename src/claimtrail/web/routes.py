"""The web app's pages and static files, mounted on the API's FastAPI app (``mount(app)``).

Server-rendered HTML over the store (``api.deps.get_store``, one store per request). The pages are
left out of the OpenAPI spec (``include_in_schema=False``): they are for people, the spec is for
programs. Errors outside ``/api`` (404, a bad parameter, an unreadable store) are HTML pages; under
``/api`` the API's own JSON handlers (or FastAPI's) answer as before.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..api.deps import analyze_text, get_store
from ..claims_board import ORDER as STATUSES
from ..config import Options
from ..errors import ClaimtrailError
from ..store import Store, StoreError, content_hash
from ..store.queries import MAX_LIMIT, Filter
from .article import article_view
from .pages import STATIC, error_page, not_found, page
from .timeline import timeline_svg
from .views import about_claims, article_clusters, event_rows, optional, person_blocks, status_counts

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/")
def home(store: StoreDep) -> Response:
    return page("home.html", title="claimtrail",
                articles=optional(lambda: store.list_articles(Filter(limit=15)).items, ()),
                people=optional(lambda: store.list_entities(Filter(limit=20), type="PERSON").items, ()),
                clusters=optional(lambda: store.list_clusters(Filter(limit=10)).items, ()),
                counts=store.counts())


def _claim_rows_of(store: Store, key: str) -> list:
    f = Filter(limit=MAX_LIMIT)
    return list(optional(lambda: store.list_claims(f, article=key).items, ()))


@router.get("/articles/{key:path}")
def article(key: str, store: StoreDep) -> Response:
    d = store.get(key)
    if d is None:
        return not_found(f"No article with the id “{key}” in this store.")
    h = content_hash(d.document.text)
    clusters = article_clusters(h, _claim_rows_of(store, h))
    v = article_view(d, clusters)
    return page("article.html", title=v.title, v=v, stored=True)


@router.get("/people/{name:path}")
def person(name: str, store: StoreDep) -> Response:
    appearances = store.who(name)
    events = store.claims_about(name)
    if not appearances and not events:
        return not_found(f"Nobody called “{name}” in this store.")
    rows = optional(lambda: store.list_claims(Filter(entity=name, limit=MAX_LIMIT)).items, ())
    return page("person.html", title=name, name=name, people=person_blocks(appearances),
                about=about_claims(events, list(rows)))


@router.get("/claims")
def claims(store: StoreDep, status: str | None = None, offset: int = 0) -> Response:
    status = status if status in STATUSES else None
    offset = max(0, offset)
    listing = optional(lambda: store.list_clusters(Filter(status=status, offset=offset, limit=50)), None)
    return page("claims.html", title="Claims", listing=listing, status=status, statuses=STATUSES)


@router.get("/claims/{cluster_id}")
def claim(cluster_id: str, store: StoreDep) -> Response:
    t = optional(lambda: store.cluster(int(cluster_id)), None) if cluster_id.isdigit() else None
    if t is None:
        return not_found(f"No claim cluster “{cluster_id}” in this store.")
    return page("claim.html", title=t.cluster.label, t=t, svg=timeline_svg(t.events, t.cluster.label),
                events=event_rows(t), counts=status_counts(t))


SEARCH_PAGE = 30  # hits per search page


@router.get("/search")
def search(store: StoreDep, q: str = "", offset: int = 0) -> Response:
    q, offset = q.strip()[:200], min(max(0, offset), 10**6)
    hits = store.search(q, limit=SEARCH_PAGE + 1, offset=offset) if q else []  # one more: is there a next page?
    people = (optional(lambda: store.list_entities(Filter(limit=10), prefix=q, type="PERSON").items, ())
              if q and not offset else ())
    return page("search.html", title=f"Search: {q}" if q else "Search", q=q, hits=hits[:SEARCH_PAGE], people=people,
                offset=offset, more=len(hits) > SEARCH_PAGE, page_size=SEARCH_PAGE)


@router.get("/analyze")
def analyze_form() -> Response:
    return page("analyze.html", title="Analyse a text", text="", published="", error=None)


@router.post("/analyze")
def analyze_post(text: Annotated[str, Form(max_length=Options().max_bytes)] = "",
                 published: Annotated[str, Form(max_length=10)] = "") -> Response:
    if not text.strip():
        return page("analyze.html", 422, title="Analyse a text", text=text, published=published,
                    error="Paste some text to analyse.")
    try:
        d = analyze_text(text, published.strip() or None)
    except ClaimtrailError as e:
        return page("analyze.html", 422, title="Analyse a text", text=text, published=published, error=str(e))
    v = article_view(d)
    return page("article.html", title=f"Analysis: {v.title}", v=v, stored=False)


def _is_page(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/static", "/openapi", "/docs", "/redoc"))


def _html_errors(app: FastAPI) -> None:
    """Errors on pages are HTML pages; under /api whatever handler was installed (JSON) answers."""
    defaults: dict[type[Exception], Any] = {StarletteHTTPException: http_exception_handler,
                                            RequestValidationError: request_validation_exception_handler}

    def wrap(cls: type[Exception], render: Callable[[Exception], Response]) -> None:
        previous = app.exception_handlers.get(cls, defaults.get(cls))

        async def handler(request: Request, exc: Exception) -> Response:
            if _is_page(request):
                return render(exc)
            if previous is None:
                raise exc
            return await previous(request, exc)

        app.add_exception_handler(cls, handler)

    wrap(StarletteHTTPException, lambda e: not_found("There is no page at this address.")
         if getattr(e, "status_code", 0) == 404 else error_page(getattr(e, "status_code", 500), str(e)))
    wrap(RequestValidationError, lambda e: error_page(422, "Some of this address's parameters are not valid."))
    wrap(StoreError, lambda e: error_page(503, f"The store cannot be read: {e}"))


def mount(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _html_errors(app)
