"""`recoupe serve`, run for real: it shows the stored stories, on this machine only by default."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from recoupe.model import Brief
from recoupe.store.schema import MIGRATIONS

_VENV_RECOUPE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "recoupe"
RECOUPE = str(_VENV_RECOUPE) if _VENV_RECOUPE.exists() else shutil.which("recoupe")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """Local IPv4 addresses listening on `port`, from the kernel's socket table (hex, as Linux writes it)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if int(local_port, 16) == port and state == "0A":  # 0A: LISTEN
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except (URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(RECOUPE is None, reason="the recoupe command is not installed")
def test_serve_shows_the_stored_stories_on_localhost_only(story_db: Path, stored_brief: Brief) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(RECOUPE), "serve", "--db", str(story_db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        for story in stored_brief.stories:
            assert f'href="/stories/{story.id}"' in page
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"127.0.0.1"}
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr


@pytest.mark.skipif(RECOUPE is None, reason="the recoupe command is not installed")
def test_serve_without_a_database_says_so_and_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = subprocess.run(
        [str(RECOUPE), "serve", "--db", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"recoupe: no database at {missing} (build one with `recoupe ingest PATH... --db {missing}`)"
    ]
    assert not missing.exists()


@pytest.mark.skipif(RECOUPE is None, reason="the recoupe command is not installed")
def test_serve_migrates_an_older_store_in_place_and_shows_it(
    story_db: Path, stored_brief: Brief, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    with closing(sqlite3.connect(story_db)) as source, closing(sqlite3.connect(old)) as copy:
        source.backup(copy)
        copy.executescript(  # as recoupe left a store before it recorded runs (schema 3)
            "DROP TABLE article_story; DROP INDEX story_articles_member; DROP INDEX articles_facets;"
            " DROP INDEX stories_by_update; DROP INDEX articles_run; DROP TABLE runs;"
            " ALTER TABLE stories DROP COLUMN updated_run; ALTER TABLE articles DROP COLUMN run;"
            " PRAGMA user_version = 3;"
        )
    port = free_port()
    server = subprocess.Popen(
        [str(RECOUPE), "serve", "--db", str(old), "--port", str(port)], stderr=subprocess.PIPE
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        story = fetch(f"http://127.0.0.1:{port}/stories/{stored_brief.stories[0].id}", time.monotonic() + 5)
    finally:
        server.terminate()
        server.communicate(timeout=10)
    assert all(f'href="/stories/{s.id}"' in page for s in stored_brief.stories)
    assert 'id="latest-round"' not in page and ">unknown</td>" in story  # arrivals from before: unknown
    with closing(sqlite3.connect(old)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == len(stored_brief.articles)


@pytest.mark.skipif(RECOUPE is None, reason="the recoupe command is not installed")
def test_serve_on_a_file_that_is_no_store_says_so_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE t (x)")
    result = subprocess.run(
        [str(RECOUPE), "serve", "--db", str(other)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"recoupe: cannot use the store: {other} is an SQLite database but not a recoupe store"
    ]
