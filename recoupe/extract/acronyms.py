"""What an acronym stands for, where the text says it: "l'Association des professeurs de sciences
économiques et sociales (Apses)" makes "l'Apses" one entity with that association, named in full,
and so the speaker of its quotes and the claimant of its figures.

The pairs come from the Schwartz–Hearst algorithm (the `abbreviation_extractor` package): a
short form in brackets after its long form, each letter of it found in order in the long form.
An elided article is blanked first ("l'Association" → "  Association", one character for one, so
offsets hold), else the long form's first word never starts with the acronym's letter and "la
Ligue des droits de l'Homme (LDH)" is a word too long for the algorithm's bound. What the
algorithm gives is then held to what an organisation's name looks like: an acronym of capitals
("LDH") or a capitalised word ("Apses"), a long form of two words or more that opens on a
capital, and most of the acronym's letters starting its words ("Pour Manuel Valls (PS)" is no
definition of PS: its S starts no word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import abbreviation_extractor

# "l'", "d'", "L'", "D'" before a word, typewriter or typographic apostrophe: an article, no word of a name.
_ELISION = re.compile(r"\b[LlDd]['’](?=\w)")
_ACRONYM = re.compile(r"[A-ZÀ-Ö][A-ZÀ-Ö0-9&-]{1,9}|[A-ZÀ-Ö][a-zà-ÿ]{2,7}")
_WORD = re.compile(r"[^\W\d_]+")
# Share of an acronym's letters that must start a word of its long form, in order (PS from "Pour
# Manuel Valls": 1 of 2; Medef from "Mouvement des entreprises de France": 4 of 5).
_INITIALS_SHARE = 0.6
_LONGEST = 12  # words of a long form


def acronym_definitions(text: str) -> dict[str, str]:
    """Each acronym the text defines → its long form as the text writes it (first definition)."""
    if "(" not in text:
        return {}
    opened = _ELISION.sub("  ", text)
    definitions: dict[str, str] = {}
    for pair in abbreviation_extractor.extract_abbreviation_definition_pairs(opened, ignore_errors=True):
        acronym, definition = pair.abbreviation, pair.definition
        if acronym in definitions or not _ACRONYM.fullmatch(acronym):
            continue
        spaced = r"\s+".join(re.escape(w) for w in definition.split())
        found = re.search(rf"({spaced})\s*\(\s*{re.escape(acronym)}\s*\)", opened)
        if found is None:
            continue
        long_form = " ".join(text[found.start(1) : found.end(1)].rstrip(" '’\"»”,;:").split())
        if stands_for(acronym, long_form):
            definitions[acronym] = long_form
    return definitions


def stands_for(acronym: str, long_form: str) -> bool:
    """Whether `long_form` reads as an organisation's name that `acronym` abbreviates."""
    words = _WORD.findall(_ELISION.sub("  ", long_form))
    if not 2 <= len(words) <= _LONGEST or not long_form[:1].isupper() or any(c.isdigit() for c in long_form):
        return False
    initials = [w[0].lower() for w in words]
    letters = [c.lower() for c in acronym if c.isalpha()]
    if not letters or letters[0] != initials[0]:
        return False
    matched, at = 0, 0
    for letter in letters:
        if letter in initials[at:]:
            at += initials[at:].index(letter) + 1
            matched += 1
    return matched >= _INITIALS_SHARE * len(letters)


def acronyms_of(texts: Iterable[str]) -> dict[str, str]:
    """The acronyms defined in any of `texts` (a story's articles), the first definition kept."""
    definitions: dict[str, str] = {}
    for text in texts:
        for acronym, long_form in acronym_definitions(text).items():
            definitions.setdefault(acronym, long_form)
    return definitions
