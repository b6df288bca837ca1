"""Dates written in metadata lines and in the dateline opening the body."""

from __future__ import annotations

import pytest

from recoupe.clean import clean_article
from recoupe.clean.published import date_in_dateline, date_in_metadata_line
from recoupe.model import RawArticle
from recoupe.settings import Settings


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mis à jour : 30 novembre 2021, 12:34", "2021-11-30"),
        ("Publié le 1er févr. 2023 à 08h00", "2023-02-01"),
        ("Published March 12, 2024 6:05 pm", "2024-03-12"),
        ("Updated 2024-03-12T18:05:00Z", "2024-03-12"),
        ("Publié le 05/04/2024", "2024-04-05"),
        ("Posted 03/25/2024", "2024-03-25"),
    ],
)
def test_date_of_a_metadata_line_is_iso(line: str, expected: str) -> None:
    assert date_in_metadata_line(line) == expected


def test_line_without_a_date_gives_none() -> None:
    assert date_in_metadata_line("Publié le:  Modifié:") is None


def test_impossible_date_gives_none() -> None:
    assert date_in_metadata_line("Publié le 31/02/2024") is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("PARIS, 12 mars 2024 (AFP) – Le gouvernement a annoncé…", "2024-03-12"),
        ("Lyon, le 3 juin 2023 — La mairie a voté le budget.", "2023-06-03"),
        ("KYIV, March 5, 2024 (Reuters) - Ukraine said on Tuesday…", "2024-03-05"),
    ],
)
def test_a_dateline_opening_the_body_dates_the_article(paragraph: str, expected: str) -> None:
    assert date_in_dateline(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Le 24 février 2022, la Russie a envahi l'Ukraine – une date que personne n'oublie.",
        "PARIS, 12 mars (AFP) – Le gouvernement a annoncé…",  # no year: no date to stand on
        "Le gouvernement a annoncé mardi un plan de 3 milliards.",
    ],
)
def test_a_date_told_in_the_lead_is_not_a_dateline(paragraph: str) -> None:
    assert date_in_dateline(paragraph) is None


def test_an_article_without_metadata_date_takes_its_dateline_with_text_basis() -> None:
    text = "PARIS, 12 mars 2024 (AFP) – Le gouvernement a annoncé un plan de relance pour les régions."
    raw = RawArticle(id="d", origin="d.txt", text=text)
    article = clean_article(raw, Settings())
    assert (article.published, article.published_basis) == ("2024-03-12", "text")
