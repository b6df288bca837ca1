"""A story's summary: a few sentences taken verbatim from its articles, central and not redundant.

Maximal marginal relevance over TF-IDF sentence vectors: each pick is the sentence closest to
the story as a whole (its centroid) and least like the sentences already picked. A sentence
that several articles tell (near-identical wording) counts once and cites them all, and is
favoured: what several sources say is what the story is sure of.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from recoupe.clean.sentences import sentences
from recoupe.kept import Bounded
from recoupe.model import Article, SummarySentence
from recoupe.stories.names import fold
from recoupe.stories.vectors import dot, normalised

_MIN_WORDS = 8  # shorter sentences rarely summarise anything
_MAX_WORDS = 60
# News puts the event first: the leads of the earliest reports hold the summary, and bounding
# them keeps the sentence-by-sentence comparison small for stories of hundreds of articles.
_LEAD_SENTENCES = 8
_ARTICLES = 40


@dataclass
class _Candidate:
    text: str
    articles: list[str]
    vector: dict[str, float]
    position: int  # index of the sentence in its article: the lead says what happened


def summarise(
    articles: list[Article],
    size: int,
    redundancy: float,
    same_sentence: float,
    kept: Bounded[str, _Gathered] | None = None,
) -> list[SummarySentence]:
    """Up to `size` sentences; `redundancy` (0–1) weighs novelty against centrality; sentences
    whose token-set similarity reaches `same_sentence` (0–100) are one told by several articles.

    `kept` (a run's `RunCache.summaries`): each ingest batch describes again the stories it added
    to, and a story grows at its end, so its first articles' candidates are gathered once.
    """
    candidates = _candidates([a for a in articles if not a.copy_of] or articles, same_sentence, kept)
    # A line cut short or a headline ("… alors que la guerre s'installe dans") only when the
    # story has no sentence that ends.
    candidates = [c for c in candidates if _ended(c.text)] or candidates
    if not candidates:
        return []
    frequency = Counter(t for c in candidates for t in c.vector)
    for c in candidates:
        c.vector = normalised(
            {t: w * math.log(1 + len(candidates) / frequency[t]) for t, w in c.vector.items()}
        )
    total: Counter[str] = Counter()
    for c in candidates:
        total.update(c.vector)  # the sum of the sentence vectors: words many sentences share weigh most
    centroid = normalised(total)
    picked: list[_Candidate] = []
    while candidates and len(picked) < size:

        def gain(c: _Candidate) -> float:
            told_by = 1 + 0.5 * (len(c.articles) - 1)
            relevance = dot(c.vector, centroid) * told_by * (1 + 0.5 / (1 + c.position))
            overlap = max((dot(c.vector, p.vector) for p in picked), default=0.0)
            return (1 - redundancy) * relevance - redundancy * overlap

        best = max(candidates, key=gain)
        picked.append(best)
        candidates.remove(best)
    return [SummarySentence(c.text, c.articles) for c in picked]


def _ended(sentence: str) -> bool:
    """Whether a sentence ends as one does: on a final point (a bracket may close after it) or on
    a closing quote."""
    text = sentence.rstrip()
    return text.endswith(("»", "”", '"')) or text.rstrip(")").endswith((".", "!", "?", "…"))


@dataclass(frozen=True)
class _Gathered:
    """The candidates of a story's first articles, as `_candidates` left them."""

    articles: tuple[tuple[str, tuple[str, ...]], ...]  # (id, paragraph texts) of each, in order
    same_sentence: float
    candidates: tuple[_Candidate, ...]


def _candidates(
    articles: list[Article], same_sentence: float, kept_by_story: Bounded[str, _Gathered] | None
) -> list[_Candidate]:
    """The lead sentences of the first articles, those told alike merged: the same, sentence for
    sentence, as gathering them all again, resumed after the articles already gathered."""
    articles = articles[:_ARTICLES]
    if not articles:
        return []
    keys = tuple((a.id, tuple(p.text for p in a.paragraphs)) for a in articles)
    kept = kept_by_story.take(articles[0].id) if kept_by_story is not None else None
    found: list[_Candidate] = []
    done = 0
    if kept and kept.same_sentence == same_sentence and keys[: len(kept.articles)] == kept.articles:
        found = list(kept.candidates)  # taken out of the cache, so ours to change
        done = len(kept.articles)
    _gather(found, articles[done:], same_sentence)
    if kept_by_story is not None:
        kept_by_story.put(articles[0].id, _Gathered(keys, same_sentence, tuple(_copy(c) for c in found)))
    return found


def _copy(candidate: _Candidate) -> _Candidate:
    """A candidate whose list of articles can grow apart (its vector is replaced, never changed)."""
    return _Candidate(candidate.text, list(candidate.articles), candidate.vector, candidate.position)


def _gather(found: list[_Candidate], articles: list[Article], same_sentence: float) -> None:
    for article in articles:
        lead = [s for p in article.paragraphs for s in sentences(p.text)][:_LEAD_SENTENCES]
        for position, sentence in enumerate(lead):
            if not _MIN_WORDS <= len(sentence.split()) <= _MAX_WORDS:
                continue
            # The first earlier candidate close enough (rapidfuzz's loop: a story has hundreds).
            match = next(
                process.extract_iter(
                    sentence, [c.text for c in found], scorer=fuzz.token_set_ratio, score_cutoff=same_sentence
                ),
                None,
            )
            if match is not None:
                same = found[match[2]]
                if article.id not in same.articles:
                    same.articles.append(article.id)
                continue
            words = Counter(w for w in fold(sentence).split() if len(w) > 3)
            found.append(_Candidate(sentence, [article.id], dict(words), position))
