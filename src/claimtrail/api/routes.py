"""The REST API under ``/api/v1``: analyse, store, and browse a store page by page.

Each handler is a thin call into the library or the store; records become JSON through the
models in ``models.py``. Handlers are plain ``def``: FastAPI runs them in its thread pool, where a
per-request store (``deps.get_store``) and the locked pipeline (``deps.analyze_article``) belong.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Response

from .. import __version__
from ..errors import ClaimtrailError
from ..model import ClaimStatus, EntityType, Stance
from ..store import Store, content_hash
from ..store.queries import MAX_LIMIT, Filter
from . import models as m
from .auth import require_read, require_write
from .deps import ServeSettings, analyze_article, article_from_post, get_settings, get_store
from .errors import ApiError

PREFIX = "/api/v1"
M = TypeVar("M", bound=m.BaseModel)

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": m.Error, "description": text} for code, text in
    ((401, "no token given where one is needed"), (403, "wrong token, or writing turned off"),
     (422, "invalid parameters"), (503, "the store is locked or unreachable"))}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": m.Error, "description": "nothing by that key"}}

open_router = APIRouter(prefix=PREFIX, tags=["service"])
router = APIRouter(prefix=PREFIX, dependencies=[Depends(require_read)], responses=_ERRORS)

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[ServeSettings, Depends(get_settings)]
# No NUL characters: PostgreSQL refuses them in text, and no name or word holds one.
Text = Annotated[str | None, Query(max_length=500, pattern=r"^[^\x00]*$")]
Day = Annotated[date | None, Query(description="ISO date (YYYY-MM-DD), inclusive, on the publication date")]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _filter(offset: int, limit: int, entity: str | None = None, status: str | None = None,
            stance: str | None = None, date_from: date | None = None, date_to: date | None = None) -> Filter:
    return Filter(entity=entity or None, status=status, stance=stance,
                  date_from=date_from.isoformat() if date_from else None,
                  date_to=date_to.isoformat() if date_to else None, offset=offset, limit=limit)


def _page(model: type[M], page: Any) -> m.Page[M]:
    return m.Page[model](items=[model.model_validate(i) for i in page.items],  # type: ignore[valid-type]
                         total=page.total, offset=page.offset, limit=page.limit)


# --- service ---------------------------------------------------------------------------------------
@open_router.get("/health", response_model=m.Health, summary="Is the server up, and can it read its store?")
def health(store: StoreDep) -> m.Health:
    # Cheap on purpose (probes call it often): no counting, which is a full scan on PostgreSQL.
    return m.Health(status="ok", version=__version__, schema_version=store.schema_version())  # type: ignore[attr-defined]


# --- analysis and writing ------------------------------------------------------------------------------
def _analyzed(body: m.AnalyzeRequest, settings: ServeSettings) -> Any:
    raw = body.text if body.text is not None else body.html or ""
    limit = settings.options.max_bytes
    # Refuse before any work (HTML extraction or parsing): the size limit of the ingest, in bytes.
    if len(raw) > limit or len(raw.encode("utf-8", "surrogatepass")) > limit:
        raise ClaimtrailError("too-large", f"the article is over the size limit ({limit:,} bytes)")
    if "\x00" in raw:  # NUL is no text character (and PostgreSQL refuses it): binary data, not an article
        raise ClaimtrailError("binary", "the article holds NUL characters: it looks binary, not text")
    published = body.published.isoformat() if body.published else None
    return analyze_article(article_from_post(raw, html=body.html is not None, published=published,
                                             title=body.title), settings.options)


@router.post("/analyze", response_model=m.Dossier, tags=["analysis"],
             summary="Analyse a posted article (nothing is stored)",
             responses={413: {"model": m.Error, "description": "over the size limit"}})
def analyze(body: m.AnalyzeRequest, settings: SettingsDep) -> Any:
    return _analyzed(body, settings).to_dict()


@router.post("/articles", response_model=m.Stored, status_code=201, tags=["articles"],
             dependencies=[Depends(require_write)], summary="Analyse an article and store it (write token)",
             responses={200: {"model": m.Stored, "description": "the same text was stored before"},
                        413: {"model": m.Error, "description": "over the size limit"}})
def post_article(body: m.AnalyzeRequest, response: Response, store: StoreDep, settings: SettingsDep) -> m.Stored:
    dossier = _analyzed(body, settings)
    stored = store.put(dossier, origin="api")
    doc = dossier.document
    key = content_hash(doc.text)
    if not stored:
        response.status_code = 200
    response.headers["Location"] = f"{PREFIX}/articles/{key}"
    return m.Stored(stored=stored, article=m.ArticleRef(id=doc.id, content_hash=key, title=doc.title,
                                                        published=doc.published))


# --- reading -----------------------------------------------------------------------------------------
@router.get("/articles", response_model=m.Page[m.ArticleSummary], tags=["articles"],
            summary="Stored articles, newest first")
def list_articles(store: StoreDep, entity: Text = None, date_from: Day = None, date_to: Day = None,
                  offset: Offset = 0, limit: Limit = 20) -> Any:
    return _page(m.ArticleSummary, store.list_articles(_filter(offset, limit, entity, date_from=date_from,
                                                               date_to=date_to)))


@router.get("/articles/{key:path}", response_model=m.Dossier, tags=["articles"], responses=_NOT_FOUND,
            summary="A stored article's dossier, by document id or content hash")
def get_article(store: StoreDep, key: Annotated[str, Path(max_length=500, pattern=r"^[^\x00]*$")]) -> Any:
    dossier = store.get(key)
    if dossier is None:
        raise ApiError(404, "not-found", f"no stored article has the id or content hash {key!r}")
    return dossier.to_dict()


@router.get("/entities", response_model=m.Page[m.EntitySummary], tags=["entities"],
            summary="Names across the store, those in most articles first")
def list_entities(store: StoreDep, prefix: Text = None, type: EntityType | None = None,
                  date_from: Day = None, date_to: Day = None, offset: Offset = 0, limit: Limit = 20) -> Any:
    f = _filter(offset, limit, date_from=date_from, date_to=date_to)
    return _page(m.EntitySummary, store.list_entities(f, prefix=prefix, type=type))


@router.get("/entities/{name:path}", response_model=m.EntityDetail, tags=["entities"], responses=_NOT_FOUND,
            summary="Everything about one name: appearances with roles and statements, and claims about it")
def get_entity(store: StoreDep, name: Annotated[str, Path(max_length=500, pattern=r"^[^\x00]*$")],
               limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    appearances = store.who(name, limit=limit)
    if not appearances:
        raise ApiError(404, "not-found", f"no entity in the store goes by {name!r}")
    return m.EntityDetail(name=name, appearances=[m.Appearance.model_validate(a) for a in appearances],
                          claims=[m.ClaimEvent.model_validate(c) for c in store.claims_about(name, limit=limit)])


@router.get("/attributions", response_model=m.Page[m.AttributionRow], tags=["statements"],
            summary="Who said what, newest first")
def list_attributions(store: StoreDep, entity: Text = None, stance: Stance | None = None, date_from: Day = None,
                      date_to: Day = None, offset: Offset = 0, limit: Limit = 20) -> Any:
    f = _filter(offset, limit, entity, stance=stance, date_from=date_from, date_to=date_to)
    return _page(m.AttributionRow, store.list_attributions(f))


@router.get("/claims", response_model=m.Page[m.ClaimRow], tags=["claims"], summary="Claims, newest first")
def list_claims(store: StoreDep, entity: Text = None, status: ClaimStatus | None = None, date_from: Day = None,
                date_to: Day = None, cluster: Annotated[int | None, Query(ge=0, le=2**62)] = None,
                article: Annotated[str | None, Query(max_length=200, description="an article's id or content hash")] = None,
                offset: Offset = 0, limit: Limit = 20) -> Any:
    f = _filter(offset, limit, entity, status=status, date_from=date_from, date_to=date_to)
    return _page(m.ClaimRow, store.list_claims(f, cluster=cluster, article=article))


@router.get("/clusters", response_model=m.Page[m.ClusterSummary], tags=["claims"],
            summary="Claim clusters: the same claim across articles")
def list_clusters(store: StoreDep, entity: Text = None, status: ClaimStatus | None = None, date_from: Day = None,
                  date_to: Day = None, offset: Offset = 0, limit: Limit = 20) -> Any:
    f = _filter(offset, limit, entity, status=status, date_from=date_from, date_to=date_to)
    return _page(m.ClusterSummary, store.list_clusters(f))


@router.get("/clusters/{cluster_id}", response_model=m.ClusterTimeline, tags=["claims"], responses=_NOT_FOUND,
            summary="One cluster's timeline: its claims by publication date, status changes marked")
def get_cluster(store: StoreDep, cluster_id: Annotated[int, Path(ge=0, le=2**62)]) -> Any:
    timeline = store.cluster(cluster_id)
    if timeline is None:
        raise ApiError(404, "not-found", f"no claim cluster {cluster_id}")
    return m.ClusterTimeline.model_validate(timeline)


@router.get("/search", response_model=m.SearchResults, tags=["search"],
            summary="Full-text search over titles and texts, best first")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500, pattern=r"^[^\x00]*$")],
           offset: Offset = 0, limit: Limit = 20) -> Any:
    hits = store.search(q, limit=limit, offset=offset)
    return m.SearchResults(query=q, items=[m.SearchHit.model_validate(h) for h in hits], limit=limit, offset=offset)


@open_router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
def unknown(rest: str) -> None:
    # Unknown API paths answer in JSON, whatever error page the web app mounts for the rest of the site.
    raise ApiError(404, "not-found", f"no such API endpoint: {PREFIX}/{rest}")
