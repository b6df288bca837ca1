"""JSON Lines: one article per line with id, url, title, text or html, published, source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime

from recoupe.ingest.decode import InputError, content_hash
from recoupe.ingest.html import read_html_article
from recoupe.ingest.text import read_text_article
from recoupe.model import RawArticle, Skipped

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def read_jsonl_articles(text: str, origin: str, fallback_id: str) -> Iterator[RawArticle | Skipped]:
    """Yield one article per valid line; a bad line is yielded as `Skipped` and the rest go on."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            yield _read_line(line, origin, f"{fallback_id}-{lineno}")
        except InputError as exc:
            yield Skipped(where, str(exc))


def _read_line(line: str, origin: str, fallback_id: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError("line is not a JSON object")
    for key in ("url", "title", "text", "html", "published", "source"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"field '{key}' must be a string, not {type(record[key]).__name__}")
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise InputError(f"field 'id' must be a string or an integer, not {type(raw_id).__name__}")
    article_id = str(raw_id) if raw_id not in (None, "") else record.get("url") or fallback_id
    url = record.get("url") or origin
    text, html = record.get("text"), record.get("html")
    if text and text.strip():
        article = read_text_article(text, article_id, url, content_hash(text))
    elif html and html.strip():
        article = read_html_article(html, article_id, url, content_hash(html))
    else:
        raise InputError("no 'text' or 'html' field with content")
    published = normalise_iso_date(record.get("published"))
    title = (record.get("title") or "").strip() or article.title
    source = (record.get("source") or "").strip() or article.source
    return RawArticle(
        id=article.id,
        origin=article.origin,
        text=article.text,
        title=title,
        published=published or article.published,
        source=source,
        author=article.author,
        content_hash=article.content_hash,
    )


def normalise_iso_date(value: str | None) -> str | None:
    """'2022-12-30T10:00:00+01:00' → '2022-12-30'; partial dates stay partial; bad dates fail."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _PARTIAL_DATE.match(value):
        return value
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError as exc:
        raise InputError(f"field 'published' is not an ISO 8601 date: {value!r}") from exc
