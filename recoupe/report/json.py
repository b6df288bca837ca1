"""The brief as JSON, field for field as ../shared/brief-format.md (recoupe/brief@1) sets it."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from recoupe.model import Article, Brief, Story

# Fields of the shared model that are recoupe's own bookkeeping, not part of the contract.
INTERNAL_ARTICLE_FIELDS = ("author", "agencies", "content_hash")


def article_to_dict(article: Article) -> dict[str, Any]:
    data = asdict(article)
    for name in INTERNAL_ARTICLE_FIELDS:
        data.pop(name)
    return data


def story_to_dict(story: Story) -> dict[str, Any]:
    return asdict(story)


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    return {
        "schema": brief.schema,
        "generated_at": brief.generated_at,
        "articles": [article_to_dict(a) for a in brief.articles],
        "stories": [story_to_dict(s) for s in brief.stories],
    }


def render_json(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"


def render_story_list_json(brief: Brief) -> str:
    """The map before the dossier: each story's date, title, articles and independent sources."""
    stories = [
        {
            "id": s.id,
            "date": s.date,
            "title": s.title,
            "articles": s.articles,
            "independent_sources": s.independent_sources,
        }
        for s in brief.stories
    ]
    return json.dumps({"schema": brief.schema, "stories": stories}, ensure_ascii=False, indent=2) + "\n"
