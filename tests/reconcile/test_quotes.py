"""Story quotes: one statement per quote, every article's wording, the speaker an entity or null."""

from __future__ import annotations

from factories import make_article

from recoupe.describe import describe_story
from recoupe.extract.article import extract_articles
from recoupe.model import Article, Entity, QuoteMention, Story
from recoupe.reconcile.quotes import story_quotes
from recoupe.settings import Settings

SETTINGS = Settings()
THRESHOLDS = {"same_wording": SETTINGS.quote_same_wording, "same_meaning": SETTINGS.quote_same_meaning}
VALMY = Entity("Arnaud Valmy", "PER", ["Arnaud Valmy", "Valmy"], ["a", "b", "c"], 5)


def _article(article_id: str, language: str, *paragraphs: str) -> Article:
    return make_article(article_id, list(paragraphs), language=language)


A = _article(
    "a", "fr", "« Nous reconstruirons chaque école de la ville avant l'hiver », a déclaré Arnaud Valmy."
)
B = _article(
    "b", "fr", "« Nous reconstruirons toutes les écoles de la ville avant l'hiver », a assuré M. Valmy."
)
C = _article("c", "en", '"We will rebuild every school in the city before winter," Arnaud Valmy said.')
OTHER = _article("d", "fr", "« Le budget sera voté en juin », a précisé Arnaud Valmy devant les élus.")


def _found(article: Article, words: str, speaker: str) -> QuoteMention:
    """A quote as the extraction stage gives it, the speaker as written."""
    start, at = article.text.index(words), article.text.rindex(speaker)
    return QuoteMention(start, start + len(words), words, speaker, at, at + len(speaker))


def test_two_wordings_of_one_statement_are_one_quote_with_both_variants() -> None:
    found = {
        "a": [_found(A, "Nous reconstruirons chaque école de la ville avant l'hiver", "Arnaud Valmy")],
        "b": [_found(B, "Nous reconstruirons toutes les écoles de la ville avant l'hiver", "M. Valmy")],
    }
    (quote,) = story_quotes([A, B], [VALMY], **THRESHOLDS, found_quotes=found)
    assert quote.speaker == "Arnaud Valmy"
    assert quote.articles == ["a", "b"]
    assert [v.article for v in quote.variants] == ["a", "b"]
    assert quote.text == "Nous reconstruirons chaque école de la ville avant l'hiver"


def test_a_translation_of_the_statement_joins_the_same_quote() -> None:
    (quote,) = story_quotes([A, C], [VALMY], **THRESHOLDS)
    assert quote.articles == ["a", "c"]


def test_different_statements_of_one_speaker_stay_apart() -> None:
    quotes = story_quotes([A, OTHER], [VALMY], **THRESHOLDS)
    assert len(quotes) == 2


def test_speaker_without_a_story_entity_is_null() -> None:
    (quote,) = story_quotes([A], [], **THRESHOLDS)
    assert quote.speaker is None
    assert quote.speaker_mention == "Arnaud Valmy"


def test_quote_and_variant_texts_are_verbatim_in_their_articles() -> None:
    by_id = {a.id: a for a in (A, B, C, OTHER)}
    for quote in story_quotes([A, B, C, OTHER], [VALMY], **THRESHOLDS):
        for variant in quote.variants:
            assert any(variant.text in p.text for p in by_id[variant.article].paragraphs)


def test_a_role_the_story_ties_to_a_name_speaks_for_that_name() -> None:
    article = _article(
        "e",
        "fr",
        "Le président lituanien Arnaud Valmy a reçu ses homologues mardi.",
        "Le dirigeant lituanien a jugé les discussions « franches et très utiles pour la suite ».",
    )
    (quote,) = story_quotes([article], [VALMY], **THRESHOLDS)
    assert quote.speaker == "Arnaud Valmy"
    assert quote.speaker_mention == "Le dirigeant lituanien"


def test_a_pronoun_left_unresolved_is_no_mention_to_show() -> None:
    article = _article(
        "g",
        "fr",
        "Le rapport interne est accablant.",
        "Il évoque « une dérive dans la gestion des risques », poursuit le texte, "
        "qui souligne « un nombre important de défaillances ».",
    )
    text = article.text
    start = text.index("un nombre")
    relative = text.index("qui souligne")
    found = QuoteMention(start, start + 33, text[start : start + 33], None, relative, relative + 3)
    (quote,) = story_quotes([article], [VALMY], **THRESHOLDS, found_quotes={"g": [found]})
    assert quote.speaker is None and quote.speaker_mention is None


def test_a_thing_read_as_a_subject_is_no_mention_to_show() -> None:
    article = _article("h", "fr", "La réponse a fusé de la salle : « Le prix du pain d'abord ! »")
    text = article.text
    start = text.index("Le prix")
    found = QuoteMention(start, start + 24, text[start : start + 24], None, 0, 10)
    (quote,) = story_quotes([article], [VALMY], **THRESHOLDS, found_quotes={"h": [found]})
    assert text[0:10] == "La réponse" and quote.speaker_mention is None


def test_a_role_noun_before_a_name_teaches_who_the_role_is() -> None:
    article = _article(
        "f",
        "fr",
        "Le maire de Brivelle, Arnaud Valmy, a visité le chantier lundi.",
        "« Les travaux finiront avant l'été », a déclaré le maire.",
    )
    # The quote as extraction gives it, the role as written: this test reads the reconciliation.
    start = article.text.index("Les travaux")
    role = article.text.index("le maire.")
    found = QuoteMention(start, start + 32, "Les travaux finiront avant l'été", "le maire", role, role + 8)
    (quote,) = story_quotes([article], [VALMY], **THRESHOLDS, found_quotes={"f": [found]})
    assert quote.speaker == "Arnaud Valmy"
    assert quote.speaker_mention == "le maire"


def test_a_role_another_article_sets_beside_a_name_speaks_for_that_name() -> None:
    named = _article("h", "fr", "Le maire de Brivelle, Arnaud Valmy, a inauguré le pont.")
    quoted = _article("i", "fr", "« Le pont tiendra cent ans », a assuré le maire devant la presse.")
    found = {"i": [_found(quoted, "Le pont tiendra cent ans", "le maire")]}
    quotes = story_quotes([named, quoted], [VALMY], **THRESHOLDS, found_quotes={"h": [], **found})
    assert [q.speaker for q in quotes] == ["Arnaud Valmy"]


def test_an_indefinite_role_or_a_body_is_no_one_the_story_names() -> None:
    article = _article(
        "j",
        "en",
        "Arnaud Valmy, a police spokesman, confirmed the arrest.",
        'A police spokesman said later: "The suspect was released without charge."',
    )
    found = {"j": [_found(article, "The suspect was released without charge.", "A police spokesman")]}
    (quote,) = story_quotes([article], [VALMY], **THRESHOLDS, found_quotes=found)
    assert quote.speaker is None


def test_the_same_unattributed_words_in_two_articles_are_one_quote() -> None:
    one = _article("g", "fr", "Un tract proclamait « la ville ne se rendra jamais aux promoteurs » hier.")
    two = _article("h", "fr", "On pouvait lire « la ville ne se rendra jamais aux promoteurs » sur les murs.")
    quotes = story_quotes([one, two], [], **THRESHOLDS)
    assert [(q.speaker, q.articles) for q in quotes] == [(None, ["g", "h"])]


def test_a_body_quoted_by_its_acronym_speaks_under_the_name_the_story_gives_it() -> None:
    article = _article(
        "k",
        "fr",
        "L'Association des amis du rail breton (Aarb) a dénoncé la fermeture de la ligne.",
        "« C'est un abandon pur et simple », a réagi l'Aarb dans un communiqué.",
    )
    story = Story("s", None, None, [article.id], 1)
    describe_story(story, [article], extract_articles([article]), SETTINGS)
    (quote,) = story.quotes
    assert quote.speaker == "Association des amis du rail breton"
    assert quote.speaker_mention == "l'Aarb"
