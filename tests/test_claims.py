"""Claims: linking, status, contradiction, the reporter's own voice, and bad input.

Hand-built tests set the attributions themselves (on a real parse) and call
``claims.build_claims``, so the claim logic is tested whatever the attribution stage finds.
End-to-end tests run ``Pipeline.analyze``; where the attribution stage misses the attribution a
test needs, it is marked xfail (not weakened).
"""
from __future__ import annotations

import pytest

from claimtrail.nlp.claims import build_claims
from claimtrail.nlp.state import AttributionHit, analysis
from claimtrail.nlp.voice import predicate_status


def _find(text: str, part: str, after: int = 0) -> tuple[int, int]:
    i = text.index(part, after)
    return i, i + len(part)


def att(text: str, source: str | None, cue: str, content: str, stance: str = "assert",
        after: int = 0) -> AttributionHit:
    c = _find(text, content, after)
    return AttributionHit("indirect", _find(text, cue, after), [c],
                          _find(text, source, after) if source else None, None, False, stance)


def claims_for(pipeline, text: str, atts: list[tuple]) -> list[tuple[str, str, list[int]]]:  # type: ignore[no-untyped-def]
    """(claim text, status, evidence) with the given attributions instead of the stage's."""
    doc = pipeline.nlp(text)
    ct = analysis(doc)
    ct.attributions = [att(text, *a) for a in atts]
    ct.claims = build_claims(doc)
    return [(text[c.start:c.end], c.status, c.evidence) for c in ct.claims]


ARTICLE = (
    "Harbour board chair Tomas Eriksen resigned on Friday, officials in Malmo said.\n\n"
    "Local news sites reported that he was questioned by police last month, but the board would not "
    "comment on whether an inquiry had been opened.\n\n"
    "\u201cHe left for family reasons,\u201d said spokeswoman Ana Holm. She denied that Eriksen had been "
    "pushed out.\n\n"
    "The city council confirmed on Saturday that a deputy, Freya Lund, would lead the board until a new "
    "chair is chosen. It was unclear whether the council had approved the choice.\n"
)
ARTICLE_ATTS = [
    ("officials in Malmo", "said", "Harbour board chair Tomas Eriksen resigned on Friday"),
    ("Local news sites", "reported", "he was questioned by police last month"),
    ("the board", "would not comment", "whether an inquiry had been opened", "decline"),
    ("spokeswoman Ana Holm", "said", "He left for family reasons"),
    ("She", "denied", "Eriksen had been pushed out", "deny"),
    ("The city council", "confirmed", "a deputy, Freya Lund, would lead the board until a new chair is chosen", "confirm"),
]


def test_article_claims(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = claims_for(pipeline, ARTICLE, ARTICLE_ATTS)
    assert got == [
        ("Harbour board chair Tomas Eriksen resigned on Friday", "asserted", [0, 3]),
        ("he was questioned by police last month", "unconfirmed", [1, 2]),
        ("Eriksen had been pushed out", "denied", [4]),
        ("a deputy, Freya Lund, would lead the board until a new chair is chosen", "confirmed", [5]),
        ("the council had approved the choice", "unclear", []),
    ]


@pytest.mark.parametrize(("text", "atts", "status", "evidence"), [
    # antonymous predicates about the same person: fired vs resigned
    ("Officials said Dana Whitfield was fired. Whitfield said she resigned of her own accord.",
     [("Officials", "said", "Dana Whitfield was fired"), ("Whitfield", "said", "she resigned of her own accord", "assert", 30)],
     "disputed", [0, 1]),
    # negation: injured vs not injured
    ("The club said the striker was injured. His agent said the striker was not injured at all.",
     [("The club", "said", "the striker was injured"), ("His agent", "said", "the striker was not injured at all")],
     "disputed", [0, 1]),
    # a denial against an assertion of the same thing
    ("Prosecutors said the mayor took bribes. The mayor denied that he took bribes.",
     [("Prosecutors", "said", "the mayor took bribes"), ("The mayor", "denied", "he took bribes", "deny", 30)],
     "disputed", [0, 1]),
    # "X, not Y": the second source rules out what the first asserts
    ("A memo said that Mira Castell signed the order. Aides said it was Harlan Voss, not Mira Castell, who signed the order.",
     [("A memo", "said", "Mira Castell signed the order"),
      ("Aides", "said", "it was Harlan Voss, not Mira Castell, who signed the order")],
     "disputed", [0, 1]),
    # two independent sources assert the same thing
    ("Police said the bridge collapsed at noon. A fire brigade spokesman said the bridge collapsed after the storm.",
     [("Police", "said", "the bridge collapsed at noon"),
      ("A fire brigade spokesman", "said", "the bridge collapsed after the storm")],
     "confirmed", [0, 1]),
    # one source only
    ("The coach said the team would travel on Monday.",
     [("The coach", "said", "the team would travel on Monday")], "asserted", [0]),
    # an authoritative confirmation
    ("The ministry confirmed that the embassy would close.",
     [("The ministry", "confirmed", "the embassy would close", "confirm")], "confirmed", [0]),
    # speculation and unattributed reports only
    ("Analysts speculated that the bank would cut rates.",
     [("Analysts", "speculated", "the bank would cut rates", "speculate")], "unconfirmed", [0]),
    ("It was reported that the general had fled the capital.",
     [(None, "reported", "the general had fled the capital")], "unconfirmed", [0]),
    ("Social media accounts said the airport had been shut.",
     [("Social media accounts", "said", "the airport had been shut")], "unconfirmed", [0]),
    # a refusal to comment alone
    ("The palace declined to comment on whether the prince was in hospital.",
     [("The palace", "declined to comment", "whether the prince was in hospital", "decline")], "unconfirmed", [0]),
    # a denial alone
    ("The firm denied that its chief had been arrested.",
     [("The firm", "denied", "its chief had been arrested", "deny")], "denied", [0]),
])
def test_status(pipeline, text, atts, status, evidence) -> None:  # type: ignore[no-untyped-def]
    got = claims_for(pipeline, text, atts)
    assert [(s, e) for _, s, e in got if e] == [(status, evidence)]


@pytest.mark.parametrize(("text", "atts"), [
    ("The embassy did not respond to a request for comment.",
     [("The embassy", "respond", "a request for comment", "decline")]),
    ("The office declined to give details of the schedule.",
     [("The office", "declined", "to give details of the schedule", "decline")]),
])
def test_refusal_without_a_proposition_makes_no_claim(pipeline, text, atts) -> None:  # type: ignore[no-untyped-def]
    assert claims_for(pipeline, text, atts) == []


def test_anaphoric_refusal_and_denial(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"would not confirm that account" / "denied the report" bear on the claim just before."""
    text = ("Two aides said the governor had asked her to stay. The governor's office would not confirm "
            "that account. A tabloid reported that the governor was ill. The governor's office denied the report.")
    got = claims_for(pipeline, text, [
        ("Two aides", "said", "the governor had asked her to stay"),
        ("The governor's office", "would not confirm", "that account", "decline"),
        ("A tabloid", "reported", "the governor was ill"),
        ("The governor's office", "denied", "the report", "deny", 120),
    ])
    assert got == [("the governor had asked her to stay", "asserted", [0, 1]),
                   # an unnamed tabloid is a report, not an accountable source: the denial wins
                   ("the governor was ill", "denied", [2, 3])]


ANAPHOR_ORDER = [
    # a quoted "Not so", listed last: it joins the report before it, not a statement three sentences on
    ("A tabloid reported on Monday that the governor was ill. \u201cNot so,\u201d her office said. "
     "The governor spent the week in the capital. She met farmers on Tuesday. "
     "Two aides said the governor had asked her deputy to stay.",
     [("A tabloid", "reported", "the governor was ill"),
      ("Two aides", "said", "the governor had asked her deputy to stay"),
      ("her office", "said", "Not so", "deny")],
     [("the governor was ill", "denied", [0, 2]), ("the governor had asked her deputy to stay", "asserted", [1])]),
    # "that account" listed first: it still finds the quotation before it in the text
    ("\u201cThe governor is ill,\u201d an aide said. Her office would not confirm that account.",
     [("Her office", "would not confirm", "that account", "decline"), ("an aide", "said", "The governor is ill")],
     [("The governor is ill", "asserted", [0, 1])]),
]


@pytest.mark.parametrize(("text", "atts", "expected"), ANAPHOR_ORDER, ids=["quote-last", "quote-first"])
def test_anaphor_points_back_in_text_order(pipeline, text, atts, expected) -> None:  # type: ignore[no-untyped-def]
    """The attribution stage lists quotations after the cue hits, so its order is not text order:
    "points back" must mean back in the text."""
    assert claims_for(pipeline, text, atts) == expected


def test_denial_of_the_opposite_stays_apart(pipeline) -> None:  # type: ignore[no-untyped-def]
    """"She denied he was pushed out" agrees with "he resigned": no dispute, two claims."""
    text = "Aides said Rolf Berg resigned. His wife denied that Berg was pushed out."
    got = claims_for(pipeline, text, [("Aides", "said", "Rolf Berg resigned"),
                                      ("His wife", "denied", "Berg was pushed out", "deny")])
    assert [s for _, s, _ in got] == ["asserted", "denied"]


@pytest.mark.parametrize(("text", "claim", "status"), [
    ("It was unclear whether the vote would go ahead.", "the vote would go ahead", "unclear"),
    ("It is not known whether anyone was hurt in the blast.", "anyone was hurt in the blast", "unclear"),
    ("It was not immediately clear who had ordered the strike.", "who had ordered the strike", "unclear"),
    ("There were rumours that the coach planned to resign.", "the coach planned to resign", "unconfirmed"),
    ("Videos purportedly showing troops near the border spread online.",
     "Videos purportedly showing troops near the border", "unconfirmed"),
    ("The minister reportedly met the envoy in Vienna.", "The minister reportedly met the envoy in Vienna", "unconfirmed"),
    ("The singer is said to have left the country.", "The singer is said to have left the country", "unconfirmed"),
    ("The rebels allegedly seized two villages.", "The rebels allegedly seized two villages", "unconfirmed"),
])
def test_reporter_voice(pipeline, text: str, claim: str, status: str) -> None:  # type: ignore[no-untyped-def]
    """The reporter's doubt, end to end (an attribution the stage finds there must agree)."""
    d = pipeline.analyze(text)
    start = text.index(claim)
    hits = [c for c in d.claims if c.start < start + len(claim) and start < c.end]
    assert hits, [(c.text, c.status) for c in d.claims]
    assert hits[0].status == status


def test_plain_reporting_has_no_claims(pipeline) -> None:  # type: ignore[no-untyped-def]
    d = pipeline.analyze("The sun rose over the hills. Farmers drove their cattle to the river.")
    assert d.claims == ()


def test_end_to_end_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    d = pipeline.analyze(ARTICLE, published="2026-03-07")
    by_text = {c.text: c.status for c in d.claims}
    assert by_text.get("the council had approved the choice") == "unclear"
    if not any("Eriksen had been pushed out" in a.content.text for a in d.attributions):
        pytest.xfail("attribution stage missed the denial")
    assert by_text.get("Eriksen had been pushed out") == "denied"
    if not any("a deputy, Freya Lund" in a.content.text for a in d.attributions):
        pytest.xfail("attribution stage missed the confirmation")
    assert by_text.get("a deputy, Freya Lund, would lead the board until a new chair is chosen") == "confirmed"
    for c in d.claims:
        assert set(c.evidence) <= {a.id for a in d.attributions}
        assert set(c.about) <= {e.id for e in d.entities}


def test_end_to_end_dispute(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Officials at the ministry said Dana Whitfield was fired on Monday. "
            "\u201cI resigned. It was my decision,\u201d Whitfield said.")
    d = pipeline.analyze(text)
    if len(d.attributions) < 2:
        pytest.xfail("attribution stage missed one of the two statements")
    disputed = [c for c in d.claims if c.status == "disputed"]
    if not disputed:
        pytest.xfail("entities did not resolve both mentions of Whitfield to one entity")
    assert len(disputed[0].evidence) == 2


@pytest.mark.parametrize(("text", "word", "status"), [
    ("The company released the phone in May.", "released", "asserted"),
    ("The company did not release the phone in May.", "release", "denied"),
    ("The company may release the phone in May.", "release", "unconfirmed"),
    ("The company could never release the phone.", "release", "denied"),
    ("The company will probably release the phone.", "release", "unconfirmed"),
    ("Nobody was fired after the audit.", "fired", "denied"),
    ("No workers were hurt in the fire.", "hurt", "denied"),
    ("The company plans to release the phone in May.", "release", "unconfirmed"),
])
def test_predicate_status(pipeline, text: str, word: str, status: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert predicate_status(tok, None) == status


# ---- bad input: nothing crashes, no claim points outside the text ---------------------------------

LONG = ("The committee said that " + ", ".join(f"item {i} was approved by member {i}" for i in range(120))
        + ", and that it was unclear whether the budget would pass.")
BAD = [
    "",
    "!!!??? ... ,,, \u201c \u201d ' \" \u2014 ;; :: ()",
    "\u201cHe told me \u2018I will never say \u201cyes\u201d to that\u2019,\u201d she said, \u201cand he meant it.",
    "She said \u201cthe vote was rigged. He denied it \u201d\u201d \u201c.",
    LONG,
    "It was unclear whether.",
    "Reportedly.",
    "Officials said , not , not .",
    "\u201c" * 600,  # a "sentence" of quote marks only
    "Officials said that " + "it was X, not " * 150 + "Y.",  # many "X, not Y" in one content
    "the " * 600 + "board.",  # 600 tokens and no verb
]


@pytest.mark.parametrize("text", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_input(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    ct = analysis(doc)
    assert not [f for f in ct.flags if f.code == "stage-error" and f.message.startswith("claims")], ct.flags
    for c in ct.claims:
        assert 0 <= c.start < c.end <= len(text)
        assert all(0 <= e < len(ct.attributions) for e in c.evidence)
        assert all(0 <= a < len(ct.clusters) for a in c.about)
        assert c.time is None or 0 <= c.time < len(ct.timexes)


def test_long_sentence_is_over_500_tokens(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(LONG)
    assert max(len(s) for s in doc.sents) > 500 or len(doc) > 500
    assert any(c.status == "unclear" for c in analysis(doc).claims)


def test_claims_board(pipeline) -> None:  # type: ignore[no-untyped-def]
    from claimtrail.claims_board import claims_board
    from claimtrail.model import Attribution, Claim, Content, Document, Dossier, Source, Span

    text = "Officials said Dana Whitfield was fired. Whitfield denied it. It was unclear whether she will appeal."
    d = Dossier(
        document=Document(id="x", text=text),
        attributions=(
            Attribution("A1", "indirect", Source(0, 9, "Officials", None, True), Span(10, 14, "said"),
                        Content(15, 39, "Dana Whitfield was fired"), "assert"),
            Attribution("A2", "indirect", Source(41, 50, "Whitfield"), Span(51, 57, "denied"),
                        Content(58, 60, "it"), "deny"),
        ),
        claims=(Claim(15, 39, "Dana Whitfield was fired", id="C1", status="disputed", evidence=("A1", "A2")),
                Claim(82, 98, "she will appeal", id="C2", status="unclear")),
    )
    board = claims_board(d)
    assert board.index("DISPUTED") < board.index("UNCLEAR")
    assert "A1 Officials: asserts" in board and "A2 Whitfield: denies" in board
    assert "source: the reporter" in board
    assert claims_board(Dossier(document=Document(id="y", text="Nothing."))) == ""


WORDS = ["said", "denied", "not", "reportedly", "unclear", "whether", "she", "Park", "rumours", "that",
         "“", "”", "‘", "’", '"', ",", ".", "?", "—", "(", ")", "would", "comment", "It", "was", "fired",
         "resigned", "allegedly", "is", "to", "have", "left", "\n\n"]


def test_random_text_never_points_outside(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Word salad from the hardest words of this stage: no crash, every claim inside the text."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=25, deadline=None, derandomize=True)
    @hypothesis.given(st.lists(st.sampled_from(WORDS), max_size=60))
    def check(words: list[str]) -> None:
        text = " ".join(words)
        ct = analysis(pipeline.nlp(text))
        assert not [f for f in ct.flags if f.message.startswith("claims")]
        for c in ct.claims:
            assert 0 <= c.start < c.end <= len(text)

    check()


# ---- the index helpers against a plain scan (what they replaced, for long articles) ---------------

def _random_spans(seed: int, n: int) -> list[tuple[int, int]]:
    import random

    rng = random.Random(seed)
    return [(s, s + rng.randint(1, 40)) for s in (rng.randint(0, 300) for _ in range(n))]


@pytest.mark.parametrize("seed", range(5))
def test_covered_matches_a_scan(seed: int) -> None:
    from claimtrail.nlp.claims import _Covered

    spans = _random_spans(seed, 30)
    covered = _Covered(spans[:20])
    for s, e in spans[20:]:
        scan = any(min(e, ce) - max(s, cs) > (e - s) / 2 for cs, ce in covered.spans)
        assert covered.carries(s, e) == scan
        covered.add(s, e)
        assert covered.carries(s, e)  # a span carries itself


@pytest.mark.parametrize("seed", range(5))
def test_time_matches_a_scan(seed: int) -> None:
    from claimtrail.nlp.claims import _time, _timex_index
    from claimtrail.nlp.state import Analysis, TimexHit

    ct = Analysis(timexes=[TimexHit(s, e, "DATE", "X") for s, e in _random_spans(seed, 25)])
    tx = _timex_index(ct)
    for s, e in _random_spans(seed + 100, 40):
        inside = [i for i, t in enumerate(ct.timexes) if t.start >= s and t.end <= e]
        assert _time(tx, s, e) == (min(inside, key=lambda i: ct.timexes[i].start) if inside else None)


@pytest.mark.parametrize("text, kept", [
    ('the council was "gambling with the harbour" ', 'the council was "gambling with the harbour"'),
    ('"We will reopen the ferry,"', "We will reopen the ferry"),
    ('“a rushed vote” on the budget.', "“a rushed vote” on the budget"),
    ('the mayor called it “a rushed vote.”', "the mayor called it “a rushed vote.”"),
    ('“the plan was never costed', "the plan was never costed"),
])
def test_claim_text_keeps_whole_quote_pairs(text: str, kept: str) -> None:
    # An edge mark is trimmed only when its partner is not inside the claim: no half pairs.
    from claimtrail.nlp.propositions import trim
    s, e = trim(text, 0, len(text))
    assert text[s:e] == kept
