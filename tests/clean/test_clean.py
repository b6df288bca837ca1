"""Cleaning an article: body, removals with reasons, source, publication date and flags."""

from __future__ import annotations

from recoupe.clean import clean_article
from recoupe.model import RawArticle
from recoupe.settings import Settings

SETTINGS = Settings()

LEAD = "Le conseil régional a voté jeudi un plan de 40 millions d'euros pour rénover les lycées de la région."
SECOND = "Les travaux commenceront à l'automne et dureront trois ans, selon la présidente de la région."
THIRD = "L'opposition a dénoncé un calendrier trop lent et réclamé un audit indépendant des bâtiments."


def _clean(text: str, **raw: str) -> object:
    return clean_article(RawArticle(id="a", origin="a.txt", text=text, **raw), SETTINGS)


def test_scraper_marker_glued_to_a_sentence_is_cut_and_the_sentence_kept() -> None:
    article = _clean(f"[ad_1]{LEAD}\n{SECOND}[ad_2]\n{THIRD}")
    assert [p.text for p in article.paragraphs] == [LEAD, SECOND, THIRD]
    assert [(r.text, r.reason) for r in article.removed] == [
        ("[ad_1]", "scraper-marker"),
        ("[ad_2]", "scraper-marker"),
    ]
    assert "republished-scrape" in article.flags


def test_source_link_at_the_end_of_the_last_sentence_is_cut() -> None:
    article = _clean(f"{LEAD}\n{SECOND}Source link -7")
    assert article.paragraphs[-1].text == SECOND
    assert article.removed[-1].text == "Source link -7"


def test_every_input_line_is_in_the_body_or_in_removed() -> None:
    text = "\n".join(
        [
            "[ad_1]",
            LEAD,
            "Lire aussi : le budget des lycées en hausse",
            SECOND,
            "Publié le:  Modifié:",
            THIRD,
            "© 2024 AFP",
            "Laisser un commentaire",
        ]
    )
    article = _clean(text)
    kept = {p.text for p in article.paragraphs}
    removed = {r.text for r in article.removed}
    for line in text.split("\n"):
        assert line.strip() in kept | removed
    assert kept == {LEAD, SECOND, THIRD}


def test_headline_repeated_in_the_body_is_metadata() -> None:
    title = "Lycées : un plan de rénovation voté"
    article = _clean(f"{title}\n{LEAD}\n{SECOND}", title=title)
    assert article.title == title
    assert [(r.text, r.reason) for r in article.removed] == [(title, "metadata")]


def test_a_headline_with_no_body_is_the_body_itself_flagged_headline_only() -> None:
    title = "Lycées : un plan de rénovation de 40 millions voté par la région"
    article = _clean(title, title=title)
    assert [p.text for p in article.paragraphs] == [title]
    assert article.removed == []
    assert article.flags == ["headline-only"]


def test_a_body_beyond_the_headline_is_no_headline_only_article() -> None:
    title = "Lycées : un plan de rénovation voté"
    assert "headline-only" not in _clean(f"{title}\n{LEAD}", title=title).flags
    assert "headline-only" not in _clean(LEAD).flags  # one line, no title: a short article


def test_paragraph_pasted_twice_keeps_its_first_copy() -> None:
    article = _clean(f"{LEAD}\n{SECOND}\n{SECOND}\n{THIRD}")
    assert [p.text for p in article.paragraphs] == [LEAD, SECOND, THIRD]
    assert [r.reason for r in article.removed] == ["duplicate-line"]


def test_short_repeated_labels_and_thrice_repeated_lines_are_page_structure() -> None:
    question = "Qu'est-ce qui vous a donné envie de vous lancer dans ce métier ?"
    lines = [LEAD, "Étape 1", SECOND, "Étape 1", question, "Oui.", question, "Non.", question, THIRD]
    article = _clean("\n".join(lines))
    assert article.removed == []
    assert len(article.paragraphs) == len(lines)


def test_update_line_fills_published_from_metadata() -> None:
    article = _clean(f"{LEAD}\nMis à jour : 14 mars 2024, 09:12\n{SECOND}")
    assert article.published == "2024-03-14"
    assert article.published_basis == "metadata"


def test_the_page_address_and_a_timestamp_line_above_the_title_are_metadata() -> None:
    article = _clean(f"https://www.exemple.fr/actu/2024/05/02/plan-lycees\nMay 2, 2024 | 5:03pm\n{LEAD}")
    assert [p.text for p in article.paragraphs] == [LEAD]
    assert [r.reason for r in article.removed] == ["metadata", "metadata"]
    assert article.published == "2024-05-02"
    assert "mixed-language" not in article.flags


def test_a_rule_of_dashes_or_stars_between_items_is_layout_not_the_first_paragraph() -> None:
    # A page's separator had become the first paragraph, and so the story's title ("-------").
    article = _clean(f"-------\n{LEAD}\n* * *\n{SECOND}")
    assert [p.text for p in article.paragraphs] == [LEAD, SECOND]
    removed = [(r.text, r.reason) for r in article.removed]
    assert removed == [("-------", "boilerplate"), ("* * *", "boilerplate")]


def test_published_line_wins_over_a_later_update_line() -> None:
    article = _clean(f"Publié le 12/03/2024 à 10h47\nMis à jour le 15 mars 2024\n{LEAD}")
    assert article.published == "2024-03-12"


def test_input_metadata_date_wins_over_date_lines() -> None:
    article = _clean(f"Mis à jour le 15 mars 2024\n{LEAD}", published="2024-03-11")
    assert article.published == "2024-03-11"


def test_article_without_any_date_has_null_published_and_basis() -> None:
    article = _clean(f"{LEAD}\n{SECOND}")
    assert article.published is None
    assert article.published_basis is None


def test_agency_dateline_fills_source() -> None:
    article = _clean(f"RENNES (AFP) – {LEAD}\n{SECOND}")
    assert article.source == "AFP"
    assert article.paragraphs[0].text.startswith("RENNES (AFP) –")


def test_dateline_with_a_date_fills_source() -> None:
    article = _clean(f"Rennes, 12 mars (Reuters) - {LEAD}\n{SECOND}")
    assert article.source == "Reuters"


def test_credit_line_fills_source_over_the_site_name() -> None:
    article = _clean(f"{LEAD}\n{SECOND}\n© Copyright LaPresse", source="Le Journal du Port")
    assert article.source == "LaPresse"
    assert article.agencies == ["LaPresse"]


def test_site_name_is_the_source_when_no_agency_is_credited() -> None:
    article = _clean(f"{LEAD}\n{SECOND}", source="Le Journal du Port")
    assert article.source == "Le Journal du Port"


def test_untranslated_english_paragraph_makes_the_article_mixed_language() -> None:
    english = "We will keep every school open during the works, and no class will be moved, she said."
    article = _clean(f"{LEAD}\n{english}\n{SECOND}\n{THIRD}")
    assert [p.language for p in article.paragraphs] == ["fr", "en", "fr", "fr"]
    assert article.language == "fr"
    assert "mixed-language" in article.flags


def test_paywall_prompt_sets_the_paywalled_flag() -> None:
    article = _clean(f"{LEAD}\nCet article est réservé aux abonnés.")
    assert article.flags == ["paywalled"]


def test_text_is_nfc_normalised() -> None:
    decomposed = "Le re\u0301gion a vote\u0301 un plan de re\u0301novation des lyce\u0301es pour trois ans."
    article = _clean(decomposed)
    assert article.paragraphs[0].text == "Le région a voté un plan de rénovation des lycées pour trois ans."
