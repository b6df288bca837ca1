"""Who the text names: people merged by surname, with the role written beside them (issue 20)."""

from __future__ import annotations

from recoupe.extract.coreference import people_in


def names(text: str) -> list[str]:
    return [person.name for person in people_in(text)]


def test_a_role_before_one_capitalised_word_makes_it_a_name() -> None:
    assert names("Le président Hollande a parlé.") == ["Hollande"]
    assert names("Le ministre Martin a parlé.") == ["Martin"]


def test_a_capitalised_adjective_of_a_role_with_its_complement_is_no_name() -> None:
    assert names("Il est devenu le premier président Noir des Etats-Unis.") == []


def test_a_surname_merges_with_the_full_name_given_before() -> None:
    people = people_in("Le président russe Vladimir Poutine a appelé. M. Poutine a insisté.")
    assert [(p.name, p.gender) for p in people] == [("Vladimir Poutine", "m")]


def test_who_may_assert_a_figure_is_someone_or_some_body_not_a_thing() -> None:
    from recoupe.extract.coreference import may_assert

    for someone in ("des témoins", "les sources", "Le trader", "la Banque de France", "elle", "la mairie"):
        assert may_assert(someone), someone
    for thing in ("la mise", "quarante-quatre mesures économiques", "possible", "la hausse des prix"):
        assert not may_assert(thing), thing
