"""Plain-text articles: headline detection, hard-wrap repair, title only for a headline-shaped first line."""

from __future__ import annotations

import pytest

from recoupe.ingest.text import looks_like_headline, read_text_article, unwrap_hard_breaks

WRAPPED = """\
Les agriculteurs de la Beauce ont bloqué mardi matin plusieurs routes
départementales autour de Chartres pour protester contre la baisse des
prix du blé, qui a perdu près d'un tiers de sa valeur depuis le début
de l'année selon la chambre d'agriculture.

La préfecture a annoncé l'ouverture d'une table ronde jeudi avec les
représentants des syndicats agricoles et des coopératives de la région,
mais les manifestants promettent de maintenir leurs barrages jusqu'à la
fin de la semaine si aucune mesure concrète n'est proposée.
"""

ONE_PARAGRAPH_PER_LINE = """\
Storm Ellen knocked out power to forty thousand homes in County Cork on Tuesday night.
Engineers worked through the night to restore the lines, the electricity board said.
Schools in the worst-hit villages will stay closed until Thursday at the earliest.
A yellow wind warning remains in force for the whole south coast until midnight.
"""


@pytest.mark.parametrize(
    "line",
    [
        "Storm Ellen leaves forty thousand homes without power",
        "La Beauce en colère contre la chute du prix du blé",
        "« Nous irons jusqu'au bout », préviennent les agriculteurs",
        "2024 budget passes after a long night of votes",
    ],
)
def test_short_capitalised_line_without_sentence_end_is_a_headline(line: str) -> None:
    assert looks_like_headline(line) is True


@pytest.mark.parametrize(
    "line",
    [
        "Storm Ellen leaves homes without power.",  # ends like a sentence
        "Publié le 12 mars 2024 :",  # ends with a colon
        "storm Ellen leaves forty thousand homes without power",  # not capitalised
        "Breaking news",  # too short (two words)
        " ".join(["Word"] * 26),  # too long (26 words)
        "© Agence Presse Régionale tous droits réservés",
        "(Reuters) Storm Ellen hits the south coast",
        "- Storm Ellen hits the south coast",
        "https://example.org/storm-ellen-south-coast",
        "[Photo] Storm Ellen hits the south coast",
    ],
)
def test_line_that_is_not_headline_shaped_is_not_a_headline(line: str) -> None:
    assert looks_like_headline(line) is False


def test_hard_wrapped_paragraphs_are_joined_into_one_line_each() -> None:
    unwrapped = unwrap_hard_breaks(WRAPPED)
    paragraphs = unwrapped.split("\n\n")
    assert len(paragraphs) == 2
    assert all("\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith(
        "Les agriculteurs de la Beauce ont bloqué mardi matin plusieurs routes départementales"
    )
    assert "baisse des prix du blé" in paragraphs[0]
    assert paragraphs[0].endswith("selon la chambre d'agriculture.")
    assert paragraphs[1].startswith("La préfecture a annoncé")
    assert "jusqu'à la fin de la semaine" in paragraphs[1]


def test_one_paragraph_per_line_text_is_left_untouched() -> None:
    assert unwrap_hard_breaks(ONE_PARAGRAPH_PER_LINE) == ONE_PARAGRAPH_PER_LINE


def test_short_text_with_one_block_is_left_untouched() -> None:
    text = "Storm Ellen hits Cork\nPower is out in forty thousand homes\nSchools are closed\n"
    assert unwrap_hard_breaks(text) == text


def test_text_article_with_headline_first_line_gets_that_title() -> None:
    text = "Storm Ellen leaves forty thousand homes without power\n\n" + ONE_PARAGRAPH_PER_LINE
    article = read_text_article(text, "storm", "in/storm.txt", "hash")
    assert article.title == "Storm Ellen leaves forty thousand homes without power"
    assert article.id == "storm"
    assert article.origin == "in/storm.txt"
    assert article.content_hash == "hash"
    assert "Engineers worked through the night" in article.text


def test_text_article_starting_with_a_sentence_has_no_title() -> None:
    article = read_text_article(ONE_PARAGRAPH_PER_LINE, "storm", "in/storm.txt", "hash")
    assert article.title is None
    assert article.text.startswith("Storm Ellen knocked out power")


def test_text_article_made_of_a_single_headline_shaped_line_has_no_title() -> None:
    article = read_text_article("Storm Ellen leaves homes without power\n", "storm", "in/storm.txt", "h")
    assert article.title is None
    assert article.text.strip() == "Storm Ellen leaves homes without power"


def test_text_article_that_is_hard_wrapped_comes_out_unwrapped() -> None:
    article = read_text_article("La Beauce en colère\n\n" + WRAPPED, "beauce", "beauce.txt", "h")
    assert article.title == "La Beauce en colère"
    assert "routes départementales autour de Chartres" in article.text
