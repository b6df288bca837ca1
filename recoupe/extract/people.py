"""The people an article names, and the role wordings it sets beside their names.

`people_in` reads the unparsed text: each run of capitalised words that something says is a name,
merged by surname ("M. Poutine" is "Vladimir Poutine"), with the role wording set right before it
("le président russe Vladimir Poutine") or in apposition after it ("Xi Jinping, président
chinois,") and the gender the text tells. `apposed_name` reads the other way: the name set in
apposition to a role wording ("le directeur, Jean Dupont,"). The pattern of a name's words, which
every name finder shares, is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

from recoupe.data import honorifics
from recoupe.extract.entities import known_type, marker_type
from recoupe.extract.mention_kinds import (
    Role,
    gender_of,
    head_noun,
    is_body_noun,
    is_speaking_noun,
    name_gender,
    role_nouns,
    role_of,
)
from recoupe.stories.names import canonical_variant, fold

# The one pattern of a capitalised word that the name finders share ("Poutine", "D'Alema", "Jean-Luc"),
# and of a name's word (two letters or more, ending on a letter or digit).
CAPITALISED_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
NAME_WORD = CAPITALISED_WORD + r"[\w]"
PARTICLE = r"(?:de|du|da|di|van|von|der|bin|ben|al|el|ibn|le|la)"
# A run of capitalised words, particles or a middle initial between them ("Juan Manuel Santos",
# "Marie de Hennezel", "George W. Bush").
NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0]|[A-Z]\.[ \u00a0])?{NAME_WORD})*")
# The honorifics of data/titles.txt: those that tell a gender open a one-word name ("M. Poutine");
# any of them is no part of the name it opens.
HONORIFICS = frozenset(honorifics())
_HONORIFIC = re.compile(
    r"\b("
    + "|".join(re.escape(f) for f in sorted((f for f, g in honorifics().items() if g), key=len, reverse=True))
    + r")[ \u00a0]$"
)
# An honorific glued to the name it opens, as some pages write it: "M.Sarkozy" is "M. Sarkozy".
_DOTTED = sorted((f for f in HONORIFICS if f.endswith(".")), key=len, reverse=True)
_GLUED_HONORIFIC = re.compile(r"\b(" + "|".join(map(re.escape, _DOTTED)) + r")(?=[A-ZÀ-Ý])")
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


# "de", "des", "du", "d'" and a capital after a word: the complement of a role ("président Noir
# des Etats-Unis"), which a person's name rarely takes in French ("le président des Etats-Unis
# Barack Obama", "le président américain Obama").
_COMPLEMENT_AFTER = re.compile(r"[ \u00a0]+(?:de|des|du|d['’])[ \u00a0]*(?:l['’]|la[ \u00a0]+)?[A-ZÉ]")


def _before_body(name: str) -> str:
    """A name run stops before a particle that opens a body's name: "Sebastian Kurz du Parti
    populaire" is Sebastian Kurz ("Joachim du Bellay" stays whole)."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if re.fullmatch(PARTICLE, words[i]) and marker_type(words[i + 1]) is not None:
            return " ".join(words[:i])
    return name


def people_in(text: str, person_words: frozenset[str] | None = None) -> list[Person]:
    """The people the text names, merged by surname ("M. Poutine" is "Vladimir Poutine"), with
    the role wording set right before a name ("le président russe Vladimir Poutine") or in
    apposition after it ("Xi Jinping, président chinois,"). `person_words`: the words of the names
    NER tags as people in the text; a run none of whose words it holds, with no honorific and no
    known first name, is listed with `is_person` False (None: every run is taken for a person)."""
    people: list[Person] = []
    confirmed: set[int] = set()  # ids of the people something but capitals says are people
    for match in NAME_RUN.finditer(text):
        name, start = _without_leading_words(match.group(), text, match.start())
        name = _before_body(name)
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
        apposed = False  # the role is set in apposition after the name
        # after a preposition, capitals are a place or a title unless a first name opens them
        # ("Pour Claire Dumontet, analyste chez …"; "sur France Inter, la ministre": a place's)
        if role is None and (not _after_preposition(text, start) or _first_named(name)):
            role = _role_after(text, match.end())
            apposed = role is not None
            if role is not None:  # "Christine Lagarde, la ministre de l'Economie,": "la" tells it
                gender = gender or gender_of(text[match.end() : match.end() + 8].lstrip(", \u00a0"))
        person = _merge(people, name)
        if (
            person_words is None
            or honorific
            or set(name.split()) & person_words
            or name_gender(name)
            or (apposed and _person_role(role))
        ):
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


# Role nouns that a company or a body also takes ("Toyota, premier constructeur mondial", "X,
# leader du marché", "numéro un de …"): they say nothing of a person.
_SHARED_ROLE_NOUNS = frozenset({"premier", "premiere", "leader", "numero", "head", "vice", "prime"})


def _person_role(role: Role | None) -> bool:
    """Whether a role in apposition to a name says it is a person's ("X, porte-parole du
    gouvernement"); a role before a name may have it for a complement ("le fondateur de Y et Z")."""
    return role is not None and role.noun in role_nouns() and role.noun not in _SHARED_ROLE_NOUNS


def _without_leading_words(name: str, text: str, start: int) -> tuple[str, int]:
    """A run of capitals less the words that open a sentence ("Le", "Selon") and a complement's
    noun ("la ministre de la Justice Rachida Dati": "Justice" is no part of her name)."""
    words = name.split()
    opening = start
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
    # "le PDG de la Société Générale Daniel Bouton": after an article, a body's name runs on until
    # a first name.
    while (
        len(words) >= 3
        and _ARTICLE_BEFORE.search(text, max(0, opening - 4), opening)
        and not name_gender(" ".join(words[:2]))
        and name_gender(" ".join(words[1:3]))
    ):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


_ARTICLE_BEFORE = re.compile(r"\b(?:le|la|l['’]|du|des)[ \u00a0]?$", re.IGNORECASE)


def _role_before(before: str) -> Role | None:
    """The role wording ending right before a name, within the clause ("le président russe ")."""
    clause = re.split(r"[,;:.!?«»“”\"()\n]", before)[-1]
    words = clause.split()[-_ROLE_WINDOW:]
    # The wording must run up to the name: in "la ministre a affirmé que le gouvernement de
    # François Fillon", "ministre" is another clause's subject, not Fillon's role.
    verbless = max((k + 1 for k, w in enumerate(words) if clause_word(w)), default=0)
    words = words[verbless:]
    for k in range(len(words)):
        wording = " ".join(words[k:])
        if fold(words[k]) in role_nouns():
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


def clause_word(word: str) -> bool:
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
        # "Claire Dumontet, analyste chez Énergis Conseil,": a noun of people who speak opening
        # the apposition is her role too, so "l'analyste" is she (a body's noun is no person's)
        speaking = is_speaking_noun(words[0]) and not is_body_noun(words[0])
        if match is None or coordinated or not (speaking or any(w in role_nouns() for w in words)):
            return None  # ", et l'avocat de la défense, …": another person, coordinated
    role = role_of(match.group(1))
    # A role the data does not know ("Georges Pauget, le directeur général de …"): its noun.
    return role if role.noun else Role(role.country, role.office, head_noun(match.group(1)))


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
            and fold(words[k + 1]) in role_nouns()
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


def headline_person(text: str, people: list[Person]) -> Person | None:
    """The person a headline opens on ("Rachida Dati contre …", "Chômage: Aubry dénonce …"), the
    article's protagonist, when the article names them."""
    line = text.lstrip().split("\n", 1)[0]
    # After a colon first: "Fichier Edvige : Fillon demande …" is about Fillon.
    for part in (line.split(":", 1)[1] if ":" in line else "", line):
        match = NAME_RUN.match(part.strip())
        if match is None:
            continue
        words = {w for w in match.group().split() if fold(w) not in _STOP_WORDS}
        found = [p for p in people if words and words <= set(p.name.split())]
        if len(found) == 1:
            # "Fichier Edvige : recours de X": a headline opening on a thing has no protagonist.
            return found[0] if found[0].is_person else None
    return None


_TITLE_WORD = r"(?:(?:le|la|l['’])[ \u00a0]?[^\W\d_A-Z][\w-]*[ \u00a0]+)"  # ", le docteur Marc Viel"
_APPOSED_AFTER = re.compile(
    # "le vice-président de la Fédération … (Ficib), Olivier Roubi": the body's acronym or a gloss
    # ("la FSU (première fédération de l'éducation), X") may come first.
    rf"(?:[ \u00a0]*\([^()\n]{{1,60}}\))?,[ \u00a0]+{_TITLE_WORD}?"
    rf"({NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_WORD})+)[ \u00a0]*[,.]"
)
_APPOSED_BEFORE = re.compile(
    rf"({NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_WORD})+)[ \u00a0]*,[ \u00a0]*$"
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
            clause_word(w) and not (body_name and w.lower() in _NAME_PREPOSITIONS)
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


def _first_named(name: str) -> bool:
    """Whether a name opens on a first name that is no known place ("France Inter" does not)."""
    first = name.split()[0]
    return bool(name_gender(name)) and known_type(first) is None and canonical_variant(first) is None


def _after_preposition(text: str, start: int) -> bool:
    return _PREPOSITION_BEFORE.search(text, max(0, start - 12), start) is not None


def unglued(text: str) -> str:
    """The text with each honorific glued to its name set apart: "M.Sarkozy" → "M. Sarkozy"."""
    return _GLUED_HONORIFIC.sub(r"\1 ", text)
