"""recoupe's data files as the code reads them."""

from __future__ import annotations

from recoupe.data import month_numbers, titles
from recoupe.extract.coreference import is_role
from recoupe.extract.entities import strip_titles


def test_one_list_of_months_reads_every_language_with_and_without_accents() -> None:
    months = month_numbers()
    assert months["février"] == months["fevrier"] == months["févr"] == months["february"] == 2
    assert months["août"] == months["aout"] == months["aug"] == 8
    assert months["décembre"] == months["dec"] == 12
    assert set(months.values()) == set(range(1, 13))


def test_one_list_of_titles_serves_the_entity_finder_and_the_speaker_rules() -> None:
    assert {"M.", "Mme", "Maj Gen", "Premier ministre"} <= set(titles())
    assert not any(title.startswith("#") for title in titles())
    # a title the list holds is stripped from a name and makes a noun phrase a role, both
    assert strip_titles("Maj Gen Christian Freuding") == ("Christian Freuding", True)
    assert strip_titles("Sénatrice Anne Roy") == ("Anne Roy", True)
    assert is_role("la sénatrice") and is_role("le porte-parole")
