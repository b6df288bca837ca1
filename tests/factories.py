"""A small builder of clean `Article`s for tests that start after cleaning."""

from __future__ import annotations

from recoupe.model import Article, Paragraph


def make_article(
    article_id: str,
    paragraphs: list[str],
    *,
    language: str = "fr",
    published: str | None = "2024-03-14",
    title: str | None = None,
    copy_of: str | None = None,
    agencies: list[str] | None = None,
) -> Article:
    return Article(
        id=article_id,
        origin=f"{article_id}.txt",
        title=title,
        source=None,
        published=published,
        published_basis="metadata" if published else None,
        language=language,
        paragraphs=[Paragraph(p, language) for p in paragraphs],
        removed=[],
        copy_of=copy_of,
        agencies=agencies or [],
    )
