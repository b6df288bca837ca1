"""WARC archives: HTML response records, read with warcio."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from recoupe.ingest.decode import InputError, content_hash, decode_text
from recoupe.ingest.html import read_html_article
from recoupe.model import RawArticle, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_articles(path: Path, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """Yield an article per HTML response record; a corrupt archive stops at the damage."""
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Skipped(origin, f"cannot read file ({exc.strerror or exc})")
        return
    count = 0
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(_HTML_TYPES):
                    continue
                count += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                record_id = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}-{count}"
                try:
                    payload = record.content_stream().read(max_bytes + 1)
                    if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= max_bytes:
                        raise InputError("truncated record (shorter than its Content-Length)")
                    yield _read_record(payload, content_type, record_id, uri or origin, max_bytes)
                except InputError as exc:
                    yield Skipped(f"{origin} [{record_id}]", str(exc))
        # warcio raises assorted errors on damaged archives (even AttributeError on a record cut
        # inside its headers): any of them means the rest of this file cannot be read.
        except Exception as exc:
            yield Skipped(origin, f"corrupt WARC after {count} HTML records ({_first_line(exc)})")
            return
    if path.name.lower().endswith(".gz") and not _gzip_complete(path):
        # warcio stops quietly at a gzip member cut short: the last record is lost, say so.
        yield Skipped(
            origin, f"truncated WARC: the archive ends inside a record (after {count} HTML records)"
        )


def _read_record(
    payload: bytes, content_type: str, record_id: str, origin: str, max_bytes: int
) -> RawArticle:
    if len(payload) > max_bytes:
        raise InputError(f"record too large (limit {max_bytes:,} bytes)")
    if not payload.strip():
        raise InputError("empty HTML record")
    charset = _declared_charset(content_type)
    try:
        html = payload.decode(charset) if charset else decode_text(payload)
    except (LookupError, UnicodeDecodeError):
        html = decode_text(payload)
    return read_html_article(html, record_id, origin, content_hash(html))


def _gzip_complete(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 22):
                pass
    except (OSError, EOFError, zlib.error):
        return False
    return True


def _declared_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().split("\n") or [type(exc).__name__])[0] or type(exc).__name__
