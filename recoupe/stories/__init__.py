"""Stories: which articles report the same event.

Until event clustering lands, every article is a story of its own, with every story field
present so that the brief already follows its contract.
"""

from __future__ import annotations

from recoupe.model import Article, Story

_TITLE_WORDS = 14


def group_stories(articles: list[Article]) -> list[Story]:
    """One story per article, ordered by date (undated last), then by article id."""
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    return [
        Story(
            id=f"s{index}",
            title=story_title(article),
            date=article.published,
            articles=[article.id],
            independent_sources=1,
        )
        for index, article in enumerate(ordered, start=1)
    ]


def story_title(article: Article) -> str | None:
    """The article's headline, else the start of its first paragraph, cut at a word boundary."""
    if article.title:
        return article.title
    if not article.paragraphs:
        return None
    words = article.paragraphs[0].text.split()
    return " ".join(words[:_TITLE_WORDS]) + (" …" if len(words) > _TITLE_WORDS else "")
