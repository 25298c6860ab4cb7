"""Is this text English? py3langid on the opening of the text, with a guard for name-heavy news.

News in English is full of foreign names ("Nguyen Phu Trong met Moon Jae-in in Hanoi"), which can pull
a character n-gram classifier towards another language. So a text is refused only when the classifier
is confident *and* the text has few common English function words; either signal alone is not enough.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 2000  # language id on the opening only: cheap, and enough to judge
MIN_CONFIDENCE = 0.90  # below this the classifier is unsure: let the text through
# Words so frequent in any English prose that even a name-heavy news text is full of them.
_EN_WORDS = frozenset(
    "the of and to in a is that for on was with as by at it he she his her they said from be has have "
    "had were are will would not an this which but who their its after been also or".split())
MIN_EN_SHARE = 0.12  # share of such words in real English prose is ~0.3; other languages ~0.01
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Probabilities normalised, so a confidence of 0.99 means something; loaded once per process.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for the opening of ``text``."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def english_share(text: str) -> float:
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    return sum(w in _EN_WORDS for w in words) / len(words) if words else 0.0


def non_english(text: str) -> tuple[str, float] | None:
    """The detected (language, probability) when ``text`` is clearly not English, else None."""
    lang, prob = detect(text)
    if lang == "en" or prob < MIN_CONFIDENCE:
        return None
    if english_share(text) >= MIN_EN_SHARE:
        return None  # reads as English prose whatever the n-grams say (names, quotes in other tongues)
    return lang, prob
