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
    articles: list[Article], size: int, redundancy: float, same_sentence: float
) -> list[SummarySentence]:
    """Up to `size` sentences; `redundancy` (0–1) weighs novelty against centrality; sentences
    whose token-set similarity reaches `same_sentence` (0–100) are one told by several articles."""
    candidates = _candidates([a for a in articles if not a.copy_of] or articles, same_sentence)
    if not candidates:
        return []
    frequency = Counter(t for c in candidates for t in c.vector)
    for c in candidates:
        c.vector = normalised(
            {t: w * math.log(1 + len(candidates) / frequency[t]) for t, w in c.vector.items()}
        )
    centroid = normalised(Counter({t: w for c in candidates for t, w in c.vector.items()}))
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


def _candidates(articles: list[Article], same_sentence: float) -> list[_Candidate]:
    found: list[_Candidate] = []
    for article in articles[:_ARTICLES]:
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
    return found
