"""Schemathesis against the API's own OpenAPI spec, in process (ASGI): whatever the spec allows a
client to send, the server never answers with a 5xx, and its answers match the spec."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from claimtrail.api import deps
from claimtrail.api.app import create_app
from claimtrail.api.deps import ServeSettings
from claimtrail.config import Options
from claimtrail.store import open_store
from test_store import first, second, undated
from test_store_browse import orban

_FOLDER = Path(tempfile.mkdtemp(prefix="claimtrail-schema-"))
# A write token, so the writing endpoint is reached past "writing is off" (fuzzed headers mostly miss it).
APP = create_app(ServeSettings(db=str(_FOLDER / "store.db"), write_token="fuzz",
                               options=Options(max_bytes=20_000)))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
# Both what the spec allows and what it forbids (a forbidden request must get a 4xx, never a 5xx);
# NUL characters too, which PostgreSQL would refuse in text.
schema.config.generation.update(modes=list(GenerationMode), allow_x00=True)


@pytest.fixture(scope="module", autouse=True)
def store():  # type: ignore[no-untyped-def]
    with open_store(str(_FOLDER / "store.db")) as s:
        for d in (first(), second(), undated(), orban("2026-03-05", "o1")):
            s.put(d)
    yield
    shutil.rmtree(_FOLDER, ignore_errors=True)


@pytest.fixture(autouse=True)
def loaded(pipeline, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(deps._PIPELINES, Options(max_bytes=20_000), pipeline)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case) -> None:  # type: ignore[no-untyped-def]
    # With the write token: posted articles are analysed and stored, so the store's writing is fuzzed too.
    case.call_and_validate(headers={"Authorization": "Bearer fuzz"},
                           checks=[not_a_server_error, response_schema_conformance])
