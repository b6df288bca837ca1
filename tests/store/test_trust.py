"""Story identity in the store does not depend on what else is ingested: unrelated articles added
beside the two real samples (a 2022 call between two leaders, a 2025 call between the same two)
never put them in one story, whether they come in the same `ingest` call or in a later one.
Reads ../shared/samples, examples/ and ../shared/data/clustering/rpm2-dev.jsonl; skipped where
they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from recoupe.store import Store
from recoupe.store.ingest import ingest_paths

PILES = {
    "samples + examples": ("examples",),
    "samples + rpm2-dev": ("rpm2-dev",),
    "samples + examples + rpm2-dev": ("examples", "rpm2-dev"),
}


def _others(shared: Path, names: tuple[str, ...]) -> list[Path]:
    rpm2 = shared / "data" / "clustering" / "rpm2-dev.jsonl"
    if "rpm2-dev" in names and not rpm2.is_file():
        pytest.skip("../shared/data/clustering/rpm2-dev.jsonl is absent")
    return [{"examples": EXAMPLES, "rpm2-dev": rpm2}[name] for name in names]


def _apart(db: Path) -> None:
    with Store(db, readonly=True) as store:
        brief = store.brief()
    story_of = {a: s.id for s in brief.stories for a in s.articles}
    call_2022 = next(a for a in story_of if a.startswith("000_"))
    call_2025 = next(a for a in story_of if a.startswith("002_"))
    assert story_of[call_2022] != story_of[call_2025]


@pytest.mark.parametrize("pile", list(PILES))
def test_the_two_calls_stay_apart_in_the_store_whatever_else_one_ingest_reads(
    shared: Path, pile: str, tmp_path: Path
) -> None:
    db = tmp_path / "stories.db"
    ingest_paths([shared / "samples", *_others(shared, PILES[pile])], db, workers=1)
    _apart(db)


def test_the_two_calls_stay_apart_when_the_others_come_in_a_later_ingest(
    shared: Path, tmp_path: Path
) -> None:
    db = tmp_path / "stories.db"
    ingest_paths([shared / "samples"], db, workers=1)
    ingest_paths(_others(shared, ("examples", "rpm2-dev")), db, workers=1)
    _apart(db)
