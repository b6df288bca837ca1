"""What a subject pronoun or "ce dernier" stands for: someone the text singles out before it.

A pronoun resolves to the last subject the speaker finder saw (`Subject`), when its gender and
number agree and no one else the text names stands between them; the last subject being
unresolved gives None too, not the one before it (looking further back is how the nearest wrong
name comes in). "Ce dernier" (or "celui-ci") is the person of its gender whose name the text
writes last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from recoupe.extract.mention_kinds import gender_of, name_gender
from recoupe.extract.people import Person


@dataclass(frozen=True)
class Subject:
    """A subject the speaker finder met: who it is (None: unresolved) and its gender or number."""

    position: int
    name: str | None
    gender: str  # "m", "f", "p" (plural), "" unknown
    organisation: bool = False  # a body ("Le club de X"), which "il" stands for only if no man is named


def resolve_pronoun(
    gender: str,
    position: int,
    subjects: list[Subject],
    text: str = "",
    people: tuple[Person, ...] | list[Person] = (),
    quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
    relative: bool = False,
    other_than: str | None = None,
) -> str | None:
    """The last subject before `position`, when its gender agrees and no one else the text names
    (outside quotes, of a gender the pronoun allows) stands between them; None when the text does
    not single one person out, or when that subject was left unresolved (looking further back is
    how the nearest wrong name comes in).

    `other_than`: a speaker the pronoun cannot be ("« … », a-t-elle tempéré de son côté" sets its
    speaker against the one quoted before): skipped. When no earlier subject is of the pronoun's
    gender (or only that speaker is), the one person of its gender the text names before it, if
    there is exactly one ("X a reçu les représentantes, conduites par Y. « … », a-t-elle dit")."""
    earlier = [s for s in subjects if s.position < position]
    if gender not in ("m", "f", "p") or (not earlier and other_than is None):
        return None
    # A person whose gender a subject mention told ("La représentante …, Amandine Roux") is no rival.
    told = {s.name: s.gender for s in subjects if s.name and s.gender}
    rivals = [p for p in people if (told.get(p.name) or p.gender or gender) == gender]
    for subject in reversed(earlier):
        if (subject.gender or name_gender(subject.name)) not in ("", gender):
            continue  # "elle" after "Le ministre a dit …" or after "Olivier Massé a dit …": not him
        if gender == "p" and subject.gender != "p":
            continue  # "ils" stands for a plural subject, never for one person named in a list
        if other_than is not None and subject.name == other_than:
            continue
        if subject.organisation and gender in ("m", "f"):
            # "Le club de X a annoncé le départ de son entraîneur, Patrick Y. « … », a-t-il dit":
            # a man named after the body is who "il" stands for; two of them, no one.
            opening = max((m.end() for m in SENTENCE_END.finditer(text, 0, subject.position)), default=0)
            named = _named_between(text, opening, position, people, quoted, gender, subject.name)
            if named:
                return named[0].name if len(named) == 1 else None
        if relative and subject.name is not None and gender != "p":
            # "… une lettre de X à Y, dans laquelle il écrivait": whoever that sentence names first.
            opening = max((m.end() for m in SENTENCE_END.finditer(text, 0, position)), default=0)
            here = Subject(opening - 1, subject.name, subject.gender)
            if _rival_between(text + "\n", here, position, rivals, quoted, gender, same_sentence=True):
                return None
        if (
            subject.name is not None
            and gender != "p"
            and _rival_between(text, subject, position, rivals, quoted, gender)
        ):
            return None  # "X a salué … Y … : « … », a-t-il dit": X or Y, the text does not say
        return subject.name
    if gender in ("m", "f"):
        named = _named_between(text, 0, position, people, quoted, gender, other_than)
        return named[0].name if len(named) == 1 else None
    return None


_LATTER = re.compile(r"(?:ce|cette|ces)\s+derni(?:er|ère|ers|ères)|celui-ci|celle-ci", re.IGNORECASE)
# The demonstratives tell their gender by their word, not by a determiner.
_DEMONSTRATIVE_GENDER = {"celui-ci": "m", "celle-ci": "f"}


def is_latter(wording: str) -> bool:
    """ "ce dernier", "cette dernière", "celui-ci": the last one named, not the last subject."""
    return _LATTER.fullmatch(wording.strip()) is not None


def resolve_latter(
    wording: str, position: int, text: str, people: list[Person], quoted: list[tuple[int, int]]
) -> str | None:
    """The person of the wording's gender whose name the text writes last before `position`
    (outside quotes, from the sentence before on): "… le président du CFCM, Karim X. « … »,
    ajoute ce dernier" is X. None for a plural, or when no person of that gender is named there."""
    gender = _DEMONSTRATIVE_GENDER.get(wording.strip().lower()) or gender_of(wording)
    if gender not in ("m", "f"):
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, position)]
    opening = ends[-2] if len(ends) > 1 else 0
    last: tuple[int, str] | None = None
    for person in people:
        if not person.is_person or (person.gender or name_gender(person.name)) != gender:
            continue
        at = max(_written_at(text, opening, position, person.name.split(), quoted), default=None)
        if at is not None and (last is None or at > last[0]):
            last = (at, person.name)
    return last[1] if last else None


def _named_between(
    text: str,
    start: int,
    end: int,
    people: tuple[Person, ...] | list[Person],
    quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    gender: str,
    besides: str | None,
) -> list[Person]:
    """The people of `gender` (told by the text or their first name) other than `besides` whom the
    text names between `start` and `end`, outside quotes."""
    return [
        person
        for person in people
        if person.name != besides
        and (person.gender or name_gender(person.name)) == gender
        and written_between(text, start, end, person.name.split(), quoted)
    ]


def written_between(
    text: str,
    start: int,
    end: int,
    words: Iterable[str],
    quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]],
) -> bool:
    """Whether one of the name's `words` (capitalised, three letters or more) is written between
    `start` and `end`, outside quotes."""
    return next(_written_at(text, start, end, words, quoted), None) is not None


def _written_at(
    text: str,
    start: int,
    end: int,
    words: Iterable[str],
    quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]],
) -> Iterator[int]:
    """Where the name's `words` (capitalised, three letters or more) are written between `start`
    and `end`, outside quotes."""
    for word in words:
        if len(word) < 3 or not word[:1].isupper():
            continue
        for match in re.finditer(rf"\b{re.escape(word)}\b", text[start:end]):
            if not any(a <= start + match.start() < b for a, b in quoted):
                yield start + match.start()


SENTENCE_END = re.compile(r"[.!?](?=[ \u00a0]+[A-ZÀ-Ö«\"“])|\n")


def _rival_between(
    text: str,
    subject: Subject,
    position: int,
    people: tuple[Person, ...] | list[Person],
    quoted: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    gender: str,
    same_sentence: bool = False,
) -> bool:
    """Whether a person other than the subject's is named in a sentence that lies between the
    subject's sentence and the pronoun's (names in those two are objects and complements, which a
    pronoun subject rarely stands for); with `same_sentence`, anywhere between the two."""
    if same_sentence:
        start, end = subject.position, position
    else:
        ends = [m.end() for m in SENTENCE_END.finditer(text, subject.position, position)]
        if len(ends) < 2:
            return False
        start, end = ends[0], ends[-1]
    own = set((subject.name or "").split())
    return any(
        written_between(text, start, end, set(person.name.split()) - own, quoted)
        for person in people
        if person.name != subject.name and not (person.gender and person.gender != gender)
    )
