"""Writing articles and stories into the store, full-text index included (inside a transaction)."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from recoupe.model import Article, RawArticle, Story, day_of, plain_fields
from recoupe.store.schema import transaction

if TYPE_CHECKING:
    from recoupe.extract.article import ArticleExtraction


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def insert_article(
    connection: sqlite3.Connection, article: Article, raw: RawArticle, found: ArticleExtraction, seq: int
) -> None:
    """A new article, its raw text, paragraphs, removals, extraction and search row."""
    connection.execute(
        "INSERT INTO articles (id, seq, content_hash, origin, title, source, published, published_basis,"
        " language, flags, copy_of, author, agencies, raw_text, raw_title, raw_published, raw_source,"
        " raw_author, mentions, extraction) VALUES (" + ", ".join("?" * 20) + ")",
        (article.id, seq, *_article_values(article, raw, found)),
    )
    _write_article_parts(connection, article, seq)


def replace_article(
    connection: sqlite3.Connection, article: Article, raw: RawArticle, found: ArticleExtraction
) -> None:
    """A stored article cleaned again (`--force`): same id, place and story, new content."""
    connection.execute(
        "UPDATE articles SET content_hash = ?, origin = ?, title = ?, source = ?, published = ?,"
        " published_basis = ?, language = ?, flags = ?, copy_of = ?, author = ?, agencies = ?, raw_text = ?,"
        " raw_title = ?, raw_published = ?, raw_source = ?, raw_author = ?, mentions = ?, extraction = ?"
        " WHERE id = ?",
        (*_article_values(article, raw, found), article.id),
    )
    connection.execute("DELETE FROM paragraphs WHERE article_id = ?", (article.id,))
    connection.execute("DELETE FROM removals WHERE article_id = ?", (article.id,))
    seq = connection.execute("SELECT seq FROM articles WHERE id = ?", (article.id,)).fetchone()[0]
    connection.execute("DELETE FROM article_search WHERE rowid = ?", (seq,))
    _write_article_parts(connection, article, seq)


def update_assigned_article(
    connection: sqlite3.Connection, article: Article, found: ArticleExtraction
) -> None:
    """What story assignment fills in: a copy link and its flag, and for an undated article its
    story's date (which a later run may change), with what its text says as of that date."""
    from recoupe.extract.article import extraction_json

    connection.execute(
        "UPDATE articles SET copy_of = ?, flags = ?, published = ?, published_basis = ?, extraction = ?"
        " WHERE id = ?",
        (
            article.copy_of,
            _json(article.flags),
            article.published,
            article.published_basis,
            json.dumps(extraction_json(found), ensure_ascii=False),
            article.id,
        ),
    )


def _article_values(article: Article, raw: RawArticle, found: ArticleExtraction) -> tuple[object, ...]:
    from recoupe.extract.article import extraction_json

    mentions = [{k: v for k, v in plain_fields(m).items() if k != "article"} for m in found.mentions]
    return (
        article.content_hash,
        article.origin,
        article.title,
        article.source,
        article.published,
        article.published_basis,
        article.language,
        _json(article.flags),
        article.copy_of,
        article.author,
        _json(article.agencies),
        raw.text,
        raw.title,
        raw.published,
        raw.source,
        raw.author,
        json.dumps(mentions, ensure_ascii=False),
        json.dumps(extraction_json(found), ensure_ascii=False),
    )


def _write_article_parts(connection: sqlite3.Connection, article: Article, seq: int) -> None:
    connection.executemany(
        "INSERT INTO paragraphs (article_id, position, text, language) VALUES (?, ?, ?, ?)",
        [(article.id, i, p.text, p.language) for i, p in enumerate(article.paragraphs)],
    )
    connection.executemany(
        "INSERT INTO removals (article_id, position, text, reason) VALUES (?, ?, ?, ?)",
        [(article.id, i, r.text, r.reason) for i, r in enumerate(article.removed)],
    )
    connection.execute(
        "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)", (seq, article.title, article.text)
    )


def save_story(connection: sqlite3.Connection, story: Story, members: list[Article]) -> None:
    """Write a story whole, replacing what was stored under its id (membership included)."""
    number = int(story.id.removeprefix("s"))
    connection.execute("DELETE FROM stories WHERE id = ?", (story.id,))  # children go with it
    connection.execute("DELETE FROM quote_search WHERE rowid = ?", (number,))
    own_dates = sorted(d for a in members if (d := _own_date(a)))
    connection.execute(
        "INSERT INTO stories (id, number, title, date, independent_sources, first_published, last_published)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            story.id,
            number,
            story.title,
            story.date,
            story.independent_sources,
            own_dates[0] if own_dates else None,
            own_dates[-1] if own_dates else None,
        ),
    )
    connection.executemany(
        "INSERT INTO story_articles (article_id, story_id, position) VALUES (?, ?, ?)",
        [(article_id, story.id, i) for i, article_id in enumerate(story.articles)],
    )
    connection.execute(
        "INSERT OR REPLACE INTO article_story (seq, story)"
        " SELECT seq, ? FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (number, json.dumps(story.articles)),
    )
    # The latest run that brought it a member (recoupe/store/runs.py): the list's "updated".
    connection.execute(
        "UPDATE stories SET updated_run = (SELECT max(a.run) FROM story_articles m"
        " JOIN articles a ON a.id = m.article_id WHERE m.story_id = :id) WHERE id = :id",
        {"id": story.id},
    )
    connection.executemany(
        "INSERT INTO summary (story_id, position, text, articles) VALUES (?, ?, ?, ?)",
        [(story.id, i, s.text, _json(s.articles)) for i, s in enumerate(story.summary)],
    )
    connection.executemany(
        "INSERT INTO entities (story_id, position, name, type, variants, articles, mentions)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (story.id, i, e.name, e.type, _json(e.variants), _json(e.articles), e.mentions)
            for i, e in enumerate(story.entities)
        ],
    )
    connection.executemany(
        "INSERT INTO quotes (story_id, position, speaker, speaker_mention, text, articles)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (story.id, i, q.speaker, q.speaker_mention, q.text, _json(q.articles))
            for i, q in enumerate(story.quotes)
        ],
    )
    connection.executemany(
        "INSERT INTO quote_variants (story_id, quote, position, article_id, text) VALUES (?, ?, ?, ?, ?)",
        [
            (story.id, i, j, v.article, v.text)
            for i, q in enumerate(story.quotes)
            for j, v in enumerate(q.variants)
        ],
    )
    connection.executemany(
        "INSERT INTO claims (story_id, position, subject, status) VALUES (?, ?, ?, ?)",
        [(story.id, i, c.subject, c.status) for i, c in enumerate(story.claims)],
    )
    connection.executemany(
        "INSERT INTO claim_values (story_id, claim, position, value, unit, claimants, articles, evidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (story.id, i, j, v.value, v.unit, _json(v.claimants), _json(v.articles), _json(v.evidence))
            for i, c in enumerate(story.claims)
            for j, v in enumerate(c.values)
        ],
    )
    connection.executemany(
        "INSERT INTO timeline (story_id, position, date, text, articles) VALUES (?, ?, ?, ?, ?)",
        [(story.id, i, t.date, t.text, _json(t.articles)) for i, t in enumerate(story.timeline)],
    )
    if story.quotes:
        quoted = "\n".join(
            dict.fromkeys(text for q in story.quotes for text in (q.text, *(v.text for v in q.variants)))
        )
        connection.execute("INSERT INTO quote_search (rowid, body) VALUES (?, ?)", (number, quoted))


# The store's full-text indexes (FTS5 tables, recoupe/store/schema.py).
SEARCH_INDEXES = ("article_search", "quote_search")


def tidy_search_indexes(connection: sqlite3.Connection, most_segments: int) -> list[str]:
    """Merge each full-text index into one segment when it has more than `most_segments`; one
    transaction each. Returns the indexes merged.

    FTS5 writes each transaction's rows as a new segment (b-tree) and merges them lazily: runs of
    a few articles leave up to sixteen before it merges them, and a store grown run by run keeps
    several large ones. A search asks every segment, so the story list's walk (one question a
    story, recoupe/store/listing.py) costs in proportion to them: on the 100,000 articles of
    bench/web_latency.py, from 4 large and 8 small segments to one, 4-6 → 1.3 ms of CPU a page
    for a word in every article, 17-27 → 3.5 ms for two. Merging rewrites the whole index (86 MB
    there, 2-7 s), hence only past `most_segments` (Settings.search_index_segments)."""
    merged = []
    for table in SEARCH_INDEXES:
        with transaction(connection):
            if search_index_segments(connection, table) > most_segments:
                connection.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
                merged.append(table)
    return merged


def search_index_segments(connection: sqlite3.Connection, table: str) -> int:
    """How many segments the full-text index `table` is in: each has one row or more, keyed by
    its id, in the index's b-tree table (FTS5's `<table>_idx`)."""
    if table not in SEARCH_INDEXES:
        raise ValueError(f"no full-text index {table!r}")
    (segments,) = connection.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()
    return int(segments)


def _own_date(article: Article) -> str | None:
    """The article's own day (not one taken from its story): which stories a new batch may join."""
    day = day_of(article.published) if article.published_basis != "story" else None
    return day.isoformat() if day else None
