"""Where the quotes of a text are: the quote finder's segments, and every marked passage."""

from __future__ import annotations

from recoupe.extract.quote_spans import is_heading, quote_groups, quote_segments, quoted_passages


def words(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quote_segments(text)]


def test_a_quote_s_words_leave_out_its_marks_and_the_spaces_inside_them() -> None:
    text = "Le préfet a ajouté\u00a0: «\u00a0Soyez prudents.\u00a0» Puis : “Rentrez chez vous.”"
    assert words(text) == ["Soyez prudents.", "Rentrez chez vous."]
    first = quote_segments(text)[0]
    assert text[first.region_start : first.region_end] == "«\u00a0Soyez prudents.\u00a0»"


def test_marks_of_another_kind_inside_a_quote_stay_part_of_it() -> None:
    text = "Eva Blin a dit : « On nous répète “patience”, mais rien ne change. »"
    assert words(text) == ["On nous répète “patience”, mais rien ne change."]


def test_a_quote_reopened_in_the_next_paragraph_is_one_quote_in_two_segments() -> None:
    text = "Anne Roy a déclaré :\n« Le site ne fermera pas.\n« Les emplois seront maintenus. »\nFin."
    segments = quote_segments(text)
    assert words(text) == ["Le site ne fermera pas.", "Les emplois seront maintenus."]
    assert quote_groups(text, segments) == [[0, 1]]


def test_a_quote_goes_on_without_its_mark_reopened_until_a_later_paragraph_closes_it() -> None:
    text = (
        'Paul Verdier a dit : "Les mesures répondent à nos besoins.\n'
        "Nous proposerons une offre de crédit.\n"
        'Nous en avons les moyens", a-t-il assuré.\n'
    )
    assert [w[:11] for w in words(text)] == ["Les mesures", "Nous propos", "Nous en avo"]
    assert quote_groups(text, quote_segments(text)) == [[0, 1, 2]]


def test_a_mark_never_closed_does_not_swallow_the_article() -> None:
    text = 'Le syndicat dénonce "la casse.\nSuite de l\'article.\nDeux rendez-vous sont fixés en mars.'
    assert words(text) == ["la casse."]


def test_a_transcript_speaker_label_opens_a_quote_of_its_own() -> None:
    text = '"WALLACE: Let us start with the news.\n"PENCE: Thank you, Chris."'
    segments = quote_segments(text)
    assert len(segments) == 2 and quote_groups(text, segments) == [[0], [1]]


def test_a_quote_alone_on_its_line_without_a_full_stop_is_a_heading() -> None:
    text = "« Ces nominations n'inspirent aucun optimisme »\n« Nous partons. »\nIl a dit « oui » hier."
    segments = quote_segments(text)
    assert [is_heading(text, segments, [k]) for k in range(len(segments))] == [True, False, False]


def test_quoted_passages_are_found_with_their_marks() -> None:
    text = 'Il a dit « 300 postes » puis "40 millions".'
    assert [text[a:b] for a, b in quoted_passages(text)] == ["« 300 postes »", '"40 millions"']


def test_quoted_passages_list_a_nested_quote_too() -> None:
    text = "Il a dit « on nous répète “patience” sans fin »."
    assert [text[a:b] for a, b in quoted_passages(text)] == [
        "« on nous répète “patience” sans fin »",
        "“patience”",
    ]


def test_a_stray_straight_mark_does_not_make_the_next_paragraphs_a_quote() -> None:
    text = 'Le syndicat dénonce "la casse.\nSuite.\nDeux autres rendez-vous sont fixés en mars.'
    assert quoted_passages(text) == []


def test_a_straight_mark_whose_opening_one_was_lost_closes_nothing_and_the_next_pair_stays() -> None:
    text = 'Le maire est inquiet", a-t-il ajouté. Puis il a dénoncé "un budget de misère" devant les élus.'
    assert words(text) == ["un budget de misère"]


def test_straight_quotes_nested_in_a_straight_quote_stay_inside_it() -> None:
    text = (
        '"Le registre contiendra des "données personnelles" sur "des mineurs de 13 ans" et des '
        '"signes particuliers"", affirme la Ligue. "Avec ce registre, on fiche les auteurs d\'"actes '
        'constatés", mais aussi les autres", ajoute-t-elle.'
    )
    quoted = [text[s.start : s.end] for s in quote_segments(text)]
    assert [q[:22] for q in quoted] == ["Le registre contiendra", "Avec ce registre, on f"]
    assert quoted[0].endswith('"signes particuliers"') and quoted[1].endswith("mais aussi les autres")


def test_a_straight_mark_after_a_sentence_with_no_closing_mark_next_starts_another_quote() -> None:
    text = (
        '"Partir est une question de budget. "Donc, voyez le voyage comme un cadeau. '
        'Mme Roux conclut, "Voyager reste possible."'
    )
    quoted = [text[s.start : s.end] for s in quote_segments(text)]
    assert quoted[-1] == "Voyager reste possible."
