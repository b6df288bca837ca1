"""Claims an analyst can publish: one act across verbs and languages, breakdowns that never
dispute their whole, scopes kept apart, and corroboration by independent reports (issue 20)."""

from __future__ import annotations

from pathlib import Path

from factories import make_article

from recoupe.extract.figures import action_concept
from recoupe.model import Entity
from recoupe.reconcile.claims import story_claims

KLITSCHKO = Entity("Vitali Klitschko", "PER", ["Vitali Klitschko", "Klitschko"], ["a", "b"], 2)

# Two reports of one night, by two outlets, with the traps of the real ones.
REPORT_A = (
    "Le maire de Kyiv, Vitali Klitschko, a déclaré que la capitale avait été attaquée par sept drones, "
    "dont deux ont été abattus à l'approche et cinq au-dessus de la ville."
)
REPORT_B = (
    "Sur sept drones explosifs lancés contre la capitale, deux ont été abattus à l'approche, "
    "selon Vitali Klitschko."
)
ALL_UKRAINE = "Dans la nuit, l'armée ukrainienne a repoussé 16 drones kamikazes, a indiqué l'état-major."


def test_attacked_by_and_launched_against_are_one_act() -> None:
    assert action_concept("attaquée") == action_concept("lancés") == action_concept("launched") == "launch"
    assert action_concept("repoussés") == action_concept("abattus") == action_concept("shot down")


def test_seven_drones_on_the_capital_from_two_reports_is_one_corroborated_claim() -> None:
    claims = story_claims([make_article("a", [REPORT_A]), make_article("b", [REPORT_B])], [KLITSCHKO], 20)
    (seven,) = [c for c in claims if any(v.value == 7 for v in c.values)]
    assert seven.status == "corroborated"
    assert [(v.value, v.articles, v.claimants) for v in seven.values] == [
        (7, ["a", "b"], ["Vitali Klitschko"])
    ]


def test_a_part_of_a_whole_never_disputes_another_figure() -> None:
    claims = story_claims([make_article("a", [REPORT_A]), make_article("c", [ALL_UKRAINE])], [KLITSCHKO], 20)
    assert all(c.status != "disputed" for c in claims)
    values = sorted(v.value for c in claims for v in c.values)
    assert values == [7, 16]  # the 2 and 5 over Kyiv are a breakdown of the 7


def test_different_scopes_are_different_claims() -> None:
    capital = make_article("a", ["Sept drones ont été abattus au-dessus de la capitale, selon le maire."])
    country = make_article("b", ["Seize drones ont été abattus au-dessus du pays, selon l'armée."])
    claims = story_claims([capital, country], [], 20)
    assert len(claims) == 2
    assert all(c.status == "single" for c in claims)


def test_same_scope_different_values_stay_disputed() -> None:
    a = make_article("a", ["Sept drones ont été abattus au-dessus de la capitale, selon le maire."])
    b = make_article("b", ["Neuf drones ont été abattus au-dessus de la capitale, selon l'armée."])
    (claim,) = story_claims([a, b], [], 20)
    assert claim.status == "disputed"
    assert [v.value for v in claim.values] == [7, 9]


def test_a_single_part_with_its_own_action_is_a_claim_of_its_own() -> None:
    a = make_article("a", ["L'armée a indiqué que 69 missiles avaient été lancés, dont 54 abattus."])
    assert sorted(v.value for c in story_claims([a], [], 20) for v in c.values) == [54, 69]


def test_on_the_sample_seven_drones_on_kyiv_are_corroborated_by_a_second_report(shared: Path) -> None:
    sample = (shared / "samples" / "000_cad40abfcc282c63.txt").read_text(encoding="utf-8")
    real = make_article("sample", [line for line in sample.splitlines() if line.strip()])
    claims = story_claims([real, make_article("b", [REPORT_B])], [KLITSCHKO], 50)
    (seven,) = [c for c in claims if any(v.value == 7 for v in c.values)]
    assert seven.status == "corroborated"
    assert seven.values[0].articles == ["sample", "b"]
    # "16 drones repoussés" (all Ukraine) and the 2 shot down on approach (part of the 7): no dispute
    assert not [c for c in claims if c.status == "disputed" and {2, 16} & {v.value for v in c.values}]
    assert all(v.value not in (2, 5) for c in claims if "drones" in c.subject for v in c.values)


def test_a_toll_of_another_year_is_no_rival_of_the_days_toll() -> None:
    today = make_article("a", ["The quake killed five people, according to the UN."], language="en")
    past = make_article("b", ["The tsunami killed 168,000 people in 2004."], language="en")
    same_past = make_article("c", ["In 2004 the tsunami killed 168,000 people."], language="en")
    claims = story_claims([today, past, same_past], [], 20)
    assert all(c.status != "disputed" for c in claims)
    assert sorted((c.status, v.value) for c in claims for v in c.values) == [
        ("corroborated", 168000),
        ("single", 5),
    ]


def test_an_undated_figure_corroborates_the_one_period_named_with_the_same_value() -> None:
    dated = make_article("a", ["Seven people were killed in the bombing in 2012."], language="en")
    undated = make_article("b", ["Seven people were killed in the bombing, officials said."], language="en")
    (claim,) = story_claims([dated, undated], [], 20)
    assert claim.status == "corroborated"


def test_a_running_total_is_no_rival_of_one_attacks_toll() -> None:
    total = make_article("a", ["More than 640 people were killed since the offensive began."], language="en")
    strike = make_article("b", ["Three people were killed in an air strike on a school."], language="en")
    claims = story_claims([total, strike], [], 20)
    assert all(c.status != "disputed" for c in claims)


# False disputes between English reports of one story (ecbplus-dev's classes, on written text).
def test_seasons_spent_by_two_people_are_no_rival_counts() -> None:
    # "spend" is an act of money: a count of seasons or days has no action to dispute.
    marsh = "Marsh, who spent his first 11 seasons as a player with the Hawks, is the new coach."
    a = make_article("a", [marsh], language="en", published=None)
    b = make_article("b", ["Ortiz has spent 19 seasons with the Hawks."], language="en", published=None)
    claims = story_claims([a, b], [], 20)
    assert all(c.status != "disputed" for c in claims)
    budget = make_article("c", ["The city has spent $3 million on the new stadium."], language="en")
    (spent,) = [f for c in story_claims([budget], [], 20) for f in c.values]
    assert story_claims([budget], [], 20)[0].subject.endswith("spent")
    assert spent.value == 3_000_000


def test_banks_set_on_fire_are_not_banks_attacked_another_night() -> None:
    # "setting fire to" burns: "fire" is a noun there, not the act of firing at something.
    burned = make_article("a", ["Hooded youths overturned cars and set fire to three banks."], language="en")
    attacked = make_article("b", ["Overnight a few hundred youths attacked four shops and two banks."],
                            language="en")
    claims = story_claims([burned, attacked], [], 20)
    assert all(c.status != "disputed" for c in claims)
    assert action_concept("setting fire") == action_concept("mis le feu") == "burn"


def test_injured_of_a_strike_named_by_place_are_not_another_strikes() -> None:
    # The 16 are coordinated with the five dead of the camp the clause names: one place for both.
    shelling = "Shelling of houses in the Marwa refugee camp left at least five dead and 16 injured."
    camp = make_article("a", [shelling], language="en")
    school = make_article("b", ["Some 30 people were killed and 55 others injured when shells hit a school."],
                          language="en")
    claims = story_claims([camp, school], [], 20)
    assert all(c.status != "disputed" for c in claims)
    rivals = make_article("c", ["Shelling of houses in the Marwa refugee camp left 20 injured, medics said."],
                          language="en")
    (injured,) = [c for c in story_claims([camp, rivals], [], 20) if c.status == "disputed"]
    assert sorted(v.value for v in injured.values) == [16, 20]
