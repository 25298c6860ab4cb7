"""HTML pages to articles: main text, title, author and date extracted with trafilatura.

The dossier's ``document.text`` is the extracted text, so every offset points into it. Paragraphs
are joined with a blank line, as in the plain-text inputs, because paragraph ends matter to quote
handling (a quote running over paragraphs reopens its mark). A headline that trafilatura puts on the
first line is dropped from the text: it is the title, which the dossier carries on its own.
"""
from __future__ import annotations

import logging
import re

from ..errors import ClaimtrailError
from ..model import Article
from .dates import normalise_date

_HTML_TAG = re.compile(r"<\s*html[\s>]", re.I)
# Fewer words than this is page furniture that slipped through ("Home", "We use cookies."), not a body.
MIN_BODY_WORDS = 8


def _extract(html: str):  # type: ignore[no-untyped-def]
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are ours to word
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if (doc is None or not (doc.text or "").strip()) and not _HTML_TAG.search(html[:4096]):
        # trafilatura gives up on fragments without an <html> element (feeds carry such bodies)
        doc = trafilatura.bare_extraction(f"<html><body>{html}</body></html>", with_metadata=True,
                                          include_comments=False, include_tables=False)
    return doc


def article_from_html(html: str, origin: str) -> Article:
    """The article in an HTML page; ``ClaimtrailError("no-body")`` when there is none."""
    doc = _extract(html)
    raw = (doc.text or "") if doc is not None else ""
    paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
    title = (doc.title or "").strip() or None if doc is not None else None
    if paragraphs and title and paragraphs[0] == title and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < MIN_BODY_WORDS:
        raise ClaimtrailError("no-body", "no article body could be extracted from the HTML")
    published = normalise_date(doc.date) if doc is not None else None
    return Article(
        text="\n\n".join(paragraphs) + "\n", title=title, origin=origin,
        published=published, published_basis="metadata" if published else None,
        author=(doc.author or None) if doc is not None else None,
        url=(doc.url or None) if doc is not None else None,
        source=(doc.sitename or None) if doc is not None else None,
    )

