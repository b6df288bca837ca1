"""Crash safety: `recoupe ingest` killed with SIGKILL at random moments, then run again, leaves
the store a clean run leaves.

A killed run may leave articles pending (stored, in no story yet): never an article in two
stories, a story without members or a copy outside its original's story; and the store read as a
brief leaves the pending ones out. The rerun gives each its story, as the clean run did.

The killed runs are child processes forked from the test process, which has the models loaded
already: each starts at once instead of spending seconds importing spaCy, and SIGKILL stops them
exactly as it stops a command started from a shell. No connection to a store may be open in the
test process when it forks (sqlite3 connections are closed explicitly here): a child inheriting one
would share its WAL index without holding its locks.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import sqlite3
import time
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
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.extract.entities import french_nlp
from recoupe.report import render_json
from recoupe.settings import Settings
from recoupe.store import Store, write
from recoupe.store.ingest import ingest_paths
from recoupe.store.schema import MIGRATIONS

_KILLS = 3
_SEED = 20240301
_BATCH = 32  # small transactions: the kills land between and inside several of them
_FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _ingest(folder: Path, db: Path) -> None:
    app(["ingest", str(folder), "--db", str(db), "--quiet", "--batch-size", str(_BATCH)], prog_name="recoupe")


def _stored_articles(db: Path) -> int:
    try:
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or its schema not committed yet
        return 0


def _schema_committed(db: Path) -> bool:
    """Whether the store's schema is whole: a kill may come while it is created or migrated."""
    if not db.exists():
        return False
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def _kill_moment(rng: random.Random, kill: int, total: int) -> tuple[int, float]:
    """Articles stored before the kill, and seconds after: the first kill may land anywhere in
    the first batches (even while the schema is created), the others past a random share of it all.
    The whole ingest takes about a second when the models are loaded before the fork (as after
    other tests), and the child's first batch comes later when it loads them itself."""
    if kill == 0:
        return 0, rng.uniform(0.05, 0.5)
    # Three batches stay to be stored after the last kill's moment, and the delay is shorter than
    # storing one of them (0.17 s here, alone), so that a fast ingest is still under way when the
    # kill comes, inside a batch or between two.
    low, high = total * kill // (_KILLS + 1), total * (kill + 1) // (_KILLS + 1)
    high = min(high, total - 3 * _BATCH)
    return rng.randint(min(low, high), high), rng.uniform(0.0, 0.1)


def _kill_while_ingesting(folder: Path, db: Path, at_least: int, delay: float) -> int:
    """Start an ingest, SIGKILL it once `at_least` articles are stored and `delay` more seconds
    have passed; return how many articles were stored when it died."""
    child = _FORK.Process(target=_ingest, args=(folder, db))
    child.start()
    deadline = time.monotonic() + 120
    while _stored_articles(db) < at_least and child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(delay)
    assert child.is_alive(), f"the ingest finished before it could be killed ({at_least}, {delay:.2f} s)"
    child.kill()
    child.join()
    assert child.exitcode == -9
    return _stored_articles(db)


def _consistent(db: Path, *, finished: bool) -> None:
    """Every stored article is in at most one story (exactly one once a run has `finished`);
    every story has members and fits them."""
    with closing(sqlite3.connect(db)) as connection:
        lonely = connection.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
        ).fetchone()[0]
        empty = connection.execute(
            "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)"
        ).fetchone()[0]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert empty == 0
    assert lonely == 0 or not finished
    with Store(db, readonly=True) as store:
        brief = store.brief()
    assert sorted(a.id for a in brief.articles) == sorted(i for s in brief.stories for i in s.articles)
    by_id = {a.id: a for a in brief.articles}
    for story in brief.stories:
        members = [by_id[i] for i in story.articles]
        assert 1 <= story.independent_sources <= len(members)
        assert all(a.copy_of is None or a.copy_of in story.articles for a in members)


def _membership(db: Path) -> dict[str, str]:
    with closing(sqlite3.connect(db)) as connection:
        return dict(connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def _hashes(db: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT id, content_hash FROM articles ORDER BY seq").fetchall()


def _brief_json(db: Path) -> dict[str, object]:
    with Store(db, readonly=True) as store:
        data = json.loads(render_json(store.brief()))
    data.pop("generated_at")
    return data


@pytest.mark.skipif(_FORK is None, reason="needs fork()")
def test_ingest_killed_at_random_moments_then_rerun_ends_as_a_clean_run(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    total = write_generated_articles(folder)
    french_nlp()  # loaded before forking, so every child starts with it
    clean = tmp_path / "clean.db"
    # The clean run goes on beside the killed ones: two cores, half the wait.
    clean_run = _FORK.Process(target=_ingest, args=(folder, clean))
    clean_run.start()
    try:
        crashed = tmp_path / "crashed.db"
        rng = random.Random(_SEED)
        stored_at_kills = []
        for kill in range(_KILLS):
            at_least, delay = _kill_moment(rng, kill, total)
            stored_at_kills.append(_kill_while_ingesting(folder, crashed, at_least, delay))
            if _schema_committed(crashed):
                _consistent(crashed, finished=False)
        assert stored_at_kills == sorted(stored_at_kills)  # committed work is never lost
        # A loaded machine may store the last batch before the last kill: the kill then lands while
        # the stories are assigned, and the rerun adds nothing but still assigns the pending ones.
        assert stored_at_kills[-1] <= total

        result = CliRunner().invoke(
            app, ["ingest", str(folder), "--db", str(crashed), "--batch-size", str(_BATCH)]
        )
        assert result.exit_code == 0, result.output
        left = total - stored_at_kills[-1]
        assert f"{left} articles added, {stored_at_kills[-1]} already stored" in result.stderr

        clean_run.join()
    finally:
        if clean_run.is_alive():  # a failure above leaves no orphan behind
            clean_run.kill()
    assert clean_run.exitcode == 0
    assert len(_hashes(clean)) == total
    _consistent(crashed, finished=True)
    assert _hashes(crashed) == _hashes(clean)  # every article exactly once, in the same order
    assert _membership(crashed) == _membership(clean)
    assert _brief_json(crashed) == _brief_json(clean)


class _Died(Exception):
    pass


def test_a_run_that_dies_while_assigning_leaves_its_articles_pending_and_the_next_assigns_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_feed(tmp_path / "in", BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR)
    settings = replace(Settings(), ingest_batch_size=2)
    clean = tmp_path / "clean.db"
    ingest_paths([folder], clean, settings, workers=1)

    crashed = tmp_path / "crashed.db"
    save_story = write.save_story
    saved: list[str] = []

    def dies_after_one(connection: sqlite3.Connection, story: object, members: object) -> None:
        if saved:
            raise _Died
        saved.append("one")
        save_story(connection, story, members)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "save_story", dies_after_one)
    with pytest.raises(_Died):
        ingest_paths([folder], crashed, settings, workers=1)
    monkeypatch.undo()
    assert len(_hashes(crashed)) == 4 and _membership(crashed) == {}  # stored, all pending
    _consistent(crashed, finished=False)

    again = ingest_paths([folder], crashed, settings, workers=1)
    assert (again.added, again.already_stored, len(again.new_stories)) == (
        0,
        4,
        len(set(_membership(clean).values())),
    )
    _consistent(crashed, finished=True)
    assert _hashes(crashed) == _hashes(clean)
    assert _membership(crashed) == _membership(clean)
    assert _brief_json(crashed) == _brief_json(clean)
