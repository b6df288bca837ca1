"""Acceptance on the two real scraped articles in ../shared/samples (skipped where absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import recoupe
from recoupe.model import Article, Brief, Story

CHROME_REASONS = {"scraper-marker", "navigation", "metadata"}


@pytest.fixture(scope="module")
def samples_brief() -> Brief:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if not (shared / "samples").is_dir():
        pytest.skip("../shared is absent")
    return recoupe.brief([str(shared / "samples")])


def _article(brief: Brief, prefix: str) -> Article:
    return next(a for a in brief.articles if a.id.startswith(prefix))


def _input_lines(article: Article) -> list[str]:
    return [line.strip() for line in Path(article.origin).read_text().split("\n") if line.strip()]


def test_article_000_keeps_every_sentence_and_loses_every_chrome_line(samples_brief: Brief) -> None:
    article = _article(samples_brief, "000_")
    body = [p.text for p in article.paragraphs]
    removed = [r.text for r in article.removed]
    # Each input line is either a body paragraph, or removed as chrome; nothing is lost.
    for line in _input_lines(article):
        assert line in body or line in removed
    # Every line that reads like a sentence (ends with sentence punctuation) stays.
    sentences = [line for line in _input_lines(article) if line.endswith((".", "»", "?", "!"))]
    assert len(sentences) > 30
    assert all(s in body for s in sentences)
    assert {r.reason for r in article.removed} == CHROME_REASONS
    assert len(article.removed) == 5
    assert article.published == "2022-12-30"
    assert article.published_basis == "metadata"
    assert "republished-scrape" in article.flags


def test_article_002_marks_english_paragraphs_and_drops_paywall_and_comments(samples_brief: Brief) -> None:
    article = _article(samples_brief, "002_")
    assert article.language == "fr"
    assert "mixed-language" in article.flags
    english = [p for p in article.paragraphs if p.language == "en"]
    french = [p for p in article.paragraphs if p.language == "fr"]
    assert len(english) >= 5
    assert len(french) >= 10
    assert all(p.language in {"fr", "en"} for p in article.paragraphs)
    reasons = [r.reason for r in article.removed]
    assert reasons.count("paywall") >= 2
    assert reasons.count("comments") >= 3
    assert article.title is not None
    # The comment form and the paywall prompt are gone from the body.
    body = " ".join(p.text for p in article.paragraphs)
    assert "commentaire" not in body.lower()
    assert "abonnement" not in body.lower()


def test_samples_brief_passes_the_contract_checker() -> None:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    if not (shared / "tools" / "check_brief.py").exists():
        pytest.skip("../shared is absent")
    recoupe_bin = Path(sys.executable).parent / "recoupe"
    out = subprocess.run(
        [str(recoupe_bin), "brief", str(shared / "samples"), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    check = subprocess.run(
        [sys.executable, str(shared / "tools" / "check_brief.py")], input=out, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    assert json.loads(out)["schema"] == "recoupe/brief@1"


def test_the_two_calls_two_years_apart_are_different_stories(samples_brief: Brief) -> None:
    story_of = {a: s.id for s in samples_brief.stories for a in s.articles}
    first, second = (_article(samples_brief, p).id for p in ("000_", "002_"))
    assert story_of[first] != story_of[second]


def test_timeline_of_the_first_call_holds_the_night_strike_and_the_call(samples_brief: Brief) -> None:
    first = _article(samples_brief, "000_").id
    story = next(s for s in samples_brief.stories if first in s.articles)
    days = {entry.date for entry in story.timeline}
    assert {"2022-12-29", "2022-12-30"} <= days
    paragraphs = " ".join(p.text for p in _article(samples_brief, "000_").paragraphs)
    assert all(entry.text in paragraphs for entry in story.timeline)


def test_putin_speaks_the_quotes_of_the_russian_leader_in_the_first_call(samples_brief: Brief) -> None:
    first = _article(samples_brief, "000_").id
    story = next(s for s in samples_brief.stories if first in s.articles)
    speaker = {q.text: q.speaker for q in story.quotes}
    assert speaker["meilleures de l’histoire"] == "Vladimir Putin"
    assert speaker["démontrerait au monde la proximité des relations russo-chinoises"] == "Vladimir Putin"
    assert speaker["La Biélorussie prend ce problème très au sérieux"] == "Anatoly Glaz"


def test_putin_and_poutine_are_one_entity_and_zelensky_speaks_in_the_second(samples_brief: Brief) -> None:
    second = _article(samples_brief, "002_").id
    story = next(s for s in samples_brief.stories if second in s.articles)
    putin = [e for e in story.entities if e.name == "Vladimir Putin"]
    assert len(putin) == 1
    assert {"Putin", "Poutine"} <= set(putin[0].variants)
    zelensky = next(
        q for q in story.quotes if q.text.startswith("Tous les pays européens doivent être prêts")
    )
    assert zelensky.speaker == "Volodymyr Zelensky"


def _story_of(brief: Brief, article_id: str) -> Story:
    return next(s for s in brief.stories if article_id in s.articles)


def test_article_000_yields_its_figures_and_not_the_model_numbers(samples_brief: Brief) -> None:
    article = _article(samples_brief, "000_")
    story = _story_of(samples_brief, article.id)
    values = {v.value for c in story.claims for v in c.values if article.id in v.articles}
    assert {69, 54, 120, 16, 7, 13_800_000_000, 1700} <= values
    assert not values & {136, 300}  # Shahed-136, S-300


def test_missiles_fired_is_one_disputed_claim_holding_69_and_120(samples_brief: Brief) -> None:
    story = _story_of(samples_brief, _article(samples_brief, "000_").id)
    fired = [c for c in story.claims if {v.value for v in c.values} >= {69, 120}]
    assert len(fired) == 1
    assert fired[0].status == "disputed"
    assert "missiles" in fired[0].subject
    assert 54 not in {v.value for v in fired[0].values}


def test_every_evidence_and_summary_sentence_is_verbatim_in_its_articles(samples_brief: Brief) -> None:
    by_id = {a.id: a for a in samples_brief.articles}
    for story in samples_brief.stories:
        for claim in story.claims:
            for value in claim.values:
                for evidence in value.evidence:
                    assert any(evidence in p.text for a in value.articles for p in by_id[a].paragraphs)
        for sentence in story.summary:
            assert any(sentence.text in p.text for a in sentence.articles for p in by_id[a].paragraphs)
