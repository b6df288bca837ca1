"""Publication dates written in an article's metadata lines ('Mis à jour : 30 décembre 2022') or in
the dateline that opens its body ('PARIS, 12 mars 2024 (AFP) –')."""

from __future__ import annotations

import re
from datetime import date

from recoupe.data import month_numbers

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_MONTHS = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
_WRITTEN = re.compile(
    rf"\b(\d{{1,2}})(?:er)?\s+({_MONTHS})\.?,?\s+(\d{{4}})\b|\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b",
    re.IGNORECASE,
)


def date_in_metadata_line(line: str) -> str | None:
    """The calendar date a metadata line states, as ISO 8601, or None."""
    if match := _ISO.search(line):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    if match := _WRITTEN.search(line):
        day, month, year = (match[1], match[2], match[3]) if match[1] else (match[5], match[4], match[6])
        return _parse_written(f"{day} {month.rstrip('.')} {year}")
    if match := _NUMERIC.search(line):
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
        # Day first, as in French and British usage; month first only when day-first is impossible.
        return _iso(year, int(match[2]), int(match[1])) or _iso(year, int(match[1]), int(match[2]))
    return None


# A dateline: a place in capitals or title case, a comma, the date, an optional agency credit,
# then a dash. A date further into the lead ("Le 24 février 2022, la Russie…") is what the
# article tells, not when it was written.
_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][\w'’ .-]{1,40}?,\s*(?:le\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<date>[^()–—]{6,30}?)\s*(?:\([^)]{2,20}\)\s*)?[–—-]\s"
)


def dateline_end(paragraph: str) -> int:
    """Where a dateline opening the paragraph ends ("Paris, 12 mars (Reuters) - "), 0 if none."""
    match = _DATELINE.match(paragraph)
    return match.end() if match is not None else 0


def date_in_dateline(paragraph: str) -> str | None:
    """The full date (with its year) of a dateline opening the body, as ISO 8601, or None."""
    match = _DATELINE.match(paragraph)
    if match is None or not re.search(r"\d{4}", match["date"]):
        return None
    return date_in_metadata_line(match["date"])


def _parse_written(span: str) -> str | None:
    import dateparser  # slow to import; only needed when a written date is found

    parsed = dateparser.parse(
        span, languages=["fr", "en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
