"""Claims: figures about one thing and action, compared across independent sources."""

from __future__ import annotations

from factories import make_article

from recoupe.model import Entity
from recoupe.reconcile.claims import same_value, story_claims

KLITSCHKO = Entity("Vitali Klitschko", "PER", ["Vitali Klitschko", "Klitschko"], ["a"], 2)


def test_two_independent_sources_with_one_value_corroborate() -> None:
    a = make_article("a", ["L'armée a indiqué que 7 drones avaient été abattus au-dessus de la ville."])
    b = make_article("b", ["Seven drones were shot down over the city, the army said."], language="en")
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "corroborated"
    assert [(v.value, v.articles) for v in claim.values] == [(7, ["a", "b"])]


def test_losing_one_s_life_is_being_killed_not_being_wounded() -> None:
    a = make_article("a", ["Neuf personnes ont perdu la vie dans l'effondrement, selon la préfecture."])
    b = make_article("b", ["Neuf personnes ont été tuées dans l'effondrement, a indiqué le maire."])
    c = make_article("c", ["Neuf personnes ont été blessées dans l'effondrement, selon les pompiers."])
    claims = story_claims([a, b, c], [], 10)
    assert sorted((c.status, c.subject, c.values[0].articles) for c in claims) == [
        ("corroborated", "personnes tuées", ["a", "b"]),  # the participle names it, not the phrase
        ("single", "personnes blessées", ["c"]),
    ]


def test_a_copy_does_not_corroborate_its_original() -> None:
    a = make_article("a", ["L'armée a indiqué que 7 drones avaient été abattus au-dessus de la ville."])
    b = make_article(
        "b", ["L'armée a indiqué que 7 drones avaient été abattus au-dessus de la ville."], copy_of="a"
    )
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "single"


def test_different_values_for_one_thing_and_action_are_disputed_with_their_claimants() -> None:
    a = make_article(
        "a",
        [
            "Les forces armées ont déclaré que 69 missiles avaient été lancés, dont 54 abattus. "
            "Auparavant, des responsables avaient estimé que 120 missiles avaient été lancés."
        ],
    )
    claims = {c.subject: c for c in story_claims([a], [], 10)}
    launched = claims["missiles lancés"]
    assert launched.status == "disputed"
    assert [(v.value, v.claimants) for v in launched.values] == [
        (69, ["Les forces armées"]),
        (120, ["des responsables"]),
    ]
    # Shot down is another action on the same missiles: another claim.
    assert [v.value for v in claims["missiles abattus"].values] == [54]


def test_scale_and_rounding_do_not_dispute_a_value() -> None:
    assert same_value(13_800_000_000, 13.8e9)
    assert same_value(1_200_000, 1_234_000)
    assert not same_value(16, 20)
    assert not same_value(69, 70)
    a = make_article("a", ["Le pipeline a acheminé 13,8 milliards de mètres cubes de gaz."])
    b = make_article("b", ["Au total, 13 800 000 000 mètres cubes de gaz ont été acheminés."])
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "corroborated"
    assert [v.value for v in claim.values] == [13_800_000_000]


def test_a_breakdown_in_one_sentence_does_not_dispute_its_total() -> None:
    a = make_article(
        "a",
        ["Le ministère a déclaré avoir intercepté 55 drones, 10 drones au-dessus de Koursk et six ailleurs."],
    )
    claims = story_claims([a], [], 10)
    assert all(c.status != "disputed" for c in claims)


def test_claimant_resolves_to_the_story_entity() -> None:
    a = make_article("a", ["Klitschko a déclaré que 7 drones avaient été abattus."])
    (claim,) = story_claims([a], [KLITSCHKO], 10)
    assert claim.values[0].claimants == ["Vitali Klitschko"]


def test_evidence_is_verbatim_in_the_article() -> None:
    a = make_article("a", ["Premier point. Selon la préfecture, 1 200 manifestants ont défilé lundi. Fin."])
    (claim,) = story_claims([a], [], 10)
    assert claim.values[0].evidence == ["Selon la préfecture, 1 200 manifestants ont défilé lundi."]
    assert all(e in a.paragraphs[0].text for e in claim.values[0].evidence)


def test_disputed_claims_come_first_and_the_count_is_capped() -> None:
    a = make_article(
        "a",
        [
            "Selon l'armée, 3 chars ont été détruits. Selon la police, 40 blindés ont été détruits. "
            "Les pompiers ont vu 9 camions."
        ],
    )
    b = make_article("b", ["Selon la police, 45 blindés ont été détruits."])
    claims = story_claims([a, b], [], 2)
    assert len(claims) == 2
    assert claims[0].status == "disputed"


def test_one_thing_counted_in_two_languages_is_one_claim() -> None:
    a = make_article("a", ["Le pipeline a acheminé 13,8 milliards de mètres cubes de gaz."])
    b = make_article("b", ["The pipeline delivered 13.8 billion cubic metres of gas."], language="en")
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "corroborated"
    c = make_article("c", ["Selon l'armée, 24 soldats ont été tués."])
    d = make_article("d", ["The army said 30 troops were killed."], language="en")
    (claim,) = story_claims([c, d], [], 10)
    assert claim.status == "disputed"
    assert [v.value for v in claim.values] == [24, 30]


def test_figures_of_different_periods_are_different_claims() -> None:
    a = make_article(
        "a", ["En 2024, l'usine a supprimé 240 emplois.", "En 2021, l'usine avait supprimé 90 emplois."]
    )
    claims = story_claims([a], [], 10)
    assert sorted((c.status, c.values[0].value) for c in claims) == [("single", 90), ("single", 240)]
    assert {c.subject for c in claims} == {"emplois supprimé (2024)", "emplois supprimé (2021)"}


def test_a_loss_reported_beside_other_days_is_one_claim_of_every_report() -> None:
    a = make_article("a", ["Le trader a été mis en examen jeudi pour la perte de 420 millions d'euros."])
    b = make_article(
        "b", ["Vendredi, la plainte de la mutuelle faisait référence à une perte de 420 millions d'euros."]
    )
    c = make_article(
        "c", ["L'avocate, dont le client est accusé de la perte de 420 millions d'euros, a parlé mercredi."]
    )
    d = make_article(
        "d", ["La mutuelle a porté plainte après une perte de 420 millions d'euros subie en février."]
    )
    (claim,) = story_claims([a, b, c, d], [], 10)
    assert claim.status == "corroborated"
    assert claim.subject == "perte (2024-02)"
    assert sorted(claim.values[0].articles) == ["a", "b", "c", "d"]


def test_a_claim_is_labelled_by_the_past_participle_of_its_act() -> None:
    a = make_article("a", ["A storm hit the coast, killing three people, officials said."], language="en")
    b = make_article("b", ["La tempête a frappé la côte, tuant trois personnes, selon la préfecture."])
    assert sorted(c.subject for c in story_claims([a], [], 10) + story_claims([b], [], 10)) == [
        "people killed",
        "personnes tués",
    ]


def test_the_dead_and_people_killed_are_one_claim() -> None:
    a = make_article("a", ["L'attaque a fait 9 morts."])
    b = make_article("b", ["Neuf personnes ont été tuées dans l'attaque."])
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "corroborated"


def test_a_figure_that_leaves_out_where_corroborates_the_same_value_that_says_it() -> None:
    a = make_article("a", ["Grève : 400 vols annulés à Brinville"])
    b = make_article("b", ["Brinville privé de 400 vols par la grève"])
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "corroborated"
    assert [(v.value, v.articles) for v in claim.values] == [(400, ["a", "b"])]


def test_a_figure_naming_no_action_never_disputes_one_that_names_an_action() -> None:
    a = make_article("a", ["L'armée a indiqué que 54 missiles avaient été abattus dans la nuit."])
    b = make_article("b", ["L'armée a compté 85 missiles dans la nuit."])
    claims = story_claims([a, b], [], 10)
    assert all(claim.status != "disputed" for claim in claims)
    assert sorted(v.value for claim in claims for v in claim.values) == [54, 85]


def test_counts_of_a_thing_that_no_act_links_describe_different_things_not_a_dispute() -> None:
    # "les 27 membres de l'UE" and "un conseil de sept membres": the same noun, no act counted
    a = make_article("a", ["Le plan équivaut à 1 % de la richesse des 27 membres de l'Union."])
    b = make_article("b", ["Son conseil d'administration comprendra sept membres."])
    claims = story_claims([a, b], [], 10)
    assert sorted((c.status, [v.value for v in c.values]) for c in claims if "membres" in c.subject) == [
        ("single", [7]),
        ("single", [27]),
    ]


def test_an_article_giving_two_values_of_one_act_without_saying_who_counts_two_things() -> None:
    a = make_article(
        "a",
        [
            "Au premier tour, 40 députés ont voté la motion de censure.",
            "Au second tour, 65 députés ont voté la motion de censure.",
        ],
    )
    b = make_article("b", ["Au premier tour, 40 députés ont voté la motion de censure."])
    claims = story_claims([a, b], [], 10)
    assert all(c.status != "disputed" for c in claims)
    # the value the other source gives is still corroborated
    assert [v.value for c in claims if c.status == "corroborated" for v in c.values] == [40]


def test_bounds_that_can_both_be_true_do_not_dispute() -> None:
    a = make_article("a", ["Selon la police, au moins 7 personnes ont été tuées."])
    b = make_article("b", ["Selon l'hôpital, au moins 12 personnes ont été tuées."])
    claims = story_claims([a, b], [], 10)
    assert all(c.status != "disputed" for c in claims)
    assert sorted(v.value for c in claims for v in c.values) == [7, 12]


def test_a_bound_that_excludes_the_other_value_disputes_it() -> None:
    a = make_article("a", ["Selon la police, au moins 2 personnes ont été tuées."])
    b = make_article("b", ["Selon l'hôpital, 1 personne a été tuée."])
    (claim,) = story_claims([a, b], [], 10)
    assert claim.status == "disputed"
    c = make_article("c", ["Selon l'armée, jusqu'à 40 drones ont été lancés."])
    d = make_article("d", ["Selon la mairie, 55 drones ont été lancés."])
    (claim,) = story_claims([c, d], [], 10)
    assert claim.status == "disputed"
