"""Round trips of the record types: Dossier -> dict (the contract JSON) -> Dossier, losslessly."""
from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from claimtrail.model import (Attribution, Claim, Content, Document, Dossier, Entity, Flag, Mention, Role,
                              Source, Span, Timex, dossier_from_dict)

text_st = st.text(max_size=40)


@st.composite
def spans(draw, cls=Span, **extra):  # type: ignore[no-untyped-def]
    s = draw(st.integers(0, 500))
    return cls(s, s + draw(st.integers(0, 50)), draw(text_st), **{k: draw(v) for k, v in extra.items()})


ids = st.text("ABCDEFGHIJ0123456789", min_size=1, max_size=4)
entities = st.builds(
    Entity, id=ids, name=text_st, type=st.sampled_from(["PERSON", "ORG", "GPE", "OTHER"]),
    mentions=st.tuples(spans(Mention, kind=st.sampled_from(["name", "nominal", "pronoun"]))),
    roles=st.tuples(spans(Role, title=text_st, organization=st.none() | text_st)),
    gender=st.sampled_from([None, "m", "f"]))
attributions = st.builds(
    Attribution, id=ids, kind=st.sampled_from(["direct", "indirect", "mixed"]),
    source=st.none() | spans(Source, entity=st.none() | ids, group=st.booleans()).filter(lambda s: s.text != ""),
    cue=spans(), content=spans(Content, parts=st.tuples() | st.tuples(spans(), spans())),
    stance=st.sampled_from(["assert", "confirm", "deny", "speculate", "decline", "question"]),
    time=st.none() | ids)
dossiers = st.builds(
    Dossier,
    document=st.builds(Document, id=ids, text=text_st, title=st.none() | text_st,
                       published=st.none() | st.just("2026-03-11"),
                       published_basis=st.sampled_from([None, "given", "metadata", "inferred"])),
    entities=st.lists(entities, max_size=3).map(tuple),
    attributions=st.lists(attributions, max_size=3).map(tuple),
    claims=st.lists(spans(Claim, id=ids, status=st.sampled_from(["confirmed", "denied", "unclear"]),
                          about=st.tuples(ids), evidence=st.tuples(), time=st.none() | ids), max_size=2).map(tuple),
    timexes=st.lists(spans(Timex, id=ids, type=st.just("DATE"), value=st.just("2026-03-09")), max_size=2).map(tuple),
    flags=st.lists(st.builds(Flag, code=text_st, message=text_st, start=st.none() | st.integers(0, 9)),
                   max_size=2).map(tuple),
    stages=st.dictionaries(text_st, text_st, max_size=2))


@given(dossiers)
def test_dossier_round_trips_through_json(d: Dossier) -> None:
    data = json.loads(json.dumps(d.to_dict()))
    assert dossier_from_dict(data) == d


def test_unknown_source_is_written_as_empty_span_at_cue() -> None:
    a = Attribution("A1", "indirect", None, Span(10, 18, "reported"), Content(24, 30, "rained"), "assert")
    d = Dossier(Document("x", "It was " + " " * 30), attributions=(a,)).to_dict()
    assert d["attributions"][0]["source"] == {"start": 10, "end": 10, "text": "", "entity": None, "group": False}
    assert dossier_from_dict(d).attributions[0].source is None
