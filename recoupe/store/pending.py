"""The store's side of a run: articles stored pending (no story yet), the stories open to them,
and the assignment that gives them one.

An article is pending while it is in no story: a run stores its new articles so, batch by batch,
then assigns them all at once (`recoupe.pipeline`). A run killed in between leaves them pending,
and the next run assigns them with its own.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

from recoupe.extract.article import ArticleExtraction, extract_articles, extraction_from_json
from recoupe.extract.entities import Mention
from recoupe.model import Article, RawArticle, day_of
from recoupe.store import read, write
from recoupe.stories import StoredStories

_COPY_FLAGS = ("near-copy", "translated-copy")


def store_new(
    connection: sqlite3.Connection, article: Article, raw: RawArticle, found: ArticleExtraction
) -> None:
    """A new article, pending: after the last one stored (inside a transaction)."""
    write.insert_article(connection, article, raw, found, read.next_seq(connection))


def store_again(
    connection: sqlite3.Connection, article: Article, raw: RawArticle, found: ArticleExtraction
) -> str | None:
    """A stored article cleaned again (`--force`) in place: it keeps its copy link and its story
    (returned, to be described again; None while it is pending)."""
    stored = read.articles(connection, [article.id])[0]
    copy_flags = [f for f in stored.flags if f in _COPY_FLAGS]
    article = replace(article, copy_of=stored.copy_of, flags=[*article.flags, *copy_flags])
    write.replace_article(connection, article, raw, found)
    return read.story_of(connection, article.id)


def pending_articles(connection: sqlite3.Connection, limit: int) -> list[Article]:
    """The first `limit` articles in no story, in reading order."""
    ids = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
            " ORDER BY seq LIMIT ?",
            (limit,),
        )
    ]
    return read.articles(connection, ids) if ids else []


def open_periods(
    days: list[date], undated: bool, latest: date | None, window_days: int
) -> list[tuple[date, date | None]]:
    """The periods a stored story's own dates must meet to be open to a batch of articles.

    The one statement of the story window for the store: a batch's dated articles may join a
    story whose dates come within `window_days` of theirs; its undated ones, a story still open
    at the latest date known (the store's or the batch's). A story with no date is always open.
    A period (low, None) has no upper end.
    """
    window = timedelta(days=window_days)
    periods: list[tuple[date, date | None]] = []
    if days:
        periods.append((min(days) - window, max(days) + window))
    known = [d for d in (latest, max(days) if days else None) if d]
    if undated and known:
        periods.append((max(known) - window, None))
    return periods


def open_stories(
    connection: sqlite3.Connection, articles: list[Article], window_days: int, refresh: set[str]
) -> StoredStories:
    """The stored stories these articles may join (`open_periods`), with their members.

    `refresh` stories come whatever their dates (their members were cleaned again).
    """
    days = [d for a in articles if (d := day_of(a.published))]
    latest = day_of(connection.execute("SELECT max(last_published) FROM stories").fetchone()[0])
    periods = open_periods(days, len(days) < len(articles), latest, window_days)
    conditions = ["last_published IS NULL"]
    params: list[str | None] = []
    for low, high in periods:
        conditions.append("(last_published >= ? AND (? IS NULL OR first_published <= ?))")
        params += [low.isoformat(), *(2 * [high.isoformat() if high else None])]
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


def as_assigned(
    connection: sqlite3.Connection, article: Article, before: Article, found: ArticleExtraction
) -> None:
    """What assignment changed in a stored article: its copy link and flags, a date taken from its
    story (with what its text says as of that date)."""
    if (article.copy_of, article.flags, article.published, article.published_basis) != (
        before.copy_of,
        before.flags,
        before.published,
        before.published_basis,
    ):
        write.update_assigned_article(connection, article, found)
