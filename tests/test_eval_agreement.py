"""``eval agreement``: annotators scored against each other with the PolNeAR matching, next to
claimtrail scored against each of them. Tiny hand-made splits, and one run on the PolNeAR train
articles that five or six annotators annotated (skipped when ../shared/data is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.eval.agreement import KEYS, evaluate, multi_annotated

TEXT = "Mira Holt said the bridge would open. “It is safe,” she said, “and cheap.” Rain fell."
SAID = ("T1\tSource 0 9\tMira Holt\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge would open\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n")
QUOTE_WITH_SOURCE = ("T5\tContent 38 51;62 74\t“It is safe,” “and cheap.”\nT6\tSource 52 55\tshe\n"
                     "T7\tCue 56 60\tsaid\nT8\tAttribution 56 60\tsaid\nE2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n")
QUOTE_NO_SOURCE = ("T5\tContent 38 51;62 74\t“It is safe,” “and cheap.”\nT7\tCue 56 60\tsaid\n"
                   "T8\tAttribution 56 60\tsaid\nE2\tAttribution:T8 Content:T5 Cue:T7\n")
RAIN = "T9\tContent 75 84\tRain fell\nT10\tCue 84 85\t.\nT11\tAttribution 84 85\t.\nE3\tAttribution:T11 Content:T9 Cue:T10\n"


def _split(tmp_path: Path, anns: dict[str, str]) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "text" / "single.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "single_c3.ann").write_text(SAID, encoding="utf-8")  # one annotator: left out
    for name, ann in anns.items():
        (tmp_path / "attributions" / f"bridge_{name}.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_only_articles_with_several_annotators(tmp_path: Path) -> None:
    split = _split(tmp_path, {"a1": SAID, "b2": SAID + RAIN})
    ((name, text, _, annotators),) = multi_annotated(split)
    assert (name, text, [len(a) for a in annotators]) == ("bridge", TEXT, [1, 2])


def test_pairwise_agreement_is_pooled_over_both_directions(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a1 marks three attributions, b2 two of them, and no source for the quote:
    # a1 against b2 gives P 2/3 R 1, b2 against a1 P 1 R 2/3 -> pooled 4 of 5 and 5: F1 0.8;
    # the quote's source is right in neither direction -> e2e 2 of 5 and 5: F1 0.4.
    scores = evaluate(_split(tmp_path, {"a1": SAID + QUOTE_WITH_SOURCE + RAIN, "b2": SAID + QUOTE_NO_SOURCE}),
                      pipeline)
    assert (scores["n_articles"], scores["n_annotations"], scores["n_pairs"]) == (1, 2, 2)
    assert scores["human_content_lenient_f1"] == pytest.approx(0.8)
    assert scores["human_e2e_f1"] == pytest.approx(0.4)
    assert scores["human_source_accuracy"] == pytest.approx(0.5)
    assert scores["human_recall_direct"] == 1.0
    assert 0.0 < scores["system_content_lenient_f1"] <= 1.0  # claimtrail finds "Mira Holt said …" at least


def test_identical_annotators_agree_fully(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scores = evaluate(_split(tmp_path, {"a1": SAID + RAIN, "b2": SAID + RAIN, "c3": SAID + RAIN}), pipeline)
    assert scores["n_pairs"] == 6
    assert scores["human_content_lenient_f1"] == scores["human_content_exact_f1"] == scores["human_e2e_f1"] == 1.0


def test_a_split_without_such_articles_is_an_error(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="two or more annotators"):
        evaluate(_split(tmp_path, {}), pipeline)


@pytest.mark.slow
def test_polnear_train_agreement(eval_scores) -> None:  # type: ignore[no-untyped-def]
    scores = eval_scores("agreement")  # skips (a failure under CI) when ../shared/data is absent
    assert scores["n_articles"] == 16 and scores["n_annotations"] > 80
    for k in KEYS:
        assert 0.0 <= scores[f"human_{k}"] <= 1.0 and 0.0 <= scores[f"system_{k}"] <= 1.0, k
    # the annotators agree with each other more than claimtrail agrees with them (measured: 0.80 vs 0.70)
    assert scores["human_content_lenient_f1"] > scores["system_content_lenient_f1"]
