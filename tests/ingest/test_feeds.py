"""Feeds and sitemaps: the items they list, in their order, with what they say of each page; an
item whose page cannot be had is its headline (and summary)."""

from __future__ import annotations

import pytest

from recoupe.ingest.decode import InputError
from recoupe.ingest.feeds import FeedItem, headline_article, read_source

BASE = "https://journal.example/rss.xml"


def test_an_rss_feed_gives_links_titles_summaries_and_the_publishers_day() -> None:
    feed = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Journal du Soir</title>
<item><title>Crue &amp; \xc3\xa9vacuations</title><link>/2026/11/24/crue</link>
<description>&lt;p&gt;Trois cents habitants &lt;b&gt;\xc3\xa9vacu\xc3\xa9s&lt;/b&gt;.&lt;/p&gt;</description>
<pubDate>Tue, 24 Nov 2026 00:30:00 +0100</pubDate></item>
<item><title>Sans lien</title></item>
</channel></rss>"""
    [item] = read_source(feed, BASE).items
    assert item == FeedItem(
        url="https://journal.example/2026/11/24/crue",
        title="Crue & évacuations",
        summary="Trois cents habitants évacués.",
        published="2026-11-24",  # the publisher's day, not the UTC one (the 23rd)
        source="Le Journal du Soir",
    )


def test_an_atom_feed_is_read_too() -> None:
    feed = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Agence</title>
<entry><title>Un</title><link href="https://agence.example/un"/><updated>2026-11-25T10:00:00Z</updated></entry>
<entry><title>Deux</title><link href="https://agence.example/deux"/></entry></feed>"""
    items = read_source(feed, "https://agence.example/atom")
    assert [(i.url, i.published) for i in items.items] == [
        ("https://agence.example/un", "2026-11-25"),
        ("https://agence.example/deux", None),
    ]


def test_malformed_xml_and_other_documents_are_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match=r"^malformed feed \("):
        read_source(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Un</channel>', BASE)
    with pytest.raises(InputError, match="neither an RSS or Atom feed nor a sitemap"):
        read_source(b"<html><body><p>Une page</p></body></html>", BASE)
    with pytest.raises(InputError, match="empty answer"):
        read_source(b"  \n", BASE)


def test_a_news_sitemap_gives_titles_and_days_and_an_index_its_sitemaps() -> None:
    sitemap = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://journal.example/a</loc><news:news>
  <news:publication><news:name>Le Journal</news:name><news:language>fr</news:language></news:publication>
  <news:publication_date>2026-11-24T23:30:00+01:00</news:publication_date>
  <news:title>Titre A</news:title></news:news></url>
<url><loc>https://journal.example/b</loc><lastmod>2026-11-20</lastmod></url>
</urlset>"""
    items = read_source(sitemap, "https://journal.example/sitemap.xml").items
    assert items == [
        FeedItem("https://journal.example/a", "Titre A", None, "2026-11-24", "Le Journal"),
        FeedItem("https://journal.example/b"),  # a lastmod is no publication date
    ]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sitemap-1.xml</loc></sitemap><sitemap><loc>https://cdn.example/2.xml</loc></sitemap>
</sitemapindex>"""
    assert read_source(index, "https://journal.example/index.xml").sitemaps == [
        "https://journal.example/sitemap-1.xml",
        "https://cdn.example/2.xml",
    ]


def test_a_sitemap_with_entities_does_not_expand_them() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&c;</loc></url></urlset>"""
    items = read_source(bomb, "https://x.example/sitemap.xml").items
    assert all(len(item.url) < 100 for item in items)


def test_an_item_without_its_page_is_its_headline_and_summary() -> None:
    item = FeedItem("https://j.example/a", "Le tram reprend", None, "2026-11-26", "Le Journal")
    bare = headline_article(item)
    assert bare is not None and bare.text == "Le tram reprend" and bare.title == "Le tram reprend"
    assert (bare.id, bare.origin, bare.published, bare.source) == (
        "https://j.example/a",
        "https://j.example/a",
        "2026-11-26",
        "Le Journal",
    )
    assert bare.flags == ()  # cleaning flags it headline-only: its title is all its text
    summed = headline_article(FeedItem("https://j.example/b", "Le tram reprend", "Après six jours de grève."))
    assert summed is not None and summed.text == "Le tram reprend\nAprès six jours de grève."
    assert summed.flags == ("feed-summary",)
    assert headline_article(FeedItem("https://j.example/c")) is None
    other_outlet = headline_article(FeedItem("https://k.example/z", "Le tram reprend"))
    assert other_outlet is not None and other_outlet.content_hash != bare.content_hash
