"""Story clustering: quality on the dev sets of ../shared/data/clustering, and speed.

Quality, for rpm2-dev (French, 20 stories = 10 topics x 2 periods, undated), rpm2-dev-dated
(the same with publication dates), ecbplus-dev (English, two events of one kind per topic) and
gnews-fr-dev (French headlines only), each beside the baseline of the same run (sublinear TF-IDF
over title + text, cosine, average link at distance 0.85):
  - held out: the pair scorer trained on the other sets (bench/train_pair_scorer.py; rpm2-dev and
    rpm2-dev-dated are held out together), clustering the set in-process: the figure that says
    how recoupe does on a kind of text it was not fitted to;
  - shipped: ../shared/tools/score_clusters.py with .venv/bin/recoupe (whose scorer was trained
    on every set, this one included).
With --pairs, also the SemEval-2022 pairs (score_pairs.py, and held out).

Speed: --scale N builds N articles from the dev sets (each gold story replayed month after
month, each new report drawing paragraphs from all of the story's reports, seeded) and times
`assign_stories` on the already cleaned articles; --real times it on every dev article as read
(undated, as score_clusters gives them). Both print articles/s and the peak memory it allocated.

Separability: --separability measures how far the words and names story assignment compares can
tell the stories of one gold topic apart, even knowing the answers (each article goes to the
nearer of its topic's gold stories, centred on the topic's mean): a ceiling for these signals.

usage: .venv/bin/python bench/clustering.py [--pairs] [--scale 10000] [--real] [--separability]
       [--no-quality]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from train_pair_scorer import bcubed

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "clustering"
RECOUPE = ROOT / ".venv" / "bin" / "recoupe"


def baseline(path: Path) -> str:
    """Sublinear TF-IDF cosine over title + text, average-link agglomerative clustering at distance
    0.85 (the reference baseline of ../shared/data/README.md: 0.645 rpm2-dev, 0.832 ecbplus-dev)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [(r.get("title") or "") + "\n" + (r.get("text") or "") for r in rows]
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.85
    ).fit_predict(vectors.toarray())
    gold = {str(r["id"]): str(r["story"]) for r in rows}
    pred = {str(r["id"]): str(label) for r, label in zip(rows, labels, strict=True)}
    p, r, f = bcubed(gold, pred)
    return f"baseline {path.name}: found {len(set(labels))} | BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}"


SETS = ("rpm2-dev.jsonl", "rpm2-dev-dated.jsonl", "ecbplus-dev.jsonl", "gnews-fr-dev.jsonl")


def quality(with_pairs: bool) -> None:
    held_out = held_out_figures()
    for name in SETS:
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score_clusters.py"), str(RECOUPE), str(DATA / name)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        last = out.splitlines()[-1] if out else "(no output)"
        print(f"held out {name}: BCubed F1 {held_out[name.removesuffix('.jsonl')]}")
        print(f"shipped  {last}  [{time.perf_counter() - started:.0f} s]")
        print(f"         {baseline(DATA / name)}", flush=True)
    if with_pairs:
        out = subprocess.run(
            [
                sys.executable,
                str(SHARED / "tools" / "score_pairs.py"),
                str(RECOUPE),
                str(DATA / "semeval-dev"),
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        print(f"held out semeval-dev pairs: {held_out['semeval-dev']}")
        print(f"shipped  {out.splitlines()[-1] if out else '(no output)'}")


def held_out_figures() -> dict[str, str]:
    """Each set clustered with a pair scorer trained on the other sets."""
    from train_pair_scorer import GROUP, TRAINED_ON, evaluate, fit, read_set, training_pairs

    from recoupe.kept import RunCache
    from recoupe.settings import Settings

    settings = Settings()
    cache = RunCache.for_settings(replace(settings, kept_embeddings=100_000))  # embeddings kept across sets
    scored = [n.removesuffix(".jsonl") for n in SETS] + ["semeval-dev"]
    devs = {name: read_set(name) for name in dict.fromkeys([*scored, *TRAINED_ON])}
    pairs = {name: training_pairs(dev, settings, cache) for name, dev in devs.items()}
    figures = {}
    for name in scored:
        scorer = fit([pairs[o] for o in TRAINED_ON if GROUP[o] != GROUP[name]])
        figures[name] = evaluate(devs[name], scorer, settings, cache)
    return figures


def cleaned_dev_articles(names: tuple[str, ...]) -> tuple[list[dict], list]:
    """The gold rows of these dev sets, and their articles read and cleaned as recoupe does."""
    from recoupe.clean import clean_article
    from recoupe.ingest.jsonl import read_jsonl_articles
    from recoupe.model import Skipped
    from recoupe.settings import Settings

    rows = []
    for name in names:
        rows += [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]
    text = "\n".join(json.dumps({k: r[k] for k in ("id", "title", "text") if k in r}) for r in rows)
    settings = Settings()
    articles = [a for a in read_jsonl_articles(text, "dev", "dev") if not isinstance(a, Skipped)]
    return rows, [clean_article(a, settings) for a in articles]


def _event_vectors(articles: list) -> np.ndarray:
    """Each article's words and names as story assignment weighs them (the pile's `text`
    vectors: rarity-weighted TF-IDF, each half of unit length), unit length."""
    from recoupe.settings import Settings
    from recoupe.stories.features import event_features
    from recoupe.stories.pairs import build_pile

    pile = build_pile([event_features(a) for a in articles], Settings())
    vectors = pile.text.toarray()
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)


def _nearest_gold_story(block: np.ndarray, labels: list[str], i: int) -> str:
    """The gold story whose other articles' centroid is nearest to article i."""
    scores = {}
    for candidate in set(labels):
        others = [j for j, label in enumerate(labels) if label == candidate and j != i]
        if others:
            centroid = block[others].sum(axis=0)
            scores[candidate] = float(block[i] @ centroid) / (float(np.linalg.norm(centroid)) or 1.0)
    return max(scores, key=scores.__getitem__) if scores else labels[i]


def separability() -> None:
    for name in ("rpm2-dev.jsonl", "ecbplus-dev.jsonl"):
        rows, articles = cleaned_dev_articles((name,))
        story = {str(r["id"]): str(r["story"]) for r in rows}
        topic = {str(r["id"]): str(r["topic"]) for r in rows}
        vectors = _event_vectors(articles)
        by_topic: dict[str, list[int]] = defaultdict(list)
        for row, article in enumerate(articles):
            by_topic[topic[article.id]].append(row)
        predicted, right, same, other = {}, 0, [], []
        for topic_rows in by_topic.values():
            # Centred on the topic: what its stories share says nothing about which is which.
            block = vectors[topic_rows] - vectors[topic_rows].mean(axis=0)
            block /= np.linalg.norm(block, axis=1, keepdims=True) + 1e-12
            ids = [articles[row].id for row in topic_rows]
            labels = [story[article_id] for article_id in ids]
            cosines = block @ block.T
            for i, article_id in enumerate(ids):
                guess = _nearest_gold_story(block, labels, i)
                predicted[article_id] = f"{topic[article_id]}/{guess}"
                right += guess == labels[i]
                for j in range(i + 1, len(ids)):
                    (same if labels[j] == labels[i] else other).append(cosines[i, j])
        _, _, f1 = bcubed(story, predicted)
        pos, neg = np.array(same)[:, None], np.array(other)[None, :]
        auc = float((pos > neg).mean() + 0.5 * (pos == neg).mean())
        print(
            f"separability {name}: {len(by_topic)} topics | nearest gold story {right / len(articles):.3f} "
            f"of articles | BCubed F1 with topics given {f1:.3f} | within-topic pair AUC {auc:.3f}"
        )


def scaled_articles(n: int, seed: int = 7) -> tuple[list, dict[str, str]]:
    """N cleaned articles: the dev stories replayed month after month, reports remixed."""
    from recoupe.model import Paragraph

    rng = random.Random(seed)
    rows, cleaned = cleaned_dev_articles(("rpm2-dev.jsonl", "ecbplus-dev.jsonl"))
    story_of = {str(r["id"]): str(r["story"]) for r in rows}
    pools: dict[str, list[Paragraph]] = defaultdict(list)
    for article in cleaned:
        pools[story_of[article.id]] += article.paragraphs
    articles, gold = [], {}
    replay = 0
    while len(articles) < n:
        start = date(2020, 1, 1) + timedelta(days=30 * replay)
        story_day = {s: start + timedelta(days=rng.randrange(0, 28)) for s in pools}
        for article in cleaned:
            if len(articles) >= n:
                break
            # A new report of the same story: paragraphs drawn from all of the story's reports.
            pool = pools[story_of[article.id]]
            paragraphs = rng.sample(pool, min(len(pool), max(2, len(article.paragraphs))))
            new_id = f"{article.id}@{replay}"
            day = story_day[story_of[article.id]] + timedelta(days=rng.randrange(0, 2))
            articles.append(replace(article, id=new_id, paragraphs=paragraphs, published=day.isoformat()))
            gold[new_id] = f"{story_of[article.id]}@{replay}"
        replay += 1
    return articles, gold


def scale(n: int) -> None:
    articles, gold = scaled_articles(n)
    timed(f"scale: {n} articles", articles, gold)


def real() -> None:
    """Every article of the clustering dev sets, read as recoupe reads them, undated."""
    from train_pair_scorer import read_set

    articles, gold = [], {}
    for name in ("rpm2-dev", "ecbplus-dev", "gnews-fr-dev", "semeval-dev"):
        dev = read_set(name)
        articles += [replace(a, published=None, published_basis=None) for a in dev.articles]
        gold |= dev.gold
    timed(f"real: {len(articles)} dev articles", articles, gold)


def timed(label: str, articles: list, gold: dict[str, str]) -> None:
    from recoupe.kept import RunCache
    from recoupe.settings import Settings
    from recoupe.stories import assign_stories

    settings = Settings()
    tracemalloc.start()
    started = time.perf_counter()
    _, stories = assign_stories(articles, settings, cache=RunCache.for_settings(settings))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pred = {a: s.id for s in stories for a in s.articles}
    scored = {k: v for k, v in gold.items() if k in pred}
    p, r, f = bcubed(scored, pred) if scored else (0.0, 0.0, 0.0)
    print(
        f"{label}, {len(stories)} stories in {elapsed:.1f} s ({len(articles) / elapsed:.0f} articles/s, "
        f"features + copies + clustering, traced under tracemalloc) | peak {peak / 1e6:.0f} MB allocated | "
        f"BCubed P {p:.3f} R {r:.3f} F1 {f:.3f} (of the {len(scored)} with a gold story)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", action="store_true", help="also score the SemEval cross-language pairs")
    parser.add_argument("--scale", type=int, default=0, help="time story assignment on N articles")
    parser.add_argument("--real", action="store_true", help="time story assignment on the dev articles")
    parser.add_argument(
        "--separability", action="store_true", help="how well the compared signals part a topic's stories"
    )
    parser.add_argument("--no-quality", action="store_true", help="skip the dev-set scores")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no clustering data at {DATA}", file=sys.stderr)
        return 2
    if not args.no_quality:
        quality(args.pairs)
    if args.scale:
        scale(args.scale)
    if args.real:
        real()
    if args.separability:
        separability()
    return 0


if __name__ == "__main__":
    sys.exit(main())
