"""The HTML pages: the story list, a story, an article; rendered on the server, no script."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from recoupe.model import Article
from recoupe.report.html import make_environment
from recoupe.report.views import story_view
from recoupe.settings import Settings
from recoupe.store import Arrival
from recoupe.web.api import PageNumber, PageSize
from recoupe.web.db import StoryFilters, open_store

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


@dataclass(frozen=True)
class WebLinks:
    """In the web app, every article and story has its own page; ids may be URLs, so they are quoted."""

    def article(self, article_id: str) -> str:
        return "/articles/" + quote(article_id, safe="")

    def story(self, story_id: str) -> str:
        return "/stories/" + quote(story_id, safe="")

    def api_article(self, article_id: str) -> str:
        return "/api" + self.article(article_id)

    def api_story(self, story_id: str) -> str:
        return "/api" + self.story(story_id)


LINKS = WebLinks()


@dataclass(frozen=True)
class ArrivedArticle:
    """A line of a story page's "As the articles arrived": an article and its arrival, if known."""

    article: Article
    arrival: Arrival | None
    new: bool  # stored by the store's latest round


def moment(value: str | None) -> str:
    """An instant the store recorded (ISO 8601, UTC) as the pages show it, their headings saying
    UTC: "2026-12-06 11:40"."""
    if not value:
        return "unknown"
    return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")


def arrival_order(
    articles: list[Article], arrivals: dict[str, Arrival], latest: Arrival | None
) -> list[ArrivedArticle]:
    """The story's articles by arrival, those of one run in the story's order; unknown arrivals
    first (they came before the store recorded runs)."""
    latest_run = latest.run if latest else None
    lines = [
        ArrivedArticle(a, arrivals.get(a.id), a.id in arrivals and arrivals[a.id].run == latest_run)
        for a in articles
    ]
    return sorted(lines, key=lambda line: line.arrival.run if line.arrival else 0)  # a stable sort


@cache
def _environment() -> Environment:
    environment = make_environment(PackageLoader("recoupe.web", "templates"))
    environment.filters["moment"] = moment
    return environment


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(links=LINKS, **context)


@router.get("/")
def story_list(
    request: Request,
    q: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    language: str | None = None,
    source: str | None = None,
    page: PageNumber = 1,
    per_page: PageSize = Settings.web_page_size,
) -> str:
    filters = StoryFilters.from_form(q, date_from, date_to, language, source)
    with open_store(request) as store:
        found = filters.page(store, page, per_page, request.app.state.settings)
        languages, sources = store.languages(), store.sources()
        latest = store.latest_run()
    links = {
        "previous": found.previous and filters.url("/", found.previous, per_page),
        "next": found.next and filters.url("/", found.next, per_page),
        "first": filters.url("/", 1, per_page),
    }
    return render(
        "list.html",
        found=found,
        latest=latest,
        page_links=links,
        per_page=per_page if per_page != Settings.web_page_size else None,
        filters=filters,
        languages=languages,
        sources=sources,
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> str:
    with open_store(request) as store:
        story = store.story(story_id)
        if story is None:
            raise HTTPException(404, "No story has this id.")
        articles = [a for a in map(store.article, story.articles) if a is not None]
        arrived = arrival_order(articles, store.arrivals(story.articles), store.latest_run())
    return render("story.html", view=story_view(story, articles), arrived=arrived)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str) -> str:
    with open_store(request) as store:
        article = store.article(article_id)
        if article is None:
            raise HTTPException(404, "No article has this id.")
        story_id = store.story_of(article_id)
    return render("article.html", article=article, story_id=story_id)
