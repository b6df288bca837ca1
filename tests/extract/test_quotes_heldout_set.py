"""The held-out French quote sets of bench/quotes.py: their shape, size and traps, not recoupe's score."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parents[2] / "bench" / "data"
HELDOUT_SET = DATA / "fr-quotes-heldout.jsonl"
SECOND_SET = DATA / "fr-quotes-heldout2.jsonl"

CUES = {"name", "role", "pronoun", "organisation", "context", "none"}
MARKS = {"«": "»", "“": "”", "‹": "›", '"': '"'}
SPACES = " \u00a0\u202f"


def rows(path: Path = HELDOUT_SET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


EVERY_ROW = rows() + rows(SECOND_SET)


def quotes() -> list[dict[str, Any]]:
    return [quote for row in rows() for quote in row["quotes"]]


def folded(text: str) -> str:
    return text.casefold().replace("’", "'")


def marked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside every pair of quote marks (spaces by the marks left out)."""
    spans = []
    for opening, closing in MARKS.items():
        inside = f"[^{re.escape(opening + closing)}]*?"
        pattern = f"{re.escape(opening)}[{SPACES}]*({inside})[{SPACES}]*{re.escape(closing)}"
        spans += [match.span(1) for match in re.finditer(pattern, text)]
    return spans


@pytest.mark.parametrize("row", EVERY_ROW, ids=lambda r: r["text"][:40])
def test_every_line_is_a_text_with_its_quotes_speakers_and_cues(row: dict[str, Any]) -> None:
    assert set(row) == {"text", "quotes"}
    assert isinstance(row["text"], str) and row["text"].strip()
    for quote in row["quotes"]:
        assert set(quote) == {"text", "speaker", "cue"}
        assert quote["cue"] in CUES
        assert (quote["speaker"] is None) == (quote["cue"] == "none"), quote


@pytest.mark.parametrize("row", EVERY_ROW, ids=lambda r: r["text"][:40])
def test_every_quote_is_once_in_its_text_between_a_pair_of_quote_marks(row: dict[str, Any]) -> None:
    text: str = row["text"]
    for quote in row["quotes"]:
        words: str = quote["text"]
        assert words and words == words.strip(SPACES), words
        assert text.count(words) == 1, words  # the scorer finds the gold span with text.index
        start = text.index(words)
        before, after = text[:start].rstrip(SPACES), text[start + len(words) :].lstrip(SPACES)
        assert before and before[-1] in MARKS, words
        # The second set keeps only the part before an incise ("« Cette décision, a commenté X, est … »").
        assert after.startswith((MARKS[before[-1]], ",")), words


@pytest.mark.parametrize("row", EVERY_ROW, ids=lambda r: r["text"][:40])
def test_every_speaker_is_named_as_written_in_its_text(row: dict[str, Any]) -> None:
    for quote in row["quotes"]:
        if quote["speaker"] is not None:
            assert folded(quote["speaker"]) in folded(row["text"]), quote["speaker"]


@pytest.mark.parametrize("path", [HELDOUT_SET, SECOND_SET], ids=lambda p: p.name)
def test_each_set_holds_60_texts_and_90_quotes_with_every_kind_of_speaker(path: Path) -> None:
    assert len(rows(path)) >= 60
    every = [quote for row in rows(path) for quote in row["quotes"]]
    assert len(every) >= 90
    cues = Counter(quote["cue"] for quote in every)
    assert cues["role"] >= 15 and cues["pronoun"] >= 15, cues
    assert cues["organisation"] >= 8 and cues["none"] >= 5, cues
    assert sum(quote["speaker"] is None for quote in every) >= 5


def test_quotes_come_in_every_kind_of_mark_nested_and_over_several_sentences() -> None:
    for opening in MARKS:
        assert any(opening in row["text"] and row["quotes"] for row in rows()), opening
    assert sum(bool(re.search("[‹“].*[›”]", quote["text"])) for quote in quotes()) >= 2
    assert sum(bool(re.search(r"[.!?] [A-ZÀ-Ý]", quote["text"])) for quote in quotes()) >= 5
    texts = " ".join(row["text"] for row in rows())
    assert "\u00a0»" in texts and "\u202f»" in texts and " »" in texts


def test_titles_names_and_scare_quotes_between_marks_are_left_out_in_some_texts() -> None:
    unlisted = []
    for row in rows():
        starts = [(row["text"].index(q["text"]), len(q["text"])) for q in row["quotes"]]
        listed = [(start, start + length) for start, length in starts]
        for start, end in marked_spans(row["text"]):
            if not any(s <= start and end <= e for s, e in listed):
                unlisted.append(row["text"][start:end])
    assert len(unlisted) >= 5, unlisted
