"""Stable rarity: how specific a word or name is, from the pile and from the language at large.

A pile's own document frequencies say little when the pile is small or one-sided: among 200
articles about something else, "Poutine" and "Chine" turn up in two reports and look as specific
as "Klitschko". Background frequencies (wordfreq, French and English, plus the article's own
language) act as a prior: the language at large counts as `Settings.background_documents`
documents of the pile, each containing a word with the share of news texts that
`document_share` estimates from its frequency. A big pile outweighs the prior; a small one
leans on it.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache, lru_cache
from itertools import repeat

import numpy as np

_LANGUAGES = ("fr", "en")
# A word of frequency f turns up in a text of this many words with probability 1 - exp(-f * n):
# about the length of a news report.
_WORDS_PER_DOCUMENT = 400


@cache
def _frequencies(language: str) -> dict[str, float]:
    """wordfreq's table of one language (about a second and 30 MB to load, once a process)."""
    from wordfreq import available_languages, get_frequency_dict

    return get_frequency_dict(language) if language in available_languages() else {}


@lru_cache(maxsize=200_000)  # a feed's words recur
def background_share(word: str, language: str | None) -> float:
    """Share of news texts in which `word` (lower case, accents kept) is expected to appear,
    in whichever of French, English and the article's language uses it most."""
    languages = {*_LANGUAGES, language} if language and language.isalpha() else set(_LANGUAGES)
    frequency = max(_frequencies(lang).get(word, 0.0) for lang in languages)
    return 1.0 - math.exp(-frequency * _WORDS_PER_DOCUMENT)


class Rarity:
    """Inverse document frequency of keys over a pile, blended with their background shares."""

    def __init__(self, background_documents: float) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()
        self.background: dict[str, float] = {}
        self.prior = background_documents

    def add(self, keys: dict[str, float]) -> None:
        """One document's keys, each with its background share (0 when unknown)."""
        self.documents += 1
        self.frequency.update(keys.keys())
        for key, share in keys.items():
            if share > self.background.get(key, 0.0):
                self.background[key] = share

    def weight(self, key: str) -> float:
        return float(self.weights([key])[0])

    def weights(self, keys: list[str]) -> np.ndarray:
        """The inverse document frequency of each key, its background counted in."""
        count = len(keys)
        frequency = np.fromiter(map(self.frequency.__getitem__, keys), dtype=np.float64, count=count)
        background = np.fromiter(map(self.background.get, keys, repeat(0.0)), dtype=np.float64, count=count)
        expected = frequency + self.prior * background
        return np.log((self.documents + self.prior + 1) / (expected + 1)) + 1.0
