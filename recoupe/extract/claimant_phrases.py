"""Who a French claimant is, as words of the parse: the noun phrase around a head (through "de",
to the name set beside a role), the subject of a cue verb, before it or after it, or its source
("de source judiciaire"); and whether a phrase can assert a figure at all, judged on its head."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.data import day_words
from recoupe.extract.claim_verbs import claim_verbs, is_claim_cue
from recoupe.extract.coreference import (
    apposed_name_span,
    gender_of,
    is_institution,
    is_role,
    may_assert,
    name_gender,
)
from recoupe.extract.speaker_subjects import detached_auxiliary
from recoupe.stories.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# Subject pronouns, and the stressed ones after "selon" ("selon lui", "d'après eux").
PRONOUNS = {"il": "m", "elle": "f", "ils": "p", "elles": "p", "lui": "m", "eux": "p"}
# "souligne-t-il", "précise-t-elle": the subject pronoun hung on an inverted cue.
_CLITIC_SUBJECT = re.compile(r"-(?:t-)?(il|elle|ils|elles)\b", re.IGNORECASE)
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"})
_GLUE = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "-", "(", ")"})
# Words of a day ("mardi", "hier soir") and "midi", after which a noun phrase does not go on.
_TIME_WORDS = day_words("fr") | {"midi"}
# A phrase's head lies between its determiners and its first complement ("le soutien | de la Région").
_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "de", "d'", "du", "ce", "cette", "ces"}
)
_COMPLEMENT = frozenset({"de", "du", "des", "d'", "à", "au", "aux"})


@dataclass(frozen=True)
class Claimant:
    """Who asserts a figure, as written; `pronoun` when only a pronoun names them."""

    start: int
    end: int
    text: str
    gender: str  # "m", "f", "p" or "" unknown


def may_claim(wording: str) -> bool:
    """Whether a noun phrase can assert a figure, judged on its head: "le soutien de la Région" is a
    thing however capitalised its complement ("le président de la CCI" is a role, "la Mutuelle
    Atlantique" a name), "de premiers calculs", "les prévisions" and "un bilan provisoire" are
    no one's, "les chiffres de l'Office national" the Office's."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    demonstrative = bool(words) and words[0].lower() in ("ce", "cet", "cette", "ces")
    while words and (words[0].lower() in _DETERMINERS or words[0].lower() in ("même", "mêmes")):
        words = words[1:]  # "ce même sondage" is a "sondage"
    head = next((i for i, w in enumerate(words) if i and w.lower() in _COMPLEMENT), len(words))
    if not words or not may_assert(wording):
        return False
    authored = head < len(words) and may_assert(" ".join(words[head + 1 :]))
    if fold(words[0]) in claim_verbs().figures_of:
        # "un bilan provisoire", "une étude publiée mardi": no author; "un sondage Ifop", "les
        # chiffres de l'Office national": the author's; "ce sondage", the one the text gave before
        # (find_claimants tells whose)
        return authored or demonstrative or any(w[:1].isupper() for w in words[1:head])
    if may_assert(" ".join(words[:head])):
        return True
    return fold(words[0]) in claim_verbs().speaking_for and authored  # "le cabinet du ministre"


def noun_phrase(head: Token, offset: int, text: str) -> Claimant | None:
    """The noun phrase around `head`: contiguous determiners, adjectives, nouns and names, through
    "de" ("le colonel Sunsern Kaewkumnerd", "la ministre des finances"), never past a comma."""
    doc = head.doc
    word = head.text.removeprefix("-t-").lstrip("-")
    if word.lower() in PRONOUNS:
        start = offset + head.idx + len(head.text) - len(word)
        return Claimant(start, start + len(word), word, PRONOUNS[word.lower()])
    if head.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "NUM"):
        return None
    named = [
        c
        for c in head.children
        if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" and c.i > head.i and doc[c.i - 1].text == ","
    ]
    if not named and head.pos_ == "NOUN":
        # "le président de la CDM et patron du groupe Arvel, Simon Dreyfus, a
        # expliqué": the name closing the phrase of coordinated roles, set apart by commas
        named = [
            t
            for t in head.subtree
            if t.i > head.i
            and t.pos_ == "PROPN"
            and doc[t.i - 1].text == ","
            and t.right_edge.i >= head.right_edge.i - 1
            and name_gender(" ".join(w.text for w in t.subtree if w.pos_ == "PROPN"))
        ]
    role_gender = _noun_gender(head)
    if head.pos_ == "NOUN" and named:
        head = named[0]  # "la ministre des finances, Christine Lagarde": the name set beside the role
    start = head.i
    while (
        start > 0
        and doc[start - 1].pos_ in _NP_POS
        and doc[start - 1].dep_ != "obl:mod"
        and doc[start - 1].lower_ not in _TIME_WORDS  # "a indiqué ce mardi Jeanne Collin"
    ):
        start -= 1
    end = head.i + 1
    while (
        end < len(doc)
        and "Part" not in doc[end].morph.get("VerbForm")
        and doc[end].lower_ not in _TIME_WORDS  # "affirme Le Courrier jeudi"
        and (  # "… cité par l'AFP"
            (doc[end].pos_ in _NP_POS and doc[end].pos_ != "DET")
            or (doc[end].lower_ in _GLUE and end + 1 < len(doc) and doc[end + 1].pos_ in _NP_POS)
            or _title_article(doc, end)  # "le quotidien Les Echos"
        )
    ):
        end += 1
    end = _authored_through(doc, head, end)
    while end > start + 1 and doc[end - 1].lower_ in _GLUE:
        end -= 1
    a, b = offset + doc[start].idx, offset + doc[end - 1].idx + len(doc[end - 1].text)
    wording = text[a:b]
    # a name's first name tells before a role noun does ("le maire de Lille, Martine Aubry": she)
    gender = (name_gender(wording) if head.pos_ == "PROPN" else "") or gender_of(wording) or role_gender
    gender = gender or _noun_gender(head)
    if head.pos_ == "NOUN" and is_role(wording):
        # "a prévenu la ministre du Budget, Claire Morel.": the name set after the role
        apposed = apposed_name_span(text, a, b)
        if apposed is not None and apposed[0] >= b:
            name = text[apposed[0] : apposed[1]]
            return Claimant(apposed[0], apposed[1], name, name_gender(name) or gender)
    return Claimant(a, b, wording, gender)


def _authored_through(doc: Doc, head: Token, end: int) -> int:
    """Where a noun of figures ends its phrase (`end` as read so far): past the participle that
    names its author or publisher ("un sondage réalisé par l'Ifop pour Ouest-France", "une étude
    parue hier dans Le Monde"), which makes it someone's (may_claim)."""
    if end >= len(doc) or fold(head.lower_) not in claim_verbs().figures_of:
        return end
    # The participle may follow the noun's complement ("un sondage sur le moral des Français réalisé
    # par l'Ifop"), and the parser may hang it there.
    participles = (c for c in head.subtree if c.i >= end and c.dep_.startswith("acl"))
    participle = next((c for c in participles if "Part" in c.morph.get("VerbForm")), None)
    if participle is None or any(t.text in (",", ";", ".") for t in doc[end : participle.i]):
        return end
    # The author or the publisher: "par X" on the participle, "dans X" on it or, as the parser
    # often hangs it, on the noun.
    named = [
        c
        for c in (*participle.children, *(c for c in head.children if c.i > participle.i))
        if c.dep_ == "obl:agent"
        or (c.dep_.startswith(("obl", "nmod")) and any(w.lower_ in ("par", "dans") for w in c.children))
    ]
    if not named:
        return end
    last = max(c.right_edge.i for c in named)
    # Never past a comma: the parser may hang the clause after it on the author.
    last = next((t.i - 1 for t in doc[end : last + 1] if t.text in (",", ";", ".")), last)
    return last + 1 if last >= min(c.i for c in named) else end


def noun_phrase_after(tok: Token, offset: int, text: str, figure: int | None = None) -> Claimant | None:
    """ "selon X": the noun phrase after the word; short of the complement that holds the figure at
    `figure` ("qui a perçu selon Le Monde d'importants bonus de 68.000 euros" is Le Monde's)."""
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or doc[k].pos_ not in _NP_POS | {"PRON"}:
        return None
    head = doc[k]
    if head.lower_ in ("lequel", "laquelle", "lesquels", "lesquelles"):
        # "le sondage Ifop selon lequel 69 % …": the noun the relative clause hangs on
        clause = next((v for v in head.ancestors if v.dep_ == "acl:relcl"), None)
        return noun_phrase(clause.head, offset, text) if clause is not None else None
    # "selon des témoins": from the determiner to the noun, never past the noun ("Selon la police,
    # ils étaient 3 000": the parser may hang "police" on the figure).
    while (
        head.pos_ not in ("NOUN", "PROPN", "PRON")
        and head.head.i > head.i
        and head.head.pos_ in _NP_POS
        and head.head is not head
    ):
        head = head.head
    found = noun_phrase(head, offset, text)
    if found is None or figure is None or not found.start <= figure < found.end:
        return found
    of = ("de", "d'", "d’", "des", "du")
    glue = [t for t in doc if found.start < offset + t.idx < figure and t.lower_ in of]
    if not glue:
        return None
    end = offset + doc[glue[0].i - 1].idx + len(doc[glue[0].i - 1].text)
    wording = text[found.start : end]
    return Claimant(found.start, end, wording, gender_of(wording) or found.gender)


def _title_article(doc: Doc, k: int) -> bool:
    """A capitalised article opening a title after a noun: "le quotidien Les Echos"."""
    return (
        doc[k].pos_ == "DET"
        and doc[k].text[:1].isupper()
        and k + 1 < len(doc)
        and doc[k + 1].text[:1].isupper()
        and doc[k - 1].pos_ == "NOUN"
    )


def _noun_gender(head: Token) -> str:
    """A common noun's gender as the tagger reads it ("l'avocate": feminine); a name's, unknown."""
    if head.pos_ != "NOUN":
        return ""
    if "Plur" in head.morph.get("Number"):
        return "p"
    # the determiner first: the tagger reads "la ministre" as masculine, "la" as feminine
    words = [c for c in head.children if c.dep_ == "det" and c.morph.get("Gender")] + [head]
    return {"Fem": "f", "Masc": "m"}.get(next(iter(words[0].morph.get("Gender")), ""), "")


def verb_subject(verb: Token, offset: int, text: str) -> Claimant | None:
    """The subject of a cue verb, through coordination ("a affirmé et répété")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl:subj")]
        auxiliary = detached_auxiliary(verb) if "Part" in verb.morph.get("VerbForm") else None
        if not subjects and auxiliary is not None:
            subjects = [c for c in auxiliary.children if c.dep_ == "nsubj"]  # "X a, dans …, souligné"
        if not subjects:
            # "Il a aussi jugé": the parser may hang the subject on the auxiliary it attached
            auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
            subjects = [s for a in auxiliaries for s in a.children if s.dep_ == "nsubj"]
        if subjects:
            # "Roland Hubert, l'un des quatre co-secrétaires, a fait part": the name, then the nearest
            subjects.sort(key=lambda c: (c.pos_ not in ("PROPN", "NOUN"), abs(c.i - verb.i)))
            if subjects[0].lower_ in ("qui", "que", "qu'", "on"):
                return None
            return next((m for c in subjects if (m := noun_phrase(c, offset, text)) is not None), None)
        if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head
            continue
        gerund = "Pres" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm")
        if verb.dep_ == "acl" and gerund:
            # ", la presse évoquant jusqu'à 1 000 milliards": a participle clause with its own
            # subject, right before it and after a comma
            return _absolute_subject(verb, offset, text)
        if verb.dep_ == "advcl" and gerund:
            incise = _incise_before(verb, offset, text)
            if incise is not None:
                return incise  # "« … », souligne-t-il, estimant le coût à 100.000 €": he
            verb = verb.head  # "X a promis …, avançant le chiffre de 1 million": X avances it
            continue
        finite = "Fin" in verb.morph.get("VerbForm")
        if finite and verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(verb.head, offset, text)  # "l'OCDE prévoit que …" misread as a modifier
        break
    return None


def _incise_before(participle: Token, offset: int, text: str) -> Claimant | None:
    """The subject of the incise right before a present participle and its comma ("« … »,
    souligne-t-il, estimant …"): the parser may hang the participle on the quoted clause."""
    doc = participle.doc
    k = participle.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    k -= 1
    while k > 0 and doc[k].text.startswith("-"):
        k -= 1
    cue = doc[k]
    if not is_claim_cue(cue) or not text[: offset + cue.idx].rstrip().endswith((",", "»", "”", '"')):
        return None
    clitic = _CLITIC_SUBJECT.match(text, offset + cue.idx + len(cue.text))
    if clitic is not None:
        start = clitic.start(1)
        word = clitic.group(1)
        return Claimant(start, start + len(word), word, PRONOUNS[word.lower()])
    return inverted_subject(cue, offset, text)


def _absolute_subject(participle: Token, offset: int, text: str) -> Claimant | None:
    """The noun phrase a present participle hangs on when the two open a clause of their own after
    a comma (", la presse évoquant …"); None when the noun belongs to the clause before (", une
    plainte contre X, accusant …" is no clause of X's)."""
    phrase = noun_phrase(participle.head, offset, text)
    if phrase is None or participle.head.i > participle.i:
        return None
    between = text[phrase.end : offset + participle.idx]
    return phrase if not between.strip() and text[: phrase.start].rstrip().endswith(",") else None


def inverted_subject(verb: Token, offset: int, text: str) -> Claimant | None:
    """The subject after a cue ("…, a indiqué samedi à l'AFP une porte-parole", "estime la LDH",
    "a-t-elle déclaré"): the parser often labels it the verb's object, as the quote is."""
    after = [
        c for c in verb.children if c.i > verb.i and c.dep_ in ("nsubj", "obj", "nsubj:pass", "expl:subj")
    ]
    after = [
        c
        for c in after
        if c.pos_ in ("PROPN", "NOUN", "PRON")
        and c.lower_ not in ("que", "qu'")
        and c.lower_ not in _TIME_WORDS
    ]
    if after:
        return noun_phrase(after[0], offset, text)
    # "a précisé dans la soirée le maire": the parser hangs the subject on the adverbial before
    # it; it is the first noun of the verb's phrase that no preposition introduces.
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return None  # a passive's subject is what is said; "par X" is who says it
    for tok in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
        if tok.text in (",", ".", ";") or tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in tok.children):
            is_adverbial = tok.head.i == verb.i and tok.dep_.startswith("obl")
            return None if is_adverbial else noun_phrase(tok, offset, text)
    return None


def from_source(verb: Token, offset: int, text: str) -> Claimant | None:
    """ "a-t-on appris de source judiciaire": the source, not "on"."""
    for child in verb.children:
        if child.lower_ in ("source", "sources") and any(
            c.lower_ in ("de", "d'", "selon") for c in child.children
        ):
            return noun_phrase(child, offset, text)
    if not any(
        c.dep_.startswith("nsubj") and c.lower_.lstrip("-t").lstrip("-") == "on" for c in verb.children
    ):
        return None
    # "a-t-on précisé à Matignon", "a-t-on appris auprès de la préfecture": who "on" heard it from
    for child in verb.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_.startswith("obl") and child.i > verb.i and cases & {"à", "auprès", "au", "aux"}:
            found = noun_phrase(child, offset, text)
            named = found is not None and (is_institution(found.text) or child.pos_ == "PROPN")
            if found is not None and named and may_claim(found.text):
                return found
    return None
