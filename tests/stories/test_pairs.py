"""Pair scores: two reports of one event score higher than two events of one theme."""

from __future__ import annotations

import numpy as np
from factories import make_article

from recoupe.settings import Settings
from recoupe.stories.features import event_features
from recoupe.stories.pairs import FEATURES, build_pile, pair_features, pair_probability, shipped_scorer

SETTINGS = Settings()
CALL = "Le président Arnaud Valmy a parlé avec la chancelière Greta Holm du fonds gazier de 800 millions."
CALL_AGAIN = "Arnaud Valmy et Greta Holm ont discuté du fonds de 800 millions d'euros pour le gaz, vendredi."
OTHER_CALL = "Le président Arnaud Valmy a appelé la chancelière Greta Holm au sujet de 120 blindés."


def _pile():
    articles = [
        make_article("a", [CALL], published="2022-06-10"),
        make_article("b", [CALL_AGAIN], published="2022-06-11"),
        make_article("c", [OTHER_CALL], published="2022-06-20"),
        make_article("h", [], title="Valmy et Holm : un fonds gazier de 800 millions", published=None),
    ]
    return build_pile([event_features(a) for a in articles], SETTINGS)


def test_one_row_of_features_per_pair() -> None:
    features = pair_features(_pile(), np.array([0, 0]), np.array([1, 3]), SETTINGS)
    assert features.shape == (2, len(FEATURES))
    column = dict(zip(FEATURES, features[0], strict=True))
    assert column["numbers"] > 0 and column["both_dated"] == 1.0
    assert column["days_apart"] == 1 / SETTINGS.story_window_days
    headline = dict(zip(FEATURES, features[1], strict=True))
    assert headline["headline_only"] == 1.0 and headline["both_dated"] == 0.0 and headline["short"] > 0


def test_the_shipped_scorer_prefers_the_same_event_and_rules_out_pairs_over_the_window() -> None:
    pile = _pile()
    same, other = pair_probability(pile, np.array([0, 0]), np.array([1, 2]), SETTINGS)
    assert same > SETTINGS.story_join_probability
    assert other == 0.0  # ten days apart


def test_a_headline_scores_higher_with_a_report_of_its_event_than_with_another_call() -> None:
    its_event, other_call = pair_probability(_pile(), np.array([3, 3]), np.array([0, 2]), SETTINGS)
    assert its_event > other_call


def test_the_shipped_coefficients_match_the_features() -> None:
    assert shipped_scorer().coefficients.shape == (len(FEATURES),)
