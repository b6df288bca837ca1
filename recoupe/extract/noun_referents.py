"""Who a noun mention stands for, by what the article sets beside it.

- A role noun ("le dirigeant russe", "le chef du Kremlin", "Russia's president") resolves to the
  one person the article sets beside a compatible role ("le président russe Vladimir Poutine",
  "Xi Jinping, président chinois,"): same country, same office, as data/roles.toml reads them,
  or, for offices it does not list ("le procureur"), the same role noun; a wrong country or
  office excludes a candidate; none left, or two, → None. A definite role no one is set beside
  may be the headline's person, or the speaker who goes on ("Et la ministre de poursuivre").
- A demonym ("le Serbe") resolves to the one person introduced with it; a demonstrative ("ce
  médecin") to the role's holder, else as a pronoun does.
- A common noun of a body ("la banque", "le cabinet") resolves to the body the text named with
  it; a document ("un rapport de …") to its author.
- A thing that names someone only in its complement ("la libération d'Ingrid Betancourt") speaks
  for no one.
"""

from __future__ import annotations

import re

from recoupe.extract.mention_kinds import (
    DOCUMENT_DETERMINERS,
    NOUN_PHRASE_LEAD,
    Role,
    gender_of,
    head_noun,
    is_body_noun,
    is_document,
    is_institution,
    is_speaking_noun,
    name_gender,
    names_people,
    role_nouns,
    role_of,
    seat_of,
    seat_office,
    speaking_nouns,
    spokesperson_nouns,
)
from recoupe.extract.people import CAPITALISED_WORD, NAME_RUN, Person, clause_word
from recoupe.extract.pronouns import SENTENCE_END, Subject, resolve_pronoun
from recoupe.stories.names import fold

# Any head is a "dirigeant": a head of state or of government.
_LEADERS = frozenset({"head_of_state", "head_of_government"})


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
        wanted = Role(None, None, head_noun(wording))
    if wanted.country is None and wanted.office is None and wanted.noun is None:
        return None
    return wanted


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


def resolve_to_protagonist(wording: str, people: list[Person], protagonist: Person | None) -> str | None:
    """A definite role that no one in the article is set beside ("a souligné la ministre", "l'ex-otage")
    stands for the headline's person, when nothing the text says of them contradicts it: gender,
    country, office; a head of state or government is not called by another role noun."""
    wanted = _wanted_role(wording)
    if protagonist is None or wanted is None:
        return None
    if not names_people(wording):
        return None  # "La formule ne se veut pas menaçante": a thing, no one the headline names
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
        held = known.office.split(":")[0] if known.office is not None else None  # "head_of_state:elect"
        if held in _LEADERS and wanted.office is None and wanted.noun != known.noun:
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


_CLAUSE_BREAK = re.compile(r"[,;:.!?«»“”\"()\n]")


def resolve_demonym(
    word: str, text: str, people: list[Person], mention: tuple[int, int] | None = None
) -> str | None:
    """ "le Serbe": the one person the text introduces with that nationality ("le joueur de tennis
    serbe Dragan Ilić", "Dragan Ilić, le Serbe"); None if none or several. `mention`: where the
    word itself stands, no introduction of anyone ("L'Autriche réclame Carlos": Austria is no
    one's nationality there)."""
    adjective = re.compile(rf"\b{re.escape(word.lower())}s?\b", re.IGNORECASE)
    fits = []
    for person in people:
        for match in re.finditer(re.escape(person.name), text):
            window = max(0, match.start() - 60)
            breaks = _CLAUSE_BREAK.finditer(text, window, match.start())
            clause = max((b.end() for b in breaks), default=window)
            words = list(re.finditer(r"\S+", text[clause : match.start()]))[-4:]
            # "La Chine a félicité Hillary Clinton": a verb between the word and the name makes it
            # another clause's subject, not the name's nationality.
            words = words[max((k + 1 for k, w in enumerate(words) if clause_word(w.group())), default=0) :]
            if not words:
                continue
            found = list(adjective.finditer(text, clause + words[0].start(), match.start()))
            if mention is not None:
                found = [m for m in found if not mention[0] <= m.start() < mention[1]]
            if found and person not in fits:
                fits.append(person)
    return fits[0].name if len(fits) == 1 else None


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
    folded = [w for w in fold(wording).replace("'", " ").split() if w not in NOUN_PHRASE_LEAD]
    head = next((w for w in folded if w not in _PREPOSED), "")  # "cette première plainte": "plainte"
    if (head not in speaking_nouns() and head not in role_nouns() - _PREPOSED) or is_body_noun(head):
        return None
    resolved = resolve_role(wording, people)
    if resolved is not None:
        return resolved
    gender = gender_of(wording)
    if gender not in ("m", "f"):
        return None
    persons = [s for s in subjects if not s.organisation]
    return resolve_pronoun(gender, position, persons, text, people, quoted)


def body_named_as(noun: str, before: str) -> str | None:
    """The body the text named with a common noun set before its name: "la banque" after "la
    banque française Société Générale", "le groupe" after "le groupe Renault"; None when it names
    none or several."""
    if not noun.isalpha():
        return None
    # The noun in lower case, as a determiner leaves it: in "Banque Populaire" it is the name's own.
    found = {
        m.group(1)
        for m in re.finditer(
            rf"\b{re.escape(noun.lower())}(?:[ \u00a0][a-zà-ÿ]+){{0,2}}[ \u00a0]({NAME_RUN.pattern})", before
        )
    }
    return found.pop() if len(found) == 1 else None


# A sentence that opens on a body's name after a determiner ("La Banque Valmont admet …",
# "24 janvier : Le Crédit agricole a …"), its next word in lower case (the verb).
_BODY_OPENING = re.compile(
    rf"(?:^|[.!?:][ \u00a0]+|\n)[ \u00a0]*(?:L[ae]s?[ \u00a0]|L['’])[ \u00a0]?"
    rf"({NAME_RUN.pattern})[ \u00a0]+[a-zà-ÿ]"
)


def body_opening(before: str, sentences: int = 3) -> str | None:
    """The body named after a determiner at the head of one of the last `sentences` sentences of
    `before` (the subject position), when only one body is: what "la banque" or "le groupe" next
    stands for."""
    ends = [m.end() for m in SENTENCE_END.finditer(before)]
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


_AUTHOR = re.compile(r"\b(?:de la|de l['’]|du|des|de|d['’]|of the|of)[ \u00a0]?([A-ZÀ-ÖØ-Þ].*)$")


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
    if len(words) < 2 or fold(words[0]) not in DOCUMENT_DETERMINERS - {"un", "une"}:
        return None
    # "le rapport interne" after "un rapport préliminaire de l'Inspection générale": the author the
    # text gave the same document; "le document", "le texte": the one author it gave any document.
    earlier = named_body(words[1], before)
    author = _AUTHOR.search(earlier) if earlier else None
    if author:
        return author.group(1).strip()
    return _one_document_author(before) if fold(words[1]) in _ANY_DOCUMENT else None


_LINK = r"(?:de la |de l['’]|du |des |de |d['’])"


# Nouns that stand for whatever document the text named before.
_ANY_DOCUMENT = frozenset({"document", "texte"})
_AUTHORED = re.compile(
    rf"(?:[ \u00a0][a-zà-ÿ]+){{0,2}}[ \u00a0]{_LINK}"
    rf"({CAPITALISED_WORD}(?:[ \u00a0](?:{_LINK})?{CAPITALISED_WORD})*)"
)


def _one_document_author(before: str) -> str | None:
    """The author of the documents `before` names with one ("un rapport préliminaire de
    l'Inspection générale"), when they all have the same one."""
    authors: dict[str, str] = {}
    for word in re.finditer(r"\b[^\W\d_]+", before):
        if is_document(word.group().lower()) and (author := _AUTHORED.match(before, word.end())):
            authors.setdefault(fold(author.group(1)), author.group(1))
    return next(iter(authors.values())) if len(authors) == 1 else None


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


# "un porte-parole de BNP Paribas", "une porte-parole de la banque", "un porte-parole officiel du
# groupe": the spokesperson's noun, an adjective or two, then the body it speaks for.
_SPOKESPERSON = re.compile(
    r"(?:une?|les?|la|l['’]|des)[ \u00a0]?([\w-]+)(?:[ \u00a0][a-zà-ÿ]+){0,2}[ \u00a0]+"
    r"(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|du|des|de|d['’])[ \u00a0]?(.+)"
)


def spokesperson_of(wording: str, before: str, people: list[Person]) -> str | None:
    """The body a spokesperson speaks for: "un porte-parole de BNP Paribas" is BNP Paribas, "une
    porte-parole de la banque" the bank the text named with that noun; None for a person's
    spokesperson ("le porte-parole du Premier ministre X") or a body the text does not name."""
    found = _SPOKESPERSON.fullmatch(wording.strip())
    if found is None or fold(found.group(1)) not in spokesperson_nouns():
        return None
    body = found.group(2).strip()
    if any(p.is_person and p.name.split()[-1] in body.split() for p in people):
        return None
    if body[:1].isupper():
        return body
    noun = body.split()[0]
    return (body_named_as(noun, before) or named_body(noun, before)) if is_body_noun(body) else None


def seat_named(wording: str, before: str) -> str | None:
    """The seat of power an institution's noun stands for, as the text names it before: "la
    présidence" after "l'Elysée a annoncé" is the Elysée, "la présidence russe" the Kremlin; None
    when the text names no such seat, or several (of the wording's country, when it gives one)."""
    office = seat_office(wording)
    if office is None:
        return None
    country = role_of(wording).country
    named: dict[tuple[str, str], str] = {}
    words = list(re.finditer(CAPITALISED_WORD, before))
    for i, word in enumerate(words):
        written = re.sub(r"^[LlDd]['’]", "", word.group())  # "L'Elysée"
        following = words[i + 1] if i + 1 < len(words) else None
        pair = (
            f"{written} {following.group()}"
            if following is not None and before[word.end() : following.start()] in (" ", "\u00a0")
            else None
        )
        for form in (pair, written):  # "la Maison Blanche", "le Kremlin"
            seat = seat_of(form) if form else None
            if seat is not None and seat[1] == office and country in (None, seat[0]):
                named.setdefault(seat, form)
                break
    return next(iter(named.values())) if len(named) == 1 else None


def names_a_thing(wording: str, people: list[Person] | None = None) -> bool:
    """Whether a noun phrase is a thing or an event that names someone only in its complement ("La
    libération d'Ingrid Betancourt", "la mort de X"): its head a common noun of no person, body,
    institution or document, a capitalised complement after it, and, when `people` is given, a
    person of the text in that complement ("la chambre d'agriculture de l'Aude" is a body the lists
    lack, not a thing). Such a phrase speaks for no one."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    if not words or fold(words[0]).strip("'") not in NOUN_PHRASE_LEAD:
        return False
    rest = [w for w in words[1:] if fold(w) not in _PREPOSED]
    if not rest or not rest[0][:1].islower():
        return False
    head = fold(rest[0])
    if is_speaking_noun(head) or head in role_nouns():
        return False
    if is_institution(head) or is_body_noun(head) or is_document(head):
        return False
    complement = re.search(rf"\b(?:de|du|des|d')\s?(?:la |l' )?{CAPITALISED_WORD}", " ".join(rest))
    if complement is None:
        return False
    # A person by their surname: the name finder may have kept a word before it ("Recevant X Y").
    words = set(re.findall(r"[\w-]+", wording))
    return people is None or any(len(p.name.split()) > 1 and p.name.split()[-1] in words for p in people)
