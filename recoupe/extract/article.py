"""The per-article stage: everything later stages need from one article's text, found once.

Entity mentions (spaCy NER, batched), direct quotes, figures and dated sentences are found when
an article is read (in a worker process when there are several) and kept with it — in memory for
`recoupe brief`, in the store for `recoupe ingest` — so that describing a story again reconciles
what was found instead of parsing its members again. Figures and dated sentences are resolved
against the article's date: an undated article that later takes its story's date has those two
found again (`for_article`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from recoupe.extract.entities import Mention, mentions_for
from recoupe.extract.events import DatedSentence, dated_sentences
from recoupe.extract.figures import article_figures
from recoupe.extract.quotes import find_quotes, person_words_of
from recoupe.model import Article, Figure, QuoteMention, day_of, plain_fields


@dataclass(frozen=True)
class ArticleExtraction:
    """What one article's text says: names, quotes, figures and dated sentences."""

    reference: str | None  # the day figures and dates were resolved against (the article's date)
    mentions: list[Mention]
    quotes: list[QuoteMention]
    figures: list[Figure]
    dated: list[DatedSentence]


def reference_day(article: Article) -> str | None:
    """The day an article's relative dates resolve against: its publication date, when a full one."""
    day = day_of(article.published)
    return day.isoformat() if day else None


def extract_articles(articles: list[Article], *, ner: bool = True) -> dict[str, ArticleExtraction]:
    """The extraction of each article, by id (NER runs over all of them in one stream; none without `ner`)."""
    mentions = mentions_for(articles) if ner else {a.id: [] for a in articles}
    found: dict[str, ArticleExtraction] = {}
    for a in articles:
        # Without NER here, find_quotes reads the people's names itself.
        people = person_words_of(mentions[a.id]) if ner else None
        quotes = find_quotes(a.text, a.language, person_words=people)
        found[a.id] = ArticleExtraction(
            reference=reference_day(a),
            mentions=mentions[a.id],
            quotes=quotes,
            figures=article_figures(a, quotes),
            dated=dated_sentences(a),
        )
    return found


def for_article(extraction: ArticleExtraction, article: Article) -> ArticleExtraction:
    """The extraction as of the article's date: figures and dated sentences found again if it moved."""
    if extraction.reference == reference_day(article):
        return extraction
    return replace(
        extraction,
        reference=reference_day(article),
        figures=article_figures(article, extraction.quotes),
        dated=dated_sentences(article),
    )


def extraction_json(extraction: ArticleExtraction) -> dict[str, Any]:
    """The date-dependent and quote parts, as stored (mentions have their own column)."""
    return {
        "reference": extraction.reference,
        "quotes": [plain_fields(q) for q in extraction.quotes],
        "figures": [plain_fields(f) for f in extraction.figures],
        "dated": [{"date": d.date, "text": d.text} for d in extraction.dated],
    }


def extraction_from_json(
    article_id: str, mentions: list[Mention], stored: dict[str, Any]
) -> ArticleExtraction:
    """The extraction stored with an article (see `extraction_json`)."""
    return ArticleExtraction(
        reference=stored["reference"],
        mentions=mentions,
        quotes=[QuoteMention(**q) for q in stored["quotes"]],
        figures=[Figure(**f) for f in stored["figures"]],
        dated=[DatedSentence(article_id, d["date"], d["text"]) for d in stored["dated"]],
    )
