"""What a figure's clause says of it: the words before it and the bound they hold ("au moins 3"),
the thing it counts, the action done to it, where (its scope), and whether it is a part of the
figure before it ("dont 54 abattus", "the other 14")."""

from __future__ import annotations

import re
from itertools import islice

from recoupe.extract import numbers as nb
from recoupe.extract.figure_vocabulary import FigureVocabulary, action_concept, fold_word
from recoupe.model import Figure

# How far (in words) from a figure its action may be, inside the figure's clause.
MAX_ACTION_DISTANCE = 8
# An English counted thing may follow this many modifiers ("69 Russian cruise missiles").
MAX_THING_WORDS = 4
_TOKEN = re.compile(r"(?i:[dl]['’])(?=\w)|[^\W_][\w]*(?:[-'’/][\w]+)*|[^\w\s]")
# A clause of place or time after a comma has its own subject and verb ("42 killed in the school,
# where more than 300 Palestinians had taken shelter": the 300 were not killed).
_CLAUSE_END = re.compile(
    r"[;:.!?]|\s[–—]\s|,\s+(?:dont|including|of which|whose|where|when|while|whereas|où|alors que"
    r"|tandis que|lorsque|quand)\b|\s(?:et|and|but|mais)\s"
)
_NOUNLIKE = re.compile(r"[^\W\d_][\w-]*")
_OF_WHICH = re.compile(r"\S+\s+of\s+(?:which|them|whom)\b")
# Determiners between "de"/"of" and a measured noun ("45 % de la population", "la moitié de son cabinet").
_DETERMINERS_OF = frozenset(
    {
        "the",
        "les",
        "ces",
        "these",
        "la",
        "le",
        "l'",
        "l’",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "its",
        "their",
    }
)
# What joins the bounds of a range or two alternatives ("de 7 à 25", "3 ou 4 %").
RANGE_JOINER = re.compile(r"\s*(?:à|a|ou|et|-|–|to|or|and|des|of the)\s*", re.IGNORECASE)
# "le nombre de guichets … à 14"
_NUMBER_OF = re.compile(r"\bnombre\s+d(?:e\s+|['’])([^\W\d_]+)", re.IGNORECASE)
_TO_NUMBER = re.compile(r"\bà\s*$")


def clause_span(text: str, lo: int, hi: int, position: int) -> tuple[int, int]:
    """The clause around `position`: from the end of the clause before to the start of the next."""
    clause_lo = lo
    for match in _CLAUSE_END.finditer(text, lo, position):
        clause_lo = match.end()
    following = _CLAUSE_END.search(text, position, hi)
    return clause_lo, following.start() if following else hi


def words_before(text: str, lo: int, start: int, vocab: FigureVocabulary) -> str:
    """The few words before a figure, lower-cased, a bound ("plus de", "au moins") taken off."""
    before = plain_before(text, lo, start)
    bound = bound_before(before, vocab)
    return before[: -len(bound)].rstrip() if bound else before


def plain_before(text: str, lo: int, start: int) -> str:
    """The 40 characters before a figure, lower-cased, with straight apostrophes and single spaces."""
    return " ".join(text[max(lo, start - 40) : start].lower().replace("’", "'").split())


def bound_before(before: str, vocab: FigureVocabulary) -> str | None:
    """The bound that `before` (lower-cased words before a figure) ends with, if any."""
    return next((b for b in vocab.bounds if before.endswith(" " + b) or before == b), None)


def bound_kind(text: str, lo: int, start: int, vocab: FigureVocabulary) -> str | None:
    """ "lower" for "au moins 3", "more than 600"; "upper" for "jusqu'à 40", "up to 40"; else None
    (the number as written, exact or near it)."""
    bound = bound_before(plain_before(text, lo, start), vocab)
    kind = vocab.bound_kinds.get(bound or "")
    return kind if kind in ("lower", "upper") else None


def ends_with(before: str, words: tuple[str, ...]) -> bool:
    """Whether `before` ends with one of `words`, from the start of a word."""
    return any(
        before.endswith(w) and (len(before) == len(w) or before[-len(w) - 1] in " '\"«“(") for w in words
    )


def next_words(text: str, cursor: int, hi: int) -> list[tuple[int, int, str]]:
    """The first tokens after a figure, (start, end, text), as many as its counted noun may be among."""
    # The first few words only: stop reading the sentence there.
    tokens = islice(_TOKEN.finditer(text, cursor, hi), MAX_THING_WORDS + 3)
    return [(m.start(), m.end(), m.group()) for m in tokens]


def counted_thing(
    words: list[tuple[int, int, str]], language: str, vocab: FigureVocabulary, measured: bool
) -> tuple[int | None, str | None]:
    """The counted noun: French puts it first ("16 drones kamikazes"), English last ("69 cruise missiles")."""
    i = 0
    if words and words[0][2].lower() in vocab.of:
        # "13,8 milliards de mètres cubes de gaz", "45% of voters", "16 des 20 drones", "60 of the missiles"
        i = 1
        while i < len(words) and (words[i][2].lower() in _DETERMINERS_OF or words[i][2][0].isdigit()):
            i += 1
        if not measured and i == 1 and language == "fr" and words[0][2].lower() != "des":
            return None, None
        if language == "fr" and measured and i < len(words) and _owner(words[i - 1][2], words[i][2]):
            return None, None  # "695 millions d'euros de l'Ecureuil": whose, not what
    if language == "fr":
        while i < len(words) and words[i][2].lower() in vocab.adjectives:
            i += 1
        if i < len(words) and _nounlike(words[i][2], vocab):
            return i, words[i][2]
        return None, None
    last: int | None = None
    while i < len(words) and _nounlike(words[i][2], vocab):
        low = words[i][2].lower()
        if last is not None and (low.endswith(("ed", "ly", "ing")) or low in vocab.actions):
            # "2,000 migrants crossed", "three robbers forcibly …", "5,000 workers receiving …":
            # the verb or the adverb after the noun
            break
        last = i
        i += 1
        if last >= MAX_THING_WORDS:
            break
    return (last, words[last][2]) if last is not None else (None, None)


def _owner(determiner: str, word: str) -> bool:
    return determiner.lower() in _SINGULAR_DEFINITE and word[:1].isupper()


_SINGULAR_DEFINITE = frozenset({"le", "la", "l'", "l’"})


def measured_noun(text: str, lo: int, start: int, vocab: FigureVocabulary) -> str | None:
    """ "une perte de 751 millions d'euros", "un déficit de 3 %": the noun an amount measures,
    right before its "de", after a determiner ("à hauteur de", "plus de" measure nothing)."""
    match = _NOUN_OF.search(text, max(lo, start - 60), start)
    if match is None:
        return None
    noun = match.group(1)
    low = noun.lower()
    if low in vocab.stops or low in vocab.scales or noun[:1].isupper():
        return None
    if any(low.rstrip("s") == adjective.rstrip("s") for adjective in vocab.adjectives):
        return None  # "il devance ce dernier de 22 secondes": "the latter", no noun
    return noun


# A determiner, a noun, "de" right before a number: "une perte de ", "la hausse d'".
_NOUN_OF = re.compile(
    r"(?<![\w'’])(?:(?:une?|la|le|sa|son|leur|cette|ce|cet)\s+|l['’])([^\W\d_]+)\s+d(?:e\s+|['’])\Z",
    re.IGNORECASE,
)


def _nounlike(word: str, vocab: FigureVocabulary) -> bool:
    return (
        bool(nb.WORD.fullmatch(word) or _NOUNLIKE.fullmatch(word))
        and word.lower() not in vocab.stops
        and word.lower() not in vocab.scales
    )


def is_part(text: str, lo: int, start: int, vocab: FigureVocabulary) -> bool:
    """The figure is a part of the one before ("69 missiles, dont 54 abattus"; "two of which")."""
    before = text[max(lo, start - 40) : start].lower().split()
    after = text[start : start + 40].lower()
    return bool(before and (before[-1] in vocab.part_of or before[-1] in ("et", "and"))) or bool(
        _OF_WHICH.match(after)
    )


def breakdown(text: str, lo: int, start: int, vocab: FigureVocabulary, earlier: list[Figure]) -> bool:
    """A part of the whole before it: "dont 54 abattus", "two of which", and the parts coordinated
    after one ("dont deux abattus à l'approche et cinq au-dessus de la ville")."""
    before = text[max(lo, start - 40) : start].lower().split()
    if (before and before[-1] in vocab.part_of) or _OF_WHICH.match(text[start : start + 40].lower()):
        return True
    return bool(before and before[-1] in ("et", "and") and earlier and earlier[-1].part_of)


def stands_for_noun(text: str, lo: int, start: int, end: int, vocab: FigureVocabulary) -> bool:
    """ "les 11 autres", "the other 14": the figure counts more of the thing named before."""
    before = text[max(lo, start - 12) : start].lower().split()
    after = text[end : end + 12].lower().split()
    return bool((before and before[-1] in vocab.others) or (after and after[0].strip(",.;") in vocab.others))


def counted_before(text: str, lo: int, start: int, vocab: FigureVocabulary) -> str | None:
    """ "ramener le nombre de guichets à 14", "porte le nombre de morts à 12": a bare number
    after "à" counts the noun of "le nombre de" earlier in its clause."""
    clause_lo, _ = clause_span(text, lo, start, start)
    before = text[clause_lo:start]
    if not _TO_NUMBER.search(before):
        return None
    nouns = [m.group(1) for m in _NUMBER_OF.finditer(before)]
    return nouns[-1] if nouns else None


def echoes(text: str, figure: Figure, start: int, vocab: FigureVocabulary) -> bool:
    """The number gives another value of the figure just before: "27 heures (contre 28 …)",
    "de 28 à 30,5"."""
    gap = text[figure.end : start]
    if len(gap) > 40:
        return False
    return bool(RANGE_JOINER.fullmatch(gap)) or words_before(text, figure.end, start, vocab).endswith(
        ("contre", "against", "versus", "vs", "au lieu de", "instead of")
    )


def nearest_action(
    text: str, lo: int, hi: int, start: int, thing_end: int, vocab: FigureVocabulary
) -> str | None:
    """The action word of the clause nearest the figure: "69 missiles avaient été lancés"."""
    best: tuple[int, str] | None = None
    for match in vocab.action_words.finditer(text[lo:hi]):
        a, b = lo + match.start(), lo + match.end()
        if start <= a < thing_end:
            continue
        word = " ".join(match.group().split())
        if word.lower() not in vocab.actions:
            word = word.split()[0]
            if word.lower() not in vocab.actions:
                continue
        distance = len(text[b:start].split()) if b <= start else len(text[thing_end:a].split())
        if distance <= MAX_ACTION_DISTANCE and (best is None or distance < best[0]):
            best = (distance, word)
    return best[1] if best else None


def act_fits(action: str | None, unit: str | None, thing: str | None, vocab: FigureVocabulary) -> bool:
    """Whether the act can befall the figure's quantity: an act of money ("spend") needs an amount
    in a currency, or a bare scaled amount ("a débloqué 3 milliards"), not "19 seasons"."""
    units = vocab.action_units.get(action_concept(action) or "")
    return units is None or unit in units or (unit is None and thing is None)


def clause_scope(text: str, lo: int, hi: int, vocab: FigureVocabulary) -> str | None:
    """Where the clause places the figure: a place noun of the data ("la capitale" -> capital), else
    a name after a locative ("au-dessus de Kiev" -> kiev); a running total ("since the assault
    began", "depuis le début") is a scope of its own; None when the clause does not say."""
    if vocab.running_total.search(text, lo, hi):
        return "running total"
    words = [(m.group(), m.start()) for m in nb.WORD.finditer(text, lo, hi)]
    concept = next((vocab.scopes[w.lower()] for w, _ in words if w.lower() in vocab.scopes), None)
    if concept is not None:
        return concept
    for k, (word, where) in enumerate(words):
        if k and word[:1].isupper():
            before = " ".join(text[max(lo, where - 24) : where].lower().replace("’", "'").split())
            determiner = next((d for d in vocab.place_determiners if ends_with(before, (d,))), None)
            if determiner is not None:  # "in the Bureij refugee camp", "dans le Donbass"
                before = before[: -len(determiner)].rstrip()
            if ends_with(before, vocab.locatives) or ends_with(before.removesuffix("'"), vocab.locatives):
                return fold_word(word)
    return None


def coordinated_with(
    text: str, lo: int, hi: int, clause_lo: int, start: int, earlier: list[Figure], vocab: FigureVocabulary
) -> int:
    """Where the clause a figure is coordinated with begins, when the figure opens its own clause
    right after "and"/"et" and a figure of that clause comes before it ("left at least five dead
    and 16 injured in the camp": one place for both); else `clause_lo` (no clause to share)."""
    if clause_lo <= lo or text[clause_lo - 5 : clause_lo].strip().lower() not in ("and", "et"):
        return clause_lo
    between = " ".join(text[clause_lo:start].lower().split())
    if between and bound_before(between, vocab) != between:
        return clause_lo
    previous_lo, _ = clause_span(text, lo, hi, clause_lo - 5)
    if not earlier or earlier[-1].start < previous_lo:
        return clause_lo
    return previous_lo
