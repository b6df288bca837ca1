"""The temporal-expression finder: spans and ISO-TimeML values, resolved against the article's date."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from recoupe.extract.dates import find_time_expressions

SATURDAY = date(2024, 3, 16)  # the article's date in most tests
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def values(text: str, reference: date = SATURDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_time_expressions(text, reference)}


def test_friday_in_a_saturday_article_is_the_day_before() -> None:
    assert values("Le ministre a démissionné vendredi.") == {"vendredi": "2024-03-15"}


def test_saturday_in_a_saturday_article_is_the_same_day() -> None:
    assert values("Le match a eu lieu samedi.") == {"samedi": "2024-03-16"}


def test_weekday_in_a_future_clause_is_the_next_one() -> None:
    assert values("Le conseil se réunira mardi.") == {"mardi": "2024-03-19"}


def test_a_past_verb_right_before_the_day_outweighs_a_future_elsewhere_in_the_sentence() -> None:
    text = "L'usine va fermer ses portes, a annoncé mardi la direction."
    assert values(text) == {"mardi": "2024-03-12"}
    assert values("La direction va annoncer mardi la fermeture.") == {"mardi": "2024-03-19"}
    assert values("Il va pleuvoir mardi.") == {"mardi": "2024-03-19"}
    assert values("Le vote des élus, qui vont trancher, est prévu mardi.") == {"mardi": "2024-03-19"}


def test_what_was_to_come_is_the_next_day_and_an_alleged_past_the_last() -> None:
    assert values("Il a assuré que son équipe viserait le titre dimanche.") == {"dimanche": "2024-03-17"}
    assert values("Les températures devaient descendre mardi.") == {"mardi": "2024-03-19"}
    assert values("Le suspect aurait été aperçu dimanche.") == {"dimanche": "2024-03-10"}
    assert values("Le retrait des troupes a commencé dimanche.") == {"dimanche": "2024-03-10"}


def test_what_may_happen_is_the_next_weekday_in_english_too() -> None:
    assert values("Some villages could stay cut off until Monday.") == {"Monday": "2024-03-18"}
    assert values("The mayor could not attend the meeting on Monday.") == {"Monday": "2024-03-11"}


def test_weekday_with_prochain_dernier_and_part_of_day() -> None:
    found = values("Il partira lundi prochain. Il était arrivé jeudi soir et reparti mercredi dernier.")
    assert found == {
        "lundi prochain": "2024-03-18",
        "jeudi soir": "2024-03-14TEV",
        "mercredi dernier": "2024-03-13",
    }


def test_le_mercredi_and_tous_les_jeudis_are_habits() -> None:
    assert values("La salle ouvre le mercredi et tous les jeudis.") == {
        "le mercredi": "XXXX-WXX-3",
        "tous les jeudis": "XXXX-WXX-4",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hier", "2024-03-15"),
        ("demain", "2024-03-17"),
        ("avant-hier", "2024-03-14"),
        ("après-demain", "2024-03-18"),
        ("aujourd'hui", "2024-03-16"),
        ("aujourd’hui", "2024-03-16"),
        ("hier matin", "2024-03-15TMO"),
        ("hier soir", "2024-03-15TEV"),
        ("ce soir", "2024-03-16TEV"),
        ("cet après-midi", "2024-03-16TAF"),
    ],
)
def test_days_relative_to_the_article(text: str, expected: str) -> None:
    assert values(f"Il l'a dit {text} au journal.") == {text: expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la semaine dernière", "2024-W10"),
        ("la semaine prochaine", "2024-W12"),
        ("cette semaine", "2024-W11"),
        ("le mois dernier", "2024-02"),
        ("le mois prochain", "2024-04"),
        ("l'an dernier", "2023"),
        ("l'année prochaine", "2025"),
        ("cette année", "2024"),
        ("ce week-end", "2024-W11-WE"),
    ],
)
def test_periods_around_the_article(text: str, expected: str) -> None:
    assert values(f"Les ventes ont baissé {text}, selon l'Insee.") == {text: expected}


def test_il_y_a_and_dans_count_from_the_article() -> None:
    assert values("Il est parti il y a trois jours et reviendra dans deux semaines.") == {
        "il y a trois jours": "2024-03-13",
        "dans deux semaines": "2024-W13",
    }


def test_night_across_two_days_is_the_first_night() -> None:
    assert values("L'incendie a éclaté dans la nuit du 29 au 30 décembre.", date(2024, 1, 3)) == {
        "dans la nuit du 29 au 30 décembre": "2023-12-29TNI"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le 24 février", "2024-02-24"),
        ("24 février 1999", "1999-02-24"),
        ("1er mai", "2023-05-01"),  # weeks ahead of the article, in a past-tense clause: last year
        ("le 20 décembre dernier", "2023-12-20"),
        ("le 10 novembre 93", "1993-11-10"),
        ("samedi 6 avril", "2024-04-06"),
    ],
)
def test_day_and_month(text: str, expected: str) -> None:
    assert values(f"La réunion, {text}, a été décisive.") == {text: expected}


def test_day_month_without_year_takes_the_year_nearest_the_article() -> None:
    assert values("Les attentats du 11 septembre ont tout changé.", date(2002, 2, 9)) == {
        "du 11 septembre": "2001-09-11"
    }


def test_two_days_sharing_a_month() -> None:
    assert values("Les élections auront lieu les 6 et 13 avril prochains.", date(2024, 2, 20)) == {
        "les 6": "2024-04-06",
        "13 avril prochains": "2024-04-13",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en mai", "2024-05"),
        ("mai 1999", "1999-05"),
        ("septembre dernier", "2023-09"),
        ("juin prochain", "2024-06"),
        ("début octobre", "2023-10"),  # five months back is nearer than seven ahead
        ("octobre 98", "1998-10"),
    ],
)
def test_months(text: str, expected: str) -> None:
    assert values(f"Le chantier a commencé {text}.") == {text: expected}


def test_a_capitalised_month_alone_is_not_a_date() -> None:
    assert values("La sonde approche de Mars. Mai est son prénom.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("au printemps prochain", "2025-SP"),  # mid-March: this spring has begun
        ("cet été", "2024-SU"),
        ("en hiver", "XXXX-WI"),
        ("l'été 1998", "1998-SU"),
    ],
)
def test_seasons(text: str, expected: str) -> None:
    assert values(f"Les travaux auront lieu {text}.") == {text: expected}


def test_ete_the_past_participle_is_not_summer() -> None:
    assert values("Il a été élu maire.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en 1998", "1998"),
        ("l'an 2000", "2000"),
        ("les années 80", "198"),
        ("le XIXe siècle", "18"),
    ],
)
def test_years_decades_centuries(text: str, expected: str) -> None:
    assert values(f"Tout a changé {text}.") == {text: expected}


def test_a_four_digit_quantity_is_not_a_year() -> None:
    assert values("La commune compte 2000 habitants et 1999 € de dettes.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trois ans", "P3Y"),
        ("30,4 secondes", "PT30.4S"),
        ("deux heures", "PT2H"),
        ("48 heures", "PT48H"),
        ("quinze jours", "P15D"),
        ("sept ans", "P7Y"),
        ("dix-huit mois", "P18M"),
        ("vingt et un jours", "P21D"),
        ("quatre-vingt-dix minutes", "PT90M"),
        ("plusieurs années", "PXY"),
        ("quelques mois", "PXM"),
        ("deux heures et demie", "PT150M"),
        ("un semestre", "P6M"),
        ("un quinquennat", "P5Y"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    found = values(f"Le chantier a duré {text}.")
    assert list(found.values()) == [expected]
    assert next(iter(found)) in text


def test_an_age_is_not_a_duration() -> None:
    assert values("Un chauffeur de 38 ans a été agressé. Paul Dupont, 53 ans, témoigne.") == {}


def test_frequencies() -> None:
    assert values("Il court chaque jour et voit ses amis tous les mois.") == {
        "chaque jour": "P1D",
        "tous les mois": "P1M",
    }


def test_le_quotidien_is_a_newspaper_not_a_frequency() -> None:
    assert values("Il l'a confié au quotidien régional.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("à 14 heures", "2024-03-16T14:00"),
        ("à 14h30", "2024-03-16T14:30"),
        ("vers 21 h 45", "2024-03-16T21:45"),
        ("à 2 heures du matin", "2024-03-16T02:00"),
        ("à 8 heures du soir", "2024-03-16T20:00"),
        ("vers midi", "2024-03-16T12:00"),
    ],
)
def test_clock_times_hang_on_the_article_day_by_default(text: str, expected: str) -> None:
    found = find_time_expressions(f"Le train est parti {text}.", SATURDAY)
    assert [t.value for t in found] == [expected]


def test_a_clock_time_hangs_on_the_day_its_sentence_names() -> None:
    assert values("Il a été blessé mardi vers 21 h 45. Il est mort hier matin.") == {
        "mardi": "2024-03-12",
        "21 h 45": "2024-03-12T21:45",
        "hier matin": "2024-03-15TMO",
    }


def test_la_veille_and_la_nuit_hang_on_the_day_being_told() -> None:
    assert values("Le 2 mars, le feu a pris. La veille, tout était calme. Il a brûlé toute la nuit.") == {
        "Le 2 mars": "2024-03-02",
        "La veille": "2024-03-01",
        "la nuit": "2024-03-01TNI",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Actuellement", "PRESENT_REF"),
        ("Désormais", "PRESENT_REF"),
        ("Autrefois", "PAST_REF"),
        ("Récemment", "PAST_REF"),
        ("Prochainement", "FUTURE_REF"),
    ],
)
def test_present_past_and_future_references(text: str, expected: str) -> None:
    assert values(f"{text}, la ville vit du tourisme.") == {text: expected}


def test_en_maintenant_is_a_gerund_not_now() -> None:
    assert values("Il gagne en maintenant la pression.") == {}


# --- English ----------------------------------------------------------------------------------


def test_english_relative_days_and_weekdays() -> None:
    assert values("Yesterday the minister resigned; last Monday he denied it. He will speak next week.") == {
        "Yesterday": "2024-03-15",
        "last Monday": "2024-03-11",
        "next week": "2024-W12",
    }


def test_english_dates_and_months() -> None:
    assert values("The vote on March 3 follows the deal of 3 March 2023, signed in May 2022.") == {
        "March 3": "2024-03-03",
        "3 March 2023": "2023-03-03",
        "in May 2022": "2022-05",
    }


def test_english_may_the_verb_is_not_a_month() -> None:
    assert values("Prices may rise.") == {}


def test_french_sept_is_seven_not_september() -> None:
    assert values("Sept drones ont frappé la ville.") == {}


def test_english_ago_in_durations_and_clock_times() -> None:
    assert values(
        "Three days ago the plant closed; it reopens in two weeks. Talks lasted a dozen hours, "
        "ending at 3 pm on Thursday night."
    ) == {
        "Three days ago": "2024-03-13",
        "in two weeks": "2024-W13",
        "a dozen hours": "PT12H",
        "3 pm": "2024-03-14T15:00",
        "Thursday night": "2024-03-14TNI",
    }


def test_english_present_reference() -> None:
    assert values("The company is currently in talks.") == {"currently": "PRESENT_REF"}


# --- the command ------------------------------------------------------------------------------


def test_cli_prints_json_with_offsets_into_the_file(tmp_path: Path) -> None:
    text = "Éloïse est arrivée hier soir.\nElle repartira lundi prochain à 14 heures."
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    binary = Path(sys.executable).parent / "recoupe"
    run = subprocess.run(
        [str(binary), "dates", str(article), "--reference", "2024-03-16", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(run.stdout)
    assert [(f["text"], f["value"]) for f in found] == [
        ("hier soir", "2024-03-15TEV"),
        ("lundi prochain", "2024-03-18"),
        ("14 heures", "2024-03-18T14:00"),
    ]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in found)


def test_cli_markdown_and_bad_input(tmp_path: Path) -> None:
    binary = Path(sys.executable).parent / "recoupe"
    article = tmp_path / "a.txt"
    article.write_text("Il est venu en mai 1999.", encoding="utf-8")
    run = subprocess.run(
        [str(binary), "dates", str(article), "--reference", "2024-03-16"], capture_output=True, text=True
    )
    assert run.returncode == 0 and "| en mai 1999 | 1999-05 |" in run.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    run = subprocess.run(
        [str(binary), "dates", str(empty), "--reference", "2024-03-16"], capture_output=True, text=True
    )
    assert run.returncode == 2 and f"recoupe: skipped {empty}: empty file" in run.stderr
    run = subprocess.run(
        [str(binary), "dates", str(article), "--reference", "16/03/2024"], capture_output=True, text=True
    )
    assert run.returncode == 2 and "ISO date" in run.stderr


@pytest.mark.skipif(not (SHARED / "data" / "fr-timebank").is_dir(), reason="../shared is absent")
def test_french_timebank_sample_scores_above_a_floor(tmp_path: Path) -> None:
    sample = tmp_path / "tml"
    sample.mkdir()
    for tml in sorted((SHARED / "data" / "fr-timebank").glob("*.tml"))[:8]:
        (sample / tml.name).write_text(tml.read_text(encoding="utf-8"), encoding="utf-8")
    binary = Path(sys.executable).parent / "recoupe"
    run = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_timex.py"), str(binary), str(sample)],
        capture_output=True,
        text=True,
        check=True,
    )
    value_f1 = float(run.stdout.strip().rsplit(" ", 1)[1])
    assert value_f1 >= 0.7, run.stdout


def test_day_month_months_ahead_in_a_past_tense_clause_is_last_year() -> None:
    text = "L'incident est le premier depuis l'invasion du 24 février."
    (found,) = find_time_expressions(text, date(2022, 12, 30))
    assert found.value == "2022-02-24"


def test_day_month_in_a_future_clause_stays_ahead() -> None:
    text = "Le sommet se tiendra le 24 février à Genève."
    (found,) = find_time_expressions(text, date(2022, 12, 30))
    assert found.value == "2023-02-24"


def test_jeudi_in_an_article_of_friday_30_december_2022_is_the_29th() -> None:
    found = find_time_expressions("La Russie a lancé jeudi son plus grand assaut aérien.", date(2022, 12, 30))
    assert [(t.text, t.value) for t in found] == [("jeudi", "2022-12-29")]


def test_a_weekday_chooses_the_year_of_a_date_written_without_one() -> None:
    # 25 November is a Sunday in 2007, a Tuesday in 2008: the writer's "mardi" tells the year
    assert values("Le ministre a promis, mardi 25 novembre, des mesures.", date(2008, 6, 2)) == {
        "mardi 25 novembre": "2008-11-25"
    }
    assert values("On Tuesday, November 25, the minister spoke.", date(2008, 6, 2)) == {
        "Tuesday, November 25": "2008-11-25"
    }
    # no weekday, or one that no year next to it fits: the nearest year, as before
    assert values("Le ministre a promis, le 25 novembre, des mesures.", date(2008, 6, 2)) == {
        "le 25 novembre": "2007-11-25"
    }
