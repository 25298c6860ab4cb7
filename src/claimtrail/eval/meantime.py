"""Claim status against MEANTIME event factuality (NewsReader CAT XML, tokenised).

Reading: the text is rebuilt from the tokens (title, dateline and body, tokens joined with single
spaces except before closing punctuation and after opening brackets; ``\u0060\u0060``/``''`` become
straight double quotes), keeping each token's character offsets. The document creation time
(TIMEX3 ``functionInDocument="CREATION_TIME"``) is passed as the publication date.

Gold: every EVENT_MENTION with certainty CERTAIN/PROBABLE/POSSIBLE and polarity POS/NEG (the
underspecified and empty ones are skipped). CERTAIN+POS -> {confirmed, asserted}, CERTAIN+NEG ->
denied, PROBABLE/POSSIBLE -> unconfirmed.

Predicted: for the event's first anchor token, ``voice.predicate_status``: the status of the
innermost claim whose span contains the token (outside every claim: the reporter's own voice,
``asserted``); background inside a claim keeps ``asserted`` (relative and adverbial clauses,
prepositional objects, a definite noun-phrase topic such as "declined to comment on the
situation", and the doubt marker itself: "is reported to", "appears to"); then the token's own
negation ("not", "never", "nobody", "no") turns asserted/confirmed into denied, and a modal of
possibility (may, might, could), a hedging adverb (reportedly, possibly, ...) or an intention verb
above it ("plans to", "attempted to") into unconfirmed. "can" is left alone: in news it mostly
states an ability or permission as fact.

"Reported" events: those whose anchor token lies inside the content of a predicted attribution, or
that are the target of a gold SLINK whose source event mention is a SPEECH_COGNITIVE event (the
annotators' own marking of reported speech and thought). Scores: accuracy over the reported events
and over all events, with their counts.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .scoring import ratio


NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
GOLD = {("CERTAIN", "POS"): {"confirmed", "asserted"}, ("CERTAIN", "NEG"): {"denied"},
        ("PROBABLE", "POS"): {"unconfirmed"}, ("PROBABLE", "NEG"): {"unconfirmed"},
        ("POSSIBLE", "POS"): {"unconfirmed"}, ("POSSIBLE", "NEG"): {"unconfirmed"}}


@dataclass
class GoldEvent:
    m_id: str
    token: str  # t_id of the first anchor token
    gold: set[str]
    reported: bool  # gold: target of an SLINK from a speech/cognitive event


@dataclass
class MeantimeDoc:
    name: str
    text: str
    offsets: dict[str, tuple[int, int]]  # t_id -> (start, end)
    dct: str | None
    events: list[GoldEvent]


def rebuild_text(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """(t_id, sentence, text) in order -> text and token offsets. The title and the dateline
    (sentences 0 and 1) are separate paragraphs."""
    out: list[str] = []
    pos = 0
    offsets = {}
    prev_sent, prev_tok, quote_open = None, "", False
    for tid, sent, word in tokens:
        if word in ("``", "''"):
            word = '"'
        is_quote = word == '"'
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent and prev_sent in (0, 1):
            sep = "\n\n"
        elif word in NO_SPACE_BEFORE or prev_tok in NO_SPACE_AFTER or (is_quote and quote_open) \
                or (prev_tok == '"' and quote_open):
            sep = ""
        else:
            sep = " "
        if is_quote:
            quote_open = not quote_open
        out.append(sep)
        pos += len(sep)
        offsets[tid] = (pos, pos + len(word))
        out.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    return "".join(out), offsets


def read_doc(path: Path) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, offsets = rebuild_text(tokens)
    markables = root.find("Markables")
    dct = None
    anchors: dict[str, list[str]] = {}
    events_attr: dict[str, dict[str, str]] = {}
    classes: dict[str, str] = {}  # EVENT instance m_id -> class
    if markables is not None:
        for m in markables:
            if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
                dct = (m.get("value") or "")[:10] or None
            elif m.tag == "EVENT_MENTION":
                anchors[m.get("m_id", "")] = [a.get("t_id", "") for a in m.findall("token_anchor")]
                events_attr[m.get("m_id", "")] = dict(m.attrib)
            elif m.tag == "EVENT":
                classes[m.get("m_id", "")] = m.get("class", "")
    mention_class: dict[str, str] = {}
    slinks: list[tuple[str, str]] = []
    relations = root.find("Relations")
    if relations is not None:
        for r in relations:
            src, tgt = r.find("source"), r.find("target")
            if src is None or tgt is None:
                continue
            if r.tag == "REFERS_TO":
                mention_class[src.get("m_id", "")] = classes.get(tgt.get("m_id", ""), "")
            elif r.tag == "SLINK":
                slinks.append((src.get("m_id", ""), tgt.get("m_id", "")))
    reported = {t for s, t in slinks if mention_class.get(s) == "SPEECH_COGNITIVE"}
    events = []
    for mid, attrs in events_attr.items():
        gold = GOLD.get((attrs.get("certainty", ""), attrs.get("polarity", "")))
        if gold and anchors.get(mid):
            events.append(GoldEvent(mid, anchors[mid][0], gold, mid in reported))
    return MeantimeDoc(path.stem, text, offsets, dct, events)


def _predictions(doc_obj: Any, md: MeantimeDoc) -> list[tuple[GoldEvent, str, bool]]:
    from ..nlp.claims import claim_at
    from ..nlp.state import analysis
    from ..nlp.voice import predicate_status

    ct = analysis(doc_obj)
    contents = [(s, e) for a in ct.attributions for s, e in a.content]
    out = []
    for ev in md.events:
        start, end = md.offsets[ev.token]
        span = doc_obj.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        claim = claim_at(ct.claims, start)
        root = None
        if claim is not None:
            cspan = doc_obj.char_span(claim.start, claim.end, alignment_mode="expand")
            root = cspan.root if cspan is not None and len(cspan) else None
        status = predicate_status(span[0], claim.status if claim else None, root)
        in_attr = any(s <= start < e for s, e in contents)
        out.append((ev, status, in_attr or ev.reported, ev.reported))
    return out


def evaluate(path: Path, pipeline: Any, details: bool = False) -> dict[str, Any]:
    files = sorted(Path(path).glob("*.xml")) if Path(path).is_dir() else [Path(path)]
    docs = [read_doc(f) for f in files]
    rows = []
    for md, dossier_doc in zip(docs, _parse(docs, pipeline)):
        rows += [(md.name, ev, st, rep, gold_rep) for ev, st, rep, gold_rep in _predictions(dossier_doc, md)]
    rep = [r for r in rows if r[3]]
    marked = [r for r in rows if "asserted" not in r[1].gold]
    slink = [r for r in rows if r[4]]
    result: dict[str, Any] = {
        "accuracy_reported": _share(rep, lambda r: r[2] in r[1].gold),
        "accuracy_all": _share(rows, lambda r: r[2] in r[1].gold),
        "n_reported": len(rep),
        "n_all": len(rows),
        "n_docs": len(docs),
        # For scale: nearly all MEANTIME events are CERTAIN+POS, so "always asserted" scores high;
        # accuracy_marked is over the events whose gold is denied or unconfirmed.
        "majority_reported": _share(rep, lambda r: "asserted" in r[1].gold),
        "majority_all": _share(rows, lambda r: "asserted" in r[1].gold),
        "accuracy_marked": _share(marked, lambda r: r[2] in r[1].gold),
        "n_marked": len(marked),
        # over the gold-only reported set (SLINK targets): does not move when attribution changes
        "accuracy_slink": _share(slink, lambda r: r[2] in r[1].gold),
        "n_slink": len(slink),
    }
    if details:
        result["errors"] = [(n, ev.m_id, sorted(ev.gold), st, r) for n, ev, st, r, _ in rows if st not in ev.gold]
    return result


def _share(rows: list, ok: Any) -> float:
    return round(ratio(sum(1 for r in rows if ok(r)), len(rows)), 4)


def _parse(docs: list[MeantimeDoc], pipeline: Any) -> list[Any]:
    """spaCy docs with claimtrail's analysis, the DCT as the publication date."""
    from ..nlp.state import Analysis

    out = []
    for md in docs:
        doc = pipeline.nlp.make_doc(md.text)
        doc._.ct = Analysis(published=md.dct)
        for _, proc in pipeline.nlp.pipeline:
            doc = proc(doc)
        out.append(doc)
    return out


__all__ = ["evaluate", "read_doc", "rebuild_text"]
