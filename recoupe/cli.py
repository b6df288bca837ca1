"""The `recoupe` command: a thin shell over the library."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from recoupe import __version__
from recoupe.model import Article, Brief, Skipped

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
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Report each article; show tracebacks.")]


@app.command()
def brief(
    paths: PathsArg,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Read articles and write the brief: clean texts, stories, and what was removed and why."""
    from recoupe.report import render_json, render_markdown

    _run_and_write(
        paths, output, quiet, verbose, render_json if output_format is Format.json else render_markdown
    )


@app.command()
def stories(
    paths: PathsArg,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """List the stories (date, title, articles, independent sources): the map before the dossier."""
    from recoupe.report import render_story_list_json, render_story_list_markdown

    _run_and_write(
        paths,
        output,
        quiet,
        verbose,
        render_story_list_json if output_format is Format.json else render_story_list_markdown,
    )


def _run_and_write(
    paths: list[Path], output: Path | None, quiet: bool, verbose: bool, render: Callable[[Brief], str]
) -> None:
    from recoupe.pipeline import build_brief

    with _guard(verbose), _progress(quiet) as advance:
        run = build_brief(paths, on_skip=_report_skip, on_article=_article_reporter(advance, verbose))
        _require_articles(run.brief)
        _write(render(run.brief), output)
        if not quiet:
            _note(
                f"{len(run.brief.articles)} articles in {len(run.brief.stories)} stories"
                + (f", {len(run.skipped)} inputs skipped" if run.skipped else "")
            )


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
    """A progress line on stderr, only when stderr is a terminal."""
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
    ) as progress:
        task = progress.add_task("brief", total=None)
        yield lambda: progress.advance(task)


def _iso_date(value: str) -> str:
    from datetime import date

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
    from recoupe.report.tables import markdown_table, spans_json

    with _guard(verbose):
        found = find_time_expressions(_read_one_text(path), date.fromisoformat(reference))
        if output_format is Format.json:
            _write(spans_json(found), output)
        else:
            _write(markdown_table(["text", "value"], [[t.text, t.value] for t in found]), output)


@app.command()
def quotes(
    path: Annotated[Path, typer.Argument(help="A text file (UTF-8 or another detected encoding).")],
    language: Annotated[
        str | None, typer.Option("--language", help="fr or en (guessed from the text when left out).")
    ] = None,
    output_format: FormatOpt = Format.markdown,
    output: OutputOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """List the direct quotes of a text with their speakers."""
    from recoupe.extract.quotes import find_quotes
    from recoupe.report.tables import markdown_table, spans_json

    with _guard(verbose):
        found = find_quotes(_read_one_text(path), language)
        if output_format is Format.json:
            _write(spans_json(found), output)
        else:
            _write(markdown_table(["speaker", "quote"], [[q.speaker or "?", q.text] for q in found]), output)


def _read_one_text(path: Path) -> str:
    """The text of one file as recoupe reads it (offsets point into it); unreadable: exit 2."""
    from recoupe.ingest.decode import InputError, decode_text, read_input_bytes
    from recoupe.settings import Settings

    try:
        return decode_text(read_input_bytes(path, Settings().max_input_bytes))
    except InputError as exc:
        _note(f"skipped {path}: {exc}")
        raise typer.Exit(EXIT_NOTHING_READ) from None
