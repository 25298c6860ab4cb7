"""Bearer tokens: writing needs the write token; reading needs the read token when one is set.

No token configured for writing means writing is off (403, saying how to turn it on): a server
started without thought must not accept articles from anyone. The write token also reads.
Tokens are compared with ``hmac.compare_digest`` (no timing hints about how much matched).
"""
from __future__ import annotations

import hmac

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .deps import ENV_READ_TOKEN, ENV_WRITE_TOKEN, ServeSettings, get_settings
from .errors import ApiError

bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <token> (read or write token)")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def _matches(given: str, expected: str | None) -> bool:
    return expected is not None and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _presented(cred: HTTPAuthorizationCredentials | None) -> str:
    if cred is None or not cred.credentials:
        raise ApiError(401, "unauthorized", "this endpoint needs a token: send 'Authorization: Bearer <token>'",
                       _CHALLENGE)
    return cred.credentials


def require_read(cred: HTTPAuthorizationCredentials | None = Depends(bearer),
                 settings: ServeSettings = Depends(get_settings)) -> None:
    if settings.read_token is None:
        return
    token = _presented(cred)
    if not (_matches(token, settings.read_token) or _matches(token, settings.write_token)):
        raise ApiError(403, "forbidden", "the token given is not the read or write token of this server")


def require_write(cred: HTTPAuthorizationCredentials | None = Depends(bearer),
                  settings: ServeSettings = Depends(get_settings)) -> None:
    if settings.write_token is None:
        raise ApiError(403, "writing-disabled",
                       f"writing is turned off on this server: configure a write token ({ENV_WRITE_TOKEN} in "
                       f"the environment, or write_token in the [serve] table of `claimtrail serve --config FILE`)")
    if not _matches(_presented(cred), settings.write_token):
        raise ApiError(403, "forbidden", "the token given is not this server's write token"
                       + (f" (reading tokens, {ENV_READ_TOKEN}, cannot write)" if settings.read_token else ""))
