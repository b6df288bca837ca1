"""A story's quotes: each statement once, with every article's wording of it and its speaker.

Quotes are found per article (`recoupe.extract.quotes`); a speaker becomes the story entity its
name keys to, or null when no entity matches (never a guess). The same statement told by
several articles — reworded, or in another language — is one quote: same speaker and either a
close wording (token-set similarity) or, across languages, a close multilingual embedding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from recoupe.extract.quotes import find_quotes
from recoupe.model import Article, Entity, Quote, QuoteMention, QuoteVariant
from recoupe.reconcile.entities import entity_named, person_index
from recoupe.stories.embeddings import embed_passages
from recoupe.stories.names import fold

_MIN_WORDS = 3  # one- and two-word fragments are labels, not statements worth aligning
_SAME_WORDS_UNATTRIBUTED = 95  # token-set similarity for two quotes with no known speaker
_NAME = r"((?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}[A-ZÀ-Ý][\w'’-]+)"
_ROLE_BEFORE_NAME_FR = re.compile(
    rf"\b(?:président|présidente|dirigeant|dirigeante|chef|premier ministre|"
    rf"ministre|maire|porte-parole|leader)\s+([a-zà-ÿ]+)\s+{_NAME}"
)
_ROLE_BEFORE_NAME_EN = re.compile(
    rf"\b([A-Z][a-z]+)\s+(?:president|leader|prime minister|minister|mayor|"
    rf"spokesman|spokeswoman|chief)\s+{_NAME}"
)
# "le maire Oleh Kovalenko", "le maire de Zolotopil, Oleh Kovalenko": the role noun itself.
_ROLE_NOUN_BEFORE_NAME_FR = re.compile(
    rf"\b(maire|président|présidente|gouverneur|gouverneure|préfet|préfète|ministre|porte-parole|"
    rf"dirigeant|dirigeante|chef|directeur|directrice|procureur|procureure|commandant|ambassadeur)"
    rf"(?:\s+(?:de|du|des|d'|d’)\s*[\w'’-]+(?:\s+[\w'’-]+)?)?,?\s+{_NAME}"
)
_ROLE_DETERMINERS = {"le", "la", "l'", "l’", "the", "un", "une", "a", "an", "ce", "cet", "cette"}


@dataclass
class _Statement:
    speaker: str | None
    mention: str | None
    variants: list[tuple[str, str, str | None]] = field(default_factory=list)  # article, text, language


def story_quotes(
    articles: list[Article],
    entities: list[Entity],
    same_wording: float,
    same_meaning: float,
    found_quotes: dict[str, list[QuoteMention]] | None = None,
) -> list[Quote]:
    """Quotes of a story's articles, aligned across articles and languages.

    `found_quotes`: each article's quotes as already found (the per-article stage), else found here.
    """
    speakers = person_index(entities)
    texts = {a.id: "\n".join(p.text for p in a.paragraphs) for a in articles}
    roles = _roles_taught(texts.values(), speakers)
    statements: list[_Statement] = []
    for article in articles:
        text = texts[article.id]
        quotes = found_quotes[article.id] if found_quotes is not None else find_quotes(text, article.language)
        for found in quotes:
            if len(found.text.split()) < _MIN_WORDS or "\n" in found.text:
                continue
            speaker = entity_named(found.speaker, speakers) or _role_for(found.speaker, roles)
            mention = (
                text[found.speaker_start : found.speaker_end]
                if found.speaker_start is not None and found.speaker_end is not None
                else None
            )
            variant = (article.id, found.text, article.language)
            same = _same_statement(statements, speaker, variant, same_wording, same_meaning)
            if same is None:
                statements.append(_Statement(speaker, mention, [variant]))
            elif all(v[0] != article.id or v[1] != found.text for v in same.variants):
                same.variants.append(variant)
    return [
        Quote(
            speaker=s.speaker,
            speaker_mention=s.mention,
            text=s.variants[0][1],
            articles=list(dict.fromkeys(v[0] for v in s.variants)),
            variants=[QuoteVariant(article, text) for article, text, _ in s.variants],
        )
        for s in statements
    ]


def _roles_taught(texts: Iterable[str], speakers: dict[str, str]) -> dict[str, str]:
    """Nationality or place adjectives the story ties to one named speaker: 'le président russe
    Vladimir Poutine' makes 'le dirigeant russe' Putin ('Russian president Vladimir Putin' too).
    An adjective tied to two people teaches nothing."""
    taught: dict[str, set[str]] = {}
    for text in texts:
        for pattern in (_ROLE_BEFORE_NAME_FR, _ROLE_BEFORE_NAME_EN, _ROLE_NOUN_BEFORE_NAME_FR):
            for adjective, name in pattern.findall(text):
                if (entity := entity_named(name, speakers)) is not None:
                    taught.setdefault(fold(adjective), set()).add(entity)
    return {adjective: next(iter(names)) for adjective, names in taught.items() if len(names) == 1}


def _role_for(speaker: str | None, roles: dict[str, str]) -> str | None:
    """A role noun phrase ('le dirigeant russe', 'the Russian leader') → the person it stands for."""
    if not speaker or speaker.split()[0].lower() not in _ROLE_DETERMINERS:
        return None
    words = [fold(w) for w in speaker.split()[1:]]
    # The adjective says more than the noun ("le dirigeant russe"): try it first.
    for word in reversed(words):
        if word in roles:
            return roles[word]
    return None


def _same_statement(
    statements: list[_Statement],
    speaker: str | None,
    variant: tuple[str, str, str | None],
    same_wording: float,
    same_meaning: float,
) -> _Statement | None:
    _, text, language = variant
    for statement in statements:
        if statement.speaker != speaker:
            continue
        if speaker is None:
            # Without a speaker to agree on, only the same words make the same statement.
            if any(
                fuzz.token_set_ratio(text, other) >= _SAME_WORDS_UNATTRIBUTED
                for _, other, _ in statement.variants
            ):
                return statement
            continue
        for _, other, other_language in statement.variants:
            if other_language == language or not language or not other_language:
                if fuzz.token_set_ratio(text, other) >= same_wording:
                    return statement
            elif float(embed_passages([text])[0] @ embed_passages([other])[0]) >= same_meaning:
                return statement
    return None
