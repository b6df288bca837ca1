"""The story store: what the pipeline made, kept and read back; incremental ingestion; search."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLES
from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR, write_feed

from recoupe.model import Brief
from recoupe.pipeline import build_brief
from recoupe.report import render_json
from recoupe.settings import Settings
from recoupe.store import Store, StoreError
from recoupe.store.ingest import ingest_paths
from recoupe.store.schema import MIGRATIONS


def dump(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        return list(connection.iterdump())


def without_time(brief: Brief) -> dict[str, object]:
    data = json.loads(render_json(brief))
    data.pop("generated_at")
    return data


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "examples.db"
    report = ingest_paths([EXAMPLES], db)
    assert report.added == 12 and not report.skipped
    return db


@pytest.fixture(scope="module")
def local_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two reports of one event, an unrelated story the day after, an undated one."""
    folder = write_feed(
        tmp_path_factory.mktemp("local"), BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR
    )
    db = folder / "local.db"
    ingest_paths([folder], db)
    return db


def test_store_brief_equals_the_pipeline_brief_apart_from_generated_at(examples_db: Path) -> None:
    expected = build_brief([EXAMPLES]).brief
    with Store(examples_db, readonly=True) as store:
        assert without_time(store.brief()) == without_time(expected)
        for story in expected.stories:
            assert store.story(story.id) == story
        for article in expected.articles:  # author, agencies and content hash too
            assert store.article(article.id) == article
            assert store.story_of(article.id) == next(
                s.id for s in expected.stories if article.id in s.articles
            )


def test_reingesting_the_same_inputs_changes_nothing(examples_db: Path) -> None:
    before = dump(examples_db)
    report = ingest_paths([EXAMPLES], examples_db)
    assert (report.added, report.already_stored, report.new_stories, report.updated_stories) == (
        0,
        12,
        set(),
        set(),
    )
    assert dump(examples_db) == before


def test_a_next_day_report_joins_the_stored_story_and_an_unrelated_one_opens_a_new_story(
    tmp_path: Path,
) -> None:
    db = tmp_path / "stories.db"
    first = ingest_paths([write_feed(tmp_path / "day1", BRIDGE_CLOSED)], db)
    assert first.new_stories == {"s1"}
    with Store(db, readonly=True) as store:
        stored_before = store.article("bridge-closed")

    second = ingest_paths([write_feed(tmp_path / "day2", BRIDGE_NEXT_DAY, HONEY)], db)

    assert (second.added, second.updated_stories, second.new_stories) == (2, {"s1"}, {"s2"})
    with Store(db, readonly=True) as store:
        assert store.story_of("bridge-next-day") == "s1"
        assert store.story_of("honey") == "s2"
        story = store.story("s1")
        assert story is not None
        assert story.articles == ["bridge-closed", "bridge-next-day"]
        assert story.independent_sources == 2
        kerjean = next(e for e in story.entities if e.name == "Armelle Kerjean")
        assert kerjean.articles == ["bridge-closed", "bridge-next-day"]  # described again with both
        assert store.article("bridge-closed") == stored_before  # a stored article never moves


def test_a_later_scraped_copy_of_a_stored_article_is_its_near_copy(tmp_path: Path) -> None:
    db = tmp_path / "stories.db"
    ingest_paths([write_feed(tmp_path / "day1", BRIDGE_CLOSED)], db)
    scrape = {
        **BRIDGE_CLOSED,
        "id": "bridge-scrape",
        "source": "Blog Infos",
        "text": BRIDGE_CLOSED["text"] + "\n[ad_1]",
    }
    ingest_paths([write_feed(tmp_path / "day2", scrape)], db)
    with Store(db, readonly=True) as store:
        copy = store.article("bridge-scrape")
        assert copy is not None
        assert copy.copy_of == "bridge-closed"
        assert "near-copy" in copy.flags
        story = store.story("s1")
        assert story is not None
        assert story.articles == ["bridge-closed", "bridge-scrape"]
        assert story.independent_sources == 1


def test_force_cleans_stored_articles_again_in_place(tmp_path: Path) -> None:
    folder = write_feed(tmp_path / "in", BRIDGE_CLOSED, BRIDGE_NEXT_DAY)
    db = tmp_path / "stories.db"
    ingest_paths([folder], db)
    with closing(sqlite3.connect(db)) as connection, connection:  # as an older recoupe might have cleaned it
        connection.execute("UPDATE paragraphs SET text = 'Texte altéré.' WHERE article_id = 'bridge-closed'")
    with Store(db, readonly=True) as store:
        membership = {a: store.story_of(a) for a in ("bridge-closed", "bridge-next-day")}

    again = ingest_paths([folder], db)
    assert (again.added, again.already_stored, again.reprocessed) == (0, 2, 0)
    with Store(db, readonly=True) as store:
        article = store.article("bridge-closed")
        assert article is not None and article.paragraphs[0].text == "Texte altéré."

    forced = ingest_paths([folder], db, force=True)
    assert (forced.added, forced.already_stored, forced.reprocessed) == (0, 0, 2)
    with Store(db, readonly=True) as store:
        article = store.article("bridge-closed")
        assert article is not None and article.paragraphs[0].text.startswith("La circulation est interrompue")
        assert {a: store.story_of(a) for a in membership} == membership
        assert [r.id for r in store.story_rows(query="interrompue")] == [membership["bridge-closed"]]
        assert store.story_rows(query="altéré") == []


def test_search_finds_a_word_of_a_body_a_title_and_a_quote(local_db: Path) -> None:
    with Store(local_db, readonly=True) as store:
        bridge, honey = store.story_of("bridge-closed"), store.story_of("honey")
        assert [r.id for r in store.story_rows(query="déviation")] == [bridge]
        assert [r.id for r in store.story_rows(query="DEVIATION")] == [bridge]  # case and accents
        assert [r.id for r in store.story_rows(query="record")] == [honey]  # only in a title
        assert [r.id for r in store.story_rows(query="usagers")] == [bridge]  # in a quote
        assert [r.id for r in store.story_rows(query="ruches pleines")] == [honey]
        assert store.story_rows(query="fissure miel") == []  # every word, in one article


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"pont',
        "*",
        "pont*",
        "AND",
        "pont AND",
        "OR NOT",
        "-",
        "pont -fissure",
        "NEAR(pont",
        "title:pont",
        "^",
        "(",
        "'; DROP TABLE stories; --",
    ],
)
def test_search_with_query_syntax_characters_searches_them_as_text(local_db: Path, query: str) -> None:
    with Store(local_db, readonly=True) as store:
        rows = store.story_rows(query=query)
        assert all(row.id.startswith("s") for row in rows)
        assert len(store.story_rows()) == 3


def test_story_rows_are_newest_first_with_undated_stories_last(local_db: Path) -> None:
    with Store(local_db, readonly=True) as store:
        rows = store.story_rows()
        assert [r.date for r in rows] == ["2024-05-07", "2024-05-06", None]
        bridge = rows[1]
        assert (bridge.articles, bridge.independent_sources, bridge.languages) == (2, 2, ["fr"])
        assert bridge.sources == ["La Gazette de Morvillard", "Le Courrier du Val"]
        assert store.story_rows(date_from="2024-05-07")[0].id == rows[0].id
        assert [r.id for r in store.story_rows(date_to="2024-05-06")] == [rows[1].id]
        assert [r.id for r in store.story_rows(date_from="2024-05", date_to="2024-05")] == [
            rows[0].id,
            rows[1].id,
        ]
        assert [r.id for r in store.story_rows(source="Le Courrier du Val")] == [rows[1].id, rows[2].id]


def test_story_rows_filter_by_language_and_source(examples_db: Path) -> None:
    with Store(examples_db, readonly=True) as store:
        assert store.languages() == ["en", "fr"]
        assert "Reuters" in store.sources()
        english = store.story_rows(language="en")
        assert english and all("en" in row.languages for row in english)
        assert len(english) < len(store.story_rows())
        reuters = store.story_rows(source="Reuters")
        assert reuters and all("Reuters" in row.sources for row in reuters)
        assert store.story_rows(language="en", source="no such outlet") == []


def test_story_rows_come_a_page_at_a_time_and_are_counted(examples_db: Path) -> None:
    with Store(examples_db, readonly=True) as store:
        every = store.story_rows()
        assert store.story_count() == len(every) > 4
        assert store.story_rows(limit=2) == every[:2]
        assert store.story_rows(limit=2, offset=2) == every[2:4]
        assert store.story_rows(limit=4, offset=len(every) - 1) == every[-1:]
        assert store.story_rows(limit=2, offset=len(every)) == []
        french = store.story_rows(language="fr")
        assert store.story_count(language="fr") == len(french)
        assert store.story_rows(language="fr", limit=1, offset=1) == french[1:2]
        assert store.story_count(query="zzzqqq") == 0 and store.story_count(query="!!") == 0


def test_unknown_ids_read_as_none_and_a_brief_of_unknown_stories_is_refused(local_db: Path) -> None:
    with Store(local_db, readonly=True) as store:
        assert store.story("s99") is None
        assert store.article("nothing") is None
        assert store.story_of("nothing") is None
        with pytest.raises(KeyError, match="s99"):
            store.brief(["s1", "s99"])
        one = store.brief(["s1"])
        assert [s.id for s in one.stories] == ["s1"]
        assert [a.id for a in one.articles] == one.stories[0].articles


def test_a_readonly_store_needs_the_file_and_never_writes(local_db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no store"):
        Store(missing, readonly=True)
    assert not missing.exists()
    before = local_db.read_bytes()
    with Store(local_db, readonly=True) as store:
        store.story_rows(query="pont")
        store.brief()
    assert local_db.read_bytes() == before


def test_the_store_is_versioned_in_wal_mode_and_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    Store(db).close()  # created and migrated
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer recoupe"):
        Store(db)
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just some notes\n" * 100)
    with pytest.raises(StoreError):
        Store(text, readonly=True)
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE things (name TEXT)")
    with pytest.raises(StoreError, match="not a recoupe store"):
        Store(other)


def test_past_the_clustering_batch_size_the_next_articles_join_the_stories_the_first_stored(
    tmp_path: Path,
) -> None:
    folder = write_feed(tmp_path / "in", BRIDGE_CLOSED, HONEY, BRIDGE_NEXT_DAY, UNDATED_CHOIR)
    db = tmp_path / "stories.db"
    report = ingest_paths([folder], db, replace(Settings(), clustering_batch_size=1), workers=1)
    assert report.added == 4
    with Store(db, readonly=True) as store:
        brief = store.brief()
        assert sorted(a.id for a in brief.articles) == sorted(a for s in brief.stories for a in s.articles)
        assert store.story_of("bridge-next-day") == store.story_of("bridge-closed")
        assert store.story_of("honey") != store.story_of("bridge-closed")
