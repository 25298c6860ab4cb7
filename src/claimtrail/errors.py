"""One catalogue of coded, explained errors.

Every error a user can meet has a stable code, a one-line message and (for single-file runs) a
non-zero exit. In a batch the same error becomes a ``Failure`` record and the batch goes on.
"""
from __future__ import annotations

CODES: dict[str, str] = {
    "not-found": "no such file or directory",
    "no-input": "a folder holds no article files (.txt, .html, .htm, .jsonl)",
    "unreadable": "the file could not be read",
    "empty": "the article is empty",
    "binary": "the file looks binary, not text",
    "encoding": "the text could not be decoded",
    "too-large": "the file is over the size limit",
    "no-body": "no article body could be extracted from the HTML",
    "not-english": "the text is not English",
    "bad-record": "a JSONL line is not a valid article record",
    "internal": "an unexpected error while analysing the article",
}


class ClaimtrailError(Exception):
    """An input or usage problem with a stable code (see ``CODES``)."""

    def __init__(self, code: str, message: str) -> None:
        assert code in CODES, code
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"
