"""What is not a figure, and who asserts one: the traps of real French news (issue 20)."""

from __future__ import annotations

from datetime import date

import pytest

from recoupe.extract.figures import find_figures
from recoupe.extract.quotes import find_quotes

REF = date(2022, 12, 30)


def _figures(text: str) -> list[tuple[str, int | float]]:
    return [(f.text, f.value) for f in find_figures(text, "fr", REF)]


@pytest.mark.parametrize(
    "text",
    [
        # a duration used as a time reference
        "Le gazoduc a acheminé du gaz vers la Chine au cours des 11 premiers mois de 2022.",
        "Il était détenu depuis six ans et demi dans la jungle.",
        "Deux jours après sa libération, elle a remercié la France.",
        "D'ici moins de dix jours, le plan sera annoncé.",
        "L'expertise a été confiée il y a une dizaine de jours à un psychiatre.",
        "Il a été libéré après six années et quatre mois de détention.",
        # quantifiers over things already named
        "La Russie et la Chine, toutes deux confrontées à des sanctions, se rapprochent.",
        "Les deux autocrates ont parlé pendant une heure.",
        "Les soldats des deux pays se sont fait face.",
        # ages
        "Le trader, âgé de 33 ans, a été placé en garde à vue.",
        "Un homme de 45 ans a été interpellé.",
        "Un homme de 45 ans et sa fille de 12 ans ont été interpellés.",
        # a title: a unit capitalised inside a sentence
        "Selon 20 Minutes, la grève continue.",
        # one picked out of a set
        "C'est une des pires inondations qu'ait connues la vallée.",
    ],
)
def test_time_references_back_references_and_ages_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_a_duration_a_verb_asserts_is_a_figure() -> None:
    assert _figures("La garde à vue ne peut excéder 48 heures.") == [("48 heures", 48)]
    assert _figures("Les combats ont duré 40 minutes.") == [("40 minutes", 40)]
    # the bounds of a change: "de 4 ans" is no age here
    assert _figures("Le diplôme passera de 4 ans à 3 ans.") == [("4 ans", 4), ("3 ans", 3)]


def test_ranges_fractions_and_glued_numbers_are_read() -> None:
    assert _figures("Il veut étendre le contrat de 7 à 25 bassins d'emploi.") == [("7", 7), ("25", 25)]
    assert _figures("L'État demande d'augmenter les crédits de 3 ou 4%.") == [("3", 3), ("4%", 4)]
    assert _figures("La mesure intéresse les deux tiers des ménages.")[0][1] == pytest.approx(2 / 3)
    assert _figures("Obama a déjà formé plus de la moitié de son cabinet.") == [("la moitié", 0.5)]
    assert _figures("Fin septembre, 1 957 000demandeurs d'emploi étaient inscrits.") == [
        ("1 957 000", 1957000)
    ]
    assert _figures("La France pourrait franchir la barre des 2 millions de chômeurs.") == [
        ("2 millions", 2_000_000)
    ]
    assert _figures("L'État injectera un milliard et demi d'euros.") == [
        ("un milliard et demi d'euros", 1_500_000_000)
    ]


def test_one_counted_beside_another_count_is_a_figure() -> None:
    assert _figures("La frappe a fait un mort et trois blessés.") == [("un", 1), ("trois", 3)]


def _claimants(text: str) -> list[str | None]:
    return [f.claimant for f in find_figures(text, "fr", REF)]


def test_the_subject_of_the_verb_reporting_the_figure_claims_it() -> None:
    assert _claimants("Les autorités cambodgiennes ont affirmé que 500 soldats avaient été massés.") == [
        "Les autorités cambodgiennes"
    ]
    # "prévoit" in a relative clause reports nothing; "a fait part" does
    text = (
        "Roland Hubert, l'un des secrétaires du syndicat, a fait part d'un désaccord sur la piste "
        "du recteur, qui prévoit une réduction des horaires à 27 heures hebdomadaires."
    )
    assert _claimants(text) == ["Roland Hubert"]


def test_what_is_counted_does_not_claim_itself() -> None:
    assert _claimants("Selon l'armée, 69 missiles avaient été lancés.") == ["l'armée"]
    assert _claimants("Au total, 69 missiles ont été lancés dans la nuit.") == [None]


def test_a_figure_in_a_quote_is_claimed_by_its_speaker_even_across_sentences() -> None:
    # by the name the quote finder gives the quote's speaker, title left out
    text = (
        "« Quatre soldats ont été blessés. Un soldat cambodgien a été tué et dix autres ont été "
        "blessés », a indiqué le colonel Sunsern Kaewkumnerd."
    )
    assert set(_claimants(text)) == {"Sunsern Kaewkumnerd"}


def test_a_quoted_figure_and_its_quote_name_the_same_speaker() -> None:
    # "elle" is the minister named before: the quote finder resolves it, the figure follows it
    text = (
        "La ministre Claire Morel a présenté le budget mardi.\n"
        "« Nous supprimerons 1 200 postes », a-t-elle affirmé devant les députés."
    )
    quotes = find_quotes(text, "fr")
    assert [q.speaker for q in quotes] == ["Claire Morel"]
    assert _claimants(text) == ["Claire Morel"]


def test_a_pronoun_claims_for_the_person_named_before_it_or_for_no_one() -> None:
    text = (
        "Le montant n'est pas arrêté, mais l'ordre de grandeur a été donné par la ministre des "
        "finances, Christine Lagarde.\n« Cela veut dire 19 milliards d'euros, a-t-elle déclaré sur "
        "Europe 1. »"
    )
    assert _claimants(text) == ["Christine Lagarde"]
    # nothing before it names anyone: no claimant, never the nearest guess
    assert _claimants("Il a indiqué que 300 emplois seraient supprimés.") == [None]


def test_a_breakdown_is_marked_as_parts_of_its_whole() -> None:
    found = find_figures(
        "Sept drones ont été lancés contre la capitale, dont deux abattus à l'approche et cinq "
        "au-dessus de la ville.",
        "fr",
        REF,
    )
    assert [(f.value, f.part_of) for f in found] == [(7, False), (2, True), (5, True)]
    assert found[0].scope == "capital"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Plusieurs dizaines de personnes ont été blessées, selon l'hôpital.", "fr"),
        ("Quelques centaines de manifestants ont défilé.", "fr"),
        ("Several dozen people were wounded, hospital officials said.", "en"),
        ("A few hundred youths attacked a police station.", "en"),
    ],
)
def test_an_order_of_size_is_not_a_count(text: str, language: str) -> None:
    assert find_figures(text, language, REF) == []


def test_a_count_out_of_a_larger_one_is_a_part_of_it() -> None:
    found = find_figures("He was hit in the back by three of the seven bullets fired.", "en", REF)
    assert [(f.value, f.part_of) for f in found] == [(3, True), (7, False)]


def test_a_clause_of_place_has_its_own_action() -> None:
    (killed, sheltered) = find_figures(
        "Shells killed 42 people in the school, where more than 300 people had taken shelter.", "en", REF
    )
    assert (killed.value, killed.action) == (42, "killed")
    assert (sheltered.value, sheltered.action) == (300, None)


def test_a_running_total_is_a_scope_of_its_own() -> None:
    (total,) = find_figures("More than 640 people have been killed since the offensive began.", "en", REF)
    (french,) = find_figures("Depuis le début de l'offensive, 640 personnes ont été tuées.", "fr", REF)
    assert total.scope == french.scope == "running total"
    (launched,) = find_figures("Sept missiles ont été tirés depuis la Biélorussie.", "fr", REF)
    assert launched.scope != "running total"


def test_a_figure_takes_the_year_written_nearest_it_even_without_a_publication_date() -> None:
    (toll,) = find_figures(
        "Quakes hit the coast in 2002, as well as the tsunami that killed 168,000 people there in 2004.",
        "en",
        None,
    )
    assert toll.time == "2004"
    (today,) = find_figures("The quake killed five people on Sunday.", "en", None)
    assert today.time is None  # a weekday needs a publication date to say which day


def test_one_of_a_set_or_a_pronoun_is_no_count_in_english_either() -> None:
    assert find_figures("It was one of the heaviest floods the valley has seen.", "en", REF) == []
    found = find_figures("The dam broke in two places, the second one near the old mill.", "en", REF)
    assert [f.value for f in found] == [2]


def test_a_counted_noun_that_names_an_act_keeps_its_own() -> None:
    found = find_figures("Nine people were killed and 31 injured in the flood.", "en", REF)
    assert [(f.value, f.thing, f.action) for f in found] == [(9, "people", "killed"), (31, "injured", None)]
