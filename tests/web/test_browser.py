"""End to end in Debian's Chromium: search, open a story, follow a summary link, unfold removed text;
no hostile string from an article ever runs or becomes a javascript: link; and the story list of a
watched store moves round by round."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest
import uvicorn
from hostile import EVIL, SCRIPT
from playwright.sync_api import Browser, Page, sync_playwright
from watch_site import FESTIVAL_TITLE, FLOOD_TITLE, TRAM_TITLE, first_round, second_round, sources_file
from web_server import FAST, serve

from recoupe.model import Brief
from recoupe.report.html import render_html
from recoupe.store.watch import watch_once
from recoupe.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Any element with an on* attribute (onerror, onclick…) would be script written by the content.
HAS_EVENT_HANDLER = (
    "[...document.querySelectorAll('*')].some(e => e.getAttributeNames().some(n => n.startsWith('on')))"
)
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (make test installs it)"
)


@pytest.fixture(scope="module")
def server(story_db: Path) -> Iterator[str]:
    with serving(story_db) as base:
        yield base


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread, on a port the system picked; its base URL once it answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    uv = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        with urlopen(base + "/") as response:
            assert response.status == 200
        yield base
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def dialogs() -> list[str]:
    """The messages of every alert/confirm/prompt a page opened: there must be none."""
    return []


@pytest.fixture
def page(browser: Browser, dialogs: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def test_page_through_a_filtered_list_with_plain_links(page: Page, server: str) -> None:
    page.goto(server + "/?language=fr&per_page=2")
    first_page = page.locator("table.stories tbody tr a").all_inner_texts()
    assert len(first_page) == 2 and page.locator("#result-count").inner_text().startswith("stories 1–2 of")
    page.click("a[rel=next]")
    page.wait_for_url("**/?language=fr&page=2&per_page=2")
    assert page.locator("#result-count").inner_text().startswith("stories 3–4 of")
    assert page.locator("table.stories tbody tr a").all_inner_texts() != first_page
    shot(page, "list-page-2.png")
    page.click("a[rel=prev]")
    page.wait_for_url("**/?language=fr&page=1&per_page=2")
    assert page.locator("table.stories tbody tr a").all_inner_texts() == first_page
    page.click("button[type=submit]")  # a new search starts at page 1 and keeps the page size
    page.wait_for_url("**/?*per_page=2")
    assert "page=" not in page.url.replace("per_page=", "")


def test_search_then_open_the_story(page: Page, browser: Browser, server: str) -> None:
    page.goto(server + "/")
    everything = page.locator("table.stories tbody tr").count()
    shot(page, "list.png")
    page.fill("input[name=q]", "Zolotopil")
    page.select_option("select[name=language]", "en")
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=Zolotopil*language=en*")
    rows = page.locator("table.stories tbody tr")
    assert 1 <= rows.count() < everything
    assert all("en" in row.locator("td").last.inner_text() for row in rows.all())
    assert "Zolotopil" in page.locator("#result-count").inner_text()
    first = rows.first.locator("a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h1").inner_text().startswith(title)
    assert page.locator("ol.summary li").count() >= 1
    assert page.locator("svg.chart").count() >= 1
    assert shot(page, "story.png").stat().st_size > 10_000
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    phone.goto(page.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    shot(phone, "story-phone.png")
    phone.context.close()


def test_summary_link_leads_to_the_article_and_removed_text_unfolds(
    page: Page, server: str, stored_brief: Brief
) -> None:
    articles = {a.id: a for a in stored_brief.articles}
    story = next(
        s
        for s in stored_brief.stories
        if s.summary and any(articles[a].removed for a in s.summary[0].articles)
    )
    page.goto(f"{server}/stories/{story.id}")
    cited = next(a for a in story.summary[0].articles if articles[a].removed)
    page.locator(f'ol.summary li >> nth=0 >> a[href="/articles/{quote(cited, safe="")}"]').click()
    page.wait_for_url(f"**/articles/{quote(cited, safe='')}")
    assert page.locator("h1").inner_text() == (articles[cited].title or cited)
    removed = page.locator("ul.removed")
    assert not removed.is_visible()
    page.click("details.removed-text > summary")
    assert removed.is_visible()
    assert removed.locator("li").count() == len(articles[cited].removed)
    shot(page, "article.png")


def test_no_ingested_string_runs_or_links_to_javascript(
    page: Page, dialogs: list[str], server: str, hostile_story: str, stored_brief: Brief, tmp_path: Path
) -> None:
    dossier = tmp_path / "dossier.html"
    dossier.write_text(render_html(stored_brief), encoding="utf-8")
    urls = [
        server + "/",
        server + "/?q=Vallorge",
        f"{server}/stories/{hostile_story}",
        f"{server}/articles/{quote(EVIL, safe='')}",
        dossier.as_uri(),
    ]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        for details in page.locator("details > summary").all():
            details.click()  # removed text and quote variants shown too
        assert dialogs == [], url
        assert page.locator("script").count() == 0, url
        assert page.locator("img").count() == 0, url
        assert page.locator('a[href^="javascript:" i]').count() == 0, url
        assert page.evaluate(HAS_EVENT_HANDLER) is False, url
    page.goto(f"{server}/articles/{quote(EVIL, safe='')}")
    assert SCRIPT in page.locator("main").inner_text()  # shown as the text it is
    shot(page, "hostile-article.png")


def test_dossier_reads_on_a_phone_without_sideways_scrolling(
    browser: Browser, stored_brief: Brief, tmp_path: Path
) -> None:
    dossier = tmp_path / "dossier.html"
    dossier.write_text(render_html(stored_brief), encoding="utf-8")
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    phone.goto(dossier.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.locator("article.story-block").count() == len(stored_brief.stories)
    shot(phone, "dossier-phone.png")
    phone.context.close()


def story_lines(page: Page) -> dict[str, dict[str, str]]:
    """The story list as shown, by title: each row's cells by column heading, in the list's order."""
    headings = page.locator("table.stories thead th").all_inner_texts()
    rows = page.locator("table.stories tbody tr").all()
    return {
        row.locator("a").first.inner_text(): dict(
            zip(headings, row.locator("td").all_inner_texts(), strict=True)
        )
        for row in rows
    }


def test_a_reload_after_each_watch_round_shows_the_news_move(page: Page, tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with serve() as site:
        first_round(site)
        sources = sources_file(
            site, str(tmp_path / "sources.txt"), "/feeds/alpes.xml", "/feeds/agregateur.xml"
        )
        watch_once(sources, db, FAST, workers=1)
        with serving(db) as base:
            page.goto(base + "/")
            before = story_lines(page)
            assert list(before) == [FLOOD_TITLE, TRAM_TITLE]  # one round: newest first
            assert all(line["Articles"] == "1" and "+1" in line["Updated (UTC)"] for line in before.values())
            shot(page, "watch-round-1.png")

            second_round(site)  # a syndicated copy of the tram strike, a headline-only festival item
            watch_once(sources, db, FAST, workers=1)
            page.reload()
            after = story_lines(page)
            # What round 2 touched first, newest first: the new story, the one that grew; then the rest.
            assert list(after) == [FESTIVAL_TITLE, TRAM_TITLE, FLOOD_TITLE]
            tram, flood, festival = after[TRAM_TITLE], after[FLOOD_TITLE], after[FESTIVAL_TITLE]
            assert tram["Articles"] == "2" and "+1" in tram["Updated (UTC)"]
            assert "Agrégateur Info" in tram["Story"] and "Alpes Matin" in tram["Story"]
            assert tram["Independent sources"] == "1"  # the copy adds coverage, not an independent source
            assert festival["Articles"] == "1" and "+1" in festival["Updated (UTC)"]
            # Untouched by round 2: updated as before, with nothing new since.
            assert flood == {
                **before[FLOOD_TITLE],
                "Updated (UTC)": before[FLOOD_TITLE]["Updated (UTC)"].removesuffix(" +1"),
            }
            shot(page, "watch-round-2.png")

            page.locator("table.stories a", has_text=TRAM_TITLE).click()
            page.wait_for_url("**/stories/*")
            arrived = page.locator("#arrivals tbody tr").all()
            assert [len(row.locator(".tag").all()) for row in arrived] == [0, 1]  # the copy is new
            assert "Agrégateur Info" in arrived[1].inner_text()
