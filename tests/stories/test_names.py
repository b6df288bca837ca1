"""Name keys agree across languages and transliterations, and keep different people apart."""

from __future__ import annotations

import pytest

from recoupe.stories.names import canonical_variant, fold, name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Poutine", "Putin"),
        ("Vladimir Poutine", "Vladimir Putin"),
        ("Loukachenko", "Lukashenko"),
        ("Zelensky", "Zelenskyy"),
        ("Zelenskiy", "Zelenski"),
        ("Pékin", "Beijing"),
        ("Moscou", "Moscow"),
        ("Kiev", "Kyiv"),
        ("Téhéran", "Tehran"),
        ("Khrouchtchev", "Khrushchev"),
        ("Tchaïkovski", "Tchaikovsky"),
        ("Mykhaylo Podolyak", "Mykhailo Podolyak"),
    ],
)
def test_variants_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Poutine", "Peskov"), ("Kyiv", "Kharkiv"), ("Martin", "Martine Aubry")]
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_variant_table_gives_the_international_spelling() -> None:
    assert canonical_variant("Poutine") == "Vladimir Putin"
    assert canonical_variant("États-Unis") == "United States"
    assert canonical_variant("Gaspard Morel") is None


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("Téhéran’s «Élysée»") == "teheran s elysee"
