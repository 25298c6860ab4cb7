"""Stage: attribution (placeholder, to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .state import analysis, guarded

NAME = "attribution"
VERSION = "attribution/0.0"
COMPONENT = "claimtrail_attribution"
REQUIRES: tuple[str, ...] = ('clusters', 'timexes')
PROVIDES: tuple[str, ...] = ("attributions",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    analysis(doc)
