"""Many articles into a store: ``ingest(paths, db_url)``, resumable and idempotent.

An article is identified by ``store.content_hash`` of its text, checked *before* the NLP runs, so a
re-run only analyses what is not stored yet. Each article is stored in one transaction, so a run
killed at any moment (even ``kill -9``) and run again ends with every article stored exactly once.
Failures are stored with their reason, keyed by their input (file path, or ``file.jsonl:LINE``),
and are tried again on every run that reads that input; ``retry_failures`` re-reads only those.

The Pipeline (spaCy) is loaded only when some article needs analysing: a re-run over a stored corpus
costs reading and hashing the inputs.

Claims are clustered across articles (``claimtrail.trail``) by a child process beside the analysis
(``trail.background``), nudged after the first and every ``CLUSTER_EVERY`` stored articles, and at the
end of the run; a run killed in between leaves claims unclustered, which the next ingest (or
``claimtrail cluster``) picks up. Without the embedding model the articles are still stored and ``cluster_note`` says why
clustering was skipped.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Options
from .model import Article, Dossier, Failure
from .store import DEFAULT_DB, Store, content_hash, open_store
from .trail.background import Clusterer


@dataclass
class IngestStats:
    stored: int = 0
    skipped: int = 0  # already in the store, or the same text twice in this run
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    done: bool = False
    clustered: int = 0  # claims clustered across articles by this run
    cluster_note: str | None = None  # why clustering was skipped, if it was
    cluster_passes: list[int] = field(default_factory=list)  # claims clustered by each pass

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def analysed(self) -> int:
        return self.stored + self.failed

    @property
    def rate(self) -> float:
        """Articles analysed (stored or failed) per second."""
        return self.analysed / self.elapsed if self.elapsed > 0 else 0.0


Progress = Callable[[IngestStats], None]


CLUSTER_EVERY = 5  # stored articles between two nudges to the clustering process (nudges queued while it
# works make one pass; few articles left at the end means a short last pass after the analysis)


def ingest(paths: Iterable[str | Path], db_url: str = DEFAULT_DB, options: Options | None = None, *,
           workers: int = 1, progress: Progress | None = None, published: str | None = None,
           store: Store | None = None, pipeline: Any = None, cluster: bool = True) -> IngestStats:
    """Analyse and store every article under ``paths`` not stored yet; failures are stored too.

    ``progress`` is called after each article (stored, skipped or failed) and once at the end;
    ``store`` and ``pipeline`` may be given to reuse ones already open (then left open)."""
    from .ingest.files import read_inputs

    options = options or Options()
    own = store is None
    store = store or open_store(db_url)
    stats = IngestStats()
    origins: dict[str, str | None] = {}  # content hash -> where the article was read from

    def todo() -> Iterator[Article | Failure]:
        for item in read_inputs(paths, options, published=published):
            if isinstance(item, Article):
                h = content_hash(item.text)
                if h in origins or store.has(h):
                    stats.skipped += 1
                    if progress:
                        progress(stats)
                    continue
                origins[h] = item.origin
            yield item

    clusterer = Clusterer(store.url, stats) if cluster else None
    try:
        for result in _analysed(todo(), options, workers, pipeline):
            if isinstance(result, Dossier):
                h = content_hash(result.document.text)
                if store.put(result, origins.pop(h, None)):
                    stats.stored += 1
                    if clusterer and (stats.stored == 1 or stats.stored % CLUSTER_EVERY == 0):
                        clusterer.poke()
                else:  # stored meanwhile by another ingest: still exactly once
                    stats.skipped += 1
            else:
                store.put_failure(result)
                stats.failed += 1
            if progress:
                progress(stats)
        if clusterer:
            clusterer.finish()
            clusterer = None
    finally:
        if clusterer:  # an error above: stop the child, keep what it clustered
            clusterer.finish(raise_errors=False)
        stats.done = True
        if progress:
            progress(stats)
        if own:
            store.close()
    return stats


def retry_failures(db_url: str = DEFAULT_DB, options: Options | None = None, *, workers: int = 1,
                   progress: Progress | None = None) -> IngestStats:
    """Read again the inputs of the stored failures (a JSONL file whole: its stored lines are skipped)."""
    with open_store(db_url) as store:
        paths = list(dict.fromkeys(p for f in store.failures() if (p := input_path(f.origin))))
    return ingest(paths, db_url, options, workers=workers, progress=progress)


def input_path(origin: str) -> str | None:
    """The file a failure's origin names ("a.jsonl:12" → "a.jsonl"), if it is still there."""
    for candidate in (re.sub(r":\d+$", "", origin), origin):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _analysed(articles: Iterator[Article | Failure], options: Options, workers: int,
              pipeline: Any = None) -> Iterator[Dossier | Failure]:
    """Dossiers and failures; spaCy is loaded only once an article needs it."""
    for item in articles:
        if isinstance(item, Failure):  # failures before the first article need no model
            yield item
            continue
        stream = _chain(item, articles)
        if workers > 1 or options.scheduler:
            from .parallel import pipe_parallel

            yield from pipe_parallel(stream, options, workers, scheduler=options.scheduler)
        elif pipeline is not None:
            yield from pipeline.pipe(stream)
        else:
            from .nlp.pipeline import Pipeline

            yield from Pipeline(options).pipe(stream)
        return


def _chain(first: Article | Failure, rest: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    yield first
    yield from rest
