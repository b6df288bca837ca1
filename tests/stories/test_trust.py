"""Story identity does not depend on what else is in the pile: unrelated articles added beside the
two real samples (a 2022 call between two leaders, a 2025 call between the same two) never put
them together. Reads ../shared/samples, examples/ and ../shared/data/clustering/rpm2-dev.jsonl;
skipped where they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

import recoupe

PILES = {
    "samples": (),
    "samples + examples": ("examples",),
    "samples + rpm2-dev": ("rpm2-dev",),
    "samples + examples + rpm2-dev": ("examples", "rpm2-dev"),
}


def _paths(shared: Path, extra: tuple[str, ...]) -> list[str]:
    rpm2 = shared / "data" / "clustering" / "rpm2-dev.jsonl"
    paths = [str(shared / "samples")]
    if "examples" in extra:
        paths.append(str(EXAMPLES))
    if "rpm2-dev" in extra:
        if not rpm2.is_file():
            pytest.skip("../shared/data/clustering/rpm2-dev.jsonl is absent")
        paths.append(str(rpm2))
    return paths


@pytest.mark.parametrize("pile", list(PILES))
def test_the_two_calls_stay_apart_whatever_else_is_read(shared: Path, pile: str) -> None:
    brief = recoupe.brief(_paths(shared, PILES[pile]))
    story_of = {a: s.id for s in brief.stories for a in s.articles}
    call_2022 = next(a for a in story_of if a.startswith("000_"))
    call_2025 = next(a for a in story_of if a.startswith("002_"))
    assert story_of[call_2022] != story_of[call_2025]
