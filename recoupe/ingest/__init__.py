"""Ingest: find input files and read them into `RawArticle`s (txt, HTML, JSONL, WARC).

Unreadable inputs come out as `Skipped` with a one-line reason; the rest of the batch goes on.
Each document (a file, a JSONL line, a WARC record) is read under the size cap and the time
budget of `recoupe/ingest/limits.py`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from recoupe.ingest.decode import InputError, content_hash, decode_text, read_input_bytes
from recoupe.ingest.html import page_article
from recoupe.ingest.jsonl import read_jsonl_file
from recoupe.ingest.limits import DocumentTimeout, not_a_regular_file, time_budget
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
    """Expand folders recursively, in sorted order; name missing, unsupported or unreadable paths.

    Symbolic links to files are read; links to folders inside a folder are not followed (a link
    to `..` would loop, one to elsewhere would leave the folder given) and are named as skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _files_under(path)
        elif not path.exists() and not path.is_symlink():
            yield Skipped(str(path), "no such file or directory")
        elif reason := not_a_regular_file(path):
            yield Skipped(str(path), reason)
        elif _kind(path):
            yield path
        else:
            yield Skipped(str(path), f"unsupported file type '{''.join(path.suffixes) or 'none'}'")


def _files_under(folder: Path) -> Iterator[Path | Skipped]:
    found: list[Path | Skipped] = []

    def unreadable(exc: OSError) -> None:
        found.append(Skipped(str(exc.filename or folder), f"cannot read folder ({exc.strerror or exc})"))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        base = Path(top)
        for name in [d for d in dirs if not d.startswith(".")]:
            if (base / name).is_symlink():
                found.append(Skipped(str(base / name), "symbolic link to a folder, not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in files:
            child = base / name
            if name.startswith(".") or not _kind(child):
                continue
            reason = not_a_regular_file(child)
            found.append(Skipped(str(child), reason) if reason else child)
    yield from sorted(found, key=lambda item: Path(item.where) if isinstance(item, Skipped) else item)


def read_file(path: Path, settings: Settings) -> Iterator[RawArticle | Skipped]:
    """Read one input file: one article, or several for JSONL and WARC."""
    kind = _kind(path)
    if kind == "warc":
        yield from read_warc_articles(path, settings.max_input_bytes, settings.document_time_budget_s)
        return
    if kind == "jsonl":
        try:
            yield from read_jsonl_file(
                path, article_id_for(path), settings.max_input_bytes, settings.document_time_budget_s
            )
        except InputError as exc:
            yield Skipped(str(path), str(exc))
        return
    try:
        with time_budget(settings.document_time_budget_s):
            text = decode_text(read_input_bytes(path, settings.max_input_bytes))
            if kind == "html":
                item = page_article(text, article_id_for(path), str(path), content_hash(text))
            else:
                item = read_text_article(text, article_id_for(path), str(path), content_hash(text))
    except (InputError, DocumentTimeout) as exc:
        item = Skipped(str(path), str(exc))
    yield item


def read_articles(paths: Iterable[str | Path], settings: Settings) -> Iterator[RawArticle | Skipped]:
    """Every article of every input, whatever order the inputs were given in.

    Paths that cannot be read are named first; then each file is read once, in sorted order of
    its path (a file reached twice, by a link or by naming it and its folder, under its first).
    """
    files: dict[tuple[int, int] | str, Path] = {}
    for item in discover_inputs(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            key = _identity(item)
            files[key] = min(files.get(key, item), item)
    for path in sorted(files.values()):
        yield from read_file(path, settings)


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two paths one file: its device and inode (its path if it is gone since)."""
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return (info.st_dev, info.st_ino)
