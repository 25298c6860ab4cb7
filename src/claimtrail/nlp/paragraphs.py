"""Stage: paragraphs. Runs before the parser: a blank line always ends a sentence.

Without it the parser happily joins a headline to the article's first sentence ("… bribery
questions Port authority chief Park …"), and every later stage inherits one long bogus sentence.
A single line break ends a sentence only after sentence-final punctuation, so hard-wrapped text
keeps its sentences whole.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "paragraphs"
VERSION = "paragraphs/1"
COMPONENT = "claimtrail_paragraphs"
BEFORE = "parser"  # not one of the stages after NER: it has to run before the parse
_FINAL = {".", "?", "!", "\"", "”", "'", "’", ":"}


@Language.component(COMPONENT)
def run(doc: Doc) -> Doc:
    for tok in doc[1:-1]:
        if not tok.is_space or "\n" not in tok.text:
            continue
        prev = doc[tok.i - 1]
        if tok.text.count("\n") >= 2 or prev.text[-1:] in _FINAL:
            doc[tok.i + 1].is_sent_start = True
    return doc
