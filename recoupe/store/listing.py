"""The story list: one line per story, filtered by words (full-text), dates, language and source."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import TypedDict, Unpack

from recoupe.settings import Settings


@dataclass(frozen=True)
class StoryRow:
    """One line of the story list."""

    id: str  # "s1", "s2"… — stable across later ingests
    title: str | None
    date: str | None
    articles: int
    independent_sources: int
    languages: list[str]  # distinct article languages, sorted
    sources: list[str]  # distinct article sources (outlet or agency), sorted
    # When it last grew: the start (ISO 8601, UTC) of the latest run that stored one of its
    # articles; None when they all came before the store recorded runs.
    updated: str | None = None
    # Articles it gained in the store's latest run that stored any: "+N since the previous round".
    new_articles: int = 0


class StoryFilters(TypedDict, total=False):
    """What the story list can be narrowed by; every filter given must hold."""

    query: str | None  # words, all required, in an article's title or text or in a quote
    date_from: str | None
    date_to: str | None  # the last day included, whatever its precision ("2024-05")
    language: str | None
    source: str | None


_WORD = re.compile(r"\w")

# Stories with an article whose title or text has every word, or whose quotes have every word.
# From each matching article to its story by integers alone (article_story, schema 6), joined to
# the full-text matches as they come: a word found in all of 100,000 articles takes 0.05 s; through
# the articles' rows it took 0.6 s, and 0.08 s as an IN list of the matches (bench/web_latency.py).
_MATCHING = """s.number IN (
    SELECT rowid FROM quote_search WHERE quote_search MATCH :match
    UNION ALL
    SELECT x.story FROM article_search f JOIN article_story x ON x.seq = f.rowid
    WHERE article_search MATCH :match
)"""
# The same test for one story (s), through its own articles: each a lookup of the full-text index
# by rowid (about 0.1 ms), worth it when most stories match and a page needs few of them.
_STORY_MATCHES = """(EXISTS (SELECT 1 FROM article_story x JOIN article_search f ON f.rowid = x.seq
        WHERE x.story = s.number AND article_search MATCH :match)
    OR EXISTS (SELECT 1 FROM quote_search q WHERE q.rowid = s.number AND quote_search MATCH :match))"""
# The stories whose numbers are given (a JSON array), in the list's order by the query's ORDER BY.
_NUMBERED = "s.number IN (SELECT value FROM json_each(:numbers))"
# Stories with an article in this language (or from this source), likewise through indexes alone.
_HAVING_ARTICLE = """s.id IN (
    SELECT m.story_id FROM articles a INDEXED BY articles_{0}
    JOIN story_articles m INDEXED BY story_articles_member ON m.article_id = a.id
    WHERE a.{0} = :{0}
)"""

# Last updated first (stories from before runs were recorded last), then newest first, undated
# last, then by story number: a total order, so pages never overlap. The index stories_by_update
# (schema 4) holds these very terms, so a page is read off it without sorting the store.
_ORDER = "ORDER BY {0}.updated_run IS NULL, {0}.updated_run DESC, {0}.date IS NULL, {0}.date DESC, {0}.number"


def fts_query(words: str) -> str | None:
    """The user's words as FTS5 strings, all required: quotes, `*`, `-`, AND, NEAR, `col:` are
    searched as text, never read as query syntax. None when no word is left to search."""
    terms = ['"' + chunk.replace('"', '""') + '"' for chunk in words.split() if _WORD.search(chunk)]
    return " ".join(terms) or None


def story_rows(
    connection: sqlite3.Connection,
    *,
    limit: int | None = None,
    offset: int = 0,
    **filters: Unpack[StoryFilters],
) -> list[StoryRow]:
    """Last updated first, then newest first (undated last, then by id); every filter given must
    hold. `limit` and `offset` page the list in SQLite, so that a page costs the same whatever the
    store's size."""
    where = _where(filters)
    return _rows(connection, *where, limit, offset, counted=False)[0] if where else []


def story_page(
    connection: sqlite3.Connection,
    *,
    limit: int,
    offset: int = 0,
    settings: Settings | None = None,
    **filters: Unpack[StoryFilters],
) -> tuple[list[StoryRow], int | None]:
    """One page of `story_rows` and how many stories match, all pages together; None when more
    than `offset + limit` match and they were not counted (a search found in too many articles).

    A search found in fewer than `settings.search_counted_articles` articles is run once, from its
    matches to their stories: the page's query also counts them (a window over them); a page past
    the end is counted apart. One found in more is answered by walking the list in its order and
    asking the full-text index about each story's own articles until the page is full: the same
    stories in the same order, at a cost that follows the page rather than the matches."""
    where = _where(filters)
    if where is None:
        return [], 0
    conditions, params = where
    settings = settings or Settings()
    wanted = offset + limit + 1  # one more than the page: whether another page follows
    if (
        "match" in params
        and wanted <= settings.search_walk_stories
        and _found_in_many(connection, params["match"], settings.search_counted_articles)
    ):
        walked = _walk(connection, filters, params["match"], wanted, settings.search_walk_stories)
        if walked is not None:
            page = walked[offset : offset + limit]
            rows = _rows(connection, _NUMBERED, {"numbers": json.dumps(page)}, None, 0, counted=False)[0]
            return rows, None if len(walked) == wanted else len(walked)
    rows, total = _rows(connection, conditions, params, limit, offset, counted="match" in params)
    if total is None:
        (total,) = connection.execute(f"SELECT count(*) FROM stories s WHERE {conditions}", params).fetchone()
    return rows, int(total)


def _found_in_many(connection: sqlite3.Connection, match: str, many: int) -> bool:
    """Whether at least `many` articles match: the full-text index is read that far, no further."""
    (found,) = connection.execute(
        "SELECT count(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT ?)",
        (match, many),
    ).fetchone()
    return int(found) >= many


def _walk(
    connection: sqlite3.Connection, filters: StoryFilters, match: str, wanted: int, budget: int
) -> list[int] | None:
    """The numbers of the first `wanted` stories of the list that match (all of them when fewer
    do), asking about each story in the list's order; None when `budget` stories were asked about
    without finding them (the matches are too scattered: mapping them all costs less)."""
    conditions, params = _where({**filters, "query": None}) or ("1", {})  # never None without a query
    cursor = connection.execute(
        f"SELECT s.number, {_STORY_MATCHES} FROM stories s INDEXED BY stories_by_update"
        f" WHERE {conditions} {_ORDER.format('s')}",
        {**params, "match": match},
    )
    try:
        found: list[int] = []
        for asked, (number, matches) in enumerate(cursor, start=1):
            if matches:
                found.append(number)
                if len(found) == wanted:
                    return found
            if asked == budget:
                return None
        return found
    finally:
        cursor.close()


def _rows(
    connection: sqlite3.Connection,
    conditions: str,
    params: dict[str, str],
    limit: int | None,
    offset: int,
    *,
    counted: bool,
) -> tuple[list[StoryRow], int | None]:
    """The page's rows and, when `counted` and the page has rows, the number of matching stories."""
    # The page is chosen first, so that its article counts are counted for its rows only.
    rows = connection.execute(
        "SELECT p.number, p.id, p.title, p.date, p.independent_sources,"
        " (SELECT count(*) FROM story_articles m WHERE m.story_id = p.id),"
        " (SELECT started FROM runs WHERE id = p.updated_run),"
        " CASE WHEN p.updated_run = l.run THEN (SELECT count(*) FROM story_articles m"
        "  JOIN articles a ON a.id = m.article_id WHERE m.story_id = p.id AND a.run = l.run) ELSE 0 END,"
        " p.total"
        " FROM (SELECT s.number, s.id, s.title, s.date, s.independent_sources, s.updated_run,"
        f" {'count(*) OVER ()' if counted else 'NULL'} AS total"
        f" FROM stories s WHERE {conditions} {_ORDER.format('s')} LIMIT :limit OFFSET :offset) p,"
        " (SELECT max(id) AS run FROM runs) l"
        f" {_ORDER.format('p')}",
        {**params, "limit": -1 if limit is None else limit, "offset": offset},  # -1: no limit
    ).fetchall()
    languages, sources = _languages_and_sources(connection, [number for number, *_ in rows])
    page = [
        StoryRow(story, title, day, count, independent, languages[number], sources[number], updated, new)
        for number, story, title, day, independent, count, updated, new, _ in rows
    ]
    return page, rows[0][-1] if rows else None


def story_count(connection: sqlite3.Connection, **filters: Unpack[StoryFilters]) -> int:
    """How many stories `story_rows` lists with these filters, all pages together."""
    where = _where(filters)
    if where is None:
        return 0
    conditions, params = where
    (count,) = connection.execute(f"SELECT count(*) FROM stories s WHERE {conditions}", params).fetchone()
    return int(count)


def _where(filters: StoryFilters) -> tuple[str, dict[str, str]] | None:
    """The list's WHERE clause and its parameters; None when the search can match nothing."""
    query, date_from, date_to = filters.get("query"), filters.get("date_from"), filters.get("date_to")
    language, source = filters.get("language"), filters.get("source")
    conditions, params = ["1"], {}
    if query is not None and query.strip():
        match = fts_query(query)
        if match is None:
            return None
        conditions.append(_MATCHING)
        params["match"] = match
    if date_from:
        conditions.append("s.date >= :date_from")
        params["date_from"] = date_from
    if date_to:
        # A story date is a day; `date_to` names the last day included, whatever its precision.
        conditions.append("substr(s.date, 1, length(:date_to)) <= :date_to")
        params["date_to"] = date_to
    for column, value in (("language", language), ("source", source)):
        if value:
            conditions.append(_HAVING_ARTICLE.format(column))
            params[column] = value
    return " AND ".join(conditions), params


def _languages_and_sources(
    connection: sqlite3.Connection, numbers: list[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Each story's article languages and sources, by story number, read off indexes alone."""
    languages: dict[int, set[str]] = defaultdict(set)
    sources: dict[int, set[str]] = defaultdict(set)
    for number, language, source in connection.execute(
        "SELECT x.story, a.language, a.source FROM article_story x INDEXED BY article_story_by_story"
        " JOIN articles a INDEXED BY articles_facets ON a.seq = x.seq"
        " WHERE x.story IN (SELECT value FROM json_each(?))",
        (json.dumps(numbers),),
    ):
        if language:
            languages[number].add(language)
        if source:
            sources[number].add(source)
    return (
        defaultdict(list, {k: sorted(v) for k, v in languages.items()}),
        defaultdict(list, {k: sorted(v) for k, v in sources.items()}),
    )


def distinct_values(connection: sqlite3.Connection, column: str) -> list[str]:
    """Every article language or source in the store, sorted: the choices of the list's filters."""
    if column not in ("language", "source"):
        raise ValueError(f"no filter on {column!r}")
    # One index lookup per distinct value, each the least above the one before, rather than a scan
    # of every article's entry (10 ms a page on 100,000 articles for the two lists).
    rows = connection.execute(
        f"WITH RECURSIVE v (value) AS (SELECT min({column}) FROM articles"
        f" UNION ALL SELECT (SELECT min({column}) FROM articles WHERE {column} > v.value) FROM v"
        "  WHERE v.value IS NOT NULL)"
        " SELECT value FROM v WHERE value IS NOT NULL"
    )
    return sorted(value for (value,) in rows)
