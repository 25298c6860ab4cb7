"""Analysis over several processes or machines, on Dask's distributed scheduler (not a home-made one).

``pipe_parallel(articles, options, workers)`` starts a local Dask cluster of ``workers`` processes
on 127.0.0.1 (no dashboard); with ``scheduler="tcp://host:8786"`` it uses a running Dask cluster
instead, whose workers must have claimtrail (and its model packages) installed. Each worker process
loads one Pipeline (one spaCy model) on its first batch and keeps it. Articles go out in small
batches, at most two batches a worker are in flight (a large input is never read ahead into
memory), and results come back in input order. Only the caller writes to the store, so a store never
sees two writers from one ingest.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import Any

from .config import Options
from .model import Article, Dossier, Failure

_PIPELINES: dict[Options, Any] = {}  # per worker process: one Pipeline per options


def _run(batch: list[Article | Failure], options: Options) -> list[Dossier | Failure]:
    pipeline = _PIPELINES.get(options)
    if pipeline is None:
        from .nlp.pipeline import Pipeline

        pipeline = _PIPELINES[options] = Pipeline(options)
    return list(pipeline.pipe(batch))


def _client(stack: ExitStack, workers: int, scheduler: str | None) -> Any:
    from distributed import Client, LocalCluster

    if scheduler:
        return stack.enter_context(Client(scheduler))
    cluster = stack.enter_context(LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR, worker_dashboard_address=None))
    return stack.enter_context(Client(cluster))


def pipe_parallel(articles: Iterable[Article | Failure], options: Options, workers: int, batch: int = 8,
                  scheduler: str | None = None) -> Iterator[Dossier | Failure]:
    """Like ``Pipeline.pipe``, over ``workers`` local processes or the Dask cluster at ``scheduler``."""
    it = iter(articles)
    with ExitStack() as stack:
        client = _client(stack, workers, scheduler)
        slots = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque[Any] = deque()
        while chunk := list(islice(it, batch)):
            pending.append(client.submit(_run, chunk, options, pure=False))
            while len(pending) >= slots:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
