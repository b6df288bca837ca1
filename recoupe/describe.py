"""What a story says, from what was found in its members: entities, claims, quotes, timeline,
summary (the reconcile stage, run on one story at a time, in any process)."""

from __future__ import annotations

from recoupe.extract.acronyms import acronyms_of
from recoupe.extract.article import ArticleExtraction, for_article
from recoupe.kept import RunCache
from recoupe.model import Article, Story
from recoupe.reconcile.claims import story_claims
from recoupe.reconcile.entities import merge_entities
from recoupe.reconcile.quotes import story_quotes
from recoupe.reconcile.summary import summarise
from recoupe.reconcile.timeline import build_timeline
from recoupe.settings import Settings

Described = tuple[Story, list[Article], dict[str, ArticleExtraction]]


def describe_stories(stories: list[Described], settings: Settings) -> list[Story]:
    """Each story described (in place, and returned): a task of the run's processes. Only the
    stories go back: the caller holds their members and extractions already, and sending those
    back again doubled what a task's result weighs (the dated real corpus of bench/throughput.py:
    19 MB of tasks, 7 MB of described stories)."""
    for story, members, found in stories:
        describe_story(story, members, found, settings)
    return [story for story, _, _ in stories]


def describe_story(
    story: Story,
    members: list[Article],
    extractions: dict[str, ArticleExtraction],
    settings: Settings,
    cache: RunCache | None = None,
) -> None:
    """Fill what a story says from its members' extractions: entities, quotes, claims, timeline, summary."""
    found = {a.id: for_article(extractions[a.id], a) for a in members}
    story.entities = merge_entities(
        [m for article in members for m in found[article.id].mentions],
        acronyms_of(article.text for article in members),
    )
    story.claims = story_claims(
        members, story.entities, settings.max_claims, {i: e.figures for i, e in found.items()}
    )
    story.quotes = story_quotes(
        members,
        story.entities,
        settings.quote_same_wording,
        settings.quote_same_meaning,
        {i: e.quotes for i, e in found.items()},
        settings=settings,
    )
    dated = [d for article in members for d in found[article.id].dated]
    story.timeline = build_timeline(dated, settings.timeline_max_entries, settings.timeline_merge_similarity)
    story.summary = summarise(
        members,
        settings.summary_sentences,
        settings.summary_redundancy,
        settings.summary_same_sentence,
        cache.summaries if cache else None,
    )
