"""Properties of cleaning on any Unicode input (hypothesis): it never fails and never invents text.

What the cleaner does to the text, and so the invariant: the text is put in Unicode NFC, split
into lines at "\\n", and each line stripped of surrounding whitespace (`str.strip`); hard wraps
are joined before, at ingest, never here. A line is then kept whole, removed whole, or has
inline scraper markers cut out, its pieces joined by a space and stripped again. So every body
paragraph is one stripped line of the NFC text, or, where a marker was cut, that line's
whitespace-separated tokens in order with the marker's missing; every removal is made the same
way. Nothing is rewritten, translated or made up.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from recoupe.clean import clean_article
from recoupe.clean.rules import chrome_rules
from recoupe.model import RawArticle
from recoupe.settings import Settings

SETTINGS = Settings()
SENTENCES = [
    "Le conseil régional a voté jeudi un plan de 40 millions d'euros pour rénover les lycées.",
    "The harbour authority said on Monday that the new ferry terminal would open in May.",
    "« Nous n'avons pas été écoutés », déplore un délégué syndical à Besançon.",
    "Володимир Кличко заявив у четвер, що місто готується до зими.",
]
CHROME = sorted({example for rule in chrome_rules() for example in rule.examples})

# Lines of any Unicode (control characters and odd line breaks included), article sentences and
# the chrome rules' own examples, so that every pass of the cleaner has something to work on.
lines = st.one_of(st.text(max_size=120), st.sampled_from(SENTENCES), st.sampled_from(CHROME))
texts = st.lists(lines, max_size=12).map("\n".join)
glued = st.builds(lambda a, b, c: a + b + c, st.sampled_from(SENTENCES), st.sampled_from(CHROME), st.text())


def _pieces_in_order(piece: str, line: str) -> bool:
    """Every whitespace-separated token of `piece` found in `line`, in order, without overlap."""
    position = 0
    for token in piece.split():
        found = line.find(token, position)
        if found < 0:
            return False
        position = found + len(token)
    return True


def _source_lines(text: str) -> list[str]:
    return [line.strip() for line in unicodedata.normalize("NFC", text).split("\n") if line.strip()]


def _check_nothing_invented(text: str, title: str | None) -> None:
    article = clean_article(RawArticle(id="p", origin="p.txt", text=text, title=title), SETTINGS)
    source = _source_lines(text)
    cut_markers = any(r.reason == "scraper-marker" for r in article.removed)
    for paragraph in article.paragraphs:
        assert paragraph.text and paragraph.text == paragraph.text.strip() and "\n" not in paragraph.text
        if cut_markers:
            assert any(_pieces_in_order(paragraph.text, line) for line in source), paragraph.text
        else:
            assert paragraph.text in source
    for removal in article.removed:
        assert any(_pieces_in_order(removal.text, line) for line in source), removal.text


@settings(max_examples=250, deadline=None)
@given(texts, st.one_of(st.none(), st.text(max_size=60), st.sampled_from(SENTENCES)))
def test_cleaning_any_text_never_fails_and_never_invents_text(text: str, title: str | None) -> None:
    _check_nothing_invented(text, title)


@settings(max_examples=100, deadline=None)
@given(st.lists(glued, min_size=1, max_size=4).map("\n".join))
def test_markers_glued_to_sentences_are_cut_without_inventing_text(text: str) -> None:
    _check_nothing_invented(text, None)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_cleaning_the_same_text_twice_gives_the_same_article(text: str) -> None:
    raw = RawArticle(id="p", origin="p.txt", text=text)
    assert clean_article(raw, SETTINGS) == clean_article(raw, SETTINGS)
