"""Who said a quote: reporting cues, the speaker mention beside them, and what a pronoun stands for."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from recoupe.data import read_text

TokenKind = Literal["word", "punct", "quote", "break"]
MentionKind = Literal["name", "role", "pronoun"]

# A speaker mention longer than this is a clause, not a noun phrase ("the man who …").
MAX_MENTION_WORDS = 8
# How far after a quote its inverted attribution may sit ("…," said the former secretary of state).
MAX_CUE_DISTANCE = MAX_MENTION_WORDS + 3
# A pronoun refers to a speaker named at most this many characters before it.
MAX_PRONOUN_DISTANCE = 2000
_PRONOUN_SUFFIX = re.compile(r"^(.+?)-(?:t-)?(il|elle|ils|elles|on)$")
_NAME_GLUE = frozenset({"de", "du", "des", "d'", "of", "for", "the", "la", "le", "les", "l'", "en", "à", "au"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # from the normalised copy: ' for ’
    kind: TokenKind
    sentence: int = 0

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind
    gender: str  # m, f, p (plural), x (first/second person), n (neuter), "" unknown


@dataclass(frozen=True)
class Vocabulary:
    verbs: frozenset[str]
    transitive: frozenset[str]
    multiword: tuple[tuple[str, ...], ...]  # "pointed out", "according to": longest first
    phrases: frozenset[tuple[str, ...]]  # cues whose source follows them
    auxiliaries: frozenset[str]
    fillers: frozenset[str]
    stops: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    determiners: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]


@dataclass(frozen=True)
class Cue:
    first: int  # token indices, inclusive
    last: int
    phrase: bool
    transitive: bool
    pronoun: Mention | None  # "a-t-il déclaré", "dit-elle"


@cache
def vocabulary(language: str) -> Vocabulary:
    raw = tomllib.loads(read_text("reporting_verbs.toml"))[language]
    irregular: dict[str, list[str]] = raw.get("irregular", {})
    past_only = set(raw.get("past_only", []))
    forms: dict[str, set[str]] = {}
    for verb in raw["verbs"]:
        built = set(irregular[verb]) if verb in irregular else _inflect(verb, language, verb in past_only)
        forms.setdefault(verb, set()).update(built)
    every = {f for fs in forms.values() for f in fs}
    transitive = {f for v in raw.get("transitive", []) for f in forms.get(v, set())}
    phrases = {tuple(p.split()) for p in raw["phrases"]}
    multi = {tuple(f.split()) for f in every if " " in f} | phrases
    titles = raw["titles"]
    return Vocabulary(
        verbs=frozenset(f for f in every if " " not in f),
        transitive=frozenset(transitive),
        multiword=tuple(sorted(multi, key=len, reverse=True)),
        phrases=frozenset(phrases),
        auxiliaries=frozenset(raw["auxiliaries"]),
        fillers=frozenset(raw["fillers"]),
        stops=frozenset(raw["stops"]),
        pronouns=dict(raw["pronouns"]),
        titles=frozenset(t.lower() for t in titles),
        determiners=frozenset(raw["determiners"]),
        feminine=frozenset(raw["feminine_titles"]),
        masculine=frozenset(raw["masculine_titles"]),
    )


def _inflect(verb: str, language: str, past_only: bool) -> set[str]:
    """The forms of a regular verb that report speech: present, past, participle (+ imperfect in fr)."""
    if language == "fr":
        if verb.endswith("er"):
            stem = verb[:-2]
            # "répéter" → "répète", "marteler" → "martèle": the last é/e of the stem opens before a mute e.
            present = re.sub(r"[eé]([^aeiouyéèêâîôû]+)$", r"è\1", stem)
            soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
            return {present + "e", present + "ent", soft + "ait", soft + "aient", soft + "ant"} | {
                stem + end for end in ("é", "ée", "és", "ées", "era", "eront")
            }
        if verb.endswith("ir"):
            stem = verb[:-2]
            return {stem + end for end in ("it", "issent", "issait", "issaient", "i", "ie", "is")}
        return set()
    if verb.endswith("e"):
        past = verb + "d"
    elif re.search(r"[^aeiou]y$", verb):
        past = verb[:-1] + "ied"
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", verb):  # one-syllable CVC doubles: "snap" → "snapped"
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    if past_only:
        return {past}
    third = (
        verb + "es"
        if re.search(r"(s|sh|ch|x|z)$", verb)
        else verb[:-1] + "ies"
        if re.search(r"[^aeiou]y$", verb)
        else verb + "s"
    )
    return {verb, third, past}


# --- cues and mentions ----------------------------------------------------------------------


def cue_at(tokens: list[Token], i: int, vocab: Vocabulary) -> Cue | None:
    """The reporting cue that starts at token i, if any."""
    tok = tokens[i]
    if tok.kind != "word":
        return None
    for words in vocab.multiword:
        if words[0] == tok.low and _lows(tokens, i, len(words)) == words:
            last = i + len(words) - 1
            return Cue(i, last, words in vocab.phrases, True, None)
    if tok.low in vocab.verbs:
        return Cue(i, i, False, tok.low in vocab.transitive, _inverted_pronoun(tokens, i - 1, vocab))
    inverted = _PRONOUN_SUFFIX.match(tok.low)
    if inverted and inverted.group(1) in vocab.verbs:
        return Cue(i, i, False, False, _suffix_pronoun(tok, inverted, vocab))
    return None


def _lows(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.low for t in tokens[i : i + n] if t.kind == "word")


def _inverted_pronoun(tokens: list[Token], j: int, vocab: Vocabulary) -> Mention | None:
    """The pronoun glued to the auxiliary before a participle: "a-t-il déclaré"."""
    if j < 0 or tokens[j].kind != "word":
        return None
    inverted = _PRONOUN_SUFFIX.match(tokens[j].low)
    if inverted and inverted.group(1) in vocab.auxiliaries:
        return _suffix_pronoun(tokens[j], inverted, vocab)
    return None


def _suffix_pronoun(tok: Token, match: re.Match[str], vocab: Vocabulary) -> Mention:
    start = tok.start + match.start(2)
    word = match.group(2)
    return Mention(start, start + len(word), tok.text[match.start(2) :], "pronoun", vocab.pronouns.get(word, ""))


def source_of(tokens: list[Token], cue: Cue, lo: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The speaker of a cue: "selon X", "dit-il", "X a déclaré", else an inverted "a déclaré X"."""
    if cue.phrase:
        return right_mention(tokens, cue.last + 1, hi, vocab)
    if cue.pronoun is not None:
        return cue.pronoun
    left = left_mention(tokens, cue.first - 1, lo, vocab)
    if left is not None:
        return left
    return None if cue.transitive else right_mention(tokens, cue.last + 1, hi, vocab)


def left_mention(tokens: list[Token], j: int, lo: int, vocab: Vocabulary, relative: bool = True) -> Mention | None:
    """The subject ending at token j, going left over auxiliaries and adverbs ("X has also said")."""
    while j >= lo and tokens[j].kind == "word" and (tokens[j].low in vocab.auxiliaries or tokens[j].low in vocab.fillers):
        j -= 1
    if j < lo or tokens[j].kind != "word":
        return None
    if tokens[j].low in vocab.pronouns:
        return _mention(tokens[j : j + 1], vocab)
    if relative and tokens[j].low in ("who", "qui") and j - 1 >= lo and tokens[j - 1].text == ",":
        return left_mention(tokens, j - 2, lo, vocab, relative=False)  # "X, who said …"
    k = j
    while k >= lo and j - k < MAX_MENTION_WORDS and _in_phrase(tokens[k], vocab):
        k -= 1
    return _mention(tokens[k + 1 : j + 1], vocab)


def right_mention(tokens: list[Token], i: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The noun phrase starting at token i ("said Sen. Ted Cruz", "a déclaré le maire de Kyiv")."""
    if i >= hi or tokens[i].kind != "word":
        return None
    if tokens[i].low in vocab.pronouns:
        return _mention(tokens[i : i + 1], vocab)
    k = i
    while k < hi and k - i < MAX_MENTION_WORDS and _in_phrase(tokens[k], vocab):
        k += 1
    return _mention(tokens[i:k], vocab)


def _in_phrase(tok: Token, vocab: Vocabulary) -> bool:
    return tok.kind == "word" and tok.low not in vocab.stops and tok.low not in vocab.verbs


def _mention(words: list[Token], vocab: Vocabulary) -> Mention | None:
    # A phrase never starts with the glue that joins its parts ("of the state" is the tail of one).
    while words and (words[0].low in _NAME_GLUE - vocab.determiners or words[0].low in {"of", "for"}):
        words = words[1:]
    while words and words[-1].low in vocab.determiners:
        words = words[:-1]
    if not words or not any(w.text[0].isalpha() for w in words):
        return None
    start, end = words[0].start, words[-1].end
    text = " ".join(w.text for w in words)
    if len(words) == 1 and words[0].low in vocab.pronouns:
        return Mention(start, end, text, "pronoun", vocab.pronouns[words[0].low])
    gender = "f" if words[0].text in vocab.feminine else "m" if words[0].text in vocab.masculine else ""
    return Mention(start, end, text, _kind(words, vocab), gender)


def _kind(words: list[Token], vocab: Vocabulary) -> MentionKind:
    """A name when it starts with a capitalised word after determiners and titles, or ends with a
    capitalised run that is not the complement of a role ("le maire de Kyiv" is a role)."""
    rest = [w for w in words if w.low not in vocab.determiners and w.low not in vocab.titles]
    if rest and rest[0].text[0].isupper():
        return "name"
    run = len(words)
    while run > 0 and words[run - 1].text[0].isupper():
        run -= 1
    if run < len(words) and run > 0 and words[run - 1].low not in _NAME_GLUE:
        return "name"
    return "role"


# --- what a pronoun or a role stands for ----------------------------------------------------


def named_subjects(tokens: list[Token], vocab: Vocabulary) -> list[Mention]:
    """Every name that is the subject of a reporting cue in the text: the antecedents of pronouns."""
    found = []
    for i in range(len(tokens)):
        cue = cue_at(tokens, i, vocab)
        if cue is None or cue.pronoun is not None:
            continue
        lo = i
        while lo > 0 and tokens[lo - 1].sentence == tokens[i].sentence:
            lo -= 1
        hi = cue.last + 1
        while hi < len(tokens) and tokens[hi].sentence == tokens[i].sentence:
            hi += 1
        mention = source_of(tokens, cue, lo, hi, vocab)
        if mention is not None and mention.kind == "name":
            found.append(mention)
    return found


def resolve_pronoun(pronoun: Mention, antecedents: list[Mention]) -> str | None:
    """The nearest earlier named speaker of a compatible gender; None for plural, first person, or none."""
    if pronoun.gender not in ("m", "f"):
        return None
    for name in sorted(antecedents, key=lambda m: -m.start):
        if name.start >= pronoun.start:
            continue
        if pronoun.start - name.end > MAX_PRONOUN_DISTANCE:
            return None
        if name.gender in ("", pronoun.gender):
            return name.text
    return None


def resolve_role(role: Mention, text: str) -> str:
    """A role noun is the name the text sets in apposition to it ("le maire de Kyiv, Vitali Klitschko,")."""
    words = role.text.split()
    core = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in _NAME_GLUE | {"a", "an", "un", "une"} else role.text
    core = re.escape(core).replace(r"\ ", r"\s+").replace("'", "['’]")
    name = r"((?:[A-Z]\.\s*)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3})"
    apposition = re.compile(rf"\b(?i:{core})\s*,\s*{name}|{name}\s*,\s*(?:\w+['’]?\s*)?(?i:{core})\b")
    best: str | None = None
    for match in apposition.finditer(text):
        candidate = match.group(1) or match.group(2)
        if candidate and candidate[0].isupper() and match.start() < role.start + 1:
            best = candidate
    return best or role.text
