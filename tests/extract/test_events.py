"""Dated sentences: the sentence around each expression that resolves to a day."""

from __future__ import annotations

from factories import make_article

from recoupe.extract.events import dated_sentences
from recoupe.model import Article


def _article(published: str | None, *paragraphs: str) -> Article:
    return make_article("a", list(paragraphs), published=published)


def test_weekday_sentence_is_dated_against_the_publication_date() -> None:
    article = _article(
        "2024-03-16",
        "Le conseil municipal s'est réuni vendredi. Il a voté le budget à l'unanimité.",
    )
    (dated,) = dated_sentences(article)
    assert (dated.date, dated.text) == ("2024-03-15", "Le conseil municipal s'est réuni vendredi.")


def test_sentences_without_a_day_are_not_dated() -> None:
    article = _article("2024-03-16", "La crise dure depuis trois ans. Elle a commencé en 2021.")
    assert dated_sentences(article) == []


def test_undated_article_has_no_dated_sentences() -> None:
    assert dated_sentences(_article(None, "Le conseil s'est réuni vendredi.")) == []


def test_a_dateline_dates_the_dispatch_not_what_its_sentence_tells() -> None:
    article = _article(
        "2024-03-12",
        "Lyon, 12 mars (AFP) - Le trafic des trains régionaux a repris hier après deux jours de grève.",
    )
    (dated,) = dated_sentences(article)
    assert dated.date == "2024-03-11"
