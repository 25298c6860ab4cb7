"""`claimtrail export --format brat`: a .txt and .ann per article, read back by eval/brat.py's reader."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.eval.brat import gold_attributions, parse_ann
from claimtrail.model import Attribution, Content, Document, Dossier, Entity, Mention, Source, Span
from claimtrail.store import open_store
from claimtrail.store.export import brat_ann, brat_fragments, brat_name, write_brat

# Windows line ends, a quote split around its cue, a paraphrase over a paragraph break, an
# unnamed group as source, and a report with no source at all.
TEXT = ("Port council, Tuesday\r\n\r\n"
        "\u201cThe ferry will run again,\u201d said Mayor Ana Ruiz, \u201cbut not before May.\u201d\r\n"
        "Ruiz later told reporters that the harbour fees would rise\r\n\r\nand that the pier needed work.\n"
        "Local fishermen fear the fees. It was reported that the museum would close.\n")


def _at(part: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = TEXT.index(part, start + 1)
    return Span(start, start + len(part), part)


def _content(*parts: str) -> Content:
    spans = [_at(p) for p in parts]
    whole = TEXT[spans[0].start:spans[-1].end]
    return Content(spans[0].start, spans[-1].end, whole, tuple(spans) if len(spans) > 1 else ())


def _source(part: str, entity: str | None = None, group: bool = False, nth: int = 1) -> Source:
    s = _at(part, nth)
    return Source(s.start, s.end, s.text, entity, group)


def dossier(doc_id: str = "port-council") -> Dossier:
    ruiz = Entity("E1", "Ana Ruiz", "PERSON",
                  (Mention(*_astuple(_at("Ana Ruiz"))), Mention(*_astuple(_at("Ruiz", 2)))))
    council = Entity("E2", "Port council", "ORG", (Mention(*_astuple(_at("Port council"))),))
    attributions = (
        Attribution("A1", "direct", _source("Mayor Ana Ruiz", "E1"), _at("said"),
                    _content("The ferry will run again,", "but not before May."), "assert"),
        Attribution("A2", "indirect", _source("Ruiz", "E1", nth=2), _at("told reporters"),
                    _content("the harbour fees would rise\r\n\r\nand that the pier needed work"), "assert"),
        Attribution("A3", "indirect", _source("Local fishermen", group=True), _at("fear"),
                    _content("the fees"), "speculate"),
        Attribution("A4", "indirect", None, _at("It was reported"),
                    _content("the museum would close"), "assert"),
    )
    return Dossier(Document(doc_id, TEXT, title="Port council"), (ruiz, council), attributions)


def _astuple(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    """Offsets of the non-space characters the spans cover: line breaks may split a brat span."""
    return {i for s, e in spans for i in range(s, e) if not TEXT[i].isspace()}


def test_round_trip_through_the_eval_reader(tmp_path: Path) -> None:
    d = dossier()
    assert write_brat([d], tmp_path) == 1
    assert (tmp_path / "port-council.txt").read_bytes() == TEXT.encode("utf-8")  # exactly, \r\n kept
    gold = gold_attributions((tmp_path / "port-council.ann").read_text(encoding="utf-8"))
    assert len(gold) == len(d.attributions)
    for g, a in zip(gold, d.attributions):
        want = [(p.start, p.end) for p in a.content.parts] or [(a.content.start, a.content.end)]
        assert _chars(g.content) == _chars(want)
        assert g.cue == [(a.cue.start, a.cue.end)]
        assert g.source == ([(a.source.start, a.source.end)] if a.source else [])
        assert g.label == ("Attribution" if a.source else "Attribution-no-source")
    split_quote = gold[0].content
    assert split_quote == [(p.start, p.end) for p in d.attributions[0].content.parts]  # two fragments


def test_every_text_bound_line_echoes_the_text() -> None:
    tbs, events = parse_ann(brat_ann(dossier()))
    ann = brat_ann(dossier())
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, label_offsets, echoed = line.split("\t")
            assert echoed == " ".join(TEXT[s:e] for s, e in tbs[tid].spans)
            assert "\n" not in echoed and "\r" not in echoed
    labels = sorted(tb.label for tb in tbs.values())
    assert labels.count("PERSON") == 2 and labels.count("ORG") == 1
    assert len(events) == 4


@pytest.mark.parametrize("line", [
    "Stance E1 assert", "Kind E1 direct", "Stance E3 speculate", "Group T",
    "AnnotatorNotes E4\tA4", "\tE1 Ana Ruiz",
])
def test_attributes_and_notes(line: str) -> None:
    assert line in brat_ann(dossier())


@pytest.mark.parametrize("text, spans, want", [
    ("one two", [(0, 7)], [(0, 7)]),
    ("one\ntwo", [(0, 7)], [(0, 3), (4, 7)]),
    ("one\r\n\r\ntwo", [(0, 10)], [(0, 3), (7, 10)]),
    ("a\tb", [(0, 3)], [(0, 1), (2, 3)]),
    ("one two", [(4, 7), (0, 3)], [(0, 3), (4, 7)]),       # sorted
    ("one two", [(0, 5), (2, 7)], [(0, 7)]),               # overlaps merged
    ("one two", [(3, 3), (5, 99)], [(5, 7)]),              # empty dropped, clipped to the text
    ("one \n two", [(3, 6)], []),                          # nothing but blanks
])
def test_fragments(text: str, spans: list[tuple[int, int]], want: list[tuple[int, int]]) -> None:
    assert brat_fragments(text, spans) == want


@pytest.mark.parametrize("doc_id, plain", [
    ("a1", True), ("wire-0001.v2", True), ("feed.jsonl:12", False), ("../../etc/passwd", False),
    ("Zürich report", False), ("", False), ("...", False),
])
def test_file_names_are_safe(doc_id: str, plain: bool) -> None:
    name = brat_name(doc_id)
    assert name and "/" not in name and not name.startswith(".")
    assert (name == doc_id) is plain


def test_ids_that_clean_up_alike_get_different_names() -> None:
    assert brat_name("a b") != brat_name("a:b")


def test_cli_brat_export_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from claimtrail.cli import main

    db = str(tmp_path / "c.db")
    with open_store(db) as store:
        store.put(dossier("council/1"))
        store.put(Dossier(Document("other", "No one said anything today.")))
    assert main(["export", "--format", "brat", "--db", db]) == 2
    assert "--out DIR" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    assert main(["export", "--format", "brat", "--db", db, "--out", str(tmp_path / "file")]) == 2
    out = tmp_path / "brat"
    assert main(["export", "--format", "brat", "--db", db, "--out", str(out)]) == 0
    assert "2 articles exported" in capsys.readouterr().err
    assert (out / "annotation.conf").exists() and (out / "other.ann").read_text() == ""
    stem = brat_name("council/1")
    assert (out / f"{stem}.txt").read_bytes() == TEXT.encode("utf-8")
    assert len(gold_attributions((out / f"{stem}.ann").read_text(encoding="utf-8"))) == 4


def test_cli_csv_export_to_a_file(tmp_path: Path) -> None:
    from claimtrail.cli import main

    db = str(tmp_path / "c.db")
    with open_store(db) as store:
        store.put(dossier())
    assert main(["export", "--format", "csv", "--db", db, "--out", str(tmp_path / "a.csv")]) == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("article,published")
