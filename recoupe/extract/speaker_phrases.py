"""The speaker mention a token of a French parse stands for, and what kind of mention it is.

From the token speaker_subjects.py or speakers.py points at, the noun phrase around it ("le
président russe Vladimir Poutine", "le parquet de Paris", through "de", never past a comma), the
phrase that opens at a token ("selon le ministre"), a subject pronoun ("-t-elle"), the body an
inverted "on" speaks for ("affirme-t-on au cabinet de X"), coordinated subjects ("Thaïlandais et
Cambodgiens"); each as a `SpeakerMention` with its kind (name, role, pronoun, organisation,
indefinite) and gender.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.extract.coreference import HONORIFICS, gender_of, is_role
from recoupe.extract.people import unglued

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = {"il": "m", "elle": "f", "ils": "p", "elles": "p", "lui": "m", "eux": "p"}
_INDEFINITE = frozenset({"un", "une", "des", "plusieurs", "certains", "certaines", "quelques", "on", "aucun"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"})
_GLUE = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "-"})  # inside a noun phrase


@dataclass(frozen=True)
class SpeakerMention:
    """The words a quote's speaker is given by, as offsets in the article's text."""

    start: int
    end: int
    kind: str  # "name", "role", "pronoun", "organisation", "indefinite"
    gender: str  # "m", "f", "p" (plural) or "" unknown
    # The words the clause itself gives the speaker, when they only point at the mention: the
    # relative "qui" of "le premier ministre, qui répète que « … »" (offsets in the text).
    pointer: tuple[int, int] | None = None
    # A pronoun subject of a relative clause ("une lettre de X à Y, dans laquelle il écrivait"): the
    # people its own sentence names before it are as likely as the last subject.
    relative: bool = False


def on_mention(doc: Doc, clitic: int, verb: int, offset: int) -> SpeakerMention:
    """ "affirme-t-on au cabinet de X", "fait-on observer chez Renault": the body the place names
    speaks, and the mention is "on"; with no place ("a-t-on appris"), an unnamed speaker."""
    text = clitic_pronoun(doc[clitic].text)
    start = offset + doc[clitic].idx + len(doc[clitic].text) - len(text)
    j = max(clitic, verb) + 1
    while j < len(doc) and doc[j].pos_ in ("ADV", "VERB"):
        j += 1
    places = ("au", "aux", "à", "chez")
    if j + 1 < len(doc) and doc[j].lower_ == "auprès":
        j, places = j + 1, ("de", "du", "des", "d'", "d’")  # "a-t-on appris auprès du ministère"
    if j < len(doc) and doc[j].lower_ in places:
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        body = noun_phrase_from(doc, j, offset)
        if body is not None:
            return replace(body, kind="organisation", gender="p", pointer=(start, start + len(text)))
    return SpeakerMention(start, start + len(text), "indefinite", "p")


def noun_phrase_from(doc: Doc, k: int, offset: int) -> SpeakerMention | None:
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return None
    if doc[k].lower_ in PRONOUNS:
        return pronoun_mention(doc[k], offset)
    end = k
    while end < len(doc) and (_in_np(doc[end]) or (doc[end].lower_ in _GLUE and end > k)):
        end += 1
    while end > k and doc[end - 1].lower_ in _GLUE | {"le", "les"}:
        end -= 1
    return _mention(doc, k, end, offset) if end > k else None


def noun_phrase(head: Token, offset: int) -> SpeakerMention | None:
    """The noun phrase around `head`: contiguous determiners, adjectives, nouns and names, through
    "de" ("le président russe Vladimir Poutine", "le parquet de Paris"), never past a comma."""
    doc = head.doc
    if clitic_pronoun(head.text) in PRONOUNS:
        return pronoun_mention(head, offset)
    if head.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "NUM"):
        return None
    start = head.i
    # Never left into a prepositional phrase ("a raconté au Parisien le jeune homme"), nor, from a
    # name, into the complement of a noun before it ("le ministre des Affaires étrangères Hor
    # Namhong": "étrangères" hangs on "Affaires", which hangs on "ministre").
    while start > 0 and (_in_np(doc[start - 1]) and not doc[start - 1].dep_.startswith("obl")):
        before = doc[start - 1]
        if head.pos_ == "PROPN" and before.pos_ != "PROPN" and before.head.i < before.i:
            break
        start -= 1
    end = head.i + 1
    while end < len(doc) and (
        (_in_np(doc[end]) and doc[end].pos_ != "DET")
        or (doc[end].lower_ in _GLUE and end + 1 < len(doc) and doc[end + 1].pos_ in _NP_POS)
        or _name_goes_on(doc[end])
        or (end == head.i + 1 and _qualifying_participle(doc[end]))  # "le président élu des Etats-Unis"
    ):
        end += 1
    while end > start + 1 and doc[end - 1].lower_ in _GLUE:
        end -= 1
    # "le président en exercice de la Fédération bancaire française (FBF) Georges Pauget": a person's
    # name in apposition to the role, past its complements but before any comma, is the phrase's end.
    if head.pos_ == "NOUN":
        for name in head.subtree:  # the parser may hang it on the complement ("de la Fédération")
            if (
                name.dep_ == "appos"
                and name.pos_ == "PROPN"
                and name.i >= end
                and any(c.dep_ == "flat:name" for c in name.children)
                and not any(t.text == "," or _verb(t) for t in doc[end : name.i])
            ):
                end = max(t.i for t in name.subtree if t.i == name.i or t.dep_ == "flat:name") + 1
                break
    # "la parlementaire et ancienne ministre de la Défense Martha Lucia Ramirez": a coordinated
    # role that ends on a name belongs to the phrase.
    if end + 1 < len(doc) and doc[end].lower_ == "et" and head.pos_ == "NOUN":
        more = end + 1
        while more < len(doc) and (_in_np(doc[more]) or (doc[more].lower_ in _GLUE and more > end + 1)):
            more += 1
        if doc[more - 1].pos_ == "PROPN":
            end = more
    return _mention(doc, start, end, offset)


def _adjectival(tok: Token) -> bool:
    """A past participle qualifying a noun as an adjective does ("le président élu")."""
    return tok.dep_ in ("acl", "amod") and "Part" in tok.morph.get("VerbForm")


def _qualifying_participle(tok: Token) -> bool:
    """An adjectival participle right after its noun, with no complement of its own ("le président
    élu", "le ministre désigné")."""
    return _adjectival(tok) and tok.head.i < tok.i and all(c.dep_ in ("amod", "advmod") for c in tok.children)


def _verb(tok: Token) -> bool:
    """A verb, not a participle qualifying the role ("le président élu américain Barack Obama")."""
    return tok.pos_ in ("VERB", "AUX") and not _adjectival(tok)


def _name_goes_on(tok: Token) -> bool:
    """A capitalised word right after a name, whatever the tagger read it as ("Hor Namhong" with
    "Namhong" a verb): the name goes on."""
    previous = tok.doc[tok.i - 1] if tok.i else None
    return previous is not None and previous.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def _in_np(tok: Token) -> bool:
    # "Le Premier ministre": the tagger may read a role noun as a verb; it stays in the phrase.
    return tok.pos_ in _NP_POS or (tok.text.islower() and is_role(tok.text))


def clitic_pronoun(word: str) -> str:
    """ "-t-elle" → "elle", "-il" → "il"."""
    return word.removeprefix("-t-").lstrip("-").lower()


def pronoun_mention(tok: Token, offset: int) -> SpeakerMention:
    text = clitic_pronoun(tok.text)
    text = tok.text[len(tok.text) - len(text) :]
    start = offset + tok.idx + (len(tok.text) - len(text))
    return SpeakerMention(start, start + len(text), "pronoun", PRONOUNS[text.lower()])


def _mention(doc: Doc, start: int, end: int, offset: int) -> SpeakerMention:
    words = doc[start:end]
    text = words.text
    first = words[0].lower_
    # The number of the phrase's opening determiner or noun: "le ministre des Finances" is one person.
    opening = next((t for t in words if t.pos_ in ("DET", "NOUN")), None)
    plural = (
        opening is not None
        and opening.morph.get("Number") == ["Plur"]
        and not any(t.pos_ == "PROPN" for t in words)
    )
    gender = "p" if plural else gender_of(text)
    if first in _INDEFINITE:
        kind = "indefinite"  # "une source proche du dossier": no one the article names
    elif any(t.pos_ in ("PROPN", "X") and t.text[:1].isupper() for t in words) and (
        not is_role(text) or words[0].text in HONORIFICS or unglued(words[0].text) != words[0].text
    ):  # "M. Morin" (and "M.Morin") is a name, not a role
        kind = "name"
    elif is_role(text):
        kind = "role"
    else:
        kind = "organisation"
    return SpeakerMention(offset + words[0].idx, offset + words[-1].idx + len(words[-1].text), kind, gender)


def coordinated_mention(head: Token, offset: int) -> SpeakerMention | None:
    """ "Thaïlandais et Cambodgiens ont réaffirmé …": coordinated subjects are several speakers, no
    one of them; the mention spans them all and names no one."""
    others = [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.pos_ in ("PROPN", "NOUN")
        and c.i > head.i
        and any(g.dep_ == "cc" and g.lower_ in ("et", "ou") for g in c.children)
    ]
    if head.pos_ not in ("PROPN", "NOUN") or not others:
        return None
    first, last = noun_phrase(head, offset), noun_phrase(others[-1], offset)
    if first is None or last is None:
        return None
    if _determined(head) and all(
        o.pos_ == "NOUN" and not _determined(o) and "Plur" not in o.morph.get("Number") for o in others
    ):
        # "le président de la FBF et directeur général du Crédit Agricole": one person's two titles,
        # the second with no determiner of its own.
        return replace(first, end=last.end)
    return SpeakerMention(first.start, last.end, "indefinite", "p")


def _determined(noun: Token) -> bool:
    return any(c.dep_ == "det" for c in noun.children)
