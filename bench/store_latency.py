"""Benchmark: query latency of the corpus store on a generated corpus (no spaCy: hand-built dossiers).

    .venv/bin/python bench/store_latency.py [--n 100000] [--db URL] [--queries 200] [--json OUT]

Generates N synthetic dossiers (people drawn from a pool of made-up names — a few "frequent" people
appear in ~2 % of articles each, the rest rarely; 4 statements and 3 claims an article; text made of
a made-up, Zipf-distributed vocabulary), stores them with ``Store.put`` (one transaction each, as ingest does), then
times ``who``, ``claims_about`` and ``search`` on random names and words, and reports p50/p95/max in
ms. ``--db`` defaults to a fresh SQLite file in a temporary folder; a postgresql:// URL is emptied
first (DROP SCHEMA public CASCADE): give it a database of its own. Not a test: numbers depend on the
machine and its load, so quote them with the machine and N they came from.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import zlib
import time
from pathlib import Path

from claimtrail.model import (Attribution, Claim, Content, Document, Dossier, Entity, Mention, Role, Source,
                              Span)
from claimtrail.store import open_store

GIVEN = ["Anna", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kira", "Lars",
         "Mira", "Nils", "Olga", "Pia", "Quentin", "Rosa", "Sven", "Tove", "Uma", "Viktor", "Wen", "Yara"]
FAMILY = [f"{a}{b}" for a in ("Berg", "Dahl", "Holm", "Lind", "Strand", "Vik", "Kov", "Nov", "Park", "Tan")
          for b in ("", "sen", "ova", "ström", "ic", "ek", "man", "er", "ley", "ard")]
ROLES = ["finance minister", "spokeswoman", "mayor", "party leader", "chief executive", "judge", "governor"]
SYLLABLES = [f"{c}{v}{e}" for c in "bdfgklmnprstv" for v in ("a", "e", "i", "o", "u", "ai", "ou")
             for e in ("n", "r", "l", "st", "ck", "m")]
# A made-up vocabulary of ~30,000 two-syllable words, drawn Zipf-like (rank k about 1/k as often).
WORDS = sorted({a + b for a in SYLLABLES[::3] for b in SYLLABLES[::2]}, key=lambda w: (zlib.crc32(w.encode()) % 997, w))


def word(rng: random.Random) -> str:
    return WORDS[min(int(rng.paretovariate(1.0)) - 1, len(WORDS) - 1)]


def people_pool(rng: random.Random) -> list[str]:
    return sorted({f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(5000)})


def make_dossier(i: int, rng: random.Random, pool: list[str], frequent: list[str]) -> Dossier:
    names = [rng.choice(frequent) if rng.random() < 0.1 else rng.choice(pool) for _ in range(3)]
    names = list(dict.fromkeys(names))
    parts: list[str] = []
    entities, attributions, claims = [], [], []
    pos = 0

    def add(s: str) -> Span:
        nonlocal pos
        parts.append(s)
        span = Span(pos, pos + len(s), s)
        pos += len(s)
        return span

    for k, name in enumerate(names, 1):
        role = rng.choice(ROLES)
        add(f"{role.capitalize()} ")
        n = add(name)
        add(" said that ")
        body = add(" ".join(word(rng) for _ in range(rng.randint(8, 20))))
        add(". ")
        r = Role(n.start - len(role) - 1, n.start - 1, role.capitalize(), title=role)
        entities.append(Entity(f"E{k}", name, "PERSON", (Mention(n.start, n.end, name, "name"),), (r,)))
        cue = Span(n.end + 1, n.end + 5, "said")
        attributions.append(Attribution(f"A{k}", "indirect", Source(n.start, n.end, name, f"E{k}"), cue,
                                        Content(body.start, body.end, body.text), "assert"))
        claims.append(Claim(body.start, body.end, body.text, id=f"C{k}", status=rng.choice(["asserted", "denied"]),
                            about=(f"E{(k % len(names)) + 1}",), evidence=(f"A{k}",)))
    add(" ".join(word(rng) for _ in range(rng.randint(150, 400))) + ".")
    text = "".join(parts)
    published = None if i % 20 == 0 else f"20{10 + i % 16}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return Dossier(Document(f"gen-{i:07d}", text, title=f"Story {i}", published=published),
                   tuple(entities), tuple(attributions), tuple(claims))


def percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {"p50_ms": round(statistics.median(s) * 1000, 2), "p95_ms": round(s[int(0.95 * (len(s) - 1))] * 1000, 2),
            "max_ms": round(s[-1] * 1000, 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--reuse", action="store_true",
                    help="query an existing --db store as it is (no emptying, no inserts): re-time queries only")
    args = ap.parse_args()
    rng = random.Random(7)
    pool = people_pool(rng)
    frequent = pool[:20]
    tmp = tempfile.TemporaryDirectory()
    url = args.db or str(Path(tmp.name) / "bench.db")
    if url.startswith("postgres") and not args.reuse:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
    store = open_store(url)
    t0 = time.perf_counter()
    for i in range(0 if args.reuse else args.n):
        store.put(make_dossier(i, rng, pool, frequent), origin=f"gen:{i}")
        if i and i % 10_000 == 0:
            print(f"  {i:,} stored, {i / (time.perf_counter() - t0):,.0f} articles/s", file=sys.stderr)
    insert_s = time.perf_counter() - t0
    result: dict[str, object] = {"backend": url.split(":")[0] if "://" in url else "sqlite",
                                 "n": store.counts().articles}
    if not args.reuse:
        result["insert_articles_per_s"] = round(args.n / insert_s, 1)
    queries = {
        "who": lambda: store.who(rng.choice(frequent if rng.random() < 0.5 else pool)),
        "claims_about": lambda: store.claims_about(rng.choice(frequent if rng.random() < 0.5 else pool)),
        # Words of rank 10-3000: what a reader searches for (a name, "resignation"), not "the".
        "search": lambda: store.search(" ".join(rng.sample(WORDS[10:3000], rng.choice([1, 2])))),
        "search_top10_word": lambda: store.search(rng.choice(WORDS[:10])),
    }
    for name, q in queries.items():
        q()  # warm
        times = []
        for _ in range(args.queries):
            t = time.perf_counter()
            q()
            times.append(time.perf_counter() - t)
        result[name] = percentiles(times)
    store.close()
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
