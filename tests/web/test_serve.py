"""`recoupe serve`, run for real: it shows the stored stories, on this machine only by default."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from recoupe.model import Brief

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
