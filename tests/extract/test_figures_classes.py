"""Classes of figure errors met on real French news: what is a figure, what is not (issue 20)."""

from __future__ import annotations

from datetime import date

import pytest

from recoupe.extract.figures import find_figures

REF = date(2008, 11, 5)


def _figures(text: str) -> list[tuple[str, int | float]]:
    return [(f.text, f.value) for f in find_figures(text, "fr", REF)]


def test_a_number_word_after_an_elided_de_or_que_is_read() -> None:
    assert _figures("La coopérative aurait perdu près d'un milliard d'euros en un trimestre.") == [
        ("un milliard d'euros", 1_000_000_000)
    ]
    assert _figures("Le maire n'accuse qu'un seul adjoint de négligence.") == [("un", 1)]


def test_one_is_an_amount_before_a_scale_or_a_unit_not_an_article() -> None:
    assert _figures('Le club a démenti avoir dépensé "un million d\'euros" pour le stade.') == [
        ("un million d'euros", 1_000_000)
    ]
    assert _figures("Pour un euro versé par la commune, la région en verse deux.")[0] == ("un euro", 1)
    assert _figures("Il lui a fallu un an pour reconstruire la grange.") == []


def test_one_with_another_article_is_not_a_count() -> None:
    assert _figures("Chaque dessin montre une maison avec un toit et une porte rouge.") == []
    assert _figures("L'accident a fait un mort et quatre blessés.") == [("un", 1), ("quatre", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "Lucien Favre, 41 ans, a été placé en garde à vue mardi.",
        "Le gérant (52 ans) a reconnu les faits.",
        "Entré comme stagiaire à 22 ans puis promu chef de rayon, il a tout appris sur place.",
        "La chorale a répété trois semaines durant dans la crypte.",
        "Le sénateur a siégé pendant presque 30 ans au palais du Luxembourg.",
        "Au cours des 40 prochains jours, la digue sera surveillée.",
        "Les randonneurs ont gravi le pic Deux Sœurs à l'aube.",
        "Elle a suivi un master à l'université Lyon 2 Lumière avant de partir.",
    ],
)
def test_ages_time_references_and_names_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_years_of_a_sentence_are_a_measure_not_an_age() -> None:
    text = "Ce délit est passible de cinq ans d'emprisonnement et de 75.000 euros d'amende."
    assert _figures(text) == [("cinq ans", 5), ("75.000 euros", 75000)]


def test_both_bounds_of_a_range_of_years_stay() -> None:
    assert [v for _, v in _figures("Le bail (d'une durée de trois à neuf ans) sera renouvelé.")] == [3, 9]


def test_a_bare_count_of_what_en_stands_for_is_a_figure() -> None:
    text = "La moitié des adhérents de la mutuelle (qui en compte plus de 12 000) ont voté."
    assert ("12 000", 12000) in _figures(text)
    assert _figures("Les pompiers avaient promis trois camions, ils en ont envoyé deux.") == [
        ("trois", 3),
        ("deux", 2),
    ]
    assert _figures("Le club joue en Ligue 2 depuis cette saison.") == []


def test_digits_grouped_by_thousands_are_a_quantity_even_bare() -> None:
    assert _figures("Le plan prévoit des créations de postes (12 400).") == [("12 400", 12400)]
    assert _figures("Le nombre de dossiers traités est remonté à 31.000 en mars.") == [("31.000", 31000)]
    assert _figures("Appelez le 0 800 123 456 pour tout renseignement.") == []


def test_a_bare_number_after_a_count_of_a_noun_counts_that_noun() -> None:
    (figure,) = find_figures("La direction veut ramener le nombre de guichets à 14 d'ici juin.", "fr", REF)
    assert (figure.value, figure.thing) == (14, "guichets")


def test_a_frequency_is_a_figure() -> None:
    assert _figures("Le car passe quatre fois par jour devant l'école.") == [("quatre", 4)]


def test_a_scale_after_autres_scales_the_number() -> None:
    assert _figures("Les quatre autres millions viendront des régions.") == [
        ("quatre autres millions", 4_000_000)
    ]


def test_the_cent_of_pour_cent_is_no_number_of_its_own() -> None:
    assert _figures("La liste a recueilli 4 pour cent des voix.") == [("4 pour cent", 4)]
    assert _figures("Il était crédité d'environ un pour cent des voix.") == [("un pour cent", 1)]


def test_one_before_a_unit_that_is_also_a_word_is_an_article() -> None:
    assert _figures("Le maire a répondu sur un ton sec.") == []


def test_an_age_from_des() -> None:
    assert _figures("Le registre recense dès 12 ans les élèves signalés.") == []


def test_digits_numbering_a_name_or_a_list_item_are_not_figures() -> None:
    assert _figures("Le débat sera diffusé sur France 5 régional ce soir.") == []
    assert _figures("2 Former les aidants. Le plan finance 400 places.") == [("400", 400)]
    # a plural count after a place is still one
    assert _figures("Selon le bilan établi à Gaza 16 personnes sont mortes.") == [("16", 16)]


def test_one_casualty_is_a_count() -> None:
    assert _figures("Un gendarme a été grièvement blessé et deux autres ont été évacués.")[0] == ("Un", 1)
    assert _figures("Un suspect a été interpellé dans la soirée.") == []


def test_a_code_s_number_is_an_identifier() -> None:
    assert _figures("Le vol KL 612 a été dérouté vers Lyon.") == []
    assert _figures("Selon l'OCDE 30 pays sont concernés.") == [("30", 30)]


def test_years_of_a_contract_or_a_sentence_last_they_are_no_age() -> None:
    assert _figures("La joueuse a signé un contrat de 4 ans avec le club.") == [("4 ans", 4)]
    assert _figures("Un randonneur de 61 ans a été secouru.") == []


def test_a_collective_number_takes_the_scale_after_its_de() -> None:
    assert _figures("Les mesures porteraient sur une vingtaine de milliards d'euros selon la ministre.") == [
        ("une vingtaine de milliards d'euros", 20_000_000_000)
    ]


def test_one_tonne_is_an_amount_one_tone_of_voice_is_not() -> None:
    assert _figures("Les douaniers ont saisi une tonne de cocaïne au port.") == [("une tonne", 1)]
    assert _figures("Il a répondu sur un ton sec.") == []


def test_a_dash_opening_an_aside_is_no_minus_sign() -> None:
    text = "Des milliers de personnes -12 000 selon la police, 30 000 selon les syndicats- ont défilé."
    assert _figures(text) == [("12 000", 12_000), ("30 000", 30_000)]
    signed = _figures("Il a fait -12 °C cette nuit et l'indice a perdu -2,5 % hier.")
    assert signed == [("-12 °C", -12), ("-2,5 %", -2.5)]


@pytest.mark.parametrize(
    "text",
    [
        "Un cycliste d'une quarantaine d'années a été renversé route de Metz.",
        "A 47 ans seulement, la sénatrice a remporté l'élection.",
        "Les permanences se tiennent au 12 rue des Tanneurs, le mardi.",
        "Inscriptions aux Lilas, 4 bis, avenue du Maréchal Foch.",
        "La préfecture envisage la mise en quarantaine du quartier.",
    ],
)
def test_an_age_in_round_figures_a_street_number_and_a_quarantine_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_having_an_age_is_no_figure_the_children_are() -> None:
    assert _figures("Il a 47 ans et trois enfants.") == [("trois", 3)]


def test_a_collective_number_counts_with_a_quantity_before_it_or_de_after_it() -> None:
    assert _figures("Ils étaient une centaine devant la mairie.") == [("une centaine", 100)]
    assert _figures("La quarantaine de salariés du site a débrayé.") == [("quarantaine", 40)]
    assert _figures("Il reste 3 places de parking au centre.") == [("3", 3)]
