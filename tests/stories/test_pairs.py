"""Pair scores: two reports of one event score higher than two events of one theme."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from factories import make_article

from recoupe.kept import RunCache
from recoupe.settings import Settings
from recoupe.stories.features import event_features
from recoupe.stories.pairs import (
    FEATURES,
    ONE_LANGUAGE,
    TWO_LANGUAGES,
    Logistic,
    PairScorer,
    build_pile,
    cross_language,
    pair_features,
    pair_probability,
    shipped_scorer,
)

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


def test_a_pair_with_a_headline_is_held_to_a_higher_bar_than_two_full_reports() -> None:
    pile, left, right = _pile(), np.array([3, 0]), np.array([0, 1])
    lenient = replace(SETTINGS, headline_pair_log_odds=0.0)
    headline, reports = pair_probability(pile, left, right, SETTINGS)
    headline_lenient, reports_lenient = pair_probability(pile, left, right, lenient)
    assert headline < headline_lenient
    assert reports == reports_lenient


def test_the_shipped_coefficients_match_the_features() -> None:
    scorer = shipped_scorer()
    assert scorer.one_language.columns == ONE_LANGUAGE and "embedding" not in ONE_LANGUAGE
    assert scorer.two_languages.columns == TWO_LANGUAGES and "words" not in TWO_LANGUAGES
    assert scorer.two_languages.coefficient("embedding") > 0


FRENCH = (
    "Le ministre Arnaud Valmy a signé mardi à Lisbonne un accord de 800 millions d'euros sur le gaz "
    "avec la chancelière Greta Holm, après trois jours de discussions entre les deux délégations."
)
ENGLISH = (
    "Minister Arnaud Valmy signed an 800 million euro gas agreement with Chancellor Greta Holm in "
    "Lisbon on Tuesday, after three days of talks between the two delegations and their experts."
)


def _two_languages():
    articles = [
        make_article("fr", [FRENCH], language="fr"),
        make_article("en", [ENGLISH], language="en"),
        make_article("t", [], title="Valmy and Holm sign a gas deal", language="en"),
    ]
    return build_pile([event_features(a) for a in articles], SETTINGS)


def test_a_pair_is_in_two_languages_only_when_both_texts_are_long_enough_to_tell() -> None:
    pile = _two_languages()
    # A headline's language is a guess: with it, the pair is scored as one in one language.
    assert list(cross_language(pile, np.array([0, 0]), np.array([1, 2]))) == [True, False]


def _scorer(intercept: float) -> PairScorer:
    one = Logistic(ONE_LANGUAGE, np.zeros(len(ONE_LANGUAGE)), -5.0)
    two = np.zeros(len(TWO_LANGUAGES))
    two[TWO_LANGUAGES.index("embedding")] = 2.0
    return PairScorer(one, Logistic(TWO_LANGUAGES, two, intercept))


def test_the_embedding_is_measured_only_where_it_can_decide_the_pair() -> None:
    bar = float(np.log(SETTINGS.story_join_probability / (1 - SETTINGS.story_join_probability)))
    for intercept, embedded in ((bar - 1.0, True), (bar - 3.0, False), (bar + 0.5, False)):
        cache = RunCache.for_settings(SETTINGS)
        pair_probability(_two_languages(), np.array([0]), np.array([1]), SETTINGS, cache, _scorer(intercept))
        assert (len(cache.embeddings) == 2) is embedded, intercept


def test_cognates_alone_can_get_a_pair_in_two_languages_embedded() -> None:
    bar = float(np.log(SETTINGS.story_join_probability / (1 - SETTINGS.story_join_probability)))
    names_never_enough = replace(SETTINGS, cross_language_min_names=2.0)
    # 'minis', 'deleg', 'discu', 'chanc', 'milli': the French and English texts share cognates.
    for min_cognates, embedded in ((0.05, True), (2.0, False)):
        settings = replace(names_never_enough, cross_language_min_cognates=min_cognates)
        cache = RunCache.for_settings(settings)
        pair_probability(_two_languages(), np.array([0]), np.array([1]), settings, cache, _scorer(bar - 1.0))
        assert (len(cache.embeddings) == 2) is embedded, min_cognates


def test_a_translation_scores_on_what_it_keeps() -> None:
    cache = RunCache.for_settings(SETTINGS)
    (probability,) = pair_probability(_two_languages(), np.array([0]), np.array([1]), SETTINGS, cache)
    assert probability > SETTINGS.story_join_probability
