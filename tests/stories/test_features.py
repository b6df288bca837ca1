"""The signals story assignment compares: names, terms, figures, dates, quotes."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article

from recoupe.model import Article
from recoupe.stories.features import event_features
from recoupe.stories.names import name_key


def _article(*paragraphs: str, title: str | None = None) -> Article:
    return make_article("a", list(paragraphs), title=title)


def test_names_are_keyed_across_spellings_and_after_elisions() -> None:
    features = event_features(_article("La visite d'Ingrid Martel à Pékin a été reportée par M. Poutine."))
    assert name_key("Ingrid") in features.names
    assert name_key("Martel") in features.names
    assert name_key("Beijing") in features.names
    assert name_key("Putin") in features.names


def test_a_lone_capitalised_sentence_opener_is_not_a_name() -> None:
    features = event_features(_article("Hier, les pompiers sont intervenus. Cependant rien n'a brûlé."))
    assert name_key("Cependant") not in features.names
    assert name_key("Hier") not in features.names


def test_figures_are_normalised_and_years_and_small_counts_left_out() -> None:
    features = event_features(
        _article(
            "Il a livré 13,8 milliards de mètres cubes, 1 700 munitions et 3 drones en 2022, soit 2,5 %."
        )
    )
    assert {"13.8", "1700"} <= features.numbers
    assert "2022" not in features.numbers
    assert "3" not in features.numbers


def test_mentioned_dates_are_day_month_keys_and_full_dates_with_a_year() -> None:
    features = event_features(_article("La grève du 14 mars 2024 a suivi celle du 7 février."))
    assert {"03-14", "2024-03-14", "02-07"} <= features.dates


def test_dates_read_every_month_name_and_abbreviation_of_the_one_list() -> None:
    # data/time_words.toml, as the dateline and time-expression readers read it: "avr.", "juil."
    features = event_features(_article("Le sommet du 12 avr. 2024 a suivi celui du 3 juil. et du 5 Sept."))
    assert {"2024-04-12", "07-03", "09-05"} <= features.dates


def test_quotes_become_word_shingles() -> None:
    features = event_features(
        _article("« Nous reconstruirons chaque école de la ville », a déclaré la maire.")
    )
    assert "nous reconstruirons chaque ecole" in features.quotes


def test_content_terms_drop_stop_words_and_plural_endings() -> None:
    features = event_features(_article("Les missiles ont frappé les centrales électriques de la région."))
    assert "missil" in features.terms
    assert "les" not in features.terms


def test_stop_words_of_the_article_language_are_not_terms_nor_names() -> None:
    text = "Nach dem Beschluss wurde auch diese Regelung sofort geändert. Dieser Hafen bleibt gesperrt."
    german = event_features(make_article("de", [text], language="de"))
    assert {"auch", "diese", "wurde"}.isdisjoint(german.terms)
    assert name_key("Dieser") not in german.names  # opens the run "Dieser Hafen"
    assert name_key("Hafen") in german.names
    # Read as French, the German function words are not stop words.
    as_french = event_features(make_article("fr", [text], language="fr"))
    assert "auch" in as_french.terms
    assert name_key("Dieser") in as_french.names


def test_cognates_are_words_cut_to_their_first_letters_without_stop_words() -> None:
    spanish_text = "La policía detuvo a un hombre para la fiscalía."
    spanish = event_features(make_article("es", [spanish_text], language="es"))
    english_text = "The police arrested a man for the prosecutor."
    english = event_features(make_article("en", [english_text], language="en"))
    assert "polic" in spanish.cognates and "polic" in english.cognates
    # Stop words of the article's language and words of under four letters are not cognates.
    assert {"para", "la", "un", "the", "for", "man"}.isdisjoint(spanish.cognates | english.cognates)


def test_an_article_in_a_language_without_stop_words_keeps_its_words() -> None:
    features = event_features(make_article("x", ["Raketoj trafis la havenon de Odeso."], language="eo"))
    assert "raketoj" in features.terms


def test_a_headline_without_a_body_has_words_names_and_its_length() -> None:
    features = event_features(_article(title="Crue de la Garonne : 1 300 habitants évacués à Marmande"))
    assert features.headline_only
    assert features.words == 8  # words, not figures
    assert "habitan" in features.terms and name_key("Marmande") in features.names
    assert "1300" in features.numbers


def test_word_bigrams_and_background_shares_of_terms_and_names() -> None:
    features = event_features(_article("Les inondations ont coupé la voie ferrée près de Marmande."))
    assert "inondat coup" in features.bigrams
    assert features.common["inondat"] > features.common[name_key("Marmande")] > 0


def test_a_headline_only_article_whose_body_repeats_its_title_counts_the_title_once() -> None:
    title = "Crue de la Garonne : 1 300 habitants évacués à Marmande"
    as_read = replace(_article(title, title=title), flags=["headline-only"])
    assert event_features(as_read) == event_features(_article(title=title))
