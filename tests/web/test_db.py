"""The story list a page at a time (recoupe/web/db.py), through `/` and `GET /api/stories`; the app's
stores, kept between requests."""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from recoupe.model import Brief
from recoupe.settings import Settings
from recoupe.store.schema import connect, transaction
from recoupe.web import create_app
from recoupe.web.db import StorePool

STORY_LINK = re.compile(r'href="/stories/([^"]+)"')
NEXT_LINK = re.compile(r'<a rel="next" href="([^"]+)"')
PREVIOUS_LINK = re.compile(r'<a rel="prev" href="([^"]+)"')


def everything(client: TestClient, **filters: str) -> list[str]:
    """The ids of the whole filtered list, in one page as large as allowed (the test store is small)."""
    params = {**filters, "per_page": Settings.web_max_page_size}
    return [row["id"] for row in client.get("/api/stories", params=params).json()["stories"]]


def link(page: str, pattern: re.Pattern[str]) -> str | None:
    found = pattern.search(page)
    return unescape(found.group(1)) if found else None


def test_the_first_page_holds_the_first_stories_and_counts_them_all(
    client: TestClient, stored_brief: Brief
) -> None:
    answer = client.get("/api/stories", params={"per_page": 3}).json()
    total = len(stored_brief.stories)
    assert (answer["total"], answer["page"], answer["per_page"]) == (total, 1, 3)
    assert [row["id"] for row in answer["stories"]] == everything(client)[:3]
    assert answer["previous"] is None
    assert answer["next"] == "/api/stories?page=2&per_page=3"
    page = client.get("/", params={"per_page": 3}).text
    assert f"stories 1–3 of {total}" in page
    assert STORY_LINK.findall(page) == everything(client)[:3]
    assert link(page, PREVIOUS_LINK) is None and link(page, NEXT_LINK) == "/?page=2&per_page=3"


def test_next_links_walk_the_whole_list_once_and_the_last_page_is_partial(
    client: TestClient, stored_brief: Brief
) -> None:
    total = len(stored_brief.stories)
    assert total % 4 != 0, "the test store must end on a partial page of 4"
    seen, url, pages = [], "/api/stories?per_page=4", []
    while url:
        answer = client.get(url).json()
        seen += [row["id"] for row in answer["stories"]]
        pages.append(len(answer["stories"]))
        url = answer["next"]
    assert seen == everything(client)
    assert pages == [4] * (total // 4) + [total % 4]
    last = total // 4 + 1
    page = client.get("/", params={"page": last, "per_page": 4}).text
    assert f"stories {4 * (last - 1) + 1}–{total} of {total}" in page
    assert link(page, NEXT_LINK) is None
    assert link(page, PREVIOUS_LINK) == f"/?page={last - 1}&per_page=4"


def test_the_default_page_size_comes_from_the_settings(client: TestClient) -> None:
    answer = client.get("/api/stories").json()
    assert answer["page"] == 1 and answer["per_page"] == Settings.web_page_size
    assert Settings.web_page_size <= Settings.web_max_page_size


def test_page_links_keep_every_filter(client: TestClient) -> None:
    filters = {"language": "fr", "from": "2024-01-01", "to": "2025-12-31"}
    expected = everything(client, **filters)
    assert len(expected) > 2, "the filter must leave more than one page of 2"
    seen, url = [], "/?" + "&".join(f"{k}={v}" for k, v in filters.items()) + "&per_page=2"
    while url:
        page = client.get(url).text
        seen += STORY_LINK.findall(page)
        url = link(page, NEXT_LINK)
        if url:
            query = parse_qs(urlsplit(url).query)
            assert {k: query[k] for k in filters} == {k: [v] for k, v in filters.items()}
            assert 'name="per_page" value="2"' in page  # a new search keeps the page size
    assert seen == expected
    answer = client.get("/api/stories", params={"q": "tramway", "per_page": 1}).json()
    assert answer["total"] == len(everything(client, q="tramway"))
    if answer["total"] > 1:
        assert parse_qs(urlsplit(answer["next"]).query)["q"] == ["tramway"]


def test_a_page_past_the_end_is_empty_not_an_error(client: TestClient, stored_brief: Brief) -> None:
    total = len(stored_brief.stories)
    answer = client.get("/api/stories", params={"page": 99, "per_page": 3}).json()
    assert (answer["stories"], answer["total"], answer["page"], answer["next"]) == ([], total, 99, None)
    assert answer["previous"] == f"/api/stories?page={-(-total // 3)}&per_page=3"  # the last page
    response = client.get("/", params={"page": 99, "per_page": 3})
    assert response.status_code == 200 and "Nothing on page 99" in response.text
    assert STORY_LINK.findall(response.text) == []
    nothing = client.get("/", params={"q": "zzzqqq", "page": 2}).text
    assert "No story matches" in nothing and link(nothing, PREVIOUS_LINK) is None


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": -1},
        {"page": "two"},
        {"per_page": 0},
        {"per_page": Settings.web_max_page_size + 1},
    ],
)
def test_invalid_page_or_size_is_a_422(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/stories", params=params).status_code == 422
    assert client.get("/", params=params).status_code == 422


def test_the_api_describes_its_paging(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/stories"]["get"]["parameters"]}
    assert {"page", "per_page", "q", "from", "to", "language", "source"} <= names
    fields = spec["components"]["schemas"]["StoryList"]["properties"]
    assert {"total", "page", "per_page", "next", "previous", "stories"} <= set(fields)


def test_a_search_found_in_very_many_articles_pages_by_next_links_without_a_count(
    client: TestClient, story_db: Path
) -> None:
    # Every search of this small store counts as "very many articles" here (recoupe/store/listing.py).
    walked = Settings(search_counted_articles=1, search_walk_stories=100)
    expected = everything(client, q="de")
    assert len(expected) > 3, "the word must be in more than one page of 3 stories"
    with TestClient(create_app(story_db, walked)) as walking:
        seen, url, totals = [], "/api/stories?q=de&per_page=3", []
        while url:
            answer = walking.get(url).json()
            seen += [row["id"] for row in answer["stories"]]
            totals.append(answer["total"])
            url = answer["next"]
        assert seen == expected
        assert totals[0] is None and totals[-1] == len(expected)  # the walk reached the end
        page = walking.get("/", params={"q": "de", "per_page": 3}).text
    assert "stories 1–3 of more than 3" in page and "page 1<" in page
    assert STORY_LINK.findall(page) == expected[:3]
    assert link(page, NEXT_LINK) == "/?q=de&page=2&per_page=3"


# The app's stores (StorePool): kept open between requests, one request at a time each.


def test_a_store_given_back_is_lent_to_the_next_request_and_two_at_once_get_two(story_db: Path) -> None:
    pool = StorePool(story_db)
    with pool.lend() as first, pool.lend() as second:
        assert second is not first
    with pool.lend() as again:
        assert again in (first, second)
    pool.close()


def test_a_kept_store_reads_what_was_committed_since_it_was_opened(
    story_db: Path, stored_brief: Brief, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(story_db, db)
    story = stored_brief.stories[0].id
    pool = StorePool(db)
    with pool.lend() as store:
        assert store.story(story) is not None
    with closing(connect(db)) as writer, transaction(writer):
        writer.execute("DELETE FROM stories WHERE id = ?", (story,))
    with pool.lend() as kept:
        assert kept is store and kept.story(story) is None
    pool.close()


def test_a_store_that_failed_is_closed_not_kept_and_closing_the_pool_closes_the_kept(story_db: Path) -> None:
    pool = StorePool(story_db)
    with pytest.raises(RuntimeError), pool.lend() as failed:
        raise RuntimeError("a request failed half-way")
    with pytest.raises(sqlite3.ProgrammingError):
        failed.story("s1")
    with pytest.raises(HTTPException), pool.lend() as answered:  # a 404: the store is as good as before
        raise HTTPException(404, "No story has this id.")
    with pool.lend() as store:
        assert store is answered
    pool.close()
    with pytest.raises(sqlite3.ProgrammingError):
        store.story("s1")


def test_the_app_closes_its_stores_when_it_stops(story_db: Path) -> None:
    app = create_app(story_db)
    with TestClient(app) as client:
        assert client.get("/").status_code == 200
        with app.state.stores.lend() as store:  # the one the request gave back
            pass
    with pytest.raises(sqlite3.ProgrammingError):
        store.story("s1")
