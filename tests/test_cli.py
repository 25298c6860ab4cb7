"""The command line, run in-process (plus one real subprocess): plumbing and exit codes, not NLP quality."""
from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrail
from claimtrail import cli

from conftest import REPO, SHARED

EN = ("The harbour master said on Tuesday that the ferry to the islands would run again from next week. "
      "\"We have repaired the ramp,\" she told reporters, adding that the timetable would stay the same.\n")
DE = ("Die Bürgermeisterin der Stadt erklärte am Dienstag, dass die neue Brücke über den Fluss erst im "
      "kommenden Frühjahr eröffnet werden könne. Die Bauarbeiten hätten sich wegen des nassen Winters "
      "verzögert, sagte sie vor Journalisten im Rathaus. Anwohner zeigten sich enttäuscht.")


@pytest.fixture
def run(pipeline, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    """``run(*argv, stdin=b"")`` -> (exit code, stdout, stderr); the session's loaded model is reused."""
    loads: list[object] = []

    def shared(options):  # type: ignore[no-untyped-def]
        loads.append(options)
        p = copy.copy(pipeline)
        p.options = options  # the run's limits, the session's model
        return p

    monkeypatch.setattr("claimtrail.nlp.pipeline.Pipeline", shared)

    def go(*argv: str, stdin: bytes = b""):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    go.loads = loads  # type: ignore[attr-defined]
    return go


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {"ok.txt": EN, "empty.txt": "", "de.txt": DE, "z.txt": EN.replace("harbour", "river")}
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    paths["bin.txt"] = tmp_path / "bin.txt"
    paths["bin.txt"].write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    return paths


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out == f"claimtrail {claimtrail.__version__}\n"


def test_one_file_prints_the_readable_view(run, inputs) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("analyze", inputs["ok.txt"], "--published", "2026-04-02")
    assert code == 0 and err == ""
    assert out.startswith("The harbour master said") and "published 2026-04-02 (given)" in out


def test_one_file_as_json(run, inputs) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("analyze", inputs["ok.txt"], "--format", "json", "--published", "2026-04-02")
    d = json.loads(out)
    assert code == 0 and out.startswith('{\n "format": "claimtrail/dossier/1",\n "document"')  # indent 1
    assert d["document"]["text"] == EN and d["document"]["published"] == "2026-04-02"
    assert d["document"]["published_basis"] == "given"


@pytest.mark.parametrize("name, line", [
    ("empty.txt", "the article is empty [empty]"),
    ("bin.txt", "the file looks binary, not text (it contains NUL bytes) [binary]"),
    ("de.txt", "the text is not English (detected: de, 0.99) [not-english]"),
    ("missing.txt", "no such file or directory [not-found]"),
])
def test_one_bad_file_is_one_clear_line_and_exit_1(run, inputs, name: str, line: str) -> None:  # type: ignore[no-untyped-def]
    path = inputs.get(name, inputs["ok.txt"].with_name(name))
    code, out, err = run("analyze", path)
    assert (code, out, err) == (1, "", f"claimtrail: {path}: {line}\n")
    assert run.loads == []  # refused before the model was loaded


def test_size_limit_option(run, inputs) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("analyze", inputs["ok.txt"], "--max-bytes", "50")
    assert code == 1 and err.endswith("[too-large]\n") and "see --max-bytes" in err


def test_batch_with_bad_files_keeps_order_and_exits_0(run, inputs) -> None:  # type: ignore[no-untyped-def]
    order = ["ok.txt", "empty.txt", "z.txt", "bin.txt", "de.txt"]
    code, out, err = run("analyze", *(inputs[n] for n in order))
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    assert [x["format"] for x in lines] == ["claimtrail/dossier/1", "claimtrail/failure/1", "claimtrail/dossier/1",
                                            "claimtrail/failure/1", "claimtrail/failure/1"]
    assert lines[0]["document"]["text"] == EN and "river" in lines[2]["document"]["text"]
    assert [x.get("code") for x in lines] == [None, "empty", None, "binary", "not-english"]
    assert [x.get("origin") for x in lines][1::2] == [str(inputs["empty.txt"]), str(inputs["bin.txt"])]
    assert err.splitlines()[-1] == "claimtrail: 5 articles, 3 failed"
    assert len(run.loads) == 1  # one model for the whole run


@pytest.mark.parametrize("names", [["ok.txt"], ["ok.txt", "de.txt", "z.txt"]], ids=["one", "batch"])
def test_each_article_is_checked_once(run, inputs, monkeypatch, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    """One input is checked before the model loads and not again in the pipeline; a batch, in it."""
    from claimtrail.ingest import checks

    seen: list[str] = []
    real = checks.check_article

    def counting(art, options):  # type: ignore[no-untyped-def]
        seen.append(art.origin)
        return real(art, options)

    monkeypatch.setattr(checks, "check_article", counting)
    code, _, _ = run("analyze", *(inputs[n] for n in names))
    assert code == 0 and sorted(seen) == sorted(str(inputs[n]) for n in names)


def test_batch_where_everything_fails_exits_1(run, inputs) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("analyze", inputs["empty.txt"], inputs["bin.txt"])
    assert code == 1 and len(out.splitlines()) == 2 and err.endswith("2 articles, 2 failed\n")


def test_folder_as_text_and_as_json(run, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("analyze", tmp_path, "--format", "text")
    assert code == 0 and out.count("─" * 80) == 4 and out.index("FAILED  ") < out.index("The harbour master")
    code, out, _ = run("analyze", tmp_path, "--format", "json")
    items = json.loads(out)
    assert [Path(x.get("origin") or "x").name for x in items if "origin" in x] == ["bin.txt", "de.txt", "empty.txt"]
    assert len(items) == 5


def test_jsonl_input_ids_text_and_dates(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps({"id": "w1", "text": EN, "published": "2026-02-04"}), "{broken",
                               json.dumps({"id": "w3", "text": EN + "More.", "title": "T3"})]) + "\n")
    code, out, err = run("analyze", feed)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert (rows[0]["document"]["id"], rows[0]["document"]["text"], rows[0]["document"]["published"],
            rows[0]["document"]["published_basis"]) == ("w1", EN, "2026-02-04", "metadata")
    assert (rows[1]["code"], rows[1]["origin"]) == ("bad-record", f"{feed}:2")
    assert rows[2]["document"]["id"] == "w3" and rows[2]["document"]["title"] == "T3"
    assert f"claimtrail: {feed}:2: the line is not valid JSON" in err and err.endswith("3 articles, 1 failed\n")
    code, out, _ = run("analyze", feed, "--published", "2026-05-01")
    assert [json.loads(x)["document"]["published"] for x in out.splitlines()[::2]] == ["2026-05-01"] * 2


def test_stdin_text_and_jsonl(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("analyze", "-", "--format", "json", stdin=EN.encode())
    assert code == 0 and json.loads(out)["document"]["text"] == EN
    code, out, _ = run("analyze", "-", stdin=(json.dumps({"id": "s1", "text": EN}) + "\n").encode())
    assert code == 0 and json.loads(out)["document"]["id"] == "s1"  # JSONL in, JSONL out
    code, _, err = run("analyze", "-", stdin=b"")
    assert (code, err) == (1, "claimtrail: <stdin>: the article is empty [empty]\n")


@pytest.mark.parametrize("argv", [["analyze", "x.txt", "--published", "11/03/2026"],
                                  ["analyze", "x.txt", "--max-bytes", "0"], ["analyze"], ["frobnicate"],
                                  ["eval", "nosuch", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2 and "usage: claimtrail" in capsys.readouterr().err


def test_eval_prints_a_table_or_json(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def fake(name, path, pipeline=None, **kw):  # type: ignore[no-untyped-def]
        calls.append((name, Path(path)))
        return {"content_f1_lenient": 0.8123, "articles": 84, "direct": {"recall": 0.9}}

    monkeypatch.setattr("claimtrail.eval.evaluate", fake)
    assert cli.main(["eval", "polnear", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert calls == [("polnear", tmp_path)]
    assert "content_f1_lenient      0.812" in out and "direct.recall" in out and "84" in out
    assert cli.main(["eval", "polnear", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 84
    with pytest.raises(SystemExit) as exc:  # argparse's choices, from the registry
        cli.main(["eval", "nosuch", str(tmp_path)])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "invalid choice: 'nosuch'" in err and "'polnear', 'agreement', 'gap'" in err
    assert cli.main(["eval", "gap", str(tmp_path / "absent.tsv")]) == 2


def test_json_output_validates_against_the_contract(run, inputs) -> None:  # type: ignore[no-untyped-def]
    schema_path = SHARED / "contract" / "dossier.schema.json"
    if not schema_path.exists():
        pytest.skip("needs ../shared/contract/dossier.schema.json (the contract beside the repo) — absent here")
    import jsonschema

    code, out, _ = run("analyze", inputs["ok.txt"], "--format", "json", "--published", "2026-04-02")
    assert code == 0
    jsonschema.validate(json.loads(out), json.loads(schema_path.read_text()))


def test_real_subprocess_smoke(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("claimtrail")
    exe = exe if exe.exists() else Path(shutil.which("claimtrail") or REPO / ".venv" / "bin" / "claimtrail")
    if not exe.exists():
        pytest.skip("the claimtrail console script is not installed (pip install -e .)")
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "b.txt").write_text("")
    done = subprocess.run([str(exe), "analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
                          capture_output=True, text=True, timeout=300)
    rows = [json.loads(x) for x in done.stdout.splitlines()]
    assert done.returncode == 0, done.stderr
    assert [r["format"] for r in rows] == ["claimtrail/dossier/1", "claimtrail/failure/1"]
    assert done.stderr.splitlines()[-1] == "claimtrail: 2 articles, 1 failed"
