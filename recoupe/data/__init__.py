"""recoupe's vocabularies and rules, kept as data files beside this module."""

from __future__ import annotations

import tomllib
import unicodedata
from functools import cache
from importlib.resources import files


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def titles() -> tuple[str, ...]:
    """The titles and honorifics of titles.txt as written ("M.", "Premier ministre", "Maj Gen"):
    the one list, read alike by the entity finder and the speaker rules."""
    return tuple(_title_rows())


@cache
def honorifics() -> dict[str, str]:
    """The honorifics of titles.txt -> the gender each tells: "m", "f", or "" ("Me", "Dr" tell
    none). A form listed without its dot is also written with one ("Mr", "Mr."); "M." is only "M."."""
    found: dict[str, str] = {}
    for form, gender in _title_rows().items():
        if gender:
            found[form] = found[form.rstrip(".") + "."] = gender.replace("-", "")
    return found


@cache
def _title_rows() -> dict[str, str]:
    """titles.txt's forms, in order, each with its second column ("" when it has none)."""
    rows: dict[str, str] = {}
    for line in read_text("titles.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            form, _, gender = line.partition("\t")
            rows.setdefault(form.strip(), gender.strip())
    return rows


@cache
def abbreviations() -> frozenset[str]:
    """Words a full stop follows without ending the sentence (abbreviations.txt), as written."""
    lines = read_text("abbreviations.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def variant_rows(name: str) -> list[tuple[str, list[str]]]:
    """Rows of a 'canonical<TAB>variant|variant|…' table; '#' lines are comments."""
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        rows.append((canonical.strip(), [v.strip() for v in variants.split("|") if v.strip()]))
    return rows


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of time_words.toml, in every language, lower-case, as
    written and without accents ("février", "fevrier", "févr", "feb") -> its number: the one list."""
    table = tomllib.loads(read_text("time_words.toml"))
    names: dict[str, int] = {}
    for language in table.values():
        for word, number in {**language.get("months", {}), **language.get("month_abbreviations", {})}.items():
            plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
            names[word.lower()] = names[plain.lower()] = number
    return names


@cache
def day_words(language: str) -> frozenset[str]:
    """The words of time_words.toml that name a day or a part of one in `language` (weekdays,
    "hier", "demain", "matin", "soir"…), lower-case."""
    table = tomllib.loads(read_text("time_words.toml")).get(language, {})
    return frozenset(
        word.lower() for key in ("weekdays", "relative_days", "day_parts") for word in table.get(key, {})
    )
