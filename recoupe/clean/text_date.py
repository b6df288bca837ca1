"""When an undated article was written, as its own text states it: "ce vendredi 30 décembre 2022",
or a year from its copyright line ("© 2022 AFP").

Only what the text says of its own day: a deictic date ("ce 30 décembre", "this Friday, December
30, 2022"), its year given or taken from the copyright line, and the weekday, when written, must
be that date's. A date the text merely mentions ("l'invasion du 24 février 2022", "en 2022") is
what it tells, not when it was written, and gives nothing. The estimate is kept with
`published_basis: "text"`; the dateline that opens the body is read in `published.py`.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache

from recoupe.data import read_text
from recoupe.extract.dates import find_time_expressions
from recoupe.model import Paragraph, Removal

_DEICTIC = re.compile(r"^(?:ce|this)\s", re.IGNORECASE)
_DEICTIC_BEFORE = re.compile(r"\b(?:ce|this)\s+$", re.IGNORECASE)  # the finder may leave it out
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})\b", re.IGNORECASE)
_CREDIT_MAX_WORDS = 10
_ANY_REFERENCE = date(2000, 1, 1)  # relative expressions are not used: any day resolves them


@cache
def _weekdays() -> dict[str, int]:
    """Weekday words of every language of data/time_words.toml → ISO weekday (Monday 1)."""
    words = tomllib.loads(read_text("time_words.toml"))
    return {
        word: number for language in words.values() for word, number in language.get("weekdays", {}).items()
    }


@cache
def _deictic_day() -> re.Pattern[str]:
    """ "ce vendredi", "ce 30", "this Friday": where a deictic date may start."""
    weekdays = "|".join(sorted(_weekdays(), key=len, reverse=True))
    return re.compile(rf"\b(?:ce|this)\s+(?:(?:{weekdays})\b|\d{{1,2}}(?:er)?\s)", re.IGNORECASE)


def copyright_year(paragraphs: list[Paragraph], removed: list[Removal]) -> str | None:
    """The year of the article's copyright line ("© 2022 AFP"), the latest if it gives a range."""
    # A credit line, removed or left short in the body; not a year inside a sentence.
    short = [p.text for p in paragraphs if len(p.text.split()) <= _CREDIT_MAX_WORDS]
    for text in [r.text for r in removed if r.reason == "credit"] + short:
        if match := _COPYRIGHT.search(text):
            return match[1]
    return None


def date_in_text(paragraphs: list[Paragraph], removed: list[Removal], title: str | None = None) -> str | None:
    """The day (or, from the copyright line alone, the year) the text says it was written."""
    year = copyright_year(paragraphs, removed)
    texts = ([title] if title else []) + [p.text for p in paragraphs]
    for text in texts:
        if not _deictic_day().search(text):
            continue  # the date finder is only asked where a deictic date may be
        for found in find_time_expressions(text, _ANY_REFERENCE):
            deictic = _DEICTIC.match(found.text) or _DEICTIC_BEFORE.search(text[: found.start])
            if not deictic or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.value):
                continue
            written = _YEAR.search(found.text)
            day = _checked(found.text, found.value if written else _in_year(found.value, year))
            if day:
                return day
    return year


def _in_year(value: str, year: str | None) -> str | None:
    return f"{year}{value[4:]}" if year else None


def _checked(text: str, value: str | None) -> str | None:
    """The date, if it exists and the weekday the text gives (if any) is its own."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    weekdays = _weekdays()
    named = [weekdays[w] for w in re.findall(r"\w+", text.lower()) if w in weekdays]
    return value if all(n == day.isoweekday() for n in named) else None
