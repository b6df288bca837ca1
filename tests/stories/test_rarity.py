"""Stable rarity: a name the language uses every day is not rare because a small pile has it twice."""

from __future__ import annotations

from recoupe.stories.rarity import Rarity, background_share


def _pile(documents: int, prior: float, with_names: int = 2) -> Rarity:
    """A pile in which both names turn up in `with_names` of `documents` texts."""
    rarity = Rarity(prior)
    for i in range(documents):
        keys = {"filler": background_share("chose", "fr")}
        if i < with_names:
            keys["poutine"] = background_share("poutine", "fr")
            keys["klitschko"] = background_share("klitschko", "fr")
        rarity.add(keys)
    return rarity


def test_a_head_of_state_is_commoner_than_a_mayor_in_the_language() -> None:
    assert background_share("poutine", "fr") > 10 * background_share("klitschko", "fr")
    assert background_share("putin", "de") > background_share("klitschko", "de")


def test_in_a_small_pile_the_background_tells_the_common_name_from_the_rare_one() -> None:
    pile_only = _pile(20, prior=0.0)
    assert pile_only.weight("poutine") == pile_only.weight("klitschko")
    blended = _pile(20, prior=500.0)
    assert blended.weight("poutine") < blended.weight("klitschko") - 0.5


def test_a_large_pile_outweighs_the_background() -> None:
    # Both names in a tenth of the texts: the pile's own counts, not the language, tell them apart
    # less and less as it grows.
    small, large = _pile(20, prior=500.0), _pile(20_000, prior=500.0, with_names=2_000)
    gap_small = small.weight("klitschko") - small.weight("poutine")
    gap_large = large.weight("klitschko") - large.weight("poutine")
    assert gap_large < gap_small
