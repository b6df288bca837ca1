"""Acceptance on the French test set (tests/stories/data/fr-events.jsonl, written for recoupe):
12 events, same-theme traps weeks to years apart, near-copies, a translated copy, wire credits."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import recoupe
from recoupe.model import Brief

DATA = Path(__file__).parent / "data" / "fr-events.jsonl"
GOLD = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def brief() -> Brief:
    return recoupe.brief([str(DATA)])


def _story_of(brief: Brief) -> dict[str, str]:
    return {a: s.id for s in brief.stories for a in s.articles}


def _bcubed_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    gold_sets, pred_sets = defaultdict(set), defaultdict(set)
    for k, v in gold.items():
        gold_sets[v].add(k)
    for k, v in pred.items():
        pred_sets[v].add(k)
    p = sum(len(gold_sets[gold[k]] & pred_sets[pred[k]]) / len(pred_sets[pred[k]]) for k in gold) / len(gold)
    r = sum(len(gold_sets[gold[k]] & pred_sets[pred[k]]) / len(gold_sets[gold[k]]) for k in gold) / len(gold)
    return 2 * p * r / (p + r)


def test_stories_match_the_events(brief: Brief) -> None:
    gold = {row["id"]: row["event"] for row in GOLD}
    assert _bcubed_f1(gold, _story_of(brief)) >= 0.95


def test_same_theme_events_months_apart_are_never_merged(brief: Brief) -> None:
    event = {row["id"]: row["event"] for row in GOLD}
    for story in brief.stories:
        assert len({event[a] for a in story.articles}) == 1, story.title


def test_near_copies_and_the_translation_name_their_original(brief: Brief) -> None:
    copy_of = {a.id: a.copy_of for a in brief.articles}
    flags = {a.id: a.flags for a in brief.articles}
    for row in GOLD:
        assert copy_of[row["id"]] == row["copy_of"], row["id"]
        if row["copy_of"]:
            same_language = "[ad_1]" in row["text"]
            assert ("near-copy" if same_language else "translated-copy") in flags[row["id"]]


def test_independent_sources_count_origins_not_articles(brief: Brief) -> None:
    origin = {row["id"]: row["origin"] for row in GOLD}
    for story in brief.stories:
        assert story.independent_sources == len({origin[a] for a in story.articles}), story.title
    assert any(s.independent_sources < len(s.articles) for s in brief.stories)


def test_undated_article_takes_its_story_date(tmp_path: Path) -> None:
    rows = [row for row in GOLD if row["event"].startswith("E04")]
    undated = {**rows[0], "id": "undated", "published": None, "text": rows[0]["text"] + "\nFin."}
    path = tmp_path / "storm.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*rows, undated]))
    result = recoupe.brief([str(path)])
    article = next(a for a in result.articles if a.id == "undated")
    story = next(s for s in result.stories if "undated" in s.articles)
    assert article.published_basis == "story"
    assert article.published == story.date is not None


def test_story_dates_are_the_first_report_or_an_agreed_date(brief: Brief) -> None:
    published = {row["id"]: row["published"] for row in GOLD}
    for story in brief.stories:
        first = min(published[a] for a in story.articles)
        assert story.date is not None and story.date <= first


def test_story_titles_are_headlines_of_their_articles(brief: Brief) -> None:
    titles = {row["id"]: row["title"] for row in GOLD}
    for story in brief.stories:
        assert story.title in {titles[a] for a in story.articles}


def test_clustering_is_deterministic(brief: Brief) -> None:
    again = recoupe.brief([str(DATA)])
    assert Counter(tuple(s.articles) for s in again.stories) == Counter(
        tuple(s.articles) for s in brief.stories
    )
