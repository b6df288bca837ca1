"""The web app over a real story database: pages, filters, the JSON API, errors and security headers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient
from hostile import EVIL, SCRIPT
from markupsafe import escape

from recoupe.model import Brief
from recoupe.report.json import article_to_dict, story_to_dict
from recoupe.report.speakers import quotes_by_speaker
from recoupe.report.views import published_label
from recoupe.web.app import CONTENT_SECURITY_POLICY

STORY_LINK = re.compile(r'href="/stories/([^"]+)"')


def listed_story_ids(page: str) -> list[str]:
    return STORY_LINK.findall(page)


def test_story_list_is_newest_first_with_undated_last(client: TestClient, stored_brief: Brief) -> None:
    """One round stored every story: last updated first leaves them newest first."""
    rows = client.get("/api/stories").json()["stories"]
    assert len(rows) == len(stored_brief.stories)
    assert len({row["updated"] for row in rows}) == 1 and rows[0]["updated"]
    assert all(row["new_articles"] == row["articles"] for row in rows)  # all came in the latest round
    dates = [row["date"] for row in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated))
    assert listed_story_ids(client.get("/").text) == [row["id"] for row in rows]


def test_each_row_counts_articles_and_independent_sources(client: TestClient, stored_brief: Brief) -> None:
    by_id = {s.id: s for s in stored_brief.stories}
    for row in client.get("/api/stories").json()["stories"]:
        assert row["articles"] == len(by_id[row["id"]].articles)
        assert row["independent_sources"] == by_id[row["id"]].independent_sources


def test_search_box_finds_the_story_that_tells_it(client: TestClient, stored_brief: Brief) -> None:
    articles = {a.id: a for a in stored_brief.articles}
    telling = {s.id for s in stored_brief.stories if any("tramway" in articles[a].text for a in s.articles)}
    found = set(listed_story_ids(client.get("/", params={"q": "tramway"}).text))
    assert telling and telling <= found and len(found) < len(stored_brief.stories)
    assert listed_story_ids(client.get("/", params={"q": "zzzqqq"}).text) == []


def test_search_words_are_not_query_syntax(client: TestClient) -> None:
    for query in ('"', "tram*", "NOT AND", "-", "a:b", "(", SCRIPT):
        assert client.get("/", params={"q": query}).status_code == 200, query
        assert client.get("/api/stories", params={"q": query}).status_code == 200, query


def test_filters_by_language_source_and_dates(client: TestClient, stored_brief: Brief) -> None:
    articles = {a.id: a for a in stored_brief.articles}
    english = {s.id for s in stored_brief.stories if any(articles[a].language == "en" for a in s.articles)}
    page = client.get("/", params={"language": "en", "q": "", "from": "", "to": "", "source": ""}).text
    assert set(listed_story_ids(page)) == english
    reuters = client.get("/api/stories", params={"source": "Reuters"}).json()["stories"]
    assert reuters and all("Reuters" in row["sources"] for row in reuters)
    window = client.get("/api/stories", params={"from": "2024-03-13", "to": "2024-03-15"}).json()["stories"]
    assert window and all("2024-03-13" <= row["date"] <= "2024-03-15" for row in window)
    assert len(window) < len(stored_brief.stories)


def test_story_page_cites_its_articles_and_groups_its_sources(
    client: TestClient, stored_brief: Brief
) -> None:
    story = max(stored_brief.stories, key=lambda s: len(s.articles))
    page = client.get(f"/stories/{story.id}").text
    assert "Sources, grouped by independence" in page
    for sentence in story.summary:
        for article_id in sentence.articles:
            assert f'href="/articles/{quote(article_id, safe="")}"' in page
    assert page.count('class="sources"') == 1 and '<svg class="chart"' in page


def test_story_page_says_when_each_article_arrived_beside_its_publication_date(
    client: TestClient, stored_brief: Brief
) -> None:
    story = max(stored_brief.stories, key=lambda s: len(s.articles))
    updated = next(r["updated"] for r in client.get("/api/stories").json()["stories"] if r["id"] == story.id)
    arrived = client.get(f"/stories/{story.id}").text.split('<section id="arrivals">')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", arrived, re.S)[1:]
    assert len(rows) == len(story.articles)
    articles = {a.id: a for a in stored_brief.articles}
    moment = updated[:10] + " " + updated[11:16]  # "2026-12-06 11:40", under "Arrived (UTC)"
    for row, article_id in zip(rows, story.articles, strict=True):  # one round: the story's order
        assert f"{moment} <span" in row and ">new</span>" in row
        assert f'href="/articles/{quote(article_id, safe="")}"' in row
        assert str(escape(published_label(articles[article_id]))) in row


def test_story_page_shows_every_speaker_and_folds_no_quote_away(
    client: TestClient, stored_brief: Brief
) -> None:
    quoted = [s for s in stored_brief.stories if s.quotes]
    assert any(len(quotes_by_speaker(s.quotes)) > 1 for s in quoted)
    for story in quoted:
        page = client.get(f"/stories/{quote(story.id, safe='')}").text
        for group in quotes_by_speaker(story.quotes):
            assert escape(group.label) in page
            for said in group.quotes:
                assert f"« {escape(said.text)} »" in page
        folding = [g for g in quotes_by_speaker(story.quotes) if g.folded]
        assert page.count('<details class="more-quotes">') == len(folding)
        assert "<script" not in page


def test_article_page_marks_languages_and_keeps_removed_text_folded(
    client: TestClient, stored_brief: Brief
) -> None:
    article = next(a for a in stored_brief.articles if a.removed and "mixed-language" in a.flags)
    page = client.get(f"/articles/{quote(article.id, safe='')}").text
    languages = set(re.findall(r'<p lang="([a-z]*)"', page))
    assert languages == {p.language for p in article.paragraphs}
    assert '<details class="removed-text">' in page and '<details class="removed-text" open' not in page
    assert page.count('<li><span class="tag">') >= len(article.removed)


def test_api_mirrors_the_brief(client: TestClient, stored_brief: Brief) -> None:
    for story in stored_brief.stories:
        assert client.get(f"/api/stories/{story.id}").json() == story_to_dict(story)
    for article in stored_brief.articles:
        assert client.get(f"/api/articles/{quote(article.id, safe='')}").json() == article_to_dict(article)


def test_openapi_describes_the_api_and_no_page_loads_a_cdn(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404


def test_unknown_ids_get_a_404_page_or_json(client: TestClient) -> None:
    for path in ("/stories/s999", "/articles/nope", "/no-such-page"):
        response = client.get(path)
        assert response.status_code == 404 and "Not found" in response.text, path
        assert response.headers["content-type"].startswith("text/html")
    response = client.get("/api/stories/s999")
    assert response.status_code == 404 and response.json() == {"detail": "No story has this id."}


def test_every_answer_carries_the_security_policy(client: TestClient, hostile_story: str) -> None:
    for path in ("/", f"/stories/{hostile_story}", "/api/stories", "/static/recoupe.css", "/nope"):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["x-content-type-options"] == "nosniff"
    assert "script-src" not in CONTENT_SECURITY_POLICY and "default-src 'none'" in CONTENT_SECURITY_POLICY


def test_the_app_only_reads(client: TestClient, story_db: Path, hostile_story: str) -> None:
    before = hashlib.sha256(story_db.read_bytes()).hexdigest()
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.request(method, f"/api/stories/{hostile_story}").status_code == 405
        assert client.request(method, "/").status_code == 405
    client.get("/", params={"q": "Zolotopil"})
    assert hashlib.sha256(story_db.read_bytes()).hexdigest() == before


def test_hostile_fields_are_shown_as_text(client: TestClient, hostile_story: str) -> None:
    pages = [
        client.get("/").text,
        client.get("/", params={"q": "Vallorge"}).text,
        client.get(f"/stories/{hostile_story}").text,
        client.get(f"/articles/{quote(EVIL, safe='')}").text,
    ]
    for page in pages:
        assert "<script" not in page and "<img" not in page
        assert 'href="javascript' not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[3]
    assert "Vallorge" in pages[1]
