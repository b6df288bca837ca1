"""Copies: scraped republications and translations are found, independent reports are not."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article

from recoupe.model import Article
from recoupe.settings import Settings
from recoupe.stories.copies import find_near_copies, find_translated_copies
from recoupe.stories.features import event_features

SETTINGS = Settings()

REPORT = [
    "Le barrage de Vassivière a été vidé à moitié jeudi après la découverte d'une fissure sur sa voûte, "
    "a annoncé la préfecture de la Haute-Vienne.",
    "Selon le préfet Étienne Lacombe, 2 400 habitants des communes situées en aval ont été invités à "
    "quitter leur domicile par précaution.",
    "« Il n'y a aucun danger immédiat, mais nous ne prendrons aucun risque », a déclaré le préfet lors "
    "d'un point presse à Limoges.",
    "Les travaux de réparation devraient durer au moins six semaines et coûter 3,5 millions d'euros, "
    "selon l'exploitant du barrage.",
]
TRANSLATION = [
    "The Vassivière dam was half emptied on Thursday after a crack was found in its arch, the "
    "Haute-Vienne prefecture announced.",
    "According to prefect Étienne Lacombe, 2,400 residents of towns downstream were asked to leave "
    "their homes as a precaution.",
    '"There is no immediate danger, but we will not take any risk," the prefect said at a press '
    "briefing in Limoges.",
    "Repairs are expected to last at least six weeks and cost 3.5 million euros, according to the "
    "dam's operator.",
]
OTHER_REPORT = [
    "Some 2,400 people living below the Vassivière dam in central France spent Thursday night away "
    "from home after engineers spotted a crack.",
    "Prefect Étienne Lacombe said residents could return once divers had inspected the structure, "
    "which holds back one of the country's largest lakes.",
    "Local farmers complained that they had been given only a few hours to move their livestock to "
    "higher ground.",
]


def _article(
    article_id: str, paragraphs: list[str], language: str = "fr", published: str | None = "2024-05-02"
) -> Article:
    return make_article(article_id, paragraphs, language=language, published=published)


def test_scraped_copy_missing_a_sentence_is_a_near_copy_of_the_earlier_original() -> None:
    original = _article("original", REPORT)
    scrape = _article("scrape", [REPORT[0], REPORT[1], REPORT[3]], published="2024-05-03")
    links = find_near_copies([scrape, original], SETTINGS)
    assert [(link.copy, link.original, link.kind) for link in links] == [("scrape", "original", "near-copy")]


def test_undated_copies_point_to_the_most_complete_text() -> None:
    full = _article("full", REPORT, published=None)
    shorter = _article("shorter", REPORT[:3], published=None)
    links = find_near_copies([shorter, full], SETTINGS)
    assert [(link.copy, link.original) for link in links] == [("shorter", "full")]


def test_independent_reports_of_one_event_are_not_copies() -> None:
    french = _article("fr", REPORT)
    english = _article("en", OTHER_REPORT, language="en")
    assert find_near_copies([french, english], SETTINGS) == []


def test_faithful_translation_is_a_translated_copy() -> None:
    original = _article("fr", REPORT)
    translation = _article("en", TRANSLATION, language="en", published="2024-05-03")
    features = {a.id: event_features(a) for a in (original, translation)}
    links = find_translated_copies([[original, translation]], features, SETTINGS)
    assert [(link.copy, link.original, link.kind) for link in links] == [("en", "fr", "translated-copy")]


def test_report_in_another_language_written_independently_is_not_a_translation() -> None:
    original = _article("fr", REPORT)
    other = _article("en", OTHER_REPORT, language="en", published="2024-05-03")
    features = {a.id: event_features(a) for a in (original, other)}
    assert find_translated_copies([[original, other]], features, SETTINGS) == []


def test_headlines_are_never_translated_copies_their_language_being_a_guess() -> None:
    # Two French headlines of one topic, the second's language misread as Italian: their one
    # sentence each aligns, yet neither translates the other.
    first = _article("first", ["À Vassivière, 2 400 habitants évacués après une fissure du barrage"])
    misread = "it"
    second = _article("second", ["Le barrage de Vassivière inquiète : 2 400 riverains évacués"], misread)
    features = {a.id: event_features(a) for a in (first, second)}
    assert find_translated_copies([[first, second]], features, SETTINGS) == []
    # only the length bar keeps them apart: without it they would be taken for a translation
    trusting = replace(SETTINGS, cross_language_min_words=0)
    assert [link.copy for link in find_translated_copies([[first, second]], features, trusting)] == ["second"]
