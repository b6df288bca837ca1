"""The web app's only way to the data: read-only `Store`s, each lent to one request at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from fastapi import HTTPException, Request

from recoupe.settings import Settings
from recoupe.store import Store, StoryRow


class StorePool:
    """Read-only stores of one file, kept open between requests and lent to one request at a time.

    A store opened for each request started with an empty page cache and parsed every statement
    again: 1-2 ms of CPU of the 2-15 a list page or search takes on the 100,000 articles of
    bench/web_latency.py. No more are opened than requests are served at once (the server's thread
    pool), and each statement reads the store as last committed: an ingest's runs show at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    @contextmanager
    def lend(self) -> Iterator[Store]:
        with self._lock:
            store = self._idle.pop() if self._idle else None
        store = store or Store(self.path, readonly=True, any_thread=True)
        try:
            yield store
        except HTTPException:  # ours, once read: the store is as good as before
            self._give_back(store)
            raise
        except BaseException:
            store.close()
            raise
        self._give_back(store)

    def _give_back(self, store: Store) -> None:
        with self._lock:
            self._idle.append(store)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def open_store(request: Request) -> AbstractContextManager[Store]:
    """A store of the app's pool for the time of a `with` block."""
    pool: StorePool = request.app.state.stores
    return pool.lend()


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

    def page(self, store: Store, number: int, size: int, settings: Settings) -> StoryPage:
        """Page `number` (1-based) of `size` stories; SQLite counts and pages, nothing is sliced here."""
        offset = (number - 1) * size
        rows, total = store.story_page(**asdict(self), limit=size, offset=offset, settings=settings)
        return StoryPage(rows, total, number, size)

    def url(self, path: str, page: int, per_page: int) -> str:
        """`path` with these filters, the page and, when not the default, its size: a page link."""
        params = {
            "q": self.query,
            "from": self.date_from,
            "to": self.date_to,
            "language": self.language,
            "source": self.source,
            "page": str(page),
            "per_page": str(per_page) if per_page != Settings.web_page_size else None,
        }
        return path + "?" + urlencode({k: v for k, v in params.items() if v is not None})


@dataclass(frozen=True)
class StoryPage:
    """One page of the story list, and where it sits in the whole."""

    rows: list[StoryRow]
    # Stories matching the filters, all pages together; None when more follow this page but a
    # search found in very many articles was not counted (recoupe/store/listing.py).
    total: int | None
    number: int  # 1-based
    size: int

    @property
    def first(self) -> int:
        """The position of its first story in the list (1-based); 0 on an empty page."""
        return (self.number - 1) * self.size + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0

    @property
    def pages(self) -> int | None:
        """How many pages the list has; None when it was not counted."""
        return None if self.total is None else -(-self.total // self.size)

    @property
    def previous(self) -> int | None:
        """The page before, or the last page when this one is past the end; None on the first."""
        return (self.number - 1 if self.pages is None else min(self.number - 1, self.pages)) or None

    @property
    def next(self) -> int | None:
        if self.pages is None:  # not counted: more stories follow this page
            return self.number + 1
        return self.number + 1 if self.number < self.pages else None


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
