"""The FastAPI application: the REST API under /api/v1 and the web app at /."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from . import errors
from .deps import ServeSettings, StorePool

DESCRIPTION = """Who said what, about whom, when, and how sure anyone is — over a claimtrail store.

Reading is open unless the server has a read token; writing (`POST /api/v1/articles`) needs the
write token, and is turned off when none is configured. Send tokens as `Authorization: Bearer …`.
Listings are paged with `offset` and `limit`; errors are JSON: `{"error": code, "message": text}`."""


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    from .routes import open_router, router

    settings = settings or ServeSettings()
    stores = StorePool(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="claimtrail", version="1", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.stores = stores
    errors.install(app)  # before the web app: it wraps the HTTP error handler it finds for its own pages
    app.add_middleware(errors.BodyLimit, max_bytes=app.state.settings.options.max_bytes)
    app.include_router(router)
    app.include_router(open_router)  # last: it ends with the JSON 404 for unknown /api/v1 paths
    try:  # the web app registers its pages and static files here (web/routes.py: ``mount(app)``)
        from ..web.routes import mount
    except ImportError:
        pass
    else:
        mount(app)
    return app
