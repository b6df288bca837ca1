"""`recoupe ingest` and `recoupe brief --db`, run in-process (the models stay loaded)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pytest import MonkeyPatch
from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, write_feed
from typer.testing import CliRunner, Result

from recoupe import pipeline
from recoupe.cli import app
from recoupe.store import Store

SKIP_LINE = re.compile(r"^recoupe: skipped (?P<where>.+?): (?P<reason>.+)$")


def recoupe(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def skip_lines(stderr: str) -> dict[str, str]:
    return {m["where"]: m["reason"] for line in stderr.splitlines() if (m := SKIP_LINE.match(line))}


def test_bad_input_beside_good_ones_is_one_line_and_the_good_ones_are_stored_once(tmp_path: Path) -> None:
    folder = write_feed(tmp_path / "in", BRIDGE_CLOSED, HONEY)
    binary = folder / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    broken = folder / "zz-broken.jsonl"
    broken.write_text(json.dumps(BRIDGE_NEXT_DAY) + '\n{"id": "cut", "text": "no end\n', encoding="utf-8")
    db = tmp_path / "stories.db"

    first = recoupe("ingest", folder, "--db", db)

    assert first.exit_code == 0, first.output
    assert skip_lines(first.stderr).keys() == {str(binary), f"{broken}:2"}
    assert "binary" in skip_lines(first.stderr)[str(binary)]
    assert "3 articles added, 0 already stored, 2 inputs skipped; 2 new stories, 0 updated" in first.stderr
    assert "Traceback" not in first.output

    again = recoupe("ingest", folder, "--db", db)
    assert again.exit_code == 0, again.output
    assert "0 articles added, 3 already stored, 2 inputs skipped; 0 new stories, 0 updated" in again.stderr
    with Store(db, readonly=True) as store:
        assert sorted(a.id for a in store.brief().articles) == ["bridge-closed", "bridge-next-day", "honey"]


def test_ingest_of_nothing_readable_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = recoupe("ingest", empty, "--db", tmp_path / "stories.db")
    assert result.exit_code == 2
    assert "recoupe: no article could be read" in result.stderr


def test_force_reports_the_articles_reprocessed(tmp_path: Path) -> None:
    folder = write_feed(tmp_path / "in", HONEY)
    db = tmp_path / "stories.db"
    assert recoupe("ingest", folder, "--db", db, "--quiet").exit_code == 0
    forced = recoupe("ingest", folder, "--db", db, "--force")
    assert forced.exit_code == 0, forced.output
    assert "0 articles added, 0 already stored, 1 reprocessed; 0 new stories, 1 updated" in forced.stderr


def test_batch_size_sets_the_articles_stored_per_transaction(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    folder = write_feed(tmp_path / "in", BRIDGE_CLOSED, HONEY, BRIDGE_NEXT_DAY)
    store_prepared = pipeline._store_prepared
    batches: list[int] = []

    def counted(connection: object, batch: list[object], *args: object) -> set[str]:
        batches.append(len(batch))
        return store_prepared(connection, batch, *args)

    monkeypatch.setattr(pipeline, "_store_prepared", counted)
    result = recoupe("ingest", folder, "--db", tmp_path / "stories.db", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert batches == [2, 1]
    assert "3 articles added" in result.stderr
    assert recoupe("ingest", folder, "--db", tmp_path / "other.db", "--batch-size", "0").exit_code == 2


def test_brief_from_the_store_renders_all_stories_or_the_ones_asked_for(tmp_path: Path) -> None:
    db = tmp_path / "stories.db"
    assert (
        recoupe("ingest", write_feed(tmp_path / "in", BRIDGE_CLOSED, HONEY), "--db", db, "-q").exit_code == 0
    )

    whole = recoupe("brief", "--db", db, "--format", "json")
    assert whole.exit_code == 0, whole.output
    assert [s["id"] for s in json.loads(whole.stdout)["stories"]] == ["s1", "s2"]

    out = tmp_path / "s2.json"
    one = recoupe("brief", "--db", db, "--story", "s2", "--format", "json", "-o", out)
    assert one.exit_code == 0, one.output
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert [s["id"] for s in brief["stories"]] == ["s2"]
    assert [a["id"] for a in brief["articles"]] == brief["stories"][0]["articles"]

    markdown = recoupe("brief", "--db", db)
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# recoupe brief")
    assert "Morvillard" in markdown.stdout


def test_brief_needs_paths_or_a_store_and_names_what_is_missing(tmp_path: Path) -> None:
    neither = recoupe("brief")
    assert neither.exit_code == 2
    assert "give article PATHS, or --db FILE" in neither.stderr

    missing = recoupe("brief", "--db", tmp_path / "missing.db")
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"recoupe: no store at {tmp_path / 'missing.db'}"

    db = tmp_path / "stories.db"
    assert recoupe("ingest", write_feed(tmp_path / "in", HONEY), "--db", db, "-q").exit_code == 0
    unknown = recoupe("brief", "--db", db, "--story", "s7")
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == f"recoupe: no story s7 in {db}"


def test_ingest_into_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("some notes, not a database\n" * 50)
    result = recoupe("ingest", write_feed(tmp_path / "in", HONEY), "--db", notes)
    assert result.exit_code == 2
    assert result.stderr.startswith("recoupe: cannot use the store:")
    assert notes.read_text() == "some notes, not a database\n" * 50
