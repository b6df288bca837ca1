"""The reporting vocabulary of a language (data/reporting_verbs.toml) as the token rules read it:
every inflected form of each reporting verb, the phrases, titles, pronouns and stop words."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from recoupe.data import honorifics, read_text, titles


@dataclass(frozen=True)
class Vocabulary:
    language: str  # "fr" or "en": some patterns are one language's ("Germany's Maj Gen X said")
    verbs: frozenset[str]
    after_subject: frozenset[str]  # cues only right after a name or a subject pronoun
    transitive: frozenset[str]
    # "pointed out", "according to": by first word (cue_at looks at every token), longest first
    multiword: dict[str, tuple[tuple[str, ...], ...]]
    phrases: frozenset[tuple[str, ...]]  # cues whose source follows them
    clause_phrases: frozenset[str]  # the same, only opening a clause and closed by a comma ("Pour X, …")
    auxiliaries: frozenset[str]
    adverbials: tuple[tuple[str, ...], ...]  # "de son côté", "for his part": between subject and verb
    fillers: frozenset[str]
    stops: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    determiners: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    plural: frozenset[str]  # determiners of a plural phrase: "les salariés" is no "il"
    # Prepositions whose object is no speaker ("officials at the Pentagon said"): English only
    object_prepositions: frozenset[str] = frozenset()
    past_forms: frozenset[str] = frozenset()  # "spoke", "went": a verb ends a subject (English)
    not_reflexive: frozenset[str] = frozenset()  # forms that report nothing reflexive ("s'est lancé dans")
    not_before_de: frozenset[str] = frozenset()  # forms that report nothing before "de" ("relève d'un")
    per_rates: frozenset[str] = frozenset()  # what "per" measures when it is no source ("per cent")


# The forms of "de" a complement opens on ("relève d'un", "relèverait du"): `not_before_de`.
DE_FORMS = frozenset({"de", "d'", "d’", "du"})


@cache
def reporting_data(language: str) -> dict[str, Any]:
    """One language's table of data/reporting_verbs.toml, as written."""
    return tomllib.loads(read_text("reporting_verbs.toml"))[language]


@cache
def vocabulary(language: str) -> Vocabulary:
    raw = reporting_data(language)
    irregular: dict[str, list[str]] = raw.get("irregular", {})
    past_only = set(raw.get("past_only", []))
    forms: dict[str, set[str]] = {}
    for verb in raw["verbs"]:
        built = set(irregular[verb]) if verb in irregular else _inflect(verb, language, verb in past_only)
        forms.setdefault(verb, set()).update(built)
    every = {f for fs in forms.values() for f in fs}
    # The present of a past-only verb ("reports", "states") is a cue right after its subject.
    after_subject = {f for v in past_only if v not in irregular for f in _inflect(v, language, False)} - every
    forms.update({v: forms[v] | _inflect(v, language, False) for v in past_only if v not in irregular})
    transitive = {f for v in raw.get("transitive", []) for f in forms.get(v, set())}
    not_reflexive = {f for v in raw.get("not_reflexive", []) for f in forms.get(v, set())}
    not_before_de = {f for v in raw.get("not_before_de", []) for f in forms.get(v, set())}
    # Split as the tokenizer splits: "d'après" is "d'" + "après".
    phrases = {tuple(re.sub(r"\b([ldjmnstc]|qu)'", r"\1' ", p).split()) for p in raw["phrases"]}
    multi = {tuple(f.split()) for f in every if " " in f} | phrases
    return Vocabulary(
        language=language,
        verbs=frozenset(f for f in every if " " not in f),
        after_subject=frozenset(after_subject),
        transitive=frozenset(transitive),
        multiword=_by_first_word(sorted(multi, key=len, reverse=True)),
        phrases=frozenset(phrases),
        clause_phrases=frozenset(raw.get("clause_phrases", [])),
        auxiliaries=frozenset(raw["auxiliaries"]),
        adverbials=tuple(tuple(a.split()) for a in raw.get("adverbials", [])),
        fillers=frozenset(raw["fillers"]),
        stops=frozenset(raw["stops"]),
        pronouns=dict(raw["pronouns"]),
        titles=_title_words(),
        determiners=frozenset(raw["determiners"]),
        feminine=frozenset(raw["feminine_determiners"]) | _honorifics_telling("f"),
        masculine=frozenset(raw["masculine_determiners"]) | _honorifics_telling("m"),
        plural=frozenset(raw.get("plural_determiners", [])),
        object_prepositions=frozenset(raw.get("object_prepositions", [])),
        past_forms=frozenset(raw.get("past_forms", [])),
        not_reflexive=frozenset(not_reflexive),
        not_before_de=frozenset(not_before_de),
        per_rates=frozenset(raw.get("per_rates", [])),
    )


def _title_words() -> frozenset[str]:
    """The titles and honorifics of titles.txt, by their first word, lower-cased, with and without
    their dot ("mr", "mr.", "président", "premier", "sen."), as tokens are compared with them."""
    words = {t.split()[0].lower().rstrip(".") for t in titles()}
    return frozenset(words | {w + "." for w in words})


def _honorifics_telling(gender: str) -> frozenset[str]:
    """The honorifics of titles.txt that tell `gender`, as written ("Mme", "Mr", "Mr.")."""
    return frozenset(f for f, g in honorifics().items() if g == gender)


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        grouped.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in grouped.items()}


def opened_stem(stem: str) -> str:
    """A stem as it is written before a mute e: its last é or e opens ("répét" → "répèt",
    "lev" → "lèv")."""
    return re.sub(r"[eé]([^aeiouyéèêâîôû]+)$", r"è\1", stem)


def _inflect(verb: str, language: str, past_only: bool) -> set[str]:
    """The forms of a regular verb that report speech: present, past, participle (+ imperfect in fr)."""
    if language == "fr":
        if verb.endswith("er"):
            stem = verb[:-2]
            present = opened_stem(stem)  # "répéter" → "répète", "marteler" → "martèle"
            soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
            return {present + "e", present + "ent", soft + "ait", soft + "aient", soft + "ant"} | {
                stem + end for end in ("er", "é", "ée", "és", "ées", "era", "eront")
            }
        if verb.endswith("ir"):
            stem = verb[:-2]
            return {stem + end for end in ("it", "issent", "issait", "issaient", "i", "ie", "is")}
        return set()
    if verb.endswith("e"):
        past = verb + "d"
    elif re.search(r"[^aeiou]y$", verb):
        past = verb[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", verb):  # one-syllable CVC doubles: "snap" → "snapped"
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    # "asking", "saying", "is promising": the -ing form reports too, and is never a noun of speech.
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    doubled = past[: -len("ed")] if past.endswith(verb[-1] * 2 + "ed") else stem
    ing = (doubled if past != verb + "d" else stem) + "ing"
    if past_only:
        return {past, ing}
    third = (
        verb + "es"
        if re.search(r"(s|sh|ch|x|z)$", verb)
        else verb[:-1] + "ies"
        if re.search(r"[^aeiou]y$", verb)
        else verb + "s"
    )
    return {verb, third, past, ing}


@cache
def opposing_clause() -> re.Pattern[str]:
    """What opens a clause set against the one before it ("tandis que", "alors qu'": the French
    table's `opposing`); "que" may be elided."""
    phrases = (
        r"\s+".join("qu(?:e|['’])" if w == "que" else re.escape(w) for w in p.split())
        for p in reporting_data("fr")["opposing"]
    )
    return re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})", re.IGNORECASE)
