"""The pipeline driver, one for every command: ingest → clean → extract → stories → reconcile.

`recoupe ingest`, `recoupe brief`, `recoupe stories` and `recoupe.brief()` all run `ingest_into`
on a store (a file for `ingest`, one in memory for the others), so the same input gives the same
stories whichever command reads it. A run has two steps:

1. Prepare: the inputs are read in sorted order; exact duplicates and articles already stored
   are skipped; each new article is cleaned and extracted (in worker processes, see
   `recoupe.workers`) and stored *pending* — in no story yet — batch by batch
   (`Settings.ingest_batch_size`), each batch one transaction.
2. Assign: every pending article goes to one `assign_stories` call beside the stored stories
   open to it (the batch regime: the articles of one call are clustered as a whole); the
   stories it touched are described and stored in the same transaction. Past
   `Settings.clustering_batch_size` pending articles, the next ones are assigned in a further
   call, in reading order, as a later run would (the stream regime).

A kill loses at most the transaction under way: run again, the same command finds the stored
articles (pending or not) by content hash, prepares the rest, and assigns every pending article
at once, so the store ends as an undisturbed run leaves it. Stored articles never change story.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from recoupe.describe import Described, describe_stories
from recoupe.extract.article import for_article
from recoupe.ingest import read_articles
from recoupe.kept import RunCache
from recoupe.model import Article, Brief, RawArticle, Skipped, Story
from recoupe.settings import Settings
from recoupe.store import pending, read, write
from recoupe.store.runs import RunRecord, record_arrivals
from recoupe.store.schema import connect, transaction
from recoupe.stories import assign_stories
from recoupe.stories.features import keep_event_features
from recoupe.workers import Prepared, Stage, Stream, article_stage, default_workers, prepare_articles

T = TypeVar("T")


@dataclass
class Run:
    """What `build_brief` produced: the brief and the inputs it had to skip."""

    brief: Brief
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class IngestReport:
    """What one run did."""

    added: int = 0
    already_stored: int = 0
    reprocessed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    new_stories: set[str] = field(default_factory=set)
    updated_stories: set[str] = field(default_factory=set)  # stored before this run, described again
    seconds: dict[str, float] = field(default_factory=dict)  # wall-clock time per stage (bench/throughput.py)

    def timed(self, stage: str, started: float) -> float:
        """Add the time since `started` to `stage`; return now, the next stage's start."""
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - started
        return now

    def add_seconds(self, seconds: dict[str, float]) -> None:
        for stage, value in seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + value

    def timed_reading(self, items: Iterable[T]) -> Iterator[T]:
        """The items, the time spent reading each counted as "read"."""
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            item = next(iterator, None)
            self.timed("read", started)
            if item is None:
                return
            yield item

    @property
    def articles_read(self) -> int:
        return self.added + self.already_stored + self.reprocessed


def build_brief(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    *,
    workers: int | None = None,
    dask: str | None = None,
) -> Run:
    """The brief of `paths`: the run of `recoupe ingest` on a store in memory, read back whole."""
    settings = settings or Settings()
    connection = connect(":memory:")
    try:
        report = ingest_into(
            connection, paths, settings, on_skip=on_skip, on_article=on_article, workers=workers, dask=dask
        )
        brief = read.brief(connection)
    finally:
        connection.close()
    return Run(brief, report.skipped)


def ingest_into(
    connection: sqlite3.Connection,
    paths: Iterable[str | Path],
    settings: Settings,
    *,
    force: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Read, clean, extract and store every new article of `paths`, then give every pending
    article its story. `force`: articles already stored are cleaned again in place.
    `workers`: processes preparing articles, this one included (default: one per core)."""
    return ingest_items(
        connection,
        read_articles(paths, settings),
        settings,
        force=force,
        on_skip=on_skip,
        on_article=on_article,
        workers=workers,
        dask=dask,
    )


def ingest_items(
    connection: sqlite3.Connection,
    items: Iterable[RawArticle | Skipped],
    settings: Settings,
    *,
    force: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    on_stored: Callable[[sqlite3.Connection, list[RawArticle]], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> IngestReport:
    """`ingest_into` on articles already read (files, fetched pages, feed items).

    `on_stored` runs inside each batch's transaction with the batch's articles as stored, so that
    what a caller records of them (a watched URL as seen) is committed with them or not at all."""
    report = IngestReport()
    run = RunRecord.starting_now()
    cache = RunCache.for_settings(settings)
    first_new = read.next_story_number(connection)
    known = read.stored_hashes(connection)
    stored_ids = set(known.values())
    refresh: set[str] = set()
    batch: list[Prepared] = []

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    workers = workers or default_workers()
    with article_stage(settings, workers=workers, dask=dask, on_batch=report.add_seconds) as stage:
        cache.spread = stage.run  # story assignment's embeddings, over the same processes
        read_items = report.timed_reading(items)
        for outcome in prepared_articles(read_items, stage.prepare, settings, known=known, force=force):
            if outcome is None:
                report.already_stored += 1
            elif isinstance(outcome, Skipped):
                skip(outcome)
            else:
                batch.append(outcome)
                if outcome.features is not None:
                    keep_event_features(outcome.article, outcome.features, cache)  # type: ignore[arg-type]
                if on_article:
                    on_article(outcome.article)  # type: ignore[arg-type]
                if len(batch) >= settings.ingest_batch_size:
                    refresh |= _store_prepared(connection, batch, stored_ids, report, run, on_stored)
                    batch = []
        if batch:
            refresh |= _store_prepared(connection, batch, stored_ids, report, run, on_stored)
        # Still inside the stage: its processes describe stories, and the models stay out of
        # the collector's rounds.
        touched = _assign_pending(connection, settings, refresh, report, cache, stage)
    report.new_stories = {s for s in touched if int(s[1:]) >= first_new}
    report.updated_stories = touched - report.new_stories
    return report


def clean_all(
    paths: Iterable[str | Path], settings: Settings, on_skip: Callable[[Skipped], None] | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every article as a run would (ids, duplicates, limits), without storing them."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    with article_stage(settings, workers=1, extract=False) as stage:
        for outcome in prepared_articles(
            read_articles(paths, settings), stage.prepare, settings, extract=False
        ):
            if isinstance(outcome, Skipped):
                skipped.append(outcome)
                if on_skip:
                    on_skip(outcome)
            elif outcome is not None:
                articles.append(outcome.article)  # type: ignore[arg-type]
    return articles, skipped


def prepared_articles(
    items: Iterable[RawArticle | Skipped],
    prepare: Stream[RawArticle | Skipped],
    settings: Settings,
    *,
    known: dict[str, str] | None = None,
    force: bool = False,
    extract: bool = True,
) -> Iterator[Prepared | Skipped | None]:
    """Each input through the per-article stage: prepared (under its final id), skipped, or None
    when it is stored already (`known`: content hash → stored id; with `force` it is prepared
    again under its stored id). A second copy of one content in the run is skipped."""
    known = known or {}
    taken = set(known.values())
    seen: dict[str, str] = {}  # content hash → article id, in this run
    for item, prepared in prepare(provisional_ids(items, known, taken, force)):
        if isinstance(item, RawArticle) and item.content_hash in seen:
            item = Skipped(item.origin, f"same content as article '{seen[item.content_hash]}'")
        if isinstance(item, Skipped):
            yield item
            continue
        stored_id = known.get(item.content_hash)
        if stored_id is not None and not force:
            seen[item.content_hash] = stored_id
            yield None
            continue
        # Ids depend only on what is stored and on the inputs before: a rerun gives the same.
        raw = replace(item, id=stored_id) if stored_id else unique_id(item, taken)
        prepared = prepared_as(raw, prepared, settings, extract)
        if isinstance(prepared.article, Skipped):
            yield prepared.article
            continue
        seen[item.content_hash] = raw.id
        taken.add(raw.id)
        yield prepared


def provisional_ids(
    items: Iterable[RawArticle | Skipped], known: dict[str, str], taken: set[str], force: bool = False
) -> Iterator[tuple[RawArticle | Skipped, RawArticle | None]]:
    """Each input with the article to prepare for it, its id as it will be if no earlier one is skipped.

    None for what needs no preparing: a bad input, a second copy in this run, an article stored
    (`known`: content hash → stored id) unless `force`. Ids are checked again once the earlier
    articles are through (`prepared_as`).
    """
    taken = set(taken)
    submitted: set[str] = set()
    for item in items:
        if isinstance(item, Skipped) or item.content_hash in submitted:
            yield item, None
            continue
        stored_id = known.get(item.content_hash)
        if stored_id is not None and not force:
            yield item, None
            continue
        raw = replace(item, id=stored_id) if stored_id else unique_id(item, taken)
        taken.add(raw.id)
        submitted.add(item.content_hash)
        yield item, raw


def prepared_as(raw: RawArticle, prepared: Prepared | None, settings: Settings, extract: bool) -> Prepared:
    """The prepared article under its final id: prepared again here in the rare case the id moved
    (an earlier article of the same name was skipped) or nothing was prepared (an earlier copy was)."""
    # The same input under the same id (the prepared one holds its page's text, not the page).
    if prepared is not None and (prepared.raw.id, prepared.raw.content_hash) == (raw.id, raw.content_hash):
        return prepared
    return prepare_articles([raw], settings, extract).items[0]


def unique_id(raw: RawArticle, taken: set[str]) -> RawArticle:
    """Two different inputs with one name (a/x.txt, b/x.txt) both stay, the second as 'x~2'."""
    if raw.id not in taken:
        return raw
    n = 2
    while f"{raw.id}~{n}" in taken:
        n += 1
    return replace(raw, id=f"{raw.id}~{n}")


def _store_prepared(
    connection: sqlite3.Connection,
    batch: list[Prepared],
    stored_ids: set[str],
    report: IngestReport,
    run: RunRecord,
    on_stored: Callable[[sqlite3.Connection, list[RawArticle]], None] | None = None,
) -> set[str]:
    """One transaction: the batch's new articles stored pending, as arrived in `run`, its stored
    ones replaced in place. Returns the stories of the replaced ones, to describe again."""
    started = time.perf_counter()
    refresh = set()
    with transaction(connection):
        for prepared in batch:
            article, found = prepared.article, prepared.extraction
            assert isinstance(article, Article) and found is not None
            if prepared.raw.id in stored_ids:
                if story_id := pending.store_again(connection, article, prepared.raw, found):
                    refresh.add(story_id)
            else:
                pending.store_new(connection, article, prepared.raw, found)
        record_arrivals(connection, run, [p.raw.id for p in batch if p.raw.id not in stored_ids])
        if on_stored:
            on_stored(connection, [p.raw for p in batch])
    report.reprocessed += sum(1 for p in batch if p.raw.id in stored_ids)
    report.added += sum(1 for p in batch if p.raw.id not in stored_ids)
    report.timed("store", started)
    return refresh


def _assign_pending(
    connection: sqlite3.Connection,
    settings: Settings,
    refresh: set[str],
    report: IngestReport,
    cache: RunCache,
    stage: Stage,
) -> set[str]:
    """Every pending article in a story, `clustering_batch_size` at a time, each call one
    transaction; `refresh` stories described again. Returns the stories touched."""
    touched: set[str] = set()
    while True:
        started = time.perf_counter()
        with transaction(connection):
            articles = pending.pending_articles(connection, settings.clustering_batch_size)
            if not articles and not refresh:
                break
            existing = pending.open_stories(connection, articles, settings.story_window_days, refresh)
            assigned, stories = assign_stories(articles, settings, existing, cache=cache)
            started = report.timed("stories", started)
            before = {a.id: a for a in [*articles, *existing.articles]}
            by_id = {a.id: a for a in assigned}
            # Each task's stories with their members, kept here: a task gives back only the
            # stories described, in the order they were sent.
            sent: deque[list[Described]] = deque()
            tasks = _description_tasks(connection, stories, by_id, settings, sent)
            for described in stage.run(describe_stories, tasks):
                started = report.timed("describe", started)  # waited for, or described here
                for story, (_, members, dated) in zip(described, sent.popleft(), strict=True):
                    for article in members:
                        pending.as_assigned(connection, article, before[article.id], dated[article.id])
                    write.save_story(connection, story, members)
                started = report.timed("store", started)
        touched |= {s.id for s in stories}
        refresh = set()
        if not articles:
            break
    return touched


# Stories described per task sent to another process: enough members to outweigh the sending.
_DESCRIBED_MEMBERS = 32


def _description_tasks(
    connection: sqlite3.Connection,
    stories: list[Story],
    by_id: dict[str, Article],
    settings: Settings,
    sent: deque[list[Described]],
) -> Iterator[tuple[list[Described], Settings]]:
    """The stories to describe with their members and what was found in them as of their dates,
    grouped into tasks, read from the store as the tasks are taken; each task's group is also
    appended to `sent`."""
    group: list[Described] = []
    for story in stories:
        members = [by_id[i] for i in story.articles]
        found = pending.stored_extractions(connection, members)
        group.append((story, members, {a.id: for_article(found[a.id], a) for a in members}))
        if sum(len(m) for _, m, _ in group) >= _DESCRIBED_MEMBERS:
            sent.append(group)
            yield group, settings
            group = []
    if group:
        sent.append(group)
        yield group, settings
