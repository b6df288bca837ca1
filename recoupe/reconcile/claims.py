"""Claims: the figures of a story grouped by what they count, what was done to it (one concept
across verbs and languages) and where (its scope), then marked corroborated (one value, two or
more independent sources), single (one source) or disputed.

A part of a whole ("sept drones lancés contre la capitale, dont deux abattus à l'approche et cinq
au-dessus de la ville") is a breakdown of it, never a claim that could dispute another figure;
a single part with its own action ("69 missiles lancés, dont 54 abattus") is a claim of its own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import TypeVar

from recoupe.extract.figures import action_concept, article_figures, thing_key
from recoupe.model import Article, Claim, ClaimStatus, ClaimValue, Entity, Figure
from recoupe.reconcile.entities import entity_named, person_index
from recoupe.stories.provenance import independent_origins

# Units of a time span: "deux heures" tells how long something lasted, not a fact worth checking.
_DURATIONS = frozenset({"year", "month", "week", "day", "h", "min", "s"})
T = TypeVar("T")
# Counted nouns that carry their action: the dead were killed, the injured wounded.
_NOUNS_OF_ACTIONS = {"dead": "kill", "injured": "wound"}
_STATUS_ORDER: dict[ClaimStatus, int] = {"disputed": 0, "corroborated": 1, "single": 2}


@dataclass(frozen=True)
class StatedFigure:
    """A figure as one article of the story states it."""

    article: str
    origin: str  # the article's independent origin (copies and one agency's dispatch share one)
    figure: Figure


def story_claims(
    articles: list[Article],
    entities: list[Entity],
    max_claims: int,
    figures: dict[str, list[Figure]] | None = None,
) -> list[Claim]:
    """The claims of a story's articles, disputed first, then corroborated, then single.

    `figures`: each article's figures as already found (the per-article stage), else found here.
    """
    origins = independent_origins(articles)
    found = figures if figures is not None else {a.id: article_figures(a) for a in articles}
    stated = [StatedFigure(a.id, origins[a.id], f) for a in articles for f in found[a.id]]
    return reconcile_figures(stated, entities, max_claims)


def reconcile_figures(stated: list[StatedFigure], entities: list[Entity], max_claims: int) -> list[Claim]:
    """Group figures about the same thing and action into claims and compare their values."""
    groups: dict[tuple[str | None, ...], list[StatedFigure]] = defaultdict(list)
    seen: set[tuple[object, ...]] = set()
    for item in _claims_of_their_own(stated):
        key = _claim_key(item.figure)
        if key is None or (item.article, item.figure.sentence, key) in seen:
            # One sentence giving several values of one thing breaks a total down or states a
            # change ("10 au-dessus de Smolensk et six au-dessus de Voronej", "de 43,9 à 47,2
            # milliards"): its first figure speaks for the sentence, the others do not dispute it.
            continue
        seen.add((item.article, item.figure.sentence, key))
        groups[key].append(item)
    index = person_index(entities)
    grouped = _details_agreeing(groups)
    claims = [
        claim
        for key, group in grouped.items()
        for items in _by_period(group)
        for claim in _claims_of(items, key, index)
    ]
    claims.sort(key=lambda c: (_STATUS_ORDER[c.status], -sum(len(v.articles) for v in c.values)))
    return claims[:max_claims]


def _details_agreeing(
    groups: dict[tuple[str | None, ...], list[StatedFigure]],
) -> dict[tuple[str | None, ...], list[StatedFigure]]:
    """A figure that leaves out what was done or where ("Brinville privé de 400 vols") joins the
    one group of its thing that says it ("400 vols annulés à Brinville") when it gives a value
    stated there: it corroborates. With another value, or several groups it could join, it stays
    apart: the 85 missiles of a headline may be the launched or the shot down, and a false
    dispute is worse than a missed corroboration."""
    merged = {key: list(items) for key, items in groups.items()}
    for key in groups:
        fuller = [other for other in groups if other != key and _says_more(other, key)]
        if len(fuller) != 1:
            continue
        stated, stays = groups[fuller[0]], []
        for item in merged[key]:
            joins = any(same_value(other.figure.value, item.figure.value) for other in stated)
            (merged[fuller[0]] if joins else stays).append(item)
        merged[key] = stays
    return {key: items for key, items in merged.items() if items}


def _says_more(fuller: tuple[str | None, ...], key: tuple[str | None, ...]) -> bool:
    """`fuller` counts the same thing in the same unit and names every detail `key` names (its
    action and scope), and more."""
    thing, action, unit, scope = key
    other_thing, other_action, other_unit, other_scope = fuller
    return (
        (other_thing, other_unit) == (thing, unit)
        and action in (None, other_action)
        and scope in (None, other_scope)
    )


def _claims_of_their_own(stated: list[StatedFigure]) -> list[StatedFigure]:
    """The figures that state a claim: the parts of a breakdown go with their whole."""
    kept: list[StatedFigure] = []
    for _, sentence in groupby(stated, key=lambda i: (i.article, i.figure.sentence)):
        items = list(sentence)
        parts = sum(i.figure.part_of for i in items)
        whole: StatedFigure | None = None
        for item in items:
            if not item.figure.part_of:
                whole = item
            elif parts > 1 or whole is None or _same_action(whole.figure, item.figure):
                continue  # a breakdown of the whole: "dont deux abattus à l'approche et cinq …"
            kept.append(item)
    return kept


def _same_action(a: Figure, b: Figure) -> bool:
    return b.action is None or action_concept(a.action) == action_concept(b.action)


def _claim_key(figure: Figure) -> tuple[str | None, ...] | None:
    """Same counted noun (across inflections), same action (across languages), same kind of unit,
    same scope (all of Ukraine is not its capital)."""
    thing, action = thing_key(figure.thing), action_concept(figure.action)
    if thing in _NOUNS_OF_ACTIONS and action in (None, _NOUNS_OF_ACTIONS[thing]):
        thing, action = "people", _NOUNS_OF_ACTIONS[thing]  # "9 morts" = "9 personnes tuées"
    if thing is None and (action is None or figure.unit is None):
        return None  # "2,5 %" of nothing named: nothing to compare it with
    if figure.unit in _DURATIONS and thing is None:
        return None
    return thing, action, figure.unit, figure.scope


def _by_period(items: list[StatedFigure]) -> list[list[StatedFigure]]:
    """Figures that name different periods are different claims (240 job cuts in 2024, 90 in
    2021). One that names none goes with the only period named when it gives a value stated there
    (it corroborates), else stands with the others that name none: a toll of the day without a
    date is no rival of the 2004 tsunami's."""
    periods: dict[str | None, list[StatedFigure]] = defaultdict(list)
    for item in items:
        periods[_period(item.figure.time)].append(item)
    named = [p for p in periods if p is not None]
    if len(named) == 1 and None in periods:
        stated, apart = periods[named[0]], []
        for item in periods.pop(None):
            joins = any(same_value(other.figure.value, item.figure.value) for other in stated)
            (stated if joins else apart).append(item)
        if apart:
            periods[None] = apart
    return list(periods.values())


def _period(time: str | None) -> str | None:
    """The calendar period a time value names: a day, a month or a year ("2022-12-29T20:00" is the day)."""
    if time is None or not time[:4].isdigit():
        return None
    return time[:10]


def same_value(a: float, b: float) -> bool:
    """Equal, or equal once the more precise one is rounded as the other is written ("1.2 million"
    = 1 234 000); small counts must match exactly: 16 drones are not "20 drones"."""
    if a == b:
        return True
    if min(abs(a), abs(b)) < 1000:
        return False
    rough, precise = (a, b) if _significant(a) <= _significant(b) else (b, a)
    digits = _significant(rough)
    return float(f"{precise:.{digits}g}") == rough


def _significant(value: float) -> int:
    digits = Decimal(str(value)).normalize().as_tuple().digits
    return max(1, len(digits))


def _claims_of(items: list[StatedFigure], key: tuple[str | None, ...], index: dict[str, str]) -> list[Claim]:
    """One claim of the figures of one thing, action, scope and period: disputed when their values
    compete (`_competing`), else one claim a value."""
    values: list[list[StatedFigure]] = []
    for item in items:
        match = next((v for v in values if same_value(v[0].figure.value, item.figure.value)), None)
        if match is None:
            values.append([item])
        else:
            match.append(item)
    if len(values) > 1 and _competing(values, key):
        return [Claim(_subject(items), "disputed", [_claim_value(group, index) for group in values])]
    return [_claim(group, index) for group in values]


def _competing(values: list[list[StatedFigure]], key: tuple[str | None, ...]) -> bool:
    """Whether different values of one group are rival answers to one question, not counts of
    different things that the figure finder could not tell apart. They are rivals only for an act
    (killed, launched, marched: the key's action), never for a description ("les 27 membres de
    l'UE", "un conseil de sept membres"); and never when one voice gives two of them: an article
    does not contradict itself unless it says who says what ("21 heures de tronc commun" and "six
    heures d'options" in one article are two things; "69 selon l'armée, 120 selon des
    responsables" are rivals). Nor are bounds that agree: "at least 7 killed" and "at least 12
    killed" can both be true, "au moins deux morts" and "un mort" cannot. On rpm2-dev-dated's
    brief, 29 disputes before these rules, of which about five rival answers by hand."""
    if key[1] is None:
        return False
    pairs = [(a, b) for i, one in enumerate(values) for other in values[:i] for a in one for b in other]
    if any(_one_voice(a, b) for a, b in pairs):
        return False
    return any(not _can_both_be_true(a.figure, b.figure) for a, b in pairs)


def _can_both_be_true(a: Figure, b: Figure) -> bool:
    """Whether the counts two figures allow overlap: "au moins 3" allows 3 and more, "jusqu'à 40"
    40 and fewer, a number as written itself alone."""
    low_a, high_a = _allowed(a)
    low_b, high_b = _allowed(b)
    return max(low_a, low_b) <= min(high_a, high_b)


def _allowed(figure: Figure) -> tuple[float, float]:
    if figure.bound == "lower":
        return figure.value, math.inf
    if figure.bound == "upper":
        return -math.inf, figure.value
    return figure.value, figure.value


def _one_voice(a: StatedFigure, b: StatedFigure) -> bool:
    """Two figures stated by one origin with nothing to tell who says which."""
    named_apart = a.figure.claimant and b.figure.claimant and a.figure.claimant != b.figure.claimant
    return a.origin == b.origin and not named_apart


def _claim(items: list[StatedFigure], index: dict[str, str]) -> Claim:
    """The claim of figures of one value: corroborated by two independent origins or more."""
    status: ClaimStatus = "corroborated" if len({item.origin for item in items}) >= 2 else "single"
    return Claim(subject=_subject(items), status=status, values=[_claim_value(items, index)])


def _claim_value(group: list[StatedFigure], index: dict[str, str]) -> ClaimValue:
    # The most precise writing stands for the value: "13 800 000 000" over "13,8 milliards".
    best = max(group, key=lambda item: _significant(item.figure.value))
    claimants = [entity_named(i.figure.claimant, index) or i.figure.claimant for i in group]
    return ClaimValue(
        value=best.figure.value,
        unit=best.figure.unit,
        claimants=_unique(c for c in claimants if c),
        articles=_unique(i.article for i in group),
        evidence=_unique(i.figure.sentence for i in group),
    )


def _subject(items: list[StatedFigure]) -> str:
    """What the figures count and what was done to it, as first written (the act by a participle
    of that noun's figures when one has it: "personnes tuées", not "personnes perdu la vie"), with
    the times they name."""
    first = items[0].figure
    participles = (i.figure.action for i in items if i.figure.thing == first.thing and i.figure.action)
    action = next((a for a in participles if " " not in a), first.action)
    action = _past_participle(action)
    words = [w for w in (first.thing, action) if w] or [first.unit or ""]
    periods = _unique(p for i in items if (p := _period(i.figure.time)))
    when = f" ({'; '.join(periods)})" if periods else ""
    return " ".join(words) + when


def _past_participle(action: str | None) -> str | None:
    """ "killing three people" is labelled "people killed", "tuant trois personnes" "personnes
    tués": the past participle of a present one, when the act's forms list it."""
    if action is None:
        return None
    # English "-ing" → "-ed" ("firing" → "fired"), French "-ant" → "-és" (a count is plural).
    for present, pasts in (("ing", ("ed",)), ("ant", ("és", "é"))):
        if action.endswith(present):
            stem = action[: -len(present)]
            for candidate in (stem + past for past in pasts):
                concept = action_concept(candidate)
                known = concept != candidate.lower()
                if known and action_concept(action) in (concept, action.lower()):
                    return candidate
    return action


def _unique(values: Iterable[T]) -> list[T]:
    """In first-seen order, each once."""
    return list(dict.fromkeys(values))
