"""The brief as JSON (the recoupe/brief@1 contract) and as Markdown, on the bundled examples."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import recoupe
from recoupe.model import Brief
from recoupe.report import brief_to_dict, render_json, render_markdown

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTICLE_FIELDS = {
    "id",
    "origin",
    "title",
    "source",
    "published",
    "published_basis",
    "language",
    "paragraphs",
    "removed",
    "flags",
    "copy_of",
}
STORY_FIELDS = {
    "id",
    "title",
    "date",
    "articles",
    "independent_sources",
    "summary",
    "entities",
    "quotes",
    "claims",
    "timeline",
}


@pytest.fixture(scope="module")
def examples_brief() -> Brief:
    return recoupe.brief([str(EXAMPLES)])


def test_json_has_exactly_the_contract_fields(examples_brief: Brief) -> None:
    data = json.loads(render_json(examples_brief))
    assert data["schema"] == "recoupe/brief@1"
    assert data["generated_at"].endswith("Z")
    for article in data["articles"]:
        assert set(article) == ARTICLE_FIELDS
    for story in data["stories"]:
        assert set(story) == STORY_FIELDS


def test_every_article_is_in_exactly_one_story(examples_brief: Brief) -> None:
    data = brief_to_dict(examples_brief)
    in_stories = Counter(a for s in data["stories"] for a in s["articles"])
    assert sorted(in_stories) == sorted(a["id"] for a in data["articles"])
    assert set(in_stories.values()) == {1}


def test_examples_show_every_kind_of_noise(examples_brief: Brief) -> None:
    reasons = {r.reason for a in examples_brief.articles for r in a.removed}
    assert reasons >= {
        "scraper-marker",
        "paywall",
        "comments",
        "navigation",
        "credit",
        "metadata",
        "duplicate-line",
    }
    flags = {f for a in examples_brief.articles for f in a.flags}
    assert flags >= {"republished-scrape", "mixed-language", "paywalled"}
    assert {a.language for a in examples_brief.articles} == {"fr", "en"}
    assert any(a.source == "AFP" for a in examples_brief.articles)


def test_markdown_shows_text_sources_and_removals(examples_brief: Brief) -> None:
    text = render_markdown(examples_brief)
    assert text.startswith("# recoupe brief")
    for article in examples_brief.articles:
        assert article.paragraphs[0].text in text
    assert "<details><summary>Removed:" in text
    assert "independent source(s)" in text


def test_every_timeline_sentence_is_verbatim_in_its_first_article(examples_brief: Brief) -> None:
    # The entry quotes its first article; the others tell the same event in their own words.
    by_id = {a.id: a for a in examples_brief.articles}
    assert any(len(entry.articles) > 1 for story in examples_brief.stories for entry in story.timeline)
    for story in examples_brief.stories:
        for entry in story.timeline:
            assert any(entry.text in p.text for p in by_id[entry.articles[0]].paragraphs)


def test_markdown_shows_each_story_timeline(examples_brief: Brief) -> None:
    text = render_markdown(examples_brief)
    story = next(s for s in examples_brief.stories if s.timeline)
    assert "**Timeline**" in text
    assert f"- **{story.timeline[0].date}** {story.timeline[0].text}" in text


def test_every_story_has_a_summary_quoting_its_first_cited_article(examples_brief: Brief) -> None:
    by_id = {a.id: a for a in examples_brief.articles}
    for story in examples_brief.stories:
        assert 1 <= len(story.summary) <= 5
        for sentence in story.summary:
            assert set(sentence.articles) <= set(story.articles)
            assert any(sentence.text in p.text for p in by_id[sentence.articles[0]].paragraphs)


def test_every_quote_and_variant_is_verbatim_in_its_article(examples_brief: Brief) -> None:
    by_id = {a.id: a for a in examples_brief.articles}
    assert any(story.quotes for story in examples_brief.stories)
    for story in examples_brief.stories:
        names = {e.name for e in story.entities}
        for quote in story.quotes:
            assert quote.speaker is None or quote.speaker in names
            assert quote.text == quote.variants[0].text
            for variant in quote.variants:
                assert any(variant.text in p.text for p in by_id[variant.article].paragraphs)


def test_markdown_shows_who_said_what_and_the_entities(examples_brief: Brief) -> None:
    text = render_markdown(examples_brief)
    story = next(s for s in examples_brief.stories if s.quotes and s.entities)
    assert "**Who said what**" in text
    assert f"« {story.quotes[0].text} »" in text
    assert f"**Entities**: {story.entities[0].name} ({story.entities[0].type}" in text


def test_markdown_shows_each_claim_with_its_status_values_and_claimants() -> None:
    from factories import make_article

    from recoupe.model import Claim, ClaimValue, Story

    article = make_article("a", ["Selon l'armée, 1 700 drones ont été lancés."])
    value = ClaimValue(1700, None, ["l'armée"], ["a"], ["Selon l'armée, 1 700 drones ont été lancés."])
    story = Story("s1", "Drones", "2024-03-14", ["a"], 1, claims=[Claim("drones lancés", "single", [value])])
    text = render_markdown(Brief("2026-01-01T00:00:00Z", [article], [story]))
    assert "*single* — drones lancés: **1\u202f700** according to l'armée [a]" in text


def test_every_claim_evidence_is_verbatim_in_its_articles(examples_brief: Brief) -> None:
    by_id = {a.id: a for a in examples_brief.articles}
    values = [v for s in examples_brief.stories for c in s.claims for v in c.values]
    evidence = [(e, v.articles) for v in values for e in v.evidence]
    assert evidence
    for sentence, articles in evidence:
        assert any(sentence in p.text for a in articles for p in by_id[a].paragraphs)
