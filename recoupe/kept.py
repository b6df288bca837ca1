"""What one run keeps between its batches: bounded caches, made from `Settings` and passed down.

An ingest describes again, batch after batch, the stories still open: their members' features,
copy signatures, embeddings and summary candidates are computed once and kept here, the least
recently used dropped first. Nothing is kept between runs (a new `RunCache` per run), and a kept
value is only ever the value computed again, so keeping changes no result.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from recoupe.settings import Settings

if TYPE_CHECKING:
    from recoupe.stories.embeddings import Spread

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _one(_: object) -> int:
    return 1


class Bounded(Generic[K, V]):
    """A least-recently-used map holding at most `limit` in weight (`weigh`: 1 a value unless told).

    The most recent value always stays, even alone over the limit.
    """

    def __init__(self, limit: int, weigh: Callable[[V], int] = _one) -> None:
        self.limit = limit
        self._weigh = weigh
        self._values: OrderedDict[K, V] = OrderedDict()
        self.weight = 0

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: K) -> bool:
        return key in self._values

    def get(self, key: K) -> V | None:
        """The value kept under `key` (now the most recently used), or None."""
        value = self._values.get(key)
        if value is not None:
            self._values.move_to_end(key)
        return value

    def take(self, key: K) -> V | None:
        """The value kept under `key`, no longer kept (the caller may change it), or None."""
        value = self._values.pop(key, None)
        if value is not None:
            self.weight -= self._weigh(value)
        return value

    def put(self, key: K, value: V) -> None:
        self.take(key)
        self._values[key] = value
        self.weight += self._weigh(value)
        while self.weight > self.limit and len(self._values) > 1:
            self.weight -= self._weigh(self._values.popitem(last=False)[1])

    def clear(self) -> None:
        self._values.clear()
        self.weight = 0


@dataclass
class RunCache:
    """Every cache of one run, each bounded by its `Settings` size.

    features: story features by article (id, title, language, date, texts); signatures: copy
    MinHash signatures by text; embeddings: multilingual vectors by text; summaries: a story's
    gathered summary candidates by its first article, weighed in sentences.
    """

    features: Bounded[Any, Any]
    signatures: Bounded[str, Any]
    embeddings: Bounded[str, Any]
    summaries: Bounded[str, Any]
    # Where the embeddings missing from `embeddings` are computed: over the run's processes
    # (its `Stage.run`) when set, else in this one.
    spread: Spread | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> RunCache:
        return cls(
            features=Bounded(settings.kept_articles),
            signatures=Bounded(settings.kept_articles),
            embeddings=Bounded(settings.kept_embeddings),
            summaries=Bounded(settings.kept_summary_sentences, _sentences),
        )


def _sentences(gathered: Any) -> int:
    return len(gathered.candidates)
