"""An undated article's own day, as its text states it: deictic dates and the copyright year, and
nothing from the dates it merely mentions."""

from __future__ import annotations

from recoupe.clean import clean_article
from recoupe.model import RawArticle
from recoupe.settings import Settings


def _dated(text: str, **raw: str) -> tuple[str | None, str | None]:
    article = clean_article(RawArticle(id="a", origin="a.txt", text=text, **raw), Settings())
    return article.published, article.published_basis


def test_a_deictic_date_with_its_year_is_the_day_the_article_reports() -> None:
    text = "Le maire de Valbrune a inauguré ce vendredi 30 décembre 2022 la nouvelle halle du marché."
    assert _dated(text) == ("2022-12-30", "text")


def test_the_english_deictic_date_counts_too() -> None:
    text = (
        "The mayor of Valbrune opened the new market hall this Friday, December 30, 2022, to a large crowd."
    )
    assert _dated(text) == ("2022-12-30", "text")


def test_a_weekday_that_is_not_the_dates_own_gives_nothing() -> None:
    text = "Le maire de Valbrune a inauguré ce jeudi 30 décembre 2022 la nouvelle halle du marché."
    assert _dated(text) == (None, None)


def test_a_deictic_day_without_its_year_takes_the_copyright_year() -> None:
    text = "Le maire de Valbrune a inauguré ce 30 décembre la nouvelle halle du marché.\n© 2022 AFP"
    assert _dated(text) == ("2022-12-30", "text")


def test_the_copyright_year_alone_is_a_year_not_a_day() -> None:
    text = "La nouvelle halle du marché de Valbrune a ouvert ses portes aux commerçants.\n© 2022 AFP"
    assert _dated(text) == ("2022", "text")


def test_dates_the_text_only_mentions_give_nothing() -> None:
    # A past event and a year in a sentence say what the article tells, not when it was written:
    # an article of 2025 recalling 2022 must not be dated 2022.
    text = (
        "Depuis l'invasion du 24 février 2022, les deux dirigeants se parlent chaque année.\n"
        "Le ministre a rappelé que l'armée avait reculé en 2022, sans donner d'autre détail."
    )
    assert _dated(text) == (None, None)


def test_metadata_and_dateline_dates_come_first() -> None:
    text = "Le maire de Valbrune a inauguré ce vendredi 30 décembre 2022 la nouvelle halle du marché."
    assert _dated(text, published="2023-01-02") == ("2023-01-02", "metadata")
    dateline = "VALBRUNE, 29 décembre 2022 (AFP) – " + text
    assert _dated(dateline) == ("2022-12-29", "text")
