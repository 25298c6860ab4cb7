"""Stage: entities (placeholder, to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .state import analysis, guarded

NAME = "entities"
VERSION = "entities/0.0"
COMPONENT = "claimtrail_entities"
REQUIRES: tuple[str, ...] = ()
PROVIDES: tuple[str, ...] = ("clusters",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    analysis(doc)
