"""Numeric figures in running text: the value, its unit, what it counts, what was done to it, who says so.

French and English conventions ("1 700", "13,8 milliards", "3,392", "1.5 million", "2,5 %"), number
words ("sept", "seventy", "une douzaine") read with text2num, and the traps that are not figures:
parts of names and models (Shahed-136, S-300, F-16), dates, years and clock times (the date finder
claims them), ordinals ("2e", "21st"), and references ("article 12", "page 3").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import islice
from typing import Any

from recoupe.clean.sentences import sentence_spans
from recoupe.data import read_text
from recoupe.extract import attribution as at
from recoupe.extract import numbers as nb
from recoupe.extract.claimants import find_claimants
from recoupe.extract.dates import find_time_expressions
from recoupe.extract.tokens import tokenize
from recoupe.model import Article, Figure, QuoteMention, TimeExpression, day_of

# How far (in words) from a figure its action may be, inside the figure's clause.
MAX_ACTION_DISTANCE = 8
# An English counted thing may follow this many modifiers ("69 Russian cruise missiles").
MAX_THING_WORDS = 4
# A date-finder span holding a figure makes it a date, unless it is a duration ("trois ans").
_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")
_SPACE = nb.SPACE
_WORD = nb.WORD
_TOKEN = re.compile(r"(?i:[dl]['’])(?=\w)|[^\W_][\w]*(?:[-'’/][\w]+)*|[^\w\s]")
# After a number, a letter glued to it makes an ordinal, a model or a time ("2e", "21st", "14h30"),
# except for the unit and scale symbols written that way ("12M€", "45%", "$2bn", "5km").
_GLUED_OK = re.compile(r"(?:%|€|\$|£|M€|Md€|Mds€|bn|mn|m|k|km²|km|kg|mm|ha|MW|GW|°C|t)(?![\w])")
# A clause of place or time after a comma has its own subject and verb ("42 killed in the school,
# where more than 300 Palestinians had taken shelter": the 300 were not killed).
_CLAUSE_END = re.compile(
    r"[;:.!?]|\s[–—]\s|,\s+(?:dont|including|of which|whose|where|when|while|whereas|où|alors que"
    r"|tandis que|lorsque|quand)\b|\s(?:et|and|but|mais)\s"
)
_SCALE_WORD = re.compile(rf"{_SPACE}?([A-Za-zÀ-ÿ]+)")
# Patterns the per-figure helpers use, compiled once: they run for every number of every paragraph.
_PLURAL_END = re.compile(r"(?<=\w\w\w)[sx]$")
_A_SINGLE = re.compile(r"\b(?:[Aa]|[Oo]ne)\s+single\b")
_HYPHEN_WORD = re.compile(r"-([a-zé]+(?:-old)?)")
_ELIDED = re.compile(r"^[a-z]['’]")
# "d'un", "qu'une": the word finder reads an elided "de"/"que" and the number after it as one word.
# Not "l'un" ("l'un des deux otages" names one of them, it counts nothing).
# "3 pour cent": the "cent" of the unit is no number of its own.
_PER_CENT = re.compile(r"\b[Pp]our\s+$")
_ELIDED_BEFORE_NUMBER = re.compile(r"(?i:d|qu)['’](?=\w)")
_JOINED_BY = re.compile(r"(?:de|d['’]|of)\s*")
_NOUNLIKE = re.compile(r"[^\W\d_][\w-]*")
_OF_WHICH = re.compile(r"\S+\s+of\s+(?:which|them|whom)\b")
# "three of the seven bullets", "30 000 des 60 000 projets": a part of the number after it.
_PARTITIVE = re.compile(r"\s+(?:of the|of its|of their|des|d['’]entre les)\s+", re.IGNORECASE)
_ACTION_WORD = re.compile(_WORD.pattern + r"(?:\s+down)?")  # "cut down", "shot down"

# A unit form as `_unit_after` compares it: (form, unit, what the text must start with, whether
# that is the lower-cased text). Symbols, MW, GW and °C are compared as written, words lower-cased.
_UnitForm = tuple[str, str, str, bool]


@dataclass(frozen=True)
class _Vocabulary:
    units: tuple[tuple[str, str], ...]  # (form, canonical unit), longest form first
    unit_words: frozenset[str]  # the forms alone, for membership tests
    # The same forms as `_unit_after` compares them, also by their first character: most numbers
    # are followed by a word that no form starts like, so a handful of the ~80 are tried, not all.
    unit_forms: tuple[_UnitForm, ...]
    unit_forms_by_first: dict[str, tuple[_UnitForm, ...]]
    prefixes: tuple[tuple[str, str], ...]
    scales: dict[str, int]
    durations: dict[str, str]
    word_values: dict[str, int]
    single: frozenset[str]
    others: frozenset[str]
    references: frozenset[str]
    adjectives: frozenset[str]
    of: frozenset[str]
    part_of: frozenset[str]
    stops: frozenset[str]
    actions: dict[str, str]  # form -> concept
    bounds: tuple[str, ...]  # "plus de", "au moins": skipped when reading the words before a figure
    bound_kinds: dict[str, str]  # bound -> "lower", "upper", "about" or "total"
    time_before: tuple[str, ...]
    time_after: tuple[str, ...]
    age_before: tuple[str, ...]
    lasting: frozenset[str]  # "un contrat de 3 ans": nouns whose years are a duration, not an age
    back_reference_before: tuple[str, ...]
    back_reference_numbers: frozenset[str]
    scopes: dict[str, str]  # place noun -> the scope it names ("capitale" -> capital)
    locatives: frozenset[str]  # words before a place name that make it the figure's scope
    place_determiners: tuple[str, ...]  # "in the Bureij camp": between a locative and its place
    action_words: re.Pattern[str]  # action phrases of several words first ("set fire"), then words
    action_units: dict[str, frozenset[str]]  # concept -> the only units it applies to ("spend": money)
    vague: frozenset[str]  # "plusieurs dizaines", "several dozen": no count to check
    running_total: re.Pattern[str]  # "since the assault began": a total so far, not one event's


@cache
def _table() -> dict[str, Any]:
    return tomllib.loads(read_text("figures.toml"))


@cache
def _vocabulary(language: str) -> _Vocabulary:
    raw = _table()
    lang = raw[language]
    units = sorted(((f, u) for u, forms in raw["units"].items() for f in forms), key=lambda p: -len(p[0]))
    prefixes = sorted(
        ((f, u) for u, forms in raw["currency_prefixes"].items() for f in forms), key=lambda p: -len(p[0])
    )
    unit_forms = tuple(_unit_form(form, unit) for form, unit in units)
    return _Vocabulary(
        units=tuple(units),
        unit_words=frozenset(form for form, _ in units),
        unit_forms=unit_forms,
        unit_forms_by_first={
            first: tuple(f for f in unit_forms if f[2][0] == first) for first in {f[2][0] for f in unit_forms}
        },
        prefixes=tuple(prefixes),
        scales=dict(raw["scales"]),
        durations=dict(raw["durations"]),
        word_values=dict(lang["word_values"]),
        single=frozenset(lang["single"]),
        others=frozenset(lang["others"]),
        references=frozenset(lang["references"]),
        adjectives=frozenset(lang["adjectives"]),
        of=frozenset(lang["of"]),
        part_of=frozenset(lang["part_of"]),
        stops=frozenset(lang["stops"]),
        actions={form: concept for concept, forms in raw["actions"].items() for form in forms},
        bounds=tuple(sorted((b for forms in lang["bounds"].values() for b in forms), key=len, reverse=True)),
        bound_kinds={b: kind for kind, forms in lang["bounds"].items() for b in forms},
        time_before=tuple(lang["time_before"]),
        time_after=tuple(lang["time_after"]),
        age_before=tuple(lang["age_before"]),
        lasting=frozenset(lang.get("lasting", [])),
        back_reference_before=tuple(lang["back_reference_before"]),
        back_reference_numbers=frozenset(lang["back_reference_numbers"]),
        scopes={form: scope for scope, forms in raw["scopes"].items() for form in forms},
        locatives=frozenset(lang["locatives"]),
        place_determiners=tuple(lang["place_determiners"]),
        action_words=_action_words(raw["actions"]),
        action_units={concept: frozenset(units) for concept, units in raw["action_units"].items()},
        vague=frozenset(lang["vague"]),
        running_total=_phrases(lang["running_total"]),
    )


def _action_words(actions: dict[str, list[str]]) -> re.Pattern[str]:
    """Action phrases of several words ("set fire", "mis le feu"), tried before the single words
    and the "shot down" forms they would otherwise be read as."""
    forms = (f for words in actions.values() for f in words if " " in f and not f.endswith(" down"))
    phrases = sorted(forms, key=len, reverse=True)
    if not phrases:
        return _ACTION_WORD
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?i:{alternatives})(?!\w)|{_ACTION_WORD.pattern}")


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, case and spacing aside, either apostrophe."""
    alternatives = (r"\s+".join(re.escape(w).replace("'", "['’]") for w in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


def _unit_form(form: str, unit: str) -> _UnitForm:
    symbol = not form[0].isalpha()
    lowered = not (symbol or form.isupper() or form in ("°C", "MW", "GW"))
    written = form if symbol or form in ("MW", "GW", "°C") else form.lower()
    return form, unit, written, lowered


def action_concept(action: str | None) -> str | None:
    """The concept an action word stands for across languages ("abattus", "shot down" -> intercept)."""
    if action is None:
        return None
    low = action.lower()
    return _vocabulary("fr").actions.get(low) or _vocabulary("en").actions.get(low) or low


def thing_key(thing: str | None) -> str | None:
    """A counted noun folded for comparison across inflections and languages: lowercase, no accents,
    no plural s/x, then its concept when the table has one ("soldats", "troops" -> soldier)."""
    if thing is None:
        return None
    folded = _fold(thing)
    return _thing_concepts().get(folded, folded)


def _fold(word: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return _PLURAL_END.sub("", plain)


@cache
def _thing_concepts() -> dict[str, str]:
    table = _table()["things"]
    return {_fold(form): concept for concept, forms in table.items() for form in forms}


def article_figures(article: Article, said: list[QuoteMention] | None = None) -> list[Figure]:
    """The figures of an article's clean paragraphs, times resolved against its publication day;
    French claimants are read over the whole text (a quote or a pronoun may span paragraphs), a
    quoted figure's from `said`, the article's quotes (found when needed if not given)."""
    reference = day_of(article.published)
    found: list[Figure] = []
    french: list[tuple[int, Figure]] = []  # (offset of its paragraph in the joined text, figure)
    offset = 0
    for paragraph in article.paragraphs:
        language = paragraph.language or article.language or "fr"
        figures = find_figures(paragraph.text, language, reference, claimants=language != "fr")
        found.extend(figures)
        french.extend((offset, f) for f in figures if language == "fr")
        offset += len(paragraph.text) + 1
    if not french:
        return found
    text = "\n".join(p.text for p in article.paragraphs)
    named = dict(
        zip(
            (id(f) for _, f in french),
            _french_claimants(text, [o + f.start for o, f in french], said),
            strict=True,
        )
    )
    return [replace(f, claimant=named[id(f)]) if id(f) in named else f for f in found]


def find_figures(
    text: str, language: str, reference: date | None = None, claimants: bool = True
) -> list[Figure]:
    """Every figure of `text`, in order; `reference` (the publication date) resolves their times.
    `claimants`: find who asserts each (else left to the caller, who may read a wider text)."""
    language = language if language in nb.DIGITS else "en"
    vocab = _vocabulary(language)
    times = find_time_expressions(text, reference or date(2000, 1, 1))
    tokens: list[at.Token] | None = None  # for claimants: tokenised only when a figure is found
    figures: list[Figure] = []
    for sentence_start, sentence_end in sentence_spans(text):
        sentence_times = [t for t in times if sentence_start <= t.start < sentence_end]
        found: list[Figure] = []
        numbers = _numbers(text, sentence_start, sentence_end, language, vocab)
        for i, number in enumerate(numbers):
            following = numbers[i + 1] if i + 1 < len(numbers) else None
            figure = _figure(
                text, number, sentence_start, sentence_end, language, vocab, sentence_times, found, following
            )
            if figure is not None:
                found.append(figure)
        if not found:
            continue
        found = [replace(f, time=_time_of(sentence_times, f.start, reference is not None)) for f in found]
        if not claimants or language == "fr":
            figures.extend(found)
            continue
        if tokens is None:
            tokens = tokenize(text)
        # The sentence's reporting cues are the same for each of its figures: found once.
        cues = _sentence_cues(tokens, sentence_start, sentence_end, language)
        for figure in found:
            claimant = _claimant(tokens, cues, text, figure.start, language)
            figures.append(replace(figure, claimant=claimant))
    if claimants and language == "fr" and figures:
        named = _french_claimants(text, [f.start for f in figures])
        figures = [replace(f, claimant=c) for f, c in zip(figures, named, strict=True)]
    return figures


def _french_claimants(
    text: str, positions: list[int], said: list[QuoteMention] | None = None
) -> list[str | None]:
    """French claimants come from the quotes' speakers and a dependency parse of the sentences that
    need one (claimants.py)."""
    return [c.text if c is not None else None for c in find_claimants(text, positions, said)]


# --- numbers --------------------------------------------------------------------------------


def _numbers(text: str, lo: int, hi: int, language: str, vocab: _Vocabulary) -> list[nb.Number]:
    found: list[nb.Number] = []
    for match in nb.DIGITS[language].finditer(text, lo, hi):
        start, end, written = match.start(), match.end(), match.group()
        before = text[start - 1] if start > 0 else " "
        if (
            before.isalpha()
            or (before in "-‐/_" and not _negative(text, start))
            or (before == "." and start > 1 and text[start - 2].isdigit())
        ):
            continue  # S-300, A320, COVID-19, 49.3's tail
        if written.startswith("0") and len(written) > 1 and written[1].isdigit():
            continue  # phone numbers and codes: 01 23 45
        after = text[end : end + 6]
        if after[:1].isalpha() and not _GLUED_OK.match(after) and not nb.glued_word(text, end):
            continue  # 2e, 21st, 14h30
        if after[:1] == "-" and after[1:2].isalnum() and not _hyphen_unit(text, end, vocab):
            continue  # 10-15 ranges, 136-mm: not one figure
        value = nb.digits_value(written, language)
        if value is None:
            continue
        if before in "-−" and (start < 2 or text[start - 2] in " (\u00a0"):
            start, value = start - 1, -value  # −12 °C
        found.append(nb.Number(start, end, value, False))
    if vocab.single and language == "en":
        for match in _A_SINGLE.finditer(text[lo:hi]):
            found.append(nb.Number(lo + match.start(), lo + match.end(), Decimal(1), True))
    for match in _WORD.finditer(text, lo, hi):
        word, start = match.group(), match.start()
        elided = _ELIDED_BEFORE_NUMBER.match(word) if language == "fr" else None
        if elided is not None:  # "d'un seul adjoint", "près d'un million": the number after the elision
            word, start = word[elided.end() :], start + elided.end()
        value = nb.word_value(word, language)
        if value is not None and not (word.lower() == "cent" and _PER_CENT.search(text, lo, start)):
            found.append(nb.Number(start, match.end(), value, True))
    merged = nb.merge_word_runs(sorted(found, key=lambda n: n.start), text, language)
    return nb.with_fractions(merged, text, lo, hi, language)


def _negative(text: str, start: int) -> bool:
    return start >= 1 and text[start - 1] in "-−" and (start < 2 or text[start - 2] in " (\u00a0")


def _hyphen_unit(text: str, end: int, vocab: _Vocabulary) -> bool:
    """ "a 45-year-old", "a 10-km walk": the hyphen glues a unit, not another number or a name."""
    word = _HYPHEN_WORD.match(text[end : end + 16])
    return word is not None and word.group(1) in vocab.unit_words


# --- one figure -----------------------------------------------------------------------------


def _figure(
    text: str,
    number: nb.Number,
    lo: int,
    hi: int,
    language: str,
    vocab: _Vocabulary,
    times: list[TimeExpression],
    earlier: list[Figure],
    following: nb.Number | None = None,
) -> Figure | None:
    start, end, value, unit = number.start, number.end, number.value, None
    if (
        _back_reference(text, lo, number, vocab)
        or _vague(text, lo, number, vocab)
        or _in_name(text, lo, number)
    ):
        return None
    duration = next((t for t in times if t.start <= number.start < t.end), None)
    if duration is not None:
        unit = _duration_unit(duration.value, vocab)
        if unit is None:
            return None  # a date, a year or a clock time
    if _is_reference(text, lo, number.start, vocab):
        return None
    prefix = _currency_before(text, lo, number.start, vocab)
    if prefix is not None:
        start, unit = prefix
    cursor, scale = _scale_after(text, end, hi, vocab, currency=unit is not None)
    value *= scale
    cursor = cursor if scale != 1 else end
    if unit is None or duration is None:
        unit_found = _unit_after(text, cursor, hi, vocab, scaled=scale != 1)
        if unit_found is not None:
            unit, cursor = unit_found
    if duration is not None:
        cursor = max(cursor, duration.end)
    end = max(end, cursor)
    lead = text[number.start : number.end].lower()
    words_after = [
        w for w in _words_after(text, cursor, hi) if not any(t.start <= w[0] < t.end for t in times)
    ]
    if (
        number.words
        and lead in ("un", "une")
        and scale == 1  # "un milliard d'euros" is an amount
        and unit not in _AMOUNT_UNITS  # "un euro", "un pour cent" are amounts; "sur un ton" is no tonne
        and not (words_after and words_after[0][2].lower() in vocab.single)
        and not (following is not None and _counted_with(text, end, following))
        and not _one_casualty(text, end, hi)
    ):
        return None  # an article, not a count; "un mort et trois blessés" counts
    # "une douzaine de manifestants", "2 millions de chômeurs" join their noun with "de", as a measure does
    collective = lead.split()[-1] in vocab.word_values or scale != 1
    thing_index, thing = _thing(words_after, language, vocab, unit is not None or collective)
    if _time_reference(text, lo, start, end, unit, thing, value, vocab):
        return None
    part_of = _part_of(text, lo, number.start, vocab)
    if (
        part_of
        and thing is not None
        and thing.lower() in vocab.actions
        and thing_key(thing) not in _CASUALTIES
    ):
        thing_index, thing = None, None  # "dont 54 abattus": the noun is the whole's, the word the action
    if thing is None and earlier and (part_of or _stands_for_noun(text, lo, number.start, cursor, vocab)):
        thing = earlier[-1].thing  # "dont 54 abattus", "les 11 autres", "the other 14"
        unit = unit or earlier[-1].unit
    if thing is None and unit is None and following is not None:
        # "de 7 à 25 bassins", "3 ou 4 %", "30 000 des 60 000 projets": the next number's noun and unit
        partner = _range_partner(text, number, following, lo, hi, language, vocab, times, earlier)
        if partner is not None:
            thing, unit = partner.thing, partner.unit
            if scale == 1 and following.value and Decimal(partner.value) / following.value in _SCALES:
                value *= Decimal(partner.value) / following.value  # "de 43,9 à 47,2 milliards"
    if thing is None and unit is None and earlier and _echoes(text, earlier[-1], number.start, vocab):
        thing, unit = earlier[-1].thing, earlier[-1].unit  # "(contre 28 à 30,5 …)", "28 à 30,5"
    if unit is None and scale == 1 and _numbered_name_or_item(text, lo, number, thing):
        return None
    if thing is None and unit is None and language == "fr":
        thing = _counted_before(text, lo, start, vocab)  # "ramener le nombre de guichets … à 14"
    if thing is None and unit is None and _FREQUENCY.match(text, end):
        thing = "fois"  # "trois fois par semaine": a frequency
    if thing is None and unit is None and not _counts_what_is_named(text, lo, number, scale, language, vocab):
        return None  # a bare number: a score, an index, a code
    clause_lo, clause_hi = _clause(text, lo, hi, number.start)
    thing_end = words_after[thing_index][1] if thing_index is not None else end
    action = _action(text, clause_lo, clause_hi, number.start, thing_end, vocab)
    if action is None and part_of and earlier:
        action = earlier[-1].action if earlier[-1].start > clause_lo - 200 and earlier[-1].action else None
    if not _act_fits(action, unit, thing, vocab):
        action = None  # "has spent 19 seasons": only money is spent
    scope_lo = _coordinated_with(text, lo, hi, clause_lo, start, earlier, vocab)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=_json_number(value),
        unit=unit,
        thing=thing,
        action=action,
        claimant=None,
        time=None,
        sentence=text[lo:hi],
        part_of=_breakdown(text, lo, number.start, vocab, earlier)
        or bool(following and _PARTITIVE.fullmatch(text[number.end : following.start])),
        scope=_scope(text, clause_lo, clause_hi, vocab) or _scope(text, scope_lo, clause_lo, vocab),
        bound=_bound(text, lo, start, vocab),
    )


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
_SCALES = frozenset({Decimal(1000), Decimal(10**6), Decimal(10**9), Decimal(10**12)})
_RANGE_JOINER = re.compile(r"\s*(?:à|a|ou|et|-|–|to|or|and|des|of the)\s*", re.IGNORECASE)
_AMONG_THEM = re.compile(r"\s+(?:d['’]entre\s+(?:eux|elles|nous|vous)|of\s+(?:them|us))\b", re.IGNORECASE)
_TIME_UNIT_WORDS = frozenset(
    {
        "an",
        "ans",
        "année",
        "années",
        "mois",
        "semaine",
        "semaines",
        "jour",
        "jours",
        "journées",
        "heure",
        "heures",
        "minute",
        "minutes",
        "seconde",
        "secondes",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "second",
        "seconds",
    }
)
_CASUALTIES = frozenset({"dead", "injured"})  # "un mort et trois blessés": nouns, not actions
_COUNTED_WITH = re.compile(r"\s+\w+\s+(?:et|and)\s+(?:au moins\s+|at least\s+)?")
# A capitalised word right after a number, right before it, and a lower-case word or a comma
# before that (the number is not at the head of its sentence, where every word is capitalised).
_NAME_AFTER = re.compile(r"[ \u00a0](?:[A-ZÀ-ÖØ-Þ][\w-]*[a-zà-ÿ]|[A-Z]{2,}\b)")
_NAME_BEFORE = re.compile(r"[ \u00a0][A-ZÀ-ÖØ-Þ][\w-]*[a-zà-ÿ][ \u00a0]$")
_CODE_BEFORE = re.compile(r"(?<![\w'’])[A-Z]{1,4}[ \u00a0]$")
_INSIDE_SENTENCE = re.compile(r"[a-zà-ÿ,][ \u00a0]+$")
_SPACE_IN = re.compile(r"[ \u00a0\u202f\u2009]")
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
# "qui en compte plus de 12 000", "ils en ont deux", "il en reste 12": "en" stands for the noun the
# number counts (the words before the number, a bound taken off, end on "en" and a verb or two).
_EN_CLITIC = re.compile(
    r"(?:^|[\s'’])en\s+(?!(?:moyenne|tout|outre|effet|revanche|somme|gros|fait|cours|plus|moins|particulier)\b)"
    r"[a-zàâçéèêëîïôûù]+(?:\s+[a-zàâçéèêëîïôûù]+)?$"
)
# "son troisième titre sur 8", "la première victoire sur 4": the number out of which a rank is.
_OUT_OF = re.compile(r"(?:ième|ier|ière)\s+(?:[^\W\d_]+\s+){1,2}sur\s+$", re.IGNORECASE)
# "Un soldat cambodgien a été tué", "une passante a été grièvement blessée": one casualty.
_ONE_CASUALTY = re.compile(
    r"\s+[^\W\d_]+(?:[ -][^\W\d_]+){0,2}\s+(?:a|avait|aurait)\s+été\s+"
    r"(?:(?:grièvement|légèrement|mortellement|gravement)\s+)?([^\W\d_]+)\b"
)
# "trois fois par semaine": a frequency.
_FREQUENCY = re.compile(r"\s+fois\s+par\s")
# "le nombre de guichets … à 14"
_NUMBER_OF = re.compile(r"\bnombre\s+d(?:e\s+|['’])([^\W\d_]+)", re.IGNORECASE)
_TO_NUMBER = re.compile(r"\bà\s*$")
# "Lucien Favre, 41 ans, …", "(52 ans)": years set apart right after a name or a noun are an age.
_APPOSED_AGE = re.compile(r"\w(?:,|\s*\()\s*$")
_APPOSED_AGE_END = re.compile(r"\s*[,)]")
# "a vécu quatre ans, de 1962 à 1966": the years the duration spans place it in time.
_TIME_SPAN = re.compile(r"\s*[,(]?\s*(?:de|entre|du)\s+\d{4}\s+(?:à|au|et)\s+\d{4}\b")
# "Dix jours de plus s'écoulent", "trois ans ont passé": time passing in a narrative.
_TIME_PASSES = re.compile(
    r"\s+(?:de plus\s+)?(?:s['’](?:écoul|est écoul|sont écoul|étaient écoul)|se sont écoulé"
    r"|ont passé|passent)",
    re.IGNORECASE,
)
# "passible de cinq ans d'emprisonnement", "cinq ans de prison": years of something measure it.
_MEASURED_AFTER = re.compile(r"\s+d(?:e\s|['’])")
# "d'une durée de deux à dix ans": the upper bound of a range, not an age.
_RANGE_BEFORE = re.compile(r"\b(?:de|entre)\s+\S+\s+(?:à|a|et)$")
_AMOUNT_UNITS = frozenset({"€", "$", "£", "%"})
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "h", "min", "s"})
_COORDINATED_DURATION = re.compile(
    r"(\w+)\s+(?:ans|années|mois|semaines|jours|heures|years|months|weeks|days|hours)\s+(?:et|and)\s+$"
)


def _counts_what_is_named(
    text: str, lo: int, number: nb.Number, scale: int, language: str, vocab: _Vocabulary
) -> bool:
    """A number with no noun or unit that still counts something named around it: "Banque
    Populaire : 950 millions", "la moitié", "deux d'entre eux", "les créations de postes
    (12 400)", "qui en compte plus de 12 000"."""
    return (
        scale != 1
        or (number.words and 0 < number.value < 1)
        or _among_them(text, number.end)
        or _grouped(text[number.start : number.end], number.value, number.words, language)
        or (language == "fr" and _en_stands_for_noun(text, lo, number.start, vocab))
        or (language == "fr" and _OUT_OF.search(text, lo, number.start) is not None)
    )


def _grouped(written: str, value: Decimal, words: bool, language: str) -> bool:
    """ "12 400", "31.000", "3,392": digits grouped by thousands write a quantity, never a code,
    a score or an index (a code is not grouped: "75001", "A320")."""
    if words or value < 1000 or written.startswith("0"):
        return False  # "0 800 130 000" is a phone number
    if language == "fr":
        return bool(_SPACE_IN.search(written)) or bool(_DOTTED.fullmatch(written))
    return "," in written or bool(_SPACE_IN.search(written))


def _en_stands_for_noun(text: str, lo: int, start: int, vocab: _Vocabulary) -> bool:
    """ "qui en compte plus de 12 000", "ils en ont deux": the clitic "en" before the verb stands for
    the noun the number counts (not "en Ligue 1": a name follows that "en")."""
    plain = _plain_before(text, lo, start)
    cut = len(plain) - len(_words_before(text, lo, start, vocab))
    raw = " ".join(text[max(lo, start - 40) : start].replace("’", "'").split())
    return _EN_CLITIC.search(raw[: len(raw) - cut].rstrip()) is not None


def _counted_before(text: str, lo: int, start: int, vocab: _Vocabulary) -> str | None:
    """ "ramener le nombre de guichets à 14", "porte le nombre de morts à 12": a bare number
    after "à" counts the noun of "le nombre de" earlier in its clause."""
    clause_lo, _ = _clause(text, lo, start, start)
    before = text[clause_lo:start]
    if not _TO_NUMBER.search(before):
        return None
    nouns = [m.group(1) for m in _NUMBER_OF.finditer(before)]
    return nouns[-1] if nouns else None


def _one_casualty(text: str, end: int, hi: int) -> bool:
    """ "Un soldat cambodgien a été tué": one killed or wounded is a count (a casualty report)."""
    found = _ONE_CASUALTY.match(text, end, hi)
    return found is not None and action_concept(found.group(1)) in ("kill", "wound")


def _last_word(words: str) -> str:
    return words.rsplit(" ", 1)[-1] if words else ""


def _counted_with(text: str, end: int, following: nb.Number) -> bool:
    """ "un mort et trois blessés": "un" coordinated with a count; not with another article ("un
    toit et une porte")."""
    article = text[following.start : following.end].lower() in ("un", "une", "a", "an")
    return not article and _COUNTED_WITH.fullmatch(text[end : following.start]) is not None


def _words_before(text: str, lo: int, start: int, vocab: _Vocabulary) -> str:
    """The few words before a figure, lower-cased, a bound ("plus de", "au moins") taken off."""
    before = _plain_before(text, lo, start)
    bound = _bound_before(before, vocab)
    return before[: -len(bound)].rstrip() if bound else before


def _plain_before(text: str, lo: int, start: int) -> str:
    return " ".join(text[max(lo, start - 40) : start].lower().replace("’", "'").split())


def _bound_before(before: str, vocab: _Vocabulary) -> str | None:
    """The bound that `before` (lower-cased words before a figure) ends with, if any."""
    return next((b for b in vocab.bounds if before.endswith(" " + b) or before == b), None)


def _bound(text: str, lo: int, start: int, vocab: _Vocabulary) -> str | None:
    """ "lower" for "au moins 3", "more than 600"; "upper" for "jusqu'à 40", "up to 40"; else None
    (the number as written, exact or near it)."""
    bound = _bound_before(_plain_before(text, lo, start), vocab)
    kind = vocab.bound_kinds.get(bound or "")
    return kind if kind in ("lower", "upper") else None


def _ends_with(before: str, words: tuple[str, ...]) -> bool:
    return any(
        before.endswith(w) and (len(before) == len(w) or before[-len(w) - 1] in " '\"«“(") for w in words
    )


def _back_reference(text: str, lo: int, number: nb.Number, vocab: _Vocabulary) -> bool:
    """ "les deux pays", "toutes deux", "ces trois hommes": things already named, counted again."""
    lead = text[number.start : number.end].lower()
    if lead not in vocab.back_reference_numbers:
        return False
    return _ends_with(_words_before(text, lo, number.start, vocab), vocab.back_reference_before)


def _in_name(text: str, lo: int, number: nb.Number) -> bool:
    """A number inside a name: a number word capitalised inside a sentence before another capitalised
    word ("le pic Deux Sœurs"), digits between two capitalised words ("l'université Lyon 2
    Lumière", "Boeing 737 Max")."""
    after = _NAME_AFTER.match(text, number.end)
    if after is None:
        return False
    if number.words:
        return text[number.start].isupper() and _INSIDE_SENTENCE.search(text, lo, number.start) is not None
    before = _NAME_BEFORE.search(text, lo, number.start)
    return before is not None and _INSIDE_SENTENCE.search(text, lo, before.start() + 1) is not None


def _numbered_name_or_item(text: str, lo: int, number: nb.Number, thing: str | None) -> bool:
    """Digits that number a name or an item of a list, not a count: "le débat sur France 5
    régional" (after a capitalised word, before a singular word), "1 Réformer la loi" (opening a
    line before a capitalised word)."""
    if number.words:
        return False
    if (number.start == 0 or text[number.start - 1] == "\n") and _NAME_AFTER.match(text, number.end):
        return True
    if _CODE_BEFORE.search(text, lo, number.start):
        return True  # "le vol AF 447", "la RN 7": a code's number
    singular = thing is not None and thing[:1].islower() and not _PLURAL_END.search(thing)
    name = _NAME_BEFORE.search(text, lo, number.start) if singular else None
    return name is not None and _INSIDE_SENTENCE.search(text, lo, name.start() + 1) is not None


def _vague(text: str, lo: int, number: nb.Number, vocab: _Vocabulary) -> bool:
    """ "plusieurs dizaines", "several dozen", "a few hundred": an order of size, not a count."""
    before = text[max(lo, number.start - 16) : number.start].lower().split()
    return number.words and bool(before) and before[-1] in vocab.vague


def _time_reference(
    text: str,
    lo: int,
    start: int,
    end: int,
    unit: str | None,
    thing: str | None,
    value: Decimal,
    vocab: _Vocabulary,
) -> bool:
    """An age ("un homme de 45 ans") or a duration placing the event in time ("depuis six ans",
    "deux jours après", "en seize mois"): not a quantity asserted about the event. A duration that
    is a verb's object or a measurement ("a duré 23 jours", "ne peut excéder 48 heures", "en 10,92
    secondes") stays a figure."""
    if unit not in _DURATION_UNITS and (thing is None or thing.lower() not in _TIME_UNIT_WORDS):
        return False
    before = _words_before(text, lo, start, vocab)
    coordinated = _COORDINATED_DURATION.search(text[max(lo, start - 40) : start])
    if coordinated:  # "ses six années et quatre mois de détention": as the first duration is
        before = _words_before(text, lo, max(lo, start - 40) + coordinated.start(1), vocab)
    # "un homme de 45 ans", "stagiaire à 22 ans puis", not "de cinq ans d'emprisonnement" nor "de
    # deux à dix ans"; "Lucien Favre, 41 ans, a été"
    aged = _ends_with(before, vocab.age_before) and not (
        _MEASURED_AFTER.match(text, end)
        or _RANGE_BEFORE.search(before)
        or _last_word(before.removesuffix(" de").removesuffix(" à")) in vocab.lasting  # "un contrat de 3 ans"
    )
    apposed = (
        _APPOSED_AGE.search(text, lo, start) is not None and _APPOSED_AGE_END.match(text, end) is not None
    )
    if unit == "year" and (aged or apposed or text[start:end].endswith("-old")):
        return True
    if value != value.to_integral_value():
        return False  # "en 10,92 secondes": a measurement
    after = " ".join(text[end : end + 24].lower().replace("’", "'").split())
    after = after.removeprefix("et demi ").removeprefix("et demie ").removeprefix("and a half ")
    raw = " ".join(text[max(lo, start - 12) : start].lower().split())  # "over" is a bound, and a time
    return (
        _ends_with(before, vocab.time_before)
        or _ends_with(raw, vocab.time_before)
        or after.startswith(vocab.time_after)
        or _TIME_SPAN.match(text, end) is not None
        or _TIME_PASSES.match(text, end) is not None
    )


def _range_partner(
    text: str,
    number: nb.Number,
    following: nb.Number,
    lo: int,
    hi: int,
    language: str,
    vocab: _Vocabulary,
    times: list[TimeExpression],
    earlier: list[Figure],
) -> Figure | None:
    if not _RANGE_JOINER.fullmatch(text[number.end : following.start]):
        return None
    return _figure(text, following, lo, hi, language, vocab, times, earlier)


def _echoes(text: str, figure: Figure, start: int, vocab: _Vocabulary) -> bool:
    """The number gives another value of the figure just before: "27 heures (contre 28 …)",
    "de 28 à 30,5"."""
    gap = text[figure.end : start]
    if len(gap) > 40:
        return False
    return bool(_RANGE_JOINER.fullmatch(gap)) or _words_before(text, figure.end, start, vocab).endswith(
        ("contre", "against", "versus", "vs", "au lieu de", "instead of")
    )


def _among_them(text: str, end: int) -> bool:
    return bool(_AMONG_THEM.match(text, end))


def _json_number(value: Decimal) -> int | float:
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value)


def _duration_unit(value: str, vocab: _Vocabulary) -> str | None:
    match = _DURATION.match(value)
    if match is None:
        return None
    designator = ("T" if match.group(1) else "") + match.group(3)
    return vocab.durations.get(designator) or vocab.durations.get(match.group(3))


def _is_reference(text: str, lo: int, start: int, vocab: _Vocabulary) -> bool:
    before = text[max(lo, start - 20) : start].split()
    word = _ELIDED.sub("", before[-1].lower().rstrip(":")) if before else ""  # "l'article"
    return word in vocab.references


def _currency_before(text: str, lo: int, start: int, vocab: _Vocabulary) -> tuple[int, str] | None:
    head = text[max(lo, start - 4) : start].rstrip(" \u00a0\u202f")
    for form, unit in vocab.prefixes:
        if head.endswith(form):
            return start - (start - max(lo, start - 4) - len(head)) - len(form), unit
    return None


def _scale_after(text: str, end: int, hi: int, vocab: _Vocabulary, currency: bool) -> tuple[int, int]:
    match = _SCALE_WORD.match(text, end, hi)
    if match is None:
        return end, 1
    word = match.group(1)
    low = word.lower()
    if low in vocab.others:  # "les quatre autres millions"
        other = _SCALE_WORD.match(text, match.end(), hi)
        scaled = other.group(1).lower() if other is not None else ""
        if other is not None and scaled in vocab.scales and scaled not in ("m", "k"):
            return other.end(), vocab.scales[scaled]
    if low not in vocab.scales:
        return end, 1
    if low in ("m", "k"):
        # "$3m", "12 M€": a bare m/k scales only beside a currency (else it is metres).
        follows_currency = text[match.end() : match.end() + 1] in ("€", "$", "£")
        if not (currency or follows_currency):
            return end, 1
    return match.end(), vocab.scales[low]


def _unit_after(text: str, cursor: int, hi: int, vocab: _Vocabulary, scaled: bool) -> tuple[str, int] | None:
    rest = text[cursor:hi]
    stripped = rest.lstrip(" \u00a0\u202f\u2009-")
    offset = cursor + len(rest) - len(stripped)
    if scaled:
        # "13,8 milliards de mètres cubes", "3 millions d'euros", "2 billion dollars"
        joined = _JOINED_BY.match(stripped)
        if joined:
            offset += joined.end()
            stripped = stripped[joined.end() :]
    low = stripped.lower()
    first = low[:1]
    # Where the text and its lower case start alike, only the forms starting so can match.
    forms = vocab.unit_forms_by_first.get(first, ()) if stripped[:1] == first else vocab.unit_forms
    for form, unit, written, lowered in forms:
        if (low if lowered else stripped).startswith(written):
            end = offset + len(form)
            if end < len(text) and (text[end].isalnum() and form[-1].isalnum()):
                continue  # "m" of "mois", "t" of "tirs"
            return unit, end
    return None


def _words_after(text: str, cursor: int, hi: int) -> list[tuple[int, int, str]]:
    # The first few words only: stop reading the sentence there.
    tokens = islice(_TOKEN.finditer(text, cursor, hi), MAX_THING_WORDS + 3)
    return [(m.start(), m.end(), m.group()) for m in tokens]


def _thing(
    words: list[tuple[int, int, str]], language: str, vocab: _Vocabulary, measured: bool
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
    if language == "fr":
        while i < len(words) and words[i][2].lower() in vocab.adjectives:
            i += 1
        if i < len(words) and _nounlike(words[i][2], vocab):
            return i, words[i][2]
        return None, None
    last: int | None = None
    while i < len(words) and _nounlike(words[i][2], vocab):
        low = words[i][2].lower()
        if last is not None and (low.endswith("ed") or low in vocab.actions):
            break  # "2,000 migrants crossed": the verb after the noun
        last = i
        i += 1
        if last >= MAX_THING_WORDS:
            break
    return (last, words[last][2]) if last is not None else (None, None)


def _nounlike(word: str, vocab: _Vocabulary) -> bool:
    return (
        bool(_WORD.fullmatch(word) or _NOUNLIKE.fullmatch(word))
        and word.lower() not in vocab.stops
        and word.lower() not in vocab.scales
    )


def _part_of(text: str, lo: int, start: int, vocab: _Vocabulary) -> bool:
    """The figure is a part of the one before ("69 missiles, dont 54 abattus"; "two of which")."""
    before = text[max(lo, start - 40) : start].lower().split()
    after = text[start : start + 40].lower()
    return bool(before and (before[-1] in vocab.part_of or before[-1] in ("et", "and"))) or bool(
        _OF_WHICH.match(after)
    )


def _breakdown(text: str, lo: int, start: int, vocab: _Vocabulary, earlier: list[Figure]) -> bool:
    """A part of the whole before it: "dont 54 abattus", "two of which", and the parts coordinated
    after one ("dont deux abattus à l'approche et cinq au-dessus de la ville")."""
    before = text[max(lo, start - 40) : start].lower().split()
    if (before and before[-1] in vocab.part_of) or _OF_WHICH.match(text[start : start + 40].lower()):
        return True
    return bool(before and before[-1] in ("et", "and") and earlier and earlier[-1].part_of)


def _scope(text: str, lo: int, hi: int, vocab: _Vocabulary) -> str | None:
    """Where the clause places the figure: a place noun of the data ("la capitale" -> capital), else
    a name after a locative ("au-dessus de Kiev" -> kiev); a running total ("since the assault
    began", "depuis le début") is a scope of its own; None when the clause does not say."""
    if vocab.running_total.search(text, lo, hi):
        return "running total"
    words = [(m.group(), m.start()) for m in _WORD.finditer(text, lo, hi)]
    concept = next((vocab.scopes[w.lower()] for w, _ in words if w.lower() in vocab.scopes), None)
    if concept is not None:
        return concept
    for k, (word, where) in enumerate(words):
        if k and word[:1].isupper():
            before = " ".join(text[max(lo, where - 24) : where].lower().replace("’", "'").split())
            determiner = next((d for d in vocab.place_determiners if _ends_with(before, (d,))), None)
            if determiner is not None:  # "in the Bureij refugee camp", "dans le Donbass"
                before = before[: -len(determiner)].rstrip()
            if _ends_with(before, vocab.locatives) or _ends_with(before.removesuffix("'"), vocab.locatives):
                return _fold(word)
    return None


def _act_fits(action: str | None, unit: str | None, thing: str | None, vocab: _Vocabulary) -> bool:
    """Whether the act can befall the figure's quantity: an act of money ("spend") needs an amount
    in a currency, or a bare scaled amount ("a débloqué 3 milliards"), not "19 seasons"."""
    units = vocab.action_units.get(action_concept(action) or "")
    return units is None or unit in units or (unit is None and thing is None)


def _coordinated_with(
    text: str, lo: int, hi: int, clause_lo: int, start: int, earlier: list[Figure], vocab: _Vocabulary
) -> int:
    """Where the clause a figure is coordinated with begins, when the figure opens its own clause
    right after "and"/"et" and a figure of that clause comes before it ("left at least five dead
    and 16 injured in the camp": one place for both); else `clause_lo` (no clause to share)."""
    if clause_lo <= lo or text[clause_lo - 5 : clause_lo].strip().lower() not in ("and", "et"):
        return clause_lo
    between = " ".join(text[clause_lo:start].lower().split())
    if between and _bound_before(between, vocab) != between:
        return clause_lo
    previous_lo, _ = _clause(text, lo, hi, clause_lo - 5)
    if not earlier or earlier[-1].start < previous_lo:
        return clause_lo
    return previous_lo


def _stands_for_noun(text: str, lo: int, start: int, end: int, vocab: _Vocabulary) -> bool:
    """ "les 11 autres", "the other 14": the figure counts more of the thing named before."""
    before = text[max(lo, start - 12) : start].lower().split()
    after = text[end : end + 12].lower().split()
    return bool((before and before[-1] in vocab.others) or (after and after[0].strip(",.;") in vocab.others))


def _clause(text: str, lo: int, hi: int, position: int) -> tuple[int, int]:
    clause_lo = lo
    for match in _CLAUSE_END.finditer(text, lo, position):
        clause_lo = match.end()
    following = _CLAUSE_END.search(text, position, hi)
    return clause_lo, following.start() if following else hi


def _action(text: str, lo: int, hi: int, start: int, thing_end: int, vocab: _Vocabulary) -> str | None:
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


@dataclass(frozen=True)
class _SentenceCues:
    first: int  # the sentence's first token
    last: int  # and the token past its last one
    cues: list[tuple[int, at.Cue]]  # (token index, the reporting cue starting there), in order


def _sentence_cues(tokens: list[at.Token], lo: int, hi: int, language: str) -> _SentenceCues:
    """The reporting cues of the sentence from `lo` to `hi` (character offsets)."""
    vocab = at.vocabulary(language)
    inside = [i for i, t in enumerate(tokens) if lo <= t.start < hi]
    if not inside:
        return _SentenceCues(0, 0, [])
    cues = [(i, cue) for i in inside if (cue := at.cue_at(tokens, i, vocab)) is not None]
    return _SentenceCues(inside[0], inside[-1] + 1, cues)


def _claimant(
    tokens: list[at.Token], sentence: _SentenceCues, text: str, position: int, language: str
) -> str | None:
    """Who asserts the figure, from a reporting cue of its sentence: "X ont déclaré que …", "selon X",
    or after it, "…, X said". A cue verb elsewhere ("avaient été lancés") reports nothing."""
    vocab = at.vocabulary(language)
    first, last = sentence.first, sentence.last
    best: tuple[int, at.Mention] | None = None
    for i, cue in sentence.cues:
        if not _reports(tokens, cue, position, last, vocab):
            continue
        mention = _inverted_subject(tokens, cue, position, last, vocab) or at.source_of(
            tokens, cue, first, last, vocab
        )
        if mention is None or mention.kind == "pronoun":
            continue
        distance = abs(tokens[i].start - position)
        if best is None or distance < best[0]:
            best = (distance, mention)
    return at.display_name(best[1], text) if best else None


def _inverted_subject(
    tokens: list[at.Token], cue: at.Cue, position: int, hi: int, vocab: at.Vocabulary
) -> at.Mention | None:
    """ "… 9 morts, ont annoncé mercredi les autorités locales": after the figure, a comma, then the
    cue, the subject follows the verb."""
    if cue.phrase or tokens[cue.first].start < position:
        return None
    k = cue.first - 1
    while k >= 0 and (tokens[k].low in vocab.auxiliaries or tokens[k].low in vocab.fillers):
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    j = cue.last + 1
    while j < hi and tokens[j].low in vocab.fillers:
        j += 1
    return at.right_mention(tokens, j, hi, vocab)


def _reports(tokens: list[at.Token], cue: at.Cue, position: int, hi: int, vocab: at.Vocabulary) -> bool:
    if cue.phrase:
        return True
    if tokens[cue.last].start < position:
        k = cue.last + 1
        while k < hi and tokens[k].low in vocab.fillers:
            k += 1
        # "a déclaré que 69 …", "a déclaré avoir intercepté 55 …", "said that", "said it had"
        return k < hi and tokens[k].low in ("que", "qu'", "that", "avoir", "d'", "it", "they")
    between = [t.text for t in tokens if position <= t.start < tokens[cue.first].start]
    return "," in between


def _time_of(times: list[TimeExpression], position: int, dated: bool) -> str | None:
    """The day or period the figure's sentence names nearest to it, if any (durations say how long,
    not when): "the quakes that hit in 2002, and the tsunami that killed 168,000 in 2004" gives the
    168,000 2004. Without a publication date (`dated`), only a year written out places a figure."""
    named = [
        t
        for t in times
        if not t.value.startswith("P") and t.value[:1].isdigit() and (dated or t.value[:4] in t.text)
    ]
    if not named:
        return None
    return min(named, key=lambda t: max(t.start - position, position - t.end, 0)).value
