"""Stage: claims (placeholder, to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .state import analysis, guarded

NAME = "claims"
VERSION = "claims/0.0"
COMPONENT = "claimtrail_claims"
REQUIRES: tuple[str, ...] = ('attributions', 'clusters', 'timexes')
PROVIDES: tuple[str, ...] = ("claims",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    analysis(doc)
