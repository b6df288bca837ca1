"""The hand-written figure set of bench/figures.py: its shape, its size and its traps."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from recoupe.data import month_numbers

FIGURE_SET = Path(__file__).parents[2] / "bench" / "data" / "figures.jsonl"

# The unit vocabulary documented at the top of bench/figures.py.
UNITS = {"%", "pt", "€", "$", "£", "km", "m", "cm", "mm", "m³", "km/h", "t", "kg", "ha", "°C", "MW"}
UNITS |= {"s", "min", "h", "day", "week", "month", "year"}

# The month names of recoupe's one list, with their English capitals.
MONTHS = "|".join(w for name in month_numbers() for w in (name, name.capitalize()))
# Numbers that are not figures: names and models, dates, years, clock times, ordinals, references.
TRAPS = [
    re.compile(r"\b(Shahed-136|S-300|F-16|A320|737|COVID-19|Windows 11|CAC 40|G7|G20|MH17|Ligue 1)\b"),
    re.compile(r"\b(Apollo 11|Route 66|Interstate 95|M25|l'A7|article 49\.3|Article 5|Section 230)\b"),
    re.compile(r"\b(page|Room|résolution|exits?|case number) \d+", re.IGNORECASE),
    re.compile(rf"\b\d{{1,2}}(er)? ({MONTHS})\b|\b({MONTHS}) \d{{1,2}}\b"),
    re.compile(r"\b(19|20)\d\d\b"),
    re.compile(r"\b\d{1,2} ?(h\d\d|heures du matin|am|pm)\b|\b\d{1,2}:\d\d\b|\bvers \d{1,2} heures\b"),
    re.compile(r"\b\d+(e|er|st|nd|rd|th)\b|\b(premier|première|troisième|first|second|third)\b"),
    re.compile(r"\b0 ?8\d\d[ \d]{6,}"),
    re.compile(r"\b(des (dizaines|centaines|milliers)|hundreds|thousands|dozens|flambant neuf)\b", re.I),
]


def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FIGURE_SET.read_text(encoding="utf-8").splitlines()]


def figure_count(language: str | None = None) -> int:
    return sum(len(r["figures"]) for r in rows() if language in (None, r["language"]))


def test_every_line_is_a_text_with_an_id_a_language_and_a_list_of_figures() -> None:
    for row in rows():
        assert set(row) == {"id", "language", "text", "figures"}, row
        assert row["language"] in ("fr", "en") and row["id"].startswith(row["language"] + "-")
        assert isinstance(row["text"], str) and row["text"].strip()
        assert isinstance(row["figures"], list)


def test_ids_are_unique() -> None:
    ids = [r["id"] for r in rows()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("row", rows(), ids=lambda r: r["id"])
def test_every_figure_has_a_number_a_known_unit_and_words_written_in_its_text(row: dict[str, Any]) -> None:
    for figure in row["figures"]:
        assert set(figure) == {"value", "unit", "thing", "action"}
        assert isinstance(figure["value"], int | float) and not isinstance(figure["value"], bool)
        assert figure["unit"] is None or figure["unit"] in UNITS
        for word in (figure["thing"], figure["action"]):
            assert word is None or (word.strip() and word in row["text"]), word


def test_the_set_holds_at_least_120_figures_and_50_in_each_language() -> None:
    assert figure_count() >= 120
    assert figure_count("fr") >= 50
    assert figure_count("en") >= 50


def test_at_least_25_texts_carry_a_number_that_is_not_a_figure() -> None:
    trapped = [r["id"] for r in rows() if any(trap.search(r["text"]) for trap in TRAPS)]
    assert len(trapped) >= 25, trapped


def test_some_texts_have_only_traps_and_no_figure() -> None:
    empty = [r for r in rows() if not r["figures"]]
    assert len(empty) >= 5
    assert all(any(trap.search(r["text"]) for trap in TRAPS) for r in empty)


def test_french_numbers_use_no_break_and_narrow_no_break_spaces_as_well_as_plain_ones() -> None:
    texts = " ".join(r["text"] for r in rows() if r["language"] == "fr")
    for space in (" ", "\u00a0", "\u202f"):
        assert re.search(rf"\d{space}\d{{3}}\b", texts), repr(space)
