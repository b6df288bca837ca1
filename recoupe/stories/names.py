"""Name keys that agree across languages and transliterations: Poutine/Putin, Kiev/Kyiv.

Two layers: the variant table of data/name_variants.tsv maps known spellings to one canonical
(English) name; for every other name a transliteration key folds accents, case and the usual
French/English/German transliteration differences (ou/u, ch/sh, kh/h, -iy/-yy/-y, final -e).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from recoupe.data import variant_rows

_NOT_ALNUM = re.compile(r"[^\w ]+|_")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Ordered rewrites applied to a folded word; each pair is (pattern, replacement).
_TRANSLITERATION = (
    (re.compile(r"ou"), "u"),
    (re.compile(r"tch"), "ch"),
    (re.compile(r"(?<!s)ch"), "sh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(iy|yy|yi|ii|yj|ij)$|(?<=sk)i$"), "y"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"(.)\1"), r"\1"),
    (re.compile(r"(?<=...)e$"), ""),
)


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or punctuation: 'Téhéran' → 'teheran'.
    Letters of every script are kept ('Путин' → 'путин')."""
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return " ".join(_NOT_ALNUM.sub(" ", stripped).split())


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """`fold` of one word, kept: names, titles and capitalised words recur all through a feed."""
    return fold(word)


@lru_cache(maxsize=200_000)
def transliteration_key(word: str) -> str:
    key = fold(word).replace(" ", "")
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


@cache
def _variant_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, variants in variant_rows("name_variants.tsv"):
        for spelling in [canonical, *variants]:
            table[fold(spelling)] = canonical
    return table


@lru_cache(maxsize=200_000)  # asked for every capitalised run of every article and mention
def canonical_variant(name: str) -> str | None:
    """The canonical name the variant table gives for this spelling, if any."""
    return _variant_table().get(fold(name))


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """One key per referent: the table's canonical name, else the transliteration key."""
    canonical = canonical_variant(name)
    words = (canonical or name).split()
    return " ".join(transliteration_key(w) for w in words if fold(w))
