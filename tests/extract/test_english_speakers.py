"""English speaker patterns on tokens (english_speakers.py, token_mentions.py, token_cues.py and
the English vocabulary of data/reporting_verbs.toml): each article is written for its trap."""

from __future__ import annotations

from recoupe.extract.figures import find_figures
from recoupe.extract.quotes import find_quotes


def speakers(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each quote's first words → (the speaker's name, the mention as written)."""
    found = {}
    for q in find_quotes(text, "en"):
        written = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None
        found[q.text[:20]] = (q.speaker, written)
    return found


def test_a_number_written_with_a_slash_opens_an_inverted_subject() -> None:
    text = '"The new rules will not help the families at all," said 9/11 widow Carla Benton.\n'
    assert speakers(text)["The new rules will n"] == ("9/11 widow Carla Benton", "9/11 widow Carla Benton")


def test_a_number_written_with_a_slash_stays_whole_in_a_subject_before_its_cue() -> None:
    text = '9/11 widow Carla Benton said the new rules were "no help at all to the families."\n'
    assert speakers(text)["no help at all to th"][1] == "9/11 widow Carla Benton"


def test_per_names_the_source_like_according_to() -> None:
    text = (
        "Delegates may not send proxies when voting "
        '"to fill a vacancy on the national ticket," per the party\'s bylaws.\n'
    )
    assert speakers(text)["to fill a vacancy on"][1] == "the party's bylaws"


def test_a_per_cent_is_no_source() -> None:
    text = 'Prices rose by 5 per cent last year. "We are worried about the costs," Dana Ortiz said.\n'
    assert speakers(text)["We are worried about"] == ("Dana Ortiz", "Dana Ortiz")


def test_the_subject_who_compares_someone_to_the_quoted_words_said_them() -> None:
    text = (
        "Debate coach Lena Park, who teaches at a state college, compared the candidate to a coach "
        'who is "working the referees" in hopes that "they will go easier" on him.\n'
    )
    found = speakers(text)
    assert "Lena Park" in (found["working the referees"][0] or "")
    assert "Lena Park" in (found["they will go easier"][0] or "")


def test_a_participle_after_a_quote_takes_the_subject_of_the_sentence() -> None:
    text = (
        "Marco Diaz spoke in Dayton on Monday.\n\n"
        'Marco Diaz openly admires the governor as a "strong leader," comparing him to his father.\n'
    )
    assert speakers(text)["strong leader,"] == ("Marco Diaz", "Marco Diaz")


def test_a_participle_opening_the_sentence_takes_the_subject_after_its_phrase() -> None:
    text = 'After saying her knee was "so swollen I could barely walk," she was taken to a clinic.\n'
    assert speakers(text)["so swollen I could b"][1] == "she"


def test_a_participle_opening_the_sentence_with_no_subject_after_it_gives_no_one() -> None:
    text = 'After saying the bridge was "perfectly safe and sound," the city reopened it.\n'
    assert speakers(text)["perfectly safe and s"] == (None, None)


def test_the_object_of_a_preposition_is_no_speaker_the_phrase_it_hangs_on_is() -> None:
    text = (
        '"The bridge is safe and sound," officials at the transport ministry said.\n\n'
        '"We have checked every cable," the engineer from Leeds said.\n\n'
        'Marchers walking through the square shouted "Open it now!" and kept going.\n'
    )
    found = speakers(text)
    assert found["The bridge is safe a"][1] == "officials at the transport ministry"
    assert found["We have checked ever"][1] == "the engineer from Leeds"
    assert found["Open it now!"][1] is not None and found["Open it now!"][1].startswith("Marchers")


def test_a_name_after_an_opening_prepositional_phrase_is_the_subject() -> None:
    text = 'In a statement Governor Ruth Hale said the bridge was "safe and sound."\n'
    assert speakers(text)["safe and sound."] == ("Governor Ruth Hale", "Governor Ruth Hale")


def test_a_noun_in_an_opening_prepositional_phrase_is_no_speaker() -> None:
    text = (
        'On the form, in a box labeled "reason for the visit," a nurse had typed '
        '"a sprained ankle and some bruises."\n'
    )
    assert speakers(text)["a sprained ankle and"] == (None, None)


def test_what_it_called_looks_past_weekdays_and_possessive_names() -> None:
    text = (
        "The Regional Security Board on Friday condemned Norland's latest missile test and pledged "
        'sanctions against what it called "a clear threat to the peace of the region."\n'
    )
    assert speakers(text)["a clear threat to th"][1] == "The Regional Security Board"


def test_what_he_called_still_looks_no_further_than_another_name() -> None:
    text = 'Ann Reyes said Tom Bale was right when he said the army was "in very bad shape."\n'
    assert speakers(text)["in very bad shape."][1] == "he"


def test_a_verb_of_address_right_after_a_quote_takes_the_name_closing_the_sentence() -> None:
    text = '"Is the bridge safe?" asked Dana Ortiz.\n\n"It will fall," warned Tom Reyes, the engineer.\n'
    found = speakers(text)
    assert found["Is the bridge safe?"] == ("Dana Ortiz", "Dana Ortiz")
    assert found["It will fall,"] == ("Tom Reyes", "Tom Reyes")


def test_a_verb_of_address_before_its_object_takes_no_inverted_subject() -> None:
    text = '"It will fall," told Dana Ortiz the news.\n'
    assert speakers(text)["It will fall,"] == (None, None)


def test_a_name_alone_before_a_colon_labels_the_quote() -> None:
    text = 'The council met on Monday. Dana Ortiz: "The bridge will fall before the winter."\n'
    assert speakers(text)["The bridge will fall"] == ("Dana Ortiz", "Dana Ortiz")


def test_a_word_alone_before_a_colon_is_no_label() -> None:
    text = 'Update: "The bridge will fall before the winter."\n'
    assert speakers(text)["The bridge will fall"] == (None, None)


def test_a_participle_after_despite_takes_the_subject_set_off_by_a_party_tag() -> None:
    text = (
        '"The veto will be overridden," Senate Leader Mark Dell, R-Ky., said Tuesday.\n\n'
        "House Speaker Paul Reed, R-Wis., despite admitting that he had concerns about "
        '"greedy lawyers trying to get rich" and "legal matters that could be worrying," and he thinks '
        "the bill is fair.\n"
    )
    found = speakers(text)
    assert found["greedy lawyers tryin"][1] == "House Speaker Paul Reed"
    assert found["legal matters that c"][1] == "House Speaker Paul Reed"


def test_a_name_the_prepositions_hang_on_is_the_whole_subject() -> None:
    text = 'Ruth Hale at a rally in Dayton said the bridge "will fall before the winter."\n'
    assert speakers(text)["will fall before the"] == ("Ruth Hale", "Ruth Hale")


def test_the_named_agent_of_a_passive_cue_speaks() -> None:
    text = (
        'The plan was described as "reckless and dangerous" by Sen. Ruth Hale on Monday.\n\n'
        'He was told by a doctor that the knee was "badly swollen and bruised."\n'
    )
    found = speakers(text)
    assert found["reckless and dangero"] == ("Sen. Ruth Hale", "Sen. Ruth Hale")
    assert found["badly swollen and br"] == (None, None)


def test_an_irregular_past_ends_the_subject_before_it() -> None:
    text = 'Dana Ortiz went further: "The bridge will fall before the winter."\n'
    assert speakers(text)["The bridge will fall"] == ("Dana Ortiz", "Dana Ortiz")


def test_a_quote_after_a_sentence_closed_by_a_cue_behind_a_quoted_comma_goes_on_with_it() -> None:
    text = (
        'Ava Lund said the film mattered because "most people do not know about that loophole," '
        'she said. "We have no context for this moment."\n'
    )
    assert speakers(text)["We have no context f"][1] == "she"


def test_a_verb_spelt_inside_a_name_is_no_cue() -> None:
    # "States" between "United" and "Geological" is the name's, not "it states".
    text = '"The shaking lasted a full minute," the United States Geological Survey said.\n'
    assert speakers(text)["The shaking lasted a"][1] == "the United States Geological Survey"


def test_a_figure_claimed_by_a_body_whose_name_spells_a_verb() -> None:
    from recoupe.extract.figures import find_figures

    (one,) = find_figures("A quake killed one person, the United States Geological Survey said.", "en")
    assert one.claimant == "the United States Geological Survey"


def test_a_person_named_with_the_body_they_belong_to_is_the_person() -> None:
    text = 'Analyst Sarah Lind of Northgate Capital Research said the results were "better than feared".\n'
    assert speakers(text)["better than feared"] == (
        "Sarah Lind",
        "Analyst Sarah Lind of Northgate Capital Research",
    )


def test_a_headline_run_into_its_text_leaves_the_subject_to_the_text() -> None:
    text = (
        "Governor suspends officials over alleged payroll fraud The Oyelu State government has said "
        '"we will not tolerate fraud."\n'
    )
    assert speakers(text)["we will not tolerate"][1] == "The Oyelu State government"


def test_a_source_after_according_to_ends_where_a_verb_takes_its_object() -> None:
    text = "The move according to a reliable source followed the discovery of 5,000 ghost workers."
    assert [f.claimant for f in find_figures(text, "en")] == ["a reliable source"]
    retired = "According to a retired general, 5,000 troops were sent."
    assert [f.claimant for f in find_figures(retired, "en")] == ["a retired general"]
