"""The pipeline as a whole: ids stay unique and exact duplicates are read once."""

from __future__ import annotations

from pathlib import Path

from recoupe.pipeline import build_brief

TEXT_A = "Le conseil municipal de Dinan a voté mardi la piétonnisation du centre historique pour l'été."
TEXT_B = "The harbour authority in Falmouth said on Monday that the new ferry terminal would open in May."


def test_two_different_files_with_one_name_both_stay_with_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "note.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b" / "note.txt").write_text(TEXT_B, encoding="utf-8")
    run = build_brief([tmp_path])
    assert [a.id for a in run.brief.articles] == ["note", "note~2"]
    assert run.skipped == []


def test_the_same_content_twice_is_read_once_and_the_second_reported(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TEXT_A + "\n", encoding="utf-8")
    run = build_brief([tmp_path])
    assert [a.id for a in run.brief.articles] == ["one"]
    assert [(s.where.endswith("two.txt"), "same content" in s.reason) for s in run.skipped] == [(True, True)]
