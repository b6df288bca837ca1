"""Worker processes of the per-article stage."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from threadpoolctl import threadpool_info

from recoupe.settings import Settings
from recoupe.workers import set_up_worker


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
