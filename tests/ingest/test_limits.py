"""Per-document bounds: the time budget, the size caps on disk and once decompressed, article length."""

from __future__ import annotations

import contextlib
import gzip
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from recoupe.ingest.limits import (
    DocumentTimeout,
    InputError,
    not_a_regular_file,
    open_input,
    oversized_article,
    read_capped,
    time_budget,
)
from recoupe.model import RawArticle
from recoupe.settings import Settings


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_running_past_its_budget_is_stopped_with_a_one_line_reason() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout) as caught, time_budget(0.2):
        _spin(5)
    assert time.monotonic() - started < 2
    assert str(caught.value) == "took more than 0.2 s (time budget)"


def test_the_timer_is_disarmed_and_the_handler_restored_after_the_block() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_the_timeout_is_not_swallowed_by_a_library_catching_exception() -> None:
    def careless_parser() -> None:
        with contextlib.suppress(Exception):  # what a parsing library might do with any error
            _spin(5)

    with pytest.raises(DocumentTimeout), time_budget(0.2):
        careless_parser()


def test_no_budget_means_no_timer() -> None:
    for seconds in (None, 0):
        with time_budget(seconds):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_budget_inside_a_budget_leaves_the_outer_one_in_charge() -> None:
    with pytest.raises(DocumentTimeout) as caught, time_budget(0.2), time_budget(10):
        _spin(5)
    assert caught.value.seconds == 0.2


def test_outside_the_main_thread_there_is_no_budget() -> None:
    outcome: list[str] = []

    def work() -> None:
        try:
            with time_budget(0.05):
                _spin(0.2)
            outcome.append("finished")
        except DocumentTimeout:
            outcome.append("stopped")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]


def test_a_file_larger_on_disk_than_the_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(InputError, match=r"file too large \(1,000 bytes, limit 999\)"), open_input(path, 999):
        pass


def test_a_gzip_stream_is_cut_at_the_cap_once_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(bytes(2_000_000)))
    with open_input(path, 10_000) as stream, pytest.raises(InputError, match="limit 10,000 bytes"):
        read_capped(stream, 10_000, "file too large once decompressed")


def test_a_named_pipe_is_named_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    assert not_a_regular_file(fifo) == "not a regular file (a named pipe)"
    with pytest.raises(InputError, match="named pipe"), open_input(fifo):
        pass


def test_an_article_longer_than_the_cap_or_with_an_endless_line_is_named() -> None:
    settings = Settings(max_article_chars=1000, max_paragraph_chars=300)
    fine = RawArticle("a", "a.txt", "\n".join(["Une phrase de quarante caractères environ."] * 20))
    assert oversized_article(fine, settings) is None
    long_article = RawArticle("b", "b.txt", "\n".join(["Une phrase de quarante caractères environ."] * 30))
    reason = oversized_article(long_article, settings)
    assert reason == "article text too long (1,289 characters, limit 1,000)"
    dump = RawArticle("c", "c.txt", "Titre\n" + "mot " * 100)
    assert oversized_article(dump, settings) == "a paragraph of 400 characters (limit 300): not article text"
