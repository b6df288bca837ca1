"""Online clustering: reports of one event join; same-theme events apart in time do not."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from factories import make_article

from recoupe.model import Article
from recoupe.settings import Settings
from recoupe.stories import assign_stories
from recoupe.stories.cluster import StoryClusterer
from recoupe.stories.features import EventFeatures

SETTINGS = Settings()


def _article(article_id: str, published: str | None, *paragraphs: str) -> Article:
    return make_article(article_id, list(paragraphs), published=published)


CALL_2022 = [
    "Le président Arnaud Valmy s'est entretenu par téléphone avec la chancelière Greta Holm vendredi, "
    "pour préparer le sommet de Lisbonne sur l'énergie.",
    "Les deux dirigeants ont évoqué la hausse des prix du gaz et un fonds commun de 800 millions d'euros.",
]
CALL_2022_OTHER = [
    "Arnaud Valmy et Greta Holm ont discuté vendredi du fonds de 800 millions d'euros destiné aux "
    "interconnexions gazières, avant le sommet de Lisbonne.",
    "« Nous avancerons ensemble », a assuré la chancelière Greta Holm à l'issue de l'appel.",
]
CALL_2024 = [
    "Le président Arnaud Valmy s'est entretenu par téléphone avec la chancelière Greta Holm mardi, "
    "au lendemain des élections régionales allemandes.",
    "Les deux dirigeants ont évoqué la défense européenne et la commande de 120 véhicules blindés.",
]
FLOOD = [
    "La crue de la Garonne a atteint 8,2 mètres à Marmande dans la nuit, un niveau inédit depuis 1981.",
    "Quelque 1 300 habitants ont été évacués et l'autoroute A62 est coupée entre Agen et Langon.",
]


def test_two_reports_of_one_call_share_a_story() -> None:
    articles = [_article("a", "2022-06-10", *CALL_2022), _article("b", "2022-06-11", *CALL_2022_OTHER)]
    _, stories = assign_stories(articles, SETTINGS)
    assert [s.articles for s in stories] == [["a", "b"]]
    assert stories[0].independent_sources == 2


def test_same_leaders_calling_two_years_apart_are_two_stories() -> None:
    articles = [_article("a", "2022-06-10", *CALL_2022), _article("c", "2024-03-05", *CALL_2024)]
    _, stories = assign_stories(articles, SETTINGS)
    assert sorted(s.articles for s in stories) == [["a"], ["c"]]


def test_unrelated_event_on_the_same_day_is_its_own_story() -> None:
    articles = [_article("a", "2022-06-10", *CALL_2022), _article("f", "2022-06-10", *FLOOD)]
    _, stories = assign_stories(articles, SETTINGS)
    assert len(stories) == 2


def test_stories_are_ordered_by_date_and_numbered() -> None:
    articles = [_article("c", "2024-03-05", *CALL_2024), _article("a", "2022-06-10", *CALL_2022)]
    _, stories = assign_stories(articles, SETTINGS)
    assert [(s.id, s.date) for s in stories] == [("s1", "2022-06-10"), ("s2", "2024-03-05")]


def _features(article_id: str, names: str, terms: str) -> EventFeatures:
    return EventFeatures(
        article_id=article_id,
        language="fr",
        published=date(2024, 3, 5),
        names=Counter(names.split()),
        terms=Counter(terms.split()),
        numbers=frozenset(),
        dates=frozenset(),
        quotes=frozenset(),
        lead=article_id,
    )


# "m" is read first and opens a story; the event's fuller reports come later and form their own.
EARLY_REPORT = _features("m", "rask", "blindes usine contrat")
FULL_COVERAGE = [
    _features("b1", "orsini", "blindes commande defense"),
    _features("b2", "orsini rask", "usine commande defense"),
    _features("b3", "orsini rask", "contrat commande defense"),
]


def test_a_report_read_before_its_event_coverage_moves_to_that_story_on_refinement() -> None:
    clusterer = StoryClusterer(SETTINGS)
    clusterer.observe([EARLY_REPORT, *FULL_COVERAGE])
    assigned = {f.article_id: clusterer.assign(f) for f in [EARLY_REPORT, *FULL_COVERAGE]}
    assert assigned["m"] != assigned["b1"] == assigned["b3"]
    moves = clusterer.refine(SETTINGS.story_refine_rounds)
    assert moves == {"m": assigned["b1"]}


def test_refinement_never_moves_a_stored_article() -> None:
    clusterer = StoryClusterer(SETTINGS, first_index=1)
    clusterer.seed(EARLY_REPORT, 0)
    for features in FULL_COVERAGE:
        clusterer.assign(features)
    assert "m" not in clusterer.refine(SETTINGS.story_refine_rounds)


def test_an_article_that_stays_on_refinement_counts_once_in_its_story_embedding() -> None:
    clusterer = StoryClusterer(SETTINGS)
    clusterer.observe(FULL_COVERAGE)
    indices = {clusterer.assign(f) for f in FULL_COVERAGE}
    assert clusterer.refine(SETTINGS.story_refine_rounds) == {}
    (index,) = indices
    assert clusterer.open[index].leads == ["b1", "b2", "b3"]


# One report of a summit, then an article sharing most of its words but none of its names: it
# scores about 0.245, between the one-report threshold (0.23) and the story threshold (0.27).
SUMMIT = _features("a", "holm valmy", "sommet energie gaz fonds")
SUMMIT_AGAIN = _features("a2", "holm valmy", "sommet energie gaz fonds")
SAME_WORDS_OTHER_NAMES = _features("b", "orsini", "sommet energie gaz fonds blindes")


def _assigned(settings: Settings, *articles: EventFeatures) -> dict[str, int]:
    clusterer = StoryClusterer(settings)
    clusterer.observe(articles)
    return {f.article_id: clusterer.assign(f) for f in articles}


def test_an_article_joins_a_one_report_story_from_the_lower_threshold() -> None:
    assigned = _assigned(SETTINGS, SUMMIT, SAME_WORDS_OTHER_NAMES)
    assert assigned["a"] == assigned["b"]
    no_single_threshold = replace(SETTINGS, single_report_join_threshold=SETTINGS.story_join_threshold)
    assigned = _assigned(no_single_threshold, SUMMIT, SAME_WORDS_OTHER_NAMES)
    assert assigned["a"] != assigned["b"]


def test_a_story_of_two_reports_asks_the_story_threshold() -> None:
    assigned = _assigned(SETTINGS, SUMMIT, SUMMIT_AGAIN, SAME_WORDS_OTHER_NAMES)
    assert assigned["a"] == assigned["a2"] != assigned["b"]
