"""Every chrome rule removes its own examples, and no rule touches an article sentence."""

from __future__ import annotations

import pytest

from recoupe.clean import classify_lines
from recoupe.clean.rules import chrome_rules
from recoupe.settings import Settings

SETTINGS = Settings()
RULE_EXAMPLES = [(rule.reason, example) for rule in chrome_rules() for example in rule.examples]

# Sentences that carry a rule's trigger words but are article content.
ARTICLE_SENTENCES = [
    "La plateforme a gagné deux millions d'abonnés au premier trimestre, selon ses résultats publiés mardi.",
    "Le maire a refusé de laisser un commentaire aux journalistes présents devant la mairie, jeudi soir.",
    "Les photos de la manifestation ont été partagées sur Facebook et Twitter par des internautes.",
    "The company said subscribers would be able to read the report once it is published next week.",
    "Published figures show that exports rose by 4% in 2023, the ministry said on Monday.",
    "L'agence a publié le 12 mars 2024 un rapport sur la sécurité des barrages de la région.",
    "Lire aussi les conclusions du rapport, a conseillé la ministre aux députés avant le vote.",
    "Nous utilisons des drones pour surveiller la frontière, a expliqué le commandant.",
    "Join us in condemning this attack, the prime minister told parliament on Tuesday.",
    "Par ailleurs, le gouvernement a annoncé une nouvelle aide de 300 millions d'euros.",
    "By Friday evening, rescuers had reached the last of the stranded villages.",
    "Source: the ministry of defence, which gave no further details about the strike.",
]


def _reasons(lines: list[str], title: str | None = None) -> list[list[str]]:
    return [[r.reason for r in line.removals] for line in classify_lines(lines, title, SETTINGS)]


def test_every_rule_has_a_reason_from_the_contract() -> None:
    allowed = {"scraper-marker", "boilerplate", "paywall", "comments", "navigation", "credit", "metadata"}
    assert {rule.reason for rule in chrome_rules()} <= allowed


@pytest.mark.parametrize(("reason", "line"), RULE_EXAMPLES)
def test_rule_example_is_removed_with_its_reason(reason: str, line: str) -> None:
    (classified,) = classify_lines([line], None, SETTINGS)
    assert classified.removed_whole
    assert classified.removals[0].reason == reason


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentence_with_trigger_words_is_kept(sentence: str) -> None:
    (classified,) = classify_lines([sentence], None, SETTINGS)
    assert classified.text == sentence
    assert classified.removals == []


def test_long_sentence_is_kept_even_when_a_chrome_pattern_matches() -> None:
    sentence = (
        "Copyright holders, who had complained for years, welcomed the ruling on Thursday and said "
        "they would now ask the court to extend it to every platform that hosts music videos online "
        "in the European Union."
    )
    assert _reasons([sentence]) == [[]]


def test_premium_label_is_paywall_only_beside_a_subscription_prompt() -> None:
    label = "Édition Premium"
    assert _reasons([label, "Abonnez-vous pour lire la suite de cet article"]) == [["paywall"], ["paywall"]]
    assert _reasons([label, "Le conseil municipal se réunira lundi."]) == [[], []]


def test_comment_form_labels_are_removed_beside_a_comment_form() -> None:
    lines = ["Laisser un commentaire", "Pseudo *", "Message *", "Le texte reprend ensuite."]
    assert _reasons(lines) == [["comments"], ["comments"], ["comments"], []]


def test_outlet_name_line_beside_a_date_line_is_metadata() -> None:
    lines = ["The Harbour Gazette", "Published March 3, 2024", "The ferry left at dawn, officials said."]
    assert _reasons(lines) == [["metadata"], ["metadata"], []]


def test_agency_names_in_credit_lines_are_case_sensitive() -> None:
    assert _reasons(["(AP)"]) == [["credit"]]
    assert _reasons(["Map"]) == [[]]


def test_a_date_line_with_any_month_of_the_one_list_is_metadata() -> None:
    # {month} in data/chrome.toml stands for every name and abbreviation of data/time_words.toml.
    lines = ["Mardi 12 avr. 2024 à 09h12", "3 juil. 2024", "Déc. 4, 2023", "12 févr. 2024"]
    assert _reasons(lines) == [["metadata"]] * 4
