"""The JSON API: stories and articles exactly as the brief (recoupe/brief@1) writes them."""

from __future__ import annotations

from dataclasses import fields, make_dataclass
from datetime import date
from typing import Annotated, Any, get_type_hints

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import Field

from recoupe.model import Article, Story
from recoupe.report.json import INTERNAL_ARTICLE_FIELDS, article_to_dict, story_to_dict
from recoupe.settings import Settings
from recoupe.store import StoryRow
from recoupe.web.db import StoryFilters, open_store

router = APIRouter(prefix="/api", tags=["api"])

# The article as the contract has it: the model's fields less recoupe's own bookkeeping (OpenAPI schema).
_article_types = get_type_hints(Article)
ContractArticle = make_dataclass(
    "Article",
    [(f.name, _article_types[f.name]) for f in fields(Article) if f.name not in INTERNAL_ARTICLE_FIELDS],
)
StoryList = make_dataclass(
    "StoryList",
    [
        ("schema", str),
        (
            "total",
            Annotated[
                int | None,
                Field(
                    description="Stories matching the filters, all pages together; null when a search"
                    " found in very many articles was not counted (more stories follow: see `next`)"
                ),
            ],
        ),
        ("page", Annotated[int, Field(description="This page's number, from 1")]),
        ("per_page", Annotated[int, Field(description="Stories per page")]),
        ("next", Annotated[str | None, Field(description="Next page URL, filters kept; null on the last")]),
        ("previous", Annotated[str | None, Field(description="The previous page's URL; null on the first")]),
        ("stories", list[StoryRow]),
    ],
)
# Page numbers and sizes for the list's routes (pages.py too); out of bounds is a 422.
PageNumber = Annotated[int, Query(ge=1, description="The page, from 1; past the last, an empty page")]
PageSize = Annotated[int, Query(ge=1, le=Settings.web_max_page_size, description="Stories per page")]


@router.get(
    "/stories",
    response_model=StoryList,
    summary="The story list, newest first, with filters, a page at a time",
)
def list_stories(
    request: Request,
    q: Annotated[str | None, Query(description="Full-text search over texts, titles and quotes")] = None,
    date_from: Annotated[date | None, Query(alias="from", description="Stories dated on or after")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Stories dated on or before")] = None,
    language: Annotated[str | None, Query(description="Stories with an article in this language")] = None,
    source: Annotated[str | None, Query(description="Stories with an article from this source")] = None,
    page: PageNumber = 1,
    per_page: PageSize = Settings.web_page_size,
) -> Any:
    filters = StoryFilters.from_form(
        q, date_from and date_from.isoformat(), date_to and date_to.isoformat(), language, source
    )
    with open_store(request) as store:
        found = filters.page(store, page, per_page, request.app.state.settings)
    return {
        "schema": "recoupe/brief@1",
        "total": found.total,
        "page": found.number,
        "per_page": found.size,
        "next": found.next and filters.url("/api/stories", found.next, per_page),
        "previous": found.previous and filters.url("/api/stories", found.previous, per_page),
        "stories": found.rows,
    }


@router.get("/stories/{story_id}", response_model=Story, summary="One story, as in the brief")
def get_story(request: Request, story_id: str) -> Any:
    with open_store(request) as store:
        story = store.story(story_id)
    if story is None:
        raise HTTPException(404, "No story has this id.")
    return story_to_dict(story)


@router.get(
    "/articles/{article_id:path}", response_model=ContractArticle, summary="One article, as in the brief"
)
def get_article(request: Request, article_id: str) -> Any:
    with open_store(request) as store:
        article = store.article(article_id)
    if article is None:
        raise HTTPException(404, "No article has this id.")
    return article_to_dict(article)
