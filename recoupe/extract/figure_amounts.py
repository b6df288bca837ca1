"""The numbers of a sentence that may be figures, read as amounts: digits and number words that are
not an ordinal, a code or a model's number ("2e", "01 23", "S-300"), then the currency before them,
the scale and unit after them ("$2bn", "13,8 milliards de mètres cubes"), a duration's unit."""

from __future__ import annotations

import re
from decimal import Decimal

from recoupe.extract import numbers as nb
from recoupe.extract.figure_vocabulary import FigureVocabulary

# A date-finder span holding a figure makes it a date, unless it is a duration ("trois ans").
_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")
# After a number, a letter glued to it makes an ordinal, a model or a time ("2e", "21st", "14h30"),
# except for the unit and scale symbols written that way ("12M€", "45%", "$2bn", "5km").
_GLUED_OK = re.compile(r"(?:%|€|\$|£|M€|Md€|Mds€|bn|mn|m|k|km²|km|kg|mm|ha|MW|GW|°C|t)(?![\w])")
_SCALE_WORD = re.compile(rf"{nb.SPACE}?([A-Za-zÀ-ÿ]+)")
_A_SINGLE = re.compile(r"\b(?:[Aa]|[Oo]ne)\s+single\b")
_HYPHEN_WORD = re.compile(r"-([a-zé]+(?:-old)?)")
# "3 pour cent": the "cent" of the unit is no number of its own.
_PER_CENT = re.compile(r"\b[Pp]our\s+$")
# "d'un", "qu'une": the word finder reads an elided "de"/"que" and the number after it as one word.
# Not "l'un" ("l'un des deux otages" names one of them, it counts nothing).
_ELIDED_BEFORE_NUMBER = re.compile(r"(?i:d|qu)['’](?=\w)")
_JOINED_BY = re.compile(r"(?:de|d['’]|of)\s*")
# A number word that counts by tens or hundreds: "une vingtaine", "des centaines".
_COLLECTIVE = re.compile(r"(?i:aines?)$")


def sentence_numbers(text: str, lo: int, hi: int, language: str, vocab: FigureVocabulary) -> list[nb.Number]:
    """The numbers between `lo` and `hi` that may be figures: digits that no letter, hyphen or
    slash glued to them makes a name, an ordinal or a code; "a single"; number words, a run of them
    read as one number ("deux cent mille") and fractions read ("deux tiers", "la moitié")."""
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
        if _negative(text, start) and _signed(text, before, end):
            start, value = start - 1, -value  # −12 °C
        found.append(nb.Number(start, end, value, False))
    if vocab.single and language == "en":
        for match in _A_SINGLE.finditer(text[lo:hi]):
            found.append(nb.Number(lo + match.start(), lo + match.end(), Decimal(1), True))
    for match in nb.WORD.finditer(text, lo, hi):
        word, start = match.group(), match.start()
        elided = _ELIDED_BEFORE_NUMBER.match(word) if language == "fr" else None
        if elided is not None:  # "d'un seul adjoint", "près d'un million": the number after the elision
            word, start = word[elided.end() :], start + elided.end()
        value = nb.word_value(word, language)
        if value is not None and not (word.lower() == "cent" and _PER_CENT.search(text, lo, start)):
            found.append(nb.Number(start, match.end(), value, True))
    merged = nb.merge_word_runs(sorted(found, key=lambda n: n.start), text, language)
    return nb.with_fractions(merged, text, lo, hi, language)


# What a negative number measures: "-12 °C", "-2,5 %", "-3 points" (a dash before a bare count
# opens an aside: "des milliers de personnes -32 000 selon la police, 80 000 selon …-").
_SIGNED_UNIT = re.compile(r"[ \u00a0\u202f]*(?:%|°|€|\$|£|pts?\b|points?\b|pour ?cent)")


def _signed(text: str, sign: str, end: int) -> bool:
    return sign == "−" or _SIGNED_UNIT.match(text, end) is not None


def _negative(text: str, start: int) -> bool:
    return start >= 1 and text[start - 1] in "-−" and (start < 2 or text[start - 2] in " (\u00a0")


def _hyphen_unit(text: str, end: int, vocab: FigureVocabulary) -> bool:
    """ "a 45-year-old", "a 10-km walk": the hyphen glues a unit, not another number or a name."""
    word = _HYPHEN_WORD.match(text[end : end + 16])
    return word is not None and word.group(1) in vocab.unit_words


def currency_before(text: str, lo: int, start: int, vocab: FigureVocabulary) -> tuple[int, str] | None:
    """Where a currency written before the number starts, and its unit ("$2bn", "US$ 3 million")."""
    head = text[max(lo, start - 4) : start].rstrip(" \u00a0\u202f")
    for form, unit in vocab.prefixes:
        if head.endswith(form):
            return start - (start - max(lo, start - 4) - len(head)) - len(form), unit
    return None


def scale_after(text: str, end: int, hi: int, vocab: FigureVocabulary, currency: bool) -> tuple[int, int]:
    """Where the scale word after the number ends and its multiplier ("13,8 milliards", "$3m"):
    (`end`, 1) when none follows."""
    match = _SCALE_WORD.match(text, end, hi)
    if match is None:
        return end, 1
    collective = _COLLECTIVE.search(text, max(0, end - 12), end) is not None
    joined = _JOINED_BY.match(text, match.start(1), hi) if collective else None
    if joined is not None:
        # "une vingtaine de milliards d'euros": a collective number, then "de" and the scale.
        scale = _SCALE_WORD.match(text, joined.end(), hi)
        scaled = scale.group(1).lower() if scale is not None else ""
        if scale is not None and scaled in vocab.scales and scaled not in ("m", "k"):
            return scale.end(), vocab.scales[scaled]
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


def unit_after(
    text: str, cursor: int, hi: int, vocab: FigureVocabulary, scaled: bool
) -> tuple[str, int] | None:
    """The unit written at `cursor` and where it ends ("%", "euros", "km/h"); `scaled`: a scale
    word came before, so "de"/"of" may stand between ("3 millions d'euros")."""
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


def duration_unit(value: str, vocab: FigureVocabulary) -> str | None:
    """The unit of a duration the date finder gives ("P3Y" -> year), None for any other value."""
    match = _DURATION.match(value)
    if match is None:
        return None
    designator = ("T" if match.group(1) else "") + match.group(3)
    return vocab.durations.get(designator) or vocab.durations.get(match.group(3))


def json_number(value: Decimal) -> int | float:
    """A value as JSON writes it: an int when whole."""
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value)
