"""Benchmark: render time of each web page kind over HTTP, on a generated store (no spaCy).

    .venv/bin/python bench/page_latency.py [--n 10000] [--db PATH] [--reuse] [--requests 100] [--json OUT]

Builds an N-article SQLite store with the generator of bench/store_latency.py (the same made-up
people, statements, claims and Zipf vocabulary), clusters its claims when the store can
(``claimtrail.trail.cluster_store``; ``--no-cluster`` skips it), serves ``create_app`` with uvicorn
on 127.0.0.1 in a thread, and times full page loads with httpx: home, article, person (frequent and
rare names), search, the claims list (all, and filtered by status), a claim's timeline page, the
analyse form, and the 404 page. Reports p50/p95/max in ms per kind; target p95 ≤ 200 ms.
Client and server share one process (and its GIL), so the numbers include the client's own time.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_latency import WORDS, make_dossier, people_pool, percentiles  # noqa: E402

from claimtrail.store import open_store  # noqa: E402
from claimtrail.store.queries import Filter  # noqa: E402


def build(url: str, n: int, cluster: bool) -> None:
    rng = random.Random(7)
    pool = people_pool(rng)
    frequent = pool[:20]
    t0 = time.perf_counter()
    with open_store(url) as store:
        for i in range(n):
            store.put(make_dossier(i, rng, pool, frequent), origin=f"gen:{i}")
            if i and i % 2000 == 0:
                print(f"  {i:,} stored, {i / (time.perf_counter() - t0):,.0f} articles/s", file=sys.stderr)
        if cluster:
            try:
                from claimtrail.trail import cluster_store
            except ImportError:
                print("  no claimtrail.trail.cluster_store: claim pages are timed only if clusters exist",
                      file=sys.stderr)
            else:
                t1 = time.perf_counter()
                cluster_store(store)
                print(f"  clustered in {time.perf_counter() - t1:.1f} s", file=sys.stderr)


def serve(url: str):  # type: ignore[no-untyped-def]
    import uvicorn

    from claimtrail.api.app import create_app
    from claimtrail.api.deps import ServeSettings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(ServeSettings(db=url)), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def page_kinds(url: str, rng: random.Random) -> dict[str, Callable[[], str]]:
    pool = people_pool(random.Random(7))
    frequent = pool[:20]
    with open_store(url) as store:
        n = store.counts().articles
        try:
            clusters = [c.id for c in store.list_clusters(Filter(limit=200)).items]
        except NotImplementedError:
            clusters = []
    kinds: dict[str, Callable[[], str]] = {
        "home": lambda: "/",
        "article": lambda: f"/articles/gen-{rng.randrange(n):07d}",
        "person_frequent": lambda: "/people/" + quote(rng.choice(frequent)),
        "person_rare": lambda: "/people/" + quote(rng.choice(pool)),
        "search": lambda: "/search?q=" + quote(" ".join(rng.sample(WORDS[10:3000], rng.choice([1, 2])))),
        "claims_list": lambda: f"/claims?offset={rng.choice([0, 50, 500])}",
        "claims_list_status": lambda: "/claims?status=" + rng.choice(["denied", "asserted"]),
        "analyze_form": lambda: "/analyze",
        "not_found": lambda: "/no/such/page",
    }
    if clusters:
        kinds["claim_timeline"] = lambda: f"/claims/{rng.choice(clusters)}"
    return kinds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--db", help="SQLite path (default: a new file in a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="time pages over an existing --db as it is")
    ap.add_argument("--no-cluster", action="store_true", help="do not cluster the generated claims")
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import httpx

    tmp = tempfile.TemporaryDirectory()
    url = args.db or str(Path(tmp.name) / "pages.db")
    if not args.reuse:
        build(url, args.n, not args.no_cluster)
    server, base = serve(url)
    rng = random.Random(11)
    result: dict[str, object] = {"backend": "sqlite", "n": open_store(url).counts().articles,
                                 "requests": args.requests}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, path in page_kinds(url, rng).items():
            for _ in range(3):
                client.get(path())  # warm
            times, statuses = [], set()
            for _ in range(args.requests):
                p = path()
                t = time.perf_counter()
                r = client.get(p)
                times.append(time.perf_counter() - t)
                statuses.add(r.status_code)
            result[name] = {**percentiles(times), "status": sorted(statuses)}
    server.should_exit = True
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
