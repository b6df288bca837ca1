"""The pipeline, in one place: ingest → clean → stories → extract → reconcile → report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from recoupe.clean import clean_article
from recoupe.clean.language import load_language_models
from recoupe.extract.entities import Mention, mentions_for
from recoupe.extract.events import dated_sentences
from recoupe.ingest import read_articles
from recoupe.ingest.limits import DocumentTimeout, oversized_article, time_budget
from recoupe.model import Article, Brief, RawArticle, Skipped, Story
from recoupe.reconcile.claims import story_claims
from recoupe.reconcile.entities import merge_entities
from recoupe.reconcile.quotes import story_quotes
from recoupe.reconcile.summary import summarise
from recoupe.reconcile.timeline import build_timeline
from recoupe.settings import Settings
from recoupe.stories import assign_stories


@dataclass
class Run:
    """What a run produced: the brief and the inputs it had to skip."""

    brief: Brief
    skipped: list[Skipped] = field(default_factory=list)


def clean_all(
    paths: Iterable[str | Path],
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every article; exact duplicates (same content) are read once.

    The result does not depend on the order of `paths` (inputs are read in sorted order). Each
    article is cleaned under the time budget; one too long for the later stages is skipped.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    by_hash: dict[str, str] = {}
    ids: set[str] = set()

    def skip(item: Skipped) -> None:
        skipped.append(item)
        if on_skip:
            on_skip(item)

    load_language_models(settings.fallback_languages)  # outside any article's time budget
    for item in read_articles(paths, settings):
        if isinstance(item, Skipped):
            skip(item)
            continue
        if item.content_hash in by_hash:
            skip(Skipped(item.origin, f"same content as article '{by_hash[item.content_hash]}'"))
            continue
        article = clean_one(unique_id(item, ids), settings)
        if isinstance(article, Skipped):
            skip(article)
            continue
        by_hash[item.content_hash] = article.id
        ids.add(article.id)
        articles.append(article)
        if on_article:
            on_article(article)
    return articles, skipped


def clean_one(raw: RawArticle, settings: Settings) -> Article | Skipped:
    """Clean one article under the time budget; too long, too slow or only chrome, it is skipped."""
    if reason := oversized_article(raw, settings):
        return Skipped(raw.origin, reason)
    try:
        with time_budget(settings.document_time_budget_s):
            article = clean_article(raw, settings)
    except DocumentTimeout as exc:
        return Skipped(raw.origin, str(exc))
    if not article.paragraphs:
        return Skipped(raw.origin, "no article text left after cleaning (only chrome)")
    return article


def unique_id(raw: RawArticle, taken: set[str]) -> RawArticle:
    """Two different inputs with one name (a/x.txt, b/x.txt) both stay, the second as 'x~2'."""
    if raw.id not in taken:
        return raw
    n = 2
    while f"{raw.id}~{n}" in taken:
        n += 1
    return replace(raw, id=f"{raw.id}~{n}")


def build_brief(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Run:
    settings = settings or Settings()
    articles, skipped = clean_all(paths, settings, on_skip, on_article)
    articles, stories = assign_stories(articles, settings)
    by_id = {a.id: a for a in articles}
    mentions = mentions_for(articles)
    for story in stories:
        describe_story(story, [by_id[article_id] for article_id in story.articles], mentions, settings)
    generated_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return Run(Brief(generated_at=generated_at, articles=articles, stories=stories), skipped)


def describe_story(
    story: Story, members: list[Article], mentions: dict[str, list[Mention]], settings: Settings
) -> None:
    """Fill what a story says from its member articles: entities, quotes, claims, timeline, summary."""
    story.entities = merge_entities([m for article in members for m in mentions[article.id]])
    story.claims = story_claims(members, story.entities, settings.max_claims)
    story.quotes = story_quotes(
        members, story.entities, settings.quote_same_wording, settings.quote_same_meaning
    )
    dated = [d for article in members for d in dated_sentences(article)]
    story.timeline = build_timeline(dated, settings.timeline_max_entries, settings.timeline_merge_similarity)
    story.summary = summarise(
        members, settings.summary_sentences, settings.summary_redundancy, settings.summary_same_sentence
    )
