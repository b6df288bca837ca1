"""Finding inputs: folders recursively and in order, hidden and unsupported files left out, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.ingest import article_id_for, discover_inputs, read_articles
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings


def _touch(path: Path, text: str = "Some article text for the test.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/deeper/d.warc.gz", "a2.txt.gz", "z.htm"]:
        _touch(tmp_path / name)
    found = list(discover_inputs([tmp_path]))
    assert found == sorted(found)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.html",
        "a2.txt.gz",
        "b.txt",
        "sub/c.jsonl",
        "sub/deeper/d.warc.gz",
        "z.htm",
    ]


def test_hidden_files_and_hidden_folders_are_ignored(tmp_path: Path) -> None:
    _touch(tmp_path / "visible.txt")
    _touch(tmp_path / ".hidden.txt")
    _touch(tmp_path / ".cache" / "inside.txt")
    _touch(tmp_path / "sub" / ".git" / "objects.txt")
    found = list(discover_inputs([tmp_path]))
    assert found == [tmp_path / "visible.txt"]


def test_a_folder_that_is_itself_under_a_hidden_folder_is_still_read(tmp_path: Path) -> None:
    folder = tmp_path / ".work" / "articles"
    _touch(folder / "a.txt")
    assert list(discover_inputs([folder])) == [folder / "a.txt"]


def test_unsupported_files_inside_folders_are_ignored_silently(tmp_path: Path) -> None:
    _touch(tmp_path / "article.txt")
    _touch(tmp_path / "README.md")
    _touch(tmp_path / "notes.docx")
    _touch(tmp_path / "data.csv.gz")
    _touch(tmp_path / "Makefile")
    found = list(discover_inputs([tmp_path]))
    assert found == [tmp_path / "article.txt"]


def test_uppercase_extensions_are_recognised(tmp_path: Path) -> None:
    _touch(tmp_path / "SHOUT.TXT")
    _touch(tmp_path / "PAGE.HTML")
    assert {p.name for p in discover_inputs([tmp_path])} == {"SHOUT.TXT", "PAGE.HTML"}


def test_explicitly_named_unsupported_file_is_reported_as_skipped(tmp_path: Path) -> None:
    readme = _touch(tmp_path / "README.md")
    assert list(discover_inputs([readme])) == [Skipped(str(readme), "unsupported file type '.md'")]


def test_explicitly_named_file_without_extension_is_reported_as_skipped(tmp_path: Path) -> None:
    plain = _touch(tmp_path / "Makefile")
    (item,) = discover_inputs([plain])
    assert isinstance(item, Skipped)
    assert item.where == str(plain)
    assert "unsupported file type" in item.reason


def test_missing_path_is_reported_as_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "article.txt"
    assert list(discover_inputs([missing])) == [Skipped(str(missing), "no such file or directory")]


def test_named_paths_keep_the_order_they_were_given_in(tmp_path: Path) -> None:
    b = _touch(tmp_path / "b.txt")
    a = _touch(tmp_path / "a.txt")
    missing = tmp_path / "gone.txt"
    found = list(discover_inputs([str(b), missing, a]))
    assert found == [b, Skipped(str(missing), "no such file or directory"), a]


def test_read_articles_goes_on_after_a_missing_path(tmp_path: Path) -> None:
    good = _touch(
        tmp_path / "good.txt",
        "The ferry to the islands was cancelled again on Friday because of the strong winds.\n",
    )
    items = list(read_articles([tmp_path / "missing.txt", good], Settings()))
    assert isinstance(items[0], Skipped)
    assert isinstance(items[1], RawArticle)
    assert items[1].id == "good"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_x.txt", "000_x"),
        ("000_x.html.gz", "000_x"),
        ("article.TXT.GZ", "article"),
        ("feed.jsonl", "feed"),
        ("crawl.warc.gz", "crawl"),
        ("le.monde.2023.txt", "le.monde.2023"),
    ],
)
def test_article_id_is_the_file_name_without_its_extensions(name: str, expected: str) -> None:
    assert article_id_for(Path("some/folder") / name) == expected
