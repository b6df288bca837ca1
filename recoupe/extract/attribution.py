"""Who said a quote: reporting cues, the speaker mention beside them, and what a pronoun stands for."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

from recoupe.data import read_text

TokenKind = Literal["word", "punct", "quote", "break"]
MentionKind = Literal["name", "role", "pronoun"]

# A speaker mention longer than this is a clause, not a noun phrase ("the man who …").
MAX_MENTION_WORDS = 12
# A pronoun refers to a speaker named at most this many characters before it.
MAX_PRONOUN_DISTANCE = 2000
_PRONOUN_SUFFIX = re.compile(r"^(.+?)-(?:t-)?(il|elle|ils|elles|on)$")
_PARTICIPLE_OPENERS = frozenset({",", "by", "while", "after", "before", "en"})
_INFINITIVE_OPENERS = frozenset({"de", "d'", "à"})  # "a refusé de commenter « … »"
_STRESSED = frozenset({"lui", "elle", "eux", "elles", "himself", "herself"})
_INDIRECT_OBJECT = frozenset({"au", "aux", "à"})
_COORDINATORS = frozenset({"and", "but", "et", "mais", "puis"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "lui", "leur", "eux"})
_NAME_GLUE = frozenset(
    {"de", "du", "des", "d'", "of", "for", "the", "la", "le", "les", "l'", "en", "à", "au"}
)


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
class Vocabulary:
    verbs: frozenset[str]
    after_subject: frozenset[str]  # cues only right after a name or a subject pronoun
    transitive: frozenset[str]
    # "pointed out", "according to": by first word (cue_at looks at every token), longest first
    multiword: dict[str, tuple[tuple[str, ...], ...]]
    phrases: frozenset[tuple[str, ...]]  # cues whose source follows them
    clause_phrases: frozenset[str]  # the same, only opening a clause and closed by a comma ("Pour X, …")
    auxiliaries: frozenset[str]
    adverbials: tuple[tuple[str, ...], ...]  # "de son côté", "for his part": between subject and verb
    fillers: frozenset[str]
    stops: frozenset[str]
    pronouns: dict[str, str]
    titles: frozenset[str]
    determiners: frozenset[str]
    feminine: frozenset[str]
    masculine: frozenset[str]
    plural: frozenset[str]  # determiners of a plural phrase: "les salariés" is no "il"


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
    # The present of a past-only verb ("reports", "states") is a cue right after its subject.
    after_subject = {f for v in past_only if v not in irregular for f in _inflect(v, language, False)} - every
    forms.update({v: forms[v] | _inflect(v, language, False) for v in past_only if v not in irregular})
    transitive = {f for v in raw.get("transitive", []) for f in forms.get(v, set())}
    # Split as the tokenizer splits: "d'après" is "d'" + "après".
    phrases = {tuple(re.sub(r"\b([ldjmnstc]|qu)'", r"\1' ", p).split()) for p in raw["phrases"]}
    multi = {tuple(f.split()) for f in every if " " in f} | phrases
    titles = raw["titles"]
    return Vocabulary(
        verbs=frozenset(f for f in every if " " not in f),
        after_subject=frozenset(after_subject),
        transitive=frozenset(transitive),
        multiword=_by_first_word(sorted(multi, key=len, reverse=True)),
        phrases=frozenset(phrases),
        clause_phrases=frozenset(raw.get("clause_phrases", [])),
        auxiliaries=frozenset(raw["auxiliaries"]),
        adverbials=tuple(tuple(a.split()) for a in raw.get("adverbials", [])),
        fillers=frozenset(raw["fillers"]),
        stops=frozenset(raw["stops"]),
        pronouns=dict(raw["pronouns"]),
        titles=frozenset(t.lower() for t in titles),
        determiners=frozenset(raw["determiners"]),
        feminine=frozenset(raw["feminine_titles"]),
        masculine=frozenset(raw["masculine_titles"]),
        plural=frozenset(raw.get("plural_determiners", [])),
    )


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in phrases:
        grouped.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in grouped.items()}


def _inflect(verb: str, language: str, past_only: bool) -> set[str]:
    """The forms of a regular verb that report speech: present, past, participle (+ imperfect in fr)."""
    if language == "fr":
        if verb.endswith("er"):
            stem = verb[:-2]
            # "répéter" → "répète", "marteler" → "martèle": the last é/e of the stem opens before a mute e.
            present = re.sub(r"[eé]([^aeiouyéèêâîôû]+)$", r"è\1", stem)
            soft = stem + "e" if stem.endswith("g") else stem[:-1] + "ç" if stem.endswith("c") else stem
            return {present + "e", present + "ent", soft + "ait", soft + "aient", soft + "ant"} | {
                stem + end for end in ("er", "é", "ée", "és", "ées", "era", "eront")
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
    # "asking", "saying", "is promising": the -ing form reports too, and is never a noun of speech.
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    doubled = past[: -len("ed")] if past.endswith(verb[-1] * 2 + "ed") else stem
    ing = (doubled if past != verb + "d" else stem) + "ing"
    if past_only:
        return {past, ing}
    third = (
        verb + "es"
        if re.search(r"(s|sh|ch|x|z)$", verb)
        else verb[:-1] + "ies"
        if re.search(r"[^aeiou]y$", verb)
        else verb + "s"
    )
    return {verb, third, past, ing}


# --- cues and mentions ----------------------------------------------------------------------


def cue_at(tokens: list[Token], i: int, vocab: Vocabulary) -> Cue | None:
    """The reporting cue that starts at token i, if any."""
    tok = tokens[i]
    if tok.kind != "word":
        return None
    for words in vocab.multiword.get(tok.low, ()):
        if words_at(tokens, i, len(words)) == words:
            last = i + len(words) - 1
            # A phrase's source follows it ("selon X"); a verb of several words ("a fait valoir
            # le rapporteur") takes an inverted subject like a one-word verb.
            return Cue(i, last, words in vocab.phrases, words in vocab.phrases, None)
    if tok.low in vocab.clause_phrases and (i == 0 or tokens[i - 1].kind != "word"):
        end = _right_end(tokens, i + 1, len(tokens), vocab)
        if end > i + 1 and end < len(tokens) and tokens[end].text == ",":
            return Cue(i, i, True, True, None)
    if tok.low in vocab.verbs:
        # "s'est félicité le maire": the reflexive verb has no object; its subject may follow it.
        reflexive = i >= 2 and tokens[i - 1].low == "est" and tokens[i - 2].low == "s'"
        transitive = tok.low in vocab.transitive and not reflexive
        return Cue(i, i, False, transitive, _inverted_pronoun(tokens, i - 1, vocab))
    if tok.low in vocab.after_subject and i > 0 and _subject_word(tokens[i - 1], vocab):
        return Cue(i, i, False, True, None)  # "Reuters reports", "it states"
    inverted = _PRONOUN_SUFFIX.match(tok.low)
    if inverted and inverted.group(1) in vocab.verbs:
        return Cue(i, i, False, False, _suffix_pronoun(tok, inverted, vocab))
    return None


def _opens_noun_phrase(tok: Token, vocab: Vocabulary) -> bool:
    """A subject opens with a determiner, a title or a capital; "mobilise toujours 7 000
    militaires, a rappelé le ministre" is a clause before an inverted subject."""
    return not tok.text[:1].islower() or tok.low in vocab.determiners or tok.low in vocab.titles


def _opening_subject(tokens: list[Token], lo: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The subject of the clause in tokens lo..hi, for a verb that does not follow it: a subject
    that a cue or auxiliary follows, else the phrase opening the clause before a lowercase word."""
    found = clause_subject(tokens, lo, hi, vocab, loose=True)
    if found is not None:
        return found
    # For want of a tagger: the subject ends at the first auxiliary or past-tense-looking word,
    # at the clause's start or after one of its commas ("In August, several groups granted …").
    for start in [lo] + [k + 1 for k in range(lo, hi) if tokens[k].text == ","]:
        end = start
        while (
            end < hi
            and end - start < MAX_MENTION_WORDS
            and tokens[end].kind == "word"
            and not _verb_like(tokens[end], vocab)
        ):
            end += 1
        if start < end < hi and _verb_like(tokens[end], vocab):
            while end > start + 1 and tokens[end - 1].low in vocab.fillers:
                end -= 1  # "Il y dénonce"
            return _mention(tokens[start:end], vocab)
    return None


def _verb_like(tok: Token, vocab: Vocabulary) -> bool:
    """An auxiliary, a reporting verb, or for want of a tagger a word with a past or imperfect
    ending ("outlined", "savourait")."""
    return (
        tok.low in vocab.auxiliaries
        or tok.low in vocab.verbs
        or (tok.text.islower() and tok.low.endswith(("ed", "ait", "aient")) and len(tok.low) > 4)
    )


def _named_elsewhere(tokens: list[Token], k: int) -> bool:
    """A capitalised word opening a clause is a name only if the text also capitalises it
    mid-sentence ("Trump spoke" beside "said Trump"; not "Vingt ans après")."""
    word = tokens[k].text
    return any(
        t.text == word and j > 0 and tokens[j - 1].kind == "word" and tokens[j - 1].sentence == t.sentence
        for j, t in enumerate(tokens)
        if j != k
    )


def _subject_word(tok: Token, vocab: Vocabulary) -> bool:
    if tok.kind != "word" or tok.low in _OBJECT_PRONOUNS or tok.low in vocab.determiners:
        return False
    return (tok.text[:1].isupper() and tok.low not in vocab.stops) or vocab.pronouns.get(tok.low) in (
        "m",
        "f",
        "n",
        "p",
    )


def _infinitive(tok: Token) -> bool:
    return tok.low.endswith(("er", "ir", "re"))


def _present_participle(tok: Token) -> bool:
    return tok.low.endswith(("ing", "ant")) and "-" not in tok.low


def words_at(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
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
    return Mention(
        start, start + len(word), tok.text[match.start(2) :], "pronoun", vocab.pronouns.get(word, "")
    )


def source_of(
    tokens: list[Token], cue: Cue, lo: int, hi: int, vocab: Vocabulary, inverted: bool = True
) -> Mention | None:
    """The speaker of a cue: "selon X", "dit-il", "X a déclaré", else (with `inverted`) an
    inverted "a déclaré X"."""
    if cue.phrase:
        return right_mention(tokens, cue.last + 1, hi, vocab)
    if cue.pronoun is not None:
        return cue.pronoun
    if cue.first > lo and (
        (tokens[cue.first - 1].low in _PARTICIPLE_OPENERS and _present_participle(tokens[cue.first]))
        or (tokens[cue.first - 1].low in _INFINITIVE_OPENERS and _infinitive(tokens[cue.first]))
    ):
        # "Clinton spoke in Tulsa, Oklahoma, arguing that …", "began by saying": the clause's
        # subject speaks, not the phrase before the comma.
        return _opening_subject(tokens, lo, cue.first - 1, vocab)
    left = left_mention(tokens, cue.first - 1, lo, vocab)
    if left is not None:
        return left
    j = _before_verb(tokens, cue.first - 1, lo, vocab)
    if j > lo and tokens[j].low in _COORDINATORS:
        # "The nominee outlined his plan and vowed to punish …": the clause's subject again.
        return _opening_subject(tokens, lo, j, vocab)
    if cue.transitive or not inverted:
        return None
    k = cue.last + 1
    while k < hi and tokens[k].low in vocab.fillers and tokens[k].low not in vocab.determiners:
        k += 1  # "a alerté mercredi le président …" (but "l'" there is an article, not a pronoun)
    if k < hi and tokens[k].low in _INDIRECT_OBJECT:
        # "a raconté au Parisien le jeune homme": the subject follows the indirect object.
        after = next((m for m in range(k + 2, min(hi, k + 6)) if tokens[m].low in vocab.determiners), None)
        if after is None:
            return None
        k = after
    return right_mention(tokens, k, hi, vocab)


def _before_verb(tokens: list[Token], j: int, lo: int, vocab: Vocabulary) -> int:
    """The token before what sits between a subject and its verb, going left from token j:
    auxiliaries, adverbs, adverbials ("de son côté") and a stressed pronoun between commas
    ("Le ministre a, lui, évoqué")."""
    while j >= lo:
        if j - 2 >= lo and tokens[j].text == "," == tokens[j - 2].text and tokens[j - 1].low in _STRESSED:
            j -= 3
            continue
        if tokens[j].kind != "word":
            break
        if tokens[j].low in vocab.auxiliaries or tokens[j].low in vocab.fillers or _adverb(tokens[j], vocab):
            j -= 1
            continue
        adverbial = next((a for a in vocab.adverbials if words_at(tokens, j - len(a) + 1, len(a)) == a), None)
        if adverbial is None or j - len(adverbial) + 1 < lo:
            break
        j -= len(adverbial)
    return j


def left_mention(
    tokens: list[Token], j: int, lo: int, vocab: Vocabulary, relative: bool = True
) -> Mention | None:
    """The subject ending at token j, going left over auxiliaries and adverbs ("X has also said",
    "Il a de son côté évoqué")."""
    j = _before_verb(tokens, j, lo, vocab)
    if j < lo:
        return None
    if tokens[j].text == ",":
        return _appositive_subject(tokens, j, lo, vocab)
    if tokens[j].kind != "word" and tokens[j].text != ")":
        return None
    if tokens[j].low in vocab.pronouns:
        return _mention(tokens[j : j + 1], vocab)
    if relative and tokens[j].low in ("who", "qui") and j - 1 >= lo and tokens[j - 1].text == ",":
        return left_mention(tokens, j - 2, lo, vocab, relative=False)  # "X, who said …"
    k, words = j, 0
    while k >= lo and words < MAX_MENTION_WORDS:
        if tokens[k].text == ")":
            opening = next((m for m in range(k - 1, max(lo, k - 8) - 1, -1) if tokens[m].text == "("), None)
            if opening is None:
                break
            k = opening - 1  # "Rep. Jason Chaffetz (R-Utah) said": the party tag is part of the name
            continue
        if not _in_phrase(tokens[k], vocab) and not _noun_after_article(tokens, k, lo, vocab):
            break
        k, words = k - 1, words + 1
    return _mention(tokens[k + 1 : j + 1], vocab)


def _appositive_subject(tokens: list[Token], comma: int, lo: int, vocab: Vocabulary) -> Mention | None:
    """'Scott Pruitt, the attorney general of Oklahoma, said': the phrase before the apposition,
    taken at the start of the clause or after one of its commas."""
    start = comma
    while start > lo and comma - start < 40 and tokens[start - 1].kind not in ("quote", "break"):
        if tokens[start - 1].text in ":;":
            break
        start -= 1
    phrases = []
    for k in [start - 1] + [k for k in range(start, comma) if tokens[k].text == ","]:
        end = _right_end(tokens, k + 1, comma, vocab)
        opens = k + 1 < len(tokens) and _opens_noun_phrase(tokens[k + 1], vocab)
        if end > k + 1 and end < len(tokens) and tokens[end].text == "," and opens:
            phrases.append(_mention(tokens[k + 1 : end], vocab))
    # The name rather than the role beside it ("La ministre de la Santé, Claire Besson, a dit").
    # A bare name beats a role that ends in one ("Le directeur de la compagnie Air Cévennes, Marc Oudin").
    named = [m for m in phrases if m is not None and m.kind == "name"]
    bare = [m for m in named if m.text.split()[0].lower() not in vocab.determiners]
    chosen = (bare or named)[0] if named else next((m for m in phrases if m is not None), None)
    # The role beside a name tells its gender ("Leur représentante, Amandine Roux").
    gendered = next((m.gender for m in phrases if m is not None and m is not chosen and m.gender), "")
    return replace(chosen, gender=gendered) if chosen is not None and not chosen.gender else chosen


def right_mention(tokens: list[Token], i: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The noun phrase starting at token i ("said Sen. Ted Cruz", "a déclaré le maire de Kyiv")."""
    if i >= hi or tokens[i].kind != "word":
        return None
    if tokens[i].low in vocab.pronouns:
        return _mention(tokens[i : i + 1], vocab)
    return _mention(tokens[i : _right_end(tokens, i, hi, vocab)], vocab)


def _right_end(tokens: list[Token], i: int, hi: int, vocab: Vocabulary) -> int:
    k, words = i, 0
    while k < hi and words < MAX_MENTION_WORDS:
        if tokens[k].text == "(" and k > i:
            closing = next((m for m in range(k + 1, min(hi, k + 8)) if tokens[m].text == ")"), None)
            if closing is None:
                break
            k = closing + 1
            continue
        if not _in_phrase(tokens[k], vocab) and not _noun_after_article(tokens, k, i, vocab):
            break
        k, words = k + 1, words + 1
    return k


def _noun_after_article(tokens: list[Token], k: int, lo: int, vocab: Vocabulary) -> bool:
    # "le juge", "la note", "the report": a verb form after an article is a noun.
    return k > lo and tokens[k].low in vocab.verbs and tokens[k - 1].low in vocab.determiners


def _in_phrase(tok: Token, vocab: Vocabulary) -> bool:
    return (
        tok.kind == "word"
        and tok.low not in vocab.stops
        and tok.low not in vocab.verbs
        and tok.low not in vocab.auxiliaries
        and not _adverb(tok, vocab)
        and not _PRONOUN_SUFFIX.match(tok.low)  # "a-t-il", "dit-elle"
    )


def _participle_opening(tok: Token) -> bool:
    """A capitalised past participle alone is a clause opening ("Battue, elle …"), not a name."""
    return bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:é|ée|és|ées|u|ue|ues)", tok.text))


def _adverb(tok: Token, vocab: Vocabulary) -> bool:
    # English adverbs and participles end a subject ("egregiously", "talking"); French -ment
    # words are too often nouns ("le gouvernement") to be told apart without a tagger.
    return "the" in vocab.determiners and tok.text.islower() and tok.text.endswith(("ly", "ing"))


def _mention(words: list[Token], vocab: Vocabulary) -> Mention | None:
    # A phrase never starts with the glue that joins its parts ("of the state" is the tail of one).
    while words and (
        words[0].kind != "word"
        or words[0].low in _NAME_GLUE - vocab.determiners
        or words[0].low in {"of", "for"}
    ):
        words = words[1:]
    while words and (
        words[-1].low in vocab.determiners or (words[-1].kind == "punct" and words[-1].text != ")")
    ):
        words = words[:-1]
    if not words or not any(w.text[0].isalpha() for w in words):
        return None
    lone = words[0] if len(words) == 1 and words[0].low not in vocab.pronouns else None
    if lone is not None and (lone.text[0].islower() or _participle_opening(lone)):
        return None  # "plaidé pour « … »"; "Battue au deuxième tour, la Française …"
    start, end = words[0].start, words[-1].end
    text = ""
    for w in words:
        text += ("" if not text or w.text == ")" or text.endswith(("(", "'")) else " ") + w.text
    if len(words) == 1 and words[0].low in vocab.pronouns:
        return Mention(start, end, text, "pronoun", vocab.pronouns[words[0].low])
    head = {words[0].text, words[0].low}
    gender = (
        "f"
        if head & vocab.feminine
        else "m"
        if head & vocab.masculine
        else "p"
        if head & vocab.plural
        else ""
    )
    return Mention(start, end, text, _kind(words, vocab), gender)


def _kind(words: list[Token], vocab: Vocabulary) -> MentionKind:
    """A name when it starts with a capitalised word after determiners and titles, or ends with a
    capitalised run that is not the complement of a role ("le maire de Kyiv" is a role)."""
    words = [w for w in words if w.kind == "word"]
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


def clause_subject(
    tokens: list[Token], lo: int, hi: int, vocab: Vocabulary, loose: bool = False
) -> Mention | None:
    """The subject of a clause: the first phrase, at its start or after one of its commas, that an
    auxiliary or a verb follows ("Interrogée sur la réforme, Sophie Lambert a été claire"); `loose`
    also takes a name before any lowercase word, a verb for want of a tagger ("Maria Lopez spoke")."""
    for k in [lo - 1] + [k for k in range(lo, hi) if tokens[k].text == ","]:
        end = _right_end(tokens, k + 1, hi, vocab)
        after = end
        while after < hi and tokens[after].low in vocab.fillers:
            after += 1
        verb = after < hi and (tokens[after].low in vocab.auxiliaries or tokens[after].low in vocab.verbs)
        if loose and not verb:
            found = _loose_subject(tokens, k + 1, end, hi, vocab)
            if found is not None:
                return found
        if verb:
            if end > k + 1:
                return _mention(tokens[k + 1 : end], vocab)
            if k >= lo:
                return _appositive_subject(tokens, k, lo, vocab)  # "L'entraîneur, Luc Navarro, a été"
    return None


def _loose_subject(tokens: list[Token], first: int, end: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """A name opening a clause whose verb is not a known one: a capitalised run before a lowercase
    word ("Maria Lopez spoke"), before an apposition ("Dana Price, a doctor, began"), or a phrase
    holding a name before a verb-like word ("l'attaquant Mamadou Sy savourait")."""
    run = first
    while run < end and tokens[run].text[0].isupper():
        run += 1
    if run > first and run < hi and tokens[first].low not in vocab.stops:  # not "In August, …"
        # "The Republican nominee": after a determiner the lowercase word goes on with the phrase.
        lowercase = (
            tokens[run].kind == "word"
            and tokens[run].text.islower()
            and tokens[first].low not in vocab.determiners
        )
        apposition = (
            run - first > 1
            and tokens[run].text == ","
            and run + 1 < hi
            and tokens[run + 1].low in vocab.determiners
        )
        found = _mention(tokens[first:run], vocab) if lowercase or apposition else None
        # A lone capitalised word opening a clause is a name only if the text names it elsewhere.
        if (
            found is not None
            and found.kind == "name"
            and (run - first > 1 or _named_elsewhere(tokens, first))
        ):
            return found
    stop = first
    while stop < hi and stop - first < MAX_MENTION_WORDS and tokens[stop].kind == "word":
        if _verb_like(tokens[stop], vocab):
            break
        stop += 1
    if first < stop < hi and _verb_like(tokens[stop], vocab):
        found = _mention(tokens[first:stop], vocab)
        if (
            found is not None
            and found.kind == "name"
            and any(t.text[:1].isupper() for t in tokens[first + 1 : stop])
        ):
            return found
    return None


def antecedents(tokens: list[Token], text: str, vocab: Vocabulary) -> list[Mention]:
    """What a pronoun may stand for: the subjects of reporting cues and of sentences, named or
    described, each carrying the name it goes by (a role resolved by apposition)."""
    found: list[Mention] = []
    lo = 0
    for i in range(len(tokens) + 1):
        if i == len(tokens) or tokens[i].sentence != tokens[lo].sentence or tokens[i].kind == "break":
            subject = clause_subject(tokens, lo, i, vocab, loose=True)
            if subject is not None and subject.kind != "pronoun":
                found.append(subject)
            lo = i + 1 if i < len(tokens) and tokens[i].kind == "break" else i
        if i == len(tokens):
            break
        cue = cue_at(tokens, i, vocab)
        if cue is None or cue.pronoun is not None:
            continue
        start, end = i, cue.last + 1
        while start > 0 and tokens[start - 1].sentence == tokens[i].sentence:
            start -= 1
        while end < len(tokens) and tokens[end].sentence == tokens[i].sentence:
            end += 1
        mention = source_of(tokens, cue, start, end, vocab)
        if mention is not None and mention.kind != "pronoun":
            found.append(mention)
    named: list[Mention] = []
    for mention in sorted(found, key=lambda m: m.start):
        shown = display_name(mention, text)
        if mention.kind == "role" and shown == text[mention.start : mention.end]:
            # "L'institution juge …" after "La Banque de France a revu …": the role stands for it.
            shown = resolve_definite_role(mention, text, named) or shown
        named.append(replace(mention, text=shown))
    return named


def display_name(mention: Mention, text: str) -> str:
    """A name as written, a role as the name set in apposition to it, else as written."""
    written = text[mention.start : mention.end]
    return (resolve_role(mention, text) or written) if mention.kind == "role" else written


def resolve_pronoun(
    pronoun: Mention, candidates: list[Mention], others: list[Mention] | None = None
) -> str | None:
    """The nearest earlier subject of a compatible gender, else the nearest earlier person named
    anywhere (`others`: "Le réalisateur X présentera son film. « … », a-t-il confié"); None for
    plural, first person, or none."""
    if pronoun.gender not in ("m", "f"):
        return None
    for pool in (candidates, others or []):
        found = next(
            (m.text for m in _earlier(pool, pronoun.start) if m.gender in ("", pronoun.gender)), None
        )
        if found is not None:
            return found
    return None


def _earlier(mentions: list[Mention], position: int) -> list[Mention]:
    """The named or described mentions before `position` and near enough to it, nearest first."""
    return sorted(
        (
            m
            for m in mentions
            if m.end <= position and position - m.end <= MAX_PRONOUN_DISTANCE and m.kind != "pronoun"
        ),
        key=lambda m: -m.start,
    )


def with_gender(mentions: list[Mention], name: str, gender: str) -> list[Mention]:
    """The mentions, those of `name` with no gender yet given `gender`."""
    return [replace(m, gender=gender) if m.text == name and not m.gender else m for m in mentions]


def named_people(tokens: list[Token], vocab: Vocabulary) -> list[Mention]:
    """Every run of at least two capitalised words that does not open a sentence ("Samuel
    Oyono"), gendered by the role phrase just before it ("le réalisateur", "une voisine")."""
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        end = i
        while end < len(tokens) and tokens[end].kind == "word" and tokens[end].text[:1].isupper():
            end += 1
        opening = i == 0 or tokens[i - 1].sentence != tokens[i].sentence or tokens[i - 1].kind == "break"
        start = i
        if opening and end - i >= 3 and tokens[i].low in vocab.determiners:
            start, opening = i + 1, False  # "Le Serbe Dušan Kovaritch s'est qualifié"
        words = [t for t in tokens[start:end] if t.low not in vocab.titles]
        if end - i >= 2 and not opening and len(words) >= 2 and not any(w.low in vocab.stops for w in words):
            k = i
            while k > 0 and i - k < 4 and tokens[k - 1].kind == "word" and tokens[k - 1].text.islower():
                k -= 1
                if tokens[k].low in vocab.determiners:
                    break
            head = {tokens[k].text, tokens[k].low} if k < start else {tokens[i].text, tokens[i].low}
            gender = "f" if head & vocab.feminine else "m" if head & vocab.masculine else ""
            found.append(
                Mention(words[0].start, words[-1].end, " ".join(w.text for w in words), "name", gender)
            )
        i = max(end, i + 1)
    return found


def resolve_role(role: Mention, text: str) -> str | None:
    """The name the text sets in apposition to a role noun ("le maire de Kyiv, Vitali Klitschko,")."""
    words = text[role.start : role.end].split()
    core = (
        " ".join(words[1:])
        if len(words) > 1 and words[0].lower() in _NAME_GLUE | {"a", "an", "un", "une"}
        else " ".join(words)
    )
    return apposed_name(core, text, role.end)


def apposed_name(role: str, text: str, before: int) -> str | None:
    """The last name set in apposition to the role wording that starts before `before`."""
    best: str | None = None
    for start, candidate in _appositions(role, text):
        if start <= before:
            best = candidate
    return best


@lru_cache(maxsize=1024)
def _appositions(role: str, text: str) -> tuple[tuple[int, str], ...]:
    """Every name set in apposition to the role wording, with where its match starts: an article
    asks for one role at each of its mentions (~1 ms a search over a long article)."""
    if not may_hold_apposition(role, text):
        return ()
    found = []
    for match in _apposition(role).finditer(text):
        candidate = match.group(1) or match.group(2)
        if candidate and candidate[0].isupper():
            found.append((match.start(), candidate))
    return tuple(found)


def may_hold_apposition(role: str, text: str) -> bool:
    """Whether some occurrence of the role has what `apposed_name` needs beside it: a comma
    then a capital (or "le/la/l'") after it, or a comma, maybe with an article, just before it.
    False only when `apposed_name` finds nothing; most roles have neither, and checking costs far
    less than compiling their pattern (~2 ms)."""
    for found in _occurrences(role).finditer(text):
        end = found.end(1)
        cut = _APPOSITION_STOP.search(text, end)
        if (
            cut is not None
            and cut.group() == ","
            and len(text[end : cut.start()].rstrip()) <= 60
            and _APPOSED_NAME_START.match(text, cut.end())
        ):
            return True
        before = text[: found.start()].rstrip()
        if before.endswith(","):
            return True
        # Matched as the pattern matches it: ignoring case, "ſon" and "hıs" are "son" and "his".
        if any(
            len(before) >= n
            and word.fullmatch(before, len(before) - n)
            and before[:-n].rstrip().endswith(",")
            for n, word in _SET_OFF
        ):
            return True
    return False


_APPOSITION_STOP = re.compile(r"[,.;:«»\"“”]")
_APPOSED_NAME_START = re.compile(r"\s*(?:[A-ZÀ-Ý]|l[ea]|l['’])")
# What may set a name off before its role ("X, le maire de Y"), in `_apposition` and its screen.
_SET_OFF_WORDS = (
    "le",
    "la",
    "l'",
    "l’",
    "un",
    "une",
    "the",
    "a",
    "an",
    "son",
    "sa",
    "his",
    "her",
    "its",
    "leur",
)
_SET_OFF = tuple((len(word), re.compile(f"(?i:{word})")) for word in _SET_OFF_WORDS)


@lru_cache(maxsize=4096)
def _occurrences(role: str) -> re.Pattern[str]:
    """Every place the role is written as `_apposition` reads it (any case, any spacing, either
    apostrophe), as group 1 of an empty match: overlapping ones too, as `finditer` may try."""
    return re.compile(rf"(?=((?i:{_flexible(role)})))")


def _flexible(role: str) -> str:
    return re.escape(role.replace("’", "'")).replace(r"\ ", r"\s+").replace("'", "['’]")


@lru_cache(maxsize=4096)
def _apposition(role: str) -> re.Pattern[str]:
    """The pattern of a name set in apposition to this role noun, either side of it: compiled
    once per role wording ("le maire de Kyiv" recurs across a feed), not at each mention."""
    core = _flexible(role)
    # "…, le docteur Vincent Lemaire": a title may come between the comma and the name.
    titled = r"(?:(?:le|la|l['’])\s*[a-zéèû-]+\s+)?"
    # Initials carry a point ("J. R. Martin"); a word ending a sentence does not ("Arnoux. La").
    name = titled + r"((?:[A-Z]\.\s*)?[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-Ý][\w'’-]+)){0,3})"
    # A name before the role is set off by an article or a possessive ("X, le maire de Y"):
    # "Auparavant, des responsables …" is an adverb before a plural subject, not an apposition.
    set_off = rf"(?:(?i:{'|'.join(_SET_OFF_WORDS)})\s*)?"
    # The mention may stop short of the role's full complement ("le directeur général de l'agence
    # régionale [de santé d'Occitanie], Bruno Caillat,"): a few more words may come before the comma.
    tail = r"[^,.;:«»\"“”]{0,60}?"
    return re.compile(rf"(?i:{core}){tail}\s*,\s*{name}|{name}\s*,\s*{set_off}(?i:{core})\b")


_DEFINITE = frozenset({"le", "la", "l'", "the"})


def resolve_definite_role(
    role: Mention, text: str, candidates: list[Mention], people: list[Mention] | None = None
) -> str | None:
    """A definite role noun with no name beside it stands for someone already named: "a souligné
    le magistrat" after "Le procureur …, Antoine Ferrand", "le dirigeant russe" after "le
    président russe Vladimir Poutine". The subject or person named (`people`) whose introduction
    holds a word of the role wins, else the nearest subject of a compatible
    gender, else the nearest such person."""
    words = text[role.start : role.end].replace("’", "'").split()
    if not words:
        return None
    first = words[0].lower()
    if first.startswith("l'") and len(first) > 2:
        words = [first[2:], *words[1:]]
    elif first in _DEFINITE and len(words) > 1:
        words = words[1:]
    else:
        return None
    everyone = candidates + (people or [])
    # Its lowercase words ("dirigeant", "russe"): a name in it ("la direction de Navalis") would
    # find the candidate that bears that name, not the one the role stands for.
    holders = {
        word: _introduced_as(word, text, role.start, everyone)
        for word in words
        if len(word) > 3 and word.isalpha() and word.islower()
    }
    # A word only one person was introduced with tells more than one several share, and the
    # last such word most ("le ministre turc": turc, then ministre); else the nearest person
    # introduced with the role's first word that any has.
    unique = next((names[0] for names in reversed(holders.values()) if len(names) == 1), None)
    shared = next((names[0] for names in holders.values() if names), None)
    if unique or shared:
        return unique or shared
    for pool in (candidates, people or []):
        earlier = _earlier(pool, role.start)
        found = next((c.text for c in earlier if c.gender in ("", role.gender) or not role.gender), None)
        if found is not None:
            return found
    return None


def resolve_demonym(mention: Mention, text: str, candidates: list[Mention]) -> str | None:
    """ "le Serbe", "l'Américaine": the person introduced with that word ("le joueur serbe Nikola
    Petrović", "Le Serbe Dušan Kovaritch"); None when no one earlier is."""
    written = text[mention.start : mention.end].replace("’", "'")
    words = written.split()
    if len(words) == 2 and words[0].lower() in _DEFINITE:
        word = words[1]
    elif len(words) == 1 and words[0].lower().startswith("l'"):
        word = words[0][2:]
    else:
        return None
    if not word[:1].isupper():
        return None
    return next(iter(_introduced_as(word.lower(), text, mention.start, candidates)), None)


def _introduced_as(word: str, text: str, before: int, candidates: list[Mention]) -> list[str]:
    """The earlier candidates, nearest first, whose own introduction holds `word`: the words just
    before each, back to a sentence break or to the mention before it (80 characters at most), so
    that "battant l'Argentin X" after "Le Serbe Y" does not make X the Serbian."""
    found: list[str] = []
    ends = sorted({c.end for c in candidates})
    for candidate in _earlier(candidates, before):
        start = max([candidate.start - 80, 0] + [e for e in ends if e <= candidate.start])
        introduction = text[start : candidate.end].replace("’", "'")
        cut = max(introduction.rfind(mark, 0, candidate.start - start) for mark in (".", ";", "!", "?"))
        if cut >= 0:
            introduction = introduction[cut + 1 :]
        if re.search(rf"\b{re.escape(word)}\b", introduction, re.IGNORECASE) and candidate.text not in found:
            found.append(candidate.text)
    return found
