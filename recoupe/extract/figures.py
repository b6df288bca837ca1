"""Numeric figures in running text: the value, its unit, what it counts, what was done to it, who says so.

French and English conventions ("1 700", "13,8 milliards", "3,392", "1.5 million", "2,5 %"), number
words ("sept", "seventy", "une douzaine") read with text2num, and the traps that are not figures:
parts of names and models (Shahed-136, S-300, F-16), dates, years and clock times (the date finder
claims them), ordinals ("2e", "21st"), and references ("article 12", "page 3").

This module reads one figure from its parts: the numbers and their units (figure_amounts.py), what
is not a figure (figure_traps.py), what its clause says of it (figure_clause.py) and who asserts it
(figure_claimants.py), on the vocabulary of data/figures.toml (figure_vocabulary.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from recoupe.clean.sentences import sentence_spans
from recoupe.extract import attribution as at
from recoupe.extract import numbers as nb
from recoupe.extract.dates import find_time_expressions
from recoupe.extract.figure_amounts import (
    currency_before,
    duration_unit,
    json_number,
    scale_after,
    sentence_numbers,
    unit_after,
)
from recoupe.extract.figure_claimants import french_claimants, sentence_cues, token_claimant
from recoupe.extract.figure_clause import (
    RANGE_JOINER,
    act_fits,
    bound_kind,
    breakdown,
    clause_scope,
    clause_span,
    coordinated_with,
    counted_before,
    counted_thing,
    echoes,
    is_part,
    measured_noun,
    nearest_action,
    next_words,
    stands_for_noun,
)
from recoupe.extract.figure_traps import (
    back_reference,
    collective_sense,
    counted_with,
    counts_what_is_named,
    in_name,
    is_reference,
    numbered_name_or_item,
    one_among,
    one_casualty,
    street_number,
    time_reference,
    vague,
)
from recoupe.extract.figure_vocabulary import FigureVocabulary, action_concept, thing_key, vocabulary
from recoupe.extract.tokens import tokenize
from recoupe.model import Article, Figure, QuoteMention, TimeExpression, day_of

# What other stages import: the finders, and the concepts that compare figures across articles.
__all__ = ["action_concept", "article_figures", "find_figures", "thing_key"]


_SCALES = frozenset({Decimal(1000), Decimal(10**6), Decimal(10**9), Decimal(10**12)})
_AND_A_HALF = re.compile(r"\s+et\s+demie?\b")
_AMOUNT_UNITS = frozenset({"€", "$", "£", "%"})
_CASUALTIES = frozenset({"dead", "injured"})  # "un mort et trois blessés": nouns, not actions
# "trois fois par semaine": a frequency.
_FREQUENCY = re.compile(r"\s+fois\s+par\s")
# "three of the seven bullets", "30 000 des 60 000 projets": a part of the number after it.
_PARTITIVE = re.compile(r"\s+(?:of the|of its|of their|des|d['’]entre les)\s+", re.IGNORECASE)


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
            french_claimants(text, [o + f.start for o, f in french], said),
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
    vocab = vocabulary(language)
    times = find_time_expressions(text, reference or date(2000, 1, 1))
    tokens: list[at.Token] | None = None  # for claimants: tokenised only when a figure is found
    figures: list[Figure] = []
    for sentence_start, sentence_end in sentence_spans(text):
        sentence_times = [t for t in times if sentence_start <= t.start < sentence_end]
        found: list[Figure] = []
        numbers = sentence_numbers(text, sentence_start, sentence_end, language, vocab)
        for i, number in enumerate(numbers):
            following = numbers[i + 1] if i + 1 < len(numbers) else None
            figure = _figure(
                text, number, sentence_start, sentence_end, language, vocab, sentence_times, found, following,
                dated=reference is not None,
            )
            if figure is not None:
                found.append(figure)
        if not found:
            continue
        if not claimants or language == "fr":
            figures.extend(found)
            continue
        if tokens is None:
            tokens = tokenize(text)
        # The sentence's reporting cues are the same for each of its figures: found once.
        cues = sentence_cues(tokens, sentence_start, sentence_end, language)
        for figure in found:
            claimant = token_claimant(tokens, cues, text, figure.start, language)
            figures.append(replace(figure, claimant=claimant))
    if claimants and language == "fr" and figures:
        named = french_claimants(text, [f.start for f in figures])
        figures = [replace(f, claimant=c) for f, c in zip(figures, named, strict=True)]
    return figures


def _figure(
    text: str,
    number: nb.Number,
    lo: int,
    hi: int,
    language: str,
    vocab: FigureVocabulary,
    times: list[TimeExpression],
    earlier: list[Figure],
    following: nb.Number | None = None,
    dated: bool = False,
) -> Figure | None:
    """The figure `number` writes, or None where it is none: its unit and scale read, the traps
    ruled out, then what it counts, the action, scope, bound and time its clause gives it;
    `earlier`: the sentence's figures before it, `following`: the number after it, `times`: the
    sentence's time expressions, `dated`: whether the text's publication day resolved them."""
    start, end, value, unit = number.start, number.end, number.value, None
    if (
        back_reference(text, lo, number, vocab)
        or one_among(text, number)
        or vague(text, lo, number, vocab)
        or in_name(text, lo, number)
        or street_number(text, number, vocab)
        or collective_sense(text, lo, number, vocab)
    ):
        return None
    duration = next((t for t in times if t.start <= number.start < t.end), None)
    if duration is not None:
        unit = duration_unit(duration.value, vocab)
        if unit is None:
            return None  # a date, a year or a clock time
    if is_reference(text, lo, number.start, vocab):
        return None
    prefix = currency_before(text, lo, number.start, vocab)
    if prefix is not None:
        start, unit = prefix
    cursor, scale = scale_after(text, end, hi, vocab, currency=unit is not None)
    value *= scale
    cursor = cursor if scale != 1 else end
    half = _AND_A_HALF.match(text, cursor, hi) if scale != 1 else None
    if half is not None:  # "un milliard et demi d'euros", "deux millions et demi"
        value += Decimal(scale) / 2
        cursor = half.end()
    if unit is None or duration is None:
        unit_found = unit_after(text, cursor, hi, vocab, scaled=scale != 1)
        if unit_found is not None:
            unit, cursor = unit_found
    if duration is not None:
        cursor = max(cursor, duration.end)
    end = max(end, cursor)
    lead = text[number.start : number.end].lower()
    words_after = [w for w in next_words(text, cursor, hi) if not any(t.start <= w[0] < t.end for t in times)]
    if (
        number.words
        and lead in ("un", "une")
        and scale == 1  # "un milliard d'euros" is an amount
        and unit not in _AMOUNT_UNITS  # "un euro", "un pour cent" are amounts; "sur un ton" is no tonne
        and not (unit == "t" and "tonne" in text[number.end : end].lower())  # "une tonne d'explosifs"
        and not (words_after and words_after[0][2].lower() in vocab.single)
        and not (following is not None and counted_with(text, end, following))
        and not one_casualty(text, end, hi)
    ):
        return None  # an article, not a count; "un mort et trois blessés" counts
    # "une douzaine de manifestants", "2 millions de chômeurs" join their noun with "de", as a measure does
    collective = lead.split()[-1] in vocab.word_values or scale != 1
    thing_index, thing = counted_thing(words_after, language, vocab, unit is not None or collective)
    if language == "fr" and (unit is not None or scale >= 1_000_000) and thing_index == 0:
        # "751 millions d'euros subie par …", "5 milliards correspondent à …": a measure's noun, and a
        # million's, takes "de" ("dix mille manifestants" does without)
        thing_index, thing = None, None
    if time_reference(text, lo, start, end, unit, thing, value, vocab):
        return None
    part_of = is_part(text, lo, number.start, vocab)
    if (
        part_of
        and thing is not None
        and thing.lower() in vocab.actions
        and thing_key(thing) not in _CASUALTIES
    ):
        thing_index, thing = None, None  # "dont 54 abattus": the noun is the whole's, the word the action
    if thing is None and earlier and (part_of or stands_for_noun(text, lo, number.start, cursor, vocab)):
        thing = earlier[-1].thing  # "dont 54 abattus", "les 11 autres", "the other 14"
        unit = unit or earlier[-1].unit
    if thing is None and unit is None and following is not None:
        # "de 7 à 25 bassins", "3 ou 4 %", "30 000 des 60 000 projets": the next number's noun and unit
        partner = _range_partner(text, number, following, lo, hi, language, vocab, times, earlier)
        if partner is not None:
            thing, unit = partner.thing, partner.unit
            if scale == 1 and following.value and Decimal(partner.value) / following.value in _SCALES:
                value *= Decimal(partner.value) / following.value  # "de 43,9 à 47,2 milliards"
    if thing is None and unit is None and earlier and echoes(text, earlier[-1], number.start, vocab):
        thing, unit = earlier[-1].thing, earlier[-1].unit  # "(contre 28 à 30,5 …)", "28 à 30,5"
    if unit is None and scale == 1 and numbered_name_or_item(text, lo, number, thing):
        return None
    measured = False  # the thing is the noun the amount measures ("une perte de …")
    if thing is None and unit is None and language == "fr":
        thing = counted_before(text, lo, start, vocab)  # "ramener le nombre de guichets … à 14"
    if thing is None and unit is not None and language == "fr":
        thing = measured_noun(text, lo, number.start, vocab)  # "une perte de 751 millions d'euros"
        measured = thing is not None
    if thing is None and unit is None and _FREQUENCY.match(text, end):
        thing = "fois"  # "trois fois par semaine": a frequency
    if thing is None and unit is None and not counts_what_is_named(text, lo, number, scale, language, vocab):
        return None  # a bare number: a score, an index, a code
    clause_lo, clause_hi = clause_span(text, lo, hi, number.start)
    thing_end = words_after[thing_index][1] if thing_index is not None else end
    # An amount of a noun is acted on after it ("la perte de … subie"); a verb before the noun
    # takes the noun as its object ("ont tiré les leçons de l'évaporation de 600 millions").
    action_lo = number.start if measured else clause_lo
    action = nearest_action(text, action_lo, clause_hi, number.start, thing_end, vocab)
    if action is None and part_of and earlier:
        action = earlier[-1].action if earlier[-1].start > clause_lo - 200 and earlier[-1].action else None
    if not act_fits(action, unit, thing, vocab) or (thing or "").lower() in vocab.actions:
        # "has spent 19 seasons": only money is spent; "nine were killed and 31 injured": the
        # counted noun is its own act
        action = None
    scope_lo = coordinated_with(text, lo, hi, clause_lo, start, earlier, vocab)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=json_number(value),
        unit=unit,
        thing=thing,
        action=action,
        claimant=None,
        time=_time_of(text, times, start, end, dated, measured),
        sentence=text[lo:hi],
        part_of=breakdown(text, lo, number.start, vocab, earlier)
        or bool(following and _PARTITIVE.fullmatch(text[number.end : following.start])),
        scope=clause_scope(text, clause_lo, clause_hi, vocab)
        or clause_scope(text, scope_lo, clause_lo, vocab),
        bound=bound_kind(text, lo, start, vocab),
    )


def _range_partner(
    text: str,
    number: nb.Number,
    following: nb.Number,
    lo: int,
    hi: int,
    language: str,
    vocab: FigureVocabulary,
    times: list[TimeExpression],
    earlier: list[Figure],
) -> Figure | None:
    """The figure of the number after this one where a range or an alternative joins them
    ("de 7 à 25 bassins", "3 ou 4 %")."""
    if not RANGE_JOINER.fullmatch(text[number.end : following.start]):
        return None
    return _figure(text, following, lo, hi, language, vocab, times, earlier)


def _time_of(
    text: str, times: list[TimeExpression], start: int, end: int, dated: bool, measures_noun: bool
) -> str | None:
    """The day or period the figure's sentence names nearest to it, if any (durations say how long,
    not when): "the quakes that hit in 2002, and the tsunami that killed 168,000 in 2004" gives the
    168,000 2004. Without a publication date (`dated`), only a year written out places a figure.
    An amount of a noun ("la perte de 751 millions d'euros") is dated only by a
    time after it in its phrase ("… subie mi-octobre"): in "mis en examen jeudi pour la perte de 751
    millions …, a déclaré vendredi", Thursday is the charge's and Friday the statement's, and four
    reports of one loss had been four claims of four days."""
    named = [
        t
        for t in times
        if not t.value.startswith("P")
        and t.value[:1].isdigit()
        and (dated or t.value[:4] in t.text)
        and not (measures_noun and not _in_its_phrase(text, end, t))
    ]
    if not named:
        return None
    return min(named, key=lambda t: max(t.start - start, start - t.end, 0)).value


def _in_its_phrase(text: str, end: int, time: TimeExpression) -> bool:
    return time.start >= end and not any(mark in text[end : time.start] for mark in ",;:(")
