"""When articles arrived: each run that stored articles (an ingest, a fetch, a watch round), the run
that stored each article, and what the latest run brought.

A run is recorded in the transaction that stores its first article, so a run that stores nothing
(every article already there) leaves the store as it was. The runs a store records are its
"rounds": the story list says when each story last grew and by how many articles in the latest.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass
class RunRecord:
    """The run under way, as the store records it once it stores an article (`id` is then set)."""

    started: str  # ISO 8601, UTC, to the second
    id: int | None = None

    @classmethod
    def starting_now(cls) -> RunRecord:
        return cls(datetime.now(UTC).isoformat(timespec="seconds"))


@dataclass(frozen=True)
class Arrival:
    """When an article arrived: the run that stored it and when that run started."""

    run: int
    at: str  # ISO 8601, UTC


def record_arrivals(connection: sqlite3.Connection, run: RunRecord, article_ids: list[str]) -> None:
    """Mark these newly stored articles as arrived in `run`, recording the run first if it is not
    yet (inside the transaction that stores them, so both are committed or neither)."""
    if not article_ids:
        return
    if run.id is None or not connection.execute("SELECT 1 FROM runs WHERE id = ?", (run.id,)).fetchone():
        run.id = connection.execute("INSERT INTO runs (started) VALUES (?)", (run.started,)).lastrowid
    connection.execute(
        "UPDATE articles SET run = ? WHERE id IN (SELECT value FROM json_each(?))",
        (run.id, json.dumps(article_ids)),
    )


def arrivals(connection: sqlite3.Connection, article_ids: list[str]) -> dict[str, Arrival]:
    """Each article's arrival, by id; articles stored before runs were recorded are left out."""
    rows = connection.execute(
        "SELECT a.id, r.id, r.started FROM articles a JOIN runs r ON r.id = a.run"
        " WHERE a.id IN (SELECT value FROM json_each(?))",
        (json.dumps(article_ids),),
    )
    return {article_id: Arrival(run, started) for article_id, run, started in rows}


def latest_run(connection: sqlite3.Connection) -> Arrival | None:
    """The latest run that stored anything (the store's latest round), or None when none is recorded."""
    row = connection.execute("SELECT id, started FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return Arrival(*row) if row else None
