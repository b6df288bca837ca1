"""The brief as a Markdown dossier for people: stories first, then each article's clean text."""

from __future__ import annotations

from collections import Counter

from recoupe.model import Article, Brief, ClaimValue, Quote, Story
from recoupe.numbers import format_amount
from recoupe.report.speakers import SpeakerQuotes, quotes_by_speaker
from recoupe.report.views import published_label

_ENTITIES_SHOWN = 15
_CLAIMS_SHOWN = 12


def render_markdown(brief: Brief) -> str:
    by_id = {a.id: a for a in brief.articles}
    out = [
        "# recoupe brief",
        "",
        f"{len(brief.articles)} articles, {len(brief.stories)} stories — generated {brief.generated_at}",
        "",
    ]
    for story in brief.stories:
        out += _story(story, [by_id[i] for i in story.articles])
    return "\n".join(out).rstrip() + "\n"


def _story(story: Story, articles: list[Article]) -> list[str]:
    out = [
        f"## {story.id} · {story.title or '(untitled)'}",
        "",
        f"*{story.date or 'undated'} · {len(articles)} article(s), "
        f"{story.independent_sources} independent source(s)*",
        "",
    ]
    if story.summary:
        out += [f"- {s.text} [{', '.join(s.articles)}]" for s in story.summary] + [""]
    if story.timeline:
        out += ["**Timeline**", ""]
        out += [f"- **{t.date}** {t.text} [{', '.join(t.articles)}]" for t in story.timeline] + [""]
    if story.claims:
        out += ["**Figures**", ""]
        for claim in story.claims[:_CLAIMS_SHOWN]:
            values = "; ".join(_claim_value(v, articles) for v in claim.values)
            out.append(f"- *{claim.status}* — {claim.subject}: {values}")
        out.append("")
    if story.quotes:
        out += ["**Who said what**", ""]
        for group in quotes_by_speaker(story.quotes):
            out += _speaker(group)
    if story.entities:
        names = [f"{e.name} ({e.type}, {e.mentions})" for e in story.entities[:_ENTITIES_SHOWN]]
        out += ["**Entities**: " + ", ".join(names), ""]
    for article in articles:
        out += _article(article)
    return out


def _speaker(group: SpeakerQuotes) -> list[str]:
    """A speaker's line, the statements shown, then the folded rest as a compact list; every
    statement with its other wordings."""
    statements, sources = len(group.quotes), len(group.articles)
    out = [
        f"*{group.label}* — {statements} statement{'s' if statements != 1 else ''}, "
        f"{sources} article{'s' if sources != 1 else ''}",
        "",
    ]
    out += [f"- {_said(quote)}" for quote in group.shown]
    if group.folded:
        out.append(f"- *{len(group.folded)} more:*")
        out += [f"  - {_said(q)}" for q in group.folded]
    return [*out, ""]


def _said(quote: Quote) -> str:
    """« words » [articles], then the statement's other wordings, each with its article."""
    others = [v for v in quote.variants if v.text != quote.text]
    wordings = "; ".join(f"« {v.text} » [{v.article}]" for v in others)
    return f"« {quote.text} » [{', '.join(quote.articles)}]" + (
        f" — also worded: {wordings}" if wordings else ""
    )


def _claim_value(value: ClaimValue, articles: list[Article]) -> str:
    amount = format_amount(value.value, value.unit)  # recoupe/numbers.py
    who = f" according to {', '.join(value.claimants)}" if value.claimants else ""
    return f"**{amount}**{who} [{', '.join(value.articles)}]"


def _article(article: Article) -> list[str]:
    facts = [
        article.source or "source unknown",
        published_label(article),
        article.language or "language unknown",
    ]
    if article.flags:
        facts.append("flags: " + ", ".join(article.flags))
    if article.copy_of:
        facts.append(f"copy of {article.copy_of}")
    out = [f"### {article.title or article.id}", "", f"`{article.id}` · " + " · ".join(facts), ""]
    for paragraph in article.paragraphs:
        tag = f"[{paragraph.language}] " if paragraph.language != article.language else ""
        out += [f"> {tag}{paragraph.text}", ">"]
    if out[-1] == ">":
        out.pop()
    out.append("")
    if article.removed:
        counts = Counter(r.reason for r in article.removed)
        summary = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))
        out += [f"<details><summary>Removed: {summary}</summary>", ""]
        out += [f"- *{r.reason}*: {r.text}" for r in article.removed]
        out += ["", "</details>", ""]
    return out


def render_story_list_markdown(brief: Brief) -> str:
    """One row per story: date, title, article count, independent sources, article ids."""
    out = [
        "# recoupe stories",
        "",
        "| story | date | title | articles | independent sources |",
        "|---|---|---|---|---|",
    ]
    for story in brief.stories:
        title = (story.title or "(untitled)").replace("|", "\\|")
        out.append(
            f"| {story.id} | {story.date or '—'} | {title} | {len(story.articles)}: "
            f"{', '.join(story.articles)} | {story.independent_sources} |"
        )
    return "\n".join(out) + "\n"
