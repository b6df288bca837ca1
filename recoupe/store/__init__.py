"""The story store: one SQLite file (WAL) holding articles, stories and a full-text index.

`recoupe ingest` fills it (`recoupe.store.ingest`: the pipeline's driver run on the file);
everything else reads it through `Store`, one read-only `Store` per thread (sqlite3 connections
are not shared across threads). Reading imports none of the pipeline's models.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Unpack

from recoupe.model import Article, Brief, Story
from recoupe.settings import Settings
from recoupe.store import read, runs
from recoupe.store.listing import (
    StoryFilters,
    StoryRow,
    distinct_values,
    story_count,
    story_page,
    story_rows,
)
from recoupe.store.runs import Arrival
from recoupe.store.schema import StoreError, connect

__all__ = ["Arrival", "Store", "StoreError", "StoryRow"]


class Store:
    """A store file opened for reading (or, not read-only, created and migrated if needed)."""

    def __init__(self, path: str | Path, *, readonly: bool = False, any_thread: bool = False) -> None:
        """`any_thread`: read-only, for threads to use in turn (the web app's kept stores)."""
        self.path = Path(path)
        self._connection = connect(self.path, readonly=readonly, any_thread=any_thread)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def story_rows(
        self, *, limit: int | None = None, offset: int = 0, **filters: Unpack[StoryFilters]
    ) -> list[StoryRow]:
        """Stories last updated first, then newest first; `query` is a full-text search over clean
        text, titles and quotes."""
        return story_rows(self._connection, limit=limit, offset=offset, **filters)

    def story_page(
        self,
        *,
        limit: int,
        offset: int = 0,
        settings: Settings | None = None,
        **filters: Unpack[StoryFilters],
    ) -> tuple[list[StoryRow], int | None]:
        """One page of `story_rows` (`limit` stories from `offset`) and how many stories match in
        all; None when a search found in very many articles matches more than the page reaches
        and was not counted (recoupe/store/listing.py)."""
        return story_page(self._connection, limit=limit, offset=offset, settings=settings, **filters)

    def story_count(self, **filters: Unpack[StoryFilters]) -> int:
        """How many stories `story_rows` gives with these filters."""
        return story_count(self._connection, **filters)

    def story(self, story_id: str) -> Story | None:
        found = read.stories(self._connection, [story_id])
        return found[0] if found else None

    def article(self, article_id: str) -> Article | None:
        found = read.articles(self._connection, [article_id])
        return found[0] if found else None

    def story_of(self, article_id: str) -> str | None:
        return read.story_of(self._connection, article_id)

    def brief(self, story_ids: list[str] | None = None) -> Brief:
        """These stories (all when None) and their articles; an unknown id is a KeyError."""
        found = read.brief(self._connection, story_ids)
        if story_ids is not None:
            missing = sorted(set(story_ids) - {s.id for s in found.stories})
            if missing:
                raise KeyError(f"no story {', '.join(missing)} in {self.path}")
        return found

    def arrivals(self, article_ids: list[str]) -> dict[str, Arrival]:
        """When each of these articles arrived (the run that stored it); unknown ones are left out."""
        return runs.arrivals(self._connection, article_ids)

    def latest_run(self) -> Arrival | None:
        """The store's latest round: the latest run that stored anything."""
        return runs.latest_run(self._connection)

    def languages(self) -> list[str]:
        return distinct_values(self._connection, "language")

    def sources(self) -> list[str]:
        return distinct_values(self._connection, "source")
