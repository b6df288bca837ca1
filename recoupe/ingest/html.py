"""HTML pages: main text and metadata with trafilatura, publication date with htmldate.

Both libraries are only ever given an already-parsed tree, so neither can fetch a URL.
"""

from __future__ import annotations

import copy

import htmldate
import trafilatura

from recoupe.ingest.decode import InputError
from recoupe.model import RawArticle


def read_html_article(html: str, article_id: str, origin: str, content_hash: str) -> RawArticle:
    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError("not parseable as HTML")
    published = htmldate.find_date(copy.deepcopy(tree), extensive_search=True, original_date=True)
    # favor_recall without comments scored best on the extraction benchmark (bench/extraction.py);
    # chrome that slips through is caught by recoupe's own cleaning afterwards.
    doc = trafilatura.bare_extraction(
        tree,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no article text found in the HTML page")
    return RawArticle(
        id=article_id,
        origin=origin,
        text=text,
        title=_clean(doc.title),
        published=published or _clean(doc.date),
        source=_clean(doc.sitename),
        author=_clean(doc.author),
        content_hash=content_hash,
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
