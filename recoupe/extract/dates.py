"""Temporal expressions in an article's text, with ISO-TimeML values resolved against its date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from recoupe.extract import timex_rules as tr
from recoupe.extract.timex_rules import Candidate, Direction, Vocabulary
from recoupe.model import TimeExpression


@dataclass(frozen=True)
class _Context:
    text: str
    reference: date
    vocab: Vocabulary
    language: str


Handler = Callable[[re.Match[str], _Context], list[Candidate]]
_DAY_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
# Patterns of the handlers below, compiled once rather than looked up in re's cache at each match.
_AT_SENTENCE_START = re.compile(r"(?:[.!?:«»\"\n]|^)\s*$")
_DIGITS = re.compile(r"\d+")
_WORD_AFTER = re.compile(r"\s*([^\s\d.,;:!?)»]+)")
_CLOCK_AFTER = re.compile(r"\s+(?:à|to|-)\s+\d")
_OLD = re.compile(r"[\s-]+old\b")
_DE_AFTER = re.compile(r"\s+de\b")
_AGE_CLASS = re.compile(r"(?:moins|plus)\s+de")


def find_time_expressions(text: str, reference: date) -> list[TimeExpression]:
    """Every temporal expression of `text` (French or English), in order, values resolved."""
    return list(_time_expressions(text, reference))


# The figure finder and the dated sentences both read each paragraph against the same date, and
# the regular expressions here are a fifth of the per-article stage (bench/throughput.py profile).
@lru_cache(maxsize=512)
def _time_expressions(text: str, reference: date) -> tuple[TimeExpression, ...]:
    candidates: list[Candidate] = []
    words, digit = tr.text_words(text), tr.has_digit(text)
    for language in ("fr", "en"):
        context = _Context(text, reference, tr.vocabulary(language), language)
        rules = _rules(language)
        for index in _candidate_rules(language, words):
            pattern, handler, trigger = rules[index]
            if not trigger.admits(words, digit):
                continue  # none of the rule's words: its regex would scan the paragraph for nothing
            for match in pattern.finditer(text):
                try:
                    candidates.extend(handler(match, context))
                except (OverflowError, ValueError):
                    continue  # a day past year 1 or 9999: a reference at the calendar's edge
    chosen = _select(candidates)
    return tuple(_resolve(chosen, text, reference))


def _candidate_rules(language: str, words: frozenset[str]) -> list[int]:
    """The indices, in order, of the rules whose trigger may admit a text of these words: those
    with a word of the trigger's first set among them, and those whose trigger names no word.
    Each paragraph holds the words of a few rules only: the others are not even asked."""
    wordless, by_word, indexed = _rule_index(language)
    chosen = set(wordless)
    for word in words & indexed:
        chosen.update(by_word[word])
    return sorted(chosen)


@cache
def _rule_index(language: str) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]], frozenset[str]]:
    """(rules whose trigger names no word, rules by each word of their trigger's first set, those words)."""
    wordless: list[int] = []
    by_word: dict[str, list[int]] = {}
    for index, (_pattern, _handler, trigger) in enumerate(_rules(language)):
        if not trigger.words:
            wordless.append(index)
            continue
        for word in trigger.words[0]:
            by_word.setdefault(word, []).append(index)
    return tuple(wordless), {w: tuple(i) for w, i in by_word.items()}, frozenset(by_word)


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest spans win; a span overlapping a longer (or earlier equal) one is dropped."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if cand.end > cand.start and all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _resolve(chosen: list[Candidate], text: str, reference: date) -> list[TimeExpression]:
    """Values in text order. An anchored expression ("18 h", "la veille") hangs on the day its
    sentence names, before it or else after it, else on the last day named, else the reference."""
    values: dict[int, str] = {
        i: value
        for i, c in enumerate(chosen)
        if not c.anchored and (value := _calendar_value(c, reference)) is not None
    }
    sentence = [len(_SENTENCE_BREAK.findall(text[: c.start])) for c in chosen]
    last_day: date | None = None
    for i, cand in enumerate(chosen):
        if cand.anchored:
            same = [j for j in range(len(chosen)) if sentence[j] == sentence[i] and j in values]
            before = [j for j in same if j < i and _DAY_DATE.match(values[j])]
            after = [j for j in same if j > i and not chosen[j].anchored and _DAY_DATE.match(values[j])]
            pick = before[-1] if before else after[0] if after else None
            anchor = date.fromisoformat(values[pick][:10]) if pick is not None else last_day or reference
            if (value := _calendar_value(cand, anchor)) is not None:
                values[i] = value
        if i in values and _DAY_DATE.match(values[i]):
            last_day = date.fromisoformat(values[i][:10])
    return [
        TimeExpression(c.start, c.end, text[c.start : c.end], values[i])
        for i, c in enumerate(chosen)
        if i in values
    ]


def _calendar_value(candidate: Candidate, anchor: date) -> str | None:
    """The candidate's value, or None for a day pushed past year 1 or 9999 (no value to give)."""
    try:
        return candidate.value(anchor)
    except (OverflowError, ValueError):
        return None


# --- rules -----------------------------------------------------------------------------------


def _span(match: re.Match[str], value: Callable[[date], str], anchored: bool = False) -> list[Candidate]:
    return [Candidate(match.start(), match.end(), value, anchored)]


def _fixed(value: str) -> Callable[[date], str]:
    return lambda _anchor: value


def _part_suffix(part: str | None, vocab: Vocabulary) -> str:
    return f"T{vocab.lookup('day_parts', part)}" if part else ""


def _weekday(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    vocab = ctx.vocab
    number = vocab.lookup("weekdays", m["wd"])
    det = tr._fold(m["det"] or "")
    rel = tr.relation(m["rel"] or m["rel2"], vocab)
    part = _part_suffix(m["part"], vocab)
    sentence_start = _AT_SENTENCE_START.search(ctx.text[max(0, m.start() - 3) : m.start()])
    if m["wd"][0].isupper() and ctx.language == "fr" and not m["det"] and not sentence_start:
        return []  # a capitalised weekday inside a sentence is a name ("Vendredi" the novel)
    if rel is None and (det in ("le", "les", "chaque", "tous les", "every", "on") or m["plural"]):
        return _span(m, _fixed(f"XXXX-WXX-{number}"))  # "le mercredi": every Wednesday
    if m["same"]:  # "ce même lundi": the day already being talked about
        return _span(m, lambda a: tr.day(tr.weekday_date(a, number, "near")) + part, anchored=True)
    if rel is not None:
        direction: Direction = rel
    elif det in ("ce", "this"):
        direction = "near"
    else:
        direction = tr.tense_direction(ctx.text, m.start(), m.end(), ctx.language)
    return _span(m, _fixed(tr.day(tr.weekday_date(ctx.reference, number, direction)) + part))


def _days_ahead(year: int, month_number: int, day_number: int, reference: date) -> int:
    try:
        return (date(year, month_number, day_number) - reference).days
    except ValueError:
        return 0


def _year_of_weekday(
    weekday: str | None, year: int, month_number: int, day_number: int, ctx: _Context
) -> int:
    """ "mardi 25 novembre" read against a reference that puts 25 November on a Sunday: the year
    next to it where that day is a Tuesday, the weekday being what the writer saw on the calendar;
    the year as found when neither next year does."""
    if not weekday:
        return year
    number = ctx.vocab.lookup("weekdays", weekday)
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month_number, day_number).isoweekday() == number:
                return candidate
        except ValueError:
            continue
    return year


def _day_month(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    digits = _DIGITS.match(m["day"])
    day_number = int(digits.group()) if digits else 1  # "premier"
    month_number = ctx.vocab.lookup("months", m["mon"].rstrip("."))
    if ctx.language == "en" and not m["mon"][0].isupper():
        return []  # English month names are capitalised; "may 5" is not a date
    if not 1 <= day_number <= 31:
        return []
    year = m["year"]
    rel = tr.relation(m["rel"], ctx.vocab)
    if year:
        y = tr.full_year(year, ctx.reference)
    else:
        y = tr.nearest_year(ctx.reference, month_number, day_number, rel or "near")
        # News tells the past: "depuis l'invasion le 24 février" in a December article is last
        # February, unless the clause speaks in the future.
        ahead = _days_ahead(y, month_number, day_number, ctx.reference)
        if (
            not rel
            and ahead > 31
            and tr.tense_direction(ctx.text, m.start(), m.end(), ctx.language) == "past"
        ):
            y -= 1
        y = _year_of_weekday(m.groupdict().get("wd"), y, month_number, day_number, ctx)
    try:
        value = date(y, month_number, day_number).isoformat()
    except ValueError:
        return []
    suffix = _part_suffix(m.groupdict().get("part"), ctx.vocab)
    cands = _span(m, _fixed(value + suffix))
    if m.groupdict().get("first"):  # "les 6 et 13 avril": the first day takes the month of the second
        first = int(m["first"].rstrip("er"))
        first_value = f"{value[:8]}{first:02d}" if 1 <= first <= 31 else None
        if first_value:
            cands = [
                Candidate(m.start(), m.end("first"), _fixed(first_value)),
                Candidate(m.start("day"), m.end(), _fixed(value + suffix)),
            ]
    return cands


def _night_of(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    """A night across two days ("dans la nuit du 29 au 30 décembre"): the first day's night."""
    if m["wd"]:
        number = ctx.vocab.lookup("weekdays", m["wd"])
        direction = tr.tense_direction(ctx.text, m.start(), m.end(), ctx.language)
        return _span(m, _fixed(tr.day(tr.weekday_date(ctx.reference, number, direction)) + "TNI"))
    month_number = ctx.vocab.lookup("months", m["mon"])
    day_number = int(m["day"].rstrip("er"))
    y = tr.full_year(m["year"], ctx.reference) if m["year"] else None
    y = y or tr.nearest_year(ctx.reference, month_number, day_number, "near")
    try:
        return _span(m, _fixed(date(y, month_number, day_number).isoformat() + "TNI"))
    except ValueError:
        return []


def _month(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    word = m["mon"].rstrip(".")
    number = ctx.vocab.lookup("months", word)
    has_context = bool(m["pre"] or m["year"] or m["rel"])
    if ctx.language == "fr" and word[0].isupper() and not has_context:
        return []  # French months are lower-case: a capitalised "Mars" alone is the planet
    if ctx.language == "en" and (not word[0].isupper() or (len(word) <= 4 and not has_context)):
        return []  # "may" is a verb, "Jan" a name, French "Sept" seven: short names need a date word
    ref = ctx.reference
    if m["year"]:
        year = tr.full_year(m["year"], ref)
    else:
        rel = tr.relation(m["rel"], ctx.vocab)
        year = tr.nearest_year(ref, number, 15, rel or "near")
        if rel is None and number == ref.month:
            year = ref.year
    return _span(m, _fixed(tr.month(year, number)))


def _year(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    before = ctx.text[max(0, m.start("y") - 1) : m.start("y")]
    if before and (before.isdigit() or before in ".,"):
        return []
    after = _WORD_AFTER.match(ctx.text[m.end() :])
    if after and tr._fold(after.group(1)) in _quantity_words():
        return []
    if not m["pre"] and not 1900 <= int(m["y"]) <= 2099:
        return []
    return _span(m, _fixed(m["y"]))


@cache
def _quantity_words() -> frozenset[str]:
    # Both languages' lists: the English rules also read French text, and "2000 habitants" is no year.
    return frozenset(w for lang in ("fr", "en") for w in tr.vocabulary(lang)["not_year_after"])


def _decade(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    digits = m["d"]
    century = digits[:2] if len(digits) == 4 else ("19" if int(digits) > ctx.reference.year % 100 else "20")
    return _span(m, _fixed(century + digits[-2]))


def _century(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    roman = {"I": 1, "V": 5, "X": 10}
    letters = [roman[c] for c in m["r"].upper()]
    n = sum(-v if i + 1 < len(letters) and v < letters[i + 1] else v for i, v in enumerate(letters))
    return _span(m, _fixed(f"{n - 1:02d}"))


def _relative_day(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    offset = ctx.vocab.lookup("relative_days", m["w"])
    part = _part_suffix(m["part"], ctx.vocab)
    if "night" in tr._fold(m["w"]):
        part = "TNI"
    return _span(m, _fixed(tr.day(tr.shift(ctx.reference, offset, "D")) + part))


def _this_part(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    return _span(m, _fixed(tr.day(ctx.reference) + _part_suffix(m["part"], ctx.vocab)))


def _anchored_day(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    offset = ctx.vocab.lookup("anchored_days", m["w"])
    part = _part_suffix(m.groupdict().get("part"), ctx.vocab)
    return _span(m, lambda a: tr.day(tr.shift(a, offset, "D")) + part, anchored=True)


def _anchored_part(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    part = _part_suffix(m["part"], ctx.vocab)
    return _span(m, lambda a: tr.day(a) + part, anchored=True)


def _clock(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    hour = int(m["h"]) if m["h"].isdigit() else int(tr.parse_number(m["h"], ctx.vocab) or 99)
    minute = int(m["m"]) if m.groupdict().get("m") else 0
    if m.groupdict().get("pm") and m["pm"].lower().startswith("p") and hour < 12:
        hour += 12
    if m.groupdict().get("pm") and m["pm"].lower().startswith("a") and hour == 12:
        hour = 0
    if m.groupdict().get("late") and hour < 12:  # "8 heures du soir"
        hour += 12
    if hour > 24 or minute > 59:
        return []
    return _span(m, lambda a: f"{tr.day(a)}T{hour:02d}:{minute:02d}", anchored=True)


def _noon(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    clock = "12:00" if tr._fold(m["w"]) in ("midi", "noon") else "24:00"
    start, end = m.span("w")
    return [Candidate(start, end, lambda a: f"{tr.day(a)}T{clock}", True)]


_CLOCK_BEFORE = r"\b(?:à|vers|dès|jusqu['’]à|avant|après|entre|et|at|by|until|from|around|about)"


def _duration(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    unit = ctx.vocab.lookup("units", m["unit"])
    vague = m["vague"] is not None
    if vague and tr._fold(m["vague"]) in ("des", "some") and unit == "TH":
        return []  # "aux heures d'ouverture", "des heures" are rarely a duration
    amount = None if vague else tr.parse_number(m["num"], ctx.vocab)
    if not vague and amount is None:
        return []
    if unit == "Y" and not m["pre"] and _is_age(m, ctx.text):
        return []
    if amount is not None and m["half"]:
        amount += 0.5
    if unit == "TH" and amount is not None and amount <= 24 and amount == int(amount):
        clock_after = _CLOCK_AFTER.match(ctx.text[m.end() :])
        if tr.preceded_by(ctx.text, m.start(), _CLOCK_BEFORE) or (
            tr.preceded_by(ctx.text, m.start(), r"\b(?:de|from)") and clock_after
        ):
            hour = int(amount)
            return _span(m, lambda a: f"{tr.day(a)}T{hour:02d}:00", anchored=True)
    pre = tr._fold(m["pre"] or "")
    if pre and amount is not None and unit in ("D", "W", "M", "Y"):
        sign = -1 if pre in ("il y a", "ago") else 1
        whole = int(amount)
        render = {"D": tr.day, "W": tr.week, "M": lambda d: tr.month(d.year, d.month), "Y": _year_of}[unit]
        return _span(m, _fixed(render(tr.shift(ctx.reference, sign * whole, unit))))
    return _span(m, _fixed(tr.duration_value(amount, unit)))


# TimeML leaves ages out: "un chauffeur de 38 ans", "Alain Parmentier, 53 ans,", "les 6-16 ans".
_AGE_AFTER = re.compile(r"^(?:\s*[,)]|\s*$|[\s-]+old\b)")


def _is_age(m: re.Match[str], text: str) -> bool:
    after = text[m.end() : m.end() + 12]
    if _OLD.match(after):
        return True
    if _DE_AFTER.match(after):
        return False  # "une peine de 10 ans de prison" is a duration
    if tr.preceded_by(text, m.start(), r"\b(?:âgée?s?\s+de|aged|(?:les|des)\s+(?:moins|plus)\s+de)|\d[-–]"):
        return True
    if _AGE_CLASS.match(m.group()) and tr.preceded_by(text, m.start(), r"\b(?:les|des)"):
        return True  # "les moins de 17 ans": an age class
    if tr.preceded_by(text, m.start(), r"\bde") and m["num"] and m["num"][0].isdigit():
        return True
    return tr.preceded_by(text, m.start(), r",") and _AGE_AFTER.match(after) is not None


def _year_of(d: date) -> str:
    return tr.iso_year(d.year)


def _ago(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    """English "three days ago": the duration comes first."""
    unit = ctx.vocab.lookup("units", m["unit"])
    amount = tr.parse_number(m["num"], ctx.vocab)
    if amount is None or unit not in ("D", "W", "M", "Y"):
        return []
    shifted = tr.shift(ctx.reference, -int(amount), unit)
    render = {"D": tr.day, "W": tr.week, "M": lambda d: tr.month(d.year, d.month), "Y": _year_of}[unit]
    return _span(m, _fixed(render(shifted)))


def _lookup_value(key: str) -> Handler:
    def handler(m: re.Match[str], ctx: _Context) -> list[Candidate]:
        return _span(m, _fixed(ctx.vocab.lookup(key, m["w"])))

    return handler


def _frequency_adjective(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    # "le quotidien", "l'hebdomadaire", "les principaux quotidiens", "la presse quotidienne":
    # after a determiner, in the plural or after "presse" it is a newspaper, not a frequency.
    det = rf"\b(?:le|la|l{tr.APOS}|un|une|du|au|ce|son|leur|des|les|de|the|a|press|presse)"
    if tr.preceded_by(ctx.text, m.start(), det) or (ctx.language == "fr" and m["w"].endswith("s")):
        return []
    return _span(m, _fixed(ctx.vocab.lookup("frequency_adjectives", m["w"])))


def _fixed_ref(value: str) -> Handler:
    return lambda m, ctx: _span(m, _fixed(value))


def _period(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    """A week, weekend, month or year next to the reference ("la semaine dernière", "last week")."""
    unit = {"semaine": "W", "week": "W", "mois": "M", "month": "M", "weekend": "WE"}.get(
        tr._fold(m["unit"]).replace("-", ""), "Y"
    )
    rel = tr.relation(m["rel"], ctx.vocab)
    ref = ctx.reference
    if unit == "WE":
        direction = rel or tr.tense_direction(ctx.text, m.start(), m.end(), ctx.language)
        saturday = tr.weekday_date(ref, 6, direction)
        return _span(m, _fixed(tr.week(saturday) + "-WE"))
    step = {"before": -1, "after": 1}.get(rel or "", 0)
    if rel is None and not m["this"]:
        return []
    shifted = tr.shift(ref, step, unit)
    render = {"W": tr.week, "M": lambda d: tr.month(d.year, d.month), "Y": _year_of}[unit]
    return _span(m, _fixed(render(shifted)))


def _season(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    code = ctx.vocab.lookup("seasons", m["s"])
    rel = tr.relation(m["rel"], ctx.vocab)
    if m["year"]:
        return _span(m, _fixed(f"{tr.iso_year(tr.full_year(m['year'], ctx.reference))}-{code}"))
    if rel or m["this"]:
        return _span(m, _fixed(f"{tr.iso_year(tr.season_year(ctx.reference, code, rel or 'near'))}-{code}"))
    if m["det"]:
        return _span(m, _fixed(f"XXXX-{code}"))  # "en été": summers in general
    return []


def _season_pair(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    """Two generic seasons in "été comme hiver" (all year round)."""
    return [
        Candidate(m.start("s"), m.end("s"), _fixed(f"XXXX-{ctx.vocab.lookup('seasons', m['s'])}")),
        Candidate(m.start("s2"), m.end("s2"), _fixed(f"XXXX-{ctx.vocab.lookup('seasons', m['s2'])}")),
    ]


def _frequency(m: re.Match[str], ctx: _Context) -> list[Candidate]:
    return _span(m, _fixed(ctx.vocab.lookup("frequency_units", m["u"])))


@cache
def _rules(language: str) -> tuple[tuple[re.Pattern[str], Handler, tr.Trigger], ...]:
    handlers: dict[str, Handler] = {
        "weekday": _weekday,
        "day_month": _day_month,
        "night_of": _night_of,
        "month": _month,
        "year": _year,
        "decade": _decade,
        "century": _century,
        "relative_day": _relative_day,
        "this_part": _this_part,
        "anchored_day": _anchored_day,
        "anchored_part": _anchored_part,
        "clock": _clock,
        "noon": _noon,
        "duration": _duration,
        "ago": _ago,
        "present_ref": _fixed_ref("PRESENT_REF"),
        "past_ref": _fixed_ref("PAST_REF"),
        "future_ref": _fixed_ref("FUTURE_REF"),
        "period_noun": _lookup_value("period_nouns"),
        "frequency": _frequency,
        "frequency_adjective": _frequency_adjective,
        "period": _period,
        "season": _season,
        "season_pair": _season_pair,
    }
    vocab = tr.vocabulary(language)
    flags = re.IGNORECASE
    return tuple(
        (re.compile(p, flags), handlers[name], trigger) for name, p, trigger in tr.patterns(language, vocab)
    )
