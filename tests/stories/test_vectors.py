"""Sparse vectors: the dot product the story assignment and the summary compare with."""

from __future__ import annotations

from recoupe.stories.vectors import dot, normalised


def test_dot_is_the_exact_sum_whatever_order_the_shared_keys_come_in() -> None:
    # Shared keys come out in string-hash order, which changes between processes; a plain sum
    # would lose some of the small terms next to the two large ones, differently in each run.
    a = {"large": 1e16, "minus": -1e16} | {f"small{i}": 1.0 for i in range(100)}
    b = dict.fromkeys(a, 1.0) | {"absent": 5.0}
    assert dot(a, b) == 100.0
    assert dot(b, a) == 100.0


def test_normalised_vector_has_unit_length_and_empty_stays_empty() -> None:
    vector = normalised({"a": 3.0, "b": 4.0})
    assert vector == {"a": 0.6, "b": 0.8}
    assert normalised({}) == {}
