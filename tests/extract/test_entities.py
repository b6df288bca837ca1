"""Entity mentions: spaCy NER on French paragraphs, the capitalisation rule on the others."""

from __future__ import annotations

import numpy as np
import pytest
from thinc.api import NumpyOps

from recoupe.extract.entities import (
    Mention,
    NumpyBlasOps,
    find_mentions,
    french_nlp,
    french_parser,
    mentions_for,
    strip_titles,
)
from recoupe.model import Article, Paragraph


def article(id: str, *paragraphs: tuple[str, str | None]) -> Article:
    return Article(
        id=id,
        origin=f"{id}.txt",
        title=None,
        source=None,
        published=None,
        published_basis=None,
        language=paragraphs[0][1],
        paragraphs=[Paragraph(text, language) for text, language in paragraphs],
        removed=[],
    )


def found(*paragraphs: tuple[str, str | None]) -> list[tuple[str, str]]:
    a = article("a", *paragraphs)
    mentions = find_mentions(a)
    for m in mentions:
        assert a.paragraphs[m.paragraph].text[m.start : m.end] == m.text
    return [(m.text, m.type) for m in mentions]


# --- French (spaCy) -------------------------------------------------------------------------


def test_french_people_and_places_are_typed_by_the_model() -> None:
    mentions = found(("Le président russe Vladimir Poutine a reçu Alexandre Loukachenko à Moscou.", "fr"))
    assert ("Vladimir Poutine", "PER") in mentions
    assert ("Moscou", "LOC") in mentions


def test_monsieur_le_president_is_not_an_entity() -> None:
    names = [t for t, _ in found(("« Monsieur le Président, l’État vous écoute », a dit le député.", "fr"))]
    assert "Monsieur le Président" not in names
    assert "État" not in names


def test_curly_apostrophe_keeps_offsets_and_elided_article_is_cut() -> None:
    mentions = found(("L’armée ukrainienne a reçu l’aide de l’OTAN à Kiev.", "fr"))
    assert ("OTAN", "ORG") in mentions


def test_a_lower_case_article_is_cut_before_a_known_name_and_kept_where_it_may_be_the_names() -> None:
    text = "Le ministre a rappelé que la Chine reste un partenaire, avant un voyage vers le Caire."
    mentions = found((text, "fr"))
    assert ("Chine", "LOC") in mentions  # China, as every other spelling of it
    assert ("le Caire", "LOC") in mentions  # the city's name is "Le Caire": not cut


def test_an_article_opening_a_sentence_is_cut_before_a_known_name_too() -> None:
    mentions = found(("La Chine a confirmé la visite. Le Caire attend la délégation.", "fr"))
    assert ("Chine", "LOC") in mentions
    assert ("La Chine", "LOC") not in mentions


def test_a_one_word_name_completing_a_place_noun_or_with_one_apposed_is_a_place() -> None:
    text = "Les drones ont visé Varnopil, une ville industrielle. Le maire de Varnopil a demandé de l'aide."
    assert {m for m in found((text, "fr")) if m[0] == "Varnopil"} == {("Varnopil", "LOC")}
    english = found(("Drones hit the city of Varnopil overnight.", "en"))
    assert ("Varnopil", "LOC") in english


# --- English (rule) -------------------------------------------------------------------------


def test_titled_name_is_a_person_without_its_title() -> None:
    assert ("Vladimir Putin", "PER") in found(("On Friday, President Vladimir Putin spoke.", "en"))
    assert ("Smith", "PER") in found(("The plan was backed by Mr. Smith on Tuesday.", "en"))


def test_single_capitalised_word_at_sentence_start_is_not_a_mention() -> None:
    assert found(("Officials said the talks failed. Meanwhile the army waited.", "en")) == []


def test_known_place_at_sentence_start_is_a_location() -> None:
    assert found(("Kyiv was quiet. Troops left Moscow's suburbs.", "en")) == [
        ("Kyiv", "LOC"),
        ("Moscow", "LOC"),
    ]


def test_marker_word_makes_an_organisation_and_weekdays_are_dropped() -> None:
    mentions = found(("A statement from the Ministry of Defence on Monday denied it.", "en"))
    assert mentions == [("Ministry of Defence", "ORG")]


def test_place_company_and_storm_words_type_a_run_that_would_read_as_a_person() -> None:
    text = "Storm Ilse closed Harwick Point overnight, and Tarnby Ferries cancelled every crossing."
    expected = [("Storm Ilse", "MISC"), ("Harwick Point", "LOC"), ("Tarnby Ferries", "ORG")]
    assert found((text, "en")) == expected


def test_a_person_of_a_body_is_two_mentions() -> None:
    text = "The figures surprised analyst Sarah Lind of Northgate Capital Research, who expected less."
    assert found((text, "en")) == [("Sarah Lind", "PER"), ("Northgate Capital Research", "ORG")]


def test_two_unknown_capitalised_words_are_a_person() -> None:
    assert ("Anna Kowalska", "PER") in found(("The report was written by Anna Kowalska last year.", "en"))


def test_strip_titles_removes_several_titles() -> None:
    assert strip_titles("M. le") == ("le", True)
    assert strip_titles("Prime Minister Rishi Sunak") == ("Rishi Sunak", True)
    assert strip_titles("Emmanuel Macron") == ("Emmanuel Macron", False)


def test_mentions_for_covers_every_article_in_one_pass() -> None:
    a = article("a", ("Emmanuel Macron est à Paris.", "fr"))
    b = article("b", ("Emmanuel Macron visited Berlin on Sunday.", "en"))
    result = mentions_for([a, b])
    assert set(result) == {"a", "b"}
    assert all(isinstance(m, Mention) for ms in result.values() for m in ms)
    assert ("Emmanuel Macron", "PER") in [(m.text, m.type) for m in result["b"]]
    assert "Emmanuel Macron" in [m.text for m in result["a"]]


def test_french_pipeline_runs_only_its_entity_recogniser() -> None:
    # The shared tok2vec feeds the excluded tagger and parser only; running it would double the cost.
    nlp = french_nlp()
    assert nlp.pipe_names == ["ner"]
    assert all(isinstance(node.ops, NumpyBlasOps) for node in nlp.get_pipe("ner").model.walk())
    doc = nlp("Emmanuel Macron a rencontré Olaf Scholz à Berlin.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Emmanuel Macron", "PER"),
        ("Olaf Scholz", "PER"),
        ("Berlin", "LOC"),
    ]


def test_the_parser_shares_the_entity_recogniser_s_vocabulary() -> None:
    # One model's strings and vectors loaded twice were 184 MB of every process that parses.
    parser = french_parser()
    assert parser.vocab is french_nlp().vocab
    assert "ner" not in parser.pipe_names
    doc = parser("Le président russe a déclaré mardi qu'il viendrait.")
    assert [t.text for t in doc if t.dep_ == "nsubj"] == ["président", "il"]


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_numpy_blas_matrix_product_is_thincs_product(trans1: bool, trans2: bool) -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((5, 7) if not trans1 else (7, 5), dtype=np.float32)
    y = rng.standard_normal((7, 4) if not trans2 else (4, 7), dtype=np.float32)
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert np.allclose(NumpyBlasOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, atol=1e-5)
    out = np.zeros((5, 4), dtype=np.float32)
    assert NumpyBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert np.allclose(out, expected, atol=1e-5)


def test_a_french_mention_does_not_end_on_the_next_word_s_article() -> None:
    text = "La skieuse de 24 ans et leader de la Coupe du monde l'a annoncé lundi."
    found = [m.text for m in find_mentions(article("a", (text, "fr")))]
    assert "Coupe du monde" in found and not any(m.endswith("l'") for m in found)
