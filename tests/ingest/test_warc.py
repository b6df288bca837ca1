"""WARC archives: HTML response records become articles; everything else is ignored or skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from recoupe.ingest import read_file
from recoupe.ingest.html import with_page_text
from recoupe.ingest.warc import read_warc_articles
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings
from recoupe.workers import page_read

MAX = 10_000_000

PAGE_BRIDGE = """<html><head><title>Le pont de Tours rouvre</title></head><body><article>
<p>Le pont Wilson, à Tours, a rouvert à la circulation vendredi après six mois de travaux de
consolidation de ses piles, a annoncé la préfecture d'Indre-et-Loire.</p>
<p>Les cyclistes disposent désormais d'une voie séparée dans chaque sens, une demande ancienne
des associations locales.</p>
</article></body></html>"""

PAGE_MARKET = """<html><head><title>Farmers' market moves indoors</title></head><body><article>
<p>The Saturday farmers' market in Ludlow will move into the old corn exchange for the winter,
the town council announced on Wednesday.</p>
<p>Stallholders welcomed the change after several markets were cancelled last year because of
high winds and flooding on the square.</p>
</article></body></html>"""

PAGE_LATIN1 = """<html><head><title>Fête de la crêpe à Quimper</title></head><body><article>
<p>La fête de la crêpe a réuni près de dix mille visiteurs à Quimper ce week-end, un record
selon les organisateurs, qui espèrent faire mieux l'été prochain.</p>
<p>Des crêpiers venus de toute la Bretagne ont préparé plus de vingt mille galettes.</p>
</article></body></html>"""


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8"):
    http_headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http_headers)


def _write_warc(path: Path, records: list[tuple[str, str, bytes, str]], gzip: bool) -> None:
    """records: (kind, uri, body, content_type); kind is 'response' or 'request'."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for kind, uri, body, content_type in records:
            if kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                record = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=headers
                )
            else:
                record = _response(writer, uri, body, content_type)
            writer.write_record(record)


def _articles(items: list[RawArticle | Skipped]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_two_html_responses_become_two_articles_named_by_target_uri(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _write_warc(
        path,
        [
            ("response", "https://example.org/tours/pont", PAGE_BRIDGE.encode(), "text/html; charset=utf-8"),
            ("response", "https://example.com/ludlow/market", PAGE_MARKET.encode(), "text/html"),
        ],
        gzip=gzip,
    )
    items = [with_page_text(i) for i in read_file(path, Settings())]  # as the per-article stage
    assert all(isinstance(i, RawArticle) for i in items)
    first, second = items
    assert (first.id, first.origin) == ("https://example.org/tours/pont", "https://example.org/tours/pont")
    assert (second.id, second.origin) == (
        "https://example.com/ludlow/market",
        "https://example.com/ludlow/market",
    )
    assert "Le pont Wilson, à Tours, a rouvert" in first.text
    assert "old corn exchange" in second.text
    assert first.title == "Le pont de Tours rouvre"


def test_request_records_and_non_html_responses_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    _write_warc(
        path,
        [
            ("request", "https://example.org/tours/pont", b"", ""),
            ("response", "https://example.org/tours/pont", PAGE_BRIDGE.encode(), "text/html"),
            ("response", "https://example.org/logo.png", png, "image/png"),
            ("response", "https://example.org/feed.json", b'{"a": 1}', "application/json"),
        ],
        gzip=True,
    )
    items = list(read_warc_articles(path, MAX))
    assert [type(i) for i in items] == [RawArticle]
    assert items[0].id == "https://example.org/tours/pont"


def test_xhtml_response_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(
        path,
        [("response", "https://example.com/m", PAGE_MARKET.encode(), "application/xhtml+xml")],
        gzip=False,
    )
    (item,) = [with_page_text(i) for i in read_warc_articles(path, MAX)]
    assert isinstance(item, RawArticle)
    assert "old corn exchange" in item.text


def test_record_with_charset_in_content_type_is_decoded_with_it(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(
        path,
        [
            (
                "response",
                "https://example.fr/crepe",
                PAGE_LATIN1.encode("latin-1"),
                "text/html; charset=ISO-8859-1",
            )
        ],
        gzip=True,
    )
    (item,) = [with_page_text(i) for i in read_warc_articles(path, MAX)]
    assert isinstance(item, RawArticle)
    assert "La fête de la crêpe a réuni près de dix mille visiteurs" in item.text
    assert "crêpiers venus de toute la Bretagne" in item.text
    assert item.title == "Fête de la crêpe à Quimper"


def _two_records(gzip: bool) -> tuple[bytes, bytes]:
    """The bytes of two HTML response records, each written on its own (a gzip member each)."""
    out = []
    for uri, page in (
        ("https://example.org/tours/pont", PAGE_BRIDGE),
        ("https://example.com/ludlow/market", PAGE_MARKET),
    ):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        writer.write_record(_response(writer, uri, page.encode(), "text/html"))
        out.append(buffer.getvalue())
    return out[0], out[1]


def test_truncated_warc_gz_yields_the_first_article_and_one_skipped_naming_the_file(tmp_path: Path) -> None:
    first, second = _two_records(gzip=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: len(second) // 2])  # cut in the middle of the second record

    items = list(read_file(path, Settings()))
    assert [a.id for a in _articles(items)] == ["https://example.org/tours/pont"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1
    assert skipped[0].where == str(path)
    assert skipped[0].reason
    assert "\n" not in skipped[0].reason


def test_truncated_warc_cut_inside_the_second_record_headers_is_skipped_not_a_crash(tmp_path: Path) -> None:
    first, second = _two_records(gzip=False)
    header_end = second.index(b"WARC-Type: response\r\n") + len(b"WARC-Type: response\r\n")
    path = tmp_path / "cut.warc"
    path.write_bytes(first + second[:header_end])  # no WARC-Target-URI, no Content-Length

    items = list(read_file(path, Settings()))
    assert [a.id for a in _articles(items)] == ["https://example.org/tours/pont"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1
    assert skipped[0].where == str(path)


def test_complete_records_written_one_by_one_read_back_as_two_articles(tmp_path: Path) -> None:
    first, second = _two_records(gzip=True)
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(first + second)
    items = list(read_file(path, Settings()))
    assert [i.id for i in items if isinstance(i, RawArticle)] == [
        "https://example.org/tours/pont",
        "https://example.com/ludlow/market",
    ]
    assert len(items) == 2


def test_empty_html_payload_yields_a_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(
        path,
        [
            ("response", "https://example.org/empty", b"", "text/html"),
            ("response", "https://example.com/ludlow/market", PAGE_MARKET.encode(), "text/html"),
        ],
        gzip=True,
    )
    items = list(read_warc_articles(path, MAX))
    assert [type(i) for i in items] == [Skipped, RawArticle]
    skipped = items[0]
    assert str(path) in skipped.where
    assert "https://example.org/empty" in skipped.where
    assert "empty" in skipped.reason


def test_warc_record_larger_than_max_bytes_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, [("response", "https://example.com/m", PAGE_MARKET.encode(), "text/html")], gzip=False)
    (item,) = list(read_warc_articles(path, 100))
    assert isinstance(item, Skipped)
    assert "too large" in item.reason


def test_missing_warc_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "gone.warc.gz"
    (item,) = list(read_warc_articles(path, MAX))
    assert isinstance(item, Skipped)
    assert item.where == str(path)
    assert "cannot read file" in item.reason


def test_a_record_over_the_time_budget_is_skipped_and_the_archive_goes_on(tmp_path: Path) -> None:
    soup = "<div><p>Encore une phrase dans la soupe de balises.</p></div>" * 60_000
    page = f"<html><body>{soup}</body></html>".encode()
    path = tmp_path / "crawl.warc.gz"
    _write_warc(
        path,
        [
            ("response", "https://example.org/soup", page, "text/html"),
            ("response", "https://example.com/ludlow/market", PAGE_MARKET.encode(), "text/html"),
        ],
        gzip=True,
    )
    items = list(read_warc_articles(path, MAX, time_budget_s=1))
    # The page's text is taken out by the per-article stage, under the time budget.
    soup_page = page_read(items[0], Settings(document_time_budget_s=1))
    assert soup_page == Skipped("https://example.org/soup", "took more than 1 s (time budget)")
    assert [i.id for i in items[1:]] == ["https://example.com/ludlow/market"]


def test_a_file_that_is_not_a_warc_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not an archive\n" * 20)
    assert list(read_warc_articles(path, MAX)) == [
        Skipped(str(path), "not a WARC archive (no WARC version and type at its start)")
    ]


def test_an_archive_without_html_records_is_named(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, [("request", "https://example.org/tours/pont", b"", "")], gzip=False)
    expected = [Skipped(str(path), "no HTML response record in the archive")]
    assert list(read_warc_articles(path, MAX)) == expected
