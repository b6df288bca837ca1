"""Origins: copies share their original's, articles crediting one agency share the dispatch."""

from __future__ import annotations

from factories import make_article

from recoupe.model import Article
from recoupe.stories.provenance import count_independent_sources, independent_origins


def _article(article_id: str, agencies: list[str] | None = None, copy_of: str | None = None) -> Article:
    return make_article(article_id, ["Texte."], published=None, agencies=agencies, copy_of=copy_of)


def test_copy_shares_the_origin_of_its_original() -> None:
    origins = independent_origins([_article("a"), _article("b", copy_of="a")])
    assert origins["a"] == origins["b"]


def test_two_outlets_crediting_one_agency_are_one_source() -> None:
    articles = [_article("a", ["AFP"]), _article("b", ["AFP"]), _article("c", ["Reuters"]), _article("d")]
    assert count_independent_sources(articles) == 3


def test_copy_of_an_agency_article_joins_the_agency_origin() -> None:
    articles = [_article("a", ["AFP"]), _article("b", copy_of="a"), _article("c", ["AFP"])]
    assert len(set(independent_origins(articles).values())) == 1


def test_every_article_alone_is_its_own_source() -> None:
    assert count_independent_sources([_article("a"), _article("b"), _article("c")]) == 3
