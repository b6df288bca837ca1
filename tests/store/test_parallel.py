"""The per-article stage in worker processes or on a Dask cluster: the store ends exactly as with one
process (the whole SQLite dump compared), in batches small enough that several are in flight."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from store_articles import (
    BRIDGE_CLOSED,
    BRIDGE_NEXT_DAY,
    HONEY,
    UNDATED_CHOIR,
    write_feed,
    write_generated_articles,
)

from recoupe.settings import Settings
from recoupe.store.ingest import ingest_paths

# Batches of 3 articles and of 4 per task: several tasks in flight, stories spanning batches.
SMALL_BATCHES = replace(Settings(), ingest_batch_size=4, worker_batch_size=3)


def dump(db: Path) -> list[str]:
    """The whole store as SQL, less when its one run started (which differs from run to run)."""
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM runs").fetchone()[0] == 1
        return [line for line in connection.iterdump() if not line.startswith('INSERT INTO "runs"')]


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("feeds")
    write_feed(folder, BRIDGE_CLOSED, HONEY, UNDATED_CHOIR, BRIDGE_NEXT_DAY)
    write_generated_articles(folder, events=2)
    (folder / "broken.jsonl").write_text('{"id": "nothing"}\n', encoding="utf-8")
    # Only chrome, skipped once cleaned: the later namesake takes the plain id, as in one process.
    for name, text in (
        ("a", "Publicité\nPartager sur Facebook"),
        ("b", HONEY["text"].replace("miel", "pollen")),
    ):
        (folder / name).mkdir()
        (folder / name / "note.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single_process(feeds: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    db = tmp_path_factory.mktemp("one") / "one.db"
    report = ingest_paths([feeds], db, SMALL_BATCHES)
    assert report.added >= 10 and len(report.skipped) == 2
    assert "note" in {row[0] for row in sqlite3.connect(db).execute("SELECT id FROM articles")}
    return dump(db)


def test_two_worker_processes_give_the_store_one_process_gives(
    feeds: Path, single_process: list[str], tmp_path: Path
) -> None:
    report = ingest_paths([feeds], tmp_path / "two.db", SMALL_BATCHES, workers=2)
    assert len(report.skipped) == 2
    assert dump(tmp_path / "two.db") == single_process


def test_a_dask_cluster_gives_the_store_one_process_gives(
    feeds: Path, single_process: list[str], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        report = ingest_paths([feeds], tmp_path / "dask.db", SMALL_BATCHES, dask=cluster.scheduler_address)
    assert len(report.skipped) == 2
    assert dump(tmp_path / "dask.db") == single_process
