"""What a story page shows, arranged for reading: sources by independence, quotes by speaker
(`recoupe.report.speakers`), charts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from recoupe.model import Article, Story
from recoupe.report.charts import coverage_chart, spread_chart
from recoupe.report.speakers import SpeakerQuotes, quotes_by_speaker
from recoupe.stories.provenance import independent_origins

_PLAIN_ID = re.compile(r"[A-Za-z0-9_.~-]{1,80}")
# Browsers drop these before reading a URL's scheme, so "java\tscript:" must be judged without them.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class SourceGroup:
    """One independent source of a story and the articles that carry it (originals, copies, same wire)."""

    label: str
    articles: list[Article]


@dataclass(frozen=True)
class StoryView:
    story: Story
    articles: dict[str, Article]  # the story's articles by id, in the story's order
    numbers: dict[str, int]  # article id → its citation number in this story (1, 2…)
    sources: list[SourceGroup]
    speakers: list[SpeakerQuotes]  # every quote, by speaker, the most quoted first
    coverage: Markup | None
    spreads: dict[int, Markup]  # index of a disputed claim → the spread of its values by source


def story_view(story: Story, articles: list[Article]) -> StoryView:
    """Arrange one story and its articles (any order; missing ones are left out) for a page."""
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.articles if i in by_id]
    return StoryView(
        story=story,
        articles={a.id: a for a in members},
        numbers={a.id: n for n, a in enumerate(members, start=1)},
        sources=source_groups(members),
        speakers=quotes_by_speaker(story.quotes),
        coverage=coverage_chart(members) if len(members) > 1 else None,
        spreads={
            i: spread_chart(claim, {a.id: source_label(a) for a in members})
            for i, claim in enumerate(story.claims)
            if claim.status == "disputed"
        },
    )


def source_groups(articles: list[Article]) -> list[SourceGroup]:
    """Articles folded by origin: a copy sits with its original, one agency's dispatch is one source."""
    origins = independent_origins(articles)
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(origins[article.id], []).append(article)
    return [SourceGroup(_origin_label(origin, members), members) for origin, members in groups.items()]


def _origin_label(origin: str, members: list[Article]) -> str:
    if origin.startswith("agency:"):
        return f"{origin.removeprefix('agency:')} dispatch"
    original = next((a for a in members if not a.copy_of), members[0])
    return source_label(original)


def source_label(article: Article) -> str:
    return article.source or article.title or article.id


_ESTIMATED = {"text": "estimated from the text", "story": "estimated from its story"}


def published_label(article: Article) -> str:
    """The publication date as the reader sees it: an estimate always says what it rests on."""
    if not article.published:
        return "undated"
    basis = _ESTIMATED.get(article.published_basis or "")
    return f"{article.published} ({basis})" if basis else article.published


def web_url(value: str | None) -> str | None:
    """The URL when it is http(s) and can be a link; anything else (javascript:, data:, paths) is None."""
    if not value:
        return None
    cleaned = _URL_NOISE.sub("", value)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned


def anchor(article_id: str) -> str:
    """An HTML id for an article: readable when the id is plain, a digest when it is a URL or worse."""
    if _PLAIN_ID.fullmatch(article_id):
        return f"a-{article_id}"
    return "a-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
