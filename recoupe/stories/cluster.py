"""Online event clustering: each article joins the best open story or opens a new one.

Articles come in publication order (undated ones last), as in Europe Media Monitor and Miranda
et al. (2018). A story closes once no article has joined it for `story_window_days`; closed
stories are frozen (only their member list is kept) and leave the candidate index, so memory
follows the number of open stories, not the size of the archive. Every weight and threshold is
in `Settings` (see the bench figures there).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from recoupe.settings import Settings
from recoupe.stories.embeddings import embed_passages
from recoupe.stories.features import EventFeatures
from recoupe.stories.vectors import dot, normalised

_CANDIDATE_TERMS = 25  # an article's rarest terms used to find candidate stories
_NEAREST_MEMBERS = 10  # the most recent members a new article is compared with one by one
# Members whose title and lead make a story's embedding: 3 score SemEval pairs as 8 did, at 1.2×
# the clustering speed (a lead costs ~40 ms to embed).
_EMBEDDED_LEADS = 3
_FULLY_SCORED = 3  # candidates, best first by the cheap score, that get the full score


class Idf:
    """Inverse document frequency over the articles seen so far."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()

    def add(self, keys: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(set(keys))

    def weight(self, key: str) -> float:
        return math.log((self.documents + 1) / (self.frequency[key] + 1)) + 1.0


def tfidf(counts: Counter[str], idf: Idf) -> dict[str, float]:
    return normalised({k: (1.0 + math.log(n)) * idf.weight(k) for k, n in counts.items()})


@dataclass
class _Centroid:
    """Sum of member vectors, with its norm kept up to date."""

    weights: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0

    def add(self, vector: dict[str, float]) -> None:
        # |w + v|² = |w|² + 2 w·v + |v|²: the norm follows in O(|v|), not O(|w|).
        squared = self.norm * self.norm
        for key, value in vector.items():
            old = self.weights.get(key, 0.0)
            squared += 2 * old * value + value * value
            self.weights[key] = old + value
        self.norm = math.sqrt(max(squared, 0.0))

    def cosine(self, vector: dict[str, float]) -> float:
        if not self.norm:
            return 0.0
        return dot(vector, self.weights) / self.norm


@dataclass
class _OpenStory:
    index: int
    members: list[str] = field(default_factory=list)
    terms: _Centroid = field(default_factory=_Centroid)
    names: _Centroid = field(default_factory=_Centroid)
    numbers: Counter[str] = field(default_factory=Counter)
    dates: Counter[str] = field(default_factory=Counter)
    quotes: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)  # index keys, to leave the index on closing
    first: date | None = None
    last: date | None = None
    leads: list[str] = field(default_factory=list)
    member_vectors: list[tuple[dict[str, float], dict[str, float]]] = field(default_factory=list)
    embedding: np.ndarray | None = None  # sum of member lead embeddings, made when first needed


@dataclass
class _Scored:
    article: EventFeatures
    terms: dict[str, float]
    names: dict[str, float]


class StoryClusterer:
    """Assigns articles, one at a time, to stories; `assign` returns the story's index."""

    def __init__(self, settings: Settings, first_index: int = 0) -> None:
        self.settings = settings
        self.term_idf = Idf()
        self.name_idf = Idf()
        self.open: dict[int, _OpenStory] = {}
        self.index: dict[str, set[int]] = defaultdict(set)
        self.closed = 0
        self._next = first_index  # indices below it are stories seeded from a store
        self._observed: set[str] = set()
        self._assigned: dict[str, tuple[_Scored, int]] = {}  # this run's articles: refine() may move them

    def observe(self, articles: Iterable[EventFeatures]) -> None:
        """Count articles into the IDF before assigning them: every article the system has read
        tells which words are common, even before its turn to be assigned comes."""
        for article in articles:
            self.term_idf.add(article.terms)
            self.name_idf.add(article.names)
            self._observed.add(article.article_id)

    def seed(self, article: EventFeatures, index: int) -> None:
        """Put an article back into the story it already belongs to (a stored one): no scoring."""
        if article.article_id not in self._observed:
            self.term_idf.add(article.terms)
            self.name_idf.add(article.names)
        story = self.open.setdefault(index, _OpenStory(index))
        self._next = max(self._next, index + 1)
        self._join(story, self._scored(article))

    def assign(self, article: EventFeatures) -> int:
        self._close_stale(article.published)
        if article.article_id not in self._observed:
            self.term_idf.add(article.terms)
            self.name_idf.add(article.names)
        scored = self._scored(article)
        # A cheap score ranks the candidates; only the best few get the costly parts
        # (nearest member, embeddings).
        ranked = sorted(
            self._candidates(scored), key=lambda st: (-self.similarity(scored, st, full=False), st.index)
        )
        best, best_score = None, 0.0
        for story in ranked[:_FULLY_SCORED]:
            score = self.similarity(scored, story)
            if score >= max(best_score, self._threshold(article, story)):
                best, best_score = story, score
        if best is None:
            best = _OpenStory(self._next)
            self._next += 1
            self.open[best.index] = best
        self._join(best, scored)
        self._assigned[article.article_id] = (scored, best.index)
        return best.index

    def refine(self, rounds: int) -> dict[str, int]:
        """A second look, once the run is read: each article assigned in this run and still in an
        open story leaves it and joins the open story that now fits it best (its own unless
        another scores higher), as k-means revisits its points. Single-pass assignment depends
        on the order articles come in; a report read before its event's best coverage gets a
        fairer comparison here. Seeded (stored) articles never move. Returns the moves."""
        moved: dict[str, int] = {}
        for _ in range(rounds):
            changed = False
            for article_id in list(self._assigned):  # in assignment order
                scored, index = self._assigned[article_id]
                story = self.open.get(index)
                if story is None:
                    continue
                self._leave(story, scored)
                candidates = {st.index: st for st in self._candidates(scored)} | {story.index: story}
                best, best_score = story, self.similarity(scored, story, nearest=False)
                for other in sorted(candidates.values(), key=lambda st: st.index):
                    if other is story or not self._within_window(scored.article, other):
                        continue
                    score = self.similarity(scored, other, nearest=False)
                    if score > best_score and score >= self._threshold(scored.article, other):
                        best, best_score = other, score
                self._join(best, scored)
                self._assigned[article_id] = (scored, best.index)
                if not story.members:
                    self._drop(story)
                if best is not story:
                    moved[article_id] = best.index
                    changed = True
            if not changed:
                break
        return moved

    def _within_window(self, article: EventFeatures, story: _OpenStory) -> bool:
        today, window = article.published, self.settings.story_window_days
        if today is None or story.first is None or story.last is None:
            return True
        return (story.first - today).days <= window and (today - story.last).days <= window

    def _leave(self, story: _OpenStory, scored: _Scored) -> None:
        """Undo `_join` for one article. What stays: its index keys (they only propose
        candidates), its lead among the first reports' (the story's embedding), and the story's
        first and last dates (a move keeps an article within the window of both stories)."""
        article = scored.article
        story.members.remove(article.article_id)
        story.terms.add({k: -v for k, v in scored.terms.items()})
        story.names.add({k: -v for k, v in scored.names.items()})
        story.numbers.subtract(article.numbers)
        story.dates.subtract(article.dates)
        story.quotes.subtract(article.quotes)
        for counter in (story.numbers, story.dates, story.quotes):
            for key in [k for k, n in counter.items() if n <= 0]:
                del counter[key]
        if article.language:
            story.languages[article.language] -= 1
            if story.languages[article.language] <= 0:
                del story.languages[article.language]
        story.member_vectors = [v for v in story.member_vectors if v[0] is not scored.terms]

    def _scored(self, article: EventFeatures) -> _Scored:
        return _Scored(article, tfidf(article.terms, self.term_idf), tfidf(article.names, self.name_idf))

    def _threshold(self, article: EventFeatures, story: _OpenStory) -> float:
        # An undated article cannot be checked against a dated story's time window (nor a dated
        # one against an undated story's): it must bring stronger evidence than a window gives.
        if (article.published is None) != (story.last is None):
            return self.settings.undated_join_threshold
        if len(story.members) == 1:
            return self.settings.single_report_join_threshold
        return self.settings.story_join_threshold

    def similarity(
        self, scored: _Scored, story: _OpenStory, full: bool = True, nearest: bool = True
    ) -> float:
        """Weighted signals in 0..1; `full=False` skips the nearest member and embeddings,
        `nearest=False` the nearest member only (refinement weighs the whole story)."""
        s = self.settings
        article = scored.article
        cross_language = bool(article.language) and article.language not in story.languages
        names = story.names.cosine(scored.names)
        if cross_language:
            # Embeddings cost ~100 ms a text: only for stories that already share names.
            use_embedding = full and names >= s.cross_language_min_names
            text_similarity = self._embedding_similarity(scored, story) if use_embedding else 0.0
        else:
            text_similarity = story.terms.cosine(scored.terms)
            if full and nearest and s.nearest_member_share and story.member_vectors:
                # Blend the centroid with the nearest member: a story that drifts over days
                # still takes an article close to one of its reports.
                nearest_terms, nearest_names = max(
                    (dot(scored.terms, t), dot(scored.names, n)) for t, n in story.member_vectors
                )
                share = s.nearest_member_share
                text_similarity = (1 - share) * text_similarity + share * nearest_terms
                names = (1 - share) * names + share * nearest_names
        numbers = min(1.0, sum(1 for n in article.numbers if n in story.numbers) / 2)
        dates = min(1.0, float(sum(1 for d in article.dates if d in story.dates)))
        quotes = (
            min(1.0, sum(1 for q in article.quotes if q in story.quotes) / (0.3 * len(article.quotes)))
            if article.quotes
            else 0.0
        )
        return (
            s.weight_terms * text_similarity
            + s.weight_names * names
            + s.weight_numbers * numbers
            + s.weight_dates * dates
            + s.weight_quotes * quotes
        )

    def _embedding_similarity(self, scored: _Scored, story: _OpenStory) -> float:
        if story.embedding is None:
            # The first reports define the event; later ones add cost, not meaning.
            story.embedding = embed_passages(story.leads[:_EMBEDDED_LEADS]).sum(axis=0)
        centroid = story.embedding / (np.linalg.norm(story.embedding) or 1.0)
        cosine = float(centroid @ embed_passages([scored.article.lead])[0])
        low, high = self.settings.embedding_cosine_range
        return max(0.0, min(1.0, (cosine - low) / (high - low)))

    def _candidates(self, scored: _Scored) -> list[_OpenStory]:
        keys = [f"n:{k}" for k in scored.names]
        rarest = sorted(scored.terms, key=scored.terms.__getitem__, reverse=True)[:_CANDIDATE_TERMS]
        keys += [f"t:{k}" for k in rarest]
        found: set[int] = set()
        for key in keys:
            found |= self.index.get(key, set())
        # Stories in another language share names (keyed across languages), not words, so the
        # name keys above already bring them in.
        candidates = [self.open[i] for i in sorted(found) if i in self.open]
        return [story for story in candidates if not self._later(story, scored)]

    def _later(self, story: _OpenStory, scored: _Scored) -> bool:
        # Only a seeded story can start after the article (one that arrives late into a store):
        # it is open to the article within the window, as an earlier story would be.
        today = scored.article.published
        return bool(today and story.first and (story.first - today).days > self.settings.story_window_days)

    def _join(self, story: _OpenStory, scored: _Scored) -> None:
        article = scored.article
        story.members.append(article.article_id)
        story.terms.add(scored.terms)
        story.names.add(scored.names)
        story.numbers.update(article.numbers)
        story.dates.update(article.dates)
        story.quotes.update(article.quotes)
        if article.language:
            story.languages[article.language] += 1
        if article.published and (story.last is None or article.published > story.last):
            story.last = article.published
        if article.published and (story.first is None or article.published < story.first):
            story.first = article.published
        story.member_vectors.append((scored.terms, scored.names))
        del story.member_vectors[:-_NEAREST_MEMBERS]
        # An article back from refinement's `_leave` is already among the first reports.
        if len(story.leads) < _EMBEDDED_LEADS and article.lead not in story.leads:
            story.leads.append(article.lead)
            if story.embedding is not None:
                story.embedding = story.embedding + embed_passages([article.lead])[0]
        rarest = sorted(scored.terms, key=scored.terms.__getitem__, reverse=True)[:_CANDIDATE_TERMS]
        for key in [f"n:{k}" for k in scored.names] + [f"t:{k}" for k in rarest]:
            self.index[key].add(story.index)
            story.keys.add(key)

    def _close_stale(self, today: date | None) -> None:
        if today is None:
            return
        window = self.settings.story_window_days
        stale = [s for s in self.open.values() if s.last is not None and (today - s.last).days > window]
        for story in stale:
            self._drop(story)
            self.closed += 1

    def _drop(self, story: _OpenStory) -> None:
        """The story leaves the open set and the candidate index; its articles are final."""
        for article_id in story.members:
            self._assigned.pop(article_id, None)
        for key in story.keys:
            holders = self.index.get(key)
            if holders is not None:
                holders.discard(story.index)
                if not holders:
                    del self.index[key]
        del self.open[story.index]
