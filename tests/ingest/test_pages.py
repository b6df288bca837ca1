"""Fetched pages read as `.html` files are: in the charset their headers declare, else detected;
an empty page or one with no article text is named."""

from __future__ import annotations

from web_server import article_page

from recoupe.ingest.pages import page_text, read_page
from recoupe.ingest.web import Page
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings

URL = "https://journal.example/2026/11/24/greve"


def test_the_declared_charset_decodes_the_page_else_it_is_detected() -> None:
    latin = "<p>Grève à l'aéroport</p>".encode("latin-1")
    assert page_text(Page(URL, latin, "text/html", "iso-8859-1")) == "<p>Grève à l'aéroport</p>"
    utf8 = "<p>Grève à l'aéroport</p>".encode()
    assert page_text(Page(URL, utf8, "text/html", "no-such-charset")) == "<p>Grève à l'aéroport</p>"


def test_a_page_is_read_under_its_url() -> None:
    html = article_page(
        "Grève à l'aéroport de Nice",
        [
            "Les contrôleurs aériens de l'aéroport de Nice ont cessé le travail jeudi matin, et "
            "quarante vols ont été annulés avant midi selon la direction.",
            "Le syndicat réclame le remplacement de six postes vacants depuis le printemps.",
        ],
        "2026-11-26",
        "Nice Soir",
    )
    article = read_page(URL, Page(URL, html.encode(), "text/html", "utf-8"), Settings())
    assert isinstance(article, RawArticle)
    assert (article.id, article.origin, article.published) == (URL, URL, "2026-11-26")
    assert article.title == "Grève à l'aéroport de Nice" and article.source == "Nice Soir"


def test_an_empty_page_and_a_page_without_text_are_named() -> None:
    assert read_page(URL, Page(URL, b" \n"), Settings()) == Skipped(URL, "empty page")
    empty = read_page(URL, Page(URL, b"<html><body><script>var x = 1;</script></body></html>"), Settings())
    assert empty == Skipped(URL, "no article text found in the HTML page")
