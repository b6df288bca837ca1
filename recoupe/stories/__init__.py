"""Stories: which articles report the same event, which are copies, how many sources are independent.

The order of the passes:
  1. near-copies over the whole batch (MinHash LSH);
  2. online event clustering of the originals, in publication order; copies join their original;
  3. translated copies inside each story (multilingual sentence embeddings);
  4. origins and independent sources; story date and title; undated articles take the story's date.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from recoupe.model import Article, Story
from recoupe.settings import Settings
from recoupe.stories.cluster import StoryClusterer
from recoupe.stories.copies import CopyLink, find_near_copies, find_translated_copies
from recoupe.stories.features import EventFeatures, event_features
from recoupe.stories.provenance import count_independent_sources

__all__ = ["assign_stories", "publication_order"]

_TITLE_WORDS = 14


def publication_order(article: Article) -> tuple[bool, str, str]:
    """Dated articles by date, undated ones last; ties by id, so runs are deterministic."""
    return (article.published is None, article.published or "", article.id)


def assign_stories(articles: list[Article], settings: Settings) -> tuple[list[Article], list[Story]]:
    """Group articles into stories; return the articles with `copy_of`, flags and dates filled."""
    features = {a.id: event_features(a) for a in articles}
    links = {link.copy: link for link in find_near_copies(articles, settings)}
    clusterer = StoryClusterer(settings)
    clusterer.observe(features[a.id] for a in articles if a.id not in links)
    membership: dict[str, int] = {}
    for article in sorted(articles, key=publication_order):
        if article.id not in links:
            membership[article.id] = clusterer.assign(features[article.id])
    for link in links.values():
        membership[link.copy] = membership[link.original]

    members: dict[int, list[Article]] = {}
    for article in articles:
        members.setdefault(membership[article.id], []).append(article)
    for group in members.values():
        originals = [a for a in group if a.id not in links]
        for link in find_translated_copies(originals, features, settings):
            links[link.copy] = link

    updated = {a.id: _with_copy_link(a, links.get(a.id)) for a in articles}
    stories = [_story(group, updated, features) for group in members.values()]
    stories.sort(key=lambda s: (s.date is None, s.date or "", -len(s.articles), s.articles[0]))
    for number, story in enumerate(stories, start=1):
        story.id = f"s{number}"
        for article_id in story.articles:
            article = updated[article_id]
            if article.published is None and story.date is not None:
                updated[article_id] = replace(article, published=story.date, published_basis="story")
    return [updated[a.id] for a in articles], stories


def _with_copy_link(article: Article, link: CopyLink | None) -> Article:
    if link is None:
        return article
    return replace(article, copy_of=link.original, flags=[*article.flags, link.kind])


def _story(group: list[Article], updated: dict[str, Article], features: dict[str, EventFeatures]) -> Story:
    articles = sorted((updated[a.id] for a in group), key=publication_order)
    return Story(
        id="",
        title=story_title(articles, features),
        date=story_date(articles, features),
        articles=[a.id for a in articles],
        independent_sources=count_independent_sources(articles),
    )


def story_date(articles: list[Article], features: dict[str, EventFeatures]) -> str | None:
    """The main event's date: a full date that several articles state, in the week before the
    first report, else the first report's publication date."""
    published = [features[a.id].published for a in articles if features[a.id].published]
    first = min(published) if published else None
    stated = Counter(d for a in articles for d in features[a.id].dates if len(d) == 10)
    for value, count in stated.most_common():
        if count < 2:
            break
        try:
            day = date.fromisoformat(value)
        except ValueError:
            continue
        if first is None or first - timedelta(days=7) <= day <= first:
            return value
    return first.isoformat() if first else None


def story_title(articles: list[Article], features: dict[str, EventFeatures]) -> str | None:
    """The headline of the article that shares most with the others (the most central one)."""
    originals = [a for a in articles if not a.copy_of] or articles
    vocabulary = Counter(t for a in originals for t in set(features[a.id].terms))

    def centrality(article: Article) -> float:
        terms = set(features[article.id].terms)
        return sum(vocabulary[t] - 1 for t in terms) / (len(terms) or 1)

    titled = [a for a in originals if a.title]
    if titled:
        return max(titled, key=centrality).title
    lead = max(originals, key=centrality)
    if not lead.paragraphs:
        return None
    words = lead.paragraphs[0].text.split()
    return " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
