"""JSON Lines: one article per valid line; each bad line is a `Skipped` naming its line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.ingest import read_file
from recoupe.ingest.html import with_page_text
from recoupe.ingest.jsonl import normalise_iso_date, read_jsonl_articles
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings
from recoupe.workers import page_read

ORIGIN = "in/feed.jsonl"
TEXT_FR = (
    "La mairie de Nantes a inauguré samedi une nouvelle passerelle piétonne sur la Loire. "
    "L'ouvrage relie l'île de Nantes au quartier de Chantenay en moins de cinq minutes à pied."
)
TEXT_EN = (
    "The county council approved a new bus route linking the hospital to the railway station. "
    "Buses will run every twenty minutes from early morning until late evening."
)
HTML_EN = (
    "<html><head><title>Library reopens</title></head><body><article>"
    "<p>The central library reopened on Saturday after eighteen months of renovation work, "
    "with a new children's wing and a rooftop reading room.</p>"
    "<p>Hundreds of readers queued before the doors opened, the city's culture officer said.</p>"
    "</article></body></html>"
)
GOOD = {
    "id": "nantes-1",
    "url": "https://example.org/nantes",
    "title": "Une passerelle sur la Loire",
    "text": TEXT_FR,
}


def _read(*lines: str) -> list[RawArticle | Skipped]:
    return list(read_jsonl_articles("\n".join(lines) + "\n", ORIGIN, "feed"))


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_valid_line_with_text_becomes_an_article() -> None:
    (article,) = _read(_line(**GOOD, source="Ouest Info", published="2023-06-10"))
    assert isinstance(article, RawArticle)
    assert article.id == "nantes-1"
    assert article.origin == "https://example.org/nantes"
    assert article.title == "Une passerelle sur la Loire"
    assert article.source == "Ouest Info"
    assert article.published == "2023-06-10"
    assert article.text == TEXT_FR
    assert article.content_hash


def test_line_with_html_instead_of_text_is_extracted() -> None:
    (page,) = _read(_line(id="lib", html=HTML_EN))
    assert isinstance(page, RawArticle)
    article = with_page_text(page)  # the per-article stage takes the text out
    assert article.id == "lib"
    assert "central library reopened on Saturday" in article.text
    assert "<p>" not in article.text
    assert article.title == "Library reopens"


def test_extra_fields_are_ignored() -> None:
    (article,) = _read(_line(id="bus", text=TEXT_EN, lang="en", tags=["transport"], score=0.9, extra=None))
    assert isinstance(article, RawArticle)
    assert article.id == "bus"
    assert article.text == TEXT_EN


def test_published_datetime_with_z_is_reduced_to_its_date() -> None:
    (article,) = _read(_line(id="bus", text=TEXT_EN, published="2022-12-30T10:00:00Z"))
    assert isinstance(article, RawArticle)
    assert article.published == "2022-12-30"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-30T10:00:00+01:00", "2022-12-30"),
        ("2022-12-30", "2022-12-30"),
        ("2022-12", "2022-12"),
        ("2022", "2022"),
        ("  ", None),
        (None, None),
    ],
)
def test_iso_dates_are_normalised_and_partial_dates_stay_partial(
    value: str | None, expected: str | None
) -> None:
    assert normalise_iso_date(value) == expected


def test_missing_id_falls_back_to_the_url() -> None:
    (article,) = _read(_line(url="https://example.org/bus-route", text=TEXT_EN))
    assert isinstance(article, RawArticle)
    assert article.id == "https://example.org/bus-route"
    assert article.origin == "https://example.org/bus-route"


def test_missing_id_and_url_fall_back_to_file_id_and_line_number() -> None:
    (first, second) = _read(_line(text=TEXT_EN), _line(text=TEXT_FR))
    assert isinstance(first, RawArticle)
    assert isinstance(second, RawArticle)
    assert first.id == "feed-1"
    assert second.id == "feed-2"
    assert first.origin == ORIGIN


def test_a_line_with_a_title_and_no_text_is_an_article_whose_text_is_its_title() -> None:
    (article,) = _read(_line(id="h", title="  Une passerelle sur la Loire inaugurée samedi  ", source="Feed"))
    assert isinstance(article, RawArticle)
    assert (article.text, article.title, article.source) == (
        "Une passerelle sur la Loire inaugurée samedi",
        "Une passerelle sur la Loire inaugurée samedi",
        "Feed",
    )
    assert article.content_hash


def test_two_items_with_one_headline_are_two_articles_and_one_item_read_twice_is_one() -> None:
    headline = "Une passerelle sur la Loire inaugurée samedi"
    first, second, again = _read(
        *(_line(id=item, title=headline) for item in ("le-matin/1", "le-soir/7", "le-matin/1"))
    )
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle) and isinstance(again, RawArticle)
    assert first.content_hash != second.content_hash  # two outlets' items: two articles (copies)
    assert first.content_hash == again.content_hash  # the same item: stored once


def test_integer_id_is_accepted_as_text() -> None:
    (article,) = _read(_line(id=42, text=TEXT_EN))
    assert isinstance(article, RawArticle)
    assert article.id == "42"


@pytest.mark.parametrize(
    ("bad_line", "reason_part"),
    [
        ('{"id": "broken", "text": "unterminated', "invalid JSON"),
        (json.dumps([TEXT_EN, TEXT_FR]), "not a JSON object"),
        (_line(id="n", text=12345), "field 'text' must be a string"),
        (_line(id=["a", "b"], text=TEXT_EN), "field 'id' must be a string or an integer"),
        (_line(id=True, text=TEXT_EN), "field 'id' must be a string or an integer"),
        (_line(id="p", text=TEXT_EN, published=20221230), "field 'published' must be a string"),
        (_line(id="t", title="   "), "no 'text', 'html' or 'title' field"),
        (_line(id="e", text="   \n  "), "no 'text', 'html' or 'title' field"),
        (_line(id="d", text=TEXT_EN, published="le 30 décembre 2022"), "not an ISO 8601 date"),
    ],
    ids=[
        "invalid-json",
        "json-array",
        "text-as-number",
        "id-as-list",
        "id-as-bool",
        "published-as-number",
        "blank-title-and-no-text",
        "empty-text",
        "non-iso-published",
    ],
)
def test_bad_jsonl_line_is_skipped_with_its_line_number_and_the_rest_goes_through(
    bad_line: str, reason_part: str
) -> None:
    items = _read(_line(id="first", text=TEXT_FR), bad_line, _line(id="third", text=TEXT_EN))
    assert [type(i) for i in items] == [RawArticle, Skipped, RawArticle]
    first, skipped, third = items
    assert isinstance(skipped, Skipped)
    assert skipped.where == f"{ORIGIN}:2"
    assert reason_part in skipped.reason
    assert "\n" not in skipped.reason
    assert (first.id, third.id) == ("first", "third")  # type: ignore[union-attr]


def test_jsonl_line_with_wrong_type_is_skipped_and_the_rest_goes_through(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                _line(id="a", text=TEXT_FR),
                "",
                _line(id="b", text=TEXT_EN, title=["not", "a", "string"]),
                _line(id="c", html=HTML_EN),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    items = list(read_file(path, Settings()))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["a", "c"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert skipped == [Skipped(f"{path}:3", "field 'title' must be a string, not list")]


def test_blank_lines_are_ignored_and_not_reported() -> None:
    items = _read("", _line(id="a", text=TEXT_EN), "   ", "")
    assert [type(i) for i in items] == [RawArticle]


def test_a_line_over_the_size_cap_is_skipped_and_the_lines_after_it_are_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    long_line = _line(id="long", text=TEXT_EN * 40)
    path.write_text("\n".join([_line(id="a", text=TEXT_FR), long_line, _line(id="b", text=TEXT_EN)]) + "\n")
    items = list(read_file(path, Settings(max_input_bytes=1000)))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["a", "b"]
    assert [i for i in items if isinstance(i, Skipped)] == [
        Skipped(f"{path}:2", f"line too long ({len(long_line.encode()) + 1:,} bytes, limit 1,000)")
    ]


def test_a_line_over_the_time_budget_is_skipped_and_the_next_line_is_read(tmp_path: Path) -> None:
    soup = "<div><p>Encore une phrase dans la soupe de balises.</p></div>" * 60_000
    path = tmp_path / "feed.jsonl"
    page = f"<html><body>{soup}</body></html>"
    path.write_text(_line(id="soup", html=page) + "\n" + _line(id="b", text=TEXT_EN))
    settings = Settings(document_time_budget_s=1)
    items = list(read_file(path, settings))
    assert page_read(items[0], settings) == Skipped(f"{path} [soup]", "took more than 1 s (time budget)")
    assert isinstance(items[1], RawArticle)
    assert items[1].id == "b"
