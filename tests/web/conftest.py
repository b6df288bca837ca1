"""One story database for the web tests: the bundled examples plus an article whose every field is hostile."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hostile import EVIL, HOSTILE_RECORD
from typer.testing import CliRunner

from recoupe.cli import app as cli
from recoupe.model import Brief
from recoupe.store import Store
from recoupe.web import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "stories.db"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), str(hostile), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def stored_brief(story_db: Path) -> Brief:
    with Store(story_db, readonly=True) as store:
        return store.brief()


@pytest.fixture(scope="session")
def hostile_story(stored_brief: Brief) -> str:
    return next(s.id for s in stored_brief.stories if EVIL in s.articles)


@pytest.fixture
def client(story_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(story_db)) as test_client:
        yield test_client
