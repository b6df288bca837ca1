"""A store from before schema 2 (mentions kept, not the rest of the extraction) is migrated by the
next ingest, and its stories are described again as a new store describes them."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, write_feed

from recoupe.report import render_json
from recoupe.store import Store
from recoupe.store.ingest import ingest_paths
from recoupe.store.schema import MIGRATIONS


def story_brief(db: Path) -> dict[str, object]:
    with closing(Store(db, readonly=True)) as store:
        data = json.loads(render_json(store.brief(None)))
    data.pop("generated_at")
    return data


def test_a_schema_1_store_is_migrated_and_its_stories_described_from_the_articles(tmp_path: Path) -> None:
    first = write_feed(tmp_path / "first", BRIDGE_CLOSED)
    second = write_feed(tmp_path / "second", BRIDGE_NEXT_DAY)
    for name in ("old", "new"):
        ingest_paths([first], tmp_path / f"{name}.db")
    with closing(sqlite3.connect(tmp_path / "old.db")) as connection:
        connection.executescript(
            "ALTER TABLE articles DROP COLUMN extraction;"
            " DROP TABLE watched_sources; DROP TABLE watched_items;"
            " DROP TABLE article_story; DROP INDEX story_articles_member; DROP INDEX articles_facets;"
            " DROP INDEX stories_by_update; DROP INDEX articles_run; DROP TABLE runs;"
            " ALTER TABLE stories DROP COLUMN updated_run; ALTER TABLE articles DROP COLUMN run;"
            " PRAGMA user_version = 1;"
        )
    for name in ("old", "new"):
        report = ingest_paths([second], tmp_path / f"{name}.db")
        assert report.added == 1 and report.updated_stories == {"s1"}
    assert story_brief(tmp_path / "old.db") == story_brief(tmp_path / "new.db")
    with closing(sqlite3.connect(tmp_path / "old.db")) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        rows = dict(connection.execute("SELECT id, extraction IS NULL FROM articles"))
    assert rows == {"bridge-closed": 1, "bridge-next-day": 0}
