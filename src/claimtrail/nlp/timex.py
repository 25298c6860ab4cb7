"""Stage: timex (placeholder, to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .state import analysis, guarded

NAME = "timex"
VERSION = "timex/0.0"
COMPONENT = "claimtrail_timex"
REQUIRES: tuple[str, ...] = ('published',)
PROVIDES: tuple[str, ...] = ("timexes",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    analysis(doc)
