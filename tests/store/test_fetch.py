"""`recoupe fetch URL... --db FILE`: pages downloaded from a server the test starts on 127.0.0.1 are
stored as `.html` files are, the URL as their id; a page that cannot be had is one line."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner, Result
from web_server import Route, article_page, serve

from recoupe.cli import app
from recoupe.store import Store

SOURCE_LINE = re.compile(r"^recoupe: source (?P<url>\S+): (?P<reason>.+)$")

TRAM = article_page(
    "Grève des tramways à Grenoble : le réseau à l'arrêt mardi",
    [
        "Les conducteurs de tramway de Grenoble ont cessé le travail mardi matin à l'appel de trois "
        "syndicats, qui réclament une hausse de salaire de 150 euros par mois.",
        "Selon la régie des transports, seules deux rames sur quarante ont circulé dans la matinée, "
        "et les lignes A et B sont restées fermées jusqu'à midi.",
        "« Nous ne reprendrons pas tant que la direction refusera de négocier », a déclaré Pauline "
        "Mercier, déléguée syndicale, devant le dépôt d'Eybens.",
        "La direction propose une prime de 60 euros et une nouvelle réunion vendredi.",
    ],
    "2026-11-24",
    "Le Dauphiné Express",
)


def recoupe(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def source_lines(stderr: str) -> dict[str, str]:
    return {m["url"]: m["reason"] for line in stderr.splitlines() if (m := SOURCE_LINE.match(line))}


def test_fetched_pages_are_stored_under_their_url_and_a_missing_one_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        site.routes["/2026/11/24/greve-tram"] = Route(TRAM)
        page, missing = site.url("/2026/11/24/greve-tram"), site.url("/gone")

        first = recoupe("fetch", page, missing, "--db", db, "--allow-private", "--workers", "1")
        again = recoupe("fetch", page, "--db", db, "--allow-private", "--workers", "1")

    assert first.exit_code == 0, first.output
    assert source_lines(first.stderr) == {missing: "HTTP 404 Not Found"}
    assert "1 articles added, 0 already stored, 1 pages skipped; 1 new stories" in first.stderr
    assert again.exit_code == 0 and "0 articles added, 1 already stored" in again.stderr
    with Store(db, readonly=True) as store:
        brief = store.brief()
    [article] = brief.articles
    assert (article.id, article.origin) == (page, page)
    assert article.title == "Grève des tramways à Grenoble : le réseau à l'arrêt mardi"
    assert article.published == "2026-11-24" and article.source == "Le Dauphiné Express"
    assert "Pauline Mercier" in " ".join(p.text for p in article.paragraphs)


def test_fetch_refuses_a_loopback_address_without_allow_private(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        site.routes["/a"] = Route(TRAM)
        result = recoupe("fetch", site.url("/a"), "--db", db, "--workers", "1")
    assert result.exit_code == 2
    assert "private or loopback address" in source_lines(result.stderr)[site.url("/a")]
    assert site.requests == []
