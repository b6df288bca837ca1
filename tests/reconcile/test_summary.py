"""The story summary: a few central sentences, verbatim, each citing the articles that tell it."""

from __future__ import annotations

from factories import make_article

from recoupe.kept import RunCache
from recoupe.model import Article
from recoupe.reconcile.summary import summarise
from recoupe.settings import Settings


def _article(article_id: str, *paragraphs: str, copy_of: str | None = None) -> Article:
    return make_article(article_id, list(paragraphs), copy_of=copy_of)


SHARED = "La grève des contrôleurs aériens a provoqué l'annulation de 1 200 vols jeudi en France."
A = _article(
    "a",
    SHARED,
    "Le syndicat majoritaire réclame une hausse des salaires et le recrutement de 300 contrôleurs.",
    "À Marseille, des passagers ont dormi dans le terminal faute de solution pour rentrer chez eux.",
)
B = _article(
    "b",
    "La grève des contrôleurs aériens a provoqué jeudi l'annulation de 1 200 vols en France.",
    "La direction de l'aviation civile avait demandé aux compagnies de réduire leurs programmes de moitié.",
    "Le ministre des Transports a appelé les syndicats à reprendre le dialogue avant le week-end de Pâques.",
)


def test_every_summary_sentence_is_verbatim_in_the_first_article_it_cites() -> None:
    # The others tell the same sentence in near-identical words (token-set similarity ≥ 85).
    by_id = {"a": A, "b": B}
    for sentence in summarise([A, B], size=4, redundancy=0.3, same_sentence=85):
        assert any(sentence.text in p.text for p in by_id[sentence.articles[0]].paragraphs)


def test_a_sentence_told_by_two_articles_is_picked_first_and_cites_both() -> None:
    first = summarise([A, B], size=3, redundancy=0.3, same_sentence=85)[0]
    assert first.text == SHARED
    assert first.articles == ["a", "b"]


def test_summary_has_at_most_the_asked_number_of_sentences_without_repeats() -> None:
    summary = summarise([A, B], size=3, redundancy=0.3, same_sentence=85)
    assert len(summary) == 3
    assert len({s.text for s in summary}) == 3


def test_copies_do_not_vote_for_their_own_sentences() -> None:
    copy = _article("c", *[p.text for p in A.paragraphs], copy_of="a")
    summary = summarise([A, copy], size=2, redundancy=0.3, same_sentence=85)
    assert all(s.articles == ["a"] for s in summary)


C = _article(
    "c",
    "Jeudi, la grève des contrôleurs aériens a provoqué en France l'annulation de 1 200 vols.",
    "Les compagnies à bas coût ont été les plus touchées, selon le syndicat des aéroports régionaux.",
)


def test_a_story_described_again_after_growing_gets_the_summary_of_a_fresh_description() -> None:
    fresh = summarise([A, B, C], size=4, redundancy=0.3, same_sentence=85)
    kept = RunCache.for_settings(Settings()).summaries
    summarise([A, B], size=4, redundancy=0.3, same_sentence=85, kept=kept)
    assert len(kept) == 1
    grown = summarise([A, B, C], size=4, redundancy=0.3, same_sentence=85, kept=kept)
    assert grown == fresh
    assert grown[0].articles == ["a", "b", "c"]  # C's wording joins the sentence A and B tell


def test_an_article_cleaned_again_under_its_id_is_not_taken_from_an_earlier_description() -> None:
    kept = RunCache.for_settings(Settings()).summaries
    before = summarise([A, B], size=4, redundancy=0.3, same_sentence=85, kept=kept)
    rewritten = _article("b", *[p.text for p in C.paragraphs])
    after = summarise([A, rewritten], size=4, redundancy=0.3, same_sentence=85, kept=kept)
    assert before != after
    assert all(any(s.text in p.text for p in (A.paragraphs + rewritten.paragraphs)) for s in after)


def test_the_first_pick_is_the_sentence_closest_to_what_most_sentences_say() -> None:
    # Four reports word the strike differently; one sentence is about something else entirely,
    # in words no other sentence uses (weighty one by one, but far from the story as a whole).
    reports = [
        _article("d", "Les contrôleurs aériens en grève ont cloué au sol des centaines de vols jeudi matin."),
        _article("e", "Des centaines de vols annulés jeudi : la grève des contrôleurs aériens bloque tout."),
        _article("f", "Jeudi, la grève des contrôleurs aériens a obligé les compagnies à annuler des vols."),
        _article(
            "g",
            "Le musée municipal expose désormais quarante tapisseries médiévales restaurées patiemment.",
            "La grève des contrôleurs aériens a entraîné jeudi l'annulation de nombreux vols au départ.",
        ),
    ]
    first = summarise(reports, size=1, redundancy=0.0, same_sentence=85)[0]
    assert "grève" in first.text


def test_a_line_cut_short_is_left_out_while_sentences_that_end_are_there() -> None:
    ended = "Le syndicat majoritaire réclame une hausse des salaires et le recrutement de 300 contrôleurs."
    cut = _article("c", "La grève paralyse les aéroports alors que les vacances arrivent dans", ended)
    texts = [s.text for s in summarise([cut], size=3, redundancy=0.3, same_sentence=85)]
    assert texts == [ended]


def test_a_story_of_lines_that_never_end_is_still_summarised() -> None:
    line = "Grève des contrôleurs aériens : plus de mille vols annulés jeudi dans toute la France"
    texts = [s.text for s in summarise([_article("h", line)], size=2, redundancy=0.3, same_sentence=85)]
    assert texts == [line]
