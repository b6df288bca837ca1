"""The story list a page at a time: each page and its total as the whole list and its count give
them, for a search (counted with its page), filters, and a page past the end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR, write_feed

from recoupe.settings import Settings
from recoupe.store import Store
from recoupe.store.ingest import ingest_paths


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = write_feed(
        tmp_path_factory.mktemp("listing"), BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR
    )
    ingest_paths([folder], folder / "stories.db")
    with Store(folder / "stories.db", readonly=True) as opened:
        yield opened


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        ({}, {"bridge-closed", "honey", "choir"}),
        ({"query": "Morvillard"}, {"bridge-closed"}),  # both reports of the bridge: one story
        ({"query": "apiculteurs plateau"}, {"honey"}),  # every word required…
        ({"query": "apiculteurs Morvillard"}, set()),  # …in one article
        ({"query": "aussi pleines"}, {"honey"}),  # in a quote
        ({"query": "zzzqqq"}, set()),
        ({"query": '" *'}, set()),  # no word left: nothing
        ({"language": "fr", "source": "Le Courrier du Val"}, {"bridge-closed", "choir"}),
        ({"query": "Morvillard", "source": "L'Abeille du Plateau"}, set()),
    ],
)
def test_every_page_and_its_total_are_the_whole_list_and_its_count(
    store: Store, filters: dict[str, str], found: set[str]
) -> None:
    whole, count = store.story_rows(**filters), store.story_count(**filters)
    assert {row.id for row in whole} == {store.story_of(article) for article in found}
    assert len(whole) == count
    for offset in range(0, count + 3):  # a page past the end is empty and still counts them all
        assert store.story_page(**filters, limit=1, offset=offset) == (whole[offset : offset + 1], count)
    assert store.story_page(**filters, limit=2) == (whole[:2], count)


# A search found in at least `search_counted_articles` articles walks the list in its order; these
# settings make every search do so on this small store, with room for it (or none: `budget_spent`).
WALKED = Settings(search_counted_articles=1, search_walk_stories=100)
BUDGET_SPENT = Settings(search_counted_articles=1, search_walk_stories=1)


@pytest.mark.parametrize("settings", [WALKED, BUDGET_SPENT], ids=["walked", "budget-spent"])
@pytest.mark.parametrize(
    "filters",
    [
        {"query": "de"},  # in every article
        {"query": "de la"},
        {"query": "Morvillard"},
        {"query": "apiculteurs Morvillard"},
        {"query": "aussi pleines"},  # in a quote
        {"query": "de", "source": "Le Courrier du Val"},
        {"query": "de", "date_from": "2024-05-07"},
    ],
)
def test_a_search_found_in_very_many_articles_gives_the_same_pages_in_the_same_order(
    store: Store, settings: Settings, filters: dict[str, str]
) -> None:
    whole, count = store.story_rows(**filters), store.story_count(**filters)
    for limit in (1, 2):
        for offset in range(0, count + 3):
            rows, total = store.story_page(**filters, limit=limit, offset=offset, settings=settings)
            assert rows == whole[offset : offset + limit]
            # Not counted only when more stories follow the page.
            assert total == count or (total is None and count > offset + limit)


def test_a_walked_search_is_not_counted_when_more_follow_and_counted_when_it_reaches_the_end(
    store: Store,
) -> None:
    assert store.story_count(query="de") == 3
    assert store.story_page(query="de", limit=1, settings=WALKED)[1] is None
    assert store.story_page(query="de", limit=2, offset=1, settings=WALKED)[1] == 3  # walked to the end
    assert store.story_page(query="de", limit=1, settings=BUDGET_SPENT)[1] == 3  # mapped, counted
    assert store.story_page(query="de", limit=1)[1] == 3  # three articles are not very many
