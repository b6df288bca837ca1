"""French reporting cues on a parse: which verbs report what someone says, from one vocabulary.

The verbs are `recoupe/data/reporting_verbs.toml`'s French list ("déclarer", "estimer", "faire
valoir"…); `is_cue` tells whether a parsed token is one of them, `may_hold_cue` whether a
sentence's raw text may hold one at all (so that only those sentences are parsed).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from recoupe.extract.cue_vocabulary import DE_FORMS, opened_stem, reporting_data
from recoupe.extract.entities import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Forms that neither their infinitive's stem nor the vocabulary's irregular forms start: "il a
# cru", "faire" of "fait savoir", "font état de", "a-t-on appris".
_OTHER_FORMS = ("cru", "crue", "fait", "font", "appris")
# Words that name a source without a verb: "selon X", "d'après X", "de source judiciaire".
_SOURCE_WORDS = ("selon", "d'après", "d’après", "source", "sources")


def _french() -> dict[str, Any]:
    return reporting_data("fr")


@cache
def cue_lemmas() -> frozenset[str]:
    """The one-word French reporting verbs, by infinitive."""
    return frozenset(v for v in _french()["verbs"] if " " not in v)


@cache
def two_word_cues() -> dict[str, str]:
    """Cues of two words, second word → first ("faire valoir": "valoir" → "faire")."""
    return {v.split()[1]: v.split()[0] for v in _french()["verbs"] if len(v.split()) == 2}


@cache
def support_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs that report with a noun of speech as their object, and those nouns ("formuler un
    appel", "exprimer l'espoir")."""
    french = _french()
    return frozenset(french.get("support_verbs", [])), frozenset(french.get("speech_nouns", []))


@cache
def hearing_lemmas() -> frozenset[str]:
    """Verbs of hearing whose source follows them ("a-t-on appris de source judiciaire")."""
    return frozenset(_french().get("hearing", []))


@cache
def object_cues() -> frozenset[str]:
    """Cues whose object is a person or a thing, not what is said ("accuser", "saluer")."""
    return frozenset(_french().get("transitive", []))


def is_cue(tok: Token) -> bool:
    """Whether a verb of a `french_parser` parse reports speech ("a déclaré", "estime", "fait
    valoir", "a fait état de")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = lemma_of(tok)
    if lemma in two_word_cues():
        return tok.i > 0 and lemma_of(tok.doc[tok.i - 1]) == two_word_cues()[lemma]
    if lemma in two_word_cues().values():
        # "a fait état de", "a fait savoir que": the first verb with the second word as its child
        return any(c.lower_ in two_word_cues() and two_word_cues()[c.lower_] == lemma for c in tok.children)
    if reports_nothing(tok, lemma):
        return False
    # The lemmatiser leaves some present forms as they are ("demande", "estime"); the form's stem
    # still says which verb it is.
    return lemma in cue_lemmas() or (lemma == tok.lower_ and lemma + "r" in cue_lemmas())


def reports_nothing(verb: Token, lemma: str) -> bool:
    """A cue's verb in a construction that reports nothing: reflexive ("la perte s'expliquerait
    par « … »"), or followed by "de" ("la perte relèverait d'un « incident de marché »": comes
    under). `lemma`: the verb's, as the caller has it."""
    if lemma in _french().get("not_reflexive", []) and _reflexive(verb):
        return True
    # "relèverait (pas du tout) d'un": a complement introduced by "de", whatever sits between.
    return lemma in _french().get("not_before_de", []) and any(
        c.dep_.startswith("obl") and any(m.dep_ == "case" and m.lower_ in DE_FORMS for m in c.children)
        for c in verb.children
    )


def promises(verb: Token, lemma: str) -> bool:
    """ "se sont engagées dans la soirée à « adopter sans délai »": a reflexive verb of
    `reports_nothing` that still reports a promise, whose words a quote may give (a figure in
    it stays unclaimed: the gold of bench/data/fr-figures-dev4 gives none to "s'est engagé à
    baisser les impôts pour 95 % des salariés")."""
    return lemma in _french().get("promise_before_a", []) and _a_follows(verb)


def _a_follows(verb: Token) -> bool:
    # The parse may hang the infinitive on the nearer noun: "à" is looked for in the words.
    for tok in verb.doc[verb.i + 1 : verb.i + 8]:
        if tok.is_punct and tok.text not in ('"', "«", "“"):
            return False
        if tok.lower_ == "à":
            return True
    return False


def _reflexive(verb: Token) -> bool:
    # Its reflexive pronoun, not any expletive: the parse hangs the "-il" of "a-t-il ajouté" as one.
    return any(c.lower_ in ("se", "s'", "s’") for c in verb.children)


@cache
def _screen() -> re.Pattern[str]:
    stems = {_stem(v) for v in cue_lemmas()}
    stems |= {_stem(v) for v in hearing_lemmas()}
    stems |= {opened_stem(s) for s in stems}  # "répète", "considère", "espère"
    forms = {form for forms in _french()["irregular"].values() for form in forms}
    forms |= set(_OTHER_FORMS) | set(_SOURCE_WORDS)
    # A stem starts a word ("déclar" → "déclaré"); a whole form is one ("dit", not "discussion").
    prefixes = "|".join(map(re.escape, sorted(stems, key=len, reverse=True)))
    words = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:(?:{words})(?!\w)|(?:{prefixes}))", re.IGNORECASE)


def may_hold_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` holds a word that may be a cue's form (its infinitive's stem:
    "déclar", "prévoi") or a source word ("selon", "de source …"): a sentence without one is
    not worth parsing for who reports what."""
    return _screen().search(text, start, len(text) if end is None else end) is not None


def _stem(verb: str) -> str:
    for ending in ("oir", "ndre", "re", "er", "ir"):
        if verb.endswith(ending) and len(verb) - len(ending) >= 4:
            return verb[: -len(ending)]
    return verb
