"""Builds the NLP stages in order, checks that each one's needs are met, loads the model once."""
from __future__ import annotations

import importlib
from collections import deque
from dataclasses import replace
from collections.abc import Iterable, Iterator
from types import ModuleType

import spacy
from spacy.language import Language

from ..config import Options
from ..ingest.dates import infer_published
from ..model import Article, Dossier, Failure
from . import paragraphs, records
from .state import Analysis

# Stage modules in run order. Each defines NAME, VERSION, COMPONENT (a registered spaCy component
# name) and REQUIRES / PROVIDES (the Analysis fields it reads and writes).
STAGE_MODULES = ("entities", "roles", "timex", "attribution", "claims")


def load_stages() -> list[ModuleType]:
    mods = [importlib.import_module(f"{__package__}.{name}") for name in STAGE_MODULES]
    provided: set[str] = {"published"}
    for m in mods:
        missing = set(m.REQUIRES) - provided
        if missing:
            raise RuntimeError(f"stage {m.NAME} needs {sorted(missing)}, which no earlier stage provides")
        provided |= set(m.PROVIDES)
    return mods


class Pipeline:
    """Loads the spaCy model and the claimtrail stages once; analyses many articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.stages = load_stages()
        self.nlp: Language = spacy.load(self.options.model)
        if self.options.paragraph_breaks:
            self.nlp.add_pipe(paragraphs.COMPONENT, before=paragraphs.BEFORE)
        for m in self.stages:
            self.nlp.add_pipe(m.COMPONENT)
        self.versions = {"model": f"{self.nlp.meta['name']}-{self.nlp.meta['version']}"}
        if self.options.paragraph_breaks:
            self.versions[paragraphs.NAME] = paragraphs.VERSION
        self.versions.update({m.NAME: m.VERSION for m in self.stages})

    def analyze(self, text: str, published: str | None = None) -> Dossier:
        result = next(self.pipe([Article(text=text, published=published,
                                         published_basis="given" if published else None)]))
        if isinstance(result, Failure):
            from ..errors import ClaimtrailError
            raise ClaimtrailError(result.code, result.message)
        return result

    def pipe(self, articles: Iterable[Article | Failure], *,
             prechecked: bool = False) -> Iterator[Dossier | Failure]:
        """Analyse a stream of articles in input order; failures pass through as they come.

        Each article is first put through ``ingest.checks.checked`` (size, emptiness, language),
        unless ``prechecked`` says the caller has already done so with the same options."""
        from ..ingest.checks import checked

        stream = articles if prechecked else checked(articles, self.options)

        def docs() -> Iterator[tuple[object, Article | Failure]]:
            for art in stream:
                if isinstance(art, Failure):
                    yield None, art
                    continue
                if art.published is None:
                    inferred = infer_published(art.text)  # a dateline: "ROME, May 15, 2019 —"
                    if inferred:
                        art = replace(art, published=inferred, published_basis="inferred")
                doc = self.nlp.make_doc(art.text)
                doc._.ct = Analysis(published=art.published)
                yield doc, art

        # Failures must keep their place in the output, so they travel beside the docs; spaCy only
        # sees real docs (a failure between them is held back until the docs before it are out).
        pending: deque[tuple[object, Article | Failure]] = deque()
        source = docs()

        def only_docs() -> Iterator[tuple[object, Article]]:
            for doc, art in source:
                pending.append((doc, art))
                if doc is not None:
                    yield doc, art

        for doc, art in self.nlp.pipe(only_docs(), as_tuples=True, batch_size=self.options.batch_size):
            while pending and pending[0][0] is None:
                yield pending.popleft()[1]  # type: ignore[misc]
            pending.popleft()
            try:
                yield records.to_dossier(doc, art, self.versions)
            except Exception as exc:  # one bad article never ends a batch
                yield Failure(origin=art.origin or "-", code="internal", message=f"{type(exc).__name__}: {exc}",
                              id=records.article_id(art))
        for _, art in pending:
            yield art  # type: ignore[misc]
