"""Sparse vectors as dicts (term → weight): the two operations story assignment and the summary
share."""

from __future__ import annotations

import math


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    # Key intersection runs in C; most pairs share few keys. Its order follows the string hashes,
    # which change from one process to the next: fsum's exact sum does not depend on the order,
    # so near-ties (two summary sentences, two stories) fall the same way in every run.
    return math.fsum(a[key] * b[key] for key in a.keys() & b.keys())


def normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}
