"""The pipeline, in one place: ingest → clean → extract (per article) → stories → reconcile → report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from recoupe.clean import clean_article
from recoupe.extract.article import ArticleExtraction, for_article
from recoupe.ingest import read_articles
from recoupe.ingest.limits import DocumentTimeout, oversized_article, time_budget
from recoupe.kept import RunCache
from recoupe.model import Article, Brief, RawArticle, Skipped, Story
from recoupe.reconcile.claims import story_claims
from recoupe.reconcile.entities import merge_entities
from recoupe.reconcile.quotes import story_quotes
from recoupe.reconcile.summary import summarise
from recoupe.reconcile.timeline import build_timeline
from recoupe.settings import Settings
from recoupe.stories import assign_stories
from recoupe.workers import Prepared, article_stage, prepare_articles


@dataclass
class Run:
    """What a run produced: the brief and the inputs it had to skip."""

    brief: Brief
    skipped: list[Skipped] = field(default_factory=list)


def clean_all(
    paths: Iterable[str | Path],
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every article; exact duplicates (same content) are read once.

    The result does not depend on the order of `paths` (inputs are read in sorted order). Each
    article is cleaned under the time budget; one too long for the later stages is skipped.
    """
    articles, _, skipped = prepare_all(paths, settings, on_skip, on_article, extract=False)
    return articles, skipped


def prepare_all(
    paths: Iterable[str | Path],
    settings: Settings,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    *,
    extract: bool = True,
    workers: int = 1,
    dask: str | None = None,
) -> tuple[list[Article], dict[str, ArticleExtraction], list[Skipped]]:
    """Read, clean and (with `extract`) extract every article, in `workers` processes or on Dask.

    Whatever runs the per-article stage, the outcome is the one of a single process: articles
    come back in input order, and ids and duplicates are decided here, in that order.
    """
    articles: list[Article] = []
    extractions: dict[str, ArticleExtraction] = {}
    skipped: list[Skipped] = []
    by_hash: dict[str, str] = {}
    ids: set[str] = set()

    def skip(item: Skipped) -> None:
        skipped.append(item)
        if on_skip:
            on_skip(item)

    with article_stage(settings, workers=workers, dask=dask, extract=extract) as stage:
        for item, prepared in stage(provisional_ids(read_articles(paths, settings), {}, set())):
            if isinstance(item, Skipped):
                skip(item)
                continue
            if item.content_hash in by_hash:
                skip(Skipped(item.origin, f"same content as article '{by_hash[item.content_hash]}'"))
                continue
            prepared = prepared_as(unique_id(item, ids), prepared, settings, extract)
            if isinstance(prepared.article, Skipped):
                skip(prepared.article)
                continue
            article = prepared.article
            by_hash[item.content_hash] = article.id
            ids.add(article.id)
            articles.append(article)
            if prepared.extraction is not None:
                extractions[article.id] = prepared.extraction
            if on_article:
                on_article(article)
    return articles, extractions, skipped


def provisional_ids(
    items: Iterable[RawArticle | Skipped], known: dict[str, str], taken: set[str], force: bool = False
) -> Iterator[tuple[RawArticle | Skipped, RawArticle | None]]:
    """Each input with the article to prepare for it, its id as it will be if no earlier one is skipped.

    None for what needs no preparing: a bad input, a second copy in this run, an article stored
    (`known`: content hash → stored id) unless `force`. Ids are checked again once the earlier
    articles are through (`prepared_as`).
    """
    taken = set(taken)
    submitted: set[str] = set()
    for item in items:
        if isinstance(item, Skipped) or item.content_hash in submitted:
            yield item, None
            continue
        stored_id = known.get(item.content_hash)
        if stored_id is not None and not force:
            yield item, None
            continue
        raw = replace(item, id=stored_id) if stored_id else unique_id(item, taken)
        taken.add(raw.id)
        submitted.add(item.content_hash)
        yield item, raw


def prepared_as(raw: RawArticle, prepared: Prepared | None, settings: Settings, extract: bool) -> Prepared:
    """The prepared article under its final id: prepared again here in the rare case the id moved
    (an earlier article of the same name was skipped) or nothing was prepared (an earlier copy was)."""
    if prepared is not None and prepared.raw == raw:
        return prepared
    return prepare_articles([raw], settings, extract).items[0]


def clean_one(raw: RawArticle, settings: Settings) -> Article | Skipped:
    """Clean one article under the time budget; too long, too slow or only chrome, it is skipped."""
    if reason := oversized_article(raw, settings):
        return Skipped(raw.origin, reason)
    try:
        with time_budget(settings.document_time_budget_s):
            article = clean_article(raw, settings)
    except DocumentTimeout as exc:
        return Skipped(raw.origin, str(exc))
    if not article.paragraphs:
        return Skipped(raw.origin, "no article text left after cleaning (only chrome)")
    return article


def unique_id(raw: RawArticle, taken: set[str]) -> RawArticle:
    """Two different inputs with one name (a/x.txt, b/x.txt) both stay, the second as 'x~2'."""
    if raw.id not in taken:
        return raw
    n = 2
    while f"{raw.id}~{n}" in taken:
        n += 1
    return replace(raw, id=f"{raw.id}~{n}")


def build_brief(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    *,
    workers: int = 1,
    dask: str | None = None,
) -> Run:
    """The brief of `paths`; the per-article stage in `workers` processes or on a Dask cluster."""
    settings = settings or Settings()
    articles, extractions, skipped = prepare_all(
        paths, settings, on_skip, on_article, workers=workers, dask=dask
    )
    articles, stories = assign_stories(articles, settings)
    by_id = {a.id: a for a in articles}
    for story in stories:
        describe_story(story, [by_id[article_id] for article_id in story.articles], extractions, settings)
    generated_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return Run(Brief(generated_at=generated_at, articles=articles, stories=stories), skipped)


def describe_story(
    story: Story,
    members: list[Article],
    extractions: dict[str, ArticleExtraction],
    settings: Settings,
    cache: RunCache | None = None,
) -> None:
    """Fill what a story says from its members' extractions: entities, quotes, claims, timeline, summary."""
    found = {a.id: for_article(extractions[a.id], a) for a in members}
    story.entities = merge_entities([m for article in members for m in found[article.id].mentions])
    story.claims = story_claims(
        members, story.entities, settings.max_claims, {i: e.figures for i, e in found.items()}
    )
    story.quotes = story_quotes(
        members,
        story.entities,
        settings.quote_same_wording,
        settings.quote_same_meaning,
        {i: e.quotes for i, e in found.items()},
    )
    dated = [d for article in members for d in found[article.id].dated]
    story.timeline = build_timeline(dated, settings.timeline_max_entries, settings.timeline_merge_similarity)
    story.summary = summarise(
        members,
        settings.summary_sentences,
        settings.summary_redundancy,
        settings.summary_same_sentence,
        cache.summaries if cache else None,
    )
