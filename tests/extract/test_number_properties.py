"""Number parsing properties: the finder reads back every number recoupe writes, in both languages."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.extract.figures import find_figures
from recoupe.numbers import format_number

SENTENCES = {
    "fr": "Selon la préfecture, {} manifestants ont défilé.",
    "en": "Police said {} protesters marched.",
}
counts = st.integers(min_value=0, max_value=10**13)
decimals = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("999999"), places=3).map(float)


@settings(max_examples=150, deadline=None)
@given(value=st.one_of(counts, decimals), language=st.sampled_from(["fr", "en"]))
def test_a_number_written_by_recoupe_reads_back_to_the_same_value(value: float, language: str) -> None:
    written = format_number(value, language)
    found = find_figures(SENTENCES[language].format(written), language)
    assert [(f.text, f.value) for f in found] == [(written, value)]


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), language=st.sampled_from(["fr", "en"]))
def test_any_text_gives_figures_whose_offsets_point_at_them(text: str, language: str) -> None:
    for figure in find_figures(text, language):
        assert text[figure.start : figure.end] == figure.text
        assert figure.sentence in text
