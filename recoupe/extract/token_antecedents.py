"""What a pronoun or a role noun stands for, on the token rules: the subjects and people an article
names before it, a name set in apposition to a role, the person introduced with a role's words."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from recoupe.extract.coreference import NAME_WORD
from recoupe.extract.cue_vocabulary import Vocabulary
from recoupe.extract.token_cues import Mention, Token, cue_at
from recoupe.extract.token_mentions import NAME_GLUE, clause_subject, source_of

# A pronoun refers to a speaker named at most this many characters before it.
MAX_PRONOUN_DISTANCE = 2000


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
        if len(words) > 1 and words[0].lower() in NAME_GLUE | {"a", "an", "un", "une"}
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
    name = titled + rf"((?:[A-Z]\.\s*)?{NAME_WORD}(?:\s+(?:[A-Z]\.|{NAME_WORD})){{0,3}})"
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
