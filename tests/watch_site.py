"""The news site the watch tests serve on 127.0.0.1: a few reports written for the tests, their
pages, and RSS feeds listing them, round by round."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

from web_server import Route, Site, article_page

PARIS = timezone(timedelta(hours=1))

TRAM_TITLE = "Grève des tramways à Grenoble : le réseau à l'arrêt mardi"
TRAM = [
    "Les conducteurs de tramway de Grenoble ont cessé le travail mardi matin à l'appel de trois "
    "syndicats, qui réclament une hausse de salaire de 150 euros par mois.",
    "Selon la régie des transports, seules deux rames sur quarante ont circulé dans la matinée, et "
    "les lignes A et B sont restées fermées jusqu'à midi.",
    "« Nous ne reprendrons pas tant que la direction refusera de négocier », a déclaré Pauline "
    "Mercier, déléguée syndicale, devant le dépôt d'Eybens.",
    "La direction propose une prime de 60 euros et une nouvelle réunion vendredi avec les "
    "représentants du personnel, à la préfecture de l'Isère.",
]
FLOOD_TITLE = "Inondations à Nîmes : 300 habitants évacués après des pluies record"
FLOOD = [
    "Près de 300 habitants du quartier Richelieu, à Nîmes, ont été évacués dans la nuit de mardi à "
    "mercredi après la crue soudaine du cadereau d'Uzès.",
    "Météo-France a relevé 212 millimètres de pluie en six heures, un record depuis 1988 pour la "
    "station de Courbessac.",
    "« L'eau est montée d'un mètre en vingt minutes », raconte Karim Belhadj, commerçant de la "
    "rue Vincent-Faïta, qui a passé la nuit au gymnase municipal.",
    "La préfecture du Gard a ouvert trois centres d'hébergement et annonce que les écoles du "
    "secteur resteront fermées jeudi.",
]
FESTIVAL_TITLE = "Le festival de jazz de Vienne dévoile l'affiche de sa prochaine édition"


def rss(channel: str, items: list[tuple[str, str, str, str | None]]) -> str:
    """An RSS 2.0 feed: items as (title, link, published day, summary or None)."""
    entries = []
    for title, link, day, summary in items:
        published = format_datetime(datetime.fromisoformat(day).replace(hour=9, tzinfo=PARIS))
        description = f"<description>{escape(summary)}</description>" if summary else ""
        entries.append(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<pubDate>{published}</pubDate>{description}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(channel)}</title><link>http://example.org/</link>{''.join(entries)}"
        "</channel></rss>"
    )


def first_round(site: Site) -> None:
    """The Alpes Matin feed lists the tram strike and the flood."""
    site.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/alpes/tram"] = Route(article_page(TRAM_TITLE, TRAM, "2026-11-24", "Alpes Matin"))
    site.routes["/alpes/crue"] = Route(article_page(FLOOD_TITLE, FLOOD, "2026-11-25", "Alpes Matin"))
    site.routes["/feeds/alpes.xml"] = Route(
        rss(
            "Alpes Matin",
            [
                (FLOOD_TITLE, site.url("/alpes/crue"), "2026-11-25", "Trois cents évacués à Nîmes."),
                (TRAM_TITLE, site.url("/alpes/tram"), "2026-11-24", None),
            ],
        ),
        content_type="application/rss+xml",
        etag='"alpes-1"',
    )


def second_round(site: Site) -> None:
    """An aggregator's feed appears: a syndicated copy of the tram strike on its own page, the
    tram page again (already stored), and a festival item whose page answers 404."""
    chrome = "Publié via notre partenaire. Contact | Mentions légales"
    copy_page = article_page(TRAM_TITLE, TRAM, "2026-11-24", "Agrégateur Info", chrome=chrome)
    site.routes["/agregateur/tram-grenoble"] = Route(copy_page)
    site.routes["/feeds/agregateur.xml"] = Route(
        rss(
            "Agrégateur Info",
            [
                (FESTIVAL_TITLE, site.url("/agregateur/festival-vienne"), "2026-11-26", None),
                (TRAM_TITLE, site.url("/agregateur/tram-grenoble"), "2026-11-24", None),
                (TRAM_TITLE, site.url("/alpes/tram"), "2026-11-24", None),
            ],
        ),
        content_type="application/rss+xml",
    )


def sources_file(site: Site, path: str, *feeds: str) -> str:
    """A sources file naming these feeds, with a comment and a blank line."""
    lines = ["# the desk's feeds", "", *(site.url(feed) for feed in feeds)]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path
