"""What tells one event from another: names, rare words, numbers, dates, quotes.

Cheap, language-light signals computed per article with regular expressions, so that story
assignment stays fast at tens of thousands of articles. Names are capitalised word runs keyed
with `name_key` (so 'Poutine' and 'Putin' agree); the French pipeline's NER is reserved for the
entity stage, where precision matters more than speed.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from recoupe.data import month_numbers
from recoupe.model import Article, day_of
from recoupe.stories.names import canonical_variant, fold, fold_word, name_key
from recoupe.stories.rarity import background_share

if TYPE_CHECKING:
    from recoupe.kept import RunCache

_ELISION = re.compile(r"^(?:[DLNMTSJC]|Qu|Jusqu|Lorsqu|Puisqu)['’]")
_CAPITALISED_RUN = re.compile(
    r"(?<![\w-])(?:[A-ZÀ-ÝŒ][\w’'.-]*)(?:\s+(?:(?:de|du|des|la|le|von|van|al|bin|da|di|of)\s+)?[A-ZÀ-ÝŒ][\w’'.-]*)*"
)
_SENTENCE_START = re.compile(r"(^|[.!?:«»\"“”(]\s*|\n)$")
_NUMBER = re.compile(
    r"(?<![\w.,-])\d{1,3}(?:[  \u202f.,]\d{3})+(?:[.,]\d+)?(?![\w-])|(?<![\w.,-])\d+(?:[.,]\d+)?(?![\w-])"
)
_WORD = re.compile(r"[^\W\d_]+")
_QUOTE = re.compile(r"«\s*([^»]{20,400}?)\s*»|“([^”]{20,400}?)”|\"([^\"]{20,400}?)\"")
# Month names and abbreviations as `fold` writes them ("fevrier", "avr", "sept"): data/time_words.toml.
_MONTHS = {fold(word): number for word, number in month_numbers().items()}
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH_WORDS})\b(?:\s+(\d{{4}}))?")
_MONTH_DAY = re.compile(rf"\b({_MONTH_WORDS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
# Terms are compared by their first 7 letters (truncation stemming): rpm2-dev BCubed F1 0.666 →
# 0.674, SemEval pairs 0.802 → 0.808 (German 0.639 → 0.662), ecbplus-dev 0.908 either way;
# 6 letters: 0.670 / 0.806 / 0.899, 8: 0.666 / 0.805 / 0.908.
_TERM_PREFIX = 7
_LEAD_CHARS = 300  # title and first sentence or two: embedding cost grows with length
# Cognates: words of 4 letters or more cut to their first 5, so that one word in several languages
# agrees ('presidente'/'president', 'mision'/'mission', 'policia'/'police'). On SemEval dev's
# pairs in two languages, their cosine tells same-story pairs with ROC AUC 0.915 (names 0.841;
# prefixes of 4 letters 0.903, of 6 0.904; words from 5 letters 0.913, from 6 0.897).
_COGNATE_PREFIX = 5
_COGNATE_MIN_LETTERS = 4


@dataclass(frozen=True)
class EventFeatures:
    """The signals of one article that story assignment compares."""

    article_id: str
    language: str | None
    published: date | None
    names: Counter[str]  # name keys, counted
    terms: Counter[str]  # content words (not names, not stop words), counted
    bigrams: Counter[str]  # pairs of consecutive content words ('missil balist'), counted
    plain: Counter[str]  # every word of two letters or more, folded, unstemmed: the baseline's view
    cognates: Counter[str]  # words that are not stop words, cut to `_COGNATE_PREFIX` letters, counted
    common: dict[str, float]  # term or name key → share of news texts using it (`rarity`)
    words: int  # words of the title and body: short texts share fewer words by chance
    headline_only: bool  # a title and no body (feeds)
    numbers: frozenset[str]  # figures, normalised ('1700', '13.8')
    dates: frozenset[str]  # day-month the text mentions ('12-30'), and full dates when a year is given
    quotes: frozenset[str]  # folded word 4-grams of quoted words
    lead: str  # title and first sentences, for the multilingual embedding

    def trusted_language(self, min_words: int) -> str | None:
        """The text's language where it has `min_words` words to tell it (`Settings.
        cross_language_min_words`): a headline's language is a guess."""
        return self.language if self.words >= min_words else None


@cache
def _stop_words(language: str | None) -> frozenset[str]:
    """French and English stop words (quoted and untranslated passages mix them into any
    article), plus those spaCy lists for the article's own language, if it lists any."""
    # Imported here: loading spaCy's language data takes seconds, which the readers of a store
    # (recoupe serve, the dossier) must not pay for the provenance they import from here.
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

    words = set(FR_STOP_WORDS | EN_STOP_WORDS)
    if language and language.isalpha() and language not in ("fr", "en"):
        with contextlib.suppress(ImportError):  # a language spaCy has no stop words for
            words |= importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS
    return frozenset(fold(w) for w in words)


@cache
def _calendar_words() -> frozenset[str]:
    days = "lundi mardi mercredi jeudi vendredi samedi dimanche"
    days += " monday tuesday wednesday thursday friday saturday sunday"
    return frozenset(days.split()) | frozenset(_MONTHS)


def kept_event_features(article: Article, cache: RunCache | None = None) -> EventFeatures:
    """`event_features`, kept in the run's cache (same id, title, language, date and text): each
    ingest call compares its articles with the members of the stories still open, read before."""
    if cache is None:
        return event_features(article)
    found = cache.features.get(_feature_key(article))
    if found is None:
        found = event_features(article)
        keep_event_features(article, found, cache)
    return found


def keep_event_features(article: Article, features: EventFeatures, cache: RunCache) -> None:
    """Keep features computed elsewhere (by the worker that prepared the article)."""
    cache.features.put(_feature_key(article), features)


def _feature_key(article: Article) -> tuple[object, ...]:
    texts = (p.text for p in article.paragraphs)
    return (article.id, article.title, article.language, article.published, *texts)


def event_features(article: Article) -> EventFeatures:
    # A headline-only article's body is its title again: the title alone is its text.
    headline_only = "headline-only" in article.flags
    paragraphs = [] if headline_only else [p.text for p in article.paragraphs]
    text = "\n".join(paragraphs)
    folded = fold(text)
    title = article.title or ""
    # The headline and the lead say what the event is; they count twice.
    lead = title + "\n" + (paragraphs[0] if paragraphs else "")
    language = article.language
    stop_words = _stop_words(language)
    names = _names(title + "\n" + text, stop_words) + _names(lead, stop_words)
    name_words = {w for key in names for w in key.split()}
    calendar_words = _calendar_words()
    common: dict[str, float] = {}
    terms: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    for part in (title, text, lead):
        previous = None
        for word in _WORD.findall(part.lower()):
            plain = fold_word(word)
            if len(plain) <= 3 or plain in stop_words or plain in name_words or plain in calendar_words:
                continue
            stem = _stem(plain)
            terms[stem] += 1
            common[stem] = max(common.get(stem, 0.0), background_share(word, language))
            if previous is not None:
                bigrams[f"{previous} {stem}"] += 1
            previous = stem
    for surface, key in _name_words(title + "\n" + text, stop_words):
        common[key] = max(common.get(key, 0.0), background_share(surface.lower(), language))
    plain_words = Counter(w for w in fold(title + "\n" + text).split() if len(w) > 1)
    return EventFeatures(
        article_id=article.id,
        language=language,
        published=day_of(article.published),
        names=names,
        terms=terms,
        bigrams=bigrams,
        plain=plain_words,
        cognates=_cognates(plain_words, stop_words),
        common=common,
        words=len(_WORD.findall(title + "\n" + text)),
        headline_only=headline_only or not text.strip(),
        numbers=frozenset(_numbers(title + "\n" + text)),
        dates=frozenset(_mentioned_dates(fold(title) + "\n" + folded)),
        quotes=frozenset(_quote_shingles(text)),
        lead=(title + "\n" + text)[:_LEAD_CHARS],
    )


def _name_words(text: str, stop_words: frozenset[str]) -> list[tuple[str, str]]:
    """Each name word as written, with its key: the background frequency is the written word's."""
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        for word in _ELISION.sub("", match.group()).rstrip(".").split():
            if fold_word(word) not in stop_words and len(fold_word(word)) >= 2 and fold_word(word):
                found.append((word.strip(".’'"), name_key(word)))
    return found


def _names(text: str, stop_words: frozenset[str]) -> Counter[str]:
    names: Counter[str] = Counter()
    calendar_words = _calendar_words()
    for match in _CAPITALISED_RUN.finditer(text):
        words = _ELISION.sub("", match.group()).rstrip(".").split()
        if not words or not words[0][:1].isupper():
            continue
        at_sentence_start = bool(_SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]))
        # A lone capitalised word opening a sentence is usually just a sentence opener.
        if len(words) == 1 and at_sentence_start and not canonical_variant(words[0]):
            continue
        for word in words:
            folded = fold_word(word)
            if folded in stop_words or folded in calendar_words or len(folded) < 2:
                continue
            names[name_key(word)] += 1
        if len(words) > 1 and (canonical := canonical_variant(match.group())):
            names[name_key(canonical)] += 1
    return names


def _cognates(plain: Counter[str], stop_words: frozenset[str]) -> Counter[str]:
    """Words that other languages may share, by their first letters: what two reports in two
    languages have in common besides names and figures."""
    cognates: Counter[str] = Counter()
    for word, count in plain.items():
        if len(word) >= _COGNATE_MIN_LETTERS and word.isalpha() and word not in stop_words:
            cognates[word[:_COGNATE_PREFIX]] += count
    return cognates


@lru_cache(maxsize=200_000)  # a feed's words recur: most are stemmed many times
def _stem(word: str) -> str:
    """Plural and gender endings off, so 'missiles'/'missile' and 'lancées'/'lancé' agree, then
    the first `_TERM_PREFIX` letters, so that inflected and derived forms in any language agree
    too ('konservativen'/'konservative', 'negociations'/'negociateurs')."""
    for ending in ("ees", "es", "ee", "s", "x", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:_TERM_PREFIX]


def _numbers(text: str) -> set[str]:
    found = set()
    for raw in _NUMBER.findall(text):
        compact = re.sub(r"[  \u202f]", "", raw)
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact):  # thousands separators
            compact = re.sub(r"[.,]", "", compact)
        value = compact.replace(",", ".")
        try:
            number = float(value)
        except ValueError:
            continue
        # Small counts and years are everywhere; they tell events apart poorly.
        if number < 10 or (1900 <= number <= 2100 and "." not in value):
            continue
        found.add(f"{number:g}")
    return found


def _mentioned_dates(folded: str) -> set[str]:
    found = set()
    for day, month, year in _DAY_MONTH.findall(folded):
        found |= _date_keys(int(day), _MONTHS[month], year)
    for month, day, year in _MONTH_DAY.findall(folded):
        found |= _date_keys(int(day), _MONTHS[month], year)
    return found


def _date_keys(day: int, month: int, year: str) -> set[str]:
    if not 1 <= day <= 31:
        return set()
    keys = {f"{month:02d}-{day:02d}"}
    if year:
        keys.add(f"{year}-{month:02d}-{day:02d}")
    return keys


def _quote_shingles(text: str) -> set[str]:
    shingles = set()
    for groups in _QUOTE.findall(text):
        words = fold(next(g for g in groups if g)).split()
        shingles |= {" ".join(words[i : i + 4]) for i in range(len(words) - 3)}
    return shingles
