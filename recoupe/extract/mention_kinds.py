"""What kind of mention a wording is, by its own words: a person's role (with the country and
office it gives), an institution, a body, a document, a noun of people who speak; whether it can
assert anything at all; the gender its determiner, honorific or first name tells.

The vocabulary is data/roles.toml's (offices, seats, countries, institutions, bodies, documents,
speakers) and data/titles.txt's. This module reads the wording alone; people.py, pronouns.py and
noun_referents.py read the article around it and ask it what a mention is.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from gender_guesser.detector import Detector

from recoupe.data import honorifics, read_text, titles
from recoupe.stories.names import fold


@dataclass(frozen=True)
class Role:
    """What a role wording says of its holder: country (ISO code) and office, None when not said."""

    country: str | None
    office: str | None
    noun: str | None  # the role noun as written, folded ("procureur"), for roles the data lacks


@cache
def _roles_toml() -> dict[str, Any]:
    """data/roles.toml, read once per process."""
    return tomllib.loads(read_text("roles.toml"))


@cache
def _roles_data() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, str], dict[str, str]]:
    raw = _roles_toml()
    seats = {fold(k): (v[0], v[1]) for k, v in raw["seats"].items()}
    holders = frozenset(fold(w) for w in raw["holders"]["words"])
    offices = {fold(k): v for k, v in raw["offices"].items()}
    countries = {fold(w): code for code, words in raw["countries"].items() for w in words}
    return seats, holders, offices, countries


@cache
def spokesperson_nouns() -> frozenset[str]:
    """Nouns of a person who speaks for a body (data/roles.toml's [spokespersons])."""
    return frozenset(fold(w) for w in _roles_toml()["spokespersons"]["words"])


@cache
def _seat_nouns() -> dict[str, str]:
    return {fold(k): v for k, v in _roles_toml()["seat_nouns"].items()}


def seat_office(wording: str) -> str | None:
    """The office whose seat an institution's noun stands for ("la présidence" → head of state)."""
    head = head_noun(wording)
    return _seat_nouns().get(head) if head else None


def seat_of(name: str) -> tuple[str, str] | None:
    """The country and office of a seat of power named as written ("Élysée" → FR, head of state)."""
    return _roles_data()[0].get(fold(name))


@cache
def role_nouns() -> frozenset[str]:
    """Words that make a noun phrase a person's role: data/titles.txt and the offices of roles.toml."""
    words = {fold(title).split()[0] for title in titles()}
    return frozenset(words | {k.split()[0] for k in _roles_data()[2]} | _roles_data()[1])


@cache
def _institutions() -> frozenset[str]:
    return frozenset(fold(w) for w in _roles_toml()["institutions"]["words"])


@cache
def _bodies() -> frozenset[str]:
    return frozenset(fold(w) for w in _roles_toml()["bodies"]["words"])


def is_body_noun(wording: str) -> bool:
    """Whether a noun phrase's head is a common noun of a body ("la banque", "ce groupe")."""
    words = [w for w in fold(wording).replace("'", " ").split() if w not in NOUN_PHRASE_LEAD]
    return bool(words) and (words[0] in _bodies() or words[0].removesuffix("s") in _bodies())


@cache
def _documents() -> frozenset[str]:
    return frozenset(fold(w) for w in _roles_toml()["documents"]["words"])


def is_document(wording: str) -> bool:
    """Whether a noun phrase names a document ("un télégramme du ministre", "le rapport de …")."""
    words = [w for w in fold(wording).split() if w not in DOCUMENT_DETERMINERS]
    return bool(words) and (words[0] in _documents() or words[0].removesuffix("s") in _documents())


DOCUMENT_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "ces"})


@cache
def speaking_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in _roles_toml()["speakers"]["words"])


def is_speaking_noun(word: str) -> bool:
    """Whether a folded noun, singular or plural, is one of people or groups who speak (roles.toml's
    [speakers]: "les organisateurs", "des témoins")."""
    return word in speaking_nouns() or word.removesuffix("s").removesuffix("x") in speaking_nouns()


NOUN_PHRASE_LEAD = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces"}
)


def may_assert(wording: str) -> bool:
    """Whether a noun phrase can be someone who asserts something: a name (a capitalised word past
    its determiner), a pronoun, a role, an institution, a document, or a common noun of people or
    groups (data/roles.toml's [speakers]: "des témoins", "les sources"); "la mise en place …" or
    "quarante-quatre mesures" cannot."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    if any(w[:1].isupper() and fold(w).strip("'") not in NOUN_PHRASE_LEAD for w in words):
        return True
    folded = [w for w in fold(wording).replace("'", " ").split() if w not in NOUN_PHRASE_LEAD]
    if not folded or folded[0] in ("il", "elle", "ils", "elles", "on", "lui", "eux"):
        return bool(folded)
    return names_people(wording) or is_institution(wording) or is_document(wording)


def names_people(wording: str) -> bool:
    """Whether a noun phrase is headed by a role ("la ministre") or a noun of people or groups who
    speak ("l'ex-otage", "des témoins")."""
    folded = [w for w in fold(wording).replace("'", " ").split() if w not in NOUN_PHRASE_LEAD]
    return is_role(wording) or any(is_speaking_noun(h) for h in folded[:2])


def is_institution(wording: str) -> bool:
    """Whether a noun phrase names an institution speaking as one ("la mairie", "le parquet")."""
    words = [w for w in fold(wording).split() if w not in ("le", "la", "les", "l", "the")]
    return bool(words) and words[0] in _institutions()


def is_role(wording: str) -> bool:
    """Whether a noun phrase names a person by their role ("le chef du Kremlin", "la ministre")."""
    words = [w for w in fold(wording).split() if w not in ("le", "la", "les", "l", "un", "une", "the", "a")]
    # "le futur ministre", "l'ancien président": the role noun may follow an adjective.
    return bool(words) and (any(w in role_nouns() for w in words[:2]) or role_of(wording).office is not None)


# A president of something other than a state: "du Medef", "de la Fédération", "en exercice de la FBF".
_PRESIDENT_OF_A_BODY = re.compile(
    r" presidente? (?:en exercice |delegue )?(?:du|de la|de l|des|d|de) (?!republique |etat )"
)


def role_of(wording: str) -> Role:
    """The country and office a role wording gives: "le chef du Kremlin" → (RU, head_of_state)."""
    seats, holders, offices, countries = _roles_data()
    folded = f" {fold(wording)} "
    words = folded.split()
    for seat, (country, office) in seats.items():
        at = folded.find(f" {seat} ")
        if at >= 0 and any(w in holders for w in folded[:at].split()):
            return Role(country, office, None)
    office = next((o for k, o in offices.items() if f" {k} " in folded), None)
    if (
        office == "head_of_state"
        and _PRESIDENT_OF_A_BODY.search(folded)
        and not any(w in countries for w in folded.split())
    ):
        office = None  # "la présidente du Medef", "le président de la FBF": no head of state
    # "Russia's president", "le président de la Russie": the country word anywhere in the wording.
    country = next((countries[w] for w in words if w in countries), None)
    if country is None:
        country = next((c for k, c in countries.items() if " " in k and f" {k} " in folded), None)
    # The role noun heads the wording, before any complement: "l'avocat de la défense" is no
    # "défense" (an office's word), it is an "avocat", which the data does not list.
    split = re.split(r"[\s'’]+", folded)
    heads = list(itertools.takewhile(lambda w: w not in ("de", "du", "des", "d", "of"), split))
    nouns = [w for w in heads if w in role_nouns()]
    noun = nouns[0] if nouns else None
    # "le président élu", "l'ancien ministre": another office than the one held now.
    tense = next((t for t, words in _office_tenses().items() if any(w in words for w in heads)), None)
    if tense is not None:
        office = f"{office}:{tense}" if office is not None else None
        noun = f"{noun}:{tense}" if noun is not None else None
    return Role(country, office, noun)


@cache
def _office_tenses() -> dict[str, frozenset[str]]:
    raw = _roles_toml()["office_tenses"]
    return {tense: frozenset(fold(w) for w in words) for tense, words in raw.items()}


def head_noun(wording: str) -> str | None:
    words = [w for w in fold(wording).split() if w not in ("le", "la", "l", "the", "un", "une")]
    return words[0] if words else None


def name_gender(name: str | None) -> str:
    """ "m" or "f" when a full name opens with a first name given to one gender only (gender-guesser's
    lists: "Olivier Massé", "Amandine Roux"), else "": a surname alone says nothing ("Martin")."""
    words = (name or "").split()
    if len(words) < 2:
        return ""
    return {"male": "m", "female": "f"}.get(_first_names().get_gender(words[0]), "")


@cache
def _first_names() -> Detector:
    return Detector(case_sensitive=False)


_FEMININE = frozenset({"la", "une", "cette"} | {fold(f) for f, g in honorifics().items() if g == "f"})
_MASCULINE = frozenset({"le", "un", "ce", "cet"} | {fold(f) for f, g in honorifics().items() if g == "m"})


def gender_of(wording: str) -> str:
    """ "f" or "m" when a determiner, an honorific or the role noun says it, else ""."""
    words = fold(wording).split()
    if not words:
        return ""
    if words[0] in _FEMININE or words[0] in ("elle", "she"):
        return "f"
    if words[0] in _MASCULINE or words[0] in ("il", "he"):
        return "m"
    return ""
