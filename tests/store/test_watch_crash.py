"""A watch round killed with SIGKILL half-way (while the server delays a page), then run again,
leaves the store an undisturbed round leaves: no item lost, none stored twice.

The killed round is a child process forked from the test process, which has the models loaded
already (as in test_crash.py); the site is served by a thread of the test process, so that the
test sees the child's requests. No store connection is open in the test process when it forks.
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from watch_site import first_round, rss, second_round, sources_file
from web_server import Route, Site, article_page, serve

from recoupe.report import render_json
from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.store.watch import watch_once

_FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None

# One article a transaction and one a task, so that the kill lands between stored articles.
SETTINGS = Settings(
    fetch_allow_private=True,
    fetch_read_timeout_s=10.0,
    fetch_retries=0,
    fetch_host_interval_s=0.0,
    ingest_batch_size=1,
    worker_batch_size=1,
)
DELAYED = "/agregateur/tram-grenoble"  # the last item of the round


def _round(sources: str, db: Path) -> None:
    watch_once(sources, db, SETTINGS, workers=1)


def _count(db: Path, table: str) -> int:
    try:
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _store_rows(db: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT id, content_hash FROM articles ORDER BY seq").fetchall()


def _store(db: Path) -> dict[str, object]:
    """Everything a round leaves: the brief as JSON, the articles in reading order, what was seen."""
    with Store(db, readonly=True) as store:
        brief = json.loads(render_json(store.brief()))
    brief.pop("generated_at")
    with closing(sqlite3.connect(db)) as connection:
        tables = {
            name: connection.execute(query).fetchall()
            for name, query in (
                ("articles", "SELECT id, content_hash FROM articles ORDER BY seq"),
                ("stories", "SELECT article_id, story_id FROM story_articles ORDER BY article_id"),
                ("items", "SELECT url, content_hash, article_id FROM watched_items ORDER BY url"),
                ("sources", "SELECT url, etag FROM watched_sources ORDER BY url"),
            )
        }
    return {"brief": brief, **tables}


# Short news of four unrelated events, so that the round has more items than the pipeline reads
# ahead of what it stores.
BRIEFS = {
    "velo": (
        "Bordeaux ouvre une piste cyclable de douze kilomètres le long de la Garonne",
        "La métropole de Bordeaux a inauguré samedi une piste cyclable de douze kilomètres reliant "
        "Bègles à Lormont. Le chantier a coûté 9 millions d'euros.",
    ),
    "musee": (
        "Le musée des Beaux-Arts de Lille rouvre après deux ans de travaux",
        "Fermé depuis 2024 pour la rénovation de sa verrière, le palais des Beaux-Arts de Lille "
        "accueille de nouveau le public dès mercredi, avec une exposition consacrée à Goya.",
    ),
    "port": (
        "Le port de Marseille bat son record de passagers de croisière",
        "Avec 2,9 millions de croisiéristes accueillis cette année, le grand port maritime de "
        "Marseille dépasse son précédent record, établi en 2019.",
    ),
    "neige": (
        "Les premières chutes de neige ferment le col du Galibier",
        "Le col du Galibier, entre la Savoie et les Hautes-Alpes, est fermé à la circulation depuis "
        "lundi soir après des chutes de neige de 40 centimètres.",
    ),
}


def _site(site: Site) -> None:
    """One round's worth of items: the flood, the tram strike, four short news, the festival (404)
    and the copy of the tram strike."""
    first_round(site)
    second_round(site)
    listed = []
    for name, (title, text) in BRIEFS.items():
        site.routes[f"/breves/{name}"] = Route(article_page(title, [text], "2026-11-25", "Brèves"))
        listed.append((title, site.url(f"/breves/{name}"), "2026-11-25", None))
    site.routes["/feeds/breves.xml"] = Route(rss("Brèves", listed))


@pytest.mark.skipif(_FORK is None, reason="needs fork()")
def test_a_round_killed_half_way_then_rerun_leaves_the_store_of_an_undisturbed_round(tmp_path: Path) -> None:
    with serve() as site:
        _site(site)
        feeds = ("/feeds/alpes.xml", "/feeds/breves.xml", "/feeds/agregateur.xml")
        sources = sources_file(site, str(tmp_path / "sources.txt"), *feeds)
        undisturbed = tmp_path / "undisturbed.db"
        _round(sources, undisturbed)  # in this process: the models are loaded before the fork

        killed = tmp_path / "killed.db"
        site.routes[DELAYED].delay_s = 30.0
        hits = site.hits(DELAYED)
        child = _FORK.Process(target=_round, args=(sources, killed))
        child.start()
        deadline = time.monotonic() + 120
        while (site.hits(DELAYED) == hits or _count(killed, "articles") < 1) and time.monotonic() < deadline:
            assert child.is_alive(), "the round ended before it could be killed"
            time.sleep(0.02)
        time.sleep(0.5)  # what can be stored before the delayed page is
        child.kill()
        child.join()
        assert child.exitcode == -9
        # Killed while the last page was on its way: the articles stored are seen, and no other;
        # the feeds' validators are saved only at the end of a round.
        stored = [url for url, _ in _store_rows(killed)]
        assert 1 <= len(stored) < 8 and _count(killed, "watched_items") == len(stored)
        assert _count(killed, "watched_sources") == 0 and _count(killed, "story_articles") == 0

        site.routes[DELAYED].delay_s = 0.0
        _round(sources, killed)

    # The pages stored before the kill were not fetched again: once by each of the two runs.
    assert [site.hits(url.removeprefix(site.base)) for url in stored] == [2] * len(stored)
    assert _store(killed) == _store(undisturbed)
    assert len(_store(killed)["articles"]) == 8  # type: ignore[arg-type]
