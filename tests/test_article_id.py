"""A dossier's id, when the input gave none, is the start of the store's content hash of its text."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.model import Article
from claimtrail.nlp.records import article_id
from claimtrail.store import content_hash, open_store

TEXT = "Mayor Lena Ortiz said on Monday that the bridge would reopen in May."


@pytest.mark.parametrize(("given", "other"), [
    (TEXT, TEXT),
    (TEXT, "  " + TEXT.replace(" the ", "\n the  ") + "\n"),  # whitespace differs: one article
    ("Cafe\u0301 owners said prices rose.", "Caf\u00e9 owners said prices rose."),  # NFD vs NFC
])
def test_id_is_a_prefix_of_the_content_hash(given: str, other: str) -> None:
    a, b = article_id(Article(given)), article_id(Article(other))
    assert a == b and a.startswith("sha256:") and len(a) == len("sha256:") + 16
    assert content_hash(given).startswith(a)


def test_a_given_id_wins() -> None:
    assert article_id(Article(TEXT, id="wire-17")) == "wire-17"


def test_store_finds_the_article_by_printed_id_and_by_hash(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [dossier] = list(pipeline.pipe([Article(TEXT)]))
    with open_store(str(tmp_path / "ids.db")) as store:
        assert store.put(dossier)
        for key in (dossier.document.id, content_hash(TEXT)):
            found = store.get(key)
            assert found is not None and found.document.id == dossier.document.id
