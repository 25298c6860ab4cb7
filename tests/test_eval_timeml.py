"""The TimeML reader and scorer (``claimtrail eval timeml``), on a tiny document written here and
once on the real TempEval-3 data when ../shared/data is present."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.eval.timeml import Counts, GoldTimex, evaluate, pair, read_tml
from claimtrail.model import Dossier, Timex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-15" temporalFunction="false" functionInDocument="CREATION_TIME">20190515</TIMEX3></DCT>
<TEXT>
The board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2019-05-10">Friday</TIMEX3> and will meet again <TIMEX3 tid="t2" type="DATE" value="2019-06">next month</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="PT2H">two hours</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml(tmp_path: Path) -> None:
    f = tmp_path / "tiny1.tml"
    f.write_text(TML, encoding="utf-8")
    doc = read_tml(f)
    assert doc.dct == "2019-05-15"
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("Friday", "DATE", "2019-05-10"), ("next month", "DATE", "2019-06"), ("two hours", "DURATION", "PT2H")]
    assert "<" not in doc.text and "met" in doc.text


def test_pairs_and_scores() -> None:
    gold = [GoldTimex(0, 6, "DATE", "2019-05-10"), GoldTimex(10, 20, "DATE", "2019-06"), GoldTimex(30, 39, "DURATION", "PT2H")]
    pred = [GoldTimex(0, 6, "DATE", "2019-05-10"), GoldTimex(8, 20, "DATE", "2019-07"), GoldTimex(50, 55, "SET", "P1D")]
    assert len(pair(gold, pred)) == 2
    c = Counts()
    c.add(gold, pred)
    s = c.scores("x_")
    assert s["x_strict_precision"] == pytest.approx(1 / 3) and s["x_relaxed_recall"] == pytest.approx(2 / 3)
    assert s["x_value_accuracy"] == pytest.approx(0.5) and s["x_type_accuracy"] == 1.0
    assert s["x_value_f1"] == pytest.approx(1 / 3)


class _FakePipeline:
    """Answers with the gold timexes of the tiny document, to test the evaluation's plumbing."""

    def pipe(self, articles):  # type: ignore[no-untyped-def]
        from claimtrail.model import Document
        for art in articles:
            assert art.published == "2019-05-15"
            i = art.text.index("Friday")
            yield Dossier(document=Document(id=art.id or "x", text=art.text),
                          timexes=(Timex(i, i + 6, "Friday", id="T1", type="DATE", value="2019-05-10"),))


def test_evaluate_keys_by_subcorpus(tmp_path: Path) -> None:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "tiny1.tml").write_text(TML, encoding="utf-8")
    s = evaluate(tmp_path, _FakePipeline())
    assert s["n_gold"] == 3 and s["n_pred"] == 1 and s["timebank_n_gold"] == 3
    assert s["strict_precision"] == 1.0 and s["value_accuracy"] == 1.0
    assert s["relaxed_recall"] == pytest.approx(1 / 3)


@pytest.mark.slow
def test_real_tempeval3(eval_scores) -> None:  # type: ignore[no-untyped-def]
    s = eval_scores("timeml")
    for prefix in ("", "timebank_", "aquaint_"):
        for key in ("relaxed_f1", "strict_f1", "type_accuracy", "value_accuracy", "value_f1", "n_gold", "n_pred"):
            assert f"{prefix}{key}" in s, f"{prefix}{key} missing"
    assert s["n_gold"] > 1500 and s["n_docs"] > 200
    assert 0.85 <= s["relaxed_f1"] <= 1.0 and 0.75 <= s["value_accuracy"] <= 1.0
