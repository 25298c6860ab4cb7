"""Person-name helpers: lexicons, honorific stripping, family-name order, alias keys.

Everything here is plain string work (no spaCy), so it is cheap and easy to test. Keys are
lower-cased and stripped of diacritics so that "Orbán" and "Orban" meet.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"}
_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin", "al", "el", "ibn", "ter", "dos", "das"}
# Family-first surnames that are also ordinary Western given names: for these the rest of the
# name must look East Asian (hyphenated, or one short syllable) or Hungarian to flip the order.
_AMBIGUOUS_FIRST = {"kim", "lee", "park", "simon", "song", "moon", "jung", "young", "chung", "king", "may", "ha", "ho", "do", "to", "le", "ma", "mai", "lam", "han", "sun", "long", "bai", "gu", "ye", "yu", "du", "ko", "go", "an", "min", "nam", "woo", "oh", "son", "ra", "ji", "jin", "lin", "fan", "fang", "wen", "ren", "shi", "su", "lu", "he", "hu", "meng", "ding", "tang", "xu"}


def key(text: str) -> str:
    """Matching key: lower case, no diacritics, curly apostrophes straightened."""
    text = text.replace("’", "'").lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _lines(name: str) -> list[list[str]]:
    raw = resources.files("claimtrail.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def honorifics() -> dict[str, str | None]:
    """Lower-cased honorific/title words (possibly several words) -> gender they imply."""
    return {key(w): (g.strip() if g.strip() in "mf" else None) for w, g in _lines("honorifics.txt")}


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    """"german" -> "Germany": a nationality before a title names the country it serves."""
    return {adj.lower(): country.strip() for adj, country in _lines("demonyms.tsv")}


@lru_cache(maxsize=None)
def titles() -> dict[str, str | None]:
    return {key(w): (g.strip() if g.strip() in ("m", "f") else None) for w, g in _lines("titles.txt")}


@lru_cache(maxsize=None)
def kin_nouns() -> dict[str, str | None]:
    return {key(w): (g.strip() if g.strip() in ("m", "f") else None) for w, g in _lines("kin.txt")}


@lru_cache(maxsize=None)
def family_first() -> dict[str, str]:
    """Family names written first -> language code (zh, ko, vi, hu)."""
    out: dict[str, str] = {}
    for lang, names in _lines("family_first.txt"):
        for n in names.split():
            out.setdefault(key(n), lang)
    return out


@lru_cache(maxsize=None)
def hungarian_given() -> frozenset[str]:
    raw = resources.files("claimtrail.lexicons").joinpath("hungarian_given.txt").read_text(encoding="utf-8")
    return frozenset(key(w) for line in raw.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=None)
def given_names() -> dict[str, str]:
    """Given name -> 'm' or 'f'; a name listed under both genders is dropped as ambiguous."""
    seen: dict[str, set[str]] = {}
    for g, names in _lines("given_names.txt"):
        for n in names.split():
            seen.setdefault(key(n), set()).add(g.strip())
    return {n: next(iter(gs)) for n, gs in seen.items() if len(gs) == 1}


@dataclass(frozen=True)
class PersonName:
    full: str  # the name without honorifics, as written
    words: tuple[str, ...]
    family: str  # key of the family name ("" for a lone given name we cannot place)
    given: str  # key of the given name(s)
    order: str  # "western" | "family-first" | "single"
    lang: str | None = None  # zh / ko / vi / hu when family-first
    gender: str | None = None
    honorific: str | None = None  # the stripped prefix, as written

    @property
    def full_key(self) -> str:
        return key(" ".join(self.words))

    def aliases(self) -> list[tuple[str, int]]:
        """(alias key, strength): 3 full name, 2 family name, 1 given name used alone."""
        out = [(self.full_key, 3)]
        if self.family and self.family != self.full_key:
            out.append((self.family, 2))
            last = self.family.split()[-1]
            if last != self.family:
                out.append((last, 2))  # "von der Leyen" also as "Leyen"
        if self.given and self.given != self.full_key and self.given != self.family:
            # Vietnamese people are often called by the last given syllable ("Phuc").
            out.append((self.given.split()[-1] if self.lang == "vi" else self.given, 1))
        return out


def strip_honorifics(words: list[str]) -> tuple[list[str], str | None, str | None]:
    """Remove leading honorifics/titles; return (rest, gender implied, stripped text)."""
    hon, tit = honorifics(), titles()
    gender, stripped = None, []
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (3, 2, 1):
            k = key(" ".join(words[:n]))
            if len(words) > n and (k in hon or (k in tit and words[0][:1].isupper())):
                g = hon[k] if k in hon else tit[k]
                gender = gender or g
                stripped.extend(words[:n])
                words = words[n:]
                changed = True
                break
    return words, gender, (" ".join(stripped) or None)


# Capitalised sentence openers the tagger sometimes pulls into a name ("Later Ellis said").
_LEADING_NOISE = {"later", "then", "meanwhile", "but", "and", "however", "when", "after", "before", "as", "so",
                  "yet", "also", "still", "now", "today", "yesterday", "earlier", "the", "in", "on", "at", "while",
                  "since", "although", "though", "if", "by", "with", "for", "from", "to", "of", "dear", "former",
                  "late", "young", "elder", "old"}


def clean_words(text: str) -> list[str]:
    text = text.strip().strip(",;:\"“”‘").strip()
    for poss in ("'s", "’s", "'", "’"):
        if text.endswith(poss) and len(text) > len(poss) + 1:
            text = text[: -len(poss)]
            break
    words = text.split()
    while len(words) > 1 and key(words[0]) in _LEADING_NOISE:
        words = words[1:]
    while len(words) > 1 and key(words[-1]).strip(",") in _SUFFIXES:
        words = words[:-1]
    return [w.rstrip(",") for w in words]


def _looks_east_asian(rest: list[str]) -> bool:
    if any("-" in w for w in rest):
        return True
    # Romanised Chinese/Korean given names: one or two short capitalised words, not Western names.
    return len(rest) <= 2 and all(len(w) <= 9 and w[:1].isupper() and w[1:].islower() and key(w) not in given_names()
                                  for w in rest)


@lru_cache(maxsize=4096)  # the entities stage parses each PERSON entity twice; names recur across a batch
def parse(text: str) -> PersonName:
    """Parse a person's name as written in an article (a pure function of the text; PersonName is frozen)."""
    words, gender, hon = strip_honorifics(clean_words(text))
    if not words:
        words = text.split() or [text]
    ff = family_first()
    first, last = key(words[0]), key(words[-1])
    if len(words) == 1:
        return PersonName(" ".join(words), tuple(words), first if first not in given_names() else "",
                          first if first in given_names() else "", "single", None, gender or given_names().get(first), hon)
    order, lang = "western", None
    if first in ff and last not in ff:
        lang = ff[first]
        rest = words[1:]
        if lang == "hu":
            flip = key(rest[0]) in hungarian_given()
        elif first in _AMBIGUOUS_FIRST or first in given_names():
            flip = _looks_east_asian(rest)
        else:
            flip = True
        order = "family-first" if flip else "western"
        lang = lang if flip else None
    elif first in ff and last in ff and ff[first] != "hu":
        # Both ends could be a family name ("Li Wang"): East Asian order is the likelier reading
        # unless the first word is a Western given name.
        if first not in given_names() and (first not in _AMBIGUOUS_FIRST or _looks_east_asian(words[1:])):
            order, lang = "family-first", ff[first]
    if order == "family-first":
        family, given = first, key(" ".join(words[1:]))
        gword = key(words[-1])
    else:
        i = len(words) - 1
        while i > 1 and key(words[i - 1]) in _PARTICLES:
            i -= 1  # "Ursula von der Leyen": family name starts at the particle
        family, given = key(" ".join(words[i:])), key(" ".join(words[:i]))
        gword = key(words[0])
    g = gender or given_names().get(gword) or given_names().get(given.replace(" ", "-"))
    return PersonName(" ".join(words), tuple(words), family, given, order, lang, g, hon)


ORG_WORDS = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "party", "ministry", "bank", "university", "council",
              "committee", "agency", "company", "association", "union", "league", "club", "fund", "news", "times",
              "post", "airlines", "city", "county", "state", "street", "river", "house", "church", "school", "college",
              "institute", "observer", "foundation", "center", "centre", "journal", "tribune", "herald", "gazette",
              "network", "press", "media", "report", "review", "magazine", "hospital", "airport", "square",
              "avenue", "road", "park", "island", "mountain", "lake", "valley", "bay", "hall", "tower", "bridge",
              "senate", "congress", "parliament", "reuters", "government", "court", "police", "army"}


_CAMEL = re.compile(r"^(Mc|Mac|O'|O’|D')[A-Z][a-z]+$")


def _name_cased(w: str) -> bool:
    """'Scholz', 'Gagnon-Tremblay', 'Jae-in', 'McKillip', "O'Neal" — but not 'AFL-CIO' or 'eBay'."""
    first, *rest = w.split("-")  # "Jae-in", "Gagnon-Tremblay"
    titled = (first[:1].isupper() and first[1:].islower()) or _CAMEL.match(first) is not None
    return titled and all(p.islower() or (p[:1].isupper() and p[1:].islower()) for p in rest)


def looks_like_person(text: str) -> bool:
    """A short capitalised name the tagger missed or called an organisation: a known given name
    first ("Olaf Scholz"), or a family-first name with a plausible given name ("Orbán Viktor")."""
    words = clean_words(text)
    if not 2 <= len(words) <= 3 or not all(_name_cased(w) for w in words):
        return False  # "Virginia AFL-CIO": an acronym is an organisation
    if any(key(w).strip(".") in ORG_WORDS for w in words):
        return False
    if key(words[0]) in given_names():
        return True
    p = parse(" ".join(words))
    if p.order != "family-first":
        return False
    return p.lang != "hu" or key(words[1]) in hungarian_given()
