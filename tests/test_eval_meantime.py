"""The MEANTIME reader on a hand-written CAT file, and the accuracy gate on the real corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.eval.meantime import evaluate, read_doc, rebuild_text


# A tiny CAT-style document in our own words: title, dateline, one body sentence with a reported,
# hedged event and a negated one.
TOKENS = ["Mill", "closes", "May", "2", ",", "2024", "Managers", "said", "the", "mill", "may", "close",
          ",", "but", "``", "nobody", "was", "fired", "''", "."]
SENTS = [0, 0, 1, 1, 1, 1] + [2] * 14
CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="mill" lang="en">
{tokens}
<Markables>
<EVENT_MENTION certainty="CERTAIN" m_id="1" polarity="POS"><token_anchor t_id="8"/></EVENT_MENTION>
<EVENT_MENTION certainty="POSSIBLE" m_id="2" polarity="POS"><token_anchor t_id="12"/></EVENT_MENTION>
<EVENT_MENTION certainty="CERTAIN" m_id="3" polarity="NEG"><token_anchor t_id="18"/></EVENT_MENTION>
<EVENT_MENTION certainty="UNDERSPECIFIED" m_id="4" polarity="POS"><token_anchor t_id="2"/></EVENT_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="5" type="DATE" value="2024-05-02"/>
<EVENT class="SPEECH_COGNITIVE" m_id="10"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<SLINK r_id="2"><source m_id="1"/><target m_id="2"/></SLINK>
</Relations>
</Document>
"""


def _write(tmp_path: Path) -> Path:
    toks = "\n".join(f'<token number="{i}" sentence="{s}" t_id="{i + 1}">{w}</token>'
                     for i, (w, s) in enumerate(zip(TOKENS, SENTS)))
    p = tmp_path / "mill.xml"
    p.write_text(CAT.format(tokens=toks), encoding="utf-8")
    return p


def test_rebuild_text_offsets() -> None:
    text, offs = rebuild_text([(str(i + 1), s, w) for i, (w, s) in enumerate(zip(TOKENS, SENTS))])
    assert text == 'Mill closes\n\nMay 2, 2024\n\nManagers said the mill may close, but "nobody was fired".'
    for i, w in enumerate(TOKENS):
        s, e = offs[str(i + 1)]
        assert text[s:e] == ('"' if w in ("``", "''") else w)


def test_read_doc(tmp_path: Path) -> None:
    md = read_doc(_write(tmp_path))
    assert md.dct == "2024-05-02"
    gold = {e.m_id: (e.gold, e.reported) for e in md.events}
    assert gold == {"1": ({"asserted", "confirmed"}, False), "2": ({"unconfirmed"}, True),
                    "3": ({"denied"}, False)}  # the underspecified one is skipped


def test_evaluate_small(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    scores = evaluate(_write(tmp_path), pipeline)
    assert scores["n_all"] == 3 and scores["n_reported"] >= 1
    assert scores["accuracy_all"] == 1.0  # said: asserted; may close: unconfirmed; not fired: denied


@pytest.mark.slow
def test_meantime_on_corpus_apple(eval_scores) -> None:  # type: ignore[no-untyped-def]
    # Floors live in tests/eval_baseline.json (test_eval_gate.py). "Always asserted" scores about
    # 0.95 / 0.96 here, which is why accuracy_marked (gold denied or unconfirmed) is pinned as well.
    scores = eval_scores("meantime")
    assert scores["n_all"] > 400 and 0 < scores["n_reported"] <= scores["n_all"]
