"""The run's caches: bounded, least recently used dropped first, sized from Settings."""

from __future__ import annotations

from dataclasses import replace

from recoupe.kept import Bounded, RunCache
from recoupe.settings import Settings


def test_the_least_recently_used_value_goes_first_once_over_the_limit() -> None:
    kept: Bounded[str, int] = Bounded(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # "a" is now the most recent
    kept.put("c", 3)
    assert "b" not in kept
    assert (kept.get("a"), kept.get("c")) == (1, 3)


def test_values_are_weighed_and_the_newest_stays_even_alone_over_the_limit() -> None:
    kept: Bounded[str, str] = Bounded(5, weigh=len)
    kept.put("short", "abc")
    kept.put("long", "abcdefgh")
    assert len(kept) == 1 and kept.weight == 8
    assert kept.get("long") == "abcdefgh"


def test_a_value_taken_is_no_longer_kept() -> None:
    kept: Bounded[str, int] = Bounded(3)
    kept.put("a", 1)
    assert kept.take("a") == 1
    assert kept.take("a") is None and kept.weight == 0


def test_each_run_gets_its_own_caches_sized_from_its_settings() -> None:
    settings = replace(Settings(), kept_articles=10, kept_embeddings=20, kept_summary_sentences=30)
    first, second = RunCache.for_settings(settings), RunCache.for_settings(settings)
    first.features.put("x", 1)
    assert "x" not in second.features
    assert (first.features.limit, first.embeddings.limit, first.summaries.limit) == (10, 20, 30)
