"""Language per paragraph, and the article's main language."""

from __future__ import annotations

from recoupe.clean.language import (
    english_inside_french,
    guess_language,
    identify_language,
    label_paragraph_languages,
)
from recoupe.settings import Settings

S = Settings()


def _label(texts: list[str]) -> tuple[list[str | None], str | None]:
    paragraphs, main = label_paragraph_languages(
        texts, S.langid_min_confidence, S.fallback_languages, S.min_language_chars
    )
    return [p.language for p in paragraphs], main


def test_french_and_english_news_lines_are_told_apart() -> None:
    assert (
        identify_language(
            "Le gouvernement a annoncé mardi une hausse des salaires.", 0.8, S.fallback_languages
        )
        == "fr"
    )
    assert (
        identify_language("The government announced a pay rise on Tuesday.", 0.8, S.fallback_languages)
        == "en"
    )


def test_text_without_letters_has_no_language() -> None:
    assert identify_language("12 345 — 67 %", 0.8, S.fallback_languages) is None


def test_short_paragraph_takes_the_main_language() -> None:
    langs, main = _label(
        [
            "Le gouvernement a annoncé mardi une hausse des salaires des enseignants de 5 %.",
            "OK, merci.",
            "Les syndicats ont salué un premier pas mais réclament davantage pour les contractuels.",
        ]
    )
    assert langs == ["fr", "fr", "fr"]
    assert main == "fr"


def test_main_language_is_the_one_with_most_text() -> None:
    langs, main = _label(
        [
            "The minister said on Tuesday that the reform would be presented to parliament next month.",
            "Le ministre a précisé que la réforme serait présentée au Parlement le mois prochain, "
            "après une dernière consultation des syndicats et des organisations patronales.",
        ]
    )
    assert langs == ["en", "fr"]
    assert main == "fr"


def test_article_of_short_lines_only_is_judged_as_a_whole() -> None:
    langs, main = _label(["Bonjour à tous.", "Merci beaucoup.", "À demain."])
    assert main == "fr"
    assert langs == ["fr", "fr", "fr"]


def test_a_guess_by_common_words_tells_french_from_english_without_a_model() -> None:
    assert guess_language("« Nous gagnerons », a dit la candidate.") == "fr"
    assert guess_language('"We will win," the candidate said.') == "en"


def test_english_inside_french_needs_english_words_not_a_tie() -> None:
    assert english_inside_french("The minister said that the plan was on track for the end of the year.")
    assert not english_inside_french('"On va vous observer mourir", brocarde M. Romane.')
    assert not english_inside_french("« On va vous observer mourir », brocarde M. Romane.")
