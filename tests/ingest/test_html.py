"""HTML pages: main text without the chrome, metadata, and no network access ever."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from recoupe.ingest import read_file
from recoupe.ingest.decode import InputError
from recoupe.ingest.html import read_html_article, with_page_text
from recoupe.model import RawArticle, Skipped
from recoupe.settings import Settings
from recoupe.workers import page_read

PAGE = """\
<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Le tramway de Brest prolongé jusqu'à la gare maritime | Le Courrier du Finistère</title>
  <meta property="og:title" content="Le tramway de Brest prolongé jusqu'à la gare maritime">
  <meta property="og:site_name" content="Le Courrier du Finistère">
  <meta name="author" content="Yann Le Goff">
  <meta property="article:published_time" content="2023-05-17T08:30:00+02:00">
</head>
<body>
  <nav class="menu">
    <ul>
      <li><a href="/politique">Politique</a></li>
      <li><a href="/economie">Économie</a></li>
      <li><a href="/sports">Rubrique des sports du dimanche</a></li>
    </ul>
  </nav>
  <div id="cookie-banner" class="cookie-consent">
    Nous utilisons des cookies pour améliorer votre expérience. Acceptez-vous les cookies ?
    <button>Tout accepter</button>
  </div>
  <article>
    <h1>Le tramway de Brest prolongé jusqu'à la gare maritime</h1>
    <p>Le conseil de la métropole a approuvé lundi soir le prolongement de la ligne de tramway
    jusqu'à la gare maritime, un chantier estimé à quatre-vingts millions d'euros.</p>
    <p>Les travaux doivent commencer au printemps prochain et durer deux ans, selon le
    vice-président chargé des mobilités, qui promet des perturbations limitées pour les riverains.</p>
    <p>Les associations d'usagers saluent une décision attendue depuis dix ans, tout en
    regrettant l'absence de nouvelles stations dans les quartiers du nord de la ville.</p>
  </article>
  <footer>Mentions légales · Plan du site · Nous contacter</footer>
</body>
</html>
"""


def test_html_page_gives_its_article_text_without_the_navigation() -> None:
    article = read_html_article(PAGE, "tram", "in/tram.html", "hash")
    assert "Le conseil de la métropole a approuvé lundi soir" in article.text
    assert "nouvelles stations dans les quartiers du nord" in article.text
    assert "Rubrique des sports du dimanche" not in article.text
    assert "Tout accepter" not in article.text
    assert "Mentions légales" not in article.text


def test_html_page_gives_its_title_source_author_and_published_date() -> None:
    article = read_html_article(PAGE, "tram", "in/tram.html", "hash")
    assert article.title == "Le tramway de Brest prolongé jusqu'à la gare maritime"
    assert article.source == "Le Courrier du Finistère"
    assert article.author == "Yann Le Goff"
    assert article.published == "2023-05-17"
    assert (article.id, article.origin, article.content_hash) == ("tram", "in/tram.html", "hash")


def test_html_file_is_read_with_the_file_name_as_id(tmp_path: Path) -> None:
    path = tmp_path / "007_tram.html"
    path.write_text(PAGE, encoding="utf-8")
    (page,) = list(read_file(path, Settings()))
    assert isinstance(page, RawArticle)
    assert page.text == "" and page.html == PAGE  # its text is taken out by the per-article stage
    item = with_page_text(page)
    assert item.id == "007_tram"
    assert item.origin == str(path)
    assert item.source == "Le Courrier du Finistère"


def test_html_page_without_article_text_raises_input_error() -> None:
    empty = (
        "<html><head><title>Page introuvable</title><style>body { color: red }</style></head>"
        "<body><script>var greeting = 'Bonjour à tous les lecteurs du journal';</script>"
        "<div class='ad'></div><img src='photo.png' alt=''></body></html>"
    )
    with pytest.raises(InputError, match="no article text"):
        read_html_article(empty, "x", "x.html", "h")


def test_html_file_without_article_text_is_skipped_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Vide</title></head><body></body></html>", encoding="utf-8")
    (page,) = list(read_file(path, Settings()))
    assert isinstance(page, RawArticle)
    item = page_read(page, Settings())
    assert isinstance(item, Skipped)
    assert item.where == str(path)
    assert "no article text" in item.reason


def test_reading_a_page_with_canonical_and_og_url_touches_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = PAGE.replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8">\n'
        '  <link rel="canonical" href="https://example.org/x">\n'
        '  <meta property="og:url" content="https://example.org/x">\n'
        '  <meta property="og:image" content="https://example.org/x.jpg">',
    )
    assert 'rel="canonical"' in page
    article = read_html_article(page, "tram", "tram.html", "h")
    assert "Le conseil de la métropole a approuvé lundi soir" in article.text
    assert article.published == "2023-05-17"
    assert attempts == []


def test_a_page_whose_date_is_only_written_in_its_byline_still_gets_it() -> None:
    # No date in the metadata nor in a dated element: htmldate's quick search finds none, its
    # extensive search (asked only then) reads the paragraph.
    page = (
        PAGE.replace('  <meta property="article:published_time" content="2023-05-17T08:30:00+02:00">\n', "")
        .replace("<article>", "<article><p>veröffentlicht am 9. März 2021</p>")
    )
    assert read_html_article(page, "tram", "in/tram.html", "hash").published == "2021-03-09"
