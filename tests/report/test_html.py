"""The HTML dossier: one self-contained page, every article string escaped, stories laid out for reading."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from factories import make_article
from hostile import EVIL, JS_URL
from typer.testing import CliRunner

from recoupe.cli import app
from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimValue,
    Quote,
    QuoteVariant,
    Removal,
    Story,
    SummarySentence,
    TimelineEntry,
)
from recoupe.report.charts import coverage_chart, spread_chart
from recoupe.report.html import render_html
from recoupe.report.markdown import render_markdown
from recoupe.report.views import anchor, quotes_by_speaker, source_groups, web_url


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's tokenizer would see them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def named(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


def zolotopil_story() -> tuple[Story, list[Article]]:
    original = make_article(
        "courrier",
        ["Neuf personnes ont été tuées dans la nuit à Zolotopil, selon le gouverneur."],
        title="Frappe sur Zolotopil",
        published="2024-03-13",
    )
    copy = make_article(
        "autoblog", ["Neuf personnes ont été tuées dans la nuit à Zolotopil."], copy_of="courrier"
    )
    wire_fr = make_article("wire-fr", ["Selon l'AFP, neuf morts."], agencies=["AFP"], published="2024-03-14")
    wire_en = make_article(
        "wire-en", ["Eleven people were killed, rescuers said."], language="en", agencies=["AFP"]
    )
    articles = [original, copy, wire_fr, wire_en]
    articles[0] = replace(original, removed=[Removal("Lire aussi : la météo", "navigation")])
    story = Story(
        id="s1",
        title="Frappe sur Zolotopil",
        date="2024-03-13",
        articles=[a.id for a in articles],
        independent_sources=2,
        summary=[SummarySentence("Neuf personnes ont été tuées dans la nuit.", ["courrier", "autoblog"])],
        quotes=[
            Quote(
                "Oleh Kovalenko",
                "le gouverneur",
                "Nous tenons",
                ["courrier"],
                [QuoteVariant("courrier", "Nous tenons")],
            ),
            Quote(None, None, "Tout a tremblé", ["wire-fr"], [QuoteVariant("wire-fr", "Tout a tremblé")]),
        ],
        claims=[
            Claim(
                "people killed",
                "disputed",
                [
                    ClaimValue(
                        9, None, ["regional governor"], ["courrier"], ["Neuf personnes ont été tuées."]
                    ),
                    ClaimValue(11, None, ["rescuers"], ["wire-en"], ["Eleven people were killed."]),
                ],
            )
        ],
        timeline=[TimelineEntry("2024-03-12", "La frappe a eu lieu dans la nuit.", ["courrier"])],
    )
    return story, articles


def brief_of(story: Story, articles: list[Article]) -> Brief:
    return Brief(generated_at="2024-03-15T00:00:00Z", articles=articles, stories=[story])


def test_dossier_runs_nothing_and_fetches_nothing() -> None:
    page = render_html(brief_of(*zolotopil_story()))
    elements = Elements(page)
    assert "<script" not in page.lower()
    assert not elements.named("link") and not elements.named("img") and not elements.named("iframe")
    for _, attrs in elements.tags:
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), attrs
    assert "@import" not in page and "url(" not in page
    metas = elements.named("meta")
    policies = [m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert policies and "default-src 'none'" in (policies[0] or "")


def test_every_article_string_is_escaped_in_the_dossier() -> None:
    story, _ = zolotopil_story()
    evil = EVIL
    hostile = Article(
        id=evil,
        origin=JS_URL,
        title=evil,
        source=evil,
        published=None,
        published_basis=None,
        language="fr",
        paragraphs=[make_article("x", [evil]).paragraphs[0]],
        removed=[Removal(evil, "navigation")],
        flags=[evil],
        copy_of="original " + evil,
    )
    story = replace(
        story,
        id=evil,
        title=evil,
        articles=[evil],
        summary=[SummarySentence(evil, [evil])],
        quotes=[Quote(evil, evil, evil, [evil], [QuoteVariant(evil, evil + "!")])],
        claims=[Claim(evil, "disputed", [ClaimValue(1, evil, [evil], [evil], [evil])])],
        timeline=[TimelineEntry(evil, evil, [evil])],
    )
    elements = Elements(render_html(brief_of(story, [hostile])))
    assert not elements.named("script") and not elements.named("img")
    for tag, attrs in elements.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), attrs


def test_origin_is_a_link_only_when_it_is_a_web_address() -> None:
    assert web_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for value in (
        JS_URL,
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "/tmp/a.txt",
        None,
    ):
        assert web_url(value) is None, value
    story, articles = zolotopil_story()
    articles[2] = replace(articles[2], origin="https://wire.example/fr/1")
    articles[3] = replace(articles[3], origin="javascript:alert(1)")
    hrefs = [a["href"] for a in Elements(render_html(brief_of(story, articles))).named("a")]
    assert "https://wire.example/fr/1" in hrefs
    assert not [h for h in hrefs if h and "alert" in h]


def test_summary_sentences_link_to_the_articles_they_came_from() -> None:
    story, articles = zolotopil_story()
    elements = Elements(render_html(brief_of(story, articles)))
    ids = {attrs.get("id") for _, attrs in elements.tags}
    hrefs = {a["href"] for a in elements.named("a")}
    for article_id in ("courrier", "autoblog"):
        assert "#" + anchor(article_id) in hrefs
        assert anchor(article_id) in ids
    assert anchor("https://x.example/a b") != anchor("https://x.example/a c")
    assert " " not in anchor("https://x.example/a b")


def test_copies_and_one_agency_dispatch_fold_into_one_source_each() -> None:
    _, articles = zolotopil_story()
    groups = source_groups(articles)
    assert [[a.id for a in g.articles] for g in groups] == [["courrier", "autoblog"], ["wire-fr", "wire-en"]]
    assert groups[1].label == "AFP dispatch"


def test_quotes_are_grouped_by_speaker_with_the_unattributed_last() -> None:
    story, _ = zolotopil_story()
    groups = quotes_by_speaker([story.quotes[1], story.quotes[0]])
    assert [g.speaker for g in groups] == ["Oleh Kovalenko", None]


def test_coverage_counts_articles_per_day_and_language_with_gaps_shown() -> None:
    articles = [
        make_article("a", ["x"], published="2024-03-13"),
        make_article("b", ["x"], published="2024-03-13"),
        make_article("c", ["x"], language="en", published="2024-03-13"),
        make_article("d", ["x"], published="2024-03-15"),
        make_article("e", ["x"], published=None),
    ]
    svg = str(coverage_chart(articles))
    assert "<title>2024-03-13 · fr: 2</title>" in svg
    assert "<title>2024-03-13 · en: 1</title>" in svg
    assert "<title>2024-03-15 · fr: 1</title>" in svg
    assert ">03-14<" in svg  # the quiet day between keeps its place on the axis
    assert "1 undated, not shown" in svg


def test_coverage_is_counted_per_hour_when_told_within_two_days() -> None:
    articles = [
        make_article("a", ["x"], published="2024-03-13T09:10:00Z"),
        make_article("b", ["x"], published="2024-03-13T09:40:00Z"),
        make_article("c", ["x"], published="2024-03-13T17:00:00Z"),
    ]
    svg = str(coverage_chart(articles))
    assert "<title>2024-03-13T09 · fr: 2</title>" in svg and "<title>2024-03-13T17 · fr: 1</title>" in svg


def test_a_disputed_figure_is_drawn_once_per_source_and_value() -> None:
    story, articles = zolotopil_story()
    svg = str(spread_chart(story.claims[0], {"courrier": "Le Courrier", "wire-en": "AFP <wire>"}))
    assert svg.count("<circle") == 2
    assert "AFP &lt;wire&gt;: 11" in svg and "Le Courrier: 9" in svg
    page = render_html(brief_of(story, articles))
    assert 'aria-label="Values of the disputed figure by source: people killed"' in page
    assert 'class="badge badge-disputed"' in page


def test_the_html_and_markdown_dossiers_write_a_figure_alike_whatever_the_article_s_language() -> None:
    # recoupe/numbers.py is the one formatter: SI groups, the dossier's (English) decimal mark.
    article = make_article("a", ["Gazprom a livré 13,8 milliards de mètres cubes."], language="fr")
    values = [
        ClaimValue(13_800_000_000, "m³", ["Gazprom"], ["a"], ["Gazprom a livré 13,8 milliards"]),
        ClaimValue(13.8, "%", [], ["a"], ["13,8"]),
    ]
    story = Story("s1", "Gaz", "2024-03-14", ["a"], 1, claims=[Claim("gaz livré", "disputed", values)])
    brief = brief_of(story, [article])
    page, text = render_html(brief), render_markdown(brief)
    for written in ("13\u202f800\u202f000\u202f000 m³", "13.8 %"):
        assert written in page and written in text
    assert "13,8 %" not in page and "13,8 %" not in text


def test_article_text_marks_paragraph_languages_and_folds_removed_pieces() -> None:
    story, articles = zolotopil_story()
    page = render_html(brief_of(story, articles))
    elements = Elements(page)
    assert {p.get("lang") for p in elements.named("p") if p.get("lang")} == {"fr", "en"}
    assert elements.named("details") and "Lire aussi : la météo" in page
    assert "1 navigation" in page


def test_brief_command_writes_the_html_dossier(tmp_path: Path) -> None:
    source = tmp_path / "vendanges.txt"
    source.write_text(
        "Les vendanges commencent plus tôt que prévu en Bourgogne\n\n"
        "Les vignerons de la Côte de Beaune ont commencé lundi à récolter le pinot noir, "
        "avec près de deux semaines d'avance sur le calendrier habituel.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(app, ["brief", str(source), "--format", "html", "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Les vendanges commencent plus tôt" in page
