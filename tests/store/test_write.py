"""The full-text indexes kept in few segments: FTS5 writes each transaction's rows as a segment of
its own, and every search asks each segment, so a store grown run by run is merged back."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from factories import make_article
from store_articles import BRIDGE_CLOSED, write_feed

from recoupe.extract.article import ArticleExtraction
from recoupe.model import Quote, QuoteVariant, RawArticle, Story
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.store.ingest import ingest_paths
from recoupe.store.schema import connect, transaction
from recoupe.store.write import insert_article, save_story, search_index_segments, tidy_search_indexes

# Searches for words of the runs' articles and quotes only, and one for nothing.
SEARCHES = ("budget", "délibération viaduc", "séance 7", "calendrier", "tiendrons 3", "absent")


def write_runs(db: Path, runs: int) -> None:
    """`runs` transactions, each one new article and its story (with a quote): one new segment
    of each full-text index per run."""
    with closing(connect(db)) as connection:
        for k in range(runs):
            text = f"La délibération sur le budget du viaduc est reportée, séance {k}."
            article = make_article(f"a{k}", [text], title=f"Budget du viaduc ({k})")
            article = replace(article, content_hash=f"h{k}")
            raw = RawArticle(article.id, article.origin, text, article.title, article.published)
            said = f"nous tiendrons le calendrier {k}"
            quote = Quote("Hélène Marchal", None, said, [article.id], [QuoteVariant(article.id, said)])
            story = Story(f"s{k + 1}", article.title, article.published, [article.id], 1, quotes=[quote])
            found = ArticleExtraction(article.published, [], [], [], [])
            with transaction(connection):
                insert_article(connection, article, raw, found, k + 1)
                save_story(connection, story, [article])


def searched(db: Path) -> list[list[str]]:
    """What each of SEARCHES lists, in order: the same before and after a merge."""
    with Store(db, readonly=True) as store:
        return [[row.id for row in store.story_rows(query=words)] for words in SEARCHES]


def test_each_transaction_leaves_a_segment_of_its_own(tmp_path: Path) -> None:
    write_runs(tmp_path / "store.db", 3)
    with closing(connect(tmp_path / "store.db")) as connection:
        assert search_index_segments(connection, "article_search") == 3
        assert search_index_segments(connection, "quote_search") == 3
        with pytest.raises(ValueError):
            search_index_segments(connection, "articles")


def test_an_index_in_more_segments_than_allowed_is_merged_into_one_finding_the_same(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    write_runs(db, 12)
    before = searched(db)
    every = [f"s{k}" for k in range(1, 13)]  # one day, no runs recorded: by number
    assert before == [every, every, ["s8"], every, ["s4"], []]
    with closing(connect(db)) as connection:
        assert tidy_search_indexes(connection, 4) == ["article_search", "quote_search"]
        assert search_index_segments(connection, "article_search") == 1
        assert search_index_segments(connection, "quote_search") == 1
        assert tidy_search_indexes(connection, 4) == []  # nothing left to merge
    assert searched(db) == before


def test_an_index_within_the_limit_is_left_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    write_runs(db, 5)
    with closing(connect(db)) as connection:
        assert tidy_search_indexes(connection, 5) == []
        assert search_index_segments(connection, "article_search") == 5


def test_an_ingest_leaves_its_indexes_within_the_limit_finding_what_they_found(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    write_runs(db, 6)
    before = searched(db)
    feed = write_feed(tmp_path / "feed", BRIDGE_CLOSED)  # says none of SEARCHES' words
    ingest_paths([feed], db, replace(Settings(), search_index_segments=2))
    with closing(connect(db)) as connection:
        assert search_index_segments(connection, "article_search") <= 2
        assert search_index_segments(connection, "quote_search") <= 2
    assert searched(db) == before
    with Store(db, readonly=True) as store:
        assert [row.id for row in store.story_rows(query="fissure techniciens")] == ["s7"]
