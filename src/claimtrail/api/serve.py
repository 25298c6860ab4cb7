"""``claimtrail serve``: the API and web app over one store, with uvicorn."""
from __future__ import annotations

import sys
from pathlib import Path

from ..store import open_store
from .deps import ConfigError, ServeSettings, load_settings


def settings_for(db: str | None, config: Path | None) -> ServeSettings:
    """The settings ``serve`` runs with; opens the store once so a bad --db fails now, not per request."""
    settings = load_settings(db=db, config=config)
    open_store(settings.db).close()  # creates and migrates a new store; StoreError when unusable
    return settings


def serve(db: str | None, host: str, port: int, config: Path | None) -> int:
    import uvicorn

    from .app import create_app

    try:
        settings = settings_for(db, config)
    except ConfigError as exc:
        print(f"claimtrail: {exc}", file=sys.stderr)
        return 2
    reading = "open" if settings.read_token is None else "needs the read token"
    writing = "off (no write token configured)" if settings.write_token is None else "needs the write token"
    print(f"claimtrail: serving {settings.db} on http://{host}:{port}/ (API: /api/v1, spec: /docs); "
          f"reading {reading}; writing {writing}", file=sys.stderr)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    return 0
