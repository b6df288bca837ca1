"""The English driver of the quote finder: every quote of an English text with its speaker, on
the token rules. Each article is written for its trap."""

from __future__ import annotations

from recoupe.extract.quotes import find_quotes


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, "en")]


def test_a_show_s_title_in_quotes_is_no_quote() -> None:
    text = 'Senator Ann Wold appeared on "Meet the Press" and on CBS\'s "Face the Nation" on Sunday.\n'
    assert said(text) == []


def test_a_transcript_s_speaker_labels_say_whose_each_quoted_paragraph_is() -> None:
    text = (
        "The exchange went as follows.\n\n"
        '"HOLT: Will you accept the result of the vote?\n\n'
        '"MARSH: I will, when every ballot is counted."\n'
    )
    assert said(text) == [
        ("HOLT: Will you accept the result of the vote?", "HOLT"),
        ("MARSH: I will, when every ballot is counted.", "MARSH"),
    ]


def test_a_quote_with_no_cue_right_after_another_goes_on_with_its_speaker() -> None:
    text = '"We will rebuild the bridge," Lena Ortiz said.\n\n"It will take two years."\n'
    assert said(text) == [
        ("We will rebuild the bridge,", "Lena Ortiz"),
        ("It will take two years.", "Lena Ortiz"),
    ]


def test_a_two_word_quote_with_no_cue_is_a_scare_quote() -> None:
    assert said('The so-called "expert panel" met on Monday.\n') == []
