"""HTML extraction quality on the article-extraction benchmark in ../shared/data/aeb.

Scores recoupe (trafilatura + recoupe's cleaning) and bare `trafilatura.extract` in the same run,
with the metric of ../shared/data/README.md: 4-gram shingle precision/recall/F1, macro over pages.

usage: .venv/bin/python bench/extraction.py [--data ../shared/data/aeb] [--show-worst 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from recoupe.clean import clean_article
from recoupe.ingest.decode import InputError, content_hash
from recoupe.ingest.html import read_html_article
from recoupe.settings import Settings

_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(truth: str, prediction: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (None where undefined), from normalised tp/fp/fn."""
    t, p = shingles(truth), shingles(prediction)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return None, None
    tp, fp, fn = tp / total, fp / total, fn / total
    return (tp / (tp + fp) if tp + fp else None), (tp / (tp + fn) if tp + fn else None)


def macro_scores(truths: dict[str, str], predictions: dict[str, str]) -> tuple[float, float, float]:
    precisions, recalls = [], []
    for page, truth in truths.items():
        p, r = page_scores(truth, predictions.get(page, ""))
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return precision, recall, 2 * precision * recall / (precision + recall)


def recoupe_text(html: str, page: str, settings: Settings) -> str:
    try:
        article = clean_article(read_html_article(html, page, page, content_hash(html)), settings)
    except InputError:
        return ""
    return "\n".join(p.text for p in article.paragraphs)


def run(name: str, extract: Callable[[str, str], str], pages: dict[str, str], truths: dict[str, str]):
    started = time.perf_counter()
    predictions = {page: extract(html, page) for page, html in pages.items()}
    elapsed = time.perf_counter() - started
    precision, recall, f1 = macro_scores(truths, predictions)
    print(f"{name:<22} P {precision:.4f}  R {recall:.4f}  F1 {f1:.4f}   {len(pages) / elapsed:6.1f} pages/s")
    return predictions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[1] / "../shared/data/aeb"
    )
    parser.add_argument("--show-worst", type=int, default=0, help="list the pages where recoupe loses most")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    truths = {
        k: v["articleBody"] for k, v in json.loads((args.data / "ground-truth.json").read_text()).items()
    }
    pages = {
        f.name.split(".")[0]: gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        for f in sorted((args.data / "html").glob("*.html.gz"))
    }
    truths = {k: v for k, v in truths.items() if k in pages}
    print(f"AEB: {len(pages)} pages")
    settings = Settings()
    bare = run("trafilatura.extract", lambda html, _: trafilatura.extract(html) or "", pages, truths)
    ours = run("recoupe", lambda html, page: recoupe_text(html, page, settings), pages, truths)
    if args.show_worst:
        losses = sorted(
            pages,
            key=lambda p: (
                (page_scores(truths[p], ours[p])[1] or 0) - (page_scores(truths[p], bare[p])[1] or 0)
            ),
        )
        for page in losses[: args.show_worst]:
            print(
                page,
                "recall bare",
                page_scores(truths[page], bare[page]),
                "recoupe",
                page_scores(truths[page], ours[page]),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
