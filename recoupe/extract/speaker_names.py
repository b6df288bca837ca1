"""The name a quote's speaker mention stands for, as find_quotes gives it: a name as the article
writes it most fully, a role or a pronoun resolved as the text establishes it (coreference.py on
the French parse, token_antecedents.py on the English tokens), None where it does not, an
organisation as written. A wrong name costs more than none."""

from __future__ import annotations

import re

from recoupe.extract import attribution as at
from recoupe.extract import coreference as co
from recoupe.extract.attribution import Mention
from recoupe.extract.entities import person_before_of, strip_titles
from recoupe.extract.mention_kinds import NOUN_PHRASE_LEAD
from recoupe.extract.people import unglued
from recoupe.extract.speakers import SpeakerMention
from recoupe.stories.names import fold

INDEFINITE = frozenset({"un", "une", "des", "a", "an", "some"})  # "une voisine": someone unnamed
# Quoted words, for telling a name said in a quote from one the narrative sets beside a pronoun.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def speaker_name(
    mention: SpeakerMention,
    text: str,
    people: list[co.Person],
    subjects: list[co.Subject],
    other_than: str | None = None,
) -> str | None:
    """Who the mention is: a name as the article writes it most fully, a role or a pronoun as the
    text establishes it (None when it does not), an organisation as written. `other_than`: whom a
    pronoun cannot stand for (the speaker a "de son côté" sets it against)."""
    resolved = _resolved(mention, text, people, subjects, other_than)
    if resolved is None or not any(p.name == resolved and not p.is_person for p in people):
        return resolved
    # Capitals NER does not take for a person: "la vice-présidente" or "elle" is not "Fichier
    # Edvige" (a headline's first words) nor "Crédit Agricole"; "l'institution" or "elle" may
    # still be a body the text names with its noun ("la Banque de France").
    written = text[mention.start : mention.end]
    if mention.kind == "role" and not (co.is_body_noun(written) or co.is_institution(written)):
        return None
    if mention.kind == "pronoun" and not co.is_body_noun(resolved):
        return None
    return resolved


# "de" and an article: never a particle name's ("Dominique de Villepin", "Jean d'Ormesson").
_COMPLEMENT = re.compile(r"(?:de\s+(?:la|le|les|l['’])|du)\b")


def is_complement(written: str) -> bool:
    """A phrase opening on "de" and an article: a noun's complement ("« … » de l'Europe, juge X"),
    never a speaker."""
    return _COMPLEMENT.match(written) is not None


def _as_adjective(word: str, text: str) -> bool:
    """Whether the text writes `word` in lower case as an adjective ("le joueur serbe"), not as a
    noun after an article ("la poste américaine" makes "la Poste" no nationality)."""
    for match in re.finditer(rf"\b{re.escape(word)}s?\b", text):
        before = text[: match.start()].split()[-1:]
        # after an article ("la poste"), or glued to an elided word ("l'armée", "qu'"), it is no adjective
        if before and fold(before[0]) not in NOUN_PHRASE_LEAD and not before[0].endswith(("'", "’")):
            return True
    return False


def _resolved(
    mention: SpeakerMention,
    text: str,
    people: list[co.Person],
    subjects: list[co.Subject],
    other_than: str | None,
) -> str | None:
    written = text[mention.start : mention.end]
    if co.is_latter(written):
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        return co.resolve_latter(written, mention.start, text, people, quoted)
    if mention.kind == "pronoun":
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        return co.resolve_pronoun(
            mention.gender,
            mention.start,
            subjects,
            text,
            people,
            quoted,
            relative=mention.relative,
            other_than=other_than,
        )
    if is_complement(written):
        return None  # the parse took a complement for the subject
    if co.is_document(written):
        return co.document_author(written, people, text[: mention.start])
    spoken_for = co.spokesperson_of(written, text[: mention.start], people)
    if spoken_for is not None:
        return spoken_for  # "a indiqué un porte-parole de BNP Paribas": the bank speaks
    if mention.kind == "indefinite":
        return None
    # A name inside the mention comes before any apposition ("à la Maison Blanche, le président
    # ukrainien Volodymyr Zelensky" is Zelensky, not the capitalised words before the comma).
    # A name after "de" is the role's complement ("le vice-gouverneur de la province de Preah
    # Vihear"), not the person.
    named = [
        p.name
        for p in people
        if (p.name in written or (len(p.name.split()) > 1 and p.name.split()[-1] in written.split()))
        and not re.search(
            rf"\b(?:de|du|des|d['’])\s?(?:{co.CAPITALISED_WORD}\s)*{re.escape(p.name.split()[-1])}", written
        )
    ]
    if named and len(max(named, key=len).split()) > 1:
        return max(named, key=len)
    words = written.split()
    if mention.kind in ("name", "role") and len(words) > 1 and words[0].islower() and words[-1].istitle():
        # "le général Vibulsak" after "Le général thaï Vibulsak Neepan": a title and the first word
        # of one full name the article gave (Thai and other usage names a person by the first).
        first = {p.name for p in people if len(p.name.split()) > 1 and p.name.split()[0] == words[-1]}
        if len(first) == 1:
            return first.pop()
    if mention.kind in ("role", "organisation"):
        apposed = co.apposed_name(text, mention.start, mention.end)
        if apposed is not None:
            return co.full_name(apposed, people)
    if mention.kind in ("name", "organisation") and co.names_a_thing(written, people):
        return None  # "La libération d'Ingrid Betancourt annoncée, il a …": no one
    if mention.kind == "organisation" and not _capitalised(written):
        named_body = co.named_body(_without_determiner(written), text[: mention.start])
        if named_body is not None:
            return named_body  # "l'inspection" after "l'Inspection générale de la Caisse d'Epargne"
    if mention.kind == "organisation" and not _capitalised(written):
        seat = co.seat_named(written, text[: mention.start])
        if seat is not None:
            return seat  # "a ajouté la présidence" after "l'Elysée s'est contenté d'un communiqué"
    institution = mention.kind == "organisation" and co.is_institution(written)
    demonstrative = re.match(r"(?:[Cc]e|[Cc]et|[Cc]ette)\s", written) is not None
    if mention.kind in ("role", "organisation") and not _capitalised(written) and not institution:
        named_after = _NAME_AFTER.match(text, mention.end)
        if co.is_body_noun(written) and _definite(written) and named_after:
            return named_after.group(1)  # "le quotidien espagnol El Mundo renchérit": the parse cut it
        if co.is_body_noun(written) and (demonstrative or _definite(written)):
            # "La Banque Valmont admet … La banque explique que « … »": the last body subject,
            # a body opening one of the sentences just before, else the one body the text calls so.
            noun = _without_determiner(re.sub(r"^(?:[Cc]e|[Cc]et|[Cc]ette)\s", "", written)).split()[0]
            before = text[: mention.start]
            return (
                co.last_named_body(mention.start, subjects)
                or co.body_opening(before)
                or co.body_named_as(noun, before)
            )
        if demonstrative:
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
            return co.resolve_demonstrative(written, mention.start, subjects, text, people, quoted)
    if re.match(r"(?:[Ss]on|[Ss]a|[Ll]eurs?)\s", written):
        return None  # "son rapporteur": the possessor's, whom the text does not name here
    if mention.kind == "role" or (
        mention.kind == "organisation" and not _capitalised(written) and not institution
    ):
        resolved = co.resolve_role(written, people)
        if resolved is None and mention.gender != "p" and _definite(written):
            resolved = co.resolve_to_protagonist(written, people, co.headline_person(text, people))
        if resolved is not None or mention.kind == "role" or mention.gender != "p":
            # "l'ex-otage", "la banque": someone the text does not name here; a wrong guess
            # costs more than none.
            return resolved
    demonym = re.fullmatch(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?([A-ZÀ-Ö][a-zà-ÿ]+)", written)
    if mention.kind in ("name", "organisation") and demonym:
        # "a reconnu le Serbe" where the text says "Le Serbe X" or "serbe" of someone: a nationality
        # standing for a person, never a name as written ("la France", no one's nationality, stays).
        found = co.resolve_demonym(demonym.group(1), text, people, (mention.start, mention.end))
        if found is not None or _as_adjective(demonym.group(1).lower(), text):
            return found
    body_named = _BODY_THEN_NAME.fullmatch(written)
    if mention.kind in ("name", "organisation") and body_named and co.is_body_noun(written):
        return body_named.group(1)  # "le quotidien conservateur espagnol ABC" is ABC
    if mention.kind == "name":
        # "le PCF", "la SNCF": the determiner is no part of an acronym's name.
        written = re.sub(r"^(?:[Ll]es?|[Ll]a)\s+(?=[A-ZÀ-Ö]{2,}\b)", "", written)
        name, _ = strip_titles(unglued(written))
        # "M. Ravier" when that is all the text gives: the title stays with a lone surname.
        acronym = re.fullmatch(r"[A-ZÀ-Ö]{2,}", name) is not None
        name = name if len(name.split()) > 1 or acronym else co.full_name(name, people)
        return name if len(name.split()) > 1 or acronym else _without_determiner(written)
    # "les dispositions … portent atteinte": a phrase that cannot assert anything is no one's name.
    return _without_determiner(written) if co.may_assert(written) else None


# A body's common noun and its adjectives, then its name: "le journal grec Kathimerini", "le
# quotidien zurichois Neue Zürcher Zeitung (NZZ)"; never a complement's ("le club de Valmorel").
_BODY_THEN_NAME = re.compile(
    r"(?:[Ll]es?|[Ll]a|[Ll]['’])\s?[^\W\d_A-Z][\w-]*"
    r"(?:\s(?!(?:de|du|des|d|à|au|aux|en|pour|sur)\b)[^\W\d_A-Z][\w-]*){0,3}"
    rf"\s({co.CAPITALISED_WORD}(?:\s{co.CAPITALISED_WORD})*)(?:\s\([A-Z]{{2,}}\))?"
)
# A name written right after a noun phrase, no comma between ("le quotidien espagnol El Mundo").
_NAME_AFTER = re.compile(rf"[ \u00a0]+({co.CAPITALISED_WORD}(?:[ \u00a0]+{co.CAPITALISED_WORD})*)")


def _definite(written: str) -> bool:
    """ "la ministre", "l'ex-otage": one person the reader is meant to know, not "une voisine"."""
    return re.match(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?\w", written) is not None and not written.lower().startswith(
        "les "
    )


def _capitalised(written: str) -> bool:
    """Whether a word past the determiner is capitalised: "le parquet de Paris", "L'Insee"."""
    rest = _without_determiner(written)
    return any(w[:1].isupper() for w in (rest if rest != written else " ".join(written.split()[1:])).split())


def _without_determiner(written: str) -> str:
    return re.sub(r"^(?:[Ll]es?|[Ll]a|[Ll]['’]|[Dd]u|[Dd]es)\s?", "", written).strip() or written


def with_apposed_name(mention: SpeakerMention, text: str) -> SpeakerMention:
    """The name apposed to a role or to a noun phrase that holds a name only as its complement:
    "a assuré le gouverneur de la province, Seni Chittakasem", "l'agent de la RATP, Lucas Ferrand"."""
    written = text[mention.start : mention.end]
    if mention.kind not in ("role", "organisation") and not (
        mention.kind == "name" and re.match(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?[^\W\d_A-Z]", written)
    ):
        return mention
    apposed = co.apposed_name_span(text, mention.start, mention.end)
    return SpeakerMention(*apposed, "name", mention.gender) if apposed is not None else mention


def token_speaker_name(
    mention: Mention | None, text: str, antecedents: list[Mention], people: list[Mention]
) -> str | None:
    if mention is None:
        return None
    if mention.kind == "pronoun":
        return at.resolve_pronoun(mention, antecedents, people)
    if mention.kind == "role" and mention.gender == "p":
        return text[mention.start : mention.end]  # "several groups", "les salariés": no one person
    if mention.kind == "role":
        named = at.resolve_role(mention, text) or at.resolve_definite_role(mention, text, antecedents, people)
        written = text[mention.start : mention.end]
        # "une voisine", "a campaign aide": someone left unnamed is no one the story can name;
        # the mention keeps the words.
        if named is None and written.split()[0].lower() in INDEFINITE:
            return None
        return named or written
    demonym = at.resolve_demonym(mention, text, antecedents + people)
    return demonym or _bare_name(at.display_name(mention, text))


def _bare_name(name: str) -> str:
    """ "Germany's Maj Gen Christian Freuding" → "Christian Freuding": the country the possessive
    gives and the titles are no part of the name (titles: data/titles.txt); nor is the body after
    a person's name ("Analyst Peter Holm of Baltic Equity Research" → "Peter Holm")."""
    bare = re.sub(r"^[A-Z][\w.-]*['’]s\s+", "", name)
    stripped, _ = strip_titles(bare)
    if not stripped[:1].isupper():
        return name
    words = stripped.split()
    cut = person_before_of(words)
    if cut:
        return " ".join(words[:cut])
    return stripped if bare != name else name
