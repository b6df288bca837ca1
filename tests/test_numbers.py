"""One number formatter for every output: SI groups, the output language's decimal mark."""

from __future__ import annotations

from recoupe.numbers import format_amount, format_number


def test_groups_are_narrow_no_break_spaces_in_both_languages() -> None:
    assert format_number(1700, "fr") == format_number(1700, "en") == "1\u202f700"
    assert format_number(13_800_000_000) == "13\u202f800\u202f000\u202f000"


def test_the_decimal_mark_is_the_output_languages() -> None:
    assert format_number(13.8, "fr") == "13,8"
    assert format_number(13.8, "en") == "13.8"
    assert format_number(1234.5, "fr") == "1\u202f234,5"


def test_the_dossiers_write_english_whatever_the_articles_language() -> None:
    assert format_number(13.8) == "13.8"
    assert format_number(-12) == "-12"


def test_an_amount_writes_its_unit_and_a_word_unit_is_plural_past_one() -> None:
    assert format_amount(3, "day") == "3 days"
    assert format_amount(1, "day") == "1 day"
    assert format_amount(13_800_000_000, "m³") == "13\u202f800\u202f000\u202f000 m³"
    assert format_amount(2.5, "%") == "2.5 %"
    assert format_amount(7, None) == "7"


def test_a_fraction_is_written_to_four_decimals_at_most() -> None:
    assert format_number(1 / 3, "en") == "0.3333"
    assert format_number(200 / 3, "fr") == "66,6667"
    assert format_number(0.00012) == "0.00012"
