"""Temporal-expression rules: the vocabulary of data/time_words.toml, calendar arithmetic, patterns."""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
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
    # Each table keyed without accents, made once: `lookup` runs for every match of every rule.
    plain: dict[str, dict[str, Any]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        plain = {
            key: {_strip_accents(k): value for k, value in entries.items()}
            for key, entries in self.words.items()
            if isinstance(entries, dict)
        }
        object.__setattr__(self, "plain", plain)  # frozen: set once, here

    def __getitem__(self, key: str) -> Any:
        return self.words[key]

    def alt(self, key: str) -> str:
        """An alternation of the words of `key`, longest first, apostrophes either way."""
        entries = self.words[key]
        keys = list(entries) if isinstance(entries, dict) else entries
        return "|".join(_accent_tolerant(k) for k in sorted(keys, key=len, reverse=True))

    def lookup(self, key: str, word: str) -> Any:
        """The entry of `word`, ignoring case, accents and the kind of apostrophe ("Eté" is "été")."""
        return self.plain[key][_strip_accents(_fold(word))]


@cache
def vocabulary(language: str) -> Vocabulary:
    raw = tomllib.loads(read_text("time_words.toml"))
    return Vocabulary(raw[language])


def _fold(word: str) -> str:
    # As IGNORECASE matches: dotless ı, dotted İ and long ſ are i, i and s ("lundı" is a weekday).
    return " ".join(word.translate(_FOLD).lower().replace("’", "'").split())


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# Capitals often lose their accent in French print ("Eté", "Ecole"): match with or without it.
_UNACCENTED = {"é": "e", "è": "e", "ê": "e", "û": "u", "ô": "o", "î": "i"}


def _accent_tolerant(word: str) -> str:
    pattern = re.escape(word).replace("'", APOS).replace(r"\ ", r"\s+").replace(" ", r"\s+")
    for accented, plain in _UNACCENTED.items():
        pattern = pattern.replace(accented, f"[{accented}{plain}]")
    return pattern


def _spellings(word: str) -> set[str]:
    """Every way `_accent_tolerant` lets `word` be written in lower case ("été": été, eté, éte, ete)."""
    letters = [(c, _UNACCENTED[c]) if c in _UNACCENTED else (c,) for c in word]
    return {"".join(spelling) for spelling in itertools.product(*letters)}


# --- numbers ---------------------------------------------------------------------------------


def number_pattern(vocab: Vocabulary) -> str:
    """Digits (30,4 or 3.000) or number words, compounds included: dix-huit, vingt et un."""
    word = f"(?:{vocab.alt('numbers')})"
    return rf"(?:\d+(?:,\d+)?|{word}(?:(?:-et-|-|\s+et\s+|\s+){word})*)"


_NUMBER_PARTS = re.compile(r"-|\s+")


def parse_number(text: str, vocab: Vocabulary) -> float | None:
    text = _fold(text)
    if text[0].isdigit():
        return float(text.replace(",", "."))
    if text in vocab["numbers"]:
        return float(vocab["numbers"][text])
    total, current, previous = 0.0, 0.0, 0.0
    for token in _NUMBER_PARTS.split(text):
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
    r"\b(?:\w+(?:eront|iront|ront|rons|rez|era|ira|dra|cra)|sera|aura|fera|ira|vont|va\s+\w+(?:er|ir|re)|"
    r"prévue?s?|devrait|devraient|devait|devaient|"
    # the conditional of what was to come ("a assuré que son coureur viserait le podium
    # dimanche"); "aurait" and "serait" with a participle tell a past
    r"(?!aur|ser)(?!\w*(?<!t)trait\b)\w+(?:rait|raient))\b",  # not "le retrait", "un extrait"
    re.IGNORECASE,
)
# "a annoncé mercredi", "ont indiqué dans la nuit de lundi": a compound past with "avoir" ending
# right before ("est prévu mercredi" is to come).
_PAST_BEFORE_FR = re.compile(
    r"\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?\s+"
    r"(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|it|u|us)\s+(?:(?:dans\s+)?(?:la\s+)?(?:nuit|soirée|matinée|journée)\s+de\s+)?$",
    re.IGNORECASE,
)
_FUTURE_EN = re.compile(
    r"\b(?:will|shall|going to|scheduled|expected to|due to)\b|'ll\b"
    # "some areas could remain without power until Saturday"; "could not attend", "may have" tell a past
    r"|\b(?:could|may|might)\s+(?!have\b|not\b)\w+",
    re.IGNORECASE,
)


def clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left : right.start() if right else len(text)]


def tense_direction(text: str, start: int, end: int, language: str) -> Direction:
    """News narrates the past: a bare weekday is the last one, unless its clause is in the future.
    In French, a verb in the past right before the day decides for the day it tells ("vont
    supprimer 240 postes, a annoncé mercredi la direction": last Wednesday)."""
    pattern = _FUTURE_FR if language == "fr" else _FUTURE_EN
    if language == "fr" and _PAST_BEFORE_FR.search(text, max(0, start - 40), start):
        return "past"
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
    return _ending_with(pattern).search(text[max(0, start - 25) : start]) is not None


@lru_cache(maxsize=64)  # the handlers pass a handful of constant patterns
def _ending_with(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\s*$", re.IGNORECASE)


# --- triggers --------------------------------------------------------------------------------

# Every rule's regex scans every paragraph in both languages, and those scans are most of the
# finder's time: a rule is run only on a paragraph holding one of its words (its trigger).
# Words are \w+ runs lower-cased as IGNORECASE compares Latin letters: str.lower() alone keeps
# dotless ı, dotted İ (which it even makes two characters) and long ſ apart from i and s.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def text_words(text: str) -> frozenset[str]:
    """The words of `text`, as the triggers name them."""
    if "İ" in text or "ı" in text or "ſ" in text:  # seldom: three scans cost less than translate
        text = text.translate(_FOLD)
    return frozenset(_WORD.findall(text.lower()))


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


@dataclass(frozen=True)
class Trigger:
    """What a text needs for a rule to match it at all: one word of each set of `words` among its
    words, and a digit when `digit`. Sound only for a word the rule's regex holds whole (no letter,
    digit or underscore can touch it in a match), or whose glued forms are listed too (`_glued`);
    tests/extract/test_date_properties.py checks it."""

    words: tuple[frozenset[str], ...] = ()
    digit: bool = False

    def admits(self, words: frozenset[str], digit: bool) -> bool:
        # map rather than a generator: this runs for every rule on every paragraph
        return (digit or not self.digit) and not any(map(words.isdisjoint, self.words))


def _words(*words: str) -> frozenset[str]:
    return frozenset(words)


def _last_words(v: Vocabulary, key: str) -> frozenset[str]:
    """Every spelling of the last word of each entry ("à l'heure actuelle": actuelle): a rule
    that lets no letter follow an entry holds that word whole, whatever comes before it."""
    return frozenset(spelling for entry in v[key] for spelling in _spellings(_WORD.findall(entry)[-1]))


def _glued(prefixes: tuple[str, ...], words: frozenset[str]) -> frozenset[str]:
    """`words`, and each right after a prefix: a rule that lets the space between them be empty
    finds "en mars" written "enmars"."""
    return words | {prefix + word for prefix in prefixes for word in words}


# --- patterns --------------------------------------------------------------------------------


def patterns(language: str, vocab: Vocabulary) -> list[tuple[str, str, Trigger]]:
    """(handler name, regex, trigger) for one language; the handlers live in recoupe.extract.dates."""
    return _french(vocab) if language == "fr" else _english(vocab)


def _french(v: Vocabulary) -> list[tuple[str, str, Trigger]]:
    a = APOS
    mon, wd, rel = v.alt("months"), v.alt("weekdays"), f"{v.alt('past_words')}|{v.alt('future_words')}"
    part, num, season = v.alt("day_parts"), number_pattern(v), v.alt("seasons")
    day = r"(?P<day>1er|premier|\d{1,2})"
    year2 = r"\d{2}(?!\w)(?!\s+[a-zà-ü])"
    tail = rf"(?:\s+(?P<year>\d{{4}}|{year2}))?(?:\s+(?P<rel>{rel}))?"
    part_after = (
        rf"(?:(?:dans|en)\s+(?:la|l{a})\s*|en\s+(?:fin|début)\s+d(?:e\s+|{a})|au\s+|en\s+)?(?P<part>{part})"
    )
    months, weekdays, parts = (
        _last_words(v, "months"),
        _last_words(v, "weekdays"),
        _last_words(v, "day_parts"),
    )
    seasons, digit = _last_words(v, "seasons"), Trigger(digit=True)
    return [
        (
            "day_month",
            rf"\b(?:(?:le|du|au|ce)\s+)?(?:(?P<wd>{wd})\s+)?{day}\s+(?P<mon>{mon}){tail}"
            rf"(?:\s+(?P<part>matin|soir|après-midi))?\b",
            Trigger((months,)),
        ),
        (
            "day_month",
            rf"\b(?:(?:les|du)\s+)?(?P<first>\d{{1,2}}|1er)\s+(?:et|au)\s+{day}\s+(?P<mon>{mon}){tail}\b",
            Trigger((months,), digit=True),
        ),
        (
            "night_of",
            rf"\b(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?:(?P<wd>{wd})(?:\s+(?:au|à)\s+(?:{wd}))?|"
            rf"(?P<day>\d{{1,2}}|1er)\s+(?:au|à)\s+\d{{1,2}}\s+(?P<mon>{mon})(?:\s+(?P<year>\d{{4}}))?)\b",
            Trigger((_words("nuit"),)),
        ),
        (
            "weekday",
            rf"\b(?:(?P<det>tous\s+les|chaque|ce|cette|le|les)\s+)?(?P<same>même\s+)?(?P<wd>{wd})(?P<plural>s)?"
            rf"(?:\s+(?P<rel>{rel}))?(?:\s+(?P<part>{part}))?(?:\s+(?P<rel2>{rel}))?\b",
            Trigger((weekdays | {w + "s" for w in weekdays},)),
        ),
        (
            "month",
            rf"\b(?:(?P<pre>en|début|fin|mi-|courant|depuis|dès|jusqu{a}en|à\s+partir\s+de|"
            rf"(?:le\s+|au\s+|du\s+)?mois\s+d(?:e\s+|{a}))\s*)?(?P<mon>{mon}){tail}\b",
            Trigger((_glued(("en", "début", "fin", "courant", "depuis", "dès", "de"), months),)),
        ),
        ("year", rf"\b(?:(?P<pre>en|l{a}an|l{a}année|depuis|dès|année)\s+)?(?P<y>\d{{4}})\b", digit),
        ("decade", r"\bles\s+années\s+(?P<d>(?:19|20)?\d0)\b", Trigger((_words("années"),), digit=True)),
        # Capital numerals only, and no L: "le siècle dernier" is not the 50th century.
        ("century", r"\b(?:le\s+|au\s+|du\s+)?(?P<r>(?-i:[XVI]+))e\s+siècle\b", Trigger((_words("siècle"),))),
        (
            "relative_day",
            rf"\b(?P<w>{v.alt('relative_days')})(?:\s+(?:{wd}))?(?:\s+{part_after})?\b",
            Trigger((_last_words(v, "relative_days"),)),
        ),
        # "cette soirée" is more often a party than an evening: only the plain parts of day here.
        (
            "this_part",
            r"\b(?:ce|cet|cette)\s+(?P<part>matin|soir|après-midi|nuit|matinée)\b",
            Trigger((_words("matin", "soir", "midi", "nuit", "matinée"),)),
        ),
        (
            "anchored_day",
            rf"\b(?:la|le)\s+(?P<w>{v.alt('anchored_days')})(?:\s+(?:au\s+)?(?P<part>matin|soir))?\b",
            Trigger((_last_words(v, "anchored_days"),)),
        ),
        (
            "anchored_part",
            rf"\b(?:(?:dans|pendant|durant|au\s+cours\s+de)\s+)?(?:la|l{a})\s*"
            rf"(?P<part>nuit|soirée|matinée|après-midi)\b",
            Trigger((_glued(("la",), _words("nuit", "soirée", "matinée", "midi")),)),
        ),
        (
            "anchored_part",
            r"\b(?:le|la)\s+(?P<part>matin|soir|nuit|soirée|matinée)\s+même\b",
            Trigger((_words("même"),)),
        ),
        (
            "anchored_part",
            rf"\b(?:dans\s+la|en\s+(?:fin|début|milieu)\s+d(?:e\s+|{a}))\s*(?P<part>{part})\b",
            Trigger((_glued(("la",), parts),)),
        ),
        ("clock", r"\b(?P<h>\d{1,2})\s?h(?:\s?(?P<m>[0-5]\d))?(?!\w)", digit),
        ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b", digit),
        (
            "clock",
            rf"\b(?P<h>\d{{1,2}}|{num})\s+heures?(?:\s+(?P<m>[0-5]\d))?\s+(?:du\s+matin|"
            rf"(?P<late>du\s+soir|de\s+l{a}après-midi))\b",
            Trigger((_words("heure", "heures"), _words("matin", "soir", "midi"))),
        ),
        ("clock", r"\b(?P<h>\d{1,2})\s+heures\s+(?P<m>[0-5]\d)\b", Trigger((_words("heures"),), digit=True)),
        (
            "noon",
            rf"\b(?:à|vers|dès|avant|après|jusqu{a}à|de|entre)\s+(?P<w>midi|minuit)\b",
            Trigger((_words("midi", "minuit"),)),
        ),
        (
            "duration",
            rf"\b(?:(?P<pre>il\s+y\s+a|dans)\s+)?(?:(?:environ|près\s+de|plus\s+de|moins\s+de|presque|"
            rf"au\s+moins|quelque)\s+)?(?:(?P<vague>{v.alt('vague')})|(?P<num>{num}))\s+(?P<unit>{v.alt('units')})"
            rf"(?P<half>\s+et\s+demie?)?\b",
            Trigger((_last_words(v, "units"),)),
        ),
        (
            "present_ref",
            rf"(?<!\ben\s)\b(?P<w>{v.alt('present_ref')})\b",
            Trigger((_last_words(v, "present_ref"),)),
        ),
        ("past_ref", rf"\b(?P<w>{v.alt('past_ref')})\b", Trigger((_last_words(v, "past_ref"),))),
        ("future_ref", rf"\b(?P<w>{v.alt('future_ref')})\b", Trigger((_last_words(v, "future_ref"),))),
        ("period_noun", rf"\b(?P<w>{v.alt('period_nouns')})\b", Trigger((_last_words(v, "period_nouns"),))),
        (
            "frequency",
            rf"\b(?:chaque|tous\s+les|toutes\s+les|par)\s+(?P<u>{v.alt('frequency_units')})\b",
            Trigger((_last_words(v, "frequency_units"),)),
        ),
        (
            "frequency_adjective",
            rf"\b(?P<w>{v.alt('frequency_adjectives')})\b",
            Trigger((_last_words(v, "frequency_adjectives"),)),
        ),
        (
            "period",
            rf"\b(?:(?P<this>cette|ce|cet)\s+|(?:la|le|l{a})\s*)(?P<unit>semaine|mois|an|année|week-?end)"
            rf"(?:-ci)?(?:\s+(?P<rel>{rel}))?\b",
            Trigger((_glued(("la", "le"), _words("semaine", "mois", "an", "année", "weekend")) | {"end"},)),
        ),
        (
            "season",
            rf"\b(?:(?P<this>cet|cette|ce)\s+|(?P<det>en|l{a}|le|au|du|à\s+l{a})\s*)?(?P<s>{season})"
            rf"(?:\s+(?P<year>\d{{4}}))?(?:\s+(?P<rel>{rel}))?\b",
            Trigger((_glued(("en", "le", "au", "du"), seasons),)),
        ),
        (
            "season_pair",
            rf"\b(?P<s>{season})\s+comme\s+(?P<s2>{season})\b",
            Trigger((_words("comme"), seasons)),
        ),
    ]


def _english(v: Vocabulary) -> list[tuple[str, str, Trigger]]:
    a = APOS
    mon, wd, part, num = v.alt("months"), v.alt("weekdays"), v.alt("day_parts"), number_pattern(v)
    rel = f"{v.alt('past_words')}|{v.alt('future_words')}"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    months, weekdays, parts = (
        _last_words(v, "months"),
        _last_words(v, "weekdays"),
        _last_words(v, "day_parts"),
    )
    digit = Trigger(digit=True)
    return [
        (
            "day_month",
            rf"\b(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{mon})\.?{year}(?P<rel>)\b",
            Trigger((months,), digit=True),
        ),
        (
            "day_month",
            rf"\b(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\.?\s+{day}\b{year}(?P<rel>)",
            Trigger((months,), digit=True),
        ),
        (
            "weekday",
            rf"\b(?:(?P<det>every|this)\s+|(?P<rel>{rel})\s+)?(?P<same>)(?P<wd>{wd})(?P<plural>s)?"
            rf"(?:\s+(?P<part>{part}))?(?P<rel2>)\b",
            Trigger((weekdays | {w + "s" for w in weekdays},)),
        ),
        (
            "month",
            rf"\b(?:(?P<rel>{rel})\s+|(?P<pre>in|since|by|until|early|late|mid-|during|this|through|from)"
            rf"\s*)?(?P<mon>{mon})\.?{year}\b",
            Trigger(
                (
                    _glued(
                        ("in", "since", "by", "until", "early", "late", "during", "this", "through", "from"),
                        months,
                    ),
                )
            ),
        ),
        ("year", r"\b(?:(?P<pre>in|since|the\s+year|by|until)\s+)?(?P<y>\d{4})\b", digit),
        ("decade", r"\bthe\s+(?P<d>(?:19|20)?\d0)s\b", digit),
        ("decade", r"\b(?P<d>(?:19|20)\d0)s\b", digit),
        (
            "relative_day",
            rf"\b(?P<w>{v.alt('relative_days')})(?:\s+(?P<part>{part}))?\b",
            Trigger((_last_words(v, "relative_days"),)),
        ),
        ("this_part", rf"\bthis\s+(?P<part>{part})\b", Trigger((parts,))),
        (
            "anchored_day",
            rf"\b(?P<w>{v.alt('anchored_days')})\b",
            Trigger((_last_words(v, "anchored_days"),)),
        ),
        ("anchored_part", rf"\bthat\s+(?P<part>{part})\b", Trigger((parts,))),
        ("clock", r"\b(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<pm>[ap]\.?m\b\.?)", digit),
        ("clock", rf"\b(?P<h>\d{{1,2}}|{num})\s+o{a}clock\b", Trigger((_words("clock"),))),
        (
            "noon",
            r"\b(?:at|around|by|until|before|after|from)\s+(?P<w>noon|midnight)\b",
            Trigger((_words("noon", "midnight"),)),
        ),
        (
            "duration",
            rf"\b(?:(?P<pre>in)\s+)?(?:(?:about|nearly|almost|more\s+than|less\s+than|at\s+least|over|"
            rf"some)\s+)?(?:(?P<vague>{v.alt('vague')})|(?P<num>{num}))[\s-]+(?P<unit>{v.alt('units')})"
            rf"(?P<half>\s+and\s+a\s+half)?\b(?!\s+ago)",
            Trigger((_last_words(v, "units"),)),
        ),
        ("ago", rf"\b(?P<num>{num})\s+(?P<unit>{v.alt('units')})\s+ago\b", Trigger((_words("ago"),))),
        ("present_ref", rf"\b(?P<w>{v.alt('present_ref')})\b", Trigger((_last_words(v, "present_ref"),))),
        ("past_ref", rf"\b(?P<w>{v.alt('past_ref')})\b", Trigger((_last_words(v, "past_ref"),))),
        ("future_ref", rf"\b(?P<w>{v.alt('future_ref')})\b", Trigger((_last_words(v, "future_ref"),))),
        ("period_noun", rf"\b(?P<w>{v.alt('period_nouns')})\b", Trigger((_last_words(v, "period_nouns"),))),
        (
            "frequency",
            rf"\b(?:every|each|per)\s+(?P<u>{v.alt('frequency_units')})\b",
            Trigger((_last_words(v, "frequency_units"),)),
        ),
        (
            "frequency_adjective",
            rf"\b(?P<w>{v.alt('frequency_adjectives')})\b",
            Trigger((_last_words(v, "frequency_adjectives"),)),
        ),
        (
            "period",
            rf"\b(?:(?P<this>this)|(?P<rel>{rel}))\s+(?P<unit>week|month|year|weekend)\b",
            Trigger((_words("week", "month", "year", "weekend"),)),
        ),
        (
            "season",
            rf"\b(?:(?P<this>this)\s+|(?P<rel>last|next)\s+|(?P<det>in|in\s+the|during\s+the)\s+)?"
            rf"(?P<s>{v.alt('seasons')})(?:\s+(?P<year>\d{{4}}))?\b",
            Trigger((_last_words(v, "seasons"),)),
        ),
    ]
