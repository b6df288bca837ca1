"""Worker processes of the per-article stage."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from threadpoolctl import threadpool_info

from recoupe.settings import Settings
from recoupe.workers import article_stage, set_up_worker


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
