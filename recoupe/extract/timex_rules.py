"""Temporal-expression rules: the vocabulary of data/time_words.toml, calendar arithmetic, patterns."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal

from recoupe.data import read_text

Direction = Literal["past", "before", "future", "after", "near"]
APOS = "['’]"
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Candidate:
    """A span that a rule found; its value is computed from the anchor (the day being talked about)."""

    start: int
    end: int
    value: Callable[[date], str]
    anchored: bool = False  # True: the value depends on the anchor, not only on the reference


@dataclass(frozen=True)
class Vocabulary:
    """One language's time words (data/time_words.toml) and the regex alternations built from them."""

    words: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.words[key]

    def alt(self, key: str) -> str:
        """An alternation of the words of `key`, longest first, apostrophes either way."""
        entries = self.words[key]
        keys = list(entries) if isinstance(entries, dict) else entries
        return "|".join(_accent_tolerant(k) for k in sorted(keys, key=len, reverse=True))

    def lookup(self, key: str, word: str) -> Any:
        """The entry of `word`, ignoring case, accents and the kind of apostrophe ("Eté" is "été")."""
        entries = self.words[key]
        return {_strip_accents(k): value for k, value in entries.items()}[_strip_accents(_fold(word))]


@cache
def vocabulary(language: str) -> Vocabulary:
    raw = tomllib.loads(read_text("time_words.toml"))
    return Vocabulary(raw[language])


def _fold(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split())


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _accent_tolerant(word: str) -> str:
    # Capitals often lose their accent in French print ("Eté", "Ecole"): match with or without it.
    pattern = re.escape(word).replace("'", APOS).replace(r"\ ", r"\s+").replace(" ", r"\s+")
    for accented, plain in (("é", "e"), ("è", "e"), ("ê", "e"), ("û", "u"), ("ô", "o"), ("î", "i")):
        pattern = pattern.replace(accented, f"[{accented}{plain}]")
    return pattern


# --- numbers ---------------------------------------------------------------------------------


def number_pattern(vocab: Vocabulary) -> str:
    """Digits (30,4 or 3.000) or number words, compounds included: dix-huit, vingt et un."""
    word = f"(?:{vocab.alt('numbers')})"
    return rf"(?:\d+(?:,\d+)?|{word}(?:(?:-et-|-|\s+et\s+|\s+){word})*)"


def parse_number(text: str, vocab: Vocabulary) -> float | None:
    text = _fold(text)
    if text[0].isdigit():
        return float(text.replace(",", "."))
    if text in vocab["numbers"]:
        return float(vocab["numbers"][text])
    total, current, previous = 0.0, 0.0, 0.0
    for token in re.split(r"-|\s+", text):
        if token in ("et", "and", ""):
            continue
        value = vocab["numbers"].get(token)
        if value is None:
            return None
        if value == 20 and previous == 4:  # quatre-vingt: four twenties
            current += 80 - 4
        elif value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
        previous = value
    return total + current


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration: (3, 'D') → P3D, (30.4, 'TS') → PT30.4S, (None, 'Y') → PXY."""
    if unit == "DE" and amount is not None:
        amount, unit = amount * 10, "Y"
    if unit == "CE" and amount is not None:
        amount, unit = amount * 100, "Y"
    prefix = "PT" if unit.startswith("T") else "P"
    if amount is None:
        return f"{prefix}X{unit[-1] if unit not in ('DE', 'CE') else unit}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{unit.removeprefix('T')}"
    if amount * 2 == int(amount * 2) and unit in ("TH", "Y", "D") and amount > 1:
        # "deux heures et demie": TimeML keeps whole smaller units rather than decimals.
        smaller = {"TH": ("TM", 60), "Y": ("M", 12), "D": ("TH", 24)}[unit]
        return duration_value(amount * smaller[1], smaller[0])
    return f"{prefix}{amount:g}{unit.removeprefix('T')}"


# --- calendar --------------------------------------------------------------------------------


def day(d: date) -> str:
    return d.isoformat()


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def iso_year(number: int) -> str:
    """A calendar year as ISO 8601 writes it (four digits); past year 1 or 9999 it has no value."""
    if not 1 <= number <= 9999:
        raise ValueError(f"year {number} is out of range")
    return f"{number:04d}"


def month(year_number: int, month_number: int) -> str:
    return f"{iso_year(year_number)}-{month_number:02d}"


def shift(d: date, amount: int, unit: str) -> date:
    """`d` moved by `amount` days, weeks, months or years (month ends clamp)."""
    if unit == "D":
        return d + timedelta(days=amount)
    if unit == "W":
        return d + timedelta(weeks=amount)
    months = amount * (12 if unit == "Y" else 1)
    index = d.year * 12 + d.month - 1 + months
    year, month0 = divmod(index, 12)
    for day_number in (d.day, 30, 29, 28):
        try:
            return date(year, month0 + 1, day_number)
        except ValueError:
            continue
    raise ValueError(d)


def weekday_date(reference: date, weekday: int, direction: Direction) -> date:
    """The weekday (1 = Monday) nearest the reference in a direction; past/future include the day."""
    back = (reference.isoweekday() - weekday) % 7
    forward = (weekday - reference.isoweekday()) % 7
    if direction == "before":
        back = back or 7
    if direction == "after":
        forward = forward or 7
    if direction in ("past", "before") or (direction == "near" and back <= forward):
        return reference - timedelta(days=back)
    return reference + timedelta(days=forward)


def nearest_year(reference: date, month_number: int, day_number: int, direction: Direction) -> int:
    """The year that puts a day-month in the given direction from the reference, or nearest it."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month_number, day_number))
        except ValueError:
            continue
    if direction in ("past", "before"):
        fits = [d for d in candidates if d < reference or (direction == "past" and d == reference)]
        return max(fits).year if fits else reference.year
    if direction in ("future", "after"):
        fits = [d for d in candidates if d > reference or (direction == "future" and d == reference)]
        return min(fits).year if fits else reference.year
    return min(candidates, key=lambda d: (abs((d - reference).days), d.year != reference.year)).year


def full_year(text: str, reference: date) -> int:
    """'98' → 1998 and '05' → 2005: the century that keeps the year at most ten years ahead."""
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    year = reference.year // 100 * 100 + int(digits)
    return year - 100 if year > reference.year + 10 else year


def season_year(reference: date, season: str, direction: Direction) -> int:
    start = SEASON_MONTHS[season]
    if direction in ("past", "before"):
        ended = reference.month >= start + 3 or (season == "WI" and reference.month in (3, 4, 5))
        return reference.year if ended and season != "WI" else reference.year - 1
    if direction in ("future", "after"):
        return reference.year if reference.month < start else reference.year + 1
    return reference.year if not (season == "WI" and reference.month < 3) else reference.year - 1


# --- context around a match ------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[.;!?\n]")
_FUTURE_FR = re.compile(
    r"\b(?:\w+(?:eront|iront|ront|rons|rez|era|ira|dra|cra)|sera|aura|fera|ira|vont|va\s+\w+er|"
    r"prévue?s?|devrait|devraient)\b",
    re.IGNORECASE,
)
_FUTURE_EN = re.compile(r"\b(?:will|shall|going to|scheduled|expected to|due to)\b|'ll\b", re.IGNORECASE)


def clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


def tense_direction(text: str, start: int, end: int, language: str) -> Direction:
    """News narrates the past: a bare weekday is the last one, unless its clause is in the future."""
    pattern = _FUTURE_FR if language == "fr" else _FUTURE_EN
    return "future" if pattern.search(clause(text, start, end)) else "past"


def relation(word: str | None, vocab: Vocabulary) -> Direction | None:
    """'dernier' → before, 'prochain' → after, nothing → None."""
    if not word:
        return None
    folded = _fold(word)
    if folded in vocab["past_words"]:
        return "before"
    if folded in vocab["future_words"]:
        return "after"
    return None


def preceded_by(text: str, start: int, pattern: str) -> bool:
    return re.search(rf"(?:{pattern})\s*$", text[max(0, start - 25) : start], re.IGNORECASE) is not None


# --- patterns --------------------------------------------------------------------------------


def patterns(language: str, vocab: Vocabulary) -> list[tuple[str, str]]:
    """(handler name, regex) for one language; the handlers live in recoupe.extract.dates."""
    return _french(vocab) if language == "fr" else _english(vocab)


def _french(v: Vocabulary) -> list[tuple[str, str]]:
    a = APOS
    mon, wd, rel = v.alt("months"), v.alt("weekdays"), f"{v.alt('past_words')}|{v.alt('future_words')}"
    part, num, season = v.alt("day_parts"), number_pattern(v), v.alt("seasons")
    day = r"(?P<day>1er|premier|\d{1,2})"
    year2 = r"\d{2}(?!\w)(?!\s+[a-zà-ü])"
    tail = rf"(?:\s+(?P<year>\d{{4}}|{year2}))?(?:\s+(?P<rel>{rel}))?"
    part_after = (
        rf"(?:(?:dans|en)\s+(?:la|l{a})\s*|en\s+(?:fin|début)\s+d(?:e\s+|{a})|au\s+|en\s+)?(?P<part>{part})"
    )
    return [
        (
            "day_month",
            rf"\b(?:(?:le|du|au|ce)\s+)?(?:(?:{wd})\s+)?{day}\s+(?P<mon>{mon}){tail}"
            rf"(?:\s+(?P<part>matin|soir|après-midi))?\b",
        ),
        (
            "day_month",
            rf"\b(?:(?:les|du)\s+)?(?P<first>\d{{1,2}}|1er)\s+(?:et|au)\s+{day}\s+(?P<mon>{mon}){tail}\b",
        ),
        (
            "night_of",
            rf"\b(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?:(?P<wd>{wd})(?:\s+(?:au|à)\s+(?:{wd}))?|"
            rf"(?P<day>\d{{1,2}}|1er)\s+(?:au|à)\s+\d{{1,2}}\s+(?P<mon>{mon})(?:\s+(?P<year>\d{{4}}))?)\b",
        ),
        (
            "weekday",
            rf"\b(?:(?P<det>tous\s+les|chaque|ce|cette|le|les)\s+)?(?P<same>même\s+)?(?P<wd>{wd})(?P<plural>s)?"
            rf"(?:\s+(?P<rel>{rel}))?(?:\s+(?P<part>{part}))?(?:\s+(?P<rel2>{rel}))?\b",
        ),
        (
            "month",
            rf"\b(?:(?P<pre>en|début|fin|mi-|courant|depuis|dès|jusqu{a}en|à\s+partir\s+de|"
            rf"(?:le\s+|au\s+|du\s+)?mois\s+d(?:e\s+|{a}))\s*)?(?P<mon>{mon}){tail}\b",
        ),
        ("year", rf"\b(?:(?P<pre>en|l{a}an|l{a}année|depuis|dès|année)\s+)?(?P<y>\d{{4}})\b"),
        ("decade", r"\bles\s+années\s+(?P<d>(?:19|20)?\d0)\b"),
        # Capital numerals only, and no L: "le siècle dernier" is not the 50th century.
        ("century", r"\b(?:le\s+|au\s+|du\s+)?(?P<r>(?-i:[XVI]+))e\s+siècle\b"),
        ("relative_day", rf"\b(?P<w>{v.alt('relative_days')})(?:\s+(?:{wd}))?(?:\s+{part_after})?\b"),
        # "cette soirée" is more often a party than an evening: only the plain parts of day here.
        ("this_part", r"\b(?:ce|cet|cette)\s+(?P<part>matin|soir|après-midi|nuit|matinée)\b"),
        (
            "anchored_day",
            rf"\b(?:la|le)\s+(?P<w>{v.alt('anchored_days')})(?:\s+(?:au\s+)?(?P<part>matin|soir))?\b",
        ),
        (
            "anchored_part",
            rf"\b(?:(?:dans|pendant|durant|au\s+cours\s+de)\s+)?(?:la|l{a})\s*"
            rf"(?P<part>nuit|soirée|matinée|après-midi)\b",
        ),
        ("anchored_part", r"\b(?:le|la)\s+(?P<part>matin|soir|nuit|soirée|matinée)\s+même\b"),
        ("anchored_part", rf"\b(?:dans\s+la|en\s+(?:fin|début|milieu)\s+d(?:e\s+|{a}))\s*(?P<part>{part})\b"),
        ("clock", r"\b(?P<h>\d{1,2})\s?h(?:\s?(?P<m>[0-5]\d))?(?!\w)"),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b"),
        (
            "clock",
            rf"\b(?P<h>\d{{1,2}}|{num})\s+heures?(?:\s+(?P<m>[0-5]\d))?\s+(?:du\s+matin|"
            rf"(?P<late>du\s+soir|de\s+l{a}après-midi))\b",
        ),
        ("clock", r"\b(?P<h>\d{1,2})\s+heures\s+(?P<m>[0-5]\d)\b"),
        ("noon", rf"\b(?:à|vers|dès|avant|après|jusqu{a}à|de|entre)\s+(?P<w>midi|minuit)\b"),
        (
            "duration",
            rf"\b(?:(?P<pre>il\s+y\s+a|dans)\s+)?(?:(?:environ|près\s+de|plus\s+de|moins\s+de|presque|"
            rf"au\s+moins|quelque)\s+)?(?:(?P<vague>{v.alt('vague')})|(?P<num>{num}))\s+(?P<unit>{v.alt('units')})"
            rf"(?P<half>\s+et\s+demie?)?\b",
        ),
        ("present_ref", rf"(?<!\ben\s)\b(?P<w>{v.alt('present_ref')})\b"),
        ("past_ref", rf"\b(?P<w>{v.alt('past_ref')})\b"),
        ("future_ref", rf"\b(?P<w>{v.alt('future_ref')})\b"),
        ("period_noun", rf"\b(?P<w>{v.alt('period_nouns')})\b"),
        ("frequency", rf"\b(?:chaque|tous\s+les|toutes\s+les|par)\s+(?P<u>{v.alt('frequency_units')})\b"),
        ("frequency_adjective", rf"\b(?P<w>{v.alt('frequency_adjectives')})\b"),
        (
            "period",
            rf"\b(?:(?P<this>cette|ce|cet)\s+|(?:la|le|l{a})\s*)(?P<unit>semaine|mois|an|année|week-?end)"
            rf"(?:-ci)?(?:\s+(?P<rel>{rel}))?\b",
        ),
        (
            "season",
            rf"\b(?:(?P<this>cet|cette|ce)\s+|(?P<det>en|l{a}|le|au|du|à\s+l{a})\s*)?(?P<s>{season})"
            rf"(?:\s+(?P<year>\d{{4}}))?(?:\s+(?P<rel>{rel}))?\b",
        ),
        ("season_pair", rf"\b(?P<s>{season})\s+comme\s+(?P<s2>{season})\b"),
    ]


def _english(v: Vocabulary) -> list[tuple[str, str]]:
    a = APOS
    mon, wd, part, num = v.alt("months"), v.alt("weekdays"), v.alt("day_parts"), number_pattern(v)
    rel = f"{v.alt('past_words')}|{v.alt('future_words')}"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    return [
        (
            "day_month",
            rf"\b(?:(?:{wd}),?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{mon})\.?{year}(?P<rel>)\b",
        ),
        ("day_month", rf"\b(?:(?:{wd}),?\s+)?(?P<mon>{mon})\.?\s+{day}\b{year}(?P<rel>)"),
        (
            "weekday",
            rf"\b(?:(?P<det>every|this)\s+|(?P<rel>{rel})\s+)?(?P<same>)(?P<wd>{wd})(?P<plural>s)?"
            rf"(?:\s+(?P<part>{part}))?(?P<rel2>)\b",
        ),
        (
            "month",
            rf"\b(?:(?P<rel>{rel})\s+|(?P<pre>in|since|by|until|early|late|mid-|during|this|through|from)"
            rf"\s*)?(?P<mon>{mon})\.?{year}\b",
        ),
        ("year", r"\b(?:(?P<pre>in|since|the\s+year|by|until)\s+)?(?P<y>\d{4})\b"),
        ("decade", r"\bthe\s+(?P<d>(?:19|20)?\d0)s\b"),
        ("decade", r"\b(?P<d>(?:19|20)\d0)s\b"),
        ("relative_day", rf"\b(?P<w>{v.alt('relative_days')})(?:\s+(?P<part>{part}))?\b"),
        ("this_part", rf"\bthis\s+(?P<part>{part})\b"),
        ("anchored_day", rf"\b(?P<w>{v.alt('anchored_days')})\b"),
        ("anchored_part", rf"\bthat\s+(?P<part>{part})\b"),
        ("clock", r"\b(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<pm>[ap]\.?m\b\.?)"),
        ("clock", rf"\b(?P<h>\d{{1,2}}|{num})\s+o{a}clock\b"),
        ("noon", r"\b(?:at|around|by|until|before|after|from)\s+(?P<w>noon|midnight)\b"),
        (
            "duration",
            rf"\b(?:(?P<pre>in)\s+)?(?:(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|over|"
            rf"some)\s+)?(?:(?P<vague>{v.alt('vague')})|(?P<num>{num}))[\s-]+(?P<unit>{v.alt('units')})"
            rf"(?P<half>\s+and\s+a\s+half)?\b(?!\s+ago)",
        ),
        ("ago", rf"\b(?P<num>{num})\s+(?P<unit>{v.alt('units')})\s+ago\b"),
        ("present_ref", rf"\b(?P<w>{v.alt('present_ref')})\b"),
        ("past_ref", rf"\b(?P<w>{v.alt('past_ref')})\b"),
        ("future_ref", rf"\b(?P<w>{v.alt('future_ref')})\b"),
        ("period_noun", rf"\b(?P<w>{v.alt('period_nouns')})\b"),
        ("frequency", rf"\b(?:every|each|per)\s+(?P<u>{v.alt('frequency_units')})\b"),
        ("frequency_adjective", rf"\b(?P<w>{v.alt('frequency_adjectives')})\b"),
        ("period", rf"\b(?:(?P<this>this)|(?P<rel>{rel}))\s+(?P<unit>week|month|year|weekend)\b"),
        (
            "season",
            rf"\b(?:(?P<this>this)\s+|(?P<rel>last|next)\s+|(?P<det>in|in\s+the|during\s+the)\s+)?"
            rf"(?P<s>{v.alt('seasons')})(?:\s+(?P<year>\d{{4}}))?\b",
        ),
    ]
