"""Properties of the temporal-expression finder on any text and any reference date (hypothesis):
no exception, every value a well-formed ISO-TimeML value, every span pointing at its text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recoupe.extract import timex_rules as tr
from recoupe.extract.dates import _rules, find_time_expressions

PHRASES = [
    "hier", "demain", "avant-hier", "lundi prochain", "jeudi soir", "mercredi dernier", "Vendredi",
    "la semaine dernière", "il y a trois jours", "dans la nuit du 29 au 30 décembre", "le 3 mars",
    "le 3 mars 2021", "le 31 février", "le premier janvier", "en mai", "au printemps prochain",
    "en 2019", "l'an dernier", "le mois prochain", "ce matin", "la veille", "le lendemain à 18 h",
    "trois ans", "30,4 secondes", "quatre-vingt-dix-neuf jours", "deux heures et demie",
    "2 heures du matin", "14h30", "25h99", "dans les années 1990", "il y a 99999 ans",
    "dans 987654321 jours", "pendant 1000000 secondes", "au XXe siècle", "depuis trois décennies",
    "yesterday", "last Monday", "next week", "on March 3", "March 3, 2021", "three days ago",
    "in 2019", "at 2 p.m.", "this morning", "the day before", "for 12.5 hours", "now", "recently",
    "au XXe siècle", "le siècle dernier", "LE SIÈCLE", "les années 90",
]  # fmt: skip

# A text: pieces of any Unicode between temporal phrases, so that rules fire next to odd input.
texts = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(PHRASES)), max_size=10).map(" ".join)

_NUMBER = r"(?:\d+(?:\.\d+)?|X)"
_DATE = (
    r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-[1-7])?|-(?:SP|SU|FA|WI)|-Q[1-4X]|-H[12X]|-WE)?"
    r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT))?"
)
_DURATION = rf"P(?:{_NUMBER}(?:Y|M|W|D|DE|CE|ML|WE))*(?:T(?:{_NUMBER}[HMS])+)?"
# ISO-TimeML TIMEX3 values: calendar points (with X for the unknown; a century as "19", a decade
# as "199"), durations, and the refs.
TIMEX3_VALUE = re.compile(rf"\d{{2,3}}|{_DATE}|(?!P$){_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF")


def _check(text: str, reference: date) -> None:
    found = find_time_expressions(text, reference)
    end = 0
    for expression in found:
        assert end <= expression.start < expression.end <= len(text)  # in order, never overlapping
        assert text[expression.start : expression.end] == expression.text
        assert TIMEX3_VALUE.fullmatch(expression.value), expression
        if day := re.match(r"(\d{4})-(\d{2})-(\d{2})", expression.value):
            date(*map(int, day.groups()))  # a real day of the calendar
        if week := re.match(r"\d{4}-W(\d{2})", expression.value):
            assert 1 <= int(week[1]) <= 53
        end = expression.end


@settings(max_examples=300, deadline=None)
@given(texts, st.dates())
@example("il y a trois jours, hier et l'an dernier", date(1, 1, 1))
@example("demain, lundi prochain et dans 987654321 jours", date(9999, 12, 31))
def test_any_text_and_any_reference_date_give_well_formed_values_at_the_right_offsets(
    text: str, reference: date
) -> None:
    _check(text, reference)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.dates())
def test_arbitrary_unicode_never_makes_the_finder_fail(text: str, reference: date) -> None:
    _check(text, reference)


# Pieces that the rules' words are made of, and the ways print writes them: capitals, lost
# accents, a dotless ı or long ſ (IGNORECASE reads them as i and s), words glued together.
_RULE_WORDS = sorted(
    {
        word
        for language in ("fr", "en")
        for entries in tr.vocabulary(language).words.values()
        for word in entries
    }
    | {
        "nuit", "heure", "heures", "siècle", "années", "même", "comme", "ago", "o'clock", "midi", "minuit",
        "noon", "midnight", "the", "this", "that", "le", "la", "l'", "les", "en", "début", "fin", "courant",
        "depuis", "dès", "de", "du", "au", "ce", "cet", "cette", "dans", "in", "since", "by", "until",
        "early", "late", "during", "through", "from", "mid-", "il y a", "every", "each", "per", "chaque",
        "tous", "toutes", "par", "et", "-ci", "week-end", "weekend", "1er", "3", "12", "31", "1999", "90",
        "1990s", "14h30", "10:30", "5", "p.m.", "XXe",
    }
)  # fmt: skip
_SPELLINGS = [
    str,
    str.upper,
    str.capitalize,
    lambda w: unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode(),
    lambda w: w.replace("i", "ı").replace("s", "ſ"),
    lambda w: w.upper().replace("I", "İ"),
]
_GLUE = st.sampled_from(["", " ", "  ", "-", "'", "’", ".", ",", "\n", "_"])
rule_texts = st.lists(
    st.tuples(st.sampled_from(_RULE_WORDS), st.sampled_from(_SPELLINGS), _GLUE), max_size=12
).map(lambda pieces: "".join(spell(word) + glue for word, spell, glue in pieces))


# And texts that hypothesis writes from each rule's own regex: any case, every optional space empty.
_RULES = [rule for language in ("fr", "en") for rule in _rules(language)]
rule_matches = st.sampled_from(_RULES).flatmap(lambda rule: st.from_regex(rule[0]))


@settings(max_examples=500, deadline=None)
@given(st.one_of(rule_texts, rule_matches))
@example("depuismars enété lanuit leweekend laaprès-midi inmay byJune LUNDİ ſamedi")
def test_a_rule_skipped_for_lacking_its_trigger_words_could_not_have_matched(text: str) -> None:
    words, digit = tr.text_words(text), tr.has_digit(text)
    for pattern, _handler, trigger in _RULES:
        if pattern.search(text):
            assert trigger.admits(words, digit), (pattern.pattern[:60], text)


def test_a_month_glued_to_its_preposition_is_still_found() -> None:
    (found,) = find_time_expressions("Les prix montent depuismars.", date(2024, 3, 16))
    assert (found.text, found.value) == ("depuismars", "2024-03")


def test_letters_the_rules_match_case_blind_are_read_as_their_plain_letters() -> None:
    # dotless ı and long ſ match "i" and "s" under IGNORECASE: their words must be read, not crash.
    reference = date(2024, 3, 5)
    assert [t.value for t in find_time_expressions("il est venu lundı", reference)] == ["2024-03-04"]
    assert [t.value for t in find_time_expressions("ſamedi dernier", reference)] == ["2024-03-02"]
