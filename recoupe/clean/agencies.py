"""News agencies: which ones an article credits, in credit lines, bylines and datelines."""

from __future__ import annotations

import re
from functools import cache

from recoupe.data import variant_rows


@cache
def agency_spellings() -> dict[str, str]:
    """Every known spelling of a news agency, mapped to its canonical name (data/agencies.tsv)."""
    spellings: dict[str, str] = {}
    for canonical, variants in variant_rows("agencies.tsv"):
        for spelling in variants:
            spellings[spelling] = canonical
    return spellings


@cache
def agency_alternation() -> str:
    """A regex alternation of every agency spelling, longest first so 'ITAR-TASS' beats 'TASS'."""
    names = sorted(agency_spellings(), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@cache
def _dateline() -> re.Pattern[str]:
    # "KIEV (AFP) – …", "Paris, 12 mars (Reuters) - …", "MOSCOW, Dec 30 (Reuters) -", "(AFP) - …"
    return re.compile(
        r"^\s*(?:[A-ZÀ-Ý][\w'’ .-]{0,40}?(?:,[^()\n]{0,30})?\s*)?"
        rf"\((?P<agency>{agency_alternation()})\)\s*[-–—:]"
    )


@cache
def _credit() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<agency>{agency_alternation()})(?![\w-])")


def dateline_agency(line: str) -> str | None:
    """The agency of a dateline opening the line, e.g. 'KIEV (AFP) – …' → 'AFP'."""
    match = _dateline().match(line)
    return agency_spellings()[match["agency"]] if match else None


def credited_agencies(line: str) -> list[str]:
    """Agencies named in a credit or byline line ('© 2024 AFP', 'avec Reuters et AP')."""
    found = [agency_spellings()[m["agency"]] for m in _credit().finditer(line)]
    return list(dict.fromkeys(found))
