"""Tokens, the speaker mentions made of them, and the reporting cues the token rules find among
them ("said", "a-t-il déclaré", "according to"), with no parser (no English one ships on PyPI)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from recoupe.extract.cue_vocabulary import DE_FORMS, Vocabulary

TokenKind = Literal["word", "punct", "quote", "break"]
MentionKind = Literal["name", "role", "pronoun"]
# A speaker mention longer than this is a clause, not a noun phrase ("the man who …").
MAX_MENTION_WORDS = 12
PRONOUN_SUFFIX = re.compile(r"^(.+?)-(?:t-)?(il|elle|ils|elles|on)$")
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "lui", "leur", "eux"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # from the normalised copy: ' for ’
    kind: TokenKind
    sentence: int = 0
    low: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Read millions of times a feed by the cue and subject tests: lowered once, when made
        # (a cached property cost 1.7 µs a token on first reading, a third of tokenising).
        object.__setattr__(self, "low", self.text.lower())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind
    gender: str  # m, f, p (plural), x (first/second person), n (neuter), "" unknown


@dataclass(frozen=True)
class Cue:
    first: int  # token indices, inclusive
    last: int
    phrase: bool
    transitive: bool
    pronoun: Mention | None  # "a-t-il déclaré", "dit-elle"


def cue_at(tokens: list[Token], i: int, vocab: Vocabulary) -> Cue | None:
    """The reporting cue that starts at token i, if any."""
    tok = tokens[i]
    if tok.kind != "word" or (vocab.language == "en" and _inside_name(tokens, i)):
        return None
    for words in vocab.multiword.get(tok.low, ()):
        if words == ("per",) and i + 1 < len(tokens) and tokens[i + 1].low in vocab.per_rates:
            continue  # "0.44 per cent lower": a rate, no source
        if words_at(tokens, i, len(words)) == words:
            last = i + len(words) - 1
            # A phrase's source follows it ("selon X"); a verb of several words ("a fait valoir
            # le rapporteur") takes an inverted subject like a one-word verb.
            return Cue(i, last, words in vocab.phrases, words in vocab.phrases, None)
    if tok.low in vocab.clause_phrases and (i == 0 or tokens[i - 1].kind != "word"):
        end = phrase_end(tokens, i + 1, len(tokens), vocab)
        if end > i + 1 and end < len(tokens) and tokens[end].text == ",":
            return Cue(i, i, True, True, None)
    if tok.low in vocab.verbs and not _noun_of_speech(tokens, i, vocab):
        reflexive = _reflexive(tokens, i, vocab)
        if reflexive and tok.low in vocab.not_reflexive:
            return None  # "il s'est aussitôt lancé dans …", "la perte s'explique par …"
        if tok.low in vocab.not_before_de and _before_de(tokens, i, vocab):
            return None  # "la perte relève d'un « … »"
        # "s'est félicité le maire": the reflexive verb has no object; its subject may follow it.
        transitive = tok.low in vocab.transitive and not reflexive
        return Cue(i, i, False, transitive, _inverted_pronoun(tokens, i - 1, vocab))
    if tok.low in vocab.after_subject and i > 0 and _subject_word(tokens[i - 1], vocab):
        return Cue(i, i, False, True, None)  # "Reuters reports", "it states"
    inverted = PRONOUN_SUFFIX.match(tok.low)
    if inverted and inverted.group(1) in vocab.verbs:
        return Cue(i, i, False, False, _suffix_pronoun(tok, inverted, vocab))
    return None


_BE = frozenset({"est", "sont", "était", "étaient", "sera", "seront"})


def _before_de(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """Whether "de" follows the verb at i, across adverbs ("ne relève pas de")."""
    j = i + 1
    while j < len(tokens) and tokens[j].low in vocab.fillers:
        j += 1
    return j < len(tokens) and tokens[j].low in DE_FORMS


def _reflexive(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """Whether the verb at i has its reflexive pronoun before it, across an auxiliary and adverbs:
    "se lance", "s'est lancé", "s'est aussitôt lancé"."""
    j = i - 1
    while j >= 0 and tokens[j].kind == "word" and (tokens[j].low in vocab.fillers or tokens[j].low in _BE):
        j -= 1
    return j >= 0 and tokens[j].low in ("se", "s'", "s’")


def _inside_name(tokens: list[Token], i: int) -> bool:
    """A capitalised word between two capitalised words, the first not all capitals (a headline in
    capitals is no name), is a name's: "the United States Geological Survey said" ("States" is no
    "it states")."""
    return (
        0 < i < len(tokens) - 1
        and all(t.kind == "word" and t.text[:1].isupper() for t in tokens[i - 1 : i + 2])
        and tokens[i - 1].text != tokens[i - 1].text.upper()
    )


# Before an English verb form, these make it a noun: "his questioning", "the call", "a tweet".
_ARTICLES = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these"})
# Past participles that may follow "'s" as "has": "Trump's said it before".
_PARTICIPLES = frozenset({"said", "told", "written", "thought", "read", "put"})


def _noun_of_speech(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """An English reporting word used as a noun: after an article or a possessive ("Trump's tweet
    to invite …", "during his questioning"), it reports nothing."""
    if vocab.language != "en" or i == 0 or tokens[i - 1].kind != "word":
        return False
    before, word = tokens[i - 1].low, tokens[i].low
    possessive = before.endswith("'s") and not word.endswith("ed") and word not in _PARTICIPLES
    return before in _ARTICLES or possessive


def _subject_word(tok: Token, vocab: Vocabulary) -> bool:
    if tok.kind != "word" or tok.low in _OBJECT_PRONOUNS or tok.low in vocab.determiners:
        return False
    return (tok.text[:1].isupper() and tok.low not in vocab.stops) or vocab.pronouns.get(tok.low) in (
        "m",
        "f",
        "n",
        "p",
    )


def words_at(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.low for t in tokens[i : i + n] if t.kind == "word")


def _inverted_pronoun(tokens: list[Token], j: int, vocab: Vocabulary) -> Mention | None:
    """The pronoun glued to the auxiliary before a participle: "a-t-il déclaré"."""
    if j < 0 or tokens[j].kind != "word":
        return None
    inverted = PRONOUN_SUFFIX.match(tokens[j].low)
    if inverted and inverted.group(1) in vocab.auxiliaries:
        return _suffix_pronoun(tokens[j], inverted, vocab)
    return None


def _suffix_pronoun(tok: Token, match: re.Match[str], vocab: Vocabulary) -> Mention:
    start = tok.start + match.start(2)
    word = match.group(2)
    return Mention(
        start, start + len(word), tok.text[match.start(2) :], "pronoun", vocab.pronouns.get(word, "")
    )


def phrase_end(tokens: list[Token], i: int, hi: int, vocab: Vocabulary) -> int:
    k, words = i, 0
    while k < hi and words < MAX_MENTION_WORDS:
        if tokens[k].text == "(" and k > i:
            closing = next((m for m in range(k + 1, min(hi, k + 8)) if tokens[m].text == ")"), None)
            if closing is None:
                break
            k = closing + 1
            continue
        if joined_number(tokens, k):
            k += 1  # "9/11 widow Terry Strada": the slash is part of the number
            continue
        if not in_phrase(tokens[k], vocab) and not noun_after_article(tokens, k, i, vocab):
            break
        if k > i and _verb_with_object(tokens, k, vocab):
            break  # "according to a reliable source followed the discovery of …"
        k, words = k + 1, words + 1
    return k


def _verb_with_object(tokens: list[Token], k: int, vocab: Vocabulary) -> bool:
    """An English past form with an article after it: a verb and its object, not an adjective
    ("followed the discovery", but "a retired general")."""
    return (
        vocab.language == "en"
        and tokens[k].low.endswith("ed")
        and tokens[k].text.islower()
        and k + 1 < len(tokens)
        and tokens[k + 1].low in ("the", "a", "an", "his", "her", "its", "their")
    )


def joined_number(tokens: list[Token], k: int) -> bool:
    """A slash between two numbers with no space around it ("9/11", "24/7"): one word, not a break."""
    return (
        0 < k < len(tokens) - 1
        and tokens[k].text == "/"
        and tokens[k - 1].end == tokens[k].start
        and tokens[k].end == tokens[k + 1].start
        and tokens[k - 1].text.isdigit()
        and tokens[k + 1].text.isdigit()
    )


def noun_after_article(tokens: list[Token], k: int, lo: int, vocab: Vocabulary) -> bool:
    # "le juge", "la note", "the report": a verb form after an article is a noun.
    return k > lo and tokens[k].low in vocab.verbs and tokens[k - 1].low in vocab.determiners


def in_phrase(tok: Token, vocab: Vocabulary) -> bool:
    return (
        tok.kind == "word"
        and tok.low not in vocab.stops
        and tok.low not in vocab.verbs
        and tok.low not in vocab.auxiliaries
        and not (tok.low in vocab.past_forms and tok.text.islower())
        and not adverb(tok, vocab)
        and not PRONOUN_SUFFIX.match(tok.low)  # "a-t-il", "dit-elle"
    )


def adverb(tok: Token, vocab: Vocabulary) -> bool:
    # English adverbs and participles end a subject ("egregiously", "talking"); French -ment
    # words are too often nouns ("le gouvernement") to be told apart without a tagger.
    return "the" in vocab.determiners and tok.text.islower() and tok.text.endswith(("ly", "ing"))


# After a cue, these open a phrase of place, time or manner, not what the cue reports ("said on Fox").
_ADJUNCT_OPENERS = frozenset(
    {"on", "in", "at", "during", "after", "before", "from", "via", "while", "to", "with"}
)


def clause_ends(tokens: list[Token], k: int, cue: Cue, vocab: Vocabulary, inverted: bool = False) -> bool:
    """Whether the cue's clause has nothing left to report from token k on (past its fillers): true
    in '"We won." Trump said.', '… said Trump on Fox.', '… Trump told reporters, adding …'; false in
    '… Park said Kim's state is …' (it reports what follows) and 'She adds, "…"' or 'He said:'
    (the cue of the next quote). `inverted`: the subject comes first ('said Trump')."""
    if inverted and k < len(tokens) and tokens[k].kind == "word":
        k = phrase_end(tokens, k, len(tokens), vocab)
    if cue.transitive and k < len(tokens) and _opens_phrase(tokens[k]):
        k = phrase_end(tokens, k, len(tokens), vocab)  # its object: "told reporters"
    while k < len(tokens) and tokens[k].low in vocab.fillers:
        k += 1
    if k >= len(tokens) or tokens[k].kind == "break" or tokens[k].text in ".!?;":
        return True
    if tokens[k].text == ",":
        return k + 1 < len(tokens) and tokens[k + 1].kind == "word"
    return tokens[k].low in _ADJUNCT_OPENERS


def _opens_phrase(tok: Token) -> bool:
    return tok.kind == "word" and tok.low not in _ADJUNCT_OPENERS
