"""Merging a story's mentions into one entity per referent, across articles and languages."""

from __future__ import annotations

from recoupe.extract.entities import Mention, mentions_for
from recoupe.model import Article, EntityType, Paragraph
from recoupe.reconcile.entities import entity_named, merge_entities, person_index


def mention(text: str, type: EntityType = "PER", article: str = "a", language: str | None = "fr") -> Mention:
    return Mention(article, text, type, 0, len(text), 0, language)


def article(id: str, language: str, *texts: str) -> Article:
    return Article(
        id, f"{id}.txt", None, None, None, None, language, [Paragraph(t, language) for t in texts], []
    )


def test_poutine_and_putin_are_one_entity_named_in_english() -> None:
    [putin] = merge_entities(
        [mention("Vladimir Poutine"), mention("Poutine"), mention("Putin", article="b", language="en")]
    )
    assert putin.name == "Vladimir Putin"
    assert putin.type == "PER"
    assert putin.variants == ["Poutine", "Putin", "Vladimir Poutine"]
    assert putin.articles == ["a", "b"]
    assert putin.mentions == 3


def test_surname_only_mention_links_to_the_full_name() -> None:
    [macron] = merge_entities([mention("Emmanuel Macron"), mention("M. Macron"), mention("Macron", "LOC")])
    assert (macron.name, macron.type, macron.mentions) == ("Emmanuel Macron", "PER", 3)
    assert macron.variants == ["Emmanuel Macron", "Macron"]


def test_surname_goes_to_the_most_mentioned_full_name() -> None:
    entities = merge_entities(
        [mention("Joe Biden"), mention("Joe Biden"), mention("Hunter Biden"), mention("Biden")]
    )
    assert [(e.name, e.mentions) for e in entities] == [("Joe Biden", 3), ("Hunter Biden", 1)]


def test_places_merge_across_languages() -> None:
    entities = merge_entities(
        [
            mention("Pékin", "LOC"),
            mention("Beijing", "LOC", "b", "en"),
            mention("Moscou", "LOC"),
            mention("Moscow", "MISC", "b", "en"),
            mention("Moscow", "LOC", "c", "en"),
            mention("Kiev", "LOC"),
            mention("Kyiv", "LOC", "b", "en"),
        ]
    )
    assert [(e.name, e.type, e.mentions) for e in entities] == [
        ("Moscow", "LOC", 3),
        ("Beijing", "LOC", 2),
        ("Kyiv", "LOC", 2),
    ]


def test_international_spelling_is_preferred_for_names_outside_the_table() -> None:
    [entity] = merge_entities([mention("Oleksiï Reznikov"), mention("Oleksii Reznikov", language="en")])
    assert entity.name == "Oleksii Reznikov"


def test_monsieur_le_president_is_not_an_entity() -> None:
    assert merge_entities([mention("Monsieur le Président"), mention("président"), mention("mars")]) == []


def test_titles_only_and_numbers_and_lowercase_are_dropped() -> None:
    assert (
        merge_entities([mention("Prime Minister"), mention("2022", "MISC"), mention("x"), mention("armée")])
        == []
    )


def test_a_title_with_its_complement_and_no_name_is_a_role_not_an_entity() -> None:
    found = merge_entities(
        [
            mention("Président de la République"),
            mention("ministre de l'Economie", "ORG"),
            mention("ministre du Budget", "ORG"),
            mention("M. de Villepin"),
        ]
    )
    assert [e.name for e in found] == ["de Villepin"]


def test_a_speaker_written_with_a_glued_honorific_is_the_story_entity() -> None:
    index = person_index(merge_entities([mention("Nicolas Sarkozy"), mention("Sarkozy")]))
    assert entity_named("M.Sarkozy", index) == "Nicolas Sarkozy"


def test_a_speaker_written_with_its_determiner_is_the_story_entity() -> None:
    index = person_index(merge_entities([mention("Ligue des droits de l'Homme", "ORG")]))
    assert entity_named("la Ligue des droits de l'Homme", index) == "Ligue des droits de l'Homme"
    assert entity_named("la ministre", index) is None


def test_entities_are_sorted_by_mentions_then_name() -> None:
    entities = merge_entities(
        [mention("Zurich", "LOC"), mention("Berne", "LOC"), mention("Lyon", "LOC"), mention("Zurich", "LOC")]
    )
    assert [e.name for e in entities] == ["Zurich", "Berne", "Lyon"]


def test_french_and_english_articles_give_one_entity_per_referent() -> None:
    fr = article(
        "fr1",
        "fr",
        "Le président ukrainien Volodymyr Zelensky a rencontré Vladimir Poutine à Moscou.",
        "Selon M. Zelensky, Poutine n'a rien promis.",
    )
    en = article(
        "en1", "en", "Ukrainian President Volodymyr Zelenskyy met Vladimir Putin in Moscow on Monday."
    )
    found = mentions_for([fr, en])
    entities = {e.name: e for e in merge_entities([m for ms in found.values() for m in ms])}
    assert entities["Volodymyr Zelensky"].articles == ["fr1", "en1"]
    assert entities["Volodymyr Zelensky"].mentions == 3
    assert entities["Vladimir Putin"].mentions == 3
    assert entities["Moscow"].type == "LOC"


def test_an_acronym_and_the_long_form_the_text_gives_it_are_one_entity() -> None:
    acronyms = {"Aarb": "Association des amis du rail breton"}
    [association] = merge_entities(
        [mention("Association des amis du rail breton", "ORG"), mention("Aarb", "ORG", article="b")], acronyms
    )
    assert association.name == "Association des amis du rail breton"
    assert association.variants == ["Aarb", "Association des amis du rail breton"]
    assert association.articles == ["a", "b"]


def test_an_acronym_alone_is_named_by_the_long_form_the_text_gives_it() -> None:
    [association] = merge_entities([mention("Aarb", "ORG")], {"Aarb": "Association des amis du rail breton"})
    assert association.name == "Association des amis du rail breton"
    assert association.mentions == 1


def test_an_acronym_no_text_defines_stays_as_written() -> None:
    names = {e.name for e in merge_entities([mention("Aarb", "ORG"), mention("Association des amis", "ORG")])}
    assert names == {"Aarb", "Association des amis"}


def test_a_name_the_shipped_table_types_keeps_that_type_whatever_its_mentions_say() -> None:
    mentions = [mention("Kyiv", "MISC"), mention("Kyiv", "MISC"), mention("Kiev", "LOC")]
    [kyiv] = merge_entities(mentions)
    assert (kyiv.name, kyiv.type) == ("Kyiv", "LOC")
