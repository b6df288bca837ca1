"""What `recoupe watch` reads to find articles: RSS and Atom feeds (feedparser) and sitemaps.

A source is told by its content, not its name: a `<urlset>` or `<sitemapindex>` root is a sitemap,
anything else is tried as a feed. A feed item whose page cannot be had becomes an article of its
own headline (and summary, when the feed gives one), as a JSON Lines record with a title and no
body does.
"""

from __future__ import annotations

import calendar
import contextlib
import email.utils
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

from recoupe.ingest.decode import InputError, content_hash
from recoupe.model import RawArticle

_SITEMAP_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)[\s>]")
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# What feedparser flags in a feed it read whole: a wrong declared encoding, a non-XML content type.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed or a sitemap: the page it points to and what the source says of it."""

    url: str
    title: str | None = None
    summary: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None  # the feed's own title: the outlet, for an item stored without its page


@dataclass(frozen=True)
class SourceContent:
    """What one source lists: items, and for a sitemap index the sitemaps it points to."""

    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def read_source(body: bytes, url: str) -> SourceContent:
    """The items of a feed or sitemap, in the order it lists them; `InputError` when it is neither."""
    if not body.strip():
        raise InputError("empty answer")
    if _SITEMAP_ROOT.search(body[:4096]):
        return read_sitemap(body, url)
    return read_feed(body, url)


def read_feed(body: bytes, url: str) -> SourceContent:
    """An RSS or Atom feed, given as bytes (feedparser never fetches anything then)."""
    # The base URL resolves relative links; the content type is not given, as servers often name
    # a feed text/html or text/plain (feedparser would only flag it).
    parsed = feedparser.parse(body, response_headers={"content-location": url}, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception")
    if problem is not None and not isinstance(problem, _HARMLESS):
        raise InputError(f"malformed feed ({_one_line(problem)})")
    if not parsed.get("version") and not parsed.entries:
        raise InputError("neither an RSS or Atom feed nor a sitemap")
    outlet = _text(parsed.feed.get("title"))
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or _permalink(entry)
        if not link:
            continue
        items.append(
            FeedItem(
                url=urljoin(url, link.strip()),
                title=_text(entry.get("title")),
                summary=_text(entry.get("summary")),
                published=_entry_day(entry),
                source=outlet,
            )
        )
    return SourceContent(items)


def read_sitemap(body: bytes, url: str) -> SourceContent:
    """A sitemap (`<urlset>`, with the news extension's title and date when present) or a sitemap
    index (`<sitemapindex>`: the sitemaps it lists). Entities are not expanded, nothing is fetched."""
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(body, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise InputError(f"malformed sitemap ({_one_line(exc)})") from None
    if root.tag.endswith("sitemapindex"):
        return SourceContent(sitemaps=[urljoin(url, loc) for loc in _locs(root, "sitemap")])
    items = []
    for entry in root.iter(f"{_SITEMAP_NS}url", "url"):
        loc = entry.findtext(f"{_SITEMAP_NS}loc") or entry.findtext("loc")
        if not loc or not loc.strip():
            continue
        news = entry.find(f"{_NEWS_NS}news")
        title = published = outlet = None
        if news is not None:
            title = _text(news.findtext(f"{_NEWS_NS}title"))
            published = _iso_day(news.findtext(f"{_NEWS_NS}publication_date"))
            outlet = _text(news.findtext(f"{_NEWS_NS}publication/{_NEWS_NS}name"))
        items.append(FeedItem(urljoin(url, loc.strip()), title, None, published, outlet))
    return SourceContent(items)


def headline_article(item: FeedItem) -> RawArticle | None:
    """The article a feed gives of an item whose page cannot be had: its headline (flagged
    headline-only by cleaning), or its headline and summary (flagged feed-summary); None when the
    feed gives no headline."""
    if not item.title:
        return None
    text = item.title if not item.summary else f"{item.title}\n{item.summary}"
    return RawArticle(
        id=item.url,
        origin=item.url,
        text=text,
        title=item.title,
        published=item.published,
        source=item.source,
        # A headline (and summary) is one article per item, even worded as another outlet's.
        content_hash=content_hash(f"{item.url}\n{text}"),
        flags=("feed-summary",) if item.summary else (),
    )


def with_feed_metadata(raw: RawArticle, item: FeedItem) -> RawArticle:
    """A fetched page's article, with what its page did not say taken from the feed."""
    return RawArticle(
        id=raw.id,
        origin=raw.origin,
        text=raw.text,
        title=raw.title or item.title,
        published=raw.published or item.published,
        source=raw.source or item.source,
        author=raw.author,
        content_hash=raw.content_hash,
        flags=raw.flags,
    )


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _locs(root: lxml.etree._Element, element: str) -> list[str]:
    found = root.iter(f"{_SITEMAP_NS}{element}", element)
    locs = (e.findtext(f"{_SITEMAP_NS}loc") or e.findtext("loc") for e in found)
    return [loc.strip() for loc in locs if loc and loc.strip()]


def _permalink(entry: feedparser.FeedParserDict) -> str | None:
    guid = entry.get("id")
    return guid if guid and is_web_url(guid) and entry.get("guidislink", True) else None


def _text(value: str | None) -> str | None:
    """Feed text is often HTML ('<p>…</p>', '&amp;'): its text, on one line."""
    if not value or not value.strip():
        return None
    if "<" in value or "&" in value:
        with contextlib.suppress(lxml.etree.ParserError, ValueError):
            value = lxml.html.fromstring(f"<div>{value}</div>").text_content()
    return " ".join(value.split()) or None


def _entry_day(entry: feedparser.FeedParserDict) -> str | None:
    """The day the entry was published, as the publisher's clock read it ('Tue, 24 Nov 2026
    00:30 +0100' is the 24th, though 23:30 UTC); feedparser's own reading is in UTC."""
    for key in ("published", "updated"):
        written = (entry.get(key) or "").strip()
        if not written:
            continue
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return email.utils.parsedate_to_datetime(written).date().isoformat()
        if day := _iso_day(written):
            return day
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date().isoformat()
    return None


def _iso_day(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
