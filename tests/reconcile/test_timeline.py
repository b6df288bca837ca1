"""The story timeline: one entry per event and day, citing every article that tells it."""

from __future__ import annotations

from recoupe.extract.events import DatedSentence
from recoupe.reconcile.timeline import build_timeline


def test_same_event_told_by_two_articles_is_one_entry_citing_both() -> None:
    dated = [
        DatedSentence("a", "2024-03-14", "La grève a débuté jeudi matin dans toute la région."),
        DatedSentence("b", "2024-03-14", "Jeudi matin, la grève a débuté dans toute la région."),
    ]
    (entry,) = build_timeline(dated, max_entries=10, merge_similarity=80)
    assert entry.articles == ["a", "b"]
    assert entry.text == "La grève a débuté jeudi matin dans toute la région."


def test_entries_are_ordered_by_date() -> None:
    dated = [
        DatedSentence("a", "2024-03-15", "Les négociations ont repris vendredi."),
        DatedSentence("a", "2024-03-13", "Le préavis a été déposé mercredi."),
    ]
    assert [e.date for e in build_timeline(dated, 10, 80)] == ["2024-03-13", "2024-03-15"]


def test_when_too_many_the_entries_told_by_most_articles_are_kept() -> None:
    dated = [
        DatedSentence("a", f"2024-03-{day:02d}", f"Événement numéro {day} du mois.") for day in range(1, 6)
    ]
    dated.append(DatedSentence("b", "2024-03-05", "Événement numéro 5 du mois."))
    kept = build_timeline(dated, max_entries=1, merge_similarity=80)
    assert [(e.date, e.articles) for e in kept] == [("2024-03-05", ["a", "b"])]
