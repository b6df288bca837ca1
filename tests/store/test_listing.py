"""The story list a page at a time: each page and its total as the whole list and its count give
them, for a search (counted with its page), filters, and a page past the end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_articles import BRIDGE_CLOSED, BRIDGE_NEXT_DAY, HONEY, UNDATED_CHOIR, write_feed

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
