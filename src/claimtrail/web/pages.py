"""Rendering pages: one Jinja2 environment (autoescape always on) and the HTML response headers.

Every page is sent with a Content-Security-Policy that allows only this app's own script and
styles: a second line of defence behind escaping, should an article's text ever slip through.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .article import STATUS_LABELS, person_href, safe_url
from .timeline import legend_icon

HERE = Path(__file__).parent
STATIC = HERE / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _env() -> Environment:
    # autoescape=True for every template, whatever its name: nothing from an article is trusted.
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["person"] = person_href
    env.filters["article"] = lambda key: "/articles/" + quote(str(key), safe="")
    env.filters["safe_url"] = safe_url
    env.filters["oneline"] = lambda s: " ".join(str(s or "").split())
    env.filters["clip"] = lambda s, n=160: (s if len(s) <= n else s[: n - 1].rstrip() + "…")
    env.filters["n"] = lambda k, one, many=None: f"{k} {one if k == 1 else (many or one + 's')}"
    env.globals["status_labels"] = STATUS_LABELS
    env.globals["legend_icon"] = legend_icon
    return env


ENV = _env()


def page(template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(template).render(**ctx), status_code=status_code, headers=HEADERS)


def not_found(what: str) -> HTMLResponse:
    return error_page(404, what)


def error_page(status: int, message: str) -> HTMLResponse:
    return page("error.html", status, title="Not found" if status == 404 else "Error", what=message)
