"""Bytes to text: BOMs, UTF-8, then a guessed code page; binary files refused.

The order matters. A byte-order mark decides outright; strict UTF-8 next (most text today, and a
wrong guess is near impossible); only then charset-normalizer, whose ties are broken towards
Windows-1252, the code page of most non-UTF-8 English and Western European news.
"""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import ClaimtrailError

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF = 8192  # bytes looked at to decide "binary"
MAX_CONTROL_SHARE = 0.02  # more control characters than this (besides tab/newline) is not prose


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise ``ClaimtrailError`` "binary" or "encoding" when it can't be."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], enc)
    if b"\x00" in data[:SNIFF]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ClaimtrailError("binary", "the file looks binary, not text (it contains NUL bytes)")
        return _refuse_control(text)
    try:
        return _refuse_control(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _refuse_control(_guess(data))


def _decode(data: bytes, encoding: str) -> str:
    try:
        return _refuse_control(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise ClaimtrailError("encoding", f"the text could not be decoded as {encoding} (byte {exc.start})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark has its NULs all on one side of each byte pair (ASCII-heavy text)."""
    head = data[:SNIFF - SNIFF % 2]
    even_nul, odd_nul = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2 or 1
    for share, enc in ((odd_nul, "utf-16-le"), (even_nul, "utf-16-be")):
        other = even_nul if enc == "utf-16-le" else odd_nul
        if share / pairs > 0.5 and other == 0:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> str:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        if _control_share(data[:SNIFF].decode("latin-1")) > MAX_CONTROL_SHARE:
            raise ClaimtrailError("binary", "the file looks binary, not text")
        raise ClaimtrailError("encoding", "the text is neither UTF-8 nor any encoding that could be recognised")
    best = matches[0]
    for m in matches:  # equally good guesses: take the Western code page (cp1250 would turn ñ into ń)
        if m.chaos <= best.chaos + 0.02 and "cp1252" in m.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(best)


def _control_share(text: str) -> float:
    sample = text[:SNIFF]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cs"))
    return bad / len(sample)


def _refuse_control(text: str) -> str:
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ClaimtrailError("binary", "the file looks binary, not text (control characters)")
    return text
