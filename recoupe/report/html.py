"""The brief as one self-contained HTML dossier: inline CSS and SVG, no script, nothing fetched."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined

from recoupe import __version__
from recoupe.model import Brief
from recoupe.numbers import format_amount, format_number
from recoupe.report.views import anchor, published_label, source_label, story_view, web_url


def make_environment(*loaders: BaseLoader) -> Environment:
    """Jinja with autoescape on everywhere: every string of an article is untrusted."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("recoupe.report", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        anchor=anchor,
        story_anchor=lambda story_id: anchor(f"story-{story_id}"),
        web_url=web_url,
        source_label=source_label,
        published_label=published_label,
        format_number=format_number,
        format_amount=lambda value: format_amount(value.value, value.unit),
    )
    env.globals["version"] = __version__
    return env


@cache
def _environment() -> Environment:
    return make_environment()


@dataclass(frozen=True)
class DossierLinks:
    """In the dossier, articles and stories are anchors of the same page."""

    def article(self, article_id: str) -> str:
        return "#" + anchor(article_id)

    def story(self, story_id: str) -> str:
        return "#" + anchor(f"story-{story_id}")


def render_html(brief: Brief) -> str:
    by_id = {a.id: a for a in brief.articles}
    views = [story_view(s, [by_id[i] for i in s.articles if i in by_id]) for s in brief.stories]
    return _environment().get_template("dossier.html").render(brief=brief, views=views, links=DossierLinks())
