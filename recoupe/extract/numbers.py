"""Numbers as news writes them, shared by the figure and date finders.

Digits with French and English conventions ("1 700", "13,8", "1.700", "3,392", "1.5"), number
words read by text2num ("sept", "quatre-vingt-dix", "seventy"), the collective words text2num does
not know ("une douzaine", "a dozen") and fractions ("la moitié", "deux tiers").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from text_to_num import text2num

from recoupe.data import read_text

SPACE = "[ \u00a0\u202f\u2009]"
DIGITS = {
    "fr": re.compile(rf"\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?"),
    # English groups by commas, and by no-break spaces as recoupe writes it (recoupe/numbers.py);
    # never by a plain space ("in 2022 700 people" is two numbers).
    "en": re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"),
}
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_SPACES = re.compile(SPACE)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_WORD_GAP = re.compile(r"\s+(?:(?:et|and)\s+)?")
# Letters glued to digits that make an ordinal, not a missing space ("2e", "3ème", "21st").
_ARTICLE_BEFORE = re.compile(r"\b(?:la|La|a|A)\s+$")
_ORDINAL_TAIL = re.compile(
    r"(?:e|er|ère|ème|eme|ième|ieme|es|èmes|nde?|st|nd|rd|th)(?![^\W\d_])", re.IGNORECASE
)


@dataclass
class Number:
    """A number of a text: where it is written, its value, and whether in words."""

    start: int
    end: int
    value: Decimal
    words: bool


@dataclass(frozen=True)
class _Words:
    values: dict[str, Decimal]  # collective words text2num does not read ("douzaine" = 12)
    fractions: dict[str, Decimal]  # "moitié" = 1/2, "tiers" = 1/3: a number before multiplies them
    scales: frozenset[str]  # "millions": read by the figure finder after the number


@cache
def _words(language: str) -> _Words:
    table = tomllib.loads(read_text("figures.toml"))
    fractions = table[language].get("fractions", {})
    return _Words(
        values={w: Decimal(v) for w, v in table[language]["word_values"].items()},
        fractions={w: Decimal(1) / Decimal(d) for w, d in fractions.items()},
        scales=frozenset(table["scales"]),
    )


def glued_word(text: str, end: int) -> bool:
    """ "1 957 000demandeurs", "50milliards": a word glued to digits by a missing space, not an
    ordinal or a clock time ("2e", "21st", "14h30")."""
    tail = re.match(r"[^\W\d_]+", text[end : end + 24])
    return tail is not None and len(tail.group()) >= 4 and not _ORDINAL_TAIL.fullmatch(tail.group())


# Keyed by a number or a word as written: news repeats them all along.
@lru_cache(maxsize=16384)
def digits_value(written: str, language: str) -> Decimal | None:
    """The value of a number written in digits, by the language's conventions."""
    plain = _SPACES.sub("", written)
    if language == "fr":
        # A dot before exactly three digits groups thousands ("1.700"); otherwise it is a decimal point.
        plain = plain.replace(".", "") if _DOTTED_THOUSANDS.fullmatch(plain) else plain
        plain = plain.replace(",", ".")
    else:
        plain = plain.replace(",", "")
    try:
        return Decimal(plain)
    except InvalidOperation:
        return None


@lru_cache(maxsize=65536)
def word_value(word: str, language: str) -> Decimal | None:
    """The value of a number word ("sept", "seventy", "douzaine"), None for any other word; every
    word of the text comes here, so the answer is kept."""
    words = _words(language)
    low = word.lower().replace("’", "'")
    if low in words.values:
        return words.values[low]
    if low in ("un", "une", "a", "an") or low in words.scales or low in ("et", "and"):
        return Decimal(1) if low in ("un", "une") else None
    if language == "fr" and low.endswith(("cents", "vingts")) and low not in ("vingts",):
        # "neuf cents", "quatre-vingts": the plural of a multiplied hundred or twenty
        return _text2num(low[:-1], language)
    if low.endswith("s") and _text2num(low[:-1], language) is not None:
        return None  # "thousands of people", "hundreds": an order of magnitude, not a figure
    return _text2num(low, language)


def fraction_value(word: str, language: str) -> Decimal | None:
    """ "moitié" = 0.5, "tiers" = 1/3, "quarts" = 1/4; None for any other word."""
    return _words(language).fractions.get(word.lower())


@cache
def _text2num(word: str, language: str) -> Decimal | None:
    try:
        return Decimal(text2num(word, language))
    except ValueError:
        return None


def merge_word_runs(numbers: list[Number], text: str, language: str) -> list[Number]:
    """ "deux cent mille" is one number: adjacent number words are read together by text2num;
    "deux tiers" is 2/3."""
    words = _words(language)
    merged: list[Number] = []
    for number in numbers:
        last = merged[-1] if merged else None
        gap = text[last.end : number.start] if last else ""
        if last and last.words and number.words and _WORD_GAP.fullmatch(gap):
            joined = text[last.start : number.end].lower()
            value = _text2num(joined, language)
            if value is None and text[number.start : number.end].lower() in words.values:
                value = last.value * number.value  # "two dozen"
            if value is not None:
                merged[-1] = Number(last.start, number.end, value, True)
                continue
        merged.append(number)
    return merged


# "a third disease area", "a third term": after an article and before a noun, "third" or
# "quarter" is an ordinal ("a third of the votes", "a quarter, or 25 %" stay fractions).
_ORDINAL_USE = re.compile(r"[ \u00a0]+(?!of\b|and\b|or\b|to\b|in\b)[a-z]")


def with_fractions(numbers: list[Number], text: str, lo: int, hi: int, language: str) -> list[Number]:
    """ "deux tiers" = 2/3 and "la moitié" = 1/2: a fraction word multiplies the number before it
    ("un quart", "deux tiers") or stands alone after an article ("la moitié", "a third")."""
    added: list[Number] = []
    for match in WORD.finditer(text, lo, hi):
        fraction = fraction_value(match.group(), language)
        if fraction is None:
            continue
        before = next(
            (n for n in numbers if n.end < match.start() and _SPACES.fullmatch(text[n.end : match.start()])),
            None,
        )
        article = _ARTICLE_BEFORE.search(text, max(lo, match.start() - 4), match.start())
        if before is not None:
            numbers = [n for n in numbers if n is not before]
            added.append(Number(before.start, match.end(), before.value * fraction, True))
        elif article is not None and not (language == "en" and _ORDINAL_USE.match(text, match.end())):
            added.append(Number(article.start(), match.end(), fraction, True))
    return sorted(numbers + added, key=lambda n: n.start) if added else numbers
