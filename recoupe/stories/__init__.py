"""Stories: which articles report the same event, which are copies, how many sources are independent.

Two regimes, one function (`assign_stories`):
  - batch: the articles of one call (a brief, an ingest call) are clustered as a whole
    (`cluster`: blocking by rare words and names, a learned pair scorer, average link inside
    connected components, then refinement that moves and merges);
  - stream: with `existing` (the store's stories still open to the batch), their members join
    the pile in their fixed stories; groups of the batch join them when the mean pair probability
    reaches the threshold, within the story window. Stored articles never move and two stored
    stories never merge: what a reader saw yesterday stays where it was.

The order of the passes:
  1. near-copies over the whole batch (MinHash LSH); copies join their original;
  2. clustering of the originals (`cluster`, `pairs`);
  3. translated copies inside each story (multilingual sentence embeddings);
  4. origins and independent sources; story date and title; undated articles take the story's date.
New stories are numbered after the stored ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from recoupe.kept import RunCache
from recoupe.model import Article, Story
from recoupe.settings import Settings
from recoupe.stories.cluster import cluster_pile
from recoupe.stories.copies import CopyLink, find_near_copies, find_translated_copies
from recoupe.stories.features import EventFeatures, kept_event_features
from recoupe.stories.pairs import build_pile
from recoupe.stories.provenance import count_independent_sources

__all__ = ["StoredStories", "assign_stories", "publication_order"]

_TITLE_WORDS = 14


def publication_order(article: Article) -> tuple[bool, str, str]:
    """Dated articles by date, undated ones last; ties by id, so runs are deterministic."""
    return (article.published is None, article.published or "", article.id)


@dataclass(frozen=True)
class StoredStories:
    """Stories already kept (by the store) that a batch of new articles may join."""

    articles: list[Article]  # every member of these stories, as stored
    story_of: dict[str, str]  # article id → story id
    next_number: int = 1  # new stories are numbered from here: s<next_number>, …
    refresh: frozenset[str] = field(default_factory=frozenset)  # recomputed even if nothing joins


def assign_stories(
    articles: list[Article],
    settings: Settings,
    existing: StoredStories | None = None,
    cache: RunCache | None = None,
) -> tuple[list[Article], list[Story]]:
    """Group articles into stories; return the articles with `copy_of`, flags and dates filled.

    With `existing`, the articles join those stories or open new ones, and the result is the
    stories they touched (plus `refresh`) with the new articles and those stories' members.
    `cache` keeps features, signatures and embeddings for the run's next calls.
    """
    existing = existing or StoredStories([], {})
    stored = [_as_read(a) for a in existing.articles]
    everything = stored + articles
    features = {a.id: kept_event_features(a, cache) for a in everything}
    links = {link.copy: link for link in find_near_copies(articles, settings, stored, cache)}
    index_of: dict[str, int] = {}  # stored story id → its index among the labels
    for article in stored:
        index_of.setdefault(existing.story_of[article.id], len(index_of))
    originals = [a for a in everything if a.id not in links and not _near_copy(a)]
    pile = build_pile([features[a.id] for a in originals], settings)
    stored_story = {
        position: index_of[existing.story_of[a.id]]
        for position, a in enumerate(originals)
        if a.id in existing.story_of
    }
    labels = cluster_pile(pile, stored_story, settings, cache)
    membership = {a.id: int(label) for a, label in zip(originals, labels, strict=True)}
    for article in stored:  # a stored near-copy stays in its story
        membership.setdefault(article.id, index_of[existing.story_of[article.id]])
    for link in links.values():
        membership[link.copy] = membership[link.original]

    new = {a.id for a in articles}
    refresh = {index_of[story_id] for story_id in existing.refresh if story_id in index_of}
    members: dict[int, list[Article]] = {}
    for article in everything:
        members.setdefault(membership[article.id], []).append(article)
    touched = {i: g for i, g in members.items() if i in refresh or any(a.id in new for a in g)}
    originals = [[a for a in group if a.id not in links and not a.copy_of] for group in touched.values()]
    for link in find_translated_copies(originals, features, settings, new, cache):
        links[link.copy] = link

    updated = {a.id: _with_copy_link(a, links.get(a.id)) for a in everything}
    story_ids = {index: story_id for story_id, index in index_of.items()}
    stories = [_story(group, updated, features) for group in touched.values()]
    for index, story in zip(touched, stories, strict=True):
        story.id = story_ids.get(index, "")
    opened = sorted((s for s in stories if not s.id), key=_story_order)
    for number, story in enumerate(opened, start=existing.next_number):
        story.id = f"s{number}"
    stories.sort(key=lambda s: int(s.id[1:]))
    for story in stories:
        for article_id in story.articles:
            article = updated[article_id]
            if _takes_story_date(article, story.date):
                updated[article_id] = replace(article, published=story.date, published_basis="story")
    kept = [a for a in stored if membership[a.id] in touched]
    return [updated[a.id] for a in articles + kept], stories


def _as_read(article: Article) -> Article:
    """A stored article as the clusterer first saw it: a date taken from its story is not its own."""
    if article.published_basis == "story":
        return replace(article, published=None, published_basis=None)
    return article


def _takes_story_date(article: Article, story_date: str | None) -> bool:
    """An undated article takes its story's day, and so does one known only to the month or year
    (a scrape's "© 2024") when the story's day falls in it."""
    if story_date is None:
        return False
    published = article.published
    return published is None or (len(published) < 10 and story_date.startswith(published))


def _near_copy(article: Article) -> bool:
    return "near-copy" in article.flags


def _story_order(story: Story) -> tuple[bool, str, int, str]:
    return (story.date is None, story.date or "", -len(story.articles), story.articles[0])


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
    first report (the latest of those stated equally often), else the first report's publication
    date."""
    published = [features[a.id].published for a in articles if features[a.id].published]
    first = min(published) if published else None
    stated = Counter(d for a in articles for d in features[a.id].dates if len(d) == 10)
    # Ties in a fixed order: the dates are a set, whose order changes from process to process.
    for value, count in sorted(stated.items(), key=lambda item: (item[1], item[0]), reverse=True):
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
