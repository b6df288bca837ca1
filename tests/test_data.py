"""recoupe's data files as the code reads them."""

from __future__ import annotations

from recoupe.data import month_numbers


def test_one_list_of_months_reads_every_language_with_and_without_accents() -> None:
    months = month_numbers()
    assert months["février"] == months["fevrier"] == months["févr"] == months["february"] == 2
    assert months["août"] == months["aout"] == months["aug"] == 8
    assert months["décembre"] == months["dec"] == 12
    assert set(months.values()) == set(range(1, 13))
