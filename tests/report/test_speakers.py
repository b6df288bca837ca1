"""Who said what: every speaker shows, the most quoted first, no quote dropped — in the
arrangement itself, the Markdown dossier, the HTML dossier (the web app's story page shares its
template: tests/web/test_app.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import unescape

from factories import make_article

from recoupe.model import Article, Brief, Quote, QuoteVariant, Story
from recoupe.report import render_html, render_markdown
from recoupe.report.speakers import quotes_by_speaker


def _quote(speaker: str | None, text: str, *articles: str, mention: str | None = None) -> Quote:
    return Quote(speaker, mention or speaker, text, list(articles), [QuoteVariant(a, text) for a in articles])


PUTIN_SAID = [
    "meilleures de l'histoire",
    "facteur de stabilisation mondial",
    "Nous défendons nos propres opinions fondamentales face aux pressions",
    "Nous vous attendons au printemps prochain pour une visite d'État à Moscou",
    "démontrerait au monde la proximité des relations russo-chinoises",
    "la Russie est devenue l'un des premiers fournisseurs de pétrole de la Chine",
    "Nous visons à renforcer l'interaction entre nos forces armées",
    "Nos échanges commerciaux battront un nouveau record cette année",
    "Les sanctions occidentales n'ont pas entamé notre partenariat",
    "Le gazoduc de l'Est sera achevé dans les délais prévus",
    "Notre coopération spatiale avance à grands pas",
    "Nous partageons la même vision d'un monde multipolaire",
    "Le dialogue entre nos deux pays ne connaît aucune limite",
]
XI_SHARED = "Accroître le soutien mutuel sur les intérêts fondamentaux"
XI_ALONE = "La Chine est prête à élargir le partenariat stratégique"


def call_story() -> tuple[Story, list[Article]]:
    """A Putin–Xi call: one report quotes Putin thirteen times, three quote Xi once alike."""
    articles = [
        make_article(i, [f"Compte rendu {i} de l'appel."])
        for i in ("kremlin", "agence", "quotidien", "radio")
    ]
    quotes = [_quote("Vladimir Putin", text, "kremlin") for text in PUTIN_SAID]
    quotes.insert(3, _quote("Xi Jinping", XI_SHARED, "agence", "quotidien", "radio"))
    quotes.append(_quote("Xi Jinping", XI_ALONE, "agence"))
    quotes.append(
        _quote(None, "Les deux dirigeants ont parlé près de deux heures", "radio", mention="un diplomate")
    )
    quotes.append(_quote(None, "une nouvelle étape de l'amitié entre les deux pays", "quotidien"))
    story = Story("s1", "Appel entre Poutine et Xi", "2022-12-30", [a.id for a in articles], 4, quotes=quotes)
    return story, articles


def test_every_speaker_shows_and_every_quote_is_kept() -> None:
    story, _ = call_story()
    groups = quotes_by_speaker(story.quotes)
    assert [g.label for g in groups] == [
        "Vladimir Putin",
        "Xi Jinping",
        "un diplomate (not identified)",
        "Speaker not identified",
    ]
    kept = [q for g in groups for q in g.quotes]
    assert sorted(q.text for q in kept) == sorted(q.text for q in story.quotes)


def test_speakers_come_by_how_much_then_how_widely_they_are_quoted() -> None:
    once_each = [_quote("Ana Petrescu", "Le pont sera rouvert lundi matin", "a")]
    widely = [_quote("Ion Vasile", "Les travaux ont pris du retard", "a", "b")]
    often = [_quote("Dan Moraru", f"Déclaration numéro {n} du maire", "c") for n in range(3)]
    groups = quotes_by_speaker(once_each + widely + often)
    # Dan Moraru: 3 wordings in 1 article; Ion Vasile: 2 in 2; Ana Petrescu: 1 in 1.
    assert [g.speaker for g in groups] == ["Dan Moraru", "Ion Vasile", "Ana Petrescu"]
    even = quotes_by_speaker([*once_each, _quote("Ion Vasile", "Le budget est tenu", "a")])
    assert [g.speaker for g in even] == ["Ana Petrescu", "Ion Vasile"]  # a tie keeps story order


def test_statements_several_articles_carry_come_first_and_the_rest_fold() -> None:
    groups = quotes_by_speaker(
        [
            _quote("Xi Jinping", "Premier propos, rapporté par un seul média", "a"),
            _quote("Xi Jinping", "Deuxième propos, repris par deux médias", "a", "b"),
            _quote("Xi Jinping", "Troisième propos, repris par trois médias", "a", "b", "c"),
        ]
    )
    (xi,) = groups
    assert [q.text for q in xi.shown] == [
        "Troisième propos, repris par trois médias",
        "Deuxième propos, repris par deux médias",
    ]
    assert [q.text for q in xi.folded] == ["Premier propos, rapporté par un seul média"]
    assert xi.articles == ["a", "b", "c"]


def test_a_speaker_only_one_article_quotes_shows_their_fullest_statement() -> None:
    story, _ = call_story()
    putin = quotes_by_speaker(story.quotes)[0]
    assert [q.text for q in putin.shown] == [
        "la Russie est devenue l'un des premiers fournisseurs de pétrole de la Chine"
    ]
    assert len(putin.folded) == len(PUTIN_SAID) - 1


def test_identified_speakers_come_before_mentions_and_unattributed_quotes_last() -> None:
    groups = quotes_by_speaker(
        [
            _quote(None, "Propos anonyme répété partout", "a", "b", "c"),
            _quote(None, "Propos d'un porte-parole", "a", "b", mention="Le porte-parole"),
            _quote(None, "Autre propos du même porte-parole", "c", mention="le porte-parole"),
            _quote("Oleh Kovalenko", "Nous tenons bon", "a"),
        ]
    )
    assert [(g.speaker, g.mention, len(g.quotes)) for g in groups] == [
        ("Oleh Kovalenko", None, 1),
        (None, "Le porte-parole", 2),
        (None, None, 1),
    ]


def _brief(story: Story, articles: list[Article]) -> Brief:
    generated = datetime(2026, 12, 6, tzinfo=UTC).isoformat().replace("+00:00", "Z")
    return Brief(generated, articles, [story])


def test_the_markdown_dossier_shows_every_speaker_and_every_quote() -> None:
    story, articles = call_story()
    text = render_markdown(_brief(story, articles))
    section = text[text.index("**Who said what**") : text.index("### ")]
    for quote in story.quotes:
        assert f"« {quote.text} »" in section, quote.text
    assert section.index("*Vladimir Putin*") < section.index("*Xi Jinping*") < section.index("*un diplomate")
    assert f"- « {XI_SHARED} » [agence, quotidien, radio]" in section
    assert "- *12 more:*" in section and f"  - « {PUTIN_SAID[0]} » [kremlin]" in section


def test_the_markdown_dossier_shows_a_statement_s_other_wordings() -> None:
    quote = Quote(
        "Xi Jinping",
        "Xi",
        "Accroître le soutien mutuel",
        ["a", "b"],
        [QuoteVariant("a", "Accroître le soutien mutuel"), QuoteVariant("b", "Increase mutual support")],
    )
    articles = [make_article("a", ["x"]), make_article("b", ["x"], language="en")]
    story = Story("s1", "Appel", None, ["a", "b"], 2, quotes=[quote])
    text = render_markdown(_brief(story, articles))
    assert "- « Accroître le soutien mutuel » [a, b] — also worded: « Increase mutual support » [b]" in text


def test_the_html_dossier_folds_the_rest_of_each_speaker_s_statements() -> None:
    story, articles = call_story()
    page = render_html(_brief(story, articles))
    section = page[page.index("Who said what") : page.index('<section class="article-block"')]
    for quote in story.quotes:
        assert f"« {quote.text} »" in unescape(section), quote.text
    folded = section[section.index('<details class="more-quotes">') :]
    assert "12 more statements by Vladimir Putin" in folded
    assert unescape(folded).index(PUTIN_SAID[0]) < unescape(folded).index("</details>")
    shown = unescape(section[: section.index('<details class="more-quotes">')])
    assert PUTIN_SAID[5] in shown and PUTIN_SAID[0] not in shown
    assert "<script" not in page


def test_a_folded_statement_keeps_its_other_wordings_in_markdown() -> None:
    full = "Notre amitié avec la Russie ne connaît aucune limite, aujourd'hui comme demain"
    partial = Quote(
        "Xi Jinping",
        "Xi",
        "ne connaît aucune limite",
        ["a"],
        [QuoteVariant("a", "ne connaît aucune limite"), QuoteVariant("a", full)],
    )
    longest = _quote(
        "Xi Jinping", "La Chine est prête à élargir le partenariat stratégique avec la Russie", "a"
    )
    story = Story("s1", "Appel", None, ["a"], 1, quotes=[partial, longest])
    text = render_markdown(_brief(story, [make_article("a", ["x"])]))
    assert f"  - « ne connaît aucune limite » [a] — also worded: « {full} » [a]" in text
