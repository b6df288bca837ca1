"""Bytes to text: encodings, BOMs, binary sniffing, empty and oversized files, gzip."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from recoupe.ingest import read_file
from recoupe.ingest.decode import InputError, decode_text, read_input_bytes
from recoupe.ingest.html import with_page_text
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings

FRENCH = (
    "Grève à la SNCF : les contrôleurs réclament une prime de fin d'année.\n"
    "Le trafic sera très perturbé jeudi sur les lignes régionales, a prévenu la direction. "
    "« Nous n'avons pas été écoutés », déplore un délégué syndical à Besançon.\n"
)
ENGLISH = "The harbour reopened on Monday after a week of repairs to the sea wall.\n"
BIG = 10_000_000


def _read(path: Path, max_bytes: int = BIG) -> str:
    return decode_text(read_input_bytes(path, max_bytes))


def test_utf8_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(FRENCH.encode("utf-8"))
    assert _read(path) == FRENCH


def test_utf8_file_with_bom_is_decoded_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    text = _read(path)
    assert text == FRENCH
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_french_text_in_a_legacy_encoding_comes_out_with_its_accents(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le préfet de la Côte-d'Or a ordonné mercredi la fermeture des écoles de Dijon après "
        "les fortes chutes de neige. Les élèves des collèges et des lycées resteront chez eux "
        "jusqu'à vendredi, a précisé le rectorat. Les transports scolaires sont également suspendus "
        "dans tout le département, où l'on a mesuré jusqu'à quarante centimètres de neige fraîche. "
        "Les services de déneigement travaillent sans relâche depuis l'aube.\n"
    )
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    decoded = _read(path)
    assert "préfet de la Côte-d'Or" in decoded
    assert "élèves des collèges" in decoded
    assert "jusqu'à vendredi" in decoded
    assert "fraîche" in decoded
    assert "Ã" not in decoded  # no mojibake


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_file_with_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    path = tmp_path / "a.txt"
    path.write_bytes(bom + FRENCH.encode(encoding))
    assert _read(path) == FRENCH


@pytest.mark.parametrize(
    "data",
    [
        b"The harbour reopened\x00\x00\x00 on Monday\x00\x01\x02",
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    ],
    ids=["nul-bytes", "png", "pdf"],
)
def test_binary_data_is_refused_as_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="binary"):
        _read(path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace-only"])
def test_empty_or_whitespace_only_file_is_refused_as_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="empty file"):
        read_input_bytes(path, BIG)


def test_file_larger_than_max_bytes_is_refused_as_too_large(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode() * 10)
    with pytest.raises(InputError, match="too large"):
        read_input_bytes(path, 100)


def test_file_exactly_at_max_bytes_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode())
    assert read_input_bytes(path, len(ENGLISH.encode())) == ENGLISH.encode()


def test_missing_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read file"):
        read_input_bytes(tmp_path / "nowhere.txt", BIG)


def test_gz_file_is_transparently_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(FRENCH.encode("utf-8")))
    assert _read(path) == FRENCH


def test_corrupt_gzip_is_refused_with_a_clear_reason(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"this is not gzip data at all, just plain text named .gz")
    with pytest.raises(InputError, match="corrupt gzip"):
        read_input_bytes(path, BIG)


def test_truncated_gzip_is_refused_with_a_clear_reason(tmp_path: Path) -> None:
    compressed = gzip.compress(FRENCH.encode("utf-8") * 50)
    path = tmp_path / "a.txt.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    with pytest.raises(InputError, match="corrupt gzip"):
        read_input_bytes(path, BIG)


def test_gzip_bomb_beyond_max_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert path.stat().st_size < 100_000  # small on disk
    with pytest.raises(InputError, match="too large once decompressed"):
        read_input_bytes(path, 1_000_000)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_windows_and_old_mac_line_ends_are_normalised(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(FRENCH.replace("\n", newline).encode("utf-8"))
    text = _read(path)
    assert "\r" not in text
    assert text == FRENCH


def test_read_file_turns_a_binary_txt_into_a_skipped_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = list(read_file(path, Settings()))
    assert items == [Skipped(str(path), "binary file, not text")]


def test_read_file_reads_a_gzipped_html_page(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article>"
        "<p>The harbour reopened on Monday after a week of repairs to the sea wall, the port "
        "authority said in a statement published on its website.</p>"
        "<p>Fishing boats were the first to leave, followed by the morning ferry to the islands, "
        "which had been cancelled every day since the storm.</p></article></body></html>"
    )
    path = tmp_path / "harbour.html.gz"
    path.write_bytes(gzip.compress(html.encode("utf-8")))
    (page,) = list(read_file(path, Settings()))
    assert isinstance(page, RawArticle)
    item = with_page_text(page)  # the per-article stage takes the text out
    assert item.id == "harbour"
    assert "Fishing boats were the first to leave" in item.text


def test_read_file_refuses_an_oversize_file_with_settings_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(ENGLISH.encode() * 20)
    (item,) = list(read_file(path, Settings(max_input_bytes=200)))
    assert isinstance(item, Skipped)
    assert item.where == str(path)
    assert "too large" in item.reason


def test_gz_file_with_uppercase_extension_is_decompressed_like_a_lowercase_one(tmp_path: Path) -> None:
    # discovery accepts ARTICLE.TXT.GZ (extensions are matched case-insensitively), so reading must too
    path = tmp_path / "ARTICLE.TXT.GZ"
    path.write_bytes(gzip.compress(FRENCH.encode("utf-8")))
    (item,) = list(read_file(path, Settings()))
    assert isinstance(item, RawArticle), item
    assert item.id == "ARTICLE"
    assert "les contrôleurs réclament une prime" in item.text
