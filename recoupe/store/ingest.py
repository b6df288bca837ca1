"""`recoupe ingest`: new articles into the store, batch by batch, each batch one transaction.

Inputs are read in their usual order; an article whose content hash is stored is skipped (with
`force`, cleaned again in place). New articles gather into batches of `ingest_batch_size`; each
batch joins the stored stories open to it or opens new ones, the stories it touched are described
again, and all of it is committed at once. A kill loses at most the batch under way, and the same
command then finds the same batches again: the store ends as one uninterrupted run leaves it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from recoupe.extract.article import ArticleExtraction, extract_articles, extraction_from_json, for_article
from recoupe.extract.entities import Mention
from recoupe.ingest import read_articles
from recoupe.kept import RunCache
from recoupe.model import Article, RawArticle, Skipped, day_of
from recoupe.pipeline import describe_story, prepared_as, provisional_ids, unique_id
from recoupe.settings import Settings
from recoupe.store import read, write
from recoupe.store.schema import connect, transaction
from recoupe.stories import StoredStories, assign_stories
from recoupe.workers import article_stage

_COPY_FLAGS = ("near-copy", "translated-copy")
T = TypeVar("T")


@dataclass
class IngestReport:
    """What one ingest did."""

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


@dataclass(frozen=True)
class _Pending:
    raw: RawArticle
    article: Article
    extraction: ArticleExtraction
    stored: bool  # cleaned again in place of the stored article (`force`)


def ingest_paths(
    paths: Iterable[str | Path],
    db: str | Path,
    settings: Settings | None = None,
    *,
    force: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    workers: int = 1,
    dask: str | None = None,
) -> IngestReport:
    """Read, clean and store every new article of `paths` into the store at `db`."""
    settings = settings or Settings()
    report = IngestReport()

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    cache = RunCache.for_settings(settings)
    connection = connect(db)
    try:
        known = read.stored_hashes(connection)
        taken = set(known.values())
        first_new = read.next_story_number(connection)
        seen: dict[str, str] = {}  # content hash → article id, in this run
        batch: list[_Pending] = []
        touched: set[str] = set()
        stage = article_stage(settings, workers=workers, dask=dask, on_batch=report.add_seconds)
        with stage as prepare:
            items = report.timed_reading(read_articles(paths, settings))
            for item, prepared in prepare(provisional_ids(items, known, taken, force)):
                if isinstance(item, RawArticle) and item.content_hash in seen:
                    item = Skipped(item.origin, f"same content as article '{seen[item.content_hash]}'")
                if isinstance(item, Skipped):
                    skip(item)
                    continue
                stored_id = known.get(item.content_hash)
                if stored_id is not None and not force:
                    seen[item.content_hash] = stored_id
                    report.already_stored += 1
                    continue
                # Ids depend only on what is stored and on the inputs before: a rerun gives the same.
                raw = replace(item, id=stored_id) if stored_id else unique_id(item, taken)
                prepared = prepared_as(raw, prepared, settings, extract=True)
                if isinstance(prepared.article, Skipped):
                    skip(prepared.article)
                    continue
                seen[item.content_hash] = raw.id
                taken.add(raw.id)
                assert prepared.extraction is not None
                batch.append(_Pending(raw, prepared.article, prepared.extraction, stored_id is not None))
                if on_article:
                    on_article(prepared.article)
                if len(batch) >= settings.ingest_batch_size:
                    touched |= _store_batch(connection, batch, settings, report, cache)
                    batch = []
        if batch:
            touched |= _store_batch(connection, batch, settings, report, cache)
    finally:
        connection.close()
    report.new_stories = {s for s in touched if int(s[1:]) >= first_new}
    report.updated_stories = touched - report.new_stories
    return report


def _store_batch(
    connection: sqlite3.Connection,
    batch: list[_Pending],
    settings: Settings,
    report: IngestReport,
    cache: RunCache,
) -> set[str]:
    """One transaction: the batch's articles, their stories, and every story they touched (returned)."""
    started = time.perf_counter()
    found = {p.article.id: p.extraction for p in batch}
    with transaction(connection):
        refresh = set()
        for pending in batch:
            if pending.stored:
                article = _keep_copy_link(connection, pending.article)
                write.replace_article(connection, article, pending.raw, found[article.id])
                if story_id := read.story_of(connection, article.id):
                    refresh.add(story_id)
        new = [p for p in batch if not p.stored]
        existing = open_stories(
            connection, [p.article.published for p in new], settings.story_window_days, refresh
        )
        articles, stories = assign_stories([p.article for p in new], settings, existing)
        started = report.timed("stories", started)
        by_id = {a.id: a for a in articles}
        found |= stored_extractions(connection, [a for a in articles if a.id not in found])
        for story in stories:
            describe_story(story, [by_id[i] for i in story.articles], found, settings, cache)
        started = report.timed("describe", started)
        raw = {p.article.id: p.raw for p in new}
        before = {a.id: a for a in existing.articles}
        seq = read.next_seq(connection)
        for article in articles:
            if article.id in raw:
                # Kept as of the date the article is stored with (an undated one takes its story's).
                extraction = for_article(found[article.id], article)
                write.insert_article(connection, article, raw[article.id], extraction, seq)
                seq += 1
            elif (article.published, article.published_basis) != (
                before[article.id].published,
                before[article.id].published_basis,
            ):
                write.update_article_date(connection, article)
        for story in stories:
            write.save_story(connection, story, [by_id[i] for i in story.articles])
    report.timed("store", started)
    report.added += len(new)
    report.reprocessed += len(batch) - len(new)
    return {s.id for s in stories}


def _keep_copy_link(connection: sqlite3.Connection, article: Article) -> Article:
    """An article cleaned again keeps its place: its copy link and its story stay."""
    stored = read.articles(connection, [article.id])[0]
    copy_flags = [f for f in stored.flags if f in _COPY_FLAGS]
    return replace(article, copy_of=stored.copy_of, flags=[*article.flags, *copy_flags])


def stored_extractions(
    connection: sqlite3.Connection, articles: list[Article]
) -> dict[str, ArticleExtraction]:
    """What the per-article stage found when each article was stored (found again if not kept)."""
    rows = connection.execute(
        f"SELECT id, mentions, extraction FROM articles WHERE id {read.IN_IDS}",
        (read.json_ids([a.id for a in articles]),),
    )
    by_id = {a.id: a for a in articles}
    found: dict[str, ArticleExtraction] = {}
    for article_id, mentions, extraction in rows:
        kept = [Mention(article=article_id, **m) for m in json.loads(mentions)]
        if extraction is None:  # stored by a recoupe that kept only the mentions
            again = extract_articles([by_id[article_id]], ner=False)[article_id]
            found[article_id] = replace(again, mentions=kept)
        else:
            found[article_id] = extraction_from_json(article_id, kept, json.loads(extraction))
    return found


def open_stories(
    connection: sqlite3.Connection, published: list[str | None], window_days: int, refresh: set[str]
) -> StoredStories:
    """The stored stories a batch of articles published on these days may join, with their members.

    As in one run of the clusterer: a story is open to a dated article within the window on
    either side of its members' own dates, always when it has no date, and to an undated article
    when it was still open at the latest date known. `refresh` stories come whatever their dates.
    """
    days = sorted(d for value in published if (d := day_of(value)))
    conditions = ["last_published IS NULL"]
    params: dict[str, str] = {}
    window = timedelta(days=window_days)
    if days:
        conditions.append("(last_published >= :low AND first_published <= :high)")
        params |= {"low": (days[0] - window).isoformat(), "high": (days[-1] + window).isoformat()}
    if len(days) < len(published):
        latest = connection.execute("SELECT max(last_published) FROM stories").fetchone()[0]
        known = [d for d in (day_of(latest), days[-1] if days else None) if d]
        if known:
            conditions.append("last_published >= :tail")
            params["tail"] = (max(known) - window).isoformat()
    rows = connection.execute(f"SELECT id FROM stories WHERE {' OR '.join(conditions)}", params)
    story_ids = sorted({row[0] for row in rows} | refresh, key=lambda s: int(s[1:]))
    story_of = dict(
        connection.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE story_id {read.IN_IDS}",
            (read.json_ids(story_ids),),
        ).fetchall()
    )
    return StoredStories(
        articles=read.articles(connection, list(story_of)),
        story_of=story_of,
        next_number=read.next_story_number(connection),
        refresh=frozenset(refresh),
    )
