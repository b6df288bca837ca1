"""The web app's only way to the data: a read-only `Store`, opened per request (sqlite3 is per thread)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from fastapi import Request

from recoupe.store import Store, StoryRow


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    with Store(request.app.state.db_path, readonly=True) as store:
        yield store


@dataclass(frozen=True)
class StoryFilters:
    """The story list's search box and filters; blanks (an empty form field) mean no filter."""

    query: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    language: str | None = None
    source: str | None = None

    @classmethod
    def from_form(
        cls,
        query: str | None,
        date_from: str | None,
        date_to: str | None,
        language: str | None,
        source: str | None,
    ) -> StoryFilters:
        return cls(_text(query), _iso_date(date_from), _iso_date(date_to), _text(language), _text(source))

    def rows(self, store: Store) -> list[StoryRow]:
        return store.story_rows(
            query=self.query,
            date_from=self.date_from,
            date_to=self.date_to,
            language=self.language,
            source=self.source,
        )


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _iso_date(value: str | None) -> str | None:
    """A YYYY-MM-DD bound, or no bound: a malformed date would otherwise compare as a string."""
    value = _text(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None
