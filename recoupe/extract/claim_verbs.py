"""The verbs that claim a French figure, and the parses they are read on: data/figures.toml's
[claims] beside the reporting cues, the screen that picks the sentences worth parsing (parsed when
a figure needs them), and whether a verb of the parse reports."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from recoupe.data import read_text
from recoupe.extract.cue_vocabulary import opened_stem
from recoupe.extract.cues import cue_lemmas, hearing_lemmas, is_cue, may_hold_cue
from recoupe.extract.entities import french_parser, lemma_of
from recoupe.extract.speaker_subjects import detached_auxiliary
from recoupe.stories.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# A sentence opening on "Pour X," (X's view: read as "selon X" when X is a person, speakers.for_person).
_OPINION = re.compile(r"\s*(?:(?:Mais|Et|Or) )?[Pp]our [^,.;:!?]{2,80},")


@dataclass(frozen=True)
class ClaimVerbs:
    """data/figures.toml's [claims]: verbs that state a figure beyond the reporting cues, cues that
    state one only through a clause, and denials."""

    verbs: frozenset[str]
    clause_only: frozenset[str]
    denials: frozenset[str]
    figures_of: frozenset[str]  # "les chiffres de X": nouns of figures whose author may follow
    valuing: frozenset[str]  # "évalue à 30 millions", "a estimé à 3 000": "à" gives the value
    speaking_for: frozenset[str]  # "le cabinet du ministre": bodies speaking for who follows them
    showing: frozenset[str]  # "a dévoilé 12 modèles" shows them; "un plan de 26 milliards" is claimed
    screen: re.Pattern[str]  # the words that may be one of them, or a short-stemmed cue ("jugé")


@cache
def claim_verbs() -> ClaimVerbs:
    """The [claims] of data/figures.toml, and the screen of the words that may be one of them."""
    claims = tomllib.loads(read_text("figures.toml"))["claims"]
    verbs = frozenset(claims["verbs"])
    # The cue screen (cues.may_hold_cue) reads stems of four letters or more: "juger", "noter",
    # "dire" would go unparsed; their forms are written out here.
    short = {v[:-2] for v in cue_lemmas() if v.endswith("er") and len(v) - 2 < 4}
    stems = {v[:-2] if v.endswith(("er", "ir", "re")) else v for v in verbs} | short
    stems |= {opened_stem(s) for s in stems}  # "révèle"
    stems = sorted(stems, key=len, reverse=True)
    endings = "e|es|ent|é|ée|és|ées|er|ait|aient|ais|a|ea|eait|eaient|era|erait|eront|ant|eant|èrent"
    screen = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, stems))})(?:{endings})(?!\w)", re.IGNORECASE)
    return ClaimVerbs(
        verbs,
        frozenset(claims["clause_only"]),
        frozenset(claims["denials"]),
        frozenset(fold(w) for w in claims["figures_of"]),
        frozenset(claims["valuing"]),
        frozenset(fold(w) for w in claims["speaking_for"]),
        frozenset(claims["showing"]),
        screen,
    )


class Parses:
    """The article's sentences, each parsed the first time a figure needs it."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self._docs: dict[int, Doc] = {}

    def doc(self, index: int) -> Doc:
        if index not in self._docs:
            a, b = self.sentences[index]
            self._docs[index] = french_parser()(self.text[a:b])
        return self._docs[index]

    def parse(self, indexes: list[int]) -> None:
        texts = [self.text[self.sentences[i][0] : self.sentences[i][1]] for i in indexes]
        self._docs.update(zip(indexes, french_parser().pipe(texts, batch_size=32), strict=True))

    def offset(self, index: int) -> int:
        return self.sentences[index][0]

    def worth_parsing(self, index: int) -> bool:
        a, b = self.sentences[index]
        return (
            may_hold_cue(self.text, a, b)
            or _OPINION.match(self.text, a, b) is not None
            or claim_verbs().screen.search(self.text, a, b) is not None
        )


def claim_lemma(tok: Token) -> str:
    """A verb's lemma; the lemmatiser leaves some present forms as they are ("reproche", "chiffre"):
    then the form's stem tells, when it is a claim verb's."""
    lemma = lemma_of(tok)
    return lemma + "r" if lemma == tok.lower_ and lemma + "r" in claim_verbs().verbs else lemma


def is_claim_cue(tok: Token) -> bool:
    """A reporting cue that may assert a figure: not an infinitive ("pour expliquer"), not
    "vouloir" ("cela veut dire 19 milliards": a want or a meaning asserts no figure)."""
    lemma = claim_lemma(tok)
    figure_verb = lemma in claim_verbs().verbs and tok.pos_ in ("VERB", "AUX")
    if not (is_cue(tok) or figure_verb or lemma in hearing_lemmas()) or lemma == "vouloir":
        return False
    form = tok.morph.get("VerbForm")
    if "Inf" in form:
        # "veut lancer", "cherche à soutenir": an infinitive's verb often reports nothing; "vient
        # d'annoncer" is the recent past, it reports, and "a tenu à souligner" insists on it.
        marks = {c.lower_ for c in tok.children}
        return (lemma_of(tok.head) == "venir" and bool(marks & {"de", "d'", "d’"})) or (
            lemma_of(tok.head) == "tenir" and "à" in marks
        )
    if "Part" not in form or "Past" not in tok.morph.get("Tense") or auxiliary_before(tok):
        return True
    # A past participle without an auxiliary describes a thing ("Annoncé le 1er octobre, le plan
    # …", "les 60.000 contrats promis"): the parser may leave "a-t-elle confié" without one too.
    return tok.dep_ not in ("amod", "acl", "advcl")


def auxiliary_before(verb: Token) -> bool:
    """ "ont annoncé", "a-t-elle aussi assuré", "a, dans un communiqué, souligné": an auxiliary
    before the participle, whether or not the parser attached it."""
    return any(c.dep_.startswith("aux") for c in verb.children) or detached_auxiliary(verb) is not None


def after_comma(verb: Token) -> bool:
    """ ", a-t-elle déclaré", ", estime X": only auxiliaries and clitics between a comma and the verb."""
    k = verb.i - 1
    while k >= 0 and (verb.doc[k].pos_ == "AUX" or verb.doc[k].text.startswith("-")):
        k -= 1
    return k >= 0 and verb.doc[k].text == ","
