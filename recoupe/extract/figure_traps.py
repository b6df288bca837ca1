"""What is not a figure, or not one alone: things already named counted again ("les deux pays"),
orders of size ("plusieurs dizaines"), numbers in names, codes and references ("Boeing 737",
"article 12"), ages and durations that place the event in time ("depuis six ans"), "un" as an
article; and the bare numbers that still count something named ("la moitié", "qui en compte 12 000")."""

from __future__ import annotations

import re
from decimal import Decimal

from recoupe.extract import numbers as nb
from recoupe.extract.figure_clause import ends_with, plain_before, words_before
from recoupe.extract.figure_vocabulary import PLURAL_END, FigureVocabulary, action_concept

_ELIDED = re.compile(r"^[a-z]['’]")
_AMONG_THEM = re.compile(r"\s+(?:d['’]entre\s+(?:eux|elles|nous|vous)|of\s+(?:them|us))\b", re.IGNORECASE)
# Nouns of time: a duration's, when its counted thing is one.
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
_ONE_AMONG = re.compile(
    r"\s+(?:of\s+(?:the|its|his|her|their|our|these|those)|des|d['’]entre)\b", re.IGNORECASE
)
_DETERMINED_ONE = re.compile(
    r"\b(?:the|this|that|each|every|another|which|any|no)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)
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
_STREET_AFTER = re.compile(r"(?:\s+(?:bis|ter))?,?\s+([^\W\d_][\w-]*)(?=\s)", re.IGNORECASE)
_COUNTED_YEARS = re.compile(r"\s+d(?:e\s+|['’]\s?)(?:ans|années)\b")
# "d'une durée de deux à dix ans": the upper bound of a range, not an age.
_RANGE_BEFORE = re.compile(r"\b(?:de|entre)\s+\S+(?:\s+(?:ans|années))?\s+(?:à|a|et)$")
# "passer le bac de 4 ans à 3 ans": the lower bound of a change or a range, not an age.
_RANGE_AFTER = re.compile(r"\s+(?:à|et)\s+[\w,.-]+\s+(?:ans|années)\b")
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "h", "min", "s"})
_COORDINATED_DURATION = re.compile(
    r"(\w+)\s+(?:ans|années|mois|semaines|jours|heures|years|months|weeks|days|hours)\s+(?:et|and)\s+$"
)


def back_reference(text: str, lo: int, number: nb.Number, vocab: FigureVocabulary) -> bool:
    """ "les deux pays", "toutes deux", "ces trois hommes": things already named, counted again."""
    lead = text[number.start : number.end].lower()
    if lead not in vocab.back_reference_numbers:
        return False
    return ends_with(words_before(text, lo, number.start, vocab), vocab.back_reference_before)


def one_among(text: str, number: nb.Number) -> bool:
    """ "one of the heaviest attacks", "une des pires crues": one picked out of a set; "the second
    one aimed at …": a pronoun; no count either."""
    lead = text[number.start : number.end].lower()
    if lead == "one" and _DETERMINED_ONE.search(text, max(0, number.start - 30), number.start):
        return True
    return lead in ("one", "un", "une") and _ONE_AMONG.match(text, number.end) is not None


def vague(text: str, lo: int, number: nb.Number, vocab: FigureVocabulary) -> bool:
    """ "plusieurs dizaines", "several dozen", "a few hundred": an order of size, not a count."""
    before = text[max(lo, number.start - 16) : number.start].lower().split()
    return number.words and bool(before) and before[-1] in vocab.vague


def in_name(text: str, lo: int, number: nb.Number) -> bool:
    """A number inside a name: a number word capitalised inside a sentence before another capitalised
    word ("le pic Deux Sœurs"), digits between two capitalised words ("l'université Lyon 2
    Lumière", "Boeing 737 Max")."""
    after = _NAME_AFTER.match(text, number.end)
    if after is None:
        return False
    if number.words:
        return text[number.start].isupper() and _INSIDE_SENTENCE.search(text, lo, number.start) is not None
    if after.group().strip().lower() in _TIME_UNIT_WORDS and _INSIDE_SENTENCE.search(text, lo, number.start):
        return True  # "selon 20 Minutes": a unit capitalised inside a sentence is a title's word
    before = _NAME_BEFORE.search(text, lo, number.start)
    return before is not None and _INSIDE_SENTENCE.search(text, lo, before.start() + 1) is not None


def numbered_name_or_item(text: str, lo: int, number: nb.Number, thing: str | None) -> bool:
    """Digits that number a name or an item of a list, not a count: "le débat sur France 5
    régional" (after a capitalised word, before a singular word), "1 Réformer la loi" (opening a
    line before a capitalised word)."""
    if number.words:
        return False
    if (number.start == 0 or text[number.start - 1] == "\n") and _NAME_AFTER.match(text, number.end):
        return True
    if _CODE_BEFORE.search(text, lo, number.start):
        return True  # "le vol AF 447", "la RN 7": a code's number
    singular = thing is not None and thing[:1].islower() and not PLURAL_END.search(thing)
    name = _NAME_BEFORE.search(text, lo, number.start) if singular else None
    return name is not None and _INSIDE_SENTENCE.search(text, lo, name.start() + 1) is not None


def is_reference(text: str, lo: int, start: int, vocab: FigureVocabulary) -> bool:
    """A number that numbers a reference ("article 12", "l'article 49.3", "page 3")."""
    before = text[max(lo, start - 20) : start].split()
    word = _ELIDED.sub("", before[-1].lower().rstrip(":")) if before else ""  # "l'article"
    return word in vocab.references


def street_number(text: str, number: nb.Number, vocab: FigureVocabulary) -> bool:
    """A number before a street ("au 12 rue de la Paix", "4 bis, avenue du Général …")."""
    if number.words:
        return False
    after = _STREET_AFTER.match(text, number.end)
    return after is not None and after.group(1).lower() in vocab.streets


def collective_sense(text: str, lo: int, number: nb.Number, vocab: FigureVocabulary) -> bool:
    """A collective number word in its other sense: "la mise en quarantaine", "sa quarantaine"
    (no quantity before it, no "de" after it); "une centaine", "la centaine de salariés" count."""
    written = text[number.start : number.end].lower()
    if not number.words or written not in vocab.word_values or _MEASURED_AFTER.match(text, number.end):
        return False
    before = text[max(lo, number.start - 12) : number.start].lower().split()
    return bool(before) and before[-1] in vocab.collective_senses_before


def counted_with(text: str, end: int, following: nb.Number) -> bool:
    """ "un mort et trois blessés": "un" coordinated with a count; not with another article ("un
    toit et une porte")."""
    article = text[following.start : following.end].lower() in ("un", "une", "a", "an")
    return not article and _COUNTED_WITH.fullmatch(text[end : following.start]) is not None


def one_casualty(text: str, end: int, hi: int) -> bool:
    """ "Un soldat cambodgien a été tué": one killed or wounded is a count (a casualty report)."""
    found = _ONE_CASUALTY.match(text, end, hi)
    return found is not None and action_concept(found.group(1)) in ("kill", "wound")


def time_reference(
    text: str,
    lo: int,
    start: int,
    end: int,
    unit: str | None,
    thing: str | None,
    value: Decimal,
    vocab: FigureVocabulary,
) -> bool:
    """An age ("un homme de 45 ans") or a duration placing the event in time ("depuis six ans",
    "deux jours après", "en seize mois"): not a quantity asserted about the event. A duration that
    is a verb's object or a measurement ("a duré 23 jours", "ne peut excéder 48 heures", "en 10,92
    secondes") stays a figure."""
    if unit not in _DURATION_UNITS and (thing is None or thing.lower() not in _TIME_UNIT_WORDS):
        return False
    before = words_before(text, lo, start, vocab)
    coordinated = _COORDINATED_DURATION.search(text[max(lo, start - 40) : start])
    if coordinated:  # "ses six années et quatre mois de détention": as the first duration is
        before = words_before(text, lo, max(lo, start - 40) + coordinated.start(1), vocab)
    # "un homme de 45 ans", "stagiaire à 22 ans puis", not "de cinq ans d'emprisonnement" nor "de
    # deux à dix ans"; "Lucien Favre, 41 ans, a été"
    counted_years = _COUNTED_YEARS.match(text, end)  # "une trentaine d'années": past the noun
    aged = ends_with(before, vocab.age_before) and not (
        _MEASURED_AFTER.match(text, counted_years.end() if counted_years else end)
        or _RANGE_BEFORE.search(before)
        or (_RANGE_AFTER.match(text, end) and re.search(r"\bde$", before))
        or _last_word(before.removesuffix(" de").removesuffix(" à")) in vocab.lasting  # "un contrat de 3 ans"
    )
    apposed = (
        _APPOSED_AGE.search(text, lo, start) is not None and _APPOSED_AGE_END.match(text, end) is not None
    )
    # "d'une trentaine d'années": a collective number counts years as its noun, not as a unit.
    years = unit == "year" or (thing is not None and thing.lower() in ("an", "ans", "année", "années"))
    if years and (aged or apposed or text[start:end].endswith("-old")):
        return True
    if value != value.to_integral_value():
        return False  # "en 10,92 secondes": a measurement
    after = " ".join(text[end : end + 24].lower().replace("’", "'").split())
    after = after.removeprefix("et demi ").removeprefix("et demie ").removeprefix("and a half ")
    raw = " ".join(text[max(lo, start - 12) : start].lower().split())  # "over" is a bound, and a time
    return (
        ends_with(before, vocab.time_before)
        or ends_with(raw, vocab.time_before)
        or after.startswith(vocab.time_after)
        or _TIME_SPAN.match(text, end) is not None
        or _TIME_PASSES.match(text, end) is not None
    )


def _last_word(words: str) -> str:
    return words.rsplit(" ", 1)[-1] if words else ""


def counts_what_is_named(
    text: str, lo: int, number: nb.Number, scale: int, language: str, vocab: FigureVocabulary
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


def _en_stands_for_noun(text: str, lo: int, start: int, vocab: FigureVocabulary) -> bool:
    """ "qui en compte plus de 12 000", "ils en ont deux": the clitic "en" before the verb stands for
    the noun the number counts (not "en Ligue 1": a name follows that "en")."""
    plain = plain_before(text, lo, start)
    cut = len(plain) - len(words_before(text, lo, start, vocab))
    raw = " ".join(text[max(lo, start - 40) : start].replace("’", "'").split())
    return _EN_CLITIC.search(raw[: len(raw) - cut].rstrip()) is not None


def _among_them(text: str, end: int) -> bool:
    return bool(_AMONG_THEM.match(text, end))
