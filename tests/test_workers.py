"""Worker processes of the per-article stage."""

from __future__ import annotations

import gc
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest
from threadpoolctl import threadpool_info

from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings
from recoupe.workers import (
    Prepared,
    PreparedBatch,
    _streamer,
    article_stage,
    set_up_local_worker,
    set_up_worker,
)


def test_a_worker_process_gives_blas_one_thread() -> None:
    # The workers share the cores: BLAS threads of their own would spin beside the others.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=set_up_worker, initargs=(Settings(), False)
    ) as pool:
        pools = pool.submit(threadpool_info).result()
    blas = [p for p in pools if p["user_api"] == "blas"]
    assert blas
    assert all(p["num_threads"] == 1 for p in blas)


def _blas_threads() -> set[int]:
    return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}


def test_this_process_gives_blas_one_thread_while_its_local_workers_run() -> None:
    before = _blas_threads()
    with article_stage(Settings(), workers=2, extract=False):
        assert _blas_threads() == {1}
    assert _blas_threads() == before


def test_one_process_alone_gives_blas_one_thread_too() -> None:
    before = _blas_threads()
    with article_stage(Settings(), workers=1, extract=False):
        assert _blas_threads() == {1}
    assert _blas_threads() == before


def test_a_worker_process_collects_less_and_leaves_the_loaded_models_out_of_its_rounds() -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=set_up_worker, initargs=(Settings(), False)
    ) as pool:
        thresholds = pool.submit(gc.get_threshold).result()
        frozen = pool.submit(gc.get_freeze_count).result()
    assert thresholds[0] > 700  # Python's own: a young collection every 700 allocations
    assert frozen > 10_000  # the language identifiers' objects, at least


def test_this_process_collects_as_before_once_the_stage_is_over() -> None:
    before = gc.get_threshold()
    with article_stage(Settings(), workers=2, extract=False):
        assert gc.get_threshold() != before
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def _batch(raws: list[RawArticle], where: str) -> PreparedBatch:
    return PreparedBatch([Prepared(raw, Skipped(raw.origin, where), None) for raw in raws])


def _raw(number: int) -> RawArticle:
    return RawArticle(id=f"a{number}", origin=f"feed.jsonl:{number}", text=f"Article {number}.")


def test_this_process_prepares_the_next_batches_while_the_oldest_is_not_back_and_order_is_kept() -> None:
    # A stand-in for a slow worker: its batches come back only when the test lets them.
    submitted: list[Future[PreparedBatch]] = []
    release = threading.Event()

    def submit(batch: list[RawArticle]) -> Future[PreparedBatch]:
        future: Future[PreparedBatch] = Future()
        future.set_running_or_notify_cancel()  # taken by the worker at once
        submitted.append(future)
        threading.Thread(target=lambda: (release.wait(), future.set_result(_batch(batch, "worker")))).start()
        return future

    prepared_here: list[list[str]] = []

    def inline(batch: list[RawArticle]) -> PreparedBatch:
        prepared_here.append([raw.id for raw in batch])
        if len(prepared_here) == 3:
            release.set()  # the worker's batches come back while this process works
        return _batch(batch, "here")

    stream = _streamer(submit, 2, 2, None, inline=inline)
    out = list(stream((number, _raw(number)) for number in range(20)))

    assert [item for item, _ in out] == list(range(20))
    assert [prepared.raw.id for _, prepared in out] == [f"a{n}" for n in range(20)]  # type: ignore[union-attr]
    assert prepared_here[:3] == [["a4", "a5"], ["a6", "a7"], ["a8", "a9"]]  # after the window of 2
    where = [prepared.article.reason for _, prepared in out]  # type: ignore[union-attr]
    assert where[:4] == ["worker"] * 4 and "here" in where


def test_once_the_input_is_read_this_process_prepares_the_batches_no_other_has_started() -> None:
    # The others start their first batch and sit on it; the next ones wait in their queue.
    queued: list[Future[PreparedBatch]] = []
    release = threading.Event()

    def submit(batch: list[RawArticle]) -> Future[PreparedBatch]:
        future: Future[PreparedBatch] = Future()
        if batch[0].id == "a0":
            future.set_running_or_notify_cancel()
            answer = _batch(batch, "worker")
            threading.Thread(target=lambda: (release.wait(), future.set_result(answer))).start()
        else:
            queued.append(future)
        return future

    prepared_here: list[str] = []

    def inline(batch: list[RawArticle]) -> PreparedBatch:
        prepared_here.append(batch[0].id)
        if len(prepared_here) == 5:
            release.set()
        return _batch(batch, "here")

    stream = _streamer(submit, 3, 1, None, inline=inline)
    out = list(stream((number, _raw(number)) for number in range(6)))

    # a1 and a2 went to the others' queue; once a5 was read, this process took them back, last first.
    assert prepared_here == ["a3", "a4", "a5", "a2", "a1"]
    assert all(future.cancelled() for future in queued)
    assert [prepared.raw.id for _, prepared in out] == [f"a{n}" for n in range(6)]  # type: ignore[union-attr]
    assert [prepared.article.reason for _, prepared in out] == ["worker"] + ["here"] * 5  # type: ignore[union-attr]


def test_batches_in_flight_stay_bounded_while_the_others_are_slow() -> None:
    pending: list[tuple[Future[PreparedBatch], list[RawArticle]]] = []
    released = threading.Event()
    read = 0
    read_when_released = 0

    def submit(batch: list[RawArticle]) -> Future[PreparedBatch]:
        future: Future[PreparedBatch] = Future()
        if released.is_set():
            future.set_result(_batch(batch, "worker"))
        else:
            pending.append((future, batch))
        return future

    def release() -> None:
        nonlocal read_when_released
        read_when_released = read
        released.set()
        for future, batch in pending:
            future.set_result(_batch(batch, "worker"))

    def pairs() -> Iterator[tuple[int, RawArticle]]:
        nonlocal read
        for number in range(40):
            read += 1
            yield number, _raw(number)

    stream = _streamer(submit, 2, 1, None, inline=lambda batch: _batch(batch, "here"))
    timer = threading.Timer(0.3, release)
    timer.start()
    out = list(stream(pairs()))
    timer.join()

    # While the others sat on their 2 batches, this process prepared 6 more, then waited.
    assert read_when_released == 8
    assert [item for item, _ in out] == list(range(40))


def _start_pool_and_wait(pids: multiprocessing.Queue[int]) -> None:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=set_up_local_worker, initargs=(Settings(), False)
    ) as pool:
        pids.put(pool.submit(os.getpid).result())
        time.sleep(120)  # killed long before


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie is gone already
        return stat.read().split(")")[-1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_local_worker_leaves_when_the_run_that_started_it_is_killed() -> None:
    fork = multiprocessing.get_context("fork")
    pids: multiprocessing.Queue[int] = fork.Queue()
    run = fork.Process(target=_start_pool_and_wait, args=(pids,))
    run.start()
    worker = pids.get(timeout=120)
    assert _alive(worker)
    run.kill()
    run.join()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker)


def test_a_prepared_article_brings_its_story_features_and_the_run_keeps_them() -> None:
    from recoupe.kept import RunCache
    from recoupe.stories.features import event_features, keep_event_features, kept_event_features
    from recoupe.workers import prepare_articles

    text = "Le maire de Valbourg, Arnaud Valmy, a inauguré mardi le nouveau pont sur la Lèze (240 mètres)."
    raw = RawArticle(id="pont", origin="pont.txt", text=text)
    (prepared,) = prepare_articles([raw], Settings()).items
    assert prepared.features == event_features(prepared.article)
    cache = RunCache.for_settings(Settings())
    keep_event_features(prepared.article, prepared.features, cache)
    assert kept_event_features(prepared.article, cache) is prepared.features


_START_METHOD = """
import sys, threading
from recoupe.workers import _worker_context

print(_worker_context().get_start_method())
if sys.argv[1] == "thread":
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
    print(_worker_context().get_start_method())
    stop.set()
else:
    from recoupe.stories.embeddings import embed_passages

    embed_passages(["Le pont de Brest rouvre lundi."])
    print(_worker_context().get_start_method())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
@pytest.mark.parametrize("then", ["thread", "engine"])
def test_workers_are_forked_with_the_models_loaded_only_while_this_process_runs_one_thread(then: str) -> None:
    # A forked worker starts with this process's models (9-10 s of CPU a spawned one spends
    # loading its own); a fork beside running threads (another thread, the embedding engine's
    # OpenMP pool) could deadlock, so those runs spawn.
    out = subprocess.run(
        [sys.executable, "-c", _START_METHOD, then], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["fork", "spawn"]
