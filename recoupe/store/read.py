"""Reading articles and stories back from the store as the pipeline's own dataclasses."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimValue,
    Entity,
    Paragraph,
    Quote,
    QuoteVariant,
    Removal,
    Story,
    SummarySentence,
    TimelineEntry,
)

# Ids travel as one JSON array bound to one parameter: no limit on how many, no SQL built from them.
IN_IDS = "IN (SELECT value FROM json_each(?))"

_ARTICLE_COLUMNS = (
    "id, origin, title, source, published, published_basis, language, flags, copy_of, author, agencies,"
    " content_hash"
)


def json_ids(values: list[str]) -> str:
    return json.dumps(values)


def brief(connection: sqlite3.Connection, story_ids: list[str] | None = None) -> Brief:
    """These stories (all when None) and their articles in reading order; an article still
    pending (in no story: a run under way, or one killed before it assigned it) is left out."""
    found = stories(connection, story_ids)
    generated_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    ids = [a for s in found for a in s.articles] if story_ids is not None else None
    return Brief(generated_at=generated_at, articles=articles(connection, ids, assigned=True), stories=found)


def articles(
    connection: sqlite3.Connection, ids: list[str] | None = None, *, assigned: bool = False
) -> list[Article]:
    """Articles in reading order (those of `ids`, or all; with `assigned`, only those in a
    story), paragraphs and removals filled."""
    where, params = ("", ()) if ids is None else (f"WHERE id {IN_IDS}", (json_ids(ids),))
    if assigned:
        where = f"{where} {'AND' if where else 'WHERE'} id IN (SELECT article_id FROM story_articles)"
    rows = connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} ORDER BY seq", params)
    found = [_article(row) for row in rows.fetchall()]
    where, params = ("", ()) if ids is None else (f"WHERE article_id {IN_IDS}", (json_ids(ids),))
    paragraphs = _grouped(
        connection,
        f"SELECT article_id, text, language FROM paragraphs {where} ORDER BY article_id, position",
        params,
    )
    removals = _grouped(
        connection,
        f"SELECT article_id, text, reason FROM removals {where} ORDER BY article_id, position",
        params,
    )
    for article in found:
        article.paragraphs = [Paragraph(text, language) for text, language in paragraphs[article.id]]
        article.removed = [Removal(text, reason) for text, reason in removals[article.id]]
    return found


def _article(row: tuple[Any, ...]) -> Article:
    id_, origin, title, source, published, basis, language, flags, copy_of, author, agencies, hash_ = row
    return Article(
        id=id_,
        origin=origin,
        title=title,
        source=source,
        published=published,
        published_basis=basis,
        language=language,
        paragraphs=[],
        removed=[],
        flags=json.loads(flags),
        copy_of=copy_of,
        author=author,
        agencies=json.loads(agencies),
        content_hash=hash_,
    )


def _grouped(
    connection: sqlite3.Connection, sql: str, params: tuple[Any, ...]
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows keyed by their first column, in query order."""
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for key, *rest in connection.execute(sql, params):
        groups[key].append(tuple(rest))
    return groups


def stories(connection: sqlite3.Connection, ids: list[str] | None = None) -> list[Story]:
    """Stories by number (those of `ids`, or all), with everything the brief says of them."""
    where, params = ("", ()) if ids is None else (f"WHERE id {IN_IDS}", (json_ids(ids),))
    rows = connection.execute(
        f"SELECT id, title, date, independent_sources FROM stories {where} ORDER BY number", params
    ).fetchall()
    where, params = ("", ()) if ids is None else (f"WHERE story_id {IN_IDS}", (json_ids(ids),))

    def children(columns: str, table: str, order: str = "position") -> dict[str, list[tuple[Any, ...]]]:
        return _grouped(
            connection, f"SELECT story_id, {columns} FROM {table} {where} ORDER BY story_id, {order}", params
        )

    members = children("article_id", "story_articles")
    summary = children("text, articles", "summary")
    entities = children("name, type, variants, articles, mentions", "entities")
    quotes = children("speaker, speaker_mention, text, articles", "quotes")
    variants = children("quote, article_id, text", "quote_variants", "quote, position")
    claims = children("subject, status", "claims")
    values = children("claim, value, unit, claimants, articles, evidence", "claim_values", "claim, position")
    timeline = children("date, text, articles", "timeline")
    found = []
    for story_id, title, day, sources in rows:
        quote_variants = defaultdict(list)
        for quote, article_id, text in variants[story_id]:
            quote_variants[quote].append(QuoteVariant(article_id, text))
        claim_values = defaultdict(list)
        for claim, value, unit, claimants, cited, evidence in values[story_id]:
            claim_values[claim].append(
                ClaimValue(value, unit, json.loads(claimants), json.loads(cited), json.loads(evidence))
            )
        found.append(
            Story(
                id=story_id,
                title=title,
                date=day,
                articles=[article_id for (article_id,) in members[story_id]],
                independent_sources=sources,
                summary=[SummarySentence(text, json.loads(cited)) for text, cited in summary[story_id]],
                entities=[
                    Entity(name, kind, json.loads(names), json.loads(cited), count)
                    for name, kind, names, cited, count in entities[story_id]
                ],
                quotes=[
                    Quote(speaker, mention, text, json.loads(cited), quote_variants[i])
                    for i, (speaker, mention, text, cited) in enumerate(quotes[story_id])
                ],
                claims=[
                    Claim(subject, status, claim_values[i])
                    for i, (subject, status) in enumerate(claims[story_id])
                ],
                timeline=[
                    TimelineEntry(day, text, json.loads(cited)) for day, text, cited in timeline[story_id]
                ],
            )
        )
    return found


def story_of(connection: sqlite3.Connection, article_id: str) -> str | None:
    row = connection.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row[0] if row else None


def stored_hashes(connection: sqlite3.Connection) -> dict[str, str]:
    """Content hash → article id, for every stored article."""
    return dict(connection.execute("SELECT content_hash, id FROM articles").fetchall())


def next_story_number(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT coalesce(max(number), 0) + 1 FROM stories").fetchone()[0]


def next_seq(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
