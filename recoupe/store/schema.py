"""The store's SQLite schema, its migrations (numbered by `PRAGMA user_version`) and connections."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# 'rcup': marks the file as a recoupe store, so that another program's database is refused.
APPLICATION_ID = 0x72637570

# French and English words match with or without their accents ("ete" finds "été").
_TOKENIZER = "unicode61 remove_diacritics 2"

# Migration N brings a store from schema N-1 to N; a released script is never edited, only
# followed by a new one. Lists of strings are JSON arrays; positions keep the pipeline's order.
MIGRATIONS: tuple[str, ...] = (
    f"""
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,  -- reading order; also the rowid of its article_search row
        content_hash TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        title TEXT,
        source TEXT,
        published TEXT,
        published_basis TEXT,
        language TEXT,
        flags TEXT NOT NULL,
        copy_of TEXT,
        author TEXT,
        agencies TEXT NOT NULL,
        raw_text TEXT NOT NULL,  -- the article as read, before cleaning
        raw_title TEXT,
        raw_published TEXT,
        raw_source TEXT,
        raw_author TEXT,
        mentions TEXT NOT NULL  -- entity mentions, so that recomputing a story does not rerun NER
    );
    CREATE INDEX articles_language ON articles (language);
    CREATE INDEX articles_source ON articles (source);
    CREATE TABLE paragraphs (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE removals (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,  -- s<number>; also the rowid of its quote_search row
        title TEXT,
        date TEXT,
        independent_sources INTEGER NOT NULL,
        first_published TEXT,  -- its members' own dates: which stories a new batch may join
        last_published TEXT
    );
    CREATE INDEX stories_date ON stories (date);
    CREATE INDEX stories_last_published ON stories (last_published);
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        UNIQUE (story_id, position)
    );
    CREATE TABLE summary (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        articles TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE entities (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        variants TEXT NOT NULL,
        articles TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (story_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE quotes (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker TEXT,
        speaker_mention TEXT,
        text TEXT NOT NULL,
        articles TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE quote_variants (
        story_id TEXT NOT NULL,
        quote INTEGER NOT NULL,
        position INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (story_id, quote, position),
        FOREIGN KEY (story_id, quote) REFERENCES quotes (story_id, position) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE claims (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE claim_values (
        story_id TEXT NOT NULL,
        claim INTEGER NOT NULL,
        position INTEGER NOT NULL,
        value,  -- no declared type: an int stays an int and a float a float
        unit TEXT,
        claimants TEXT NOT NULL,
        articles TEXT NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (story_id, claim, position),
        FOREIGN KEY (story_id, claim) REFERENCES claims (story_id, position) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE TABLE timeline (
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        articles TEXT NOT NULL,
        PRIMARY KEY (story_id, position)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE article_search USING fts5 (title, body, tokenize = '{_TOKENIZER}');
    CREATE VIRTUAL TABLE quote_search USING fts5 (body, tokenize = '{_TOKENIZER}');
    PRAGMA application_id = {APPLICATION_ID};
    """,
    # 2: what the per-article stage found besides mentions (quotes, figures, dated sentences), so
    # that describing a story again never parses its members again; NULL for older rows.
    """
    ALTER TABLE articles ADD COLUMN extraction TEXT;
    """,
    # 3: what `recoupe watch` remembers between rounds: each source's validators for conditional
    # GET, and each item URL dealt with (its article stored, a copy of a stored one, or nothing to
    # store), written in the transaction that stores its article, so a round fetches new items only.
    """
    CREATE TABLE watched_sources (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT
    ) WITHOUT ROWID;
    CREATE TABLE watched_items (
        url TEXT PRIMARY KEY,
        content_hash TEXT,  -- of what was read, NULL when nothing could be
        article_id TEXT  -- the article stored, or the stored one it duplicates; NULL when none
    ) WITHOUT ROWID;
    """,
    # 4: when articles arrived. A run (an ingest, a fetch, a watch round) that stores articles is
    # recorded once, with its start; each article names the run that stored it, and each story
    # the latest run that added to it, so the list goes by last update and says what is new. Rows
    # stored before this schema keep NULL: when they arrived is unknown.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL  -- ISO 8601, UTC
    );
    ALTER TABLE articles ADD COLUMN run INTEGER;  -- a runs id
    ALTER TABLE stories ADD COLUMN updated_run INTEGER;
    CREATE INDEX articles_run ON articles (run);
    -- The story list's order (recoupe/store/listing.py), so that a page is read off the index.
    CREATE INDEX stories_by_update ON stories
        (updated_run IS NULL, updated_run DESC, date IS NULL, date DESC, number);
    """,
    # 5: the story list's search and filters go from the matching articles (their full-text rowid,
    # language or source) to their stories through indexes alone, never loading an article's row
    # (its text): on 100,000 articles, a word found in all of them took 0.6 s, now 0.12 s
    # (bench/web_latency.py).
    """
    CREATE INDEX articles_seq_id ON articles (seq, id);
    DROP INDEX articles_language;
    CREATE INDEX articles_language ON articles (language, id);
    DROP INDEX articles_source;
    CREATE INDEX articles_source ON articles (source, id);
    CREATE INDEX story_articles_member ON story_articles (article_id, story_id);
    """,
    # 6: each stored article's story by integers (its seq, the full-text rowid, to the story's
    # number), written with the story, so that a search goes from its matches to their stories
    # without a text key: a word found in all of 100,000 articles, 0.15 s → 0.05 s a page.
    """
    CREATE TABLE article_story (
        seq INTEGER PRIMARY KEY,  -- articles.seq
        story INTEGER NOT NULL  -- stories.number
    );
    INSERT INTO article_story (seq, story)
        SELECT a.seq, s.number FROM story_articles m
        JOIN articles a ON a.id = m.article_id JOIN stories s ON s.id = m.story_id;
    DROP INDEX articles_seq_id;
    """,
    # 7: a story's articles by integers, so that a search for words found in most articles walks
    # the list in its order and asks the full-text index about each story's own articles, page
    # by page, rather than mapping every match to its story (recoupe/store/listing.py).
    """
    CREATE INDEX article_story_by_story ON article_story (story, seq);
    """,
    # 8: each article's language and source by its seq, so that a page of the story list reads
    # its stories' languages and sources from two indexes (article_story_by_story, then this),
    # never an article's row: 1.06 → 0.30 ms of CPU a page of 50 stories (bench/web_latency.py).
    """
    CREATE INDEX articles_facets ON articles (seq, language, source);
    """,
)


class StoreError(Exception):
    """A store that cannot be used: missing, not a recoupe store, or made by a newer recoupe."""


def connect(path: str | Path, *, readonly: bool = False, any_thread: bool = False) -> sqlite3.Connection:
    """Open a store; a writable one is created or migrated to the current schema first.
    `any_thread`: a read-only connection that threads take in turn (never two at once)."""
    path = Path(path)
    if readonly and not path.is_file():
        raise StoreError(f"no store at {path}")
    try:
        if readonly:
            uri, shared = f"{path.resolve().as_uri()}?mode=ro", any_thread
            connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=not shared)
        else:
            # A second writer waits for the first one's batch rather than failing at once.
            connection = sqlite3.connect(path, isolation_level=None, timeout=60)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: {exc}") from None
    try:
        _check(connection, path, migrating=not readonly)
        if not readonly:
            connection.execute("PRAGMA journal_mode = WAL")
            _migrate(connection)
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException as exc:
        # Closed at once: an sqlite3 connection left to the garbage collector keeps the file open.
        connection.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(f"{path}: {exc}") from None
        raise
    return connection


def _check(connection: sqlite3.Connection, path: Path, *, migrating: bool) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if (version or tables) and application != APPLICATION_ID:
        raise StoreError(f"{path} is an SQLite database but not a recoupe store")
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{path} was made by a newer recoupe (schema {version}, this one knows {len(MIGRATIONS)})"
        )
    if version < len(MIGRATIONS) and not migrating:
        raise StoreError(
            f"{path} has schema {version}, {len(MIGRATIONS)} is needed: run `recoupe ingest` on it"
        )


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        try:
            connection.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: all of it is committed, or none of it (a kill leaves none)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
