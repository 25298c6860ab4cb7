"""The brat standoff reader and the PolNeAR scorer: unit tests on tiny files we write, and one run
of the evaluator on the dev split (skipped when ../shared/data is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.eval.brat import article_pairs, gold_attributions, parse_ann, read_metadata
from claimtrail.eval.polnear import Pred, evaluate, finish, load_split, normalise, score_doc

TEXT = "Mira Holt said the bridge would open. “It is safe,” she said, “and cheap.” Rain fell."
#       0         1         2         3         4         5         6         7         8
ANN = (
    "T1\tSource 0 9\tMira Holt\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 36\tthe bridge would open\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    "T5\tContent 38 51;62 74\t“It is safe,” “and cheap.”\n"
    "T6\tSource 52 55\tshe\n"
    "T7\tCue 56 60\tsaid\n"
    "T8\tAttribution 56 60\tsaid\n"
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
    "#1\tAnnotatorNotes T5\ta note\n"
    "T9\tContent 75 84\tRain fell\n"
    "T10\tCue 84 85\t.\n"
    "T11\tAttribution-no-source 84 85\t.\n"
    "E3\tAttribution-no-source:T11 Content:T9 Cue:T10\n"
    "T12\tDiscard 0 4\tMira\n"
)


def test_offsets_fit_the_text() -> None:
    assert TEXT[0:9] == "Mira Holt" and TEXT[15:36] == "the bridge would open"
    assert TEXT[38:51] == "“It is safe,”" and TEXT[62:74] == "“and cheap.”" and TEXT[52:55] == "she"


def test_parse_ann_discontiguous_and_events() -> None:
    tbs, events = parse_ann(ANN)
    assert tbs["T5"].spans == ((38, 51), (62, 74))
    assert tbs["T12"].label == "Discard"
    assert events[0] == ("E1", "Attribution:T4", [("Source", "T1"), ("Cue", "T2"), ("Content", "T3")])


def test_gold_attributions() -> None:
    golds = gold_attributions(ANN)
    assert len(golds) == 3
    assert golds[1].content == [(38, 51), (62, 74)] and golds[1].source == [(52, 55)]
    assert golds[2].source == [] and golds[2].label == "Attribution-no-source"


def test_numbered_roles_and_multiline_text_are_read() -> None:
    ann = ("T1\tContent 0 4\tab\ncd\nT2\tCue 5 6\tx\nT3\tContent 7 9\tyz\nT4\tAttribution 5 6\tx\n"
           "E1\tAttribution:T4 Content:T1 Cue:T2 Content2:T3\n")
    (g,) = gold_attributions(ann)
    assert g.content == [(0, 4), (7, 9)]


def test_normalise_trims_quotes_and_punctuation() -> None:
    text = "“It is safe,” x “and cheap.”"
    assert normalise(text, [(0, 13), (16, 28)]) == "It is safe,” “and cheap"


def test_scoring_on_a_tiny_article() -> None:
    golds = gold_attributions(ANN)
    preds = [
        Pred([(15, 37)], [(0, 9)]),            # lenient + exact (trailing full stop), source right
        Pred([(38, 51), (62, 74)], [(0, 9)]),  # exact content, wrong source
        Pred([(0, 9)], []),                    # a false positive
    ]
    c = score_doc(TEXT, golds, preds)
    assert (c["lenient"], c["exact"], c["e2e"], c["n_gold"], c["n_pred"]) == (2, 2, 1, 3, 3)
    assert (c["gold_direct"], c["hit_direct"], c["gold_indirect"], c["hit_indirect"]) == (1, 1, 2, 1)
    s = finish([c])
    assert s["content_lenient_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["source_accuracy"] == 0.5
    assert s["e2e_recall"] == pytest.approx(1 / 3, abs=1e-3)


def test_lenient_needs_half_of_both() -> None:
    golds = gold_attributions(ANN)[:1]  # content 15..36 (21 chars)
    assert score_doc(TEXT, golds, [Pred([(15, 25)], [])])["lenient"] == 0   # under half of gold
    assert score_doc(TEXT, golds, [Pred([(0, 37)], [])])["lenient"] == 1    # 21/37 of pred
    assert score_doc(TEXT, golds, [Pred([(0, 60)], [])])["lenient"] == 0    # under half of pred


def test_one_to_one_matching() -> None:
    golds = gold_attributions(ANN)[:1]
    c = score_doc(TEXT, golds, [Pred([(15, 36)], []), Pred([(15, 36)], [])])
    assert c["lenient"] == 1 and c["n_pred"] == 2


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art_one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "art_one_b2.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "art_one_a1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("filename\tpublication_date\nart_one\t2026-01-05\n", encoding="utf-8")
    return tmp_path


def test_split_reader_takes_first_annotator_and_metadata(tmp_path: Path) -> None:
    split = _split(tmp_path)
    assert [a.name for _, a in article_pairs(split)] == ["art_one_a1.ann"]
    assert read_metadata(split / "metadata.tsv")["art_one"]["publication_date"] == "2026-01-05"
    ((name, text, pub, golds),) = load_split(split)
    assert (name, pub, len(golds)) == ("art_one", "2026-01-05", 3) and text == TEXT


def test_evaluate_on_a_tiny_split(tmp_path: Path) -> None:
    from claimtrail.nlp.pipeline import Pipeline
    scores = evaluate(_split(tmp_path), Pipeline())
    assert scores["n_docs"] == 1 and scores["n_gold"] == 3 and scores["n_failed"] == 0
    assert scores["content_lenient_recall"] >= 1 / 3  # "Mira Holt said the bridge would open" at least


KEYS = {"n_docs", "n_gold", "n_pred", "n_failed", "source_accuracy", "recall_direct", "recall_indirect",
        *(f"{p}_{m}" for p in ("content_lenient", "content_exact", "e2e") for m in ("precision", "recall", "f1"))}


@pytest.mark.slow
def test_dev_split_scores(eval_scores) -> None:  # type: ignore[no-untyped-def]
    scores = eval_scores("polnear")  # skips (a failure under CI) when ../shared/data is absent
    assert KEYS <= set(scores)
    assert scores["n_docs"] == 84 and scores["n_failed"] == 0
    assert 2000 < scores["n_gold"] < 2500
    for k in KEYS - {"n_docs", "n_gold", "n_pred", "n_failed"}:
        assert 0.0 <= scores[k] <= 1.0, k
    assert scores["content_exact_f1"] <= scores["content_lenient_f1"]
    assert scores["e2e_f1"] <= scores["content_lenient_f1"]
    assert scores["content_lenient_f1"] > 0.5  # a sanity floor; the CI gate pins the real one
