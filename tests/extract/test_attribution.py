"""English speakers on token patterns (attribution.py and the modules it gathers): who said a quote,
and where the text says so. Each article is written for its trap."""

from __future__ import annotations

from recoupe.extract.quotes import find_quotes


def speakers(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each quote's first words → (the speaker's name, the mention as written)."""
    found = {}
    for q in find_quotes(text, "en"):
        assert text[q.start : q.end] == q.text
        written = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        found[q.text[:20]] = (q.speaker, written)
    return found


def test_a_possessive_country_and_a_military_title_before_the_name_are_no_part_of_it() -> None:
    text = (
        "Berlin is worried about the pace of Russia's rearmament.\n\n"
        "\u201cTheir factories run day and night, and their stocks are growing again,\u201d "
        "Norway\u2019s Lt Gen Erik Dahl said.\n"
    )
    name, written = speakers(text)["Their factories run "]
    assert name == "Erik Dahl"
    assert written is not None and "Erik Dahl" in written


def test_a_quote_closed_by_a_full_stop_is_not_given_to_the_next_sentence_that_reports_something() -> None:
    text = (
        'Japan called the launch "an intolerable provocation." '
        "President Lena Morris said the region was calm.\n"
    )
    assert speakers(text)["an intolerable provo"] == ("Japan", "Japan")


def test_a_quote_closed_by_a_full_stop_keeps_a_bare_cue_after_it() -> None:
    text = '"We will win." Dana Ortiz said on Tuesday.\n'
    assert speakers(text)["We will win."] == ("Dana Ortiz", "Dana Ortiz")


def test_a_cue_introducing_the_next_quote_is_not_the_previous_ones() -> None:
    text = (
        'Clara Voss says the bill is "a gift to lobbyists." She adds, "Nobody read it."\n'
    )
    found = speakers(text)
    assert found["a gift to lobbyists."][1] == "Clara Voss"
    assert found["Nobody read it."] == ("Clara Voss", "She")


def test_what_he_called_is_the_subject_of_the_sentence() -> None:
    text = 'Senator Paul Grant condemned what he called a "reckless gamble" with pensions.\n'
    assert speakers(text)["reckless gamble"] == ("Senator Paul Grant", "Senator Paul Grant")


def test_what_he_called_stays_a_pronoun_when_another_person_comes_between() -> None:
    text = 'Mayor Ana Ruiz attacked Governor Tom Hale over what he called a "balanced budget."\n'
    assert speakers(text)["balanced budget."][1] == "he"


def test_a_quote_inside_a_sentence_with_no_cue_is_not_the_previous_speakers() -> None:
    text = (
        '"The hearing was a farce," Ruth Keller said.\n'
        'Aaron Bell, a law professor, compared the panel to a referee who is "working for one team."\n'
    )
    assert speakers(text)["working for one team"] != ("Ruth Keller", "Ruth Keller")


def test_a_subject_with_prepositions_and_an_apposition_before_said() -> None:
    text = (
        "Officials at the Port Authority of New York and New Jersey, a regional agency, said the new "
        'tolls "will not cover the repairs."\n'
    )
    _, written = speakers(text)["will not cover the r"]
    assert written == "Officials at the Port Authority of New York and New Jersey"


def test_a_participle_after_an_apposition_takes_the_subject_named_once() -> None:
    text = (
        "Howard Dean spoke on Monday.\n\n"
        "Dean, a former party chairman, mocked the debate, tweeting, \u201cWho wrote these questions?\u201d\n"
    )
    assert speakers(text)["Who wrote these ques"] == ("Dean", "Dean")


def test_a_reporting_word_after_a_possessive_is_a_noun_and_the_outer_cue_speaks() -> None:
    text = (
        "Governor Mike Dunn said his rival\u2019s tweet to invite the singer was only "
        '"a stunt" and nothing more.\n'
    )
    assert speakers(text)["a stunt"] == ("Governor Mike Dunn", "Governor Mike Dunn")


def test_a_transitive_cue_right_after_a_quote_takes_the_name_after_it_as_its_subject() -> None:
    text = 'The lead held. This is "about the same margin as last month," reported Reuters.\n'
    assert speakers(text)["about the same margi"] == ("Reuters", "Reuters")


def test_an_opening_prepositional_phrase_is_no_subject_before_a_colon() -> None:
    text = (
        "With party leaders increasingly worried about turnout, President Ada Crane is trying a new "
        'message: "This is about me."\n'
    )
    assert speakers(text)["This is about me."][1] == "President Ada Crane"


def test_a_title_after_a_preposition_or_a_possessive_is_no_quote() -> None:
    text = (
        'Senator Ruth Kim said on NBC\'s "Meet the Press" that the bill "will pass this week."\n'
        'She spoke again on "Morning Edition," and repeated it.\n'
    )
    found = speakers(text)
    assert "Meet the Press" not in found and "Morning Edition," not in found
    assert found["will pass this week."][1] == "Senator Ruth Kim"


def test_a_quote_after_a_sentence_closed_by_its_cue_goes_on_with_that_speaker() -> None:
    text = (
        "The agency may wait until after the talks, Rep. Dan Holt said. "
        '"The other question is whether it would look partisan."\n'
    )
    assert speakers(text)["The other question i"] == ("Rep. Dan Holt", "Rep. Dan Holt")


def test_a_sentence_closed_by_the_cue_of_the_quote_before_it_is_no_new_speaker() -> None:
    text = (
        '"I hate this framing," Ana Ruiz, a writer for the Tribune, said on Twitter. '
        '"We have done our part."\n'
    )
    assert speakers(text)["We have done our par"][0] == "Ana Ruiz"


def test_a_cue_in_the_passive_has_no_speaker_before_it() -> None:
    text = 'Four Catholics were admitted as well as others who gave "none" as their faith.\n'
    assert speakers(text).get("none", (None, None)) == (None, None)


def test_a_name_in_the_possessive_is_not_the_subject_of_the_phrase_it_opens() -> None:
    text = (
        "Kevin Scott died on Tuesday. Scott's relatives watched the video on Thursday and said they "
        'came away with "more questions than answers."\n'
    )
    assert speakers(text)["more questions than "][1] != "Scott's"


def test_a_standalone_quote_after_a_sentence_about_someone_else_is_theirs() -> None:
    text = (
        '"We built it from nothing," Tom Reed said.\n\n'
        "In the 1990s, Reed ran a chain of clinics. His former partner at the firm, Lawrence B. Kemp, "
        'called him a master of impossible deals. "He always found a way."\n'
    )
    assert speakers(text)["He always found a wa"][0] == "Lawrence B. Kemp"


def test_a_pronoun_opening_a_sentence_is_its_whole_subject() -> None:
    text = (
        '"We have had problems before," Ada Crane said after the summit. He didn\'t answer. '
        '"Our goal is to set norms."\n'
    )
    assert speakers(text)["Our goal is to set n"][1] != "He didn't"


def test_a_verb_and_its_object_before_a_cue_are_no_part_of_its_speaker() -> None:
    text = (
        "Ray Scott smiled and invoked the story Jack Kennedy told about his father, who wired, "
        '"Don\'t buy a single vote more than is necessary."\n'
    )
    assert speakers(text)["Don't buy a single v"][1] in (None, "Jack Kennedy")


def test_a_subject_casting_someone_as_the_quoted_words_said_them() -> None:
    text = 'Senator Ruth Kim has long attacked the governor as a "con artist" on the campaign trail.\n'
    assert speakers(text)["con artist"] == ("Senator Ruth Kim", "Senator Ruth Kim")


def test_as_after_no_named_subject_gives_no_speaker() -> None:
    text = 'The plan was sold to voters as a "fresh start" last spring.\n'
    assert speakers(text).get("fresh start", (None, None)) == (None, None)
