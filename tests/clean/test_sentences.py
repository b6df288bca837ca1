"""Sentences of a clean paragraph: a full stop after an abbreviation does not end one."""

from __future__ import annotations

from recoupe.clean.sentences import sentences


def test_a_full_stop_ends_a_sentence_before_a_capital() -> None:
    assert sentences("Le pont rouvre lundi. Les travaux ont duré un an.") == [
        "Le pont rouvre lundi.",
        "Les travaux ont duré un an.",
    ]


def test_titles_ranks_and_initials_with_their_point_do_not_end_a_sentence() -> None:
    text = "Sen. Ann Reyes and Lt. Col. Tom Baker met Gen. Ito. M. Robert Lenoir et J. Petit ont signé."
    assert sentences(text) == [
        "Sen. Ann Reyes and Lt. Col. Tom Baker met Gen. Ito.",
        "M. Robert Lenoir et J. Petit ont signé.",
    ]


def test_an_abbreviation_is_read_as_written() -> None:
    # "No. 10" goes on, "no." ends; a word that merely ends like one ("Taco.") ends too.
    text = "They met at No. 10 on Monday. She said no. Then she left for Taco. Lunch followed."
    assert sentences(text) == [
        "They met at No. 10 on Monday.",
        "She said no.",
        "Then she left for Taco.",
        "Lunch followed.",
    ]


def test_a_closing_quote_ends_a_sentence_only_after_a_final_point() -> None:
    text = (
        "Le maire a salué son « cher collègue » Paul Mercier lors de la séance. "
        "Il a conclu : « Nous y arriverons. » Les élus ont applaudi."
    )
    assert sentences(text) == [
        "Le maire a salué son « cher collègue » Paul Mercier lors de la séance.",
        "Il a conclu : « Nous y arriverons. »",
        "Les élus ont applaudi.",
    ]


def test_a_line_break_after_a_closing_quote_still_ends_the_line() -> None:
    assert sentences("Le maire dévoile un « plan vélo »\nLe conseil votera lundi.") == [
        "Le maire dévoile un « plan vélo »",
        "Le conseil votera lundi.",
    ]
