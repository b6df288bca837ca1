"""Story clustering: quality on the dev sets of ../shared/data/clustering, and speed at scale.

Quality: runs ../shared/tools/score_clusters.py with .venv/bin/recoupe on rpm2-dev (French,
20 stories = 10 topics x 2 periods) and ecbplus-dev (English, two events of one kind per topic),
and scores the baseline in the same run: TF-IDF cosine + average-link agglomerative clustering
at distance 0.85. With --pairs, also the SemEval-2022 cross-language pairs (score_pairs.py).

Speed: --scale N builds N articles from the dev sets (each gold story replayed month after
month, each new report drawing paragraphs from all of the story's reports, seeded), then times
story assignment (features, copies, clustering) on the already cleaned articles and prints
articles/s, open stories and the clusterer's memory as closed stories pile up.

Separability: --separability measures how far the words and names that story assignment compares
can tell the stories of one gold topic apart, even knowing the answers: each article goes to the
nearer of its topic's gold stories (centroids of the other articles, centred on the topic's mean),
and the bench prints that accuracy, the BCubed F1 of the resulting clustering (topics given,
a ceiling for these signals) and the within-topic pair AUC.

usage: .venv/bin/python bench/clustering.py [--pairs] [--scale 10000] [--separability]
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

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "clustering"
RECOUPE = ROOT / ".venv" / "bin" / "recoupe"


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    gold_sets: dict[str, set[str]] = defaultdict(set)
    pred_sets: dict[str, set[str]] = defaultdict(set)
    for k, v in gold.items():
        gold_sets[v].add(k)
    for k, v in pred.items():
        pred_sets[v].add(k)
    precision = recall = 0.0
    for k in gold:
        shared = len(gold_sets[gold[k]] & pred_sets[pred[k]])
        precision += shared / len(pred_sets[pred[k]])
        recall += shared / len(gold_sets[gold[k]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def baseline(path: Path) -> str:
    """Sublinear TF-IDF cosine over the text, average-link agglomerative clustering at distance
    0.85 (the reference baseline of ../shared/data/README.md: 0.645 rpm2-dev, 0.832 ecbplus-dev)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform([r["text"] for r in rows])
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.85
    ).fit_predict(vectors.toarray())
    gold = {str(r["id"]): str(r["story"]) for r in rows}
    pred = {str(r["id"]): str(label) for r, label in zip(rows, labels, strict=True)}
    p, r, f = bcubed(gold, pred)
    return f"baseline {path.name}: found {len(set(labels))} | BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}"


def quality(with_pairs: bool) -> None:
    for name in ("rpm2-dev.jsonl", "ecbplus-dev.jsonl"):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score_clusters.py"), str(RECOUPE), str(DATA / name)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        last = out.splitlines()[-1] if out else "(no output)"
        print(f"recoupe  {last}  [{time.perf_counter() - started:.0f} s]")
        print(f"         {baseline(DATA / name)}")
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
        print(f"recoupe  {out.splitlines()[-1] if out else '(no output)'}")


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
    """Each article's terms and names as story assignment weighs them (its TF-IDF vectors, scaled
    by the terms' and names' weights), side by side, unit length."""
    from recoupe.settings import Settings
    from recoupe.stories.cluster import Idf, tfidf
    from recoupe.stories.features import event_features

    settings = Settings()
    features = [event_features(a) for a in articles]
    term_idf, name_idf = Idf(), Idf()
    for f in features:
        term_idf.add(f.terms)
        name_idf.add(f.names)
    weighted = [
        {f"t:{k}": settings.weight_terms * v for k, v in tfidf(f.terms, term_idf).items()}
        | {f"n:{k}": settings.weight_names * v for k, v in tfidf(f.names, name_idf).items()}
        for f in features
    ]
    columns = {key: i for i, key in enumerate(dict.fromkeys(key for vector in weighted for key in vector))}
    vectors = np.zeros((len(weighted), len(columns)))
    for row, vector in enumerate(weighted):
        for key, value in vector.items():
            vectors[row, columns[key]] = value
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
    from recoupe.settings import Settings
    from recoupe.stories import assign_stories, publication_order
    from recoupe.stories.cluster import StoryClusterer
    from recoupe.stories.features import event_features

    articles, gold = scaled_articles(n)
    settings = Settings()
    started = time.perf_counter()
    _, stories = assign_stories(articles, settings)
    elapsed = time.perf_counter() - started
    pred = {a: s.id for s in stories for a in s.articles}
    p, r, f = bcubed(gold, pred)
    print(
        f"scale: {n} articles, {len(stories)} stories in {elapsed:.1f} s ({n / elapsed:.0f} articles/s, "
        f"features + copies + clustering) | BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )
    # The clusterer's own memory while closed stories pile up: it should stay flat.
    features = [event_features(a) for a in sorted(articles, key=publication_order)]
    clusterer = StoryClusterer(settings)
    tracemalloc.start()
    checkpoints = {len(features) * k // 4 for k in (1, 2, 3, 4)}
    for done, feature in enumerate(features, start=1):
        clusterer.assign(feature)
        if done in checkpoints:
            current, _ = tracemalloc.get_traced_memory()
            print(
                f"  after {done:>6} articles: {len(clusterer.open):>4} open stories, "
                f"{clusterer.closed:>5} closed, clusterer memory {current / 1e6:6.1f} MB"
            )
    tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", action="store_true", help="also score the SemEval cross-language pairs")
    parser.add_argument("--scale", type=int, default=0, help="time story assignment on N articles")
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
    if args.separability:
        separability()
    return 0


if __name__ == "__main__":
    sys.exit(main())
