"""The attribution cue lexicon (``lexicons/cues.tsv``) and the pass that finds its cues in a Doc."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .attr_parse import viewpoint

PREFIX = {"noun": "n:", "adjective": "j:", "adverb": "r:"}  # lexicon keys by part of speech


@dataclass(frozen=True)
class Cue:
    stance: str
    cls: str  # the lexicon's class column (speech, belief, attitude, …) or "according"


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, Cue], dict[str, list[tuple[tuple[str, ...], Cue]]]]:
    """Single-lemma cues, and multi-word cues keyed by their first lemma."""
    single: dict[str, Cue] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    text = resources.files("claimtrail.lexicons").joinpath("cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        lemma, cue = cols[0].strip(), Cue(cols[1].strip(), cols[2].strip() if len(cols) > 2 else "speech")
        words = tuple(lemma.split())
        if len(words) == 1:
            single.setdefault(PREFIX.get(cue.cls, "") + lemma, cue)
        else:
            multi.setdefault(words[0], []).append((words, cue))
    return single, multi


@lru_cache(maxsize=1)
def _key_hashes() -> frozenset[int]:
    """String hashes of every word that can open a cue (lexicon lemmas and forms, "accord", the
    viewpoint prepositions): a token whose lemma or lower-case form is none of these is skipped
    without building a Token object (most of the stage's cost was in that per-token walk)."""
    single, multi = lexicon()
    words = {k.split(":", 1)[-1] for k in single} | set(multi) | {"accord", "hop", "to", "in"}
    return frozenset(get_string_id(w) for w in words)


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form opens some cue."""
    keys = _key_hashes()
    arr = doc.to_array([LEMMA, LOWER])
    return [i for i, (lem, low) in enumerate(arr.tolist()) if lem in keys or low in keys]


def cue_tokens(doc: Doc) -> list[tuple[Token, Token, Cue]]:
    """(first token, last token, cue) of each lexicon match, in text order (one pass over the tokens)."""

    out = []
    single, multi = lexicon()
    n = len(doc)
    free = 0  # tokens before this one belong to a multi-word cue already found
    for i in _candidates(doc):
        if i < free:
            continue
        t = doc[i]
        lem = t.lemma_.lower()
        if lem == "hop" and t.lower_.startswith("hop") and t.lower_[3:4] in ("e", "i"):
            lem = "hope"  # the small model lemmatises "hoping"/"hoped" as "hop"
        matched = False
        for words, cue in multi.get(lem, ()):
            j = i + len(words)
            if j <= n and all(doc[i + k].lemma_.lower() == w for k, w in enumerate(words)):
                out.append((t, doc[j - 1], cue))
                free, matched = j, True
                break
        if matched:
            continue
        if t.pos_ in ("VERB", "AUX") and lem in single and t.dep_ not in ("aux", "amod"):
            out.append((t, t, single[lem]))
        elif t.pos_ == "NOUN" and "n:" + lem in single:
            out.append((t, t, single["n:" + lem]))
        elif t.pos_ == "ADJ" and "j:" + t.lower_ in single and t.dep_ in ("acomp", "amod", "oprd"):
            out.append((t, t, single["j:" + t.lower_]))
        elif t.pos_ == "ADV" and "r:" + t.lower_ in single:
            out.append((t, t, single["r:" + t.lower_]))
        elif lem == "accord" and i + 1 < n and doc[i + 1].lower_ == "to":
            out.append((t, doc[i + 1], Cue("assert", "according")))
        elif t.pos_ == "ADP" and viewpoint(t):
            out.append((t, t, Cue("assert", "viewpoint")))
    return out
