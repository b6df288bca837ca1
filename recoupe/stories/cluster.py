"""Batch clustering: the articles of one call grouped as a whole, at near-linear cost.

1. Blocking: each article's rarest words and names (its `blocking_keys` heaviest TF-IDF entries)
   make a short vector; a sparse product gives each article its `candidate_neighbours` nearest
   others, and its `cross_language_neighbours` nearest in other languages by cognates. Dated
   pairs further apart than the story window are never candidates.
2. The pair scorer (`pairs`) gives each candidate pair a probability of one event.
3. Components: articles linked by a pair at or above `story_join_probability` (the members of a
   stored story are linked too). Average link cannot join two groups unless some pair between
   them reaches the threshold, so components are where clustering can happen; every pair inside
   a component is then scored, not only the candidates.
4. Communities: a large component is cut into the Louvain communities of the graph that links
   each article to its nearest partners (`_communities`): two events of one kind stay apart.
5. Average link inside each community, merging while the mean probability between two groups
   reaches the threshold and their date ranges are within the story window of each other.
6. Refinement: each new article moves to the group whose mean probability beats its own group's,
   then groups merge again; `story_refine_rounds` times.
7. Fragments: a group of one or two new articles joins the group it fits best when their mean
   probability reaches a lower bar, or the threshold for headlines alone (`_join_fragments`).

Stored articles (the store's open stories) start in their stories: they never move and two
stored stories never merge; new articles and groups of new articles may join them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from recoupe.settings import Settings
from recoupe.stories.pairs import PairScorer, Pile, pair_probability

if TYPE_CHECKING:
    from recoupe.kept import RunCache


def candidate_pairs(pile: Pile, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (left < right) of each article with its nearest others by rare words and names."""
    n = len(pile.features)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    blocking = _heaviest(sparse.hstack([pile.words, pile.names]).tocsr(), settings.blocking_keys)
    lefts, rights = _nearest(blocking, settings.candidate_neighbours, settings.candidate_min_cosine)
    # A report in another language shares few of an article's words and names, so its nearest
    # others are all in its own language: its nearest in other languages are found apart, by
    # cognates (words cut to their first letters).
    languages = np.array([language or "" for language in pile.languages])
    if settings.cross_language_neighbours and len(set(languages) - {""}) > 1:
        cognates = _heaviest(pile.cognates, settings.cross_language_blocking_keys)
        more_lefts, more_rights = _nearest(
            cognates, settings.cross_language_neighbours, settings.candidate_min_cosine, languages
        )
        lefts, rights = lefts + more_lefts, rights + more_rights
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique(np.stack([np.concatenate(lefts), np.concatenate(rights)], axis=1), axis=0)
    apart = np.abs(pile.day[pairs[:, 0]] - pile.day[pairs[:, 1]]) > settings.story_window_days
    pairs = pairs[~apart]
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def _nearest(
    vectors: sparse.csr_matrix, neighbours: int, min_cosine: float, languages: np.ndarray | None = None
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each row's `neighbours` nearest other rows from `min_cosine` on, as (left < right) pairs,
    a chunk of rows at a time; with `languages`, only rows of another known language."""
    transposed = vectors.T.tocsc()
    lefts, rights = [], []
    for start in range(0, vectors.shape[0], 1024):
        block = (vectors[start : start + 1024] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            row = start + offset
            cols = block.indices[block.indptr[offset] : block.indptr[offset + 1]]
            values = block.data[block.indptr[offset] : block.indptr[offset + 1]]
            keep = (cols != row) & (values >= min_cosine)
            if languages is not None:
                if not languages[row]:
                    continue
                keep &= (languages[cols] != languages[row]) & (languages[cols] != "")
            cols, values = cols[keep], values[keep]
            if len(cols) > neighbours:
                cols = cols[np.argpartition(-values, neighbours)[:neighbours]]
            lefts.append(np.minimum(cols, row))
            rights.append(np.maximum(cols, row))
    return lefts, rights


def _heaviest(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Each row's `keep` largest entries, the row normalised again."""
    rows, cols, values = [], [], []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        data, indices = matrix.data[start:end], matrix.indices[start:end]
        if len(data) > keep:
            top = np.argpartition(-data, keep)[:keep]
            data, indices = data[top], indices[top]
        norm = float(np.linalg.norm(data)) or 1.0
        rows.append(np.full(len(data), row))
        cols.append(indices)
        values.append(data / norm)
    return sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=matrix.shape
    )


def cluster_pile(
    pile: Pile,
    stored_story: dict[int, int],
    settings: Settings,
    cache: RunCache | None = None,
    scorer: PairScorer | None = None,
) -> np.ndarray:
    """A group label for each article of the pile. `stored_story` maps the index of each stored
    article to its stored story's index; a group holding stored articles has that story's index
    as label, other groups have labels from max(stored) + 1 on. `scorer`: the shipped one unless
    given (bench/train_pair_scorer.py scores sets held out of its training)."""
    n = len(pile.features)
    threshold = settings.story_join_probability
    left, right = candidate_pairs(pile, settings)
    # Two stored articles are never scored: the store has decided them (one story, or two stories
    # that never merge), and a store that grows over days would score its open stories again at
    # every ingest (a 20-article ingest into 100,000 stored articles: most of its 213 s).
    new = np.ones(n, dtype=bool)
    new[list(stored_story)] = False
    unsettled = new[left] | new[right]
    left, right = left[unsettled], right[unsettled]
    probability = pair_probability(pile, left, right, settings, cache, scorer)
    strong = probability >= threshold
    links_left, links_right = list(left[strong]), list(right[strong])
    first_of_story: dict[int, int] = {}
    for index, story in stored_story.items():
        first = first_of_story.setdefault(story, index)
        links_left.append(first)
        links_right.append(index)
    labels = np.full(n, -1, dtype=np.int64)
    next_label = max(stored_story.values(), default=-1) + 1
    components = _components(n, np.array(links_left, dtype=np.int64), np.array(links_right, dtype=np.int64),
                             probability[strong], len(stored_story), settings)
    # Each member's stored story (-1 for a new article), component by component.
    stories_of = [np.array([stored_story.get(int(i), -1) for i in members]) for members in components]
    similarities = _similarities(pile, components, stories_of, settings, cache, scorer)
    for members, story_of, similarity in zip(components, stories_of, similarities, strict=True):
        groups = _cluster_component(pile, members, story_of, similarity, settings)
        for group in groups:
            stored = {stored_story[i] for i in group if i in stored_story}
            if stored:
                label = stored.pop()
            else:
                label, next_label = next_label, next_label + 1
            labels[group] = label
    _join_fragments(pile, labels, new, left, right, probability, settings, cache, scorer)
    return labels


def _join_fragments(
    pile: Pile,
    labels: np.ndarray,
    new: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    settings: Settings,
    cache: RunCache | None,
    scorer: PairScorer | None,
) -> None:
    """A group of at most `story_fragment_size` new articles joins the group it fits best, when the
    mean probability between them reaches `story_fragment_join_probability` (the join threshold
    when either side is headlines alone) and their dates are within the story window. Average
    link leaves a report alone when no single pair with its story reaches the join threshold (a
    report written in other words), though its mean with the whole story is well above chance; a
    headline, when the pair that would have joined it lies in another component or community.
    Changes `labels` in place."""
    size = np.bincount(labels)
    holds_stored = np.bincount(labels, weights=(~new).astype(float), minlength=len(size)) > 0
    fragment = (size <= settings.story_fragment_size) & ~holds_stored
    # Headlines are held to the join threshold, as a fragment and as the group a fragment joins:
    # their few chosen words already make the scorer surer than it should be
    # (`headline_pair_log_odds`). A report joining a group of headlines at the lower bar was most
    # of the articles bench/throughput.py --real found in a story of another data set (an
    # undated TimeBank report of 1999 in a 2019 headline group sharing "Parlement").
    with_body = np.bincount(labels, weights=(~pile.headline_only).astype(float), minlength=len(size)) > 0
    near = probability >= min(settings.story_fragment_join_probability, settings.story_join_probability)
    targets: dict[int, set[int]] = {}
    for a, b in zip(labels[left[near]], labels[right[near]], strict=True):
        if a != b:
            if fragment[a]:
                targets.setdefault(int(a), set()).add(int(b))
            if fragment[b]:
                targets.setdefault(int(b), set()).add(int(a))
    if not targets:
        return
    members = {g: np.flatnonzero(labels == g) for g in set(targets) | set().union(*targets.values())}
    couples = [(g, h) for g in sorted(targets) for h in sorted(targets[g])]
    sides = [np.meshgrid(members[g], members[h], indexing="ij") for g, h in couples]
    pair_left = np.concatenate([side[0].ravel() for side in sides])
    pair_right = np.concatenate([side[1].ravel() for side in sides])
    scores = pair_probability(pile, pair_left, pair_right, settings, cache, scorer)
    bounds = np.cumsum([0, *(side[0].size for side in sides)])
    mean = {couple: float(scores[bounds[i] : bounds[i + 1]].mean()) for i, couple in enumerate(couples)}
    window = settings.story_window_days
    received: set[int] = set()
    for g in sorted(targets, key=lambda g: (size[g], g)):
        if g in received:  # a fragment that others joined stays where it is
            continue
        ranked = sorted(targets[g], key=lambda h: (-mean[(g, h)], h))
        for h in ranked:
            bar = (
                settings.story_fragment_join_probability
                if with_body[g] and with_body[h]
                else settings.story_join_probability
            )
            if mean[(g, h)] < bar:
                break
            target = labels[members[h][0]]  # where h's articles are now
            if target == g:
                continue
            days, own = pile.day[labels == target], pile.day[members[g]]
            if (~np.isnan(days)).any() and (~np.isnan(own)).any() and (
                np.nanmin(own) < np.nanmin(days) - window or np.nanmax(own) > np.nanmax(days) + window
            ):
                continue
            labels[members[g]] = target
            received.add(int(target))
            break


def _components(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    stored_links: int,
    settings: Settings,
) -> list[np.ndarray]:
    """Connected components of the strong links; one larger than `story_component_limit` is cut
    again with stronger links only (the strongest pairs of a giant chain are its stories)."""
    graph = sparse.coo_matrix((np.ones(len(left)), (left, right)), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    components = []
    # The last `stored_links` links keep stored stories whole: they are never cut.
    scored = np.concatenate([probability, np.full(stored_links, 2.0)])
    for c in range(count):
        members = order[bounds[c] : bounds[c + 1]]
        if len(members) <= settings.story_component_limit:
            components.append(members)
            continue
        inside = np.isin(left, members)
        pair_scores = scored[inside][scored[inside] <= 1.0]
        cut = scored[inside] > np.median(pair_scores) if len(pair_scores) else scored[inside] > 1.0
        if cut.all() or not cut.any():  # nothing left to cut at: average link takes it whole
            components.append(members)
            continue
        pieces = _components(n, left[inside][cut], right[inside][cut], scored[inside][cut], 0, settings)
        components += [p for p in pieces if len(p) > 1 or p[0] in members]
    return components


def _similarities(
    pile: Pile,
    components: list[np.ndarray],
    stories_of: list[np.ndarray],
    settings: Settings,
    cache: RunCache | None,
    scorer: PairScorer | None,
) -> list[np.ndarray]:
    """The probability of every pair inside each component, all components scored at once (one
    call per component cost more in indexing the pile's matrices than in scoring)."""
    shapes, lefts, rights = [], [], []
    for members, story_of in zip(components, stories_of, strict=True):
        upper_left, upper_right = np.triu_indices(len(members), k=1)
        # Two stored articles: certain, as the store decided (1 in one story, 0 in two), not scored.
        settled = (story_of[upper_left] >= 0) & (story_of[upper_right] >= 0)
        values = (story_of[upper_left] == story_of[upper_right]).astype(float)
        shapes.append((upper_left, upper_right, values, ~settled))
        lefts.append(members[upper_left[~settled]])
        rights.append(members[upper_right[~settled]])
    empty = np.zeros(0, dtype=np.int64)
    left = np.concatenate(lefts) if lefts else empty
    right = np.concatenate(rights) if rights else empty
    probability = pair_probability(pile, left, right, settings, cache, scorer)
    similarities, start = [], 0
    for members, (upper_left, upper_right, values, scored) in zip(components, shapes, strict=True):
        count = int(scored.sum())
        values[scored] = probability[start : start + count]
        start += count
        similarity = np.zeros((len(members), len(members)))
        similarity[upper_left, upper_right] = values
        similarity[upper_right, upper_left] = values
        similarities.append(similarity)
    return similarities


def _cluster_component(
    pile: Pile,
    members: np.ndarray,
    story_of: np.ndarray,
    similarity: np.ndarray,
    settings: Settings,
) -> list[np.ndarray]:
    if len(members) == 1:
        return [members]
    groups = []
    for part in _communities(similarity, story_of, settings):
        inside = similarity[np.ix_(part, part)]
        stored = story_of[part] >= 0
        # A stored story starts whole; new articles start alone.
        label = np.where(stored, -1 - story_of[part], np.arange(len(part)))
        day = pile.day[members[part]]
        label = _average_link(inside, label, stored, day, settings)
        for _ in range(settings.story_refine_rounds):
            moved = _move_members(inside, label, stored, day, settings)
            label = _average_link(inside, label, stored, day, settings)
            if not moved:
                break
        groups += [members[part[label == value]] for value in np.unique(label)]
    return groups


def _communities(similarity: np.ndarray, story_of: np.ndarray, settings: Settings) -> list[np.ndarray]:
    """The dense parts of a component: Louvain communities of the graph that links each article
    to its `story_community_neighbours` most probable partners (at the join threshold or above).
    Two events of one kind (two earthquakes, two trials) share enough words for the mean
    probability between them to reach the threshold, so average link alone merges them; but an
    article's nearest partners are nearly always reports of its own event (ecbplus-dev: 99%).
    Average link then runs inside each community. A stored story stays in one community (the
    one holding most of its articles)."""
    m = len(similarity)
    if m < settings.story_community_min_size:
        return [np.arange(m)]
    graph = nx.Graph()
    graph.add_nodes_from(range(m))
    k = settings.story_community_neighbours
    for i in range(m):
        for j in np.argsort(-similarity[i], kind="stable")[:k]:
            if j != i and similarity[i, j] >= settings.story_join_probability:
                graph.add_edge(i, int(j), weight=float(similarity[i, j]))
    found = nx.community.louvain_communities(
        graph, weight="weight", resolution=settings.story_community_resolution, seed=0
    )
    community = np.zeros(m, dtype=np.int64)
    for index, nodes in enumerate(found):
        community[list(nodes)] = index
    community = _unite_entangled(graph, community, settings.story_community_min_cut)
    for story in np.unique(story_of[story_of >= 0]):
        held = story_of == story
        community[held] = np.bincount(community[held]).argmax()
    return [np.flatnonzero(community == c) for c in np.unique(community)]


def _unite_entangled(graph: nx.Graph, community: np.ndarray, min_cut: float) -> np.ndarray:
    """Communities whose links to each other weigh at least `min_cut` of the smaller one's links
    become one again. Louvain also halves a single story (its partners are drawn from all of it:
    half of a half's links cross, 6-59% on the dev sets' stories), while two events of one kind
    are nearly apart (1-8%)."""
    count = int(community.max()) + 1
    volume = np.zeros(count)
    between = np.zeros((count, count))
    for u, v, weight in graph.edges(data="weight"):
        a, b = community[u], community[v]
        volume[a] += weight
        volume[b] += weight
        if a != b:
            between[a, b] += weight
            between[b, a] += weight
    smaller = np.minimum.outer(volume, volume)
    with np.errstate(all="ignore"):
        entangled = np.where(smaller > 0, between / smaller, 0.0) >= min_cut
    _, united = connected_components(sparse.csr_matrix(entangled), directed=False)
    return united[community]


def _average_link(
    similarity: np.ndarray, label: np.ndarray, stored: np.ndarray, day: np.ndarray, settings: Settings
) -> np.ndarray:
    """Merge groups (given by `label`) while their mean pair probability reaches the threshold."""
    values, group = np.unique(label, return_inverse=True)
    k = len(values)
    membership = np.zeros((len(label), k))
    membership[np.arange(len(label)), group] = 1.0
    total = membership.T @ similarity @ membership
    size = membership.sum(axis=0)
    locked = (membership.T @ stored.astype(float)) > 0
    with np.errstate(all="ignore"):
        first = np.array([np.nanmin(day[group == g]) if (~np.isnan(day[group == g])).any() else np.nan
                          for g in range(k)])
        last = np.array([np.nanmax(day[group == g]) if (~np.isnan(day[group == g])).any() else np.nan
                         for g in range(k)])
    alive = np.ones(k, dtype=bool)
    window = settings.story_window_days

    def scores(g: int) -> np.ndarray:
        mean = total[g] / (size[g] * size)
        gap = np.maximum(first - last[g], first[g] - last)
        forbidden = ~alive | (gap > window) | (locked & locked[g])
        forbidden[g] = True
        return np.where(forbidden, -1.0, mean)

    mean = np.stack([scores(g) for g in range(k)]) if k else np.zeros((0, 0))
    while k > 1:
        flat = int(np.argmax(mean))
        a, b = divmod(flat, k)
        if mean[a, b] < settings.story_join_probability:
            break
        total[a] += total[b]
        total[:, a] += total[:, b]
        size[a] += size[b]
        locked[a] |= locked[b]
        first[a] = np.nanmin([first[a], first[b]]) if not np.isnan([first[a], first[b]]).all() else np.nan
        last[a] = np.nanmax([last[a], last[b]]) if not np.isnan([last[a], last[b]]).all() else np.nan
        alive[b] = False
        group[group == b] = a
        mean[b, :] = mean[:, b] = -1.0
        mean[a] = scores(a)
        mean[:, a] = mean[a]
    return group


def _move_members(
    similarity: np.ndarray, group: np.ndarray, stored: np.ndarray, day: np.ndarray, settings: Settings
) -> bool:
    """Each new article goes to the group it fits best on mean probability (its own group counted
    without it); a move needs the threshold and the story window. Returns whether any moved."""
    moved = False
    window = settings.story_window_days
    for position in np.flatnonzero(~stored):
        own = group[position]
        labels = np.unique(group)
        sums = np.array([similarity[position, group == g].sum() for g in labels])
        sizes = np.array([(group == g).sum() for g in labels], dtype=float)
        sizes[labels == own] -= 1
        with np.errstate(all="ignore"):
            mean = np.where(sizes > 0, sums / sizes, 0.0)
        own_mean = float(mean[labels == own][0])
        for g in labels[np.argsort(-mean, kind="stable")]:
            candidate = float(mean[labels == g][0])
            if g == own or candidate <= own_mean or candidate < settings.story_join_probability:
                break
            days = day[group == g]
            if np.isnan(day[position]) or np.isnan(days).all() or (
                np.nanmin(days) - window <= day[position] <= np.nanmax(days) + window
            ):
                group[position] = g
                moved = True
                break
    return moved
