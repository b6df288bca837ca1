"""Who a speaker mention is: the person an article names that a pronoun or a role noun stands for.

A mention resolves only by what the text establishes, never to the nearest name:
- a role noun ("le dirigeant russe", "le chef du Kremlin", "Russia's president") resolves to the
  one person the article sets beside a compatible role ("le président russe Vladimir Poutine",
  "Xi Jinping, président chinois,"): same country, same office, as data/roles.toml reads them,
  or, for offices it does not list ("le procureur"), the same role noun; a wrong country or
  office excludes a candidate; none left, or two, → None;
- a pronoun resolves to the last subject the speaker finder saw (`Subject`), when its gender and
  number agree; the last subject being unresolved gives None too, not the one before it.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from gender_guesser.detector import Detector
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

from recoupe.data import honorifics, read_text, titles
from recoupe.stories.names import fold

# Any head is a "dirigeant": a head of state or of government.
_LEADERS = frozenset({"head_of_state", "head_of_government"})
# The one pattern of a capitalised word that the name finders share ("Poutine", "D'Alema", "Jean-Luc"),
# and of a name's word (two letters or more, ending on a letter or digit).
CAPITALISED_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
NAME_WORD = CAPITALISED_WORD + r"[\w]"
_PARTICLE = r"(?:de|du|da|di|van|von|der|bin|ben|al|el|ibn|le|la)"
# A run of capitalised words, particles between them ("Juan Manuel Santos", "Marie de Hennezel").
_NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{NAME_WORD})*")
# The honorifics of data/titles.txt: those that tell a gender open a one-word name ("M. Poutine");
# any of them is no part of the name it opens.
HONORIFICS = frozenset(honorifics())
_HONORIFIC = re.compile(
    r"\b("
    + "|".join(re.escape(f) for f in sorted((f for f, g in honorifics().items() if g), key=len, reverse=True))
    + r")[ \u00a0]$"
)
_FEMININE = frozenset({"la", "une", "cette"} | {fold(f) for f, g in honorifics().items() if g == "f"})
_MASCULINE = frozenset({"le", "un", "ce", "cet"} | {fold(f) for f, g in honorifics().items() if g == "m"})
_STOP_WORDS = frozenset(fold(w) for w in FR_STOP_WORDS | EN_STOP_WORDS) | {"selon", "pour", "dans"}
# "de la Justice", "du Medef" always; "de Lille" only before a name ("le maire de Lille Martine Aubry").
_COMPLEMENT = re.compile(r"\b(?:(de la|de l['’]|du|des|à la|au|aux)|de|d['’])[ \u00a0]?$", re.IGNORECASE)
# How far left of a name its role wording may start ("le ministre de la Défense colombien X").
_ROLE_WINDOW = 8
# Auxiliaries, complementisers and relatives: a role wording holds none, so a role noun before
# one belongs to another clause. A token list, since people_in reads the unparsed text.
_CLAUSE_WORDS = frozenset(
    (  # noqa: SIM905 (one word list reads better as a line than as 35)
        "a ont est sont était étaient avait avaient sera seront aurait que qu qui dont mais car "
        "ne n se s y en lui leur selon après avec contre pour par sur dans chez entre"
    ).split()
)


@dataclass(frozen=True)
class Role:
    """What a role wording says of its holder: country (ISO code) and office, None when not said."""

    country: str | None
    office: str | None
    noun: str | None  # the role noun as written, folded ("procureur"), for roles the data lacks


@dataclass
class Person:
    """A person the article names, with the roles and gender the text gives them."""

    name: str
    gender: str = ""  # "m", "f" or "" unknown
    roles: list[Role] = field(default_factory=list)
    # Whether anything but capitals says this is a person: spaCy's NER, an honorific or a known
    # first name. "Fichier Edvige" (a headline's first words) or "Crédit Agricole" are not; they
    # still make a role ambiguous, but no pronoun or role resolves to them.
    is_person: bool = True


@dataclass(frozen=True)
class Subject:
    """A subject the speaker finder met: who it is (None: unresolved) and its gender or number."""

    position: int
    name: str | None
    gender: str  # "m", "f", "p" (plural), "" unknown
    organisation: bool = False  # a body ("Le club de X"), which "il" stands for only if no man is named


@cache
def _roles_data() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, str], dict[str, str]]:
    raw = tomllib.loads(read_text("roles.toml"))
    seats = {fold(k): (v[0], v[1]) for k, v in raw["seats"].items()}
    holders = frozenset(fold(w) for w in raw["holders"]["words"])
    offices = {fold(k): v for k, v in raw["offices"].items()}
    countries = {fold(w): code for code, words in raw["countries"].items() for w in words}
    return seats, holders, offices, countries


@cache
def _role_nouns() -> frozenset[str]:
    """Words that make a noun phrase a person's role: data/titles.txt and the offices of roles.toml."""
    words = {fold(title).split()[0] for title in titles()}
    return frozenset(words | {k.split()[0] for k in _roles_data()[2]} | _roles_data()[1])


@cache
def _institutions() -> frozenset[str]:
    return frozenset(fold(w) for w in tomllib.loads(read_text("roles.toml"))["institutions"]["words"])


@cache
def _bodies() -> frozenset[str]:
    return frozenset(fold(w) for w in tomllib.loads(read_text("roles.toml"))["bodies"]["words"])


def is_body_noun(wording: str) -> bool:
    """Whether a noun phrase's head is a common noun of a body ("la banque", "ce groupe")."""
    words = [w for w in fold(wording).replace("'", " ").split() if w not in _NOUN_PHRASE_LEAD]
    return bool(words) and (words[0] in _bodies() or words[0].removesuffix("s") in _bodies())


def body_named_as(noun: str, before: str) -> str | None:
    """The body the text named with a common noun set before its name: "la banque" after "la
    banque française Société Générale", "le groupe" after "le groupe Renault"; None when it names
    none or several."""
    if not noun.isalpha():
        return None
    found = {
        m.group(1)
        for m in re.finditer(
            rf"\b(?i:{re.escape(noun)})(?:[ \u00a0][a-zà-ÿ]+){{0,2}}[ \u00a0]({_NAME_RUN.pattern})", before
        )
    }
    return found.pop() if len(found) == 1 else None


# A sentence that opens on a body's name after a determiner ("La Banque Valmont admet …",
# "24 janvier : Le Crédit agricole a …"), its next word in lower case (the verb).
_BODY_OPENING = re.compile(
    rf"(?:^|[.!?:][ \u00a0]+|\n)[ \u00a0]*(?:L[ae]s?[ \u00a0]|L['’])[ \u00a0]?"
    rf"({_NAME_RUN.pattern})[ \u00a0]+[a-zà-ÿ]"
)


def body_opening(before: str, sentences: int = 3) -> str | None:
    """The body named after a determiner at the head of one of the last `sentences` sentences of
    `before` (the subject position), when only one body is: what "la banque" or "le groupe" next
    stands for."""
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    start = ends[-sentences] if len(ends) >= sentences else 0
    found = {m.group(1) for m in _BODY_OPENING.finditer(before, max(0, start - 2))}
    return found.pop() if len(found) == 1 else None


def last_named_body(position: int, subjects: list[Subject]) -> str | None:
    """The body a definite "la banque" or "ce groupe" stands for: the last subject before
    `position` that is a body the text names with capitals ("La Société Générale"); None when the
    last body subject is a common noun's ("le parquet de Paris") or there is none."""
    for subject in reversed([s for s in subjects if s.position < position]):
        if subject.organisation and subject.name:
            # A name after a determiner ("La Société Générale") or an acronym ("EDF") is a body's;
            # a person's name given to a body mention ("l'enquête" resolved to whom it is about) is not.
            named = re.match(
                r"(?:[Ll]es?[ \u00a0]|[Ll]a[ \u00a0]|[Ll]['’])[ \u00a0]?[A-ZÀ-ÖØ-Þ]", subject.name
            )
            acronym = re.fullmatch(r"[A-ZÀ-ÖØ-Þ0-9&-]{2,}", subject.name)
            return subject.name if (named or acronym) and not is_institution(subject.name) else None
    return None


def names_a_thing(wording: str, people: list[Person] | None = None) -> bool:
    """Whether a noun phrase is a thing or an event that names someone only in its complement ("La
    libération d'Ingrid Betancourt", "la mort de X"): its head a common noun of no person, body,
    institution or document, a capitalised complement after it, and, when `people` is given, a
    person of the text in that complement ("la chambre d'agriculture de l'Aude" is a body the lists
    lack, not a thing). Such a phrase speaks for no one."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    if not words or fold(words[0]).strip("'") not in _NOUN_PHRASE_LEAD:
        return False
    rest = [w for w in words[1:] if fold(w) not in _PREPOSED]
    if not rest or not rest[0][:1].islower():
        return False
    head = fold(rest[0])
    if head in _speaking_nouns() or head in _role_nouns() or head.removesuffix("s") in _speaking_nouns():
        return False
    if is_institution(head) or is_body_noun(head) or is_document(head):
        return False
    complement = re.search(rf"\b(?:de|du|des|d')\s?(?:la |l' )?{CAPITALISED_WORD}", " ".join(rest))
    if complement is None:
        return False
    # A person by their surname: the name finder may have kept a word before it ("Recevant X Y").
    words = set(re.findall(r"[\w-]+", wording))
    return people is None or any(len(p.name.split()) > 1 and p.name.split()[-1] in words for p in people)


# Adjectives set before a noun ("cette première plainte", "ce jeune homme", "l'ancien ministre").
_PREPOSED = frozenset(
    {
        "premier",
        "premiere",
        "nouveau",
        "nouvel",
        "nouvelle",
        "ancien",
        "ancienne",
        "futur",
        "future",
        "jeune",
        "vieux",
        "vieille",
        "ex",
        "seul",
        "seule",
        "dernier",
        "derniere",
        "meme",
        "autre",
    }
)


def resolve_demonstrative(
    wording: str,
    position: int,
    subjects: list[Subject],
    text: str,
    people: list[Person],
    quoted: list[tuple[int, int]],
) -> str | None:
    """ "ce médecin", "cette mère de famille": a demonstrative points back at someone just
    spoken of, as a pronoun does: the last person subject of its gender (resolve_pronoun), unless
    the role it names fits someone the text sets beside it (resolve_role). Only a noun of a person
    (a role, or a noun of people in data/roles.toml's [speakers]): "cette plainte" is no one."""
    folded = [w for w in fold(wording).replace("'", " ").split() if w not in _NOUN_PHRASE_LEAD]
    head = next((w for w in folded if w not in _PREPOSED), "")  # "cette première plainte": "plainte"
    if (head not in _speaking_nouns() and head not in _role_nouns() - _PREPOSED) or is_body_noun(head):
        return None
    resolved = resolve_role(wording, people)
    if resolved is not None:
        return resolved
    gender = gender_of(wording)
    if gender not in ("m", "f"):
        return None
    persons = [s for s in subjects if not s.organisation]
    return resolve_pronoun(gender, position, persons, text, people, quoted)


@cache
def _documents() -> frozenset[str]:
    return frozenset(fold(w) for w in tomllib.loads(read_text("roles.toml"))["documents"]["words"])


def is_document(wording: str) -> bool:
    """Whether a noun phrase names a document ("un télégramme du ministre", "le rapport de …")."""
    words = [w for w in fold(wording).split() if w not in _DOCUMENT_DETERMINERS]
    return bool(words) and (words[0] in _documents() or words[0].removesuffix("s") in _documents())


_AUTHOR = re.compile(r"\b(?:de la|de l['’]|du|des|de|d['’]|of the|of)[ \u00a0]?([A-ZÀ-ÖØ-Þ].*)$")


_DOCUMENT_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "ces"})


def document_author(wording: str, people: list[Person], before: str = "") -> str | None:
    """Who speaks through the document a wording names: the person named in it ("un télégramme du
    ministre des Affaires étrangères Yang Jiechi"), else the body its complement names ("un rapport
    de l'Inspection générale de la Caisse d'Epargne"), else, for "ces recommandations", the author
    the text gave the same document before ("les recommandations du Medef"); None when it names
    neither."""
    named = [p.name for p in people if p.name in wording]
    if named:
        return max(named, key=len)
    author = _AUTHOR.search(wording)
    if author:
        return author.group(1).strip()
    words = wording.split()
    if len(words) == 2 and fold(words[0]) in _DOCUMENT_DETERMINERS - {"un", "une"}:
        earlier = named_body(words[1], before)
        author = _AUTHOR.search(earlier) if earlier else None
        return author.group(1).strip() if author else None
    return None


_LINK = r"(?:de la |de l['’]|du |des |de |d['’])"


def named_body(noun: str, before: str) -> str | None:
    """The body a common noun stands for when the text named it before with that noun at its head,
    once: "le cabinet" after "le cabinet de Xavier Darcos", "l'inspection" after "l'Inspection
    générale de la Caisse d'Epargne"; None when the text names none or several."""
    if not noun or " " in noun.strip() or not noun.isalpha():
        return None
    found: dict[str, str] = {}  # by the body named ("Rapport sévère de la Commission" names the same)
    for m in re.finditer(
        rf"\b(?i:{re.escape(noun)})(?:[ \u00a0][a-zà-ÿ]+)?[ \u00a0]({_LINK}{CAPITALISED_WORD}"
        rf"(?:[ \u00a0](?:{_LINK})?{CAPITALISED_WORD})*)",
        before,
    ):
        found.setdefault(fold(m.group(1)), m.group())
    return next(iter(found.values())) if len(found) == 1 else None


@cache
def _speaking_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in tomllib.loads(read_text("roles.toml"))["speakers"]["words"])


_NOUN_PHRASE_LEAD = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces"}
)


def may_assert(wording: str) -> bool:
    """Whether a noun phrase can be someone who asserts something: a name (a capitalised word past
    its determiner), a pronoun, a role, an institution, a document, or a common noun of people or
    groups (data/roles.toml's [speakers]: "des témoins", "les sources"); "la mise en place …" or
    "quarante-quatre mesures" cannot."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    if any(w[:1].isupper() and fold(w).strip("'") not in _NOUN_PHRASE_LEAD for w in words):
        return True
    folded = [w for w in fold(wording).replace("'", " ").split() if w not in _NOUN_PHRASE_LEAD]
    if not folded or folded[0] in ("il", "elle", "ils", "elles", "on", "lui", "eux"):
        return bool(folded)
    heads = [w.removesuffix("s").removesuffix("x") for w in folded[:2]] + folded[:2]
    return (
        any(h in _speaking_nouns() for h in heads)
        or is_role(wording)
        or is_institution(wording)
        or is_document(wording)
    )


def is_institution(wording: str) -> bool:
    """Whether a noun phrase names an institution speaking as one ("la mairie", "le parquet")."""
    words = [w for w in fold(wording).split() if w not in ("le", "la", "les", "l", "the")]
    return bool(words) and words[0] in _institutions()


def is_role(wording: str) -> bool:
    """Whether a noun phrase names a person by their role ("le chef du Kremlin", "la ministre")."""
    words = [w for w in fold(wording).split() if w not in ("le", "la", "les", "l", "un", "une", "the", "a")]
    # "le futur ministre", "l'ancien président": the role noun may follow an adjective.
    return bool(words) and (any(w in _role_nouns() for w in words[:2]) or role_of(wording).office is not None)


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
    nouns = [w for w in heads if w in _role_nouns()]
    return Role(country, office, nouns[0] if nouns else None)


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


# "de", "des", "du", "d'" and a capital after a word: the complement of a role ("président Noir
# des Etats-Unis"), which a person's name rarely takes in French ("le président des Etats-Unis
# Barack Obama", "le président américain Obama").
_COMPLEMENT_AFTER = re.compile(r"[ \u00a0]+(?:de|des|du|d['’])[ \u00a0]*(?:l['’]|la[ \u00a0]+)?[A-ZÉ]")


def people_in(text: str, person_words: frozenset[str] | None = None) -> list[Person]:
    """The people the text names, merged by surname ("M. Poutine" is "Vladimir Poutine"), with
    the role wording set right before a name ("le président russe Vladimir Poutine") or in
    apposition after it ("Xi Jinping, président chinois,"). `person_words`: the words of the names
    NER tags as people in the text; a run none of whose words it holds, with no honorific and no
    known first name, is listed with `is_person` False (None: every run is taken for a person)."""
    people: list[Person] = []
    confirmed: set[int] = set()  # ids of the people something but capitals says are people
    for match in _NAME_RUN.finditer(text):
        name, start = _without_leading_words(match.group(), text, match.start())
        if not name:
            continue
        before = text[max(0, start - 80) : start]
        honorific = _HONORIFIC.search(before)
        role = _role_before(before)
        if role is None and before.rstrip().endswith(","):
            role = _role_before(before.rstrip()[:-1])  # "Le maire de Kyiv, Vitali Klitschko,"
        if len(name.split()) < 2 and not honorific and role is None:
            continue  # one capitalised word is any sentence's first word, or a place
        if len(name.split()) < 2 and _COMPLEMENT_AFTER.match(text, match.end()):
            continue  # "le premier président Noir des Etats-Unis": an adjective of the role, no name
        gender = gender_of(honorific.group(1)) if honorific else ""
        if role is None and not _after_preposition(text, start):
            role = _role_after(text, match.end())
            if role is not None:  # "Christine Lagarde, la ministre de l'Economie,": "la" tells it
                gender = gender or gender_of(text[match.end() : match.end() + 8].lstrip(", \u00a0"))
        person = _merge(people, name)
        if person_words is None or honorific or set(name.split()) & person_words or name_gender(name):
            confirmed.add(id(person))
        if role is not None:
            person.roles.append(role)
            gender = gender or _role_gender(text, start)
            # "Le député Marc Ody, rapporteur de la loi,": a role on each side of the name.
            second = _role_after(text, match.end()) if not _after_preposition(text, start) else None
            if second is not None and second != role:
                person.roles.append(second)
        person.gender = person.gender or gender
    for person in people:
        person.gender = person.gender or name_gender(person.name)
        person.is_person = id(person) in confirmed
    return people


def _without_leading_words(name: str, text: str, start: int) -> tuple[str, int]:
    """A run of capitals less the words that open a sentence ("Le", "Selon") and a complement's
    noun ("la ministre de la Justice Rachida Dati": "Justice" is no part of her name)."""
    words = name.split()
    # "sur BFM Pierre Nanterme": an acronym glued before a name is a channel, a party, a firm.
    while len(words) > 2 and words[0].isupper() and len(words[0]) > 1:
        start += len(words[0]) + 1
        words = words[1:]
    # "L'ex-otage Ingrid Betancourt", "J'entendais": an elided article or pronoun opens no name.
    while words and re.match(r"[LJCSNMT]['’]|D['’][^\W\d_A-Z]", words[0]):  # "D'après", not "D'Alema"
        start += len(words[0]) + 1
        words = words[1:]
    while words and (fold(words[0]) in _STOP_WORDS or words[0] in HONORIFICS):
        start += len(words[0]) + 1
        words = words[1:]
    # "La Néerlandaise Femke Van Dorsten", "l'Argentin Tomás Elizalde": a capitalised noun after a
    # determiner is a nationality, not a first name ("la Banque de France" keeps its words).
    if (
        len(words) >= 3
        and fold(words[1]) not in _STOP_WORDS
        and re.search(r"\b(?:le|la|l['’])[ \u00a0]?$", text[max(0, start - 4) : start], re.IGNORECASE)
    ):
        start += len(words[0]) + 1
        words = words[1:]
    complement = _COMPLEMENT.search(text, max(0, start - 8), start)
    if len(words) == 1 and complement:
        return "", start  # "le maire de Lille", "la ministre de la Santé": a place, an office
    if words and complement and (complement.group(1) or len(words) >= 3):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _role_before(before: str) -> Role | None:
    """The role wording ending right before a name, within the clause ("le président russe ")."""
    clause = re.split(r"[,;:.!?«»“”\"()\n]", before)[-1]
    words = clause.split()[-_ROLE_WINDOW:]
    # The wording must run up to the name: in "la ministre a affirmé que le gouvernement de
    # François Fillon", "ministre" is another clause's subject, not Fillon's role.
    verbless = max((k + 1 for k, w in enumerate(words) if _clause_word(w)), default=0)
    words = words[verbless:]
    for k in range(len(words)):
        wording = " ".join(words[k:])
        if fold(words[k]) in _role_nouns():
            return role_of(wording)
    # "l'ex-otage Ingrid Betancourt": a noun the data does not know, right after its determiner.
    # "la psychologue et psychothérapeute Marie de Hennezel": lower-case nouns, "et" between them.
    k = len(words)
    while (
        k > max(1, len(words) - 3)
        and words[k - 1].islower()
        and fold(words[k - 1]) not in ("le", "la", "l")
        and not re.match(r"[lL]['’]", words[k - 1])
    ):
        k -= 1
    if 0 < k < len(words) and fold(words[k - 1]) in ("le", "la", "l") and words[k] != "et":
        return Role(None, None, fold(words[k]))
    if words and re.match(r"[lL]['’]\w", words[-1]) and words[-1][2:].islower():
        return Role(None, None, fold(words[-1][2:]))
    # "Le procureur de Lille, Hervé Dumoulin": a noun the data does not know, its complement after it.
    for k in range(len(words) - 2):
        complement = fold(words[k + 2]) in ("de", "du", "des")
        if fold(words[k]) in ("le", "la") and words[k + 1].islower() and complement:
            return Role(None, None, fold(words[k + 1]))
    return None


def _clause_word(word: str) -> bool:
    """Whether a word (case ignored, accents kept: "à" is no "a") is one of _CLAUSE_WORDS ("qu'il")."""
    return any(part in _CLAUSE_WORDS for part in re.split(r"['’]", word.lower()))


def _role_after(text: str, end: int) -> Role | None:
    """'Xi Jinping, président chinois,': a role wording in apposition right after a name."""
    # It ends at a comma, or where the sentence's verb follows without one ("Christine Lagarde,
    # la ministre de l'Economie n'y est pas favorable").
    match = re.match(
        r",[ \u00a0]+((?:le |la |l'|l’|the )[^,;:.«»()\n]{3,60}?)"
        r"(?:[,.;)]|[ \u00a0](?=(?:n['’]|ne |a |est |avait |était |qui )))",
        text[end:],
    )
    if match is None:
        # "Christine Lagarde, ministre de l'Economie", "X, chef de la Commission …": a role noun
        # with no determiner, as captions and appositions write it.
        match = re.match(r",[ \u00a0]+([^\W\d_A-Z][^,;:.«»()\n]{3,60}?)(?:[,.;)\n]|$)", text[end:])
        # "Jean Leonetti, député-maire UMP d'Antibes et rapporteur de la loi": a role noun among
        # its first words (a coordinated role included).
        words = re.split(r"[ \u00a0'’-]+", fold(match.group(1)) if match else "")[:8]
        coordinated = words[0] in ("et", "ou", "and", "or")
        if match is None or coordinated or not any(w in _role_nouns() for w in words):
            return None  # ", et l'avocat de la défense, …": another person, coordinated
    role = role_of(match.group(1))
    # A role the data does not know ("Georges Pauget, le directeur général de …"): its noun.
    return role if role.noun else Role(role.country, role.office, _head_noun(match.group(1)))


def _head_noun(wording: str) -> str | None:
    words = [w for w in fold(wording).split() if w not in ("le", "la", "l", "the", "un", "une")]
    return words[0] if words else None


def _role_gender(text: str, start: int) -> str:
    """The gender of the role wording right before a name, or before its comma ("La présidente du
    Medef, Laurence Parisot"): the determiner nearest the name that opens a role noun."""
    before = text[max(0, start - 80) : start]
    if before.rstrip().endswith(","):
        before = before.rstrip()[:-1]
    words = re.split(r"[,;:.!?«»“”\"()\n]", before)[-1].split()
    for k in range(len(words) - 2, -1, -1):
        complement = k > 0 and fold(words[k - 1]) in ("de", "a")  # "le ministre de la Défense"
        if (
            fold(words[k]) in ("le", "la", "l", "un", "une", "sa")
            and fold(words[k + 1]) in _role_nouns()
            and not complement
        ):
            return "f" if fold(words[k]) == "sa" else gender_of(words[k])
    return ""


def _merge(people: list[Person], name: str) -> Person:
    """The person already listed that this name is (a shared word of a longer name), else a new one."""
    words = set(name.split())
    for person in people:
        theirs = set(person.name.split())
        if words <= theirs or theirs <= words:
            if len(words) > len(theirs):
                person.name = name
            return person
    people.append(Person(name))
    return people[-1]


def full_name(name: str, people: list[Person]) -> str:
    """The fullest form the article gives a name ("Poutine" → "Vladimir Poutine")."""
    words = set(name.split())
    found = [p.name for p in people if words and words <= set(p.name.split())]
    return max(found, key=len) if len(set(found)) == 1 else name


def resolve_role(wording: str, people: list[Person]) -> str | None:
    """The one person named in the article whose role the wording fits; None if none or several."""
    wanted = _wanted_role(wording)
    if wanted is None:
        return None
    gender = gender_of(wording)
    fits = [
        p
        for p in people
        if (not gender or not p.gender or p.gender == gender) and any(_fits(wanted, r) for r in p.roles)
    ]
    return fits[0].name if len(fits) == 1 else None


def _wanted_role(wording: str) -> Role | None:
    """The role a wording asks for: from the data, else its head noun ("la psychologue",
    "l'ex-otage": nouns the data does not list); None when it names no role at all."""
    wanted = role_of(wording)
    if wanted.country is None and wanted.office is None and wanted.noun is None:
        wanted = Role(None, None, _head_noun(wording))
    if wanted.country is None and wanted.office is None and wanted.noun is None:
        return None
    return wanted


def resolve_demonym(word: str, text: str, people: list[Person]) -> str | None:
    """ "le Serbe": the one person the text introduces with that nationality ("le joueur de tennis
    serbe Dragan Ilić", "Dragan Ilić, le Serbe"); None if none or several."""
    adjective = re.compile(rf"\b{re.escape(word.lower())}s?\b", re.IGNORECASE)
    fits = []
    for person in people:
        for match in re.finditer(re.escape(person.name), text):
            clause = re.split(r"[,;:.!?«»“”\"()\n]", text[max(0, match.start() - 60) : match.start()])[-1]
            words = clause.split()[-4:]
            # "La Chine a félicité Hillary Clinton": a verb between the word and the name makes it
            # another clause's subject, not the name's nationality.
            words = words[max((k + 1 for k, w in enumerate(words) if _clause_word(w)), default=0) :]
            if adjective.search(" ".join(words)) and person not in fits:
                fits.append(person)
    return fits[0].name if len(fits) == 1 else None


def headline_person(text: str, people: list[Person]) -> Person | None:
    """The person a headline opens on ("Rachida Dati contre …", "Chômage: Aubry dénonce …"), the
    article's protagonist, when the article names them."""
    line = text.lstrip().split("\n", 1)[0]
    # After a colon first: "Fichier Edvige : Fillon demande …" is about Fillon.
    for part in (line.split(":", 1)[1] if ":" in line else "", line):
        match = _NAME_RUN.match(part.strip())
        if match is None:
            continue
        words = {w for w in match.group().split() if fold(w) not in _STOP_WORDS}
        found = [p for p in people if words and words <= set(p.name.split())]
        if len(found) == 1:
            return found[0]
    return None


def resolve_to_protagonist(wording: str, people: list[Person], protagonist: Person | None) -> str | None:
    """A definite role that no one in the article is set beside ("a souligné la ministre", "l'ex-otage")
    stands for the headline's person, when nothing the text says of them contradicts it: gender,
    country, office; a head of state or government is not called by another role noun."""
    wanted = _wanted_role(wording)
    if protagonist is None or wanted is None:
        return None
    if any(_fits(wanted, r) for p in people for r in p.roles):
        return None  # someone else holds that role: resolve_role's answer, or ambiguous
    gender = gender_of(wording)
    if gender and protagonist.gender and gender != protagonist.gender:
        return None
    for known in protagonist.roles:
        if wanted.country is not None and known.country is not None and wanted.country != known.country:
            return None
        if wanted.office is not None and known.office is not None and not _fits(wanted, known):
            return None
        if known.office in _LEADERS and wanted.office is None and wanted.noun != known.noun:
            return None  # "le futur ministre de la Santé" is not the president-elect of the headline
    return protagonist.name


def continued_by(wording: str, subject: Subject | None, people: list[Person]) -> str | None:
    """Who a definite role is when the cue says the speaker goes on ("Et la ministre de poursuivre",
    "a ajouté le ministre"): the last subject, a person, unless gender, country, office or someone
    else set beside the role contradicts it (as for the headline's person)."""
    if subject is None or subject.name is None or subject.organisation:
        return None
    known = next((p for p in people if p.name == subject.name), None)
    gender = subject.gender or (known.gender if known else "") or name_gender(subject.name)
    person = Person(subject.name, gender)
    person.roles = list(known.roles) if known else []
    return resolve_to_protagonist(wording, people, person)


def _fits(wanted: Role, known: Role) -> bool:
    if wanted.country is not None and wanted.country != known.country:
        return False
    if wanted.office is not None:
        if known.office is None:
            return False
        # "le dirigeant russe" fits a head of state or of government; other offices must be equal.
        either = "leader" in (wanted.office, known.office)
        leaders = _LEADERS | {"leader"}
        return wanted.office == known.office or (either and {wanted.office, known.office} <= leaders)
    # An office the data does not list: the same role noun ("le procureur" for "le procureur de Dijon").
    return wanted.noun is not None and wanted.noun == known.noun


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
            opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, subject.position)), default=0)
            named = _named_between(text, opening, position, people, quoted, gender, subject.name)
            if named:
                return named[0].name if len(named) == 1 else None
        if relative and subject.name is not None and gender != "p":
            # "… une lettre de X à Y, dans laquelle il écrivait": whoever that sentence names first.
            opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, position)), default=0)
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


_LATTER = re.compile(r"(?:[Cc]e|[Cc]ette|[Cc]es)\s+derni(?:er|ère|ers|ères)", re.IGNORECASE)


def is_latter(wording: str) -> bool:
    """ "ce dernier", "cette dernière": the last one named, not the last subject."""
    return _LATTER.fullmatch(wording.strip()) is not None


def resolve_latter(
    wording: str, position: int, text: str, people: list[Person], quoted: list[tuple[int, int]]
) -> str | None:
    """The person of the wording's gender whose name the text writes last before `position`
    (outside quotes, from the sentence before on): "… le président du CFCM, Karim X. « … »,
    ajoute ce dernier" is X. None for a plural, or when no person of that gender is named there."""
    gender = gender_of(wording)
    if gender not in ("m", "f"):
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
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


_SENTENCE_END = re.compile(r"[.!?](?=[ \u00a0]+[A-ZÀ-Ö«\"“])|\n")


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
        ends = [m.end() for m in _SENTENCE_END.finditer(text, subject.position, position)]
        if len(ends) < 2:
            return False
        start, end = ends[0], ends[-1]
    own = set((subject.name or "").split())
    return any(
        written_between(text, start, end, set(person.name.split()) - own, quoted)
        for person in people
        if person.name != subject.name and not (person.gender and person.gender != gender)
    )


_TITLE_WORD = r"(?:(?:le|la|l['’])[ \u00a0]?[^\W\d_A-Z][\w-]*[ \u00a0]+)"  # ", le docteur Marc Viel"
_APPOSED_AFTER = re.compile(
    # "le vice-président de la Fédération … (Ficib), Olivier Roubi": the body's acronym or a gloss
    # ("la FSU (première fédération de l'éducation), X") may come first.
    rf"(?:[ \u00a0]*\([^()\n]{{1,60}}\))?,[ \u00a0]+{_TITLE_WORD}?"
    rf"({NAME_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{NAME_WORD})+)[ \u00a0]*[,.]"
)
_APPOSED_BEFORE = re.compile(
    rf"({NAME_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{NAME_WORD})+)[ \u00a0]*,[ \u00a0]*$"
)


# A role wording's own modifier before its apposed name: "le gouverneur de la province située à
# proximité du temple, Seni Chittakasem" (no clause word, no punctuation, a few words).
_MODIFIER = re.compile(r"(?:[ \u00a0]+[^\W\d]['’\w-]*){1,8}?(?=,|[ \u00a0]*\()")
# "le président de l'Association pour le droit de mourir dans la dignité (ADMD), X": before a body's
# acronym the modifier is that body's name, its prepositions included (never a verb or a relative).
_ACRONYM_AFTER = re.compile(r"[ \u00a0]*\([A-Z][A-Z0-9&-]{1,9}\)")
_NAME_PREPOSITIONS = frozenset(["pour", "par", "sur", "dans", "chez", "entre", "avec", "contre"])


def apposed_name(text: str, start: int, end: int) -> str | None:
    """The name set in apposition to the role wording at text[start:end]: "le directeur, Jean
    Dupont," or "Jean Dupont, le directeur"."""
    span = apposed_name_span(text, start, end)
    return text[span[0] : span[1]] if span else None


def apposed_name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the name apposed to the role wording at text[start:end] lies, as text offsets."""
    after = _APPOSED_AFTER.match(text, end)
    modifier = _MODIFIER.match(text, end)
    if after is None and modifier:
        body_name = _ACRONYM_AFTER.match(text, modifier.end()) is not None
        if not any(
            _clause_word(w) and not (body_name and w.lower() in _NAME_PREPOSITIONS)
            for w in modifier.group().split()
        ):
            after = _APPOSED_AFTER.match(text, modifier.end())
    if after:
        return after.span(1)
    before = _APPOSED_BEFORE.search(text, max(0, start - 60), start)
    if before is None or fold(before.group(1).split()[0]) in _STOP_WORDS:
        return None  # "Depuis New Delhi, le chef de l'État": a capitalised preposition opens it
    return before.span(1) if _opens_clause(text, before.start(1)) else None


def _opens_clause(text: str, start: int) -> bool:
    """Whether a name opens its clause, as an apposed subject does ("Jean Dupont, le directeur,"):
    in "Depuis New Delhi, le chef de l'État …" or "Sur France Inter, la ministre …" the capitals
    before the comma are a place or a channel the clause opens on."""
    clause = re.split(r"[,;:.!?«»“”\"()\n]", text[max(0, start - 80) : start])[-1]
    return all(fold(w) in ("et", "mais", "or", "donc", "alors", "puis") for w in clause.split())


# "Dans les Pays de Loire, la psychologue …", "sur France Inter, la ministre …": capitals after a
# preposition or a determiner are a place, a channel, a title, not a person the role is apposed to.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:dans|sur|à|a|en|au|aux|par|pour|chez|vers|de|du|des|d['’]|le|la|les|l['’]"
    r"|depuis|après|avant|pendant|devant|derrière|selon|lors|outre|entre|contre|sous)[ \u00a0]*$",
    re.IGNORECASE,
)


def _after_preposition(text: str, start: int) -> bool:
    return _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) is not None
