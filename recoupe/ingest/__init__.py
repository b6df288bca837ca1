"""Ingest: find input files and read them into `RawArticle`s (txt, HTML, JSONL, WARC).

Unreadable inputs come out as `Skipped` with a one-line reason; the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from recoupe.ingest.decode import InputError, content_hash, decode_text, read_input_bytes
from recoupe.ingest.html import read_html_article
from recoupe.ingest.jsonl import read_jsonl_articles
from recoupe.ingest.text import read_text_article
from recoupe.ingest.warc import read_warc_articles
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings

__all__ = ["InputError", "discover_inputs", "read_articles", "read_file"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, known in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
    ):
        if last in known:
            return kind
    return None


def article_id_for(path: Path) -> str:
    """The file name without its extension(s): `000_x.txt` and `000_x.html.gz` are `000_x`."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


def discover_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand folders recursively, in sorted order; name missing or unsupported paths."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and _kind(child):
                    yield child
        elif path.is_file():
            if _kind(path):
                yield path
            else:
                yield Skipped(str(path), f"unsupported file type '{''.join(path.suffixes) or 'none'}'")
        else:
            yield Skipped(str(path), "no such file or directory")


def read_file(path: Path, settings: Settings) -> Iterator[RawArticle | Skipped]:
    """Read one input file: one article, or several for JSONL and WARC."""
    kind = _kind(path)
    if kind == "warc":
        yield from read_warc_articles(path, settings.max_input_bytes)
        return
    try:
        text = decode_text(read_input_bytes(path, settings.max_input_bytes))
        if kind == "jsonl":
            yield from read_jsonl_articles(text, str(path), article_id_for(path))
        elif kind == "html":
            yield read_html_article(text, article_id_for(path), str(path), content_hash(text))
        else:
            yield read_text_article(text, article_id_for(path), str(path), content_hash(text))
    except InputError as exc:
        yield Skipped(str(path), str(exc))


def read_articles(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawArticle | Skipped]:
    """Every article of every input, in a deterministic order."""
    for item in discover_inputs(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_file(item, settings)
