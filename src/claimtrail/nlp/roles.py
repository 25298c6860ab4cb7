"""Stage: roles (placeholder, to be written)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .state import analysis, guarded

NAME = "roles"
VERSION = "roles/0.0"
COMPONENT = "claimtrail_roles"
REQUIRES: tuple[str, ...] = ('clusters',)
PROVIDES: tuple[str, ...] = ("roles",)


@Language.component(COMPONENT)
@guarded(NAME)
def run(doc: Doc) -> None:
    analysis(doc)
