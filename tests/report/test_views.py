"""What the reader is told about an article: an estimated date always says what it rests on."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article

from recoupe.report.views import published_label


def test_a_date_from_the_metadata_is_shown_as_it_is() -> None:
    article = replace(make_article("a", ["Texte."], published="2022-12-30"), published_basis="metadata")
    assert published_label(article) == "2022-12-30"


def test_an_estimated_date_says_where_it_comes_from() -> None:
    article = make_article("a", ["Texte."], published="2022-12-30")
    from_text, from_story = (replace(article, published_basis=basis) for basis in ("text", "story"))
    assert published_label(from_text) == "2022-12-30 (estimated from the text)"
    assert published_label(from_story) == "2022-12-30 (estimated from its story)"


def test_no_date_is_undated() -> None:
    assert published_label(make_article("a", ["Texte."], published=None)) == "undated"
