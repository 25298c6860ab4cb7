"""JSON errors for the REST API: ``{"error": code, "message": text}`` with a fitting status.

Only paths under ``/api/`` are answered this way; the web app keeps its own (HTML) error pages,
so these handlers hand anything else back to FastAPI's defaults.
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ClaimtrailError
from ..store import StoreError

API_PREFIX = "/api/"

# Input problems of a posted article: what is wrong is the request, never the server.
_ARTICLE_STATUS = {"too-large": 413, "internal": 500}
# Store problems: a locked or unreachable store is the server's trouble, and passing.
_STORE_STATUS = {"locked": 503, "unreachable": 503, "no-store": 503, "read-only": 503}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": code, "message": message, **extra}


def _json(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _json(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(ClaimtrailError)
    async def article_error(request: Request, exc: ClaimtrailError) -> JSONResponse:
        return _json(_ARTICLE_STATUS.get(exc.code, 422), exc.code, exc.message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _json(_STORE_STATUS.get(exc.code, 500), f"store-{exc.code}", exc.message)

    @app.exception_handler(NotImplementedError)
    async def not_yet(request: Request, exc: NotImplementedError) -> JSONResponse:
        return _json(501, "not-implemented", str(exc) or "this store cannot answer that yet")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if not request.url.path.startswith(API_PREFIX):
            return await http_exception_handler(request, exc)
        code = {400: "bad-request", 404: "not-found", 405: "method-not-allowed", 413: "too-large"}.get(exc.status_code, "http-error")
        return _json(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        if not request.url.path.startswith(API_PREFIX):
            return await request_validation_exception_handler(request, exc)
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        first = details[0] if details else {"where": "request", "problem": "invalid"}
        return _json(422, "invalid-request", f"{first['where']}: {first['problem']}", details=details)


class BodyLimit:
    """Refuse an API request whose declared body is far over any article the server would take,
    before it is read: ``max_bytes`` of text may grow up to sixfold as JSON (``\\uXXXX`` escapes).
    A body without a Content-Length is read as usual and the text is measured after parsing."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.cap = app, 6 * max_bytes + (1 << 16)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX):
            length = dict(scope.get("headers") or ()).get(b"content-length", b"")
            if length.isdigit() and int(length) > self.cap:
                response = _json(413, "too-large", f"the request body ({int(length):,} bytes) is over the limit "
                                                   f"({self.cap:,} bytes)")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
