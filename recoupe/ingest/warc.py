"""WARC archives: HTML response records, read with warcio, one record at a time under the caps."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stderr
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecord

from recoupe.ingest.decode import InputError, content_hash, decode_text
from recoupe.ingest.html import page_article
from recoupe.ingest.limits import DocumentTimeout, not_a_regular_file, time_budget
from recoupe.model import RawArticle, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A WARC or HTTP header line, or header block, longer than this is damage, not a header: warcio
# would otherwise gather a line that never ends (in quadratic time) or millions of header lines.
_MAX_HEADER_LINE = 65_536
_MAX_HEADER_BLOCK = 1_000_000


class _BoundedLineReader(DecompressingBufferedReader):
    """warcio's reader with header lines and header blocks (lines up to a blank one) bounded."""

    header_bytes = 0

    def readline(self, length: int | None = None) -> bytes:
        line = super().readline(min(length or _MAX_HEADER_LINE, _MAX_HEADER_LINE))
        self.header_bytes = 0 if not line.strip() else self.header_bytes + len(line)
        if self.header_bytes > _MAX_HEADER_BLOCK:
            raise ValueError(f"headers longer than {_MAX_HEADER_BLOCK:,} bytes")
        return line

    def read(self, length: int | None = None) -> bytes:
        self.header_bytes = 0
        return super().read(length)


class _Archive(ArchiveIterator):
    """warcio's iterator with bounded header lines, noting whether the last gzip member ended."""

    def __init__(self, stream: io.BufferedReader) -> None:
        super().__init__(stream)
        self.reader = _BoundedLineReader(self.fh)
        self.gzip_cut_short = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        # warcio stops quietly at a gzip member cut short: the last record is lost, say so.
        self.gzip_cut_short = decompressor is not None and not decompressor.eof
        super().close()


def read_warc_articles(
    path: Path, max_bytes: int, time_budget_s: float | None = None
) -> Iterator[RawArticle | Skipped]:
    """Yield an article per HTML response record; a corrupt archive stops at the damage.

    Each record (reading past the previous one, then parsing its page) gets the time budget; a
    record over `max_bytes` is skipped without being held whole, and the archive goes on.
    """
    origin = str(path)
    if reason := not_a_regular_file(path):
        yield Skipped(origin, reason)
        return
    try:
        if path.stat().st_size == 0:
            yield Skipped(origin, "empty file")
            return
        stream = path.open("rb")
    except OSError as exc:
        yield Skipped(origin, f"cannot read file ({exc.strerror or exc})")
        return
    html_records = reported = seen = 0
    with stream:
        archive = _Archive(stream)
        records = iter(archive)
        while True:
            warnings, item, reading = io.StringIO(), None, True
            try:
                # warcio prints its warnings (a Content-Length that does not match) to stderr:
                # they become this record's one line instead.
                with time_budget(time_budget_s), redirect_stderr(warnings):
                    record = next(records, None)
                    if record is None:
                        break
                    seen += 1
                    if record.format != "warc" or not record.rec_type:
                        raise InputError(
                            "not a WARC archive (no WARC version and type at its start)"
                            if seen == 1
                            else f"malformed header in record {seen} (no WARC version and type); "
                            "the rest was not read"
                        )
                    reading = False
                    if _is_html_response(record):
                        html_records += 1
                        item = _read_record(record, path, html_records, max_bytes)
            except DocumentTimeout as exc:
                if reading:  # stopped inside warcio: the rest of the archive cannot be found
                    yield Skipped(origin, f"{exc} reading record {seen + 1}; the rest was not read")
                    return
                item = Skipped(_record_where(origin, record, html_records), str(exc))
            except InputError as exc:
                yield Skipped(origin, str(exc))
                return
            # warcio raises assorted errors on damaged archives (even AttributeError on a record cut
            # inside its headers): any of them means the rest of this file cannot be read.
            except Exception as exc:
                yield Skipped(origin, f"corrupt WARC after {html_records} HTML records ({_first_line(exc)})")
                return
            if message := _first_line_of(warnings.getvalue()).removeprefix("WARNING: "):
                reported += 1
                yield Skipped(origin, f"damaged WARC record ({message})")
            if item is not None:
                reported += 1
                yield item
    if archive.gzip_cut_short:
        yield Skipped(
            origin, f"truncated WARC: the archive ends inside a record (after {html_records} HTML records)"
        )
    elif not reported:
        yield Skipped(origin, "no HTML response record in the archive")


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    return (record.http_headers.get_header("Content-Type") or "").lower().startswith(_HTML_TYPES)


def _record_where(origin: str, record: ArcWarcRecord, number: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header(
        "WARC-Record-ID"
    )
    return f"{origin} [{record_id or f'record {number}'}]"


def _read_record(record: ArcWarcRecord, path: Path, number: int, max_bytes: int) -> RawArticle | Skipped:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}-{number}"
    try:
        payload = record.content_stream().read(max_bytes + 1)
        if len(payload) > max_bytes:
            raise InputError(f"record too large (limit {max_bytes:,} bytes)")
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise InputError("truncated record (shorter than its Content-Length)")
        if not payload.strip():
            raise InputError("empty HTML record")
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        charset = _declared_charset(content_type)
        try:
            html = payload.decode(charset) if charset else decode_text(payload)
        except (LookupError, UnicodeDecodeError):
            html = decode_text(payload)
        return page_article(html, record_id, uri or str(path), content_hash(html))
    except InputError as exc:
        return Skipped(f"{path} [{record_id}]", str(exc))


def _declared_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _first_line_of(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _first_line(exc: Exception) -> str:
    return _first_line_of(str(exc)) or type(exc).__name__
