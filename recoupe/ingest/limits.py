"""Bounds on one document: bytes read (gzip counted decompressed), characters kept, wall-clock time.

A hostile input must cost a bounded amount of memory and time, then come out as one `Skipped`
line while the rest of the batch goes on.
"""

from __future__ import annotations

import gzip
import os
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from recoupe.model import RawArticle
from recoupe.settings import Settings


class InputError(Exception):
    """An input that cannot be read; the message is the one-line reason shown to the user."""


class DocumentTimeout(BaseException):
    """A document ran past its time budget; the message is the one-line reason shown to the user.

    A BaseException, like KeyboardInterrupt, so that the `except Exception` of a parsing library
    cannot swallow it and keep working on the pathological document.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    def __str__(self) -> str:
        return f"took more than {self.seconds:g} s (time budget)"


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` inside the block once it has run `seconds` of wall-clock time.

    It rests on SIGALRM, which only the main thread receives: in another thread, on a platform
    without `setitimer`, inside a budget already running, or with `seconds` None or 0, the block
    runs without one. Native code (lxml parsing a page) is only stopped when it hands back to
    Python, which the size caps keep short.
    """
    if not seconds or not _can_arm_timer():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        # The signal may land inside a finalizer run by the garbage collector, where Python
        # swallows the exception: arm again, so that the next one lands in the document's code.
        signal.setitimer(signal.ITIMER_REAL, _RETRY_S)
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Seconds after which an expired budget fires again if its first signal was swallowed.
_RETRY_S = 0.05


def _can_arm_timer() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # a budget (or someone's alarm) is running
    )


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def not_a_regular_file(path: Path) -> str | None:
    """Why `path` cannot be read as a file without opening it (a FIFO would block), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return "broken symbolic link (its target is missing)"
        return f"cannot read file ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a plain file")
    return f"not a regular file ({kind})"


def is_gzip_name(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


@contextmanager
def open_input(path: Path, max_bytes_on_disk: int | None = None) -> Iterator[IO[bytes]]:
    """Open a regular file for reading, un-gzipping `*.gz` on the fly; with `max_bytes_on_disk`,
    refuse a file already larger on disk (so a 200 MB file costs a `stat`, not a read)."""
    if reason := not_a_regular_file(path):
        raise InputError(reason)
    try:
        size = path.stat().st_size
        if max_bytes_on_disk is not None and size > max_bytes_on_disk:
            raise InputError(f"file too large ({size:,} bytes, limit {max_bytes_on_disk:,})")
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})") from exc
    with raw:
        if is_gzip_name(path):
            with gzip.GzipFile(fileobj=raw) as stream:
                yield stream
        else:
            yield raw


def read_capped(stream: IO[bytes], max_bytes: int, too_large: str) -> bytes:
    """At most `max_bytes` of a stream, else `InputError(too_large)`: one byte more is enough to
    know, so a gzip bomb is cut at the cap instead of being inflated whole."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{too_large} (limit {max_bytes:,} bytes)")
    return data


def oversized_article(raw: RawArticle, settings: Settings) -> str | None:
    """Why an article's text is too long for the later stages to handle in bounded time, or None."""
    if len(raw.text) > settings.max_article_chars:
        return f"article text too long ({len(raw.text):,} characters, limit {settings.max_article_chars:,})"
    longest = max(map(len, raw.text.split("\n")), default=0)
    if longest > settings.max_paragraph_chars:
        return (
            f"a paragraph of {longest:,} characters (limit {settings.max_paragraph_chars:,}): "
            "not article text"
        )
    return None
