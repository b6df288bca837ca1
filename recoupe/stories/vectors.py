"""Sparse vectors as dicts (term → weight): the two operations story assignment and the summary
share."""

from __future__ import annotations

import math


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    # Key intersection runs in C; most pairs share few keys.
    return sum(a[key] * b[key] for key in a.keys() & b.keys())


def normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}
