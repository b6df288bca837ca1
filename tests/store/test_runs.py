"""Rounds: each run that stores articles is recorded with its start, each article with the run that
stored it, each story with the latest run that added to it; the story list goes by last update and
says what the latest round brought. A store from before runs were recorded is migrated in place."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR, write_feed

from recoupe.store import Store
from recoupe.store.ingest import ingest_paths
from recoupe.store.schema import MIGRATIONS

# What schemas 4 to 8 added, taken away again: the store as recoupe left it before it recorded runs.
BEFORE_RUNS = (
    "DROP TABLE article_story; DROP INDEX story_articles_member; DROP INDEX articles_facets;"
    " DROP INDEX stories_by_update; DROP INDEX articles_run; ALTER TABLE stories DROP COLUMN updated_run;"
    " ALTER TABLE articles DROP COLUMN run; DROP TABLE runs; PRAGMA user_version = 3;"
)


def test_the_list_goes_by_last_update_and_counts_what_the_latest_round_brought(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    first = write_feed(tmp_path / "first", BRIDGE_CLOSED, HONEY)
    ingest_paths([first], db)
    ingest_paths([first], db)  # nothing new: no round recorded
    ingest_paths([write_feed(tmp_path / "second", BRIDGE_NEXT_DAY, UNDATED_CHOIR)], db)

    with Store(db, readonly=True) as store:
        latest = store.latest_run()
        arrivals = store.arrivals(["bridge-closed", "honey", "bridge-next-day", "choir", "unknown"])
        rows = store.story_rows()
        bridge, honey, choir = (store.story_of(i) for i in ("bridge-closed", "honey", "choir"))
    assert latest is not None and latest.run == 2
    assert {i: a.run for i, a in arrivals.items()} == {
        "bridge-closed": 1,
        "honey": 1,
        "bridge-next-day": 2,
        "choir": 2,
    }
    assert arrivals["bridge-closed"].at <= latest.at == arrivals["choir"].at
    # Grown or new in round 2 first (dated before undated), then what round 2 left alone.
    assert [r.id for r in rows] == [bridge, choir, honey]
    assert [(r.articles, r.new_articles) for r in rows] == [(2, 1), (1, 1), (1, 0)]
    assert [r.updated for r in rows] == [latest.at, latest.at, arrivals["honey"].at]
    with Store(db, readonly=True) as store:  # a page gives the same rows as the whole list
        assert store.story_rows(limit=1, offset=1) == rows[1:2]


def test_a_store_from_before_runs_is_migrated_in_place_its_arrivals_unknown(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    ingest_paths([write_feed(tmp_path / "first", BRIDGE_CLOSED, HONEY)], db)
    with closing(sqlite3.connect(db)) as connection:
        connection.executescript(BEFORE_RUNS)
    with Store(db) as store:  # opened for writing, as `ingest` and `serve` open an older store
        before = store.brief()
        rows = store.story_rows()
        assert store.latest_run() is None and store.arrivals(["honey"]) == {}
    assert [(r.updated, r.new_articles) for r in rows] == [(None, 0), (None, 0)]
    with Store(db, readonly=True) as store:  # its stories found by search as before
        assert [r.id for r in store.story_rows(query="apiculteurs")] == [store.story_of("honey")]
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)

    ingest_paths([write_feed(tmp_path / "second", BRIDGE_NEXT_DAY)], db)
    with Store(db, readonly=True) as store:
        after = store.brief()
        rows = store.story_rows()
        latest = store.latest_run()
        arrivals = store.arrivals(["bridge-closed", "bridge-next-day"])
    assert {a.id for a in before.articles} < {a.id for a in after.articles}  # nothing lost
    assert latest is not None and latest.run == 1 and set(arrivals) == {"bridge-next-day"}
    # The story that grew comes first; the one nothing was added to since has no known update.
    assert [(r.updated, r.new_articles, r.articles) for r in rows] == [(latest.at, 1, 2), (None, 0, 1)]
