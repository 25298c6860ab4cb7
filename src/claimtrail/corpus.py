"""Many articles into a store: ``ingest(paths, db_url)``, resumable and idempotent.

An article is identified by ``store.content_hash`` of its text, checked *before* the NLP runs, so a
re-run only analyses what is not stored yet. Each article is stored in one transaction, so a run
killed at any moment (even ``kill -9``) and run again ends with every article stored exactly once.
Failures are stored with their reason, keyed by their input (file path, or ``file.jsonl:LINE``),
and are tried again on every run that reads that input; ``retry_failures`` re-reads only those.

The Pipeline (spaCy) is loaded only when some article needs analysing: a re-run over a stored corpus
costs reading and hashing the inputs.

Claims are clustered across articles (``claimtrail.trail``) by a child process beside the analysis,
nudged after the first and every ``CLUSTER_EVERY`` stored articles, and at the end of the run; a run
killed in between leaves claims unclustered, which the next ingest (or ``claimtrail cluster``) picks
up. Without the embedding model the articles are still stored and ``cluster_note`` says why
clustering was skipped.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Options
from .model import Article, Dossier, Failure
from .store import DEFAULT_DB, Store, content_hash, open_store


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

    clusterer = _Clusterer(store.url, stats) if cluster else None
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
        if clusterer:  # an error above: stop the thread, keep what it clustered
            clusterer.finish(raise_errors=False)
        stats.done = True
        if progress:
            progress(stats)
        if own:
            store.close()
    return stats


class _Clusterer:
    """Clusters the stored claims in a child process beside the analysis, with its own store connection.

    Embedding the claims costs about as much CPU as analysing the article, and a thread shared the
    GIL with spaCy (measured: 31.9 s CPU in 26.6 s wall on two cores), so a second process does it,
    truly in parallel: on a machine with a second core ingest then keeps up with analysis. The child
    (``python -c`` importing only this module, not the caller's ``__main__``) is started by the first
    nudge, after the first stored article, and loads the encoder while the analysis goes on; a run that
    stores nothing never starts it (its last pass, for claims a killed run left, runs here). Each pass takes
    the store's clustering lock and commits per batch, so a killed run loses at most one batch, which
    the next run clusters; the child stops when its stdin closes (its parent died, even by ``kill -9``)."""

    def __init__(self, url: str, stats: IngestStats) -> None:
        self._url = url
        self._stats = stats
        self._proc: subprocess.Popen[str] | None = None

    def poke(self) -> None:
        try:
            if self._proc is None:
                # One BLAS thread: the child is there to use the core spaCy leaves, not to contend for it.
                env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", "from claimtrail.corpus import _cluster_child; _cluster_child()"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
                assert self._proc.stdin is not None
                self._proc.stdin.write(self._url + "\n")  # not in argv: a URL's password stays out of ps
            assert self._proc.stdin is not None
            self._proc.stdin.write("poke\n")
            self._proc.stdin.flush()
        except OSError:  # the child died: finish() reports why
            pass

    def finish(self, raise_errors: bool = True) -> None:
        """One last pass over everything stored, then stop."""
        if self._proc is None:
            if raise_errors:
                with open_store(self._url) as store:
                    before = self._stats.clustered
                    _cluster(store, self._stats)
                    self._stats.cluster_passes.append(self._stats.clustered - before)
            return
        out, _ = self._proc.communicate("stop\n")
        try:
            result = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            result = {"error": f"the clustering process exited with status {self._proc.returncode}"}
        self._stats.clustered += int(result.get("clustered", 0))
        self._stats.cluster_passes += list(result.get("passes", []))
        self._stats.cluster_note = self._stats.cluster_note or result.get("note")
        if result.get("error") and raise_errors:
            raise RuntimeError(f"clustering claims failed: {result['error']}")


def _cluster_child() -> None:
    """The clustering process: the store's URL on stdin's first line, then a pass per nudge ("poke"; nudges
    queued meanwhile make one pass), a last one on "stop", then one JSON line on stdout: claims
    clustered, per pass, a note, an error. End of input without "stop" (the parent died): it exits."""
    stats = IngestStats()
    result: dict[str, Any] = {}
    parent = os.getppid()

    def orphaned(_: object) -> None:  # checked after each committed batch: a dead parent's child stops
        if os.getppid() != parent:
            raise SystemExit(1)

    try:
        inbox = _Inbox(sys.stdin.fileno())
        url = inbox.line()
        if url is None:
            return
        _preload()
        with open_store(url) as store:
            while got := inbox.lines():  # every nudge queued while the last pass ran: one pass
                before = stats.clustered
                _cluster(store, stats, orphaned)
                stats.cluster_passes.append(stats.clustered - before)
                if "stop" in got:
                    break
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        result["error"] = f"{type(exc).__name__}: {exc}"
        traceback.print_exc()
    result.update(clustered=stats.clustered, passes=stats.cluster_passes, note=stats.cluster_note)
    print(json.dumps(result), flush=True)


class _Inbox:
    """Lines from a pipe, all those waiting at once (a buffered ``readline`` would hide queued ones
    from ``select``)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buf = b""

    def _fill(self) -> bool:
        """Read until a whole line is waiting; False at end of input."""
        while b"\n" not in self._buf:
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return False
            self._buf += chunk
        return True

    def line(self) -> str | None:
        if not self._fill():
            return None
        head, _, self._buf = self._buf.partition(b"\n")
        return head.decode()

    def lines(self) -> list[str]:
        """Every whole line waiting, at least one (blocks for it); [] at end of input."""
        if not self._fill():
            return []
        head, _, self._buf = self._buf.rpartition(b"\n")
        return head.decode().split("\n")


def _preload() -> None:
    """Load the encoder while the parent analyses its next articles (a missing model: ``_cluster`` says)."""
    from .trail import embed

    try:
        embed.load()
    except embed.EmbeddingUnavailable:
        pass


def _cluster(store: Store, stats: IngestStats, progress: Callable[[Any], None] | None = None) -> None:
    """Cluster the claims stored so far (cheap when there are none); a missing model is a note."""
    if stats.cluster_note:
        return
    from .trail import cluster_store
    from .trail.embed import EmbeddingUnavailable

    try:
        stats.clustered += cluster_store(store, progress=progress).claims
    except EmbeddingUnavailable as exc:
        stats.cluster_note = f"claims not clustered: {exc}"


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
