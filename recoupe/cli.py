"""The `recoupe` command: a thin shell over the library."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from recoupe import __version__
from recoupe.model import Article, Brief, QuoteMention, Skipped
from recoupe.settings import Settings

if TYPE_CHECKING:
    from recoupe.pipeline import IngestReport

app = typer.Typer(
    help="recoupe: turn a pile of news articles into cross-checked story dossiers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_INTERNAL, EXIT_NOTHING_READ = 0, 1, 2


class Format(StrEnum):
    markdown = "markdown"
    json = "json"


class BriefFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"  # one self-contained page: the dossier to read in a browser, on a phone, or print


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recoupe {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """recoupe reads raw articles (text, HTML, JSONL, WARC) and writes cross-checked story dossiers."""


PathsArg = Annotated[
    list[Path],
    typer.Argument(help="Article files or folders (searched recursively): .txt, .html, .jsonl, .warc[.gz]."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")]
LanguageOpt = Annotated[
    str | None, typer.Option("--language", help="fr or en (guessed from the text when left out).")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Report each article; show tracebacks.")]
TimeBudgetOpt = Annotated[
    float | None,
    typer.Option(
        "--time-budget",
        min=0,
        metavar="SECONDS",
        help="Skip a document that takes longer than this to read, or to clean "
        f"(default {Settings.document_time_budget_s:g}; 0: no limit).",
    ),
]
MaxSizeOpt = Annotated[
    float | None,
    typer.Option(
        "--max-size",
        min=1e-6,
        metavar="MB",
        help="Skip a document (file, JSONL line, WARC record) larger than this, gzip counted "
        f"decompressed (default {Settings.max_input_bytes / 1_000_000:g}).",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Clean and extract articles in this many local processes, this one included (same output; "
        "default: one per core).",
    ),
]
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Clean and extract articles on the Dask cluster whose scheduler is at ADDRESS "
        "(tcp://host:8786); its workers need recoupe installed.",
    ),
]


OptionalPathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (searched recursively); none with --db."),
]
DbOpt = Annotated[
    Path | None, typer.Option("--db", help="Render from this store (see `recoupe ingest`), not from PATHS.")
]
StoryOpt = Annotated[
    list[str] | None, typer.Option("--story", help="With --db: only this story (s1, s2…); repeatable.")
]


@app.command()
def brief(
    paths: OptionalPathsArg = None,
    db: DbOpt = None,
    story: StoryOpt = None,
    output_format: Annotated[BriefFormat, typer.Option("--format", "-f", help="Output format.")] = (
        BriefFormat.markdown
    ),
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    time_budget: TimeBudgetOpt = None,
    max_size: MaxSizeOpt = None,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
) -> None:
    """Read articles and write the brief: clean texts, stories, and what was removed and why."""
    from recoupe.report import render_html, render_json, render_markdown

    renderers = {
        BriefFormat.markdown: render_markdown,
        BriefFormat.json: render_json,
        BriefFormat.html: render_html,
    }
    if db is not None and not paths:
        _write_from_store(db, story, output, verbose, renderers[output_format])
        return
    if db is not None or story or not paths:
        _note("give article PATHS, or --db FILE (with --story ID to pick stories), not both")
        raise typer.Exit(EXIT_NOTHING_READ)
    _run_and_write(
        paths, output, quiet, verbose, renderers[output_format], _limits(time_budget, max_size), workers, dask
    )


@app.command()
def stories(
    paths: PathsArg,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    time_budget: TimeBudgetOpt = None,
    max_size: MaxSizeOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """List the stories (date, title, articles, independent sources): the map before the dossier."""
    from recoupe.report import render_story_list_json, render_story_list_markdown

    _run_and_write(
        paths,
        output,
        quiet,
        verbose,
        render_story_list_json if output_format is Format.json else render_story_list_markdown,
        _limits(time_budget, max_size),
        workers,
    )


def _limits(time_budget: float | None, max_size_mb: float | None) -> Settings:
    """Settings with the per-document limits given on the command line."""
    from dataclasses import replace

    settings = Settings()
    if time_budget is not None:
        settings = replace(settings, document_time_budget_s=time_budget)
    if max_size_mb is not None:
        settings = replace(settings, max_input_bytes=round(max_size_mb * 1_000_000))
    return settings


def _run_and_write(
    paths: list[Path],
    output: Path | None,
    quiet: bool,
    verbose: bool,
    render: Callable[[Brief], str],
    settings: Settings | None = None,
    workers: int | None = None,
    dask: str | None = None,
) -> None:
    from recoupe.pipeline import build_brief

    with _guard(verbose), _progress(quiet) as advance:
        run = build_brief(
            paths,
            settings,
            on_skip=_report_skip,
            on_article=_article_reporter(advance, verbose),
            workers=workers,
            dask=dask,
        )
        _require_articles(run.brief)
        _write(render(run.brief), output)
        if not quiet:
            _note(
                f"{len(run.brief.articles)} articles in {len(run.brief.stories)} stories"
                + (f", {len(run.skipped)} inputs skipped" if run.skipped else "")
            )


def _write_from_store(
    db: Path, story_ids: list[str] | None, output: Path | None, verbose: bool, render: Callable[[Brief], str]
) -> None:
    from recoupe.store import Store, StoreError

    with _guard(verbose):
        try:
            with Store(db, readonly=True) as store:
                result = store.brief(story_ids or None)
        except (StoreError, KeyError) as exc:
            _note(str(exc.args[0]))
            raise typer.Exit(EXIT_NOTHING_READ) from None
        _write(render(result), output)


@app.command()
def ingest(
    paths: PathsArg,
    db: Annotated[
        Path, typer.Option("--db", help="The story store (SQLite) to add to; created when missing.")
    ] = Path("recoupe.db"),
    force: Annotated[
        bool, typer.Option("--force", help="Clean and describe again articles already stored.")
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    workers: WorkersOpt = None,
    dask: DaskOpt = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size",
            min=1,
            help="Articles stored per transaction while they are prepared: a kill loses at most one "
            f"batch's work (default {Settings.ingest_batch_size}). All of a run's articles are then "
            "given their stories together.",
        ),
    ] = Settings.ingest_batch_size,
) -> None:
    """Add articles to a story store: new ones join its stories or open new ones, known ones are skipped."""
    from recoupe.store.ingest import ingest_paths

    with _guard(verbose), _progress(quiet) as advance, _usable_store():
        done = ingest_paths(
            paths,
            db,
            replace(Settings(), ingest_batch_size=batch_size),
            force=force,
            on_skip=_report_skip,
            on_article=_article_reporter(advance, verbose),
            workers=workers,
            dask=dask,
        )
    if not done.articles_read:
        _note("no article could be read")
        raise typer.Exit(EXIT_NOTHING_READ)
    if not quiet:
        _note(
            _stored_line(
                done,
                db,
                (f", {done.reprocessed} reprocessed" if force else "")
                + (f", {len(done.skipped)} inputs skipped" if done.skipped else ""),
            )
        )


ContactOpt = Annotated[
    str | None,
    typer.Option(
        "--contact",
        metavar="URL_OR_EMAIL",
        help="Added to the user agent (recoupe/VERSION (+CONTACT)) so that site owners can reach you.",
    ),
]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Fetch from private and loopback addresses too (refused by default: URLs come from others).",
    ),
]
StoreOpt = Annotated[
    Path, typer.Option("--db", help="The story store (SQLite) to add to; created when missing.")
]


def _fetch_settings(
    time_budget: float | None, max_size: float | None, contact: str | None, allow_private: bool
) -> Settings:
    return replace(_limits(time_budget, max_size), fetch_contact=contact, fetch_allow_private=allow_private)


@app.command()
def fetch(
    urls: Annotated[
        list[str], typer.Argument(metavar="URL", help="Web pages (http or https) to download and store.")
    ],
    db: StoreOpt = Path("recoupe.db"),
    contact: ContactOpt = None,
    allow_private: AllowPrivateOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    time_budget: TimeBudgetOpt = None,
    max_size: MaxSizeOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Download pages and add them to a story store, as `ingest` adds .html files (the URL is the id)."""
    from recoupe.store.ingest import ingest_urls

    with _guard(verbose), _progress(quiet) as advance, _usable_store():
        done = ingest_urls(
            urls,
            db,
            _fetch_settings(time_budget, max_size, contact, allow_private),
            on_skip=_report_source,
            on_article=_article_reporter(advance, verbose),
            workers=workers,
        )
    if not done.articles_read:
        _note("no article could be read")
        raise typer.Exit(EXIT_NOTHING_READ)
    if not quiet:
        _note(_stored_line(done, db, f", {len(done.skipped)} pages skipped" if done.skipped else ""))


@app.command()
def watch(
    sources: Annotated[
        Path,
        typer.Argument(
            metavar="SOURCES",
            help="A file of RSS/Atom feed and sitemap URLs, one a line (# starts a comment).",
        ),
    ],
    db: StoreOpt = Path("recoupe.db"),
    every: Annotated[
        str,
        typer.Option("--every", metavar="DURATION", help="Time from one round to the next: 90s, 15m, 2h"),
    ] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Run one round and exit (for cron and tests)")] = False,
    contact: ContactOpt = None,
    allow_private: AllowPrivateOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    time_budget: TimeBudgetOpt = None,
    max_size: MaxSizeOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Read feeds and sitemaps every so often and add their new articles to a story store."""
    import time

    from recoupe.ingest.decode import InputError
    from recoupe.store.watch import watch_once

    period = _duration(every)
    settings = _fetch_settings(time_budget, max_size, contact, allow_private)
    for number in itertools.count(1):
        started = time.monotonic()
        with _guard(verbose), _progress(quiet) as advance, _usable_store():
            try:
                done = watch_once(
                    sources,
                    db,
                    settings,
                    on_problem=lambda url, reason: _note(f"source {url}: {reason}"),
                    on_article=_article_reporter(advance, verbose),
                    workers=workers,
                )
            except InputError as exc:
                _note(str(exc))
                raise typer.Exit(EXIT_NOTHING_READ) from None
        # The round is stored: Ctrl-C from here on (even as its line is written) stops between rounds.
        try:
            if not quiet:
                _note(
                    f"round {number}: {done.sources} sources ({done.unchanged} unchanged, "
                    f"{done.failed} failed), {done.new_items} new items; " + _stored_line(done.ingest, db)
                )
            if once:
                if done.sources and done.failed == done.sources:
                    raise typer.Exit(EXIT_NOTHING_READ)
                return
            time.sleep(max(0.0, period - (time.monotonic() - started)))
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_OK) from None


def _duration(text: str) -> float:
    """'90s', '15m', '2h' or plain seconds, as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        message = f"{text!r} is not a duration such as 90s, 15m or 2h"
        raise typer.BadParameter(message, param_hint="--every") from None
    if seconds <= 0:
        raise typer.BadParameter("the time between rounds must be positive", param_hint="--every")
    return seconds


@contextmanager
def _usable_store() -> Iterator[None]:
    """A store that cannot be used (not a recoupe store, a newer schema, locked) is one line."""
    from recoupe.store import StoreError

    try:
        yield
    except StoreError as exc:
        _note(f"cannot use the store: {exc}")
        raise typer.Exit(EXIT_NOTHING_READ) from None


def _stored_line(done: IngestReport, db: Path, counts: str = "") -> str:
    """What a run added to the store, `counts` (", 3 inputs skipped") after what it stored."""
    return (
        f"{done.added} articles added, {done.already_stored} already stored{counts}; "
        f"{len(done.new_stories)} new stories, {len(done.updated_stories)} updated ({db})"
    )


def _report_source(item: Skipped) -> None:
    _note(f"source {item.where}: {item.reason}")


def _report_skip(item: Skipped) -> None:
    _note(f"skipped {item.where}: {item.reason}")


def _article_reporter(advance: Callable[[], None], verbose: bool) -> Callable[[Article], None]:
    def report(article: Article) -> None:
        advance()
        if verbose:
            _note(
                f"read {article.id}: {len(article.paragraphs)} paragraphs, "
                f"{len(article.removed)} removed, language {article.language}"
            )

    return report


def _require_articles(result: Brief) -> None:
    if not result.articles:
        _note("no article could be read")
        raise typer.Exit(EXIT_NOTHING_READ)


def _note(message: str) -> None:
    typer.echo(f"recoupe: {message}", err=True)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@contextmanager
def _guard(verbose: bool) -> Iterator[None]:
    """Internal errors exit 1 with one line, or with the traceback under --verbose."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        if verbose:
            raise
        _note(f"internal error: {type(exc).__name__}: {exc} (run with --verbose for details)")
        raise typer.Exit(EXIT_INTERNAL) from None


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress line on stderr, only when stderr is a terminal. Redrawn at each article, not by a
    refresh thread: a run with one thread may fork its worker processes (`recoupe.workers`)."""
    if quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles cleaned"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("brief", total=None)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        yield advance


def _iso_date(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    return value


@app.command()
def dates(
    path: Annotated[Path, typer.Argument(help="A text file (UTF-8 or another detected encoding).")],
    reference: Annotated[
        str,
        typer.Option(
            "--reference",
            callback=_iso_date,
            help="The article's date (YYYY-MM-DD): relative dates hang on it.",
        ),
    ],
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List the temporal expressions of a text with their ISO-TimeML values."""
    from datetime import date

    from recoupe.extract.dates import find_time_expressions

    with _guard(verbose):
        found = find_time_expressions(_read_one_text(path), date.fromisoformat(reference))
        _write_spans(found, ["text", "value"], [[t.text, t.value] for t in found], output_format, output)


@app.command()
def quotes(
    path: Annotated[Path, typer.Argument(help="A text file (UTF-8 or another detected encoding).")],
    language: LanguageOpt = None,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List the direct quotes of a text with their speakers."""
    from recoupe.extract.quotes import find_quotes

    with _guard(verbose):
        text = _read_one_text(path)
        found = find_quotes(text, language)
        rows = [[_speaker_shown(q, text), q.text] for q in found]
        _write_spans(found, ["speaker", "quote"], rows, output_format, output)


def _speaker_shown(quote: QuoteMention, text: str) -> str:
    """The speaker's name; an unnamed speaker as written, in parentheses ("(une voisine)"); else "?"."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_start is not None and quote.speaker_end is not None:
        return f"({text[quote.speaker_start : quote.speaker_end]})"
    return "?"


@app.command()
def figures(
    path: Annotated[Path, typer.Argument(help="A text file (UTF-8 or another detected encoding).")],
    language: LanguageOpt = None,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference", callback=_iso_date, help="The article's date (YYYY-MM-DD): times hang on it."
        ),
    ] = None,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List the numeric figures of a text: value, unit, what they count, the action, who says so."""
    from datetime import date

    from recoupe.clean.language import guess_language
    from recoupe.extract.figures import find_figures

    with _guard(verbose):
        text = _read_one_text(path)
        found = find_figures(
            text, language or guess_language(text), date.fromisoformat(reference) if reference else None
        )
        headers = ["figure", "value", "unit", "counts", "action", "claimant", "time"]
        rows = [
            [f.text, str(f.value)] + [w or "" for w in (f.unit, f.thing, f.action, f.claimant, f.time)]
            for f in found
        ]
        _write_spans(found, headers, rows, output_format, output)


def _write_spans(
    found: list[Any], headers: list[str], rows: list[list[str]], output_format: Format, output: Path | None
) -> None:
    """What `dates`, `quotes` and `figures` print: the spans as JSON, or a Markdown table."""
    from recoupe.report.tables import markdown_table, spans_json

    _write(spans_json(found) if output_format is Format.json else markdown_table(headers, rows), output)


def _read_one_text(path: Path) -> str:
    """The text of one file as recoupe reads it (offsets point into it); unreadable: exit 2."""
    from recoupe.ingest.decode import InputError, decode_text, read_input_bytes
    from recoupe.settings import Settings

    try:
        return decode_text(read_input_bytes(path, Settings().max_input_bytes))
    except InputError as exc:
        _note(f"skipped {path}: {exc}")
        raise typer.Exit(EXIT_NOTHING_READ) from None


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="The story database (built by `recoupe ingest`).")],
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; the default keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    verbose: VerboseOpt = False,
) -> None:
    """Serve the database's stories as a local, read-only web app (pages and a JSON API)."""
    if not db.is_file():
        _note(f"no database at {db} (build one with `recoupe ingest PATH... --db {db}`)")
        raise typer.Exit(EXIT_NOTHING_READ)
    import uvicorn

    from recoupe.store import Store, StoreError
    from recoupe.web import create_app

    with _guard(verbose), _usable_store():
        try:
            Store(db, readonly=True).close()
        except StoreError:
            # Once, before serving read-only: a store from an older recoupe is migrated in place
            # (tables and columns added, nothing lost); a file that is no store is one line.
            Store(db).close()
        if host not in ("127.0.0.1", "localhost", "::1"):
            _note(f"listening on {host}: other machines can read these stories")
        _note(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)")
        uvicorn.run(create_app(db), host=host, port=port, log_level="info" if verbose else "warning")
