"""The figure finder's vocabulary, read from data/figures.toml: units, currencies, scales and
number words; the words around a number that say what it is (bounds, times, ages, back-references,
scopes); the actions and counted things, each with the concept that compares it across languages."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from recoupe.data import read_text
from recoupe.extract import numbers as nb

# A plural's final s or x, on words of four letters or more.
PLURAL_END = re.compile(r"(?<=\w\w\w)[sx]$")
_ACTION_WORD = re.compile(nb.WORD.pattern + r"(?:\s+down)?")  # "cut down", "shot down"
# A unit form as `unit_after` compares it: (form, unit, what the text must start with, whether
# that is the lower-cased text). Symbols, MW, GW and °C are compared as written, words lower-cased.
_UnitForm = tuple[str, str, str, bool]


@dataclass(frozen=True)
class FigureVocabulary:
    """One language's vocabulary of figures, as the finder reads it."""

    units: tuple[tuple[str, str], ...]  # (form, canonical unit), longest form first
    unit_words: frozenset[str]  # the forms alone, for membership tests
    # The same forms as `unit_after` compares them, also by their first character: most numbers
    # are followed by a word that no form starts like, so a handful of the ~80 are tried, not all.
    unit_forms: tuple[_UnitForm, ...]
    unit_forms_by_first: dict[str, tuple[_UnitForm, ...]]
    prefixes: tuple[tuple[str, str], ...]
    scales: dict[str, int]
    durations: dict[str, str]
    word_values: dict[str, int]
    single: frozenset[str]
    others: frozenset[str]
    references: frozenset[str]
    streets: frozenset[str]  # "au 12 rue de la Paix": a street number
    collective_senses_before: frozenset[str]  # "la mise en quarantaine": no count
    adjectives: frozenset[str]
    of: frozenset[str]
    part_of: frozenset[str]
    stops: frozenset[str]
    actions: dict[str, str]  # form -> concept
    bounds: tuple[str, ...]  # "plus de", "au moins": skipped when reading the words before a figure
    bound_kinds: dict[str, str]  # bound -> "lower", "upper", "about" or "total"
    time_before: tuple[str, ...]
    time_after: tuple[str, ...]
    age_before: tuple[str, ...]
    lasting: frozenset[str]  # "un contrat de 3 ans": nouns whose years are a duration, not an age
    back_reference_before: tuple[str, ...]
    back_reference_numbers: frozenset[str]
    scopes: dict[str, str]  # place noun -> the scope it names ("capitale" -> capital)
    locatives: frozenset[str]  # words before a place name that make it the figure's scope
    place_determiners: tuple[str, ...]  # "in the Bureij camp": between a locative and its place
    action_words: re.Pattern[str]  # action phrases of several words first ("set fire"), then words
    action_units: dict[str, frozenset[str]]  # concept -> the only units it applies to ("spend": money)
    vague: frozenset[str]  # "plusieurs dizaines", "several dozen": no count to check
    running_total: re.Pattern[str]  # "since the assault began": a total so far, not one event's


@cache
def _table() -> dict[str, Any]:
    return tomllib.loads(read_text("figures.toml"))


@cache
def vocabulary(language: str) -> FigureVocabulary:
    """The vocabulary of `language` ("fr" or "en"), read once."""
    raw = _table()
    lang = raw[language]
    units = sorted(((f, u) for u, forms in raw["units"].items() for f in forms), key=lambda p: -len(p[0]))
    prefixes = sorted(
        ((f, u) for u, forms in raw["currency_prefixes"].items() for f in forms), key=lambda p: -len(p[0])
    )
    unit_forms = tuple(_unit_form(form, unit) for form, unit in units)
    return FigureVocabulary(
        units=tuple(units),
        unit_words=frozenset(form for form, _ in units),
        unit_forms=unit_forms,
        unit_forms_by_first={
            first: tuple(f for f in unit_forms if f[2][0] == first) for first in {f[2][0] for f in unit_forms}
        },
        prefixes=tuple(prefixes),
        scales=dict(raw["scales"]),
        durations=dict(raw["durations"]),
        word_values=dict(lang["word_values"]),
        single=frozenset(lang["single"]),
        others=frozenset(lang["others"]),
        references=frozenset(lang["references"]),
        streets=frozenset(lang["streets"]),
        collective_senses_before=frozenset(lang["collective_senses_before"]),
        adjectives=frozenset(lang["adjectives"]),
        of=frozenset(lang["of"]),
        part_of=frozenset(lang["part_of"]),
        stops=frozenset(lang["stops"]),
        actions={form: concept for concept, forms in raw["actions"].items() for form in forms},
        bounds=tuple(sorted((b for forms in lang["bounds"].values() for b in forms), key=len, reverse=True)),
        bound_kinds={b: kind for kind, forms in lang["bounds"].items() for b in forms},
        time_before=tuple(lang["time_before"]),
        time_after=tuple(lang["time_after"]),
        age_before=tuple(lang["age_before"]),
        lasting=frozenset(lang.get("lasting", [])),
        back_reference_before=tuple(lang["back_reference_before"]),
        back_reference_numbers=frozenset(lang["back_reference_numbers"]),
        scopes={form: scope for scope, forms in raw["scopes"].items() for form in forms},
        locatives=frozenset(lang["locatives"]),
        place_determiners=tuple(lang["place_determiners"]),
        action_words=_action_words(raw["actions"]),
        action_units={concept: frozenset(units) for concept, units in raw["action_units"].items()},
        vague=frozenset(lang["vague"]),
        running_total=_phrases(lang["running_total"]),
    )


def _action_words(actions: dict[str, list[str]]) -> re.Pattern[str]:
    """Action phrases of several words ("set fire", "mis le feu"), tried before the single words
    and the "shot down" forms they would otherwise be read as."""
    forms = (f for words in actions.values() for f in words if " " in f and not f.endswith(" down"))
    phrases = sorted(forms, key=len, reverse=True)
    if not phrases:
        return _ACTION_WORD
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?i:{alternatives})(?!\w)|{_ACTION_WORD.pattern}")


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, case and spacing aside, either apostrophe."""
    alternatives = (r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def _unit_form(form: str, unit: str) -> _UnitForm:
    # Symbols and forms in capitals ("°C", "MW", "CHF", "FF") are matched as written, words in any case.
    lowered = form[0].isalpha() and not form.isupper()
    written = form.lower() if lowered else form
    return form, unit, written, lowered


def action_concept(action: str | None) -> str | None:
    """The concept an action word stands for across languages ("abattus", "shot down" -> intercept)."""
    if action is None:
        return None
    low = action.lower()
    return vocabulary("fr").actions.get(low) or vocabulary("en").actions.get(low) or low


def thing_key(thing: str | None) -> str | None:
    """A counted noun folded for comparison across inflections and languages: lowercase, no accents,
    no plural s/x, then its concept when the table has one ("soldats", "troops" -> soldier)."""
    if thing is None:
        return None
    folded = fold_word(thing)
    return _thing_concepts().get(folded, folded)


def fold_word(word: str) -> str:
    """A word lower-cased, without accents or a plural s/x."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return PLURAL_END.sub("", plain)


@cache
def _thing_concepts() -> dict[str, str]:
    table = _table()["things"]
    return {fold_word(form): concept for concept, forms in table.items() for form in forms}
