"""Benchmark: latency of every REST API read endpoint over real HTTP, on a generated store.

    .venv/bin/python bench/api_latency.py [--n 10000] [--db PATH] [--reuse] [--cluster] [--requests 200] [--json OUT]

Builds an N-article SQLite store with the generator of bench/store_latency.py (hand-built dossiers,
no spaCy), starts ``claimtrail serve`` on it in a subprocess (uvicorn on 127.0.0.1, a free port), and
times each read endpoint with httpx on one keep-alive connection, with random names, words, pages
and filters; reports p50/p95/max in ms as JSON. ``--reuse`` queries an existing ``--db`` as it is;
``--cluster`` clusters the store's claims first (the real embedding model: minutes for 10,000
articles), so ``/clusters`` has something to list. Target: p95 ≤ 50 ms on every endpoint.
Not a test: the numbers depend on the machine and its load; quote them with both.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_latency import WORDS, make_dossier, people_pool, percentiles  # noqa: E402

from claimtrail.store import open_store  # noqa: E402

STATUSES = ["asserted", "denied"]


def build(url: str, n: int, rng: random.Random, pool: list[str], frequent: list[str]) -> float:
    t0 = time.perf_counter()
    with open_store(url) as store:
        for i in range(n):
            store.put(make_dossier(i, rng, pool, frequent), origin=f"gen:{i}")
            if i and i % 2000 == 0:
                print(f"  {i:,} stored", file=sys.stderr)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRAIL_")}  # reading open
    proc = subprocess.Popen([sys.executable, "-m", "claimtrail", "serve", "--db", url, "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("claimtrail serve did not answer within 30 s")


def endpoints(rng: random.Random, pool: list[str], frequent: list[str], n: int,
              clusters: list[int]) -> dict[str, Callable[[], str]]:
    def person() -> str:
        return rng.choice(frequent if rng.random() < 0.5 else pool)

    def day() -> str:
        return f"20{10 + rng.randrange(16)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"

    def page() -> str:  # mostly the first pages, as people read; now and then deep
        return f"offset={rng.choice([0, 0, 0, 20, 40, rng.randrange(0, max(1, n - 20))])}&limit=20"

    return {
        "health": lambda: "/health",
        "articles": lambda: f"/articles?{page()}",
        "articles_by_entity": lambda: f"/articles?entity={quote(person())}",
        "articles_by_dates": lambda: f"/articles?date_from={day()}&date_to=2026-12-31",
        "article": lambda: f"/articles/gen-{rng.randrange(n):07d}",
        "entities": lambda: f"/entities?{page() if rng.random() < 0.5 else 'limit=20'}",
        "entities_prefix": lambda: f"/entities?prefix={quote(person().split()[-1][:3])}&type=PERSON",
        "entity": lambda: f"/entities/{quote(person())}",
        "attributions": lambda: f"/attributions?{page()}",
        "attributions_by_entity": lambda: f"/attributions?entity={quote(person())}&stance=assert",
        "claims": lambda: f"/claims?{page()}",
        "claims_by_status": lambda: f"/claims?status={rng.choice(STATUSES)}&date_from={day()}",
        "claims_by_entity": lambda: f"/claims?entity={quote(person())}",
        "clusters": lambda: "/clusters?limit=20",
        **({"cluster": lambda: f"/clusters/{rng.choice(clusters)}"} if clusters else {}),
        "search": lambda: f"/search?q={quote(' '.join(rng.sample(WORDS[10:3000], rng.choice([1, 2]))))}",
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--db", help="SQLite file (default: a new one in a temporary folder), or a postgresql:// URL "
                                 "of a database of its own (emptied first unless --reuse)")
    ap.add_argument("--reuse", action="store_true", help="query an existing --db as it is")
    ap.add_argument("--cluster", action="store_true", help="cluster the claims first (slow)")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rng = random.Random(7)
    pool = people_pool(rng)
    frequent = pool[:20]
    tmp = tempfile.TemporaryDirectory()
    url = args.db or str(Path(tmp.name) / "bench.db")
    result: dict[str, object] = {"backend": "postgres" if url.startswith("postgres") else "sqlite"}
    if url.startswith("postgres") and not args.reuse:  # a database of its own: emptied first
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
    if not args.reuse:
        result["build_s"] = round(build(url, args.n, rng, pool, frequent), 1)
    if args.cluster:
        from claimtrail.trail import cluster_store

        t0 = time.perf_counter()
        with open_store(url) as store:
            cluster_store(store)
        result["cluster_s"] = round(time.perf_counter() - t0, 1)
    with open_store(url) as store:
        n = store.counts().articles
        clusters = [c.id for c in store.list_clusters().items]  # type: ignore[attr-defined]
    result["n"] = n
    proc, base = serve(url)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for name, make in endpoints(rng, pool, frequent, n, clusters).items():
                client.get(make())  # warm
                times = []
                for _ in range(args.requests):
                    path = make()
                    t = time.perf_counter()
                    r = client.get(path)
                    times.append(time.perf_counter() - t)
                    if r.status_code >= 500 or (r.status_code != 200 and name not in ("entity", "article")):
                        raise SystemExit(f"{path}: HTTP {r.status_code} {r.text[:200]}")
                result[name] = percentiles(times)
                print(f"  {name}: {result[name]}", file=sys.stderr)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    result["worst_p95_ms"] = max(v["p95_ms"] for v in result.values() if isinstance(v, dict))
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
