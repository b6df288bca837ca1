"""The cheap screen before a role's apposition pattern (hypothesis): whenever the pattern finds
a name beside the role, the screen lets the text through, so screening changes no result."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recoupe.extract.attribution import apposed_name, may_hold_apposition

ROLES = ["maire", "maire de Kyiv", "directeur général de l'agence", "ministre", "porte-parole", "son"]
PIECES = [
    "le maire", "Le Maire", "du maire de Kyiv", "MAIRE DE  KYIV", "maire de\nKyiv",
    "le directeur général de l’agence", "ministre", "porte-parole", "Vitali Klitschko", "J. R. Martin",
    "Lemaire", "Élodie Durand", "le docteur", "la juge", "l'avocat", "de la région", "et", "a déclaré",
    ", ", " ,", ",", ", le ", ", son ", ", ſon ", ", hıs ", ", L'", ", l’", ". ", "; ", " « ", "» ", '"',
    "\n", "  ", "\u00a0",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ROLES), texts, st.integers(min_value=0, max_value=200))
@example("maire de Kyiv", "le maire de Kyiv, Vitali Klitschko, a déclaré", 40)
@example("maire", "Vitali Klitschko, ſon maire", 30)
@example("directeur général de l'agence", "le directeur général de l'agence régionale, Élodie Durand", 10)
def test_screen_lets_through_every_text_where_the_pattern_finds_a_name(
    role: str, text: str, before: int
) -> None:
    if apposed_name(role, text, before) is not None:
        assert may_hold_apposition(role, text)


def test_screen_turns_away_a_role_with_no_comma_beside_it() -> None:
    assert not may_hold_apposition("maire", "Le maire a déclaré que la ville tiendrait.")
    assert may_hold_apposition("maire", "Le maire, Vitali Klitschko, a déclaré que la ville tiendrait.")
