"""Where the per-article stage (clean, extract) runs: this process, N local processes (this one
among them), or a Dask cluster.

Articles go out in small batches and come back in input order, so the output never depends on
the number of workers; a bounded number of batches is in flight, so memory does not grow with
the input. Story assignment and the store stay in the calling process, the single writer.
By default there are as many processes as cores (`default_workers`); the other processes start
only once a second batch is there, so a handful of articles never pays for starting them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from threadpoolctl import threadpool_limits

from recoupe.clean import clean_article
from recoupe.extract.article import ArticleExtraction, extract_articles
from recoupe.ingest.decode import InputError
from recoupe.ingest.html import with_page_text
from recoupe.ingest.limits import DocumentTimeout, oversized_article, time_budget
from recoupe.model import Article, RawArticle, Skipped
from recoupe.settings import Settings
from recoupe.stories.features import EventFeatures, event_features

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Prepared:
    """One article through the per-article stage: cleaned and extracted, or skipped."""

    raw: RawArticle
    article: Article | Skipped
    extraction: ArticleExtraction | None
    # Its story features, computed here rather than in the process that assigns stories alone.
    features: EventFeatures | None = None


@dataclass
class PreparedBatch:
    items: list[Prepared]
    seconds: dict[str, float] = field(default_factory=dict)  # time per stage in the worker


def load_models(settings: Settings, extract: bool = True) -> None:
    """Load the language models once per process, before any article's time budget starts."""
    from recoupe.clean.language import load_language_models
    from recoupe.extract.entities import french_nlp

    load_language_models(settings.fallback_languages)
    if extract:
        french_nlp()


def set_up_worker(settings: Settings, extract: bool = True) -> None:
    """A worker process or Dask worker: one BLAS thread, the models loaded, and fewer collections.

    Workers share the cores, so NumPy's BLAS (the NER pass's matrix products) gets one thread:
    its idle threads spin, and beside the other workers that made `ingest --workers 2` 1.7×
    slower (bench/throughput.py at 10,000: 46.2 articles/s, against 76.5 with one thread set in
    the environment). One process alone (`--workers 1`) gets one thread too (`article_stage`).
    """
    threadpool_limits(1, user_api="blas")
    load_models(settings, extract)
    _collect_less()


def set_up_local_worker(settings: Settings, extract: bool = True) -> None:
    """A local worker process: set up as any worker, and gone when the run that started it is
    killed (kill -9 lets it no time to say so): orphaned, it would keep its 600 MB of models."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="recoupe-parent-watch", daemon=True).start()
    set_up_worker(settings, extract)


# Python collects its youngest objects every 700 allocations, and every object it holds every
# hundred collections or so: with the models' millions of objects in the heap, that was 4.8 s of
# the main process's 37 over 3,000 articles. Frozen after loading and collected every 20,000, 1.1 s.
_COLLECTION_THRESHOLDS = (20_000, 20, 20)


def _collect_less() -> None:
    """What the process holds now (the models) leaves the collector's rounds; the rounds get rarer."""
    gc.freeze()
    gc.set_threshold(*_COLLECTION_THRESHOLDS)


@contextmanager
def _models_here(settings: Settings, extract: bool) -> Iterator[None]:
    """The models loaded in this process, collected less while the stage runs."""
    thresholds = gc.get_threshold()
    load_models(settings, extract)
    _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def default_workers() -> int:
    """The cores this process may run on: `recoupe brief` and `ingest` use them all unless told."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def page_read(raw: RawArticle, settings: Settings) -> RawArticle | Skipped:
    """The article with its page's text taken out (under the time budget), or why it has none."""
    if raw.html is None:
        return raw
    try:
        with time_budget(settings.document_time_budget_s):
            return with_page_text(raw)
    except (InputError, DocumentTimeout) as exc:
        # The file or URL, and the record in it when the name does not say (a JSONL line's id).
        return Skipped(raw.origin if raw.id in raw.origin else f"{raw.origin} [{raw.id}]", str(exc))


def clean_one(raw: RawArticle, settings: Settings) -> Article | Skipped:
    """Clean one article under the time budget; too long, too slow or only chrome, it is skipped."""
    if reason := oversized_article(raw, settings):
        return Skipped(raw.origin, reason)
    try:
        with time_budget(settings.document_time_budget_s):
            article = clean_article(raw, settings)
    except DocumentTimeout as exc:
        return Skipped(raw.origin, str(exc))
    if not article.paragraphs:
        return Skipped(raw.origin, "no article text left after cleaning (only chrome)")
    return article


def prepare_articles(raws: list[RawArticle], settings: Settings, extract: bool = True) -> PreparedBatch:
    """Clean each article and extract from those that stay: a worker's task."""
    started = time.perf_counter()
    # A page's text is taken out here, in the process that cleans it: reading stays quick.
    read = [page_read(raw, settings) for raw in raws]
    cleaned = [clean_one(r, settings) if isinstance(r, RawArticle) else r for r in read]
    middle = time.perf_counter()
    articles = [a for a in cleaned if isinstance(a, Article)]
    found = extract_articles(articles) if extract else {}
    features = {a.id: event_features(a) for a in articles} if extract else {}
    seconds = {"clean": middle - started, "extract": time.perf_counter() - middle}  # story features included
    # The article as read, with its page's text (what the store keeps of the input), not the page.
    as_read = [
        r if isinstance(r, RawArticle) else replace(raw, html=None) for raw, r in zip(raws, read, strict=True)
    ]
    items = [
        Prepared(r, a, found.get(a.id), features.get(a.id)) if isinstance(a, Article)
        else Prepared(r, a, None)
        for r, a in zip(as_read, cleaned, strict=True)
    ]
    return PreparedBatch(items, seconds)


Submit = Callable[[list[RawArticle]], Any]  # a batch → its future (concurrent or Dask)
Stream = Callable[[Iterable[tuple[T, RawArticle | None]]], Iterator[tuple[T, Prepared | None]]]


@dataclass(frozen=True)
class Stage:
    """Where work runs for one run: `prepare` streams (item, raw or None) pairs to (item,
    prepared or None) in input order; `run(task, args)` gives `task(*a)` for each `a` of `args`,
    in order, spread over the same processes (story descriptions)."""

    prepare: Stream[Any]
    run: Callable[[Callable[..., R], Iterable[tuple[Any, ...]]], Iterator[R]]


@contextmanager
def article_stage(
    settings: Settings,
    *,
    workers: int = 1,
    dask: str | None = None,
    extract: bool = True,
    on_batch: Callable[[dict[str, float]], None] | None = None,
) -> Iterator[Stage]:
    """The processes a run's work is spread over: this one, `workers` local processes (this one
    among them) or the Dask cluster whose scheduler is at `dask` (`tcp://host:8786`).

    In `prepare`, `raw` None: nothing to prepare for that item. `on_batch` gets each batch's
    time per stage (summed over workers when there are several).
    """

    def prepare_here(batch: list[RawArticle]) -> PreparedBatch:
        return prepare_articles(batch, settings, extract)

    if dask:
        from distributed import Client

        with Client(dask) as client:
            client.run(set_up_worker, settings, extract)
            slots = sum(client.nthreads().values()) or 1
            yield Stage(
                _streamer(
                    lambda batch: client.submit(prepare_articles, batch, settings, extract, pure=False),
                    2 * slots,
                    settings.worker_batch_size,
                    on_batch,
                ),
                lambda task, args: _ordered(
                    lambda a: client.submit(task, *a, pure=False), None, args, 2 * slots
                ),
            )
    elif workers > 1:
        # This process is one of the `workers`: it prepares a batch itself whenever the next
        # result is not back yet, instead of waiting for it. Three processes on two cores left
        # them 12% idle and evicting each other's caches (bench/throughput.py, 3,000 articles:
        # 67.7–75.1 articles/s with two worker processes beside this one, 78.6–84.2 with one).
        with ExitStack() as stack:
            # This process shares the cores with the others: one BLAS thread here too.
            stack.enter_context(threadpool_limits(1, user_api="blas"))
            stack.enter_context(_models_here(settings, extract))
            pool: list[ProcessPoolExecutor] = []

            def submit(batch: list[RawArticle]) -> Future[PreparedBatch]:
                # The first batch is prepared here: the others start (seconds each, loading the
                # models) only for an input of more than one batch.
                if not pool and not prepared_first:
                    prepared_first.append(True)
                    return _done(prepare_here(batch))
                if not pool:
                    pool.append(
                        stack.enter_context(
                            ProcessPoolExecutor(
                                workers - 1,
                                mp_context=_worker_context(),
                                initializer=set_up_local_worker,
                                initargs=(settings, extract),
                            )
                        )
                    )
                return pool[0].submit(prepare_articles, batch, settings, extract)

            def run(task: Callable[..., R], args: Iterable[tuple[Any, ...]]) -> Iterator[R]:
                # The others only once they are started (an input of more than one batch).
                if not pool:
                    return (task(*a) for a in args)
                return _ordered(
                    lambda a: pool[0].submit(task, *a), lambda a: task(*a), args, 2 * (workers - 1)
                )

            prepared_first: list[bool] = []
            yield Stage(
                _streamer(
                    submit,
                    # Enough work queued for the others while this process stores a batch.
                    2 * (workers - 1) + settings.ingest_batch_size // settings.worker_batch_size,
                    settings.worker_batch_size,
                    on_batch,
                    inline=prepare_here,
                ),
                run,
            )
    else:
        # One BLAS thread here too: NER's products are small (a task's paragraphs), and a second
        # thread spinning beside them cost more than it gave. The NER pass over 320 real French
        # paragraphs, one process on the shared 2-core machine: 2.0-2.5 s of CPU (and as much
        # wall time) with OpenBLAS's two threads, 0.6-0.9 s with one; same entities.
        with threadpool_limits(1, user_api="blas"), _models_here(settings, extract):
            yield Stage(
                _streamer(
                    lambda batch: _done(prepare_here(batch)),
                    1,
                    settings.worker_batch_size,
                    on_batch,
                ),
                lambda task, args: (task(*a) for a in args),
            )


def _worker_context() -> multiprocessing.context.BaseContext:
    """How the other processes start: forked from this one, its models loaded, where that is safe;
    else spawned, each loading its own (about 9 s of CPU a process: spaCy's French pipelines 6.7,
    of which 3.3 compile its tokenizer's exceptions, language identification 0.8).

    Forking is safe when this process runs one thread and the embedding engine has not started
    its OpenMP threads here: a forked copy of a process holding running threads (a web server's,
    libgomp's pool) can deadlock. Linux only: elsewhere fork is not offered or not safe with the
    system's libraries."""
    from recoupe.stories.embeddings import engine_started

    if sys.platform == "linux" and threading.active_count() == 1 and not engine_started():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _done(value: R) -> Future[R]:
    future: Future[R] = Future()
    future.set_result(value)
    return future


def _ordered(
    submit: Callable[[tuple[Any, ...]], Any],
    inline: Callable[[tuple[Any, ...]], R] | None,
    args: Iterable[tuple[Any, ...]],
    window: int,
) -> Iterator[R]:
    """Each task's result in order: `window` tasks at most unfinished in `submit`'s processes;
    with `inline`, this process takes the next task itself while the oldest is not back."""
    waiting = iter(args)
    in_flight: deque[Any] = deque()
    more = True
    while True:
        while more and len(in_flight) < 4 * window and sum(1 for f in in_flight if not f.done()) < window:
            task = next(waiting, None)
            if task is None:
                more = False
            else:
                in_flight.append(submit(task))
        if not in_flight:
            return
        if inline is not None and more and not in_flight[0].done() and len(in_flight) < 4 * window:
            task = next(waiting, None)
            if task is None:
                more = False
            else:
                in_flight.append(_done(inline(task)))
            continue
        yield in_flight.popleft().result()


def _streamer(
    submit: Submit,
    window: int,
    batch_size: int,
    on_batch: Callable[[dict[str, float]], None] | None,
    inline: Callable[[list[RawArticle]], PreparedBatch] | None = None,
) -> Stream[Any]:
    """Batches go to `submit`, `window` of them at most unfinished there. With `inline`, while
    the oldest batch is not back, this process prepares the next one itself; at most four
    windows' worth are kept, finished or not, so that memory stays bounded."""

    def resolved(group: list[tuple[T, int]], future: Any) -> Iterator[tuple[T, Prepared | None]]:
        batch: PreparedBatch = future.result()
        if on_batch:
            on_batch(batch.seconds)
        for item, index in group:
            yield item, batch.items[index] if index >= 0 else None

    def batches(
        pairs: Iterable[tuple[T, RawArticle | None]],
    ) -> Iterator[tuple[list[tuple[T, int]], list[RawArticle]]]:
        group: list[tuple[T, int]] = []
        batch: list[RawArticle] = []
        for item, raw in pairs:
            group.append((item, len(batch) if raw is not None else -1))
            if raw is not None:
                batch.append(raw)
            if len(batch) >= batch_size:
                yield group, batch
                group, batch = [], []
        if group:
            yield group, batch

    def stream(pairs: Iterable[tuple[T, RawArticle | None]]) -> Iterator[tuple[T, Prepared | None]]:
        waiting = batches(pairs)
        # Each batch with its future, kept so that this process can take back one not yet started.
        in_flight: deque[tuple[list[tuple[T, int]], list[RawArticle], Any]] = deque()
        read_all = False

        def room() -> bool:
            return len(in_flight) < 4 * window

        while True:
            # Batches prepared here are done already: only those sent away can be unfinished.
            while (
                room()
                and sum(1 for _, _, future in in_flight if not future.done()) < window
                and (next_batch := next(waiting, None)) is not None
            ):
                group, batch = next_batch
                in_flight.append((group, batch, submit(batch) if batch else _done(PreparedBatch([]))))
            if not in_flight:
                return
            if inline is not None and not in_flight[0][2].done():
                next_batch = next(waiting, None) if room() and not read_all else None
                if next_batch is not None:
                    group, batch = next_batch
                    in_flight.append((group, batch, _done(inline(batch))))
                    continue
                read_all = read_all or room()
                if read_all and _take_back(in_flight, inline):
                    continue
            group, _, future = in_flight.popleft()
            yield from resolved(group, future)

    return stream


def _take_back(
    in_flight: deque[tuple[Any, list[RawArticle], Any]], inline: Callable[[list[RawArticle]], PreparedBatch]
) -> bool:
    """Prepare here the last batch sent away that no process has started, if any: once the input
    is all read, this process would otherwise wait for the others' queue (`window` batches) to
    drain, idle."""
    for position in range(len(in_flight) - 1, -1, -1):
        group, batch, future = in_flight[position]
        if future.cancel():  # still queued: no process has it
            in_flight[position] = (group, batch, _done(inline(batch)))
            return True
    return False
