"""The FastAPI application: the REST API under /api/v1 and the web app at /."""
from __future__ import annotations

from fastapi import FastAPI

from .deps import ServeSettings


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    app = FastAPI(title="claimtrail", version="1")
    app.state.settings = settings or ServeSettings()
    try:  # the web app registers its pages and static files here (web/routes.py: ``mount(app)``)
        from ..web.routes import mount
    except ImportError:
        pass
    else:
        mount(app)
    return app
