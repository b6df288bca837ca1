"""Independent sources: copies share their original's origin, and articles of one story that
credit the same news agency share that agency's dispatch as their origin."""

from __future__ import annotations

from recoupe.model import Article


def independent_origins(articles: list[Article]) -> dict[str, str]:
    """The origin of each article of one story (ids → origin label)."""
    by_id = {a.id: a for a in articles}
    origins: dict[str, str] = {}

    def origin(article: Article) -> str:
        if article.id in origins:
            return origins[article.id]
        if article.copy_of and article.copy_of in by_id:
            label = origin(by_id[article.copy_of])
        elif article.agencies:
            label = f"agency:{article.agencies[0]}"
        else:
            label = f"article:{article.id}"
        origins[article.id] = label
        return label

    for article in articles:
        origin(article)
    return origins


def count_independent_sources(articles: list[Article]) -> int:
    return max(1, len(set(independent_origins(articles).values())))
