"""What an acronym stands for, as the text defines it, and only then."""

from __future__ import annotations

from recoupe.extract.acronyms import acronym_definitions, acronyms_of, stands_for


def test_a_long_form_before_its_acronym_in_brackets_defines_it() -> None:
    text = (
        "L'Association des amis du rail breton (Aarb) a dénoncé la fermeture de la ligne. "
        "Le Syndicat national des cheminots (SNC) a appelé à la grève."
    )
    assert acronym_definitions(text) == {
        "Aarb": "Association des amis du rail breton",
        "SNC": "Syndicat national des cheminots",
    }


def test_the_long_form_keeps_the_text_s_elisions() -> None:
    text = "Le Comité d’entreprise d’Ouest-Rail (CEOR) a voté."
    assert acronym_definitions(text) == {"CEOR": "Comité d’entreprise d’Ouest-Rail"}


def test_letters_taken_inside_words_still_make_an_acronym() -> None:
    assert stands_for("Medef", "Mouvement des entreprises de France")


def test_what_is_not_an_organisation_s_name_defines_nothing() -> None:
    # The S of "PS" starts no word; a long form in lower case is a term, not a body's name; a
    # count in brackets is no acronym.
    assert not stands_for("PS", "Pour Manuel Valls")
    text = (
        "Le produit intérieur brut (PIB) a reculé. Pour Manuel Valls (PS), rien ne change. "
        "Les dépenses (12 millions) ont doublé."
    )
    assert acronym_definitions(text) == {}


def test_a_story_keeps_the_first_definition_of_each_acronym() -> None:
    first = "La Caisse des retraites des cheminots (CRC) a payé."
    second = "La Confédération rurale du Cantal (CRC) a protesté. L'Union des ports (UP) aussi."
    assert acronyms_of([first, second]) == {
        "CRC": "Caisse des retraites des cheminots",
        "UP": "Union des ports",
    }


def test_an_elided_article_in_the_long_form_is_no_word_of_it() -> None:
    text = "La Ligue des droits de l'enfant (LDE) a protesté. La Fédération des ports\nbretons (FPB) aussi."
    assert acronym_definitions(text) == {
        "LDE": "Ligue des droits de l'enfant",
        "FPB": "Fédération des ports bretons",
    }
