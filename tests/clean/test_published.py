"""Dates written in metadata lines."""

from __future__ import annotations

import pytest

from recoupe.clean.published import date_in_metadata_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mis à jour : 30 novembre 2021, 12:34", "2021-11-30"),
        ("Publié le 1er févr. 2023 à 08h00", "2023-02-01"),
        ("Published March 12, 2024 6:05 pm", "2024-03-12"),
        ("Updated 2024-03-12T18:05:00Z", "2024-03-12"),
        ("Publié le 05/04/2024", "2024-04-05"),
        ("Posted 03/25/2024", "2024-03-25"),
    ],
)
def test_date_of_a_metadata_line_is_iso(line: str, expected: str) -> None:
    assert date_in_metadata_line(line) == expected


def test_line_without_a_date_gives_none() -> None:
    assert date_in_metadata_line("Publié le:  Modifié:") is None


def test_impossible_date_gives_none() -> None:
    assert date_in_metadata_line("Publié le 31/02/2024") is None
