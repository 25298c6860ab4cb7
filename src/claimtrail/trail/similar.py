"""When two claims from different articles are the same claim: the text that is embedded, the
entity gate, opposed predicates, and the blocking keys. Pure Python (no numpy, no spaCy).

Decisions (tuned on tests/data/claim_pairs.tsv, hand-written pairs, and checked once on
tests/data/claim_pairs_heldout.tsv, written after tuning; ``bench/claim_pairs.py`` prints both):

- A claim and its negation are ONE claim ("X resigned" / "X did not resign"): negation words are
  dropped before embedding, and the timeline reads the claim's polarity to flip its status.
- Who the claim is about is decided by names, not by the embedding: names of the claim's "about"
  entities (and he/she/they) are replaced by one placeholder before embedding, so the vector says
  what happened; two claims whose about-names are both known and share none are two claims, and
  when only one of them names someone the cosine must clear a higher bar (``ONE_SIDED``).
- Predicates that cannot both hold ("resigned" / "was sacked": lexicons/contrasts.tsv, the table
  the claims stage uses inside one article; "rates rise" / "rates fall": lexicons/claim_verbs.tsv)
  make two claims, however close the vectors — at the same polarity only ("will not be cancelled"
  agrees with "will go ahead").
- Synonymous verbs are rewritten to one before embedding (claim_verbs.tsv: "stepped down" ->
  "resign"): the small encoder puts "resign" and "step down" further apart than a reader would.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ..store.base import norm_name

VERSION = "masked/4"  # of embed_text: stored vectors are reused only under the same version (and model)
THRESHOLD = 0.65  # cosine of the masked, negation-free texts at or above which two claims are one
ONE_SIDED = 0.10  # more cosine asked when only one side says whom it is about (masking hid that)
PLACEHOLDER = "someone"
MAX_WORDS = 40  # a claim's first words carry it; a long quote's tail costs embedding time (quadratic) for little

_NEGATION = re.compile(r"\b(?:not|never|no longer|neither|nor)\b|n't\b")
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|theirs)\b")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(rf"(?:\b(?:the|a|an)\s+)?{PLACEHOLDER}(?:[\s,]+{PLACEHOLDER}\b)*")
_WORD = re.compile(r"[a-z][a-z'-]+")
# Where a claim's own predicate ends and added detail begins: a subordinate or relative clause, a
# reason, a concession ("…, who took him from his office", "… after her ministry published …").
_DETAIL = re.compile(r",\s+(?:which|who|whom|whose|where|when|while|although|though|after|before|because|"
                     r"following|amid|despite|until|but|as)\b|\s(?:because|although|though|after|following|"
                     r"amid|despite|while|when|whereas)\b")
MIN_CORE_WORDS = 3  # a clause boundary this early is the claim itself ("after years of talks, …")
# Words too common in claims to block on (written for claimtrail: function words, reporting verbs).
_STOP = frozenset("""the a an and or but if of to in on at by for with from into over under about after
before than then that this these those there their they them he she his her its it was were is are be
been being has have had having do does did will would shall should can could may might must not no
never also just only very more most much many some any all each both other such own same so as up out
down off again further once here when where why how what which who whom whose while said says say
told tell according reported report week weeks month months year years day days monday tuesday
wednesday thursday friday saturday sunday today yesterday tomorrow last next new someone""".split())


def negated(text: str) -> bool:
    """Does the claim's own text negate its predicate ("X did not resign")? Odd counts only."""
    return len(_NEGATION.findall(norm_name(text).replace("cannot", "can not"))) % 2 == 1


def embed_text(text: str, names: Iterable[str], roles: Iterable[str] = ()) -> str:
    """The text that is embedded: folded, negation dropped, synonymous verbs made one
    (lexicons/claim_verbs.tsv), about-names, their role titles and pronouns masked, a run of
    masks read as one ("harbour minister Greta Holm" is one someone).

    Time phrases are kept: dropping them ("in July", "next year") lost more paraphrases than it
    found on the pairs file. Detail added after the predicate (a reason, a relative clause) is cut
    (``core``): "Dahl offered to resign last week after her ministry published figures that …" and
    "she had offered to step down" are one claim, which the whole text's vector missed
    (claim_pairs_long*.tsv).

    ``names`` are normalised names (``norm_name``); each one's single words are masked too, so
    "Holm" is masked for "greta holm" (only the claim's own about-entities are). At most
    ``MAX_WORDS`` words are kept."""
    t = norm_name(text).replace("cannot", "can not")
    t = canonical_verbs(_NEGATION.sub(" ", t))
    names = [n for n in names if n]
    words = set(names) | {w for n in names for w in n.split() if len(w) > 1} | {norm_name(r) for r in roles if r}
    for n in sorted(words, key=len, reverse=True):
        t = _name_pattern(n).sub(PLACEHOLDER, t)
    t = _PRONOUN.sub(PLACEHOLDER, t)
    t = _RUN.sub(PLACEHOLDER, t)
    return " ".join(core(t).split()[:MAX_WORDS])


def core(text: str) -> str:
    """The claim without the detail it adds after its predicate: the text up to the first clause
    boundary (``_DETAIL``) that has at least ``MIN_CORE_WORDS`` words before it."""
    for m in _DETAIL.finditer(text):
        if len(text[:m.start()].split()) >= MIN_CORE_WORDS:
            return text[:m.start()]
    return text


@lru_cache(maxsize=8192)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A name (and its possessive) as a whole word; cached: ``re``'s own cache holds 512 patterns, fewer
    than the names of a corpus, and compiling measured ~0.1 ms a claim."""
    return re.compile(r"\b" + re.escape(name) + r"(?:'s)?\b")


def names_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both claims say whom they are about, and no name is shared: two claims."""
    return bool(a) and bool(b) and not (a & b)


# --- predicate families (lexicons/contrasts.tsv, lexicons/claim_verbs.tsv) ------------------------

def _pattern(lemma: str) -> str:
    """A crude inflection pattern for a lemma: resign(s|ed|ing), retir(e|ed|ing), step(ped) down."""
    parts = []
    for w in lemma.split():
        base = w[:-1] if w.endswith("e") else w
        parts.append(re.escape(base) + f"(?:{re.escape(w[-1])})?(?:e|es|ed|d|s|ing)?")
    return r"\b" + r"\s+".join(parts) + r"\b"


def _rows(name: str) -> list[list[str]]:
    text = resources.files("claimtrail.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [cols for line in text.splitlines() if not line.startswith("#") and len(cols := line.split("\t")) >= 3]


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, str]]:
    """Predicate families of contrasts.tsv (the claims stage's) and claim_verbs.tsv (ours)."""
    fams: list[tuple[str, re.Pattern[str]]] = []
    opp: dict[str, str] = {}
    for cols in _rows("contrasts.tsv") + _rows("claim_verbs.tsv"):
        members = sorted((m.strip() for m in cols[1].split("|") if m.strip()), key=len, reverse=True)
        fams.append((cols[0], re.compile("|".join(_pattern(m) for m in members))))
        if cols[2].strip() != "-":
            opp[cols[0]] = cols[2].strip()
    return tuple(fams), opp


@lru_cache(maxsize=1)
def _canonical() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of a family's members, its first member) from claim_verbs.tsv, longest phrases first."""
    out = []
    for cols in _rows("claim_verbs.tsv"):
        members = [m.strip() for m in cols[1].split("|") if m.strip()]
        for m in sorted(members, key=len, reverse=True):
            out.append((len(m), re.compile(_pattern(m)), members[0]))
    return tuple((pat, canon) for _, pat, canon in sorted(out, key=lambda x: -x[0]))


def canonical_verbs(text: str) -> str:
    """Synonymous verbs rewritten to one ("stepped down" -> "resign"), on folded text."""
    for pat, canon in _canonical():
        text = pat.sub(canon, text)
    return text


def families(text: str) -> frozenset[str]:
    """The predicate families a claim's words fall in (folded text)."""
    t = norm_name(text)
    return frozenset(name for name, pat in _families()[0] if pat.search(t))


def opposed(fa: frozenset[str], fb: frozenset[str]) -> bool:
    """Families that cannot both hold ("quit" / "remove"); a shared family keeps them compatible
    only when neither side also holds the other's opposite."""
    opp = _families()[1]
    return any(opp.get(x) in fb and opp.get(x) not in fa for x in fa)


def same_claim(cosine: float, names_a: frozenset[str], names_b: frozenset[str],
               fams_a: frozenset[str], fams_b: frozenset[str], threshold: float = THRESHOLD,
               polarity_differs: bool = False) -> bool:
    """The decision, for two claims (or a claim and a cluster's summary of names and families).

    Opposed predicates count only at the same polarity: "will not be cancelled" agrees with "will
    go ahead"."""
    if names_clash(names_a, names_b):
        return False
    if bool(names_a) != bool(names_b):
        threshold += ONE_SIDED
    if not polarity_differs and (opposed(fams_a, fams_b) or opposed(fams_b, fams_a)):
        return False
    return cosine >= threshold


# --- blocking keys ---------------------------------------------------------------------------------

def word_keys(text: str, limit: int = 6) -> list[str]:
    """Content words as blocking keys ("w:resign"): folded, stop words out, cut to 6 letters so
    "resigned" and "resignation" meet; the longest first (rarer), at most ``limit``."""
    words = {w.strip("'-")[:6] for w in _WORD.findall(norm_name(text)) if w not in _STOP and len(w) > 3}
    return ["w:" + w for w in sorted(words, key=lambda w: (-len(w), w))[:limit]]


def name_keys(names: Iterable[str]) -> list[str]:
    return sorted({"n:" + n for n in names if n})
