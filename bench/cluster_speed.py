"""Benchmark: clustering cost per 1,000 claims (claimtrail.trail.cluster_store), no spaCy.

    .venv/bin/python bench/cluster_speed.py [--claims 1000,5000] [--db URL] [--batch 25]

Makes synthetic dossiers (made-up people, places and predicates written here; 5 claims per article,
many of them rewordings of one another across articles and days), stores them in a fresh store
(SQLite in a temporary folder unless --db names a PostgreSQL database, which is emptied first), and
times one clustering run over all of them: in total, the embedding part, and per 1,000 claims. A
second run with the vectors already stored (``--rebuild``) shows the cost without embedding. The CPU
cost per claim is also printed for each tenth of the first run: flat when clustering is linear in the
corpus (``--batch 25`` clusters in transactions of the size ingest's nudges make).
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from claimtrail.model import Attribution, Claim, Content, Document, Dossier, Entity, Mention, Source, Span  # noqa: E402
from claimtrail.store import content_hash, open_store  # noqa: E402
from claimtrail.trail import cluster_store  # noqa: E402
from claimtrail.trail import embed  # noqa: E402
from ingest_throughput import fresh_db  # noqa: E402  (bench/: a fresh SQLite file, or PostgreSQL emptied)

GIVEN = ["Marta", "Jonas", "Ruth", "Pavel", "Lena", "Omar", "Ines", "Tomas", "Greta", "Kenji", "Aiko", "Sven"]
FAMILY = ["Solberg", "Eklund", "Adeyemi", "Horak", "Fischer", "Haddad", "Moreau", "Lindqvist", "Okafor", "Berg"]
CLAIMS = [  # (wordings of one claim), about the person
    ("{p} would resign", "{p} will step down", "{p} did not resign", "{p} is expected to quit"),
    ("{p} misled the council", "{p} lied to the council", "{p} had not misled the council"),
    ("the {t} would reopen in spring", "the {t} is set to reopen in the spring", "the {t} will not reopen"),
    ("{p} was questioned by prosecutors", "prosecutors questioned {p}", "{p} was interviewed by investigators"),
    ("the {t} budget would be cut", "funding for the {t} will be reduced", "the {t} budget will not be cut"),
    ("{p} will run for mayor", "{p} plans to stand for mayor", "{p} will not run for mayor"),
]
THINGS = ["bridge", "library", "tram line", "harbour wall", "swimming pool", "market hall", "school", "clinic"]


def dossier(i: int) -> Dossier:
    person = f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // 7) % len(FAMILY)]}"
    thing = THINGS[(i // 3) % len(THINGS)]
    claims, parts = [], []
    for k in range(5):
        forms = CLAIMS[(i + k) % len(CLAIMS)]
        parts.append(forms[(i // 2 + k) % len(forms)].format(p=person, t=thing))
    text = f"{person} spoke in Northby on day {i}. " + " ".join(f"Officials said {c}." for c in parts)
    start = text.index(person)
    ent = Entity("E1", person, "PERSON", (Mention(start, start + len(person), person, "name"),))
    atts = []
    for k, c in enumerate(parts):
        s = text.index(c)
        cue = text.rindex("said", 0, s)
        src = text.rindex("Officials", 0, s)
        atts.append(Attribution(f"A{k}", "indirect", Source(src, src + 9, "Officials", None),
                                Span(cue, cue + 4, "said"), Content(s, s + len(c), c), "assert"))
        claims.append(Claim(s, s + len(c), c, id=f"C{k}", status="asserted", about=("E1",) if person in c else (),
                            evidence=(f"A{k}",)))
    return Dossier(Document(content_hash(text)[:23], text, published=f"2026-{1 + (i // 200) % 12:02d}-"
                                                                      f"{1 + i % 28:02d}"),
                   (ent,), tuple(atts), tuple(claims), stages={"bench": "1"})


def tenths(marks: list[tuple[int, float]], start: float) -> list[float]:
    """CPU milliseconds per claim over each tenth of the run's batches."""
    out, prev = [], (0, start)
    for k in range(1, 11):
        if not marks:
            break
        claims, cpu = marks[min(len(marks) - 1, k * len(marks) // 10 - 1)]
        if claims > prev[0]:
            out.append((cpu - prev[1]) / (claims - prev[0]) * 1000)
        prev = (claims, cpu)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", default="1000,5000")
    ap.add_argument("--db")
    ap.add_argument("--batch", type=int, default=None, help="claims per clustering transaction")
    args = ap.parse_args()
    extra = {"batch": args.batch} if args.batch else {}
    embed.load()
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.claims.split(",")):
            db = fresh_db(args.db, Path(tmp), f"bench-{n}")
            with open_store(db) as s:
                for i in range(n // 5):
                    s.put(dossier(i))
                marks: list[tuple[int, float]] = []
                t0, c0 = time.perf_counter(), time.process_time()
                st = cluster_store(s, progress=lambda x: marks.append((x.claims, time.process_time())), **extra)
                full, full_cpu, first = time.perf_counter() - t0, time.process_time() - c0, c0
                t0, c0 = time.perf_counter(), time.process_time()
                again = cluster_store(s, rebuild=True)
                cached, cached_cpu = time.perf_counter() - t0, time.process_time() - c0
                c = s.cluster_counts()
            k = 1000 / n  # per 1,000 claims; CPU seconds of this process beside wall clock (shared machines)
            print(f"{n:>6} claims, per 1,000: {full * k:.2f} s wall / {full_cpu * k:.2f} s CPU with embedding; "
                  f"{cached * k:.2f} s wall / {cached_cpu * k:.2f} s CPU from stored vectors (--rebuild); "
                  f"{c['clusters']} clusters, {st.joined} claims joined one, {again.claims} re-clustered")
            print("        CPU ms a claim, by tenth of the run: " + " ".join(f"{v:.2f}" for v in tenths(marks, first)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
