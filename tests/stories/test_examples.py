"""The bundled examples: one event told by three outlets (one a scrape), and a later event on the
same theme in the same city, which stays a story of its own."""

from __future__ import annotations

from pathlib import Path

import recoupe

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_fold_the_scrape_and_keep_the_later_attack_apart() -> None:
    brief = recoupe.brief([str(EXAMPLES)])
    story_of = {a: s for s in brief.stories for a in s.articles}
    strike = story_of["01_zolotopil-frappe-courrier"]
    assert set(strike.articles) == {
        "01_zolotopil-frappe-courrier",
        "02_zolotopil-strike-meridian",
        "03_zolotopil-frappe-autoblog",
    }
    assert strike.independent_sources == 2
    later = story_of["04_zolotopil-drones-janvier"]
    assert set(later.articles) == {"04_zolotopil-drones-janvier", "05_zolotopil-coupures-abonnes"}
    scrape = next(a for a in brief.articles if a.id == "03_zolotopil-frappe-autoblog")
    assert scrape.copy_of == "01_zolotopil-frappe-courrier"
    assert scrape.published_basis == "story"
