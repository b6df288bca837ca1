"""Direct quotes in an article's text and who said them, with character offsets (French and English).

The one entry point, `find_quotes`, finds the quotes (quote_spans.py) and reads the text as tokens
(tokens.py: `read_quotes`), then hands them to the French driver on the parse (french_quotes.py)
or to the English one on the token rules (english_quotes.py)."""

from __future__ import annotations

from recoupe.clean.language import guess_language
from recoupe.extract import attribution as at
from recoupe.extract import mention_ranker as mr
from recoupe.extract.english_quotes import english_quotes
from recoupe.extract.entities import Mention, mentions_for
from recoupe.extract.french_quotes import french_quotes
from recoupe.extract.tokens import read_quotes
from recoupe.model import Article, Paragraph, QuoteMention


def find_quotes(
    text: str,
    language: str | None = None,
    speaker_choice: mr.SpeakerChoice | None = None,
    person_words: frozenset[str] | None = None,
) -> list[QuoteMention]:
    """Every direct quote of `text` with its speaker's mention; `language` "fr" or "en" (else guessed).
    `speaker_choice`, when given, picks each French quote's speaker among the candidates the parse
    offers (mention_ranker.py: bench/train_speaker_ranker.py trains and compares rankers with it);
    without it, the rules' answer stands and no candidate is gathered. `person_words`: the words
    of the names NER tags as people in the text (`person_words_of` the article's mentions); read
    here with NER when not given, for French text."""
    quoted = read_quotes(text)
    if quoted is None:
        return []
    vocab = at.vocabulary(language if language in ("fr", "en") else guess_language(quoted.norm))
    if vocab is at.vocabulary("fr"):
        if person_words is None:
            person_words = person_words_of(mentions_for([_french_article(text)])[_ID])
        return french_quotes(quoted, speaker_choice, person_words)
    return english_quotes(quoted, vocab)


_ID = "text"


def _french_article(text: str) -> Article:
    """A text alone as an article of French paragraphs, for NER."""
    paragraphs = [Paragraph(line, "fr") for line in text.split("\n")]
    return Article(_ID, _ID, None, None, None, None, "fr", paragraphs, [])


def person_words_of(mentions: list[Mention]) -> frozenset[str]:
    """The words of the names tagged as people: what tells a person from a capitalised run."""
    return frozenset(w for m in mentions if m.type == "PER" for w in m.text.split())
