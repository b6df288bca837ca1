"""JSON Lines: one article per line with id, url, title, text or html, published, source.

A line with a title and no text nor html (a feed's headline) is an article whose body is its title.
"""

from __future__ import annotations

import itertools
import json
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from recoupe.ingest.decode import InputError, content_hash, decode_text
from recoupe.ingest.html import page_article
from recoupe.ingest.limits import DocumentTimeout, open_input, read_capped, time_budget
from recoupe.ingest.text import read_text_article
from recoupe.model import RawArticle, Skipped

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


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


def read_jsonl_file(
    path: Path, fallback_id: str, max_line_bytes: int, time_budget_s: float | None
) -> Iterator[RawArticle | Skipped]:
    """Stream a JSON Lines file: each line is one document, under the size cap and the time budget.

    The file itself may be of any size (a feed of a year of articles); a line longer than the cap
    is read past without being kept, so a gzip bomb inside a `.jsonl.gz` costs no memory.
    """
    origin = str(path)
    with open_input(path) as stream:
        try:
            wide = stream.peek(4)[:4].startswith(_WIDE_BOMS)  # UTF-16/32 cannot be split on b"\n"
            text = decode_text(read_capped(stream, max_line_bytes, "UTF-16 file too large")) if wide else ""
        except (OSError, EOFError, zlib.error) as exc:
            yield Skipped(origin, f"corrupt gzip data ({exc})")
            return
        if wide:
            yield from read_jsonl_articles(text, origin, fallback_id)
            return
        lines, found = _capped_lines(stream, max_line_bytes), False
        for lineno in itertools.count(1):
            where, reading = f"{origin}:{lineno}", True
            try:
                with time_budget(time_budget_s):
                    line = next(lines, None)
                    if line is None:
                        break
                    reading = False
                    item = _read_raw_line(line, lineno, max_line_bytes, origin, f"{fallback_id}-{lineno}")
            except DocumentTimeout as exc:
                if reading:  # stopped inside the stream: where the next line starts is unknown
                    yield Skipped(where, f"{exc}; the rest of the file was not read")
                    return
                item = Skipped(where, str(exc))
            except InputError as exc:
                item = Skipped(where, str(exc))
            except (OSError, EOFError, zlib.error) as exc:
                yield Skipped(origin, f"corrupt gzip data after line {lineno - 1} ({exc})")
                return
            if item is not None:
                found = True
                yield item
        if not found:
            yield Skipped(origin, "empty file")


def _capped_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | int]:
    """Each line of the stream, or its length when it is longer than `max_bytes` (not kept)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            length += len(rest)
        yield length + len(rest)


def _read_raw_line(
    line: bytes | int, lineno: int, max_bytes: int, origin: str, fallback_id: str
) -> RawArticle | None:
    if isinstance(line, int):
        raise InputError(f"line too long ({line:,} bytes, limit {max_bytes:,})")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_text(line)
    if lineno == 1:
        text = text.removeprefix("\ufeff")
    return _read_line(text, origin, fallback_id) if text.strip() else None


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
    text, html, headline = record.get("text"), record.get("html"), (record.get("title") or "").strip()
    if text and text.strip():
        article = read_text_article(text, article_id, url, content_hash(text))
    elif html and html.strip():
        article = page_article(html, article_id, url, content_hash(html))
    elif headline:
        # A feed's item with no body: its headline is all its text (cleaning flags it headline-only).
        # Outlets reuse a wire headline word for word: a headline is one article per item, not one
        # per wording, so its identity is the item's id with its headline.
        article = RawArticle(
            article_id, url, headline, title=headline, content_hash=content_hash(f"{article_id}\n{headline}")
        )
    else:
        raise InputError("no 'text', 'html' or 'title' field with content")
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
        html=article.html,
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
