"""Report: the brief as JSON (the `recoupe/brief@1` contract) or as a Markdown dossier."""

from recoupe.report.json import brief_to_dict, render_json, render_story_list_json
from recoupe.report.markdown import render_markdown, render_story_list_markdown

__all__ = [
    "brief_to_dict",
    "render_json",
    "render_markdown",
    "render_story_list_json",
    "render_story_list_markdown",
]
