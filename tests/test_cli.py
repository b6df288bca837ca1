"""The `recoupe` command, run for real as a subprocess on small articles written into tmp_path."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recoupe import __version__
from recoupe.cli import app

_VENV_RECOUPE = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "recoupe"
RECOUPE = str(_VENV_RECOUPE) if _VENV_RECOUPE.exists() else shutil.which("recoupe")

ARTICLE_FR = "\n".join(
    [
        "Les vendanges commencent plus tôt que prévu en Bourgogne",
        "",
        "Les vignerons de la Côte de Beaune ont commencé lundi à récolter le pinot noir, "
        "avec près de deux semaines d'avance sur le calendrier habituel.",
        "La chaleur de l'été a accéléré la maturation du raisin, explique le président de "
        "l'interprofession, qui attend un millésime de qualité mais des volumes en baisse.",
        "Les coopératives peinent à recruter assez de saisonniers pour ramasser les grappes à temps.",
        "",
    ]
)

ARTICLE_EN = "\n".join(
    [
        "Ferry service to the islands resumes after storm",
        "",
        "The ferry linking the mainland to the outer islands sailed again on Thursday morning "
        "after four days of cancellations caused by gale-force winds.",
        "Islanders had been running short of fresh food and fuel, the local council said, "
        "and supplies were unloaded first.",
        "The operator warned that further disruption was possible later in the week "
        "as another low-pressure system approaches.",
        "",
    ]
)

JSONL_GOOD = {
    "id": "rail-strike",
    "title": "Rail workers vote to strike over pay",
    "published": "2024-02-05T09:00:00Z",
    "text": (
        "Rail workers across the northern network have voted to strike for two days next month in a "
        "dispute over pay and working hours.\nThe union said the offer on the table fell well short of "
        "inflation, while the operator called the ballot result disappointing."
    ),
}

SKIP_LINE = re.compile(r"^recoupe: skipped (?P<where>.+?): (?P<reason>.+)$")

pytestmark = pytest.mark.skipif(RECOUPE is None, reason="the recoupe command is not installed")


def recoupe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RECOUPE, *map(str, args)], capture_output=True, text=True, timeout=60, check=False)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _skip_lines(stderr: str) -> list[re.Match[str]]:
    return [m for line in stderr.splitlines() if (m := SKIP_LINE.match(line))]


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    _write(folder / "vendanges.txt", ARTICLE_FR)
    _write(folder / "ferry.txt", ARTICLE_EN)
    return folder


def test_json_output_follows_the_brief_schema_with_every_article_in_exactly_one_story(
    two_articles: Path,
) -> None:
    result = recoupe("brief", two_articles, "--format", "json")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["schema"] == "recoupe/brief@1"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", brief["generated_at"])
    ids = [a["id"] for a in brief["articles"]]
    assert sorted(ids) == ["ferry", "vendanges"]
    in_stories = [i for story in brief["stories"] for i in story["articles"]]
    assert sorted(in_stories) == sorted(ids)  # each article in exactly one story
    by_id = {a["id"]: a for a in brief["articles"]}
    assert by_id["vendanges"]["language"] == "fr"
    assert by_id["ferry"]["language"] == "en"
    assert by_id["vendanges"]["title"] == "Les vendanges commencent plus tôt que prévu en Bourgogne"
    body = " ".join(p["text"] for p in by_id["ferry"]["paragraphs"])
    assert "The ferry linking the mainland to the outer islands" in body
    assert "recoupe: 2 articles in 2 stories" in result.stderr


def test_markdown_is_the_default_format_and_contains_the_article_text(two_articles: Path) -> None:
    result = recoupe("brief", two_articles)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# recoupe brief")
    assert "Les vignerons de la Côte de Beaune ont commencé lundi" in result.stdout
    assert "Islanders had been running short of fresh food and fuel" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_output_option_writes_the_file_and_nothing_to_stdout(two_articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = recoupe("brief", two_articles, "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert brief["schema"] == "recoupe/brief@1"
    assert len(brief["articles"]) == 2


def test_bad_inputs_are_each_reported_once_and_the_good_articles_go_through(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    _write(folder / "a_vendanges.txt", ARTICLE_FR)
    binary = folder / "b_photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    empty = _write(folder / "c_empty.txt", "")
    feed = _write(
        folder / "d_feed.jsonl",
        json.dumps(JSONL_GOOD) + "\n" + '{"id": "broken", "text": "no closing quote}\n',
    )
    _write(folder / "README.md", "# notes\nNot an article.\n")

    result = recoupe("brief", folder, "--format", "json")

    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert sorted(a["id"] for a in brief["articles"]) == ["a_vendanges", "rail-strike"]
    rail = next(a for a in brief["articles"] if a["id"] == "rail-strike")
    assert rail["published"] == "2024-02-05"
    skipped = _skip_lines(result.stderr)
    assert sorted(m["where"] for m in skipped) == sorted([str(binary), str(empty), f"{feed}:2"])
    reasons = {m["where"]: m["reason"] for m in skipped}
    assert "binary" in reasons[str(binary)]
    assert "empty" in reasons[str(empty)]
    assert "invalid JSON" in reasons[f"{feed}:2"]
    assert "README" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "2 articles in 2 stories, 3 inputs skipped" in result.stderr


def test_only_bad_inputs_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    (folder).mkdir()
    (folder / "photo.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x00")
    _write(folder / "blank.txt", "  \n\n ")
    result = recoupe("brief", folder, tmp_path / "missing.html")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(_skip_lines(result.stderr)) == 3
    assert "recoupe: no article could be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_prints_recoupe_and_the_version() -> None:
    result = recoupe("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"recoupe {__version__}"
    assert re.fullmatch(r"recoupe \d+\.\d+\.\d+\S*", result.stdout.strip())


def test_help_exits_0_and_lists_the_brief_command() -> None:
    result = recoupe("--help")
    assert result.returncode == 0
    assert "brief" in result.stdout
    assert "--version" in result.stdout


def test_brief_help_exits_0_and_describes_its_options() -> None:
    result = recoupe("brief", "--help")
    assert result.returncode == 0
    for option in ("--format", "--output", "--quiet", "--verbose"):
        assert option in result.stdout
    assert "json" in result.stdout
    assert "markdown" in result.stdout


def test_second_file_with_identical_content_is_skipped_as_same_content(tmp_path: Path) -> None:
    first = _write(tmp_path / "a_ferry.txt", ARTICLE_EN)
    second = _write(tmp_path / "b_ferry_copy.txt", ARTICLE_EN.replace("\n", "\r\n"))
    result = recoupe("brief", first, second, "--format", "json")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["a_ferry"]
    (skipped,) = _skip_lines(result.stderr)
    assert skipped["where"] == str(second)
    assert "same content" in skipped["reason"]
    assert "a_ferry" in skipped["reason"]


def test_quiet_prints_no_summary_line(two_articles: Path) -> None:
    result = recoupe("brief", two_articles, "--quiet")
    assert result.returncode == 0
    assert "Les vignerons de la Côte de Beaune" in result.stdout
    assert "articles in" not in result.stderr
    assert result.stderr == ""


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_internal_error_exits_1_with_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, two_articles: Path
) -> None:
    monkeypatch.setattr("recoupe.pipeline.build_brief", _boom)
    result = CliRunner().invoke(app, ["brief", str(two_articles)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("recoupe: internal error: RuntimeError: boom")
    assert "--verbose" in lines[0]
    assert "Traceback" not in result.output


def test_internal_error_with_verbose_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, two_articles: Path
) -> None:
    monkeypatch.setattr("recoupe.pipeline.build_brief", _boom)
    result = CliRunner().invoke(app, ["brief", str(two_articles), "--verbose"])
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)
    assert "internal error" not in result.stderr
    shown = "".join(traceback.format_exception(*result.exc_info))
    assert shown.startswith("Traceback")
    assert "_boom" in shown
    assert "RuntimeError: boom" in shown


_RUN_WITH_BROKEN_PIPELINE = """
import sys
import recoupe.pipeline

def build_brief(*args, **kwargs):
    raise RuntimeError("boom")

recoupe.pipeline.build_brief = build_brief
from recoupe.cli import app
sys.argv[0] = "recoupe"
app()
"""


@pytest.mark.parametrize("verbose", [False, True], ids=["plain", "verbose"])
def test_internal_error_in_a_real_process_is_one_line_or_a_traceback_with_verbose(
    two_articles: Path, verbose: bool
) -> None:
    args = [sys.executable, "-c", _RUN_WITH_BROKEN_PIPELINE, "brief", str(two_articles)]
    result = subprocess.run(
        args + (["--verbose"] if verbose else []), capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    if verbose:
        assert "Traceback (most recent call last)" in result.stderr
        assert result.stderr.rstrip().splitlines()[-1] == "RuntimeError: boom"
    else:
        assert result.stderr.splitlines() == [
            "recoupe: internal error: RuntimeError: boom (run with --verbose for details)"
        ]


def test_stories_lists_each_story_with_its_articles_and_sources(two_articles: Path) -> None:
    result = recoupe("stories", two_articles, "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert sorted(a for s in listing["stories"] for a in s["articles"]) == ["ferry", "vendanges"]
    assert all(
        set(s) == {"id", "date", "title", "articles", "independent_sources"} for s in listing["stories"]
    )
    table = recoupe("stories", two_articles, "--quiet").stdout
    assert table.startswith("# recoupe stories")
    assert "| s1 |" in table
    assert "Les vendanges commencent plus tôt que prévu en Bourgogne" in table


def test_max_size_skips_a_larger_document_and_the_smaller_one_goes_through(two_articles: Path) -> None:
    result = recoupe("stories", two_articles, "--format", "json", "--max-size", "0.00045")  # 450 bytes
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert [a for s in listing["stories"] for a in s["articles"]] == ["ferry"]
    (line,) = _skip_lines(result.stderr)
    assert line["where"].endswith("vendanges.txt")
    assert line["reason"] == f"file too large ({len(ARTICLE_FR.encode()):,} bytes, limit 450)"


def test_brief_help_describes_the_per_document_limits() -> None:
    result = recoupe("brief", "--help")
    assert "--time-budget" in result.stdout
    assert "--max-size" in result.stdout
