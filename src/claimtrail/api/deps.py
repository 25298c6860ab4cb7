"""What every request needs: the serve settings, a store, and (for analysis) the one pipeline.

Shared by the REST API (``api/``) and the web app (``web/``); neither imports spaCy: the pipeline
is loaded on first use, once per process, behind a lock.
"""
from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request

from ..config import Options
from ..errors import ClaimtrailError
from ..model import Article, Dossier, Failure
from ..store import DEFAULT_DB, Store, StoreError, open_store

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline

ENV_READ_TOKEN = "CLAIMTRAIL_READ_TOKEN"
ENV_WRITE_TOKEN = "CLAIMTRAIL_WRITE_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    db: str = DEFAULT_DB
    # Tokens stay out of repr(): settings printed in a log or a traceback must not give them away.
    read_token: str | None = field(default=None, repr=False)  # None: reading is open
    write_token: str | None = field(default=None, repr=False)  # None: writing is refused (no token configured)
    options: Options = Options()  # analysis limits (max_bytes, language check) for posted articles


class ConfigError(ValueError):
    """A --config file that cannot be read or holds something claimtrail does not know."""


def load_settings(*, db: str | None = None, config: str | Path | None = None,
                  env: Mapping[str, str] | None = None) -> ServeSettings:
    """Settings from, highest first: the command line (``db``), the environment (tokens), the
    ``[serve]`` table of a TOML ``config`` file (db, read_token, write_token), the defaults.
    An empty token counts as none."""
    env = os.environ if env is None else env
    table = _read_config(Path(config)) if config else {}
    settings = ServeSettings(db=table.get("db") or DEFAULT_DB, read_token=table.get("read_token") or None,
                             write_token=table.get("write_token") or None)
    if env.get(ENV_READ_TOKEN):
        settings = replace(settings, read_token=env[ENV_READ_TOKEN])
    if env.get(ENV_WRITE_TOKEN):
        settings = replace(settings, write_token=env[ENV_WRITE_TOKEN])
    return replace(settings, db=db) if db else settings


def _read_config(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: the config file cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table: Any = data.get("serve", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [serve] must be a table")
    unknown = sorted(set(table) - {"db", "read_token", "write_token"})
    if unknown:  # a typo ("write-token") must not leave writing silently open or closed
        raise ConfigError(f"{path}: unknown [serve] keys: {', '.join(unknown)} (known: db, read_token, write_token)")
    for key, value in table.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: [serve] {key} must be a string")
    return dict(table)


def get_settings(request: Request) -> ServeSettings:
    return request.app.state.settings


class StorePool:
    """Open stores kept between requests: opening one costs a connection, and on PostgreSQL that
    is most of a quick request's time. Each store serves one request at a time (taken, then given
    back); one that failed during a request is closed, not given back, so a broken connection
    is never reused. SQLite connections are opened for use from any thread (``check_same_thread``
    off), which this needs: FastAPI may run a request's parts on different pool threads."""

    def __init__(self, url: str, keep: int = 8) -> None:
        self.url, self.keep = url, keep
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    def take(self) -> Store:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        return store if store is not None else open_store(self.url)

    def give_back(self, store: Store) -> None:
        with self._lock:
            if len(self._idle) < self.keep and not getattr(getattr(store, "conn", None), "closed", False):
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def get_store(request: Request) -> Iterator[Store]:
    """A store for one request, from the app's pool (``create_app`` makes one) or opened for it."""
    pool: StorePool | None = getattr(request.app.state, "stores", None)
    if pool is None or pool.url != get_settings(request).db:
        store = open_store(get_settings(request).db)
        try:
            yield store
        finally:
            store.close()
        return
    store = pool.take()
    try:
        yield store
    except StoreError:  # locked, unreachable, …: start afresh next time
        store.close()
        raise
    except BaseException:  # a 404, a refused token, a bad article: the store itself is fine
        pool.give_back(store)
        raise
    pool.give_back(store)


# --- the analysis pipeline: one per process, loaded on first use -----------------------------------
_LOCK = threading.Lock()
_PIPELINES: dict[Options, "Pipeline"] = {}


def _pipeline(options: Options) -> "Pipeline":
    # Called with _LOCK held: two first requests at once must not load spaCy twice.
    if options not in _PIPELINES:
        from ..nlp.pipeline import Pipeline

        _PIPELINES[options] = Pipeline(options)
    return _PIPELINES[options]


def analyze_article(article: Article, options: Options = Options()) -> Dossier:
    """Analyse one article (checked as ingest checks it); ``ClaimtrailError`` when it cannot be.

    One analysis at a time per process: a spaCy pipeline is not made for concurrent calls, and
    the work is CPU-bound, so threads would gain nothing."""
    with _LOCK:
        result = next(_pipeline(options).pipe([article]))
    if isinstance(result, Failure):
        raise ClaimtrailError(result.code, result.message)
    return result


def article_from_post(text: str, *, html: bool = False, published: str | None = None,
                      title: str | None = None) -> Article:
    """A posted text or HTML page as an ``Article``; HTML goes through the ingest's extraction."""
    if html:
        from ..ingest.html import article_from_html

        art = article_from_html(text, "api")
        if published:
            art = replace(art, published=published, published_basis="given")
        return replace(art, title=title or art.title)
    return Article(text=text, title=title, published=published, published_basis="given" if published else None,
                   origin="api")


def analyze_text(text: str, published: str | None = None, *, html: bool = False,
                 options: Options = Options()) -> Dossier:
    """Analyse one posted article without storing it (the pipeline loads once per process)."""
    return analyze_article(article_from_post(text, html=html, published=published), options)
