"""Report: the brief as JSON (the `recoupe/brief@1` contract), a Markdown dossier or an HTML dossier."""

from recoupe.model import Brief
from recoupe.report.json import brief_to_dict, render_json, render_story_list_json
from recoupe.report.markdown import render_markdown, render_story_list_markdown


def render_html(brief: Brief) -> str:
    """The HTML dossier; imported on use, since its source grouping loads recoupe.stories (spaCy)."""
    from recoupe.report.html import render_html as render

    return render(brief)


__all__ = [
    "brief_to_dict",
    "render_html",
    "render_json",
    "render_markdown",
    "render_story_list_json",
    "render_story_list_markdown",
]
