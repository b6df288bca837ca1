"""Train rankers of French speaker mentions (recoupe/extract/mention_ranker.py) on real French news
and print them beside the rules under 5-fold cross-validation by file: train on four fifths of the
files, score the fifth left out, pooled, at each probability threshold.

usage: .venv/bin/python bench/train_speaker_ranker.py   (about a minute)

The files: fr-quotes-dev's 40 (../shared/data) and the bench's RPM2 sets fr-quotes-dev2 to dev5
(58 articles annotated without the code). The figures are printed for fr-quotes-dev, for dev2 (the
rules were read on both) and for dev3-5 (never read while writing the rules: the fair comparison).

Each quote's candidates are those find_quotes gathers with the rules choosing (so candidates and
their resolved names are what the code sees). A candidate is right when it resolves to the gold
speaker's name (score_fr_quotes.py's test) and its mention overlaps the gold source span; for a
quote whose gold speaker has no name, when it resolves to no one. The figures are computed as
score_fr_quotes.py computes them, on the quotes find_quotes gives, each chosen speaker replaced
by the model's; below the threshold a quote keeps the rules' mention and no name.

Two rankers: with the rules' answer among the features, or on syntax and position alone. Nothing
is written: the rules stay while no ranker beats them (bench/README.md).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from recoupe.extract import mention_ranker as mr
from recoupe.extract.quotes import find_quotes
from recoupe.model import QuoteMention

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "fr-quotes-dev"
RPM2 = ROOT.parent / "shared" / "data" / "clustering" / "rpm2-dev.jsonl"
# Real RPM2 articles annotated without the code (bench/data), offsets into rpm2-dev's texts.
RPM2_SETS = [ROOT / "bench" / "data" / f"fr-quotes-dev{n}.jsonl" for n in (2, 3, 4, 5)]
FOLDS = 5
THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]


@dataclass
class Choice:
    """One quote where the model chooses: what it saw."""

    context: mr.QuoteContext
    candidates: list[mr.Candidate]


@dataclass
class Article:
    name: str
    found: list[QuoteMention]  # find_quotes' output, the rules choosing
    choices: list[Choice]
    gold: list[tuple[tuple[str, int, int], Any]]  # (Content span, Source span) as the scorer reads them
    names: dict[int, str | None]  # gold speaker name by the Content span's start


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_fr_quotes", DEV.parents[1] / "tools" / "score_fr_quotes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_articles(sc: ModuleType) -> list[Article]:
    names: dict[tuple[str, int], str | None] = {}
    for line in (DEV / "speakers.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names[(row["file"], row["start"])] = row["speaker_name"]
    articles = []
    for path in sorted((DEV / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ann = DEV / "attributions" / f"{path.stem}_gold.ann"
        gold = sc.parse_ann(ann) if ann.exists() else []
        own = {g[1]: names.get((path.stem, g[1])) for g, _ in gold}
        articles.append(recorded(path.stem, text, gold, own))
    return articles


def read_rpm2_sets(sets: list[Path]) -> list[Article]:
    """The bench's RPM2 sets: each line an article's quotes with their source span and name."""
    texts = {row["id"]: row["text"] for row in map(json.loads, RPM2.read_text(encoding="utf-8").splitlines())}
    articles = []
    for path in sets:
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            gold = [
                (("Content", q["start"], q["end"]), ("Source", *q["source"]) if q["source"] else None)
                for q in row["quotes"]
            ]
            names = {q["start"]: q["speaker_name"] for q in row["quotes"]}
            articles.append(recorded(f"{path.stem}:{row['file']}", texts[row["file"]], gold, names))
    return articles


def recorded(name: str, text: str, gold: list[Any], names: dict[int, str | None]) -> Article:
    """find_quotes' quotes with the rules choosing, and what each choice saw."""
    choices: list[Choice] = []

    def record(context: mr.QuoteContext, found: list[mr.Candidate]) -> mr.Candidate | None:
        choices.append(Choice(context, found))
        return mr.rules_choice(context, found)

    return Article(name, find_quotes(text, "fr", speaker_choice=record), choices, gold, names)


def gold_of(sc: ModuleType, article: Article, region: tuple[int, int]) -> list[tuple[Any, Any]]:
    return [(g, s) for g, s in article.gold if sc.overlap(region[0], region[1], g[1], g[2])]


def right(sc: ModuleType, candidate: mr.Candidate, article: Article, golds: list[tuple[Any, Any]]) -> bool:
    for g, s in golds:
        want = article.names.get(g[1])
        mentioned = not s or sc.overlap(candidate.mention.start, candidate.mention.end, s[1], s[2])
        if want:
            if candidate.name and sc.same_speaker(candidate.name, want) and mentioned:
                return True
        elif candidate.name is None and mentioned:
            return True
    return False


def matrix(
    sc: ModuleType, articles: list[Article], columns: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray]:
    rows, labels = [], []
    for article in articles:
        for choice in article.choices:
            golds = gold_of(sc, article, choice.context.quote)
            if not golds:
                continue  # no gold quote there: no speaker to learn
            for c in choice.candidates:
                rows.append([c.features.get(f, 0.0) for f in columns])
                labels.append(right(sc, c, article, golds))
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=bool)


def fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)


def ranker_of(model: LogisticRegression, columns: tuple[str, ...]) -> mr.SpeakerRanker:
    weights = dict(zip(columns, model.coef_[0], strict=True))
    coefficients = tuple(float(weights.get(f, 0.0)) for f in mr.FEATURES)
    return mr.SpeakerRanker(coefficients, float(model.intercept_[0]))


def outputs(article: Article, choose: mr.SpeakerChoice | None) -> list[QuoteMention]:
    """find_quotes' quotes with each chosen speaker replaced by `choose`'s (None: the rules')."""
    if choose is None:
        return article.found
    out = []
    for q in article.found:
        choice = next((c for c in article.choices if _within(q, c.context.quote)), None)
        if choice is None:
            out.append(q)
            continue
        pick = choose(choice.context, choice.candidates)
        mention = pick.mention if pick is not None else None
        out.append(
            QuoteMention(
                q.start,
                q.end,
                q.text,
                pick.name if pick is not None else None,
                mention.pointer[0] if mention and mention.pointer else (mention.start if mention else None),
                mention.pointer[1] if mention and mention.pointer else (mention.end if mention else None),
            )
        )
    return out


def _within(quote: QuoteMention, region: tuple[int, int]) -> bool:
    return region[0] <= quote.start < region[1]


def score(
    sc: ModuleType, articles: list[Article], chooser: dict[str, mr.SpeakerChoice | None]
) -> dict[str, float]:
    """score_fr_quotes.py's counts over the articles, each article's speakers chosen by chooser[name]."""
    c = dict.fromkeys(("pred", "pred_mention_ok", "pred_named", "pred_name_ok"), 0)
    c |= dict.fromkeys(("sourced", "gold_mention_ok", "gold_named", "gold_name_ok"), 0)
    for article in articles:
        pred = outputs(article, chooser[article.name])
        c["pred"] += len(pred)
        for p in pred:
            m = [(g, s) for g, s in article.gold if sc.overlap(p.start, p.end, g[1], g[2])]
            if not m:
                continue
            if p.speaker_start is not None and any(
                s and sc.overlap(p.speaker_start, p.speaker_end, s[1], s[2]) for _, s in m
            ):
                c["pred_mention_ok"] += 1
            if p.speaker:
                c["pred_named"] += 1
                c["pred_name_ok"] += any(sc.same_speaker(p.speaker, article.names.get(g[1])) for g, _ in m)
        for g, s in article.gold:
            hits = [p for p in pred if sc.overlap(p.start, p.end, g[1], g[2])]
            want = article.names.get(g[1])
            if s:
                c["sourced"] += 1
                c["gold_mention_ok"] += any(
                    h.speaker_start is not None and sc.overlap(h.speaker_start, h.speaker_end, s[1], s[2])
                    for h in hits
                )
            if want:
                c["gold_named"] += 1
                c["gold_name_ok"] += any(h.speaker and sc.same_speaker(h.speaker, want) for h in hits)

    def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
        p, r = tp_p / n_p if n_p else 0.0, tp_r / n_r if n_r else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    mention = prf(c["pred_mention_ok"], c["pred"], c["gold_mention_ok"], c["sourced"])
    name = prf(c["pred_name_ok"], c["pred_named"], c["gold_name_ok"], c["gold_named"])
    return {
        "mention_f1": mention[2],
        "name_p": name[0],
        "name_r": name[1],
        "name_f1": name[2],
        "wrong": c["pred_named"] - c["pred_name_ok"],
    }


def line(figures: dict[str, float]) -> str:
    return (
        f"mention F1 {figures['mention_f1']:.3f} | name P {figures['name_p']:.3f} R {figures['name_r']:.3f}"
        f" F1 {figures['name_f1']:.3f} ({figures['wrong']} wrong names)"
    )


def main(argv: list[str]) -> int:
    if not DEV.is_dir() or not RPM2.is_file():
        print(f"bench/train_speaker_ranker.py: {DEV} or {RPM2} is absent", file=sys.stderr)
        return 2
    sc = scorer()
    real = read_articles(sc) + read_rpm2_sets(RPM2_SETS)
    groups = {
        "fr-quotes-dev": [a for a in real if ":" not in a.name],
        "dev2": [a for a in real if a.name.startswith("fr-quotes-dev2:")],
        "dev3-5 (rules never read on them)": [
            a for a in real if a.name.split(":")[0] in ("fr-quotes-dev3", "fr-quotes-dev4", "fr-quotes-dev5")
        ],
        "all": real,
    }
    print(f"{len(real)} articles, {sum(len(a.choices) for a in real)} quotes with candidates")
    rules = dict.fromkeys((a.name for a in real), None)
    for group, articles in groups.items():
        print(f"  rules, {group}: {line(score(sc, articles, rules))}")
    folds = [[a for k, a in enumerate(real) if k % FOLDS == f] for f in range(FOLDS)]
    fold_of = {a.name: f for f, fold in enumerate(folds) for a in fold}
    for with_rules in (True, False):
        columns = tuple(f for f in mr.FEATURES if with_rules or not f.startswith("rules"))
        rankers = []
        for f in range(FOLDS):
            train = [a for g in range(FOLDS) if g != f for a in folds[g]]
            rankers.append(ranker_of(fit(*matrix(sc, train, columns)), columns))
        how = "with the rules answer as a feature" if with_rules else "on syntax alone"
        print(f"ranker {how}, {FOLDS} folds:")
        for threshold in THRESHOLDS:
            chooser = {a.name: mr.ranked_choice(rankers[fold_of[a.name]], threshold) for a in real}
            for group, articles in groups.items():
                print(f"  p >= {threshold:.1f} {group}: {line(score(sc, articles, chooser))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
