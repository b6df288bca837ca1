"""Latency of `recoupe serve` on a store of 100,000 articles, under 16 concurrent local clients,
while an ingest writes into the same store.

The store: synthetic stories written with the store's own write functions (`insert_article`,
`record_arrivals`, `save_story`, the store's schema and full-text index), so that it is a store
`recoupe serve` reads like any other — not the NLP pipeline, which would take hours for 100,000
articles. Each story has a subject (words drawn from wordfreq's French or English list), a place,
a speaker, 1 to 60 articles (most have a few) from 40 outlets over a few days, four paragraphs
each, a removed line, a quote, a summary, entities, a figure and a timeline entry; one article in
ten of a multi-article story is a copy of its first. Dates span the year before `--last-day`; the
articles arrive in 100 rounds of about 1,000, in date order, so "updated" and "+N" mean something.
A store built before is reused (`--db PATH`, built only if missing).

The measurement: `recoupe serve` on 127.0.0.1 in its own process; 16 client threads, each with
one keep-alive connection, share a shuffled list of requests of every kind (the list's first
page, a deep page near its end, a search for one or two words of the stories' subjects, a story
page, the JSON list's deep page) and time each answer in full. Meanwhile `recoupe ingest` runs in
a loop in another process, each run a new JSONL feed of generated reports dated in the store's
last week, so they join its open stories (the stream regime) and write while the pages are read.

usage: .venv/bin/python bench/web_latency.py [--db /tmp/recoupe-web-100k.db] [--articles 100000]
       [--clients 16] [--requests 200] [--no-ingest]
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import math
import os
import queue
import random
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from recoupe.extract.article import ArticleExtraction
from recoupe.model import (
    Article,
    Claim,
    ClaimValue,
    Entity,
    Paragraph,
    Quote,
    QuoteVariant,
    RawArticle,
    Removal,
    Story,
    SummarySentence,
    TimelineEntry,
)
from recoupe.store import write
from recoupe.store.runs import RunRecord, record_arrivals
from recoupe.store.schema import connect, transaction

RECOUPE = Path(sys.executable).parent / "recoupe"
ROUNDS = 100
# Words of every synthetic article (its quote's line): the worst case of a search.
EVERYWHERE = ["déclaré", "personnes attendaient", "facebook partager"]
OUTLETS = [
    f"{kind} {place}"
    for kind in ("Le Courrier", "La Gazette", "L'Écho", "Radio", "Le Journal")
    for place in ("du Val", "de l'Est", "des Monts", "du Nord", "de la Côte", "du Plateau", "Matin", "Soir")
]
AGENCIES = ["AFP", "Reuters", "AP"]
FIRST = ["Hélène", "Bruno", "Yasmine", "Paul", "Claire", "Idriss", "Martine", "Lucas", "Nadia", "Gilles"]
LAST = ["Kerjean", "Lambrecht", "Marchal", "Mercier", "Belhadj", "Dufresne", "Okafor", "Villeneuve"]


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `fraction` of them at or below."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def story_sizes(articles: int, rng: random.Random) -> list[int]:
    """Story sizes adding up to `articles`: most stories have a few articles, some dozens."""
    sizes: list[int] = []
    while sum(sizes) < articles:
        sizes.append(
            rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12]) if rng.random() > 0.02 else rng.randint(20, 60)
        )
    sizes[-1] -= sum(sizes) - articles
    return [s for s in sizes if s > 0]


# ---------------------------------------------------------------------------------------- the store


@dataclass
class Generated:
    """One synthetic story and its articles, ready to be written."""

    story: Story
    articles: list[tuple[Article, RawArticle]]
    subject: list[str] = field(default_factory=list)


def _vocabulary(language: str) -> list[str]:
    from wordfreq import top_n_list

    return [w for w in top_n_list(language, 30_000)[300:] if w.isalpha() and len(w) > 3]


def generate_story(
    number: int, size: int, first_day: date, words: list[str], language: str, rng: random.Random
) -> Generated:
    subject = rng.sample(words, 6)
    place = rng.choice(words).capitalize() + rng.choice(["ville", "bourg", "mont", "port"])
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    said = " ".join(rng.sample(words, 12))
    figure = rng.randint(2, 900)
    members: list[tuple[Article, RawArticle]] = []
    for k in range(size):
        day = first_day + timedelta(days=min(k // 4, 6))
        outlet = rng.choice(OUTLETS)
        slug = "".join(c for c in outlet.lower() if c.isalpha())
        article_id = f"https://{slug}.example/{day.isoformat()}/s{number}-{k}"
        copy_of = members[0][0].id if k and rng.random() < 0.1 else None
        title = f"{place} : {' '.join(subject[:4])} ({k})"
        paragraphs = [
            " ".join(
                rng.choice(subject) if rng.random() < 0.3 else rng.choice(words)
                for _ in range(rng.randint(40, 70))
            )
            + "."
            for _ in range(3)
        ]
        paragraphs.insert(
            1, f"« {said} », a déclaré {speaker}, à {place}, où {figure} personnes attendaient."
        )
        removed = [Removal("Partager sur Facebook", "boilerplate")]
        agencies = [rng.choice(AGENCIES)] if rng.random() < 0.2 else []
        text = "\n".join([title, *paragraphs, removed[0].text])
        digest = hashlib.sha256(text.encode()).hexdigest()
        raw = RawArticle(article_id, article_id, text, title, day.isoformat(), outlet, content_hash=digest)
        article = Article(
            id=article_id,
            origin=article_id,
            title=title,
            source=outlet,
            published=day.isoformat(),
            published_basis="metadata",
            language=language,
            paragraphs=[Paragraph(p, language) for p in paragraphs],
            removed=removed,
            flags=["near-copy"] if copy_of else [],
            copy_of=copy_of,
            agencies=agencies,
            content_hash=digest,
        )
        members.append((article, raw))
    ids = [a.id for a, _ in members]
    originals = {a.source for a, _ in members if not a.copy_of}
    story = Story(
        id=f"s{number}",
        title=members[0][0].title,
        date=first_day.isoformat(),
        articles=ids,
        independent_sources=len(originals),
        summary=[
            SummarySentence(members[0][0].paragraphs[0].text[:200] + ".", ids[:3]),
            SummarySentence(members[0][0].paragraphs[1].text, ids),
        ],
        entities=[Entity(speaker, "PER", [speaker], ids, size), Entity(place, "LOC", [place], ids, 2 * size)],
        quotes=[Quote(speaker, speaker, said, ids, [QuoteVariant(i, said) for i in ids])],
        claims=[
            Claim(
                "personnes",
                "corroborated" if size > 1 else "single",
                [ClaimValue(figure, None, [speaker], ids, [members[0][0].paragraphs[1].text])],
            )
        ],
        timeline=[TimelineEntry(first_day.isoformat(), members[0][0].paragraphs[1].text, ids[:1])],
    )
    return Generated(story, members, subject)


def build_store(db: Path, articles: int, last_day: date, seed: int) -> dict[str, float]:
    """Write `articles` synthetic articles and their stories into a new store at `db`."""
    rng = random.Random(seed)
    started = time.perf_counter()
    vocabularies = {"fr": _vocabulary("fr"), "en": _vocabulary("en")}
    first = last_day - timedelta(days=365)
    stories = []
    for number, size in enumerate(story_sizes(articles, rng), start=1):
        language = "en" if rng.random() < 0.15 else "fr"
        day = first + timedelta(days=rng.randint(0, 358))
        stories.append(generate_story(number, size, day, vocabularies[language], language, rng))
    generated = time.perf_counter()
    # Articles arrive in date order, in ROUNDS rounds of equal size, each round dated its last day.
    arriving = sorted(
        ((a, raw) for s in stories for a, raw in s.articles), key=lambda p: (p[0].published, p[0].id)
    )
    per_round = -(-len(arriving) // ROUNDS)
    connection = connect(db)
    connection.execute("PRAGMA synchronous = NORMAL")
    try:
        for start in range(0, len(arriving), per_round):
            chunk = arriving[start : start + per_round]
            run = RunRecord(f"{chunk[-1][0].published}T06:00:00+00:00")
            with transaction(connection):
                for seq, (article, raw) in enumerate(chunk, start=start + 1):
                    found = ArticleExtraction(article.published, [], [], [], [])
                    write.insert_article(connection, article, raw, found, seq)
                record_arrivals(connection, run, [a.id for a, _ in chunk])
        for start in range(0, len(stories), 2000):
            with transaction(connection):
                for item in stories[start : start + 2000]:
                    write.save_story(connection, item.story, [a for a, _ in item.articles])
    finally:
        connection.close()
    return {
        "stories": len(stories),
        "generate_s": generated - started,
        "write_s": time.perf_counter() - generated,
    }


# ----------------------------------------------------------------------------------- the measurement


def ingest_feed(folder: Path, run: str, last_day: date, rng: random.Random, size: int = 20) -> Path:
    """A JSONL feed of `size` generated reports dated in the store's last week; `run` (unique to
    this run of the bench and this ingest) makes every report new to the store."""
    words = [
        "grève",
        "tramway",
        "conseil",
        "inondation",
        "préfecture",
        "hôpital",
        "budget",
        "école",
        "festival",
        "usine",
        "maire",
        "syndicat",
        "récolte",
        "pont",
        "élection",
        "ministre",
    ]
    path = folder / f"feed-{run}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(size):
            topic = rng.sample(words, 3)
            town = f"{rng.choice(LAST)}ville"
            text = (
                f"À {town}, le dossier {' '.join(topic)} a occupé la journée de mardi, selon la préfecture.\n"
                f"« Nous attendons des réponses avant vendredi », a déclaré {rng.choice(FIRST)} "
                f"{rng.choice(LAST)}, porte-parole du collectif, devant {rng.randint(20, 900)} personnes.\n"
                f"Le conseil municipal se réunira de nouveau la semaine prochaine (bulletin {run}/{k})."
            )
            record = {
                "id": f"ingest-{run}-{k}",
                "title": f"{town} : {' '.join(topic)}",
                "text": text,
                "published": (last_day - timedelta(days=rng.randint(0, 6))).isoformat(),
                "source": rng.choice(OUTLETS),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@dataclass
class IngestLoop:
    """`recoupe ingest` of a new feed, again and again, until stopped."""

    db: Path
    last_day: date
    recoupe: list[str]
    runs: list[tuple[float, float, int]] = field(default_factory=list)  # (start, end, exit status)
    stop: threading.Event = field(default_factory=threading.Event)
    current: subprocess.Popen[str] | None = None

    def halt(self) -> None:
        """Stop looping and end the run under way (a killed ingest leaves a store the next one finishes)."""
        self.stop.set()
        if self.current is not None:
            self.current.terminate()

    def run(self) -> None:
        rng = random.Random(1)
        with tempfile.TemporaryDirectory() as folder:
            number = 0
            while not self.stop.is_set():
                number += 1
                feed = ingest_feed(Path(folder), f"{time.time_ns()}-{number}", self.last_day, rng)
                begun = time.monotonic()
                self.current = subprocess.Popen(
                    [*self.recoupe, "ingest", str(feed), "--db", str(self.db), "--quiet", "--workers", "1"],
                    stderr=subprocess.PIPE,
                    text=True,
                )
                _, stderr = self.current.communicate()
                if self.stop.is_set():
                    return
                if self.current.returncode:
                    print(f"ingest run {number} failed: {stderr.strip()[-300:]}", file=sys.stderr)
                self.runs.append((begun, time.monotonic(), self.current.returncode))


def table_sizes(db: Path) -> tuple[int, int]:
    """How many articles and stories the store holds."""
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        articles, stories = (
            connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "stories")
        )
    return articles, stories


def index_segments(db: Path) -> int:
    """The segments of the articles' full-text index: every search asks each (write.tidy_search_indexes)."""
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return write.search_index_segments(connection, "article_search")


def start_server(db: Path, port: int, recoupe: list[str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [*recoupe, "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("recoupe serve did not answer within 60 s")


def request_plan(db: Path, per_kind: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, path) for every request, shuffled; deep pages are in the last tenth of the list."""
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        stories = connection.execute("SELECT count(*) FROM stories").fetchone()[0]
        titles = [
            row[0] for row in connection.execute("SELECT title FROM stories ORDER BY random() LIMIT 2000")
        ]
    pages = -(-stories // 50)
    words = [w for t in titles for w in t.split(" : ", 1)[-1].split()[:4] if w.isalpha()]
    plan = []
    for _ in range(per_kind):
        deep = rng.randint(max(1, pages - pages // 10), pages)
        one, two = rng.choice(words), " ".join(rng.sample(words, 2))
        plan += [
            ("list, first page", "/"),
            ("list, deep page", f"/?page={deep}"),
            ("search, one word", "/?" + urlencode({"q": one})),
            ("search, two words", "/?" + urlencode({"q": two})),
            ("search, frequent word", "/?" + urlencode({"q": rng.choice(EVERYWHERE)})),
            ("story page", f"/stories/s{rng.randint(1, stories)}"),
            ("api list, deep page", f"/api/stories?page={deep}"),
        ]
    rng.shuffle(plan)
    return plan


def measure(port: int, plan: list[tuple[str, str]], clients: int) -> dict[str, list[float]]:
    """Each request's seconds, by kind, with `clients` threads asking at once."""
    todo: queue.Queue[tuple[str, str]] = queue.Queue()
    for item in plan:
        todo.put(item)
    timings: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    lock = threading.Lock()

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            try:
                kind, path = todo.get_nowait()
            except queue.Empty:
                return
            begun = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            took = time.perf_counter() - begun
            with lock:
                if response.status == 200:
                    timings[kind].append(took)
                else:
                    failures.append(f"{path}: {response.status}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"{len(failures)} requests failed, e.g. {failures[:3]}", file=sys.stderr)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "recoupe-web-100k.db")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--last-day", type=date.fromisoformat, default=date(2026, 11, 30))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=200, help="requests of each kind")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-ingest", action="store_true", help="measure with no ingest running")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--recoupe",
        default=str(RECOUPE),
        help="the command that serves and ingests (another checkout's, to compare)",
    )
    args = parser.parse_args()

    if args.db.exists():
        print(f"reusing {args.db}")
    else:
        built = build_store(args.db, args.articles, args.last_day, args.seed)
        print(
            f"built {args.db}: {args.articles:,} articles, {built['stories']:,} stories in "
            f"{built['generate_s']:.0f} s (generated) + {built['write_s']:.0f} s (written)"
        )
    counts = table_sizes(args.db)
    print(
        f"store: {counts[0]:,} articles, {counts[1]:,} stories, {args.db.stat().st_size / 2**20:.0f} MiB,"
        f" full-text index in {index_segments(args.db)} segments;"
        f" {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before"
    )

    recoupe = shlex.split(args.recoupe)
    server = start_server(args.db, args.port, recoupe)
    loop = IngestLoop(args.db, args.last_day, recoupe)
    ingesting = threading.Thread(target=loop.run, daemon=True)
    try:
        rng = random.Random(args.seed)
        measure(args.port, request_plan(args.db, 4, rng), args.clients)  # warm-up, not counted
        if not args.no_ingest:
            ingesting.start()
        # Passes of the plan until the first ingest run, from loading its models to writing its
        # stories, has run its whole course while the pages were read (one pass without an ingest).
        timings: dict[str, list[float]] = defaultdict(list)
        requests = 0
        begun = time.monotonic()
        while True:
            plan = request_plan(args.db, args.requests, rng)
            for kind, seconds in measure(args.port, plan, args.clients).items():
                timings[kind] += seconds
            requests += len(plan)
            if args.no_ingest or loop.runs or not ingesting.is_alive():
                break
        ended = time.monotonic()
        load = os.getloadavg()[0]
    finally:
        loop.halt()
        server.terminate()
        server.wait(timeout=30)
    if not args.no_ingest:
        ingesting.join()
        during = [r for r in loop.runs if r[0] < ended and r[1] > begun]
        added = table_sizes(args.db)[0] - counts[0]
        print(
            f"ingest: {len(during)} whole runs of 20 new reports in the {ended - begun:.0f} s of measurement "
            f"({sum(1 for r in loop.runs if r[2])} failed), "
            f"{sum(r[1] - r[0] for r in loop.runs) / max(1, len(loop.runs)):.0f} s each;"
            f" {added} articles added"
        )
    print(f"full-text index in {index_segments(args.db)} segments at the end")
    print(
        f"load average {load:.1f} at the end; {requests} requests, {args.clients} clients, "
        f"{requests / (ended - begun):.1f} requests/s"
    )
    print(f"{'kind':<22}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for kind in sorted(timings):
        values = timings[kind]
        print(
            f"{kind:<22}{len(values):>6}{percentile(values, 0.5) * 1000:>10.0f}"
            f"{percentile(values, 0.99) * 1000:>10.0f}{max(values) * 1000:>10.0f}"
        )


if __name__ == "__main__":
    main()
