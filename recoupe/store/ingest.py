"""`recoupe ingest`: the pipeline's driver (`recoupe.pipeline`) run on a store file.

New articles are stored batch by batch, each batch one transaction, then assigned to the stored
stories open to them or to new ones, all at once; an article whose content hash is stored is
skipped (with `force`, cleaned again in place). A kill loses at most the transaction under way,
and the same command run again leaves the store as one uninterrupted run leaves it. Last, a
full-text index left in too many segments is merged (`write.tidy_search_indexes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from recoupe.ingest.pages import fetch_articles
from recoupe.ingest.web import Fetcher
from recoupe.model import Article, Skipped
from recoupe.pipeline import IngestReport, ingest_into, ingest_items
from recoupe.settings import Settings
from recoupe.store.schema import connect
from recoupe.store.write import tidy_search_indexes

__all__ = ["IngestReport", "ingest_paths", "ingest_urls"]


def ingest_paths(
    paths: Iterable[str | Path],
    db: str | Path,
    settings: Settings | None = None,
    *,
    force: bool = False,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> IngestReport:
    """Read, clean and store every new article of `paths` into the store at `db`, and give each its story."""
    settings = settings or Settings()
    connection = connect(db)
    try:
        report = ingest_into(
            connection,
            paths,
            settings,
            force=force,
            on_skip=on_skip,
            on_article=on_article,
            workers=workers,
            dask=dask,
        )
        tidy_search_indexes(connection, settings.search_index_segments)
        return report
    finally:
        connection.close()


def ingest_urls(
    urls: Iterable[str],
    db: str | Path,
    settings: Settings | None = None,
    *,
    on_skip: Callable[[Skipped], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> IngestReport:
    """`recoupe fetch`: download each page (politely, within the caps) and store it as
    `ingest_paths` stores an `.html` file, its URL as its id; a page already stored is skipped."""
    settings = settings or Settings()
    connection = connect(db)
    try:
        with Fetcher(settings) as fetcher:
            report = ingest_items(
                connection,
                fetch_articles(urls, fetcher),
                settings,
                on_skip=on_skip,
                on_article=on_article,
                workers=workers,
                dask=dask,
            )
        tidy_search_indexes(connection, settings.search_index_segments)
        return report
    finally:
        connection.close()
