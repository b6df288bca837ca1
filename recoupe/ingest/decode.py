"""Bytes to text: gzip, byte-order marks, binary sniffing and charset detection."""

from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path

import charset_normalizer

from recoupe.ingest.limits import InputError, is_gzip_name, open_input, read_capped

__all__ = ["InputError", "content_hash", "decode_text", "read_input_bytes"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Magic numbers of formats that are sometimes named .txt or .html by mistake.
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")
# C0 controls that are never text (tab, line breaks and form feed are): dropped when they are rare.
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])


def read_input_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, transparently un-gzipping `*.gz`, refusing empty and oversized inputs.

    Neither a file over the cap on disk nor a gzip stream inflating past it is read whole.
    """
    gz = is_gzip_name(path)
    too_large = "file too large once decompressed" if gz else "file too large"
    try:
        with open_input(path, max_bytes) as stream:
            data = read_capped(stream, max_bytes, too_large)
    except (OSError, EOFError, zlib.error) as exc:
        if gz:
            raise InputError(f"corrupt gzip data ({exc})") from exc
        raise InputError(f"cannot read file ({getattr(exc, 'strerror', None) or exc})") from exc
    if not data.strip():
        raise InputError("empty file")
    return data


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding to text, or raise `InputError` for binary data.

    UTF-16 without a byte-order mark is recognised by its zero bytes; otherwise NUL bytes in more
    than 1% of the data, or control bytes in more than 5%, mean binary. The rare stray control
    character left (a NUL in a text dump) is dropped.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable text ({encoding} byte-order mark, {exc.reason})") from exc
    if data.startswith(_BINARY_MAGIC):
        raise InputError("binary file, not text")
    if (utf16 := _utf16_without_bom(data)) is not None:
        return _checked(utf16)
    if data.count(0) > len(data) / 100 or _control_bytes(data[:65536]) > 0.05:
        raise InputError("binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if (damaged := _mostly_utf8(data)) is not None:
            return _checked(damaged)
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            raise InputError("undecodable text (no character encoding fits)") from None
        text = str(match)
    return _checked(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text in UTF-16 without a byte-order mark: Latin script has a zero byte in every other place."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 4 or len(data) % 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0) / pairs, sample[1 : 2 * pairs : 2].count(0) / pairs
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 and others <= 0.02:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes, each become U+FFFD: guessing another encoding for the whole
    text would turn every accent into mojibake. Text in a legacy encoding has next to no valid
    multi-byte UTF-8 sequences; here they must outnumber damaged bytes two to one."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - damaged
    return text if multibyte >= 2 * damaged else None


def _control_bytes(sample: bytes) -> float:
    """Share of control bytes: text in any ASCII-compatible encoding has almost none."""
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / (len(sample) or 1)


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters; drop the rare stray ones; unify line ends."""
    strays = len(_STRAY_CONTROLS.findall(text))
    if strays > 0.05 * len(text):
        raise InputError("binary file, not text")
    if strays:
        text = _STRAY_CONTROLS.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised: the same article read twice hashes the same."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
