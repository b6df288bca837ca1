"""The per-article extraction: found once, kept as JSON, found again only when the article's date moves."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article

from recoupe.extract.article import extract_articles, extraction_from_json, extraction_json, for_article

PARAGRAPHS = [
    "Mardi, 42 bus électriques ont été livrés à Montclair, a annoncé la mairie.",
    "« La ligne 3 roulera sans diesel dès lundi », a déclaré la maire Odile Ferrand.",
]


def test_an_extraction_read_back_from_json_is_the_one_found() -> None:
    article = make_article("bus", PARAGRAPHS, published="2024-03-14")
    found = extract_articles([article])["bus"]
    assert found.figures and found.quotes and found.dated and found.mentions
    assert extraction_from_json("bus", found.mentions, extraction_json(found)) == found


def test_figures_and_dated_sentences_follow_the_date_an_undated_article_takes_from_its_story() -> None:
    undated = make_article("bus", PARAGRAPHS, published=None)
    found = extract_articles([undated])["bus"]
    assert found.reference is None and found.dated == []
    dated = replace(undated, published="2024-03-14", published_basis="story")
    again = for_article(found, dated)
    assert again == extract_articles([dated])["bus"]
    assert "2024-03-12" in {d.date for d in again.dated}  # "Mardi" in a Thursday article
    assert for_article(again, dated) is again  # same date: nothing found again
