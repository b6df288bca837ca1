"""One entity per real-world referent across a story's articles and languages.

How mentions become entities:
1. Titles and honorifics (data/titles.txt) are stripped ("M. Macron" → "Macron"); what is left
   must still be a name (`is_name`: not "Monsieur le Président", a month, a stop word…).
2. Names are grouped by `name_key`, which already joins the variant table's spellings and
   transliterations across languages (Poutine/Putin, Moscou/Moscow, Zelensky/Zelenskyy).
3. A shorter name whose word keys end a longer PER name of the story joins that name
   ("Macron" → "Emmanuel Macron"); when several full names share the surname, the most
   mentioned wins, since news text uses the bare surname for its main figure.
4. An acronym and the long form the story's texts give it ("… sociales (Apses)") are one
   entity, named by its long form (acronyms.py).
5. The entity's `name` is the variant table's canonical spelling when one of its forms is in
   the table (international, English spelling: "Vladimir Putin" even for French-only
   stories); else the fullest form (most words), in a spelling seen in a non-French paragraph
   when there is one, then the longest, the most frequent, the alphabetically first.
6. `type` is the type data/entity_types.tsv gives its name, else the majority type of its
   mentions (ties: PER, ORG, LOC, MISC, MISC being the rule's fallback); `variants` every
   distinct form seen, titles stripped; `articles` the ids where it is mentioned; `mentions` the
   count.
Entities are sorted by mentions (most first), then name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from recoupe.extract.entities import Mention, is_name, known_type, strip_titles
from recoupe.extract.people import unglued
from recoupe.model import Entity, EntityType
from recoupe.stories.names import canonical_variant, name_key

_TYPE_ORDER: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")


@dataclass
class _Group:
    names: Counter[str] = field(default_factory=Counter)  # form (titles stripped) → mentions
    international: set[str] = field(default_factory=set)  # forms seen in non-French paragraphs
    types: Counter[EntityType] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)

    def add(self, name: str, mention: Mention) -> None:
        self.names[name] += 1
        if mention.language != "fr":
            self.international.add(name)
        self.types[mention.type] += 1
        if mention.article not in self.articles:
            self.articles.append(mention.article)

    def absorb(self, other: _Group) -> None:
        self.names.update(other.names)
        self.international |= other.international
        self.types.update(other.types)
        self.articles.extend(a for a in other.articles if a not in self.articles)

    @property
    def count(self) -> int:
        return self.names.total()

    @property
    def type(self) -> EntityType:
        return max(_TYPE_ORDER, key=lambda t: (self.types[t], -_TYPE_ORDER.index(t)))


def merge_entities(mentions: list[Mention], acronyms: dict[str, str] | None = None) -> list[Entity]:
    """The entities of one story's mentions, most mentioned first. `acronyms`: the acronyms the
    story's texts define (acronym → long form, `acronyms_of`)."""
    groups: dict[str, _Group] = defaultdict(_Group)
    for mention in mentions:
        name = strip_titles(mention.text.strip())[0]
        # Checked before and after stripping: "Monsieur le Président" is listed whole, not as "le Président".
        if not name or not is_name(mention.text.strip()) or not is_name(name):
            continue
        key = name_key(name)
        if key:
            groups[key].add(name, mention)
    _link_acronyms(groups, acronyms or {})
    _link_short_names(groups)
    entities = [_entity(group) for group in groups.values()]
    return sorted(entities, key=lambda e: (-e.mentions, e.name))


def _link_short_names(groups: dict[str, _Group]) -> None:
    """Move each group whose key ends a longer PER group's key into it (surname → full name)."""
    full = sorted(
        (key for key, group in groups.items() if len(key.split()) > 1 and group.type == "PER"),
        key=lambda k: -groups[k].count,
    )
    # The full names by their last word, in the order above: only those can end with a key.
    ending_with: dict[str, list[tuple[str, list[str]]]] = {}
    for long in full:
        long_words = long.split()
        ending_with.setdefault(long_words[-1], []).append((long, long_words))
    for key in sorted(groups, key=lambda k: len(k.split())):
        words = key.split()
        target = next(
            (
                long
                for long, long_words in ending_with.get(words[-1], ())
                if len(long_words) > len(words) and long_words[-len(words) :] == words
            ),
            None,
        )
        if target is not None and target in groups and key in groups:
            groups[target].absorb(groups.pop(key))


def _link_acronyms(groups: dict[str, _Group], acronyms: dict[str, str]) -> None:
    """An acronym and the long form the text gives it are one entity ("Apses" and "Association des
    professeurs de sciences économiques et sociales"), which then holds both forms even when NER
    tagged only one of them (the other is kept as a form with no mention of its own)."""
    for acronym, long_form in acronyms.items():
        short_key, long_key = name_key(acronym), name_key(long_form)
        if not short_key or not long_key or short_key == long_key:
            continue  # the variant table already joins them ("UE", "Union européenne")
        short, long = groups.get(short_key), groups.get(long_key)
        if short is not None and long is not None:
            long.absorb(groups.pop(short_key))
        elif short is not None:
            short.names[long_form] += 0
        elif long is not None:
            long.names[acronym] += 0


def _entity(group: _Group) -> Entity:
    forms = sorted(group.names)
    canonical = next((c for c in (canonical_variant(f) for f in forms) if c), None)
    name = canonical or max(
        forms,
        key=lambda f: (
            len(f.split()),
            f in group.international,
            len(f),
            group.names[f],
            [-ord(c) for c in f],
        ),
    )
    known = known_type(name)  # the shipped table's type of a name it lists beats the mentions' votes
    return Entity(
        name=name,
        type=known if known in _TYPE_ORDER else group.type,
        variants=forms,
        articles=group.articles,
        mentions=group.count,
    )


def person_index(entities: list[Entity]) -> dict[str, str]:
    """Name key of every variant of a person or organisation (and a person's surname) → its name."""
    index: dict[str, str] = {}
    for entity in entities:
        if entity.type not in ("PER", "ORG"):
            continue
        for form in [entity.name, *entity.variants]:
            index.setdefault(name_key(form), entity.name)
            if entity.type == "PER" and len(form.split()) > 1:
                index.setdefault(name_key(form.split()[-1]), entity.name)
    return index


def entity_named(speaker: str | None, index: dict[str, str]) -> str | None:
    """The entity a name as written stands for ("M. Poutine" → "Vladimir Putin"), if any."""
    if not speaker:
        return None
    speaker = unglued(speaker)  # "M.Sarkozy" as scraped is "M. Sarkozy"
    # "la Ligue des droits de l'Homme" is the entity the story names without its determiner.
    speaker = re.sub(r"^(?:les?|la|l['’]|the)\s*(?=[A-ZÀ-Ý])", "", speaker)
    if (key := name_key(speaker)) in index:
        return index[key]
    last = speaker.split()[-1] if speaker.split() else ""
    return index.get(name_key(last)) if last[:1].isupper() else None
