"""Reporting cues: one French vocabulary, one test on a parse, one screen on raw text."""

from __future__ import annotations

from recoupe.extract.cues import cue_lemmas, is_cue, may_hold_cue, two_word_cues
from recoupe.extract.entities import french_parser


def _cues(sentence: str) -> list[str]:
    return [t.text for t in french_parser()(sentence) if is_cue(t)]


def test_the_vocabulary_comes_from_the_data_file() -> None:
    assert {"déclarer", "estimer", "indiquer"} <= cue_lemmas()
    assert two_word_cues()["valoir"] == "faire"
    assert not any(" " in verb for verb in cue_lemmas())


def test_a_reporting_verb_is_a_cue_in_any_form() -> None:
    assert _cues("Le ministre a déclaré que 300 emplois seraient supprimés.") == ["déclaré"]
    assert _cues("Le syndicat estime que la réforme coûtera cher.") == ["estime"]


def test_a_verb_that_reports_nothing_is_no_cue() -> None:
    assert _cues("Le ministre a visité une usine de 300 salariés.") == []


def test_faire_is_a_cue_only_with_the_second_word_of_a_phrase() -> None:
    assert "fait" in _cues("Le syndicat a fait part de son désaccord.")
    assert _cues("Le syndicat a fait une grève de trois jours.") == []


def test_the_screen_keeps_sentences_that_may_hold_a_cue_and_only_those() -> None:
    assert may_hold_cue("Le préfet a précisé que sept drones ont été abattus.")
    assert may_hold_cue("Selon la police, 300 personnes ont défilé.")
    assert may_hold_cue("Il l'a dit hier.")
    # a cue's whole irregular form is no prefix: "dit" does not start "discussion"
    assert not may_hold_cue("La discussion a duré trois heures.")
    assert not may_hold_cue("Le stade compte 40 000 places.")
    assert may_hold_cue("xx. Il a déclaré.", 4)
    assert not may_hold_cue("Il a déclaré. xx", 13)
