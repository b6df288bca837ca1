"""Figures: values in base units, units, counted things, actions, claimants; and what is not a figure."""

from __future__ import annotations

from datetime import date

import pytest

from recoupe.extract.figures import action_concept, find_figures, thing_key

REF = date(2024, 3, 15)


def _values(text: str, language: str = "fr") -> list[int | float]:
    return [f.value for f in find_figures(text, language, REF)]


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("La ville compte 1 700 habitants.", "fr", 1700, None),
        ("La ville compte 1\u202f700 habitants.", "fr", 1700, None),
        ("Le pipeline a livré 13,8 milliards de mètres cubes de gaz.", "fr", 13_800_000_000, "m³"),
        ("Le chômage a reculé de 2,5 % sur un an.", "fr", 2.5, "%"),
        ("The company cut 3,392 jobs.", "en", 3392, None),
        ("Some 1.5 million people were displaced.", "en", 1_500_000, None),
        ("The fund received $2bn from donors.", "en", 2_000_000_000, "$"),
        ("Le club a déboursé 12 M€ pour le joueur.", "fr", 12_000_000, "€"),
        ("La commune a reçu 3,5 millions d'euros.", "fr", 3_500_000, "€"),
        ("Le thermomètre est descendu à −12 °C.", "fr", -12, "°C"),
    ],
)
def test_numbers_are_read_with_their_language_conventions_scale_and_unit(
    text: str, language: str, value: float, unit: str | None
) -> None:
    found = find_figures(text, language, REF)
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


def test_number_words_count_in_both_languages() -> None:
    assert _values("La capitale a été attaquée par sept drones.") == [7]
    assert _values("Une douzaine de manifestants ont été interpellés.") == [12]
    assert _values("Seventy soldiers surrendered and two dozen others were captured.", "en") == [70, 24]
    assert _values("Vingt-cinq écoles ont fermé.") == [25]


def test_an_article_is_not_a_figure_but_a_single_one_is() -> None:
    assert _values("Un missile a touché une école.") == []
    assert _values("Un seul missile a atteint sa cible.") == [1]
    assert _values("A single drone hit a power station.", "en") == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Des drones Shahed-136 et un missile S-300 ont été tirés.",
        "Le F-16 et l'Airbus A320 ont décollé.",
        "Le COVID-19 a frappé la région le 24 février 2022.",
        "Les sirènes ont retenti à 2 heures du matin.",
        "Il a terminé 2e de la course, la 21e de sa carrière.",
        "L'article 49.3 figure à la page 12 du rapport.",
        "Appelez le 01 23 45 67 89.",
        "The rally took place on 5:30 pm on Route 66 in 2019.",
        "Des milliers de personnes ont défilé.",
    ],
)
def test_names_models_dates_times_years_ordinals_and_references_are_not_figures(text: str) -> None:
    language = "en" if "rally" in text else "fr"
    assert _values(text, language) == []


def test_durations_are_figures_with_a_time_unit() -> None:
    found = find_figures("Il a été condamné à trois ans de prison.", "fr", REF)
    assert [(f.value, f.unit, f.thing) for f in found] == [(3, "year", "prison")]


def test_counted_noun_comes_first_in_french_and_last_in_english() -> None:
    (fr,) = find_figures("L'armée a repoussé 16 drones kamikazes.", "fr", REF)
    (en,) = find_figures("Russia fired 69 Russian cruise missiles.", "en", REF)
    assert (fr.thing, en.thing) == ("drones", "missiles")


def test_an_amount_measures_the_noun_before_its_de_not_the_word_after_it() -> None:
    def things(text: str) -> list[str | None]:
        return [f.thing for f in find_figures(text, "fr")]

    assert things("Le trader de la perte de 420 millions d'euros subie par la mutuelle s'appelle Marc.") == [
        "perte"
    ]
    assert things("La perte de 380 millions d'euros de la Mutuelle Ardéchoise reste entière.") == ["perte"]
    assert things("Les ventes ont connu une hausse de 12 % sur l'année.") == ["hausse"]
    assert things("La région apportera 2 milliards d'euros d'aide aux éleveurs.") == ["aide"]
    assert things("La commune contribue à hauteur d'un million d'euros.") == [None]
    assert things("Les 5 milliards correspondent à des prêts.") == [None]
    assert things("Dix mille manifestants ont défilé.") == ["manifestants"]
    assert things("Le coureur devance ce dernier de 22 secondes.") == [None]
    (lesson,) = find_figures("Ils ont « tiré les leçons » de l'évaporation de 600 millions d'euros.", "fr")
    assert (lesson.thing, lesson.action) == ("évaporation", None)


def test_english_counted_nouns_end_at_a_verb_an_adverb_or_a_comparative() -> None:
    def things(text: str) -> list[str | None]:
        return [f.thing for f in find_figures(text, "en")]

    assert things("Three masked robbers forcibly stole cash.") == ["robbers"]
    assert things("Auditors found 5,000 ghost workers receiving salaries.") == ["workers"]
    assert things("As few as 50 adult frogs left in the wild.") == ["frogs"]
    assert things("Silver traded 0.44 per cent lower.") == [None]
    assert [f.claimant for f in find_figures("Silver traded 0.44 per cent lower.", "en")] == [None]


def test_a_third_before_a_noun_is_an_ordinal_not_a_fraction() -> None:
    assert _values("The firm adds a third disease area to the drug.", "en") == []
    assert _values("A third of the voters stayed home.", "en") == [pytest.approx(1 / 3)]


def test_francs_and_units_in_capitals_are_read() -> None:
    found = find_figures("Il a été condamné à 5 000 francs d'amende, soit 5 000 FF, et 3 millions CHF.", "fr")
    assert [(f.value, f.unit) for f in found] == [(5000, "FRF"), (5000, "FRF"), (3_000_000, "CHF")]


def test_a_part_takes_the_noun_of_its_whole_and_its_own_action() -> None:
    found = find_figures(
        "Les forces ont déclaré que 69 missiles avaient été lancés, dont 54 abattus.", "fr", REF
    )
    assert [(f.value, f.thing, f.action) for f in found] == [
        (69, "missiles", "lancés"),
        (54, "missiles", "abattus"),
    ]


def test_the_others_count_the_thing_named_before() -> None:
    found = find_figures("A single drone hit a power station; the other 14 were intercepted.", "en", REF)
    assert [(f.value, f.thing, f.action) for f in found] == [
        (1, "drone", "hit"),
        (14, "drone", "intercepted"),
    ]


def test_claimant_is_the_source_of_the_reporting_cue_not_the_outlet() -> None:
    (figure,) = find_figures(
        "Les forces armées ukrainiennes ont déclaré que 69 missiles avaient été lancés.", "fr", REF
    )
    assert figure.claimant == "Les forces armées ukrainiennes"
    (after,) = find_figures("Russia fired 76 missiles overnight, the air force said.", "en", REF)
    assert after.claimant == "the air force"
    (selon,) = find_figures("Selon la préfecture, 1 200 manifestants ont défilé.", "fr", REF)
    assert selon.claimant == "la préfecture"


def test_a_role_claimant_is_named_by_its_apposition() -> None:
    text = (
        "Le maire de Kyiv, Vitali Klitschko, a déclaré plus tard "
        "que la capitale avait été attaquée par sept drones."
    )
    (figure,) = find_figures(text, "fr", REF)
    assert figure.claimant == "Vitali Klitschko"


def test_a_verb_that_is_not_reporting_anything_names_no_claimant() -> None:
    (figure,) = find_figures("Auparavant, 120 missiles avaient été lancés.", "fr", REF)
    assert figure.claimant is None


def test_time_is_the_day_its_sentence_names_resolved_against_the_reference() -> None:
    (figure,) = find_figures("Jeudi, 69 missiles ont été lancés.", "fr", REF)
    assert figure.time == "2024-03-14"


def test_evidence_is_the_verbatim_sentence_and_offsets_point_into_the_text() -> None:
    text = "Le bilan est lourd. Au moins 3 personnes ont péri dans l'effondrement. Les secours fouillent."
    (figure,) = find_figures(text, "fr", REF)
    assert figure.sentence == "Au moins 3 personnes ont péri dans l'effondrement."
    assert text[figure.start : figure.end] == figure.text == "3"


def test_actions_and_things_fold_across_languages_and_inflections() -> None:
    assert action_concept("abattus") == action_concept("shot down") == "intercept"
    assert action_concept("lancés") == action_concept("fired") == "launch"
    assert thing_key("missiles") == thing_key("Missile") == "missile"
    assert thing_key("drones") == thing_key("drone")


def test_an_inverted_subject_after_the_cue_is_the_claimant() -> None:
    text = (
        "Au moins neuf personnes ont été tuées à Zolotopil, une ville du centre, "
        "ont annoncé mercredi les autorités locales."
    )
    (figure,) = find_figures(text, "fr", REF)
    assert figure.claimant == "les autorités locales"


@pytest.mark.parametrize(
    ("text", "language", "bound"),
    [
        ("Au moins 3 personnes ont été tuées.", "fr", "lower"),
        ("Plus de 600 personnes ont été évacuées.", "fr", "lower"),
        ("Jusqu'à 40 drones ont été lancés.", "fr", "upper"),
        ("Environ 30 drones ont été lancés.", "fr", None),
        ("30 drones ont été lancés.", "fr", None),
        ("The quake killed at least three people.", "en", "lower"),
        ("Up to 40 drones were launched.", "en", "upper"),
        ("Some 30 drones were launched.", "en", None),
    ],
)
def test_a_lower_or_upper_bound_is_kept_with_the_value(text: str, language: str, bound: str | None) -> None:
    (figure,) = find_figures(text, language, REF)
    assert figure.bound == bound
