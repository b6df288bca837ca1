"""Copies: scraped republications (MinHash LSH over word shingles) and machine translations
(sentence-by-sentence multilingual embeddings, backed by shared names and figures).

A copy is one witness, not two: `copy_of` names the original, the earliest article of the
group, else the most complete one.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash, MinHashLSH

from recoupe.clean.sentences import sentences
from recoupe.model import Article
from recoupe.settings import Settings
from recoupe.stories.embeddings import embed_passages
from recoupe.stories.features import EventFeatures
from recoupe.stories.names import fold

if TYPE_CHECKING:
    from recoupe.kept import RunCache

_SHINGLE_WORDS = 5
_NUM_PERM = 64  # enough for a 0.6 containment decision; halves the hashing of 128


@dataclass(frozen=True)
class CopyLink:
    copy: str
    original: str
    kind: str  # "near-copy" | "translated-copy"


def _crc32(data: bytes) -> int:
    # CRC-32 is computed in C and is stable across runs; datasketch's default SHA-1 is the
    # slowest part of signing (bench/clustering.py --scale).
    return zlib.crc32(data)


def _shingles_of(text: str) -> set[bytes]:
    words = fold(text).split()
    if len(words) < _SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + _SHINGLE_WORDS]).encode() for i in range(len(words) - _SHINGLE_WORDS + 1)}


@cache
def _first_signature() -> MinHash:
    """An empty signature whose permutations (datasketch's, for its default seed) the others reuse:
    drawing them costs more than signing an article."""
    return MinHash(num_perm=_NUM_PERM, hashfunc=_crc32)


def _signature(text: str, cache: RunCache | None) -> tuple[MinHash | None, int]:
    """The MinHash of a text's shingles and their number (None for an empty text), kept in the
    run's cache: stored members of open stories are compared again by each ingest call."""
    found = cache.signatures.get(text) if cache is not None else None
    if found is not None:
        return found
    shingles = _shingles_of(text)
    signature = None
    if shingles:
        first = _first_signature()
        signature = MinHash(_NUM_PERM, hashfunc=_crc32, permutations=first.permutations, scheme=first.scheme)
        signature.update_batch(list(shingles))
    found = (signature, len(shingles))
    if cache is not None:
        cache.signatures.put(text, found)
    return found


def _original_first(article: Article) -> tuple[bool, str, int, str]:
    """Sort key: earliest dated first, then the most complete, then by id. A date estimated from
    the text (often the year alone, as a scrape's "© 2024" gives) ranks after given dates."""
    given = article.published if article.published_basis != "text" else None
    return (given is None, given or "", -len(article.text), article.id)


def find_near_copies(
    articles: list[Article],
    settings: Settings,
    stored: list[Article] | None = None,
    cache: RunCache | None = None,
) -> list[CopyLink]:
    """Groups of articles whose texts are copies or light rewrites of one another.

    `stored` articles (already kept, already linked) can be originals of the new ones, never copies.
    """
    stored = stored or []
    lsh = MinHashLSH(threshold=settings.copy_lsh_threshold, num_perm=_NUM_PERM)
    signatures: dict[str, tuple[MinHash, int]] = {}
    everything = stored + articles
    parent = {a.id: a.id for a in everything}
    by_id = {a.id: a for a in everything}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for article in everything:
        signature, size = _signature(article.text, cache)
        if signature is None:
            continue
        for other in lsh.query(signature):
            other_signature, other_size = signatures[other]
            if not _close_in_time(article, by_id[other], settings.story_window_days):
                continue
            if _containment(signature.jaccard(other_signature), size, other_size) >= (
                settings.copy_containment
            ):
                parent[root(article.id)] = root(other)
        lsh.insert(article.id, signature)
        signatures[article.id] = (signature, size)
    return _links_from_groups(everything, root, "near-copy", {a.id for a in stored})


def _close_in_time(a: Article, b: Article, days: int) -> bool:
    """A text republished months later is a new report of a recurring story, not a copy that
    should fold into the old story: copies are looked for within the story window."""
    if not a.published or not b.published or len(a.published) < 10 or len(b.published) < 10:
        return True
    return abs((date.fromisoformat(a.published[:10]) - date.fromisoformat(b.published[:10])).days) <= days


def _containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller text found in the larger, from the Jaccard estimate and the sizes."""
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return shared / max(1, min(size_a, size_b))


def _links_from_groups(
    articles: list[Article], root: Callable[[str], str], kind: str, stored: set[str]
) -> list[CopyLink]:
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(root(article.id), []).append(article)
    links = []
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = sorted((a for a in members if a.id in stored), key=_original_first)
        if kept:
            # Stored articles keep their links: the new ones copy the group's stored original.
            anchor = kept[0]
            original = anchor.copy_of if anchor.copy_of and kind in anchor.flags else anchor.id
            links += [CopyLink(a.id, original, kind) for a in members if a.id not in stored]
            continue
        original_article, *copies = sorted(members, key=_original_first)
        links += [CopyLink(copy.id, original_article.id, kind) for copy in copies]
    return links


def find_translated_copies(
    groups: list[list[Article]],
    features: dict[str, EventFeatures],
    settings: Settings,
    new: set[str] | None = None,
    cache: RunCache | None = None,
) -> list[CopyLink]:
    """Pairs of one story (a group) in different languages where one is a translation of the
    other; only articles in `new` (all when None) can be found to be copies: stored ones keep
    their links. The sentences of every pair worth aligning are embedded first, in one call that
    the run's processes share."""
    pairs = [list(_pairs_to_align(group, features, settings, new)) for group in groups]
    pairs = _leads_alike(pairs, features, settings, cache)
    if cache is not None:
        sentences_needed = [
            s for group in pairs for pair in group for article in pair for s in _sentences(article)
        ]
        if len(set(sentences_needed)) <= cache.embeddings.limit // 2:  # all still kept when read
            embed_passages(sentences_needed, cache.embeddings, cache.spread)
    links: list[CopyLink] = []
    for group in pairs:
        taken: set[str] = set()
        for original, candidate in group:
            if candidate.id in taken:
                continue
            if _aligned_share(original, candidate, settings, cache) >= settings.translation_aligned_share:
                links.append(CopyLink(candidate.id, original.id, "translated-copy"))
                taken.add(candidate.id)
    return links


def _pairs_to_align(
    articles: list[Article], features: dict[str, EventFeatures], settings: Settings, new: set[str] | None
) -> Iterator[tuple[Article, Article]]:
    """(earlier article, later one) pairs in two languages sharing the names and figures that a
    translation keeps, the later one new. Both must have `cross_language_min_words` words: the
    language of a headline is a guess (a French headline read as Italian), and two headlines of one
    topic in one language align as if translated: in bench/throughput.py's real corpus, 117 of the
    131 translated copies found were gnews-fr-dev headlines on different news; the 14 left are
    SemEval's translations)."""
    trusted = [a for a in articles if features[a.id].trusted_language(settings.cross_language_min_words)]
    ordered = sorted(trusted, key=_original_first)
    for i, original in enumerate(ordered):
        for candidate in ordered[i + 1 :]:
            if candidate.language == original.language:
                continue
            if new is not None and candidate.id not in new:
                continue
            if _shares_facts(features[original.id], features[candidate.id], settings):
                yield original, candidate


def _leads_alike(
    pairs: list[list[tuple[Article, Article]]],
    features: dict[str, EventFeatures],
    settings: Settings,
    cache: RunCache | None,
) -> list[list[tuple[Article, Article]]]:
    """The pairs whose leads (title and first sentence or two, `EventFeatures.lead`) are close
    enough for a translation: two leads cost less to embed than every sentence of two articles,
    and story assignment has often embedded them already."""
    articles = {a.id: a for group in pairs for pair in group for a in pair}
    if not articles:
        return pairs
    ids = list(articles)
    leads = [features[i].lead for i in ids]
    vectors = embed_passages(leads, cache.embeddings, cache.spread) if cache else embed_passages(leads)
    row = {article_id: index for index, article_id in enumerate(ids)}
    return [
        [(a, b) for a, b in group
         if float(vectors[row[a.id]] @ vectors[row[b.id]]) >= settings.translation_lead_cosine]
        for group in pairs
    ]


def _shares_facts(a: EventFeatures, b: EventFeatures, settings: Settings) -> bool:
    """A translation keeps the names and the figures: a cheap test before embeddings."""
    names_a, names_b = set(a.names), set(b.names)
    if not names_a or not names_b:
        return False
    overlap = len(names_a & names_b) / min(len(names_a), len(names_b))
    numbers_ok = not (a.numbers or b.numbers) or bool(a.numbers & b.numbers)
    return overlap >= settings.translation_name_overlap and numbers_ok


def _aligned_share(a: Article, b: Article, settings: Settings, cache: RunCache | None) -> float:
    """Share of the shorter article's sentences that have a translation in the other."""
    sentences_a, sentences_b = _sentences(a), _sentences(b)
    if not sentences_a or not sentences_b:
        return 0.0
    if len(sentences_a) > len(sentences_b):
        sentences_a, sentences_b = sentences_b, sentences_a
    both = sentences_a + sentences_b
    vectors = embed_passages(both, cache.embeddings, cache.spread) if cache else embed_passages(both)
    cosines = vectors[: len(sentences_a)] @ vectors[len(sentences_a) :].T
    return float(np.mean(cosines.max(axis=1) >= settings.translation_sentence_cosine))


def _sentences(article: Article) -> list[str]:
    return [s for p in article.paragraphs for s in sentences(p.text) if len(s.split()) >= 4]
