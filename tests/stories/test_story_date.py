"""A story's date: the date its reports agree on, the same whatever order a process sees them in."""

from __future__ import annotations

from dataclasses import replace

from factories import make_article

from recoupe.stories import story_date
from recoupe.stories.features import event_features


def test_dates_stated_equally_often_give_the_latest_whatever_their_order() -> None:
    first = make_article("a", ["Le séisme du 3 mars 2021 a suivi celui du 9 février 2021."], published=None)
    second = make_article(
        "b", ["Après le 9 février 2021, la terre a encore tremblé le 3 mars 2021."], published=None
    )
    articles = [first, second]
    features = {a.id: event_features(a) for a in articles}
    assert {"2021-03-03", "2021-02-09"} <= features["a"].dates
    for order in (sorted, lambda dates: sorted(dates, reverse=True)):
        # A set's order varies from process to process: given in a fixed order here, as a tuple.
        shuffled = {k: replace(f, dates=tuple(order(f.dates))) for k, f in features.items()}
        assert story_date(articles, shuffled) == "2021-03-03"


def test_a_date_stated_by_more_reports_wins_over_a_later_one() -> None:
    articles = [
        make_article("a", ["Le séisme du 9 février 2021 a fait des dégâts (3 mars 2021)."], published=None),
        make_article("b", ["Le séisme du 9 février 2021 a détruit deux ponts."], published=None),
    ]
    features = {a.id: event_features(a) for a in articles}
    assert story_date(articles, features) == "2021-02-09"
