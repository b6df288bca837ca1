"""Pair scores: the probability that two articles report the same event.

A pile's articles become sparse vectors (sublinear TF-IDF of words, of word bigrams and of
names, weighed by `rarity.Rarity`; binary sets of numbers, mentioned dates and quoted words).
A pair of articles is described by the features of `FEATURES`, and a logistic regression trained
by bench/train_pair_scorer.py on the gold pairs of the dev sets turns them into a probability;
its coefficients are the data file data/pair_scorer.json, computed here with numpy. There are two
regressions: one for a pair in one language, over every feature but the embedding; one for a pair
in two languages, over what a translation keeps (names, figures, dates, the multilingual-e5
cosine of the leads), trained on every pair as if its words were unknown. Cognates (words cut to
their first letters) are no feature of either model: in one language they are the words
themselves, so a model learnt on such pairs over-trusts them; they choose which pairs in two
languages are compared at all (blocking) and which get their leads embedded.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from recoupe.data import read_text
from recoupe.settings import Settings
from recoupe.stories.embeddings import embed_passages
from recoupe.stories.features import EventFeatures
from recoupe.stories.rarity import Rarity

if TYPE_CHECKING:
    from recoupe.kept import RunCache

FEATURES = (
    "words",  # cosine of word TF-IDF
    "bigrams",  # cosine of word-bigram TF-IDF
    "names",  # cosine of name TF-IDF (rarity-weighted)
    "text",  # cosine of words and names together (a headline is mostly names)
    "plain",  # cosine of every word, unstemmed, weighed by the pile alone (the baseline's)
    "numbers",  # specific figures shared (3 or more: 1)
    "dates_shared",  # day-month dates both texts mention (2 or more: 1)
    "dates_differ",  # both texts mention dates, none the same
    "quotes",  # quoted 4-word runs shared (5 or more: 1)
    "both_dated",  # both have a publication date (given or estimated from the text)
    "days_apart",  # days between publication dates over the story window (0 when undated)
    "embedding",  # multilingual-e5 cosine of title and lead, rescaled (measured only when it matters)
    "short",  # how short the shorter text is: 1 for a few words, 0 from 300 words
    "short_words",  # short × text: a headline's words are few and chosen
    "headline_only",  # one of the two is a headline without a body
)
# A pair in two languages shares no words: it is scored on what a translation keeps. That model
# is trained on the pairs of every set, in one language or not, as if their words were unknown,
# so that it needs no pair in two languages to learn from (SemEval's are its only ones).
ONE_LANGUAGE = tuple(f for f in FEATURES if f != "embedding")
TWO_LANGUAGES = (
    "names", "numbers", "dates_shared", "dates_differ", "both_dated", "days_apart", "embedding", "short",
    "headline_only",
)
_SHORT_WORDS = 300


@dataclass(frozen=True)
class Logistic:
    """A logistic regression over some columns of `FEATURES`."""

    columns: tuple[str, ...]
    coefficients: np.ndarray
    intercept: float

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        picked = features[:, [FEATURES.index(c) for c in self.columns]]
        return picked @ self.coefficients + self.intercept

    def coefficient(self, column: str) -> float:
        return float(self.coefficients[self.columns.index(column)]) if column in self.columns else 0.0

    def as_data(self) -> dict[str, object]:
        return {
            "features": list(self.columns),
            "coefficients": [round(float(c), 6) for c in self.coefficients],
            "intercept": round(self.intercept, 6),
        }


@dataclass(frozen=True)
class PairScorer:
    """One model for pairs in one language, one for pairs in two."""

    one_language: Logistic
    two_languages: Logistic

    def log_odds(self, features: np.ndarray, cross: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        return np.where(cross, self.two_languages.log_odds(features), self.one_language.log_odds(features))


@cache
def shipped_scorer() -> PairScorer:
    """The coefficients bench/train_pair_scorer.py wrote, trained on every dev set."""
    data = json.loads(read_text("pair_scorer.json"))
    models = []
    for name, columns in (("one_language", ONE_LANGUAGE), ("two_languages", TWO_LANGUAGES)):
        model = data[name]
        if tuple(model["features"]) != columns:
            raise ValueError("data/pair_scorer.json does not match pairs.py: run bench/train_pair_scorer.py")
        coefficients = np.asarray(model["coefficients"], dtype=np.float64)
        models.append(Logistic(columns, coefficients, float(model["intercept"])))
    return PairScorer(*models)


@dataclass
class Pile:
    """The articles compared together, as vectors weighed by the pile's rarity."""

    features: list[EventFeatures]
    words: sparse.csr_matrix
    bigrams: sparse.csr_matrix
    names: sparse.csr_matrix
    text: sparse.csr_matrix  # words and names, each half of unit norm when present
    plain: sparse.csr_matrix
    cognates: sparse.csr_matrix  # words cut to their first letters, weighed by the pile alone
    numbers: sparse.csr_matrix
    dates: sparse.csr_matrix
    quotes: sparse.csr_matrix
    day: np.ndarray  # publication day as an ordinal, NaN when unknown
    size: np.ndarray  # words of each text
    headline_only: np.ndarray
    # Each text's language where it has enough words to trust it (`cross_language_min_words`).
    languages: list[str | None]


def build_pile(features: list[EventFeatures], settings: Settings) -> Pile:
    words, names, bigrams = (Rarity(settings.background_documents) for _ in range(3))
    plain, cognates = Rarity(0.0), Rarity(0.0)
    for f in features:
        plain.add(dict.fromkeys(f.plain, 0.0))
        cognates.add(dict.fromkeys(f.cognates, 0.0))
        words.add({k: f.common.get(k, 0.0) for k in f.terms})
        names.add({k: f.common.get(k, 0.0) for k in f.names})
        bigrams.add({k: _bigram_share(k, f.common) for k in f.bigrams})
    word_vectors = _tfidf([f.terms for f in features], words)
    name_vectors = _tfidf([f.names for f in features], names)
    text = sparse.hstack([word_vectors, name_vectors]).tocsr()
    norms = np.sqrt(np.asarray(text.multiply(text).sum(axis=1)).ravel())
    return Pile(
        features=features,
        words=word_vectors,
        bigrams=_tfidf([f.bigrams for f in features], bigrams),
        names=name_vectors,
        text=sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ text),
        plain=_tfidf([f.plain for f in features], plain),
        cognates=_tfidf([f.cognates for f in features], cognates),
        numbers=_binary([f.numbers for f in features]),
        dates=_binary([{d for d in f.dates if len(d) == 5} for f in features]),
        quotes=_binary([f.quotes for f in features]),
        day=np.array([f.published.toordinal() if f.published else np.nan for f in features]),
        size=np.array([f.words for f in features], dtype=np.float64),
        headline_only=np.array([f.headline_only for f in features]),
        languages=[f.trusted_language(settings.cross_language_min_words) for f in features],
    )


def _bigram_share(bigram: str, common: dict[str, float]) -> float:
    first, _, second = bigram.partition(" ")
    return common.get(first, 0.0) * common.get(second, 0.0)


def _tfidf(counts: list[dict[str, int]], rarity: Rarity) -> sparse.csr_matrix:
    """Rows of sublinear TF times rarity, each of unit norm; a key's weight is computed once."""
    keys = list(chain.from_iterable(counts))
    vocabulary = dict.fromkeys(keys, 0)  # in first-seen order
    for index, key in enumerate(vocabulary):
        vocabulary[key] = index
    indices = np.fromiter(map(vocabulary.__getitem__, keys), dtype=np.int64, count=len(keys))
    counted = chain.from_iterable(c.values() for c in counts)
    frequencies = np.fromiter(counted, dtype=np.float64, count=len(keys))
    values = (1.0 + np.log(frequencies)) * rarity.weights(list(vocabulary))[indices]
    row_ends = np.cumsum([0, *map(len, counts)])
    shape = (len(counts), max(1, len(vocabulary)))
    matrix = sparse.csr_matrix((values, indices, row_ends), shape=shape)
    matrix.sort_indices()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix)


def _binary(sets: list[set[str] | frozenset[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, keys in enumerate(sets):
        for key in keys:
            rows.append(row)
            cols.append(vocabulary.setdefault(key, len(vocabulary)))
    shape = (len(sets), max(1, len(vocabulary)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


def _rowwise(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    if not len(left):
        return np.zeros(0)
    return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()


def pair_features(
    pile: Pile,
    left: np.ndarray,
    right: np.ndarray,
    settings: Settings,
    cache: RunCache | None = None,
    embed: np.ndarray | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per pair (left[i], right[i]); the embedding is measured for the
    pairs where `embed` is true (none when None) and 0 elsewhere."""
    words = _rowwise(pile.words, left, right)
    names = _rowwise(pile.names, left, right)
    dates_shared = _rowwise(pile.dates, left, right)
    dates_each = np.asarray(pile.dates.sum(axis=1)).ravel()
    both_mention = (dates_each[left] > 0) & (dates_each[right] > 0)
    days = np.abs(pile.day[left] - pile.day[right])
    both_dated = ~np.isnan(days)
    window = settings.story_window_days
    shortest = np.minimum(pile.size[left], pile.size[right])
    short = np.clip(1.0 - np.log1p(shortest) / math.log(_SHORT_WORDS), 0.0, 1.0)
    text = _rowwise(pile.text, left, right)
    embedding = np.zeros(len(left))
    if embed is not None and embed.any():
        embedding[embed] = _embedding(pile, left[embed], right[embed], settings, cache)
    columns = {
        "words": words,
        "bigrams": _rowwise(pile.bigrams, left, right),
        "names": names,
        "text": text,
        "plain": _rowwise(pile.plain, left, right),
        "numbers": np.minimum(_rowwise(pile.numbers, left, right), 3) / 3,
        "dates_shared": np.minimum(dates_shared, 2) / 2,
        "dates_differ": (both_mention & (dates_shared == 0)).astype(float),
        "quotes": np.minimum(_rowwise(pile.quotes, left, right), 5) / 5,
        "both_dated": both_dated.astype(float),
        "days_apart": np.where(both_dated, np.minimum(np.nan_to_num(days), window) / window, 0.0),
        "embedding": embedding,
        "short": short,
        "short_words": short * text,
        "headline_only": (pile.headline_only[left] | pile.headline_only[right]).astype(float),
    }
    if not len(left):
        return np.zeros((0, len(FEATURES)))
    return np.column_stack([columns[name] for name in FEATURES])


def cross_language(pile: Pile, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Whether each pair is in two languages, both known from enough words to trust them."""
    languages = pile.languages
    return np.array(
        [bool(languages[a] and languages[b] and languages[a] != languages[b])
         for a, b in zip(left, right, strict=True)],
        dtype=bool,
    )


def _embedding(
    pile: Pile, left: np.ndarray, right: np.ndarray, settings: Settings, cache: RunCache | None
) -> np.ndarray:
    """Rescaled multilingual-e5 cosine of the leads of each pair."""
    needed = sorted({int(i) for i in left} | {int(i) for i in right})
    row_of = {index: row for row, index in enumerate(needed)}
    leads = [pile.features[i].lead for i in needed]
    vectors = embed_passages(leads, cache.embeddings, cache.spread) if cache else embed_passages(leads)
    low, high = settings.embedding_cosine_range
    first, second = ([row_of[int(i)] for i in side] for side in (left, right))
    cosines = np.sum(vectors[first] * vectors[second], axis=1, dtype=np.float64)
    # The model places two languages further apart than one: a pair in two languages gets the gap
    # back, so that the coefficient learned mostly on pairs in one language fits it too.
    cosines += settings.cross_language_cosine_gap * cross_language(pile, left, right)
    return np.clip((cosines - low) / (high - low), 0.0, 1.0)


def pair_probability(
    pile: Pile,
    left: np.ndarray,
    right: np.ndarray,
    settings: Settings,
    cache: RunCache | None = None,
    scorer: PairScorer | None = None,
) -> np.ndarray:
    """Probability that each pair reports one event; 0 for dated pairs further apart than the
    story window (a story's reports are never compared across it). A pair of which one article
    alone is dated has its odds lowered by `Settings.one_dated_pair_log_odds`: no window can rule
    it out, and none of the training sets holds such pairs."""
    scorer = scorer or shipped_scorer()
    one_dated = np.isnan(pile.day[left]) != np.isnan(pile.day[right])
    cross = cross_language(pile, left, right)
    features = pair_features(pile, left, right, settings, cache)
    headline = features[:, FEATURES.index("headline_only")]
    shift = -settings.one_dated_pair_log_odds * one_dated - settings.headline_pair_log_odds * headline
    log_odds = scorer.log_odds(features, cross) + shift
    # The embedding (a lead costs 50-100 ms to embed) is measured only for the pairs in two
    # languages that it can carry across the join threshold and that share names or cognates
    # (`cross_language_min_names`, `cross_language_min_cognates`): embedding every pair in two
    # languages was most of story assignment's time on the real corpus of bench/throughput.py.
    # The others keep 0.
    bar = math.log(settings.story_join_probability / (1.0 - settings.story_join_probability))
    reach = max(0.0, scorer.two_languages.coefficient("embedding"))
    shared = features[:, FEATURES.index("names")] >= settings.cross_language_min_names
    if cross.any():
        shared |= _rowwise(pile.cognates, left, right) >= settings.cross_language_min_cognates
    decisive = np.flatnonzero(cross & shared & (log_odds < bar) & (log_odds + reach >= bar))
    if len(decisive):
        features[decisive, FEATURES.index("embedding")] = _embedding(
            pile, left[decisive], right[decisive], settings, cache
        )
        log_odds[decisive] = scorer.two_languages.log_odds(features[decisive]) + shift[decisive]
    probability = 1.0 / (1.0 + np.exp(-log_odds))
    apart = np.abs(pile.day[left] - pile.day[right]) > settings.story_window_days
    return np.where(apart, 0.0, probability)
