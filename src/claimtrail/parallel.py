"""Analysis over several processes: one Pipeline (one spaCy model) per worker process.

Articles go out in small batches and results come back in input order; only the parent process
writes to the store, so a store never sees two writers from one ingest.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .config import Options
from .model import Article, Dossier, Failure

_PIPELINE: Any = None


def _start(options: Options) -> None:
    global _PIPELINE
    from .nlp.pipeline import Pipeline

    _PIPELINE = Pipeline(options)


def _run(batch: list[Article | Failure]) -> list[Dossier | Failure]:
    return list(_PIPELINE.pipe(batch))


def pipe_parallel(articles: Iterable[Article | Failure], options: Options, workers: int,
                  batch: int = 8) -> Iterator[Dossier | Failure]:
    """Like ``Pipeline.pipe``, over ``workers`` processes; at most 2 batches a worker are in flight,
    so a large input is never read ahead into memory."""
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited store connection
    it = iter(articles)
    with ctx.Pool(workers, _start, (options,)) as pool:
        pending: deque[Any] = deque()
        while chunk := list(islice(it, batch)):
            pending.append(pool.apply_async(_run, (chunk,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
