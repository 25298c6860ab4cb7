"""Claims clustered beside ingest: a child process that clusters what the parent has stored so far.

``corpus.ingest`` nudges a ``Clusterer`` after the first and every few stored articles; the child
(``python -c`` importing only this module, not the caller's ``__main__``) runs ``cluster_store`` over
its own store connection on each nudge and reports, on its last line of output, how many claims it
clustered. Protocol on its stdin: the store URL (not in argv, so a password stays out of ``ps``), then
"poke" per nudge (nudges queued while a pass runs make one pass), and "stop" for a last pass.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..store import Store, open_store


class Tally(Protocol):
    """Where clustering is counted (``corpus.IngestStats`` is one)."""

    clustered: int  # claims clustered
    cluster_note: str | None  # why clustering was skipped, if it was
    cluster_passes: list[int]  # claims clustered by each pass


@dataclass
class _Tally:
    clustered: int = 0
    cluster_note: str | None = None
    cluster_passes: list[int] = field(default_factory=list)


class Clusterer:
    """Clusters the stored claims in a child process beside the analysis, with its own store connection.

    Embedding the claims costs about as much CPU as analysing the article, and a thread shared the
    GIL with spaCy (measured: 31.9 s CPU in 26.6 s wall on two cores), so a second process does it,
    truly in parallel: on a machine with a second core ingest then keeps up with analysis. The child
    (``python -c`` importing only this module, not the caller's ``__main__``) is started by the first
    nudge, after the first stored article, and loads the encoder while the analysis goes on; a run that
    stores nothing never starts it (its last pass, for claims a killed run left, runs here). Each pass takes
    the store's clustering lock and commits per batch, so a killed run loses at most one batch, which
    the next run clusters; the child stops when its stdin closes (its parent died, even by ``kill -9``)."""

    def __init__(self, url: str, stats: Tally) -> None:
        self._url = url
        self._stats = stats
        self._proc: subprocess.Popen[str] | None = None

    def poke(self) -> None:
        try:
            if self._proc is None:
                # One BLAS thread: the child is there to use the core spaCy leaves, not to contend for it.
                env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
                self._proc = subprocess.Popen(
                    [sys.executable, "-c", "from claimtrail.trail.background import child; child()"],
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


def child() -> None:
    """The clustering process: the store's URL on stdin's first line, then a pass per nudge ("poke"; nudges
    queued meanwhile make one pass), a last one on "stop", then one JSON line on stdout: claims
    clustered, per pass, a note, an error. End of input without "stop" (the parent died): it exits."""
    stats = _Tally()
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
    from . import embed

    try:
        embed.load()
    except embed.EmbeddingUnavailable:
        pass


def _cluster(store: Store, stats: Tally, progress: Callable[[Any], None] | None = None) -> None:
    """Cluster the claims stored so far (cheap when there are none); a missing model is a note."""
    if stats.cluster_note:
        return
    from . import cluster_store
    from .embed import EmbeddingUnavailable

    try:
        stats.clustered += cluster_store(store, progress=progress).claims
    except EmbeddingUnavailable as exc:
        stats.cluster_note = f"claims not clustered: {exc}"
