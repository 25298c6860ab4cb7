"""Ingesting many articles into a store: idempotent, resumable, duplicates once, failures kept.

The crash test really kills (SIGKILL) an ingest running in another process, then ingests again.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from claimtrail.corpus import IngestStats, ingest, retry_failures
from claimtrail.ingest.files import read_inputs
from claimtrail.model import Article
from claimtrail.store import content_hash, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
N_SAMPLES = 10  # articles in samples/: 6 files of one article, 2 JSONL feeds of two

CITIES = ["Northby", "Eastmere", "Karsholm", "Vellin", "Dunmore", "Ostrava Nova", "Pellham", "Tarrin"]
PEOPLE = ["Marta Solberg", "Jonas Eklund", "Ruth Adeyemi", "Pavel Horak", "Lena Fischer", "Omar Haddad"]
THINGS = ["bridge", "library", "tram line", "harbour wall", "swimming pool", "market hall", "school"]


def synthetic_article(i: int) -> dict[str, str]:
    """A short, distinct news item written for these tests (no outside text)."""
    city, person, thing = CITIES[i % len(CITIES)], PEOPLE[i % len(PEOPLE)], THINGS[i % len(THINGS)]
    surname = person.split()[-1]
    text = (f"{city} council member {person} said on Tuesday that the {thing} would reopen in {3 + i % 9} "
            f"weeks. \"We have checked every report twice,\" {surname} told reporters.\n\n"
            f"The mayor's office declined to comment on whether the repair budget of {100 + i} thousand "
            f"crowns would grow. Local media reported that item {i} had been delayed twice before.")
    rec = {"id": f"syn-{i:04d}", "text": text, "title": f"{city} {thing} to reopen"}
    if i % 5:
        rec["published"] = f"2026-0{1 + i % 9}-{10 + i % 18:02d}"
    return rec


def write_feed(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(synthetic_article(i)) + "\n" for i in range(n)), encoding="utf-8")
    return path


def stored_hashes(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT content_hash FROM articles")]


def assert_whole(db_url: str) -> None:
    """Every stored article has all of its rows: nothing half-written."""
    with open_store(db_url, create=False) as s:
        counts = s.counts()
        dossiers = list(s.dossiers())
        assert counts.articles == len(dossiers)
        assert counts.entities == sum(len(d.entities) for d in dossiers)
        assert counts.statements == sum(len(d.attributions) for d in dossiers)
        assert counts.claims == sum(len(d.claims) for d in dossiers)
        hashes = [content_hash(d.document.text) for d in dossiers]
        assert len(hashes) == len(set(hashes))


def test_ingest_samples_twice_stores_each_once(db_url: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    seen: list[IngestStats] = []
    first = ingest([SAMPLES], db_url, pipeline=pipeline, progress=seen.append)
    assert first.stored == N_SAMPLES and first.failed == 0 and first.skipped == 0
    assert seen[-1].done and seen[-1].stored == N_SAMPLES
    again = ingest([SAMPLES], db_url, pipeline=pipeline)
    assert (again.stored, again.skipped, again.failed) == (0, N_SAMPLES, 0)
    assert_whole(db_url)
    with open_store(db_url) as s:
        assert s.counts().articles == N_SAMPLES
        assert any(p.article.id == "wire-0001" for p in s.who("Ingrid Dahl"))


def test_rerun_does_not_load_the_model(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.db")
    ingest([SAMPLES / "wire-feed.jsonl"], db, pipeline=pipeline)

    class NoModel:
        def pipe(self, articles):  # type: ignore[no-untyped-def]
            for a in articles:
                raise AssertionError(f"analysed again: {a.origin}")
            return iter(())

    st = ingest([SAMPLES / "wire-feed.jsonl"], db, pipeline=NoModel())
    assert st.stored == 0 and st.skipped == 2


def test_duplicate_files_and_html_beside_its_text(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "busan-port-resignation.txt", src / "busan.txt")
    shutil.copy(SAMPLES / "busan-port-resignation.txt", src / "sub" / "busan-copy.txt")
    shutil.copy(SAMPLES / "lisbon-water-strike.html", src / "lisbon.html")
    # The same article as text: what the HTML gives, with other line breaks.
    extracted = next(a for a in read_inputs([SAMPLES / "lisbon-water-strike.html"]) if isinstance(a, Article))
    (src / "lisbon.txt").write_text(extracted.text.replace("\n", "\n\n") + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    st = ingest([src], db, pipeline=pipeline)
    assert (st.stored, st.skipped, st.failed) == (2, 2, 0)
    assert len(stored_hashes(Path(db))) == 2


def test_article_with_no_date(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    recs = [synthetic_article(0), synthetic_article(1)]  # 0 has no date, 1 has one
    assert "published" not in recs[0] and "published" in recs[1]
    recs[0]["text"] = recs[0]["text"].replace("Marta Solberg", "Jonas Eklund").replace("Solberg", "Eklund")
    feed.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert ingest([feed], db, pipeline=pipeline).stored == 2
    with open_store(db) as s:
        assert s.get("syn-0000").document.published is None
        found = s.who("Jonas Eklund")
        assert [p.article.id for p in found] == ["syn-0001", "syn-0000"]  # dated first, undated last


def test_failures_are_stored_and_retried(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("  \n")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(SAMPLES / "hebei-deputy-governor.txt", src / "hebei.txt")
    db = str(tmp_path / "c.db")
    st = ingest([src], db, pipeline=pipeline)
    assert (st.stored, st.failed) == (1, 2)
    with open_store(db) as s:
        assert {f.code for f in s.failures()} == {"empty", "binary"}
    (src / "empty.txt").write_text(synthetic_article(3)["text"])  # fixed
    st = retry_failures(db)
    assert st.stored == 1 and st.failed == 1
    with open_store(db) as s:
        assert [(Path(f.origin).name, f.attempts) for f in s.failures()] == [("junk.txt", 2)]


def test_cli_ingest_and_queries(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.cli import main

    db = str(tmp_path / "c.db")
    assert main(["ingest", str(SAMPLES / "wire-feed.jsonl"), "--db", db]) == 0
    assert "2 stored" in capsys.readouterr().err
    assert main(["who", "Ingrid", "Dahl", "--db", db]) == 0
    assert "wire-0001" in capsys.readouterr().out
    assert main(["claims", "--about", "Ingrid Dahl", "--db", db, "--json"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    dates = [e["article"]["published"] for e in events]
    assert events and dates == sorted(dates)
    assert main(["search", "resignation", "--db", db]) == 0
    assert "[resign" in capsys.readouterr().out
    assert main(["export", "--format", "csv", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("article,published")
    assert main(["failures", "--db", db]) == 0
    assert main(["who", "Nobody", "--db", str(tmp_path / "none.db")]) == 1
    assert "no claimtrail store here yet" in capsys.readouterr().err


def test_kill_9_mid_ingest_then_resume(tmp_path: Path) -> None:
    n = 120
    feed = write_feed(tmp_path / "feed.jsonl", n)
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "claimtrail", "ingest", str(feed), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists() and len(_peek(db)) >= 5:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    before = len(_peek(db))
    assert 5 <= before < n
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{n - before} stored, {before} already stored, 0 failed" in done.stderr
    hashes = stored_hashes(db)
    assert len(hashes) == n == len(set(hashes))
    assert_whole(str(db))


def _peek(db: Path) -> list[str]:
    """Stored hashes, read as another process would (the writer may be mid-transaction)."""
    try:
        return stored_hashes(db)
    except sqlite3.OperationalError:  # schema not made yet
        return []


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    st = ingest([SAMPLES], db, workers=2)
    assert (st.stored, st.failed) == (N_SAMPLES, 0)
    assert_whole(db)
