"""Bytes to text: gzip, byte-order marks, binary sniffing and charset detection."""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from pathlib import Path

import charset_normalizer


class InputError(Exception):
    """An input that cannot be read; the message is the one-line reason shown to the user."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Magic numbers of formats that are sometimes named .txt or .html by mistake.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")


def read_input_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, transparently un-gzipping `*.gz`, refusing empty and oversized inputs."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file too large ({size:,} bytes, limit {max_bytes:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from exc
    if path.suffix.lower() == ".gz":
        try:
            data = _gunzip_bounded(data, max_bytes)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt gzip data ({exc})") from exc
    if not data.strip():
        raise InputError("empty file")
    return data


def _gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    # Read in chunks so that a gzip bomb is refused before it fills memory.
    out = bytearray()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        while chunk := stream.read(1 << 20):
            out += chunk
            if len(out) > max_bytes:
                raise InputError(f"file too large once decompressed (limit {max_bytes:,} bytes)")
    return bytes(out)


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding to text, or raise `InputError` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable text ({encoding} byte-order mark, {exc.reason})") from exc
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise InputError("undecodable text (no character encoding fits)") from None
        text = str(match)
    if _control_ratio(text) > 0.05:
        raise InputError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample)


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised: the same article read twice hashes the same."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
