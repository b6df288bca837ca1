"""A text as the token rules read it: words, punctuation, each quote one token, sentence numbers."""

from __future__ import annotations

from recoupe.extract.tokens import sentence_spans, tokenize


def test_a_quote_is_one_token_holding_its_words() -> None:
    tokens = tokenize("« Nous partons », a-t-il dit.")
    assert [(t.kind, t.text) for t in tokens[:2]] == [("quote", "Nous partons"), ("punct", ",")]


def test_an_abbreviated_title_does_not_end_a_sentence() -> None:
    tokens = tokenize("M. Martin a parlé. Sen. Cruz said it. Dr. Who left.")
    assert [t.text for t in tokens if t.text in ("M.", "Sen.", "Dr.")] == ["M.", "Sen.", "Dr."]
    assert len({t.sentence for t in tokens}) == 3


def test_elisions_initials_and_line_breaks_are_tokens_of_their_own() -> None:
    tokens = tokenize("L'U.S. Army a dit\nqu'il part")
    assert [(t.kind, t.text) for t in tokens] == [
        ("word", "L'"),
        ("word", "U.S."),
        ("word", "Army"),
        ("word", "a"),
        ("word", "dit"),
        ("break", "\n"),
        ("word", "qu'"),
        ("word", "il"),
        ("word", "part"),
    ]


def test_a_state_abbreviation_in_parentheses_does_not_end_the_sentence() -> None:
    tokens = tokenize("Sen. Mike Lee (R-Utah.) said it. Then he left.")
    assert len(sentence_spans(tokens)) == 2


def test_an_abbreviation_is_read_as_written() -> None:
    # "No. 10" goes on; "no." ends: data/abbreviations.txt is read as written.
    assert len(sentence_spans(tokenize("He lives at No. 10 Downing Street. I said no. Then he left."))) == 3
