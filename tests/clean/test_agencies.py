"""News agencies credited in datelines and credit lines (data/agencies.tsv)."""

from __future__ import annotations

from recoupe.clean.agencies import agency_spellings, credited_agencies, dateline_agency


def test_agency_table_maps_spellings_to_one_name() -> None:
    spellings = agency_spellings()
    assert spellings["Agence France-Presse"] == "AFP"
    assert spellings["Associated Press"] == "AP"
    assert spellings["ITAR-TASS"] == "TASS"


def test_dateline_names_the_agency() -> None:
    assert dateline_agency("BRUXELLES (Belga) – Le gouvernement fédéral a annoncé…") == "Belga"
    assert dateline_agency("MOSCOW, Dec 3 (Reuters) - The central bank said…") == "Reuters"
    assert dateline_agency("Rome, 4 marzo (ANSA) - Il governo…") == "ANSA"


def test_sentence_that_mentions_an_agency_later_is_not_a_dateline() -> None:
    assert dateline_agency("Le ministre a répondu aux questions de l'AFP (AFP) – mardi.") is None


def test_credit_line_names_every_agency_once() -> None:
    assert credited_agencies("Avec AFP et Reuters, © AFP") == ["AFP", "Reuters"]


def test_agency_inside_a_word_is_not_a_credit() -> None:
    assert credited_agencies("APPLE et MAPFRE") == []
