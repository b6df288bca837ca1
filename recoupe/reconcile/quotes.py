"""A story's quotes: each statement once, with every article's wording of it and its speaker.

Quotes are found per article (`recoupe.extract.quotes`); a speaker becomes the story entity its
name keys to, or null when no entity matches (never a guess). Quotes of one speaker that say the
same thing — translations, paraphrases, a partial form beside the full one — are one quote with
every wording (`same_statement`). Quotes whose speaker is unknown are one only when their words
are near-identical: without a speaker to agree on, a similar meaning proves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz
from text_to_num import alpha2digit
from wordfreq import zipf_frequency

from recoupe.extract.coreference import Person, is_role, people_in, resolve_role
from recoupe.extract.cue_vocabulary import vocabulary
from recoupe.extract.mention_kinds import may_assert
from recoupe.extract.quotes import find_quotes
from recoupe.extract.speaker_names import INDEFINITE
from recoupe.kept import Bounded
from recoupe.model import Article, Entity, Quote, QuoteMention, QuoteVariant
from recoupe.reconcile.entities import entity_named, person_index
from recoupe.settings import Settings
from recoupe.stories.embeddings import embed_passages
from recoupe.stories.names import fold

_MIN_WORDS = 3  # one- and two-word fragments are labels, not statements worth aligning
_BATCH = 16  # quotes embedded together (sorted by length, so that little is padding)
_STEM = 5  # letters a rare word is compared by: inflections and cognates meet ("sanctions" / "sanction")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[\s.,]\d+)*")


@dataclass(frozen=True)
class Wording:
    """One article's wording of a statement, and what comparing it with another reads of it."""

    article: str
    text: str
    language: str | None  # the language of the paragraph it is quoted in
    words: str  # its words folded (no case, accents or punctuation), one space apart
    rare: frozenset[str]  # the stems of its rare words
    content: frozenset[str]  # the stems of its content words (rare ones and the common ones)
    figures: frozenset[str]  # its numbers, words included, by significant digits


def wording(text: str, language: str | None, settings: Settings, article: str = "") -> Wording:
    stems = _stems_by_zipf(text, language)
    rare = frozenset(stem for stem, zipf in stems if zipf < settings.quote_rare_word_zipf)
    content = frozenset(stem for stem, zipf in stems if zipf < settings.quote_content_word_zipf)
    return Wording(article, text, language, fold(text), rare, content, _figures(text, language))


def same_statement(
    one: Wording, other: Wording, settings: Settings, vectors: QuoteVectors | None = None
) -> bool:
    """Whether two quotes of one speaker say the same thing. `vectors`: the embeddings of the
    quotes compared so far (a story's), else the two are embedded here if their words do not settle it."""
    verdict = wording_verdict(one, other, settings)
    if verdict is not None:
        return verdict
    vectors = vectors or QuoteVectors(settings)
    return meaning_verdict(one, other, vectors.cosine(one.text, other.text), settings)


def wording_verdict(one: Wording, other: Wording, settings: Settings) -> bool | None:
    """What the words alone settle: None when only the meaning can tell."""
    if _figures_disagree(one, other):
        return False
    if _near_identical(one, other, settings) or _part_of(one, other):
        return True
    if one.language == other.language and not one.content & other.content:
        return False  # one language, not a content word in common: two statements
    return None


def embed_quotes(
    texts: list[str], settings: Settings, kept: Bounded[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Each text's multilingual-e5 embedding, by text; `kept`: the run's embeddings, reused and
    added to. A text is embedded by its first `quote_embedded_words` words, in batches of like
    lengths: a batch is padded to its longest text, and one quote of 130 words cost 1.2 s to
    embed here against 0.1 s for 15 words."""
    ordered = sorted(set(texts), key=len)
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(ordered), _BATCH):
        batch = ordered[start : start + _BATCH]
        heads = [quote_head(text, settings) for text in batch]
        vectors.update(zip(batch, embed_passages(heads, kept), strict=True))
    return vectors


def quote_head(text: str, settings: Settings) -> str:
    """What of a quote is embedded: its first `quote_embedded_words` words."""
    return " ".join(text.split()[: settings.quote_embedded_words])


class QuoteVectors:
    """The embeddings of a story's quotes, each computed the first time a comparison needs it.

    Only a pair of one speaker's quotes in two articles that their words do not settle is
    compared by meaning, and a quote is compared with the statements before it only until one
    takes it: embedding up front every quote that some pair might need embedded quotes no
    comparison read. A quote is embedded by its head (`quote_head`), once for every quote
    opening on the same words; `kept`, the run's embeddings, reused and added to. The engine
    embeds a text alike alone or beside others (bit for bit), so when a quote is embedded
    changes no result.
    """

    def __init__(self, settings: Settings, kept: Bounded[str, np.ndarray] | None = None) -> None:
        self.settings = settings
        self.kept = kept
        self._by_head: dict[str, np.ndarray] = {}

    def vector(self, text: str) -> np.ndarray:
        head = quote_head(text, self.settings)
        vector = self._by_head.get(head)
        if vector is None:
            vector = self._by_head[head] = embed_passages([head], self.kept)[0]
        return vector

    def cosine(self, one: str, other: str) -> float:
        return float(self.vector(one) @ self.vector(other))


def meaning_verdict(one: Wording, other: Wording, cosine: float, settings: Settings) -> bool:
    """multilingual-e5 cosine of the quoted words, raised by the share of rare words they share."""
    shared = 0.0
    if one.rare and other.rare:
        shared = len(one.rare & other.rare) / min(len(one.rare), len(other.rare))
    across = one.language is not None and other.language is not None and one.language != other.language
    # A translation scores lower than a rewording in one language (0.89–0.94 against 0.94–0.99 on
    # bench/data/quote-pairs.jsonl); an unknown language is held to the stricter bar.
    threshold = settings.quote_same_meaning_across_languages if across else settings.quote_same_meaning
    return cosine + settings.quote_rare_word_weight * shared >= threshold


def _figures_disagree(one: Wording, other: Wording) -> bool:
    """500 millions against 200 millions: one frame, two statements. A partial form may leave
    a figure out, never bring one that the fuller form lacks."""
    fewer, more = sorted((one.figures, other.figures), key=len)
    return bool(fewer) and not fewer <= more


def _near_identical(one: Wording, other: Wording, settings: Settings) -> bool:
    return fuzz.ratio(one.words, other.words) >= settings.quote_same_wording


def _part_of(one: Wording, other: Wording) -> bool:
    """One quote's words run, in order, inside the other's: the partial form of a longer quote."""
    short, long = sorted((one.words, other.words), key=len)
    return f" {short} " in f" {long} "


def _stems_by_zipf(text: str, language: str | None) -> list[tuple[str, float]]:
    """Each word's stem, folded ("Russie" and "Russia" meet as "russi"), with the word's Zipf
    frequency in the quote's language, judged with its accents ("été" is common, "ete" is not)."""
    languages = (language,) if language in ("fr", "en") else ("fr", "en")
    return [
        (fold(word)[:_STEM], max(zipf_frequency(word, lang) for lang in languages))
        for word in set(_WORD.findall(text.lower()))
    ]


def _figures(text: str, language: str | None) -> frozenset[str]:
    """'cinq drones sur sept' → {'5', '7'}; '1 500' and '1500', 'deux millions' and '2 millions'
    alike: a number is known by its digits without trailing zeros, whatever its scale word."""
    try:
        digits = alpha2digit(text, language if language in ("fr", "en") else "fr")
    except ValueError:
        digits = text
    return frozenset(re.sub(r"\D", "", n).rstrip("0") or "0" for n in _NUMBER.findall(digits))


@dataclass
class _Statement:
    speaker: str | None
    mention: str | None  # the speaker as its first wording's article writes it
    wordings: list[Wording] = field(default_factory=list)

    def says(self, said: Wording, settings: Settings, vectors: QuoteVectors) -> bool:
        return any(self._same(said, other, settings, vectors) for other in self.wordings)

    def _same(self, said: Wording, other: Wording, settings: Settings, vectors: QuoteVectors) -> bool:
        if self.speaker is None:
            # Without a speaker to agree on, a like meaning proves nothing: only like words do.
            return not _figures_disagree(said, other) and _near_identical(said, other, settings)
        if said.article == other.article:
            # One report seldom gives a speaker's statement twice in other words, and embedding
            # every quote of every report would cost more than extracting it: within a report
            # only the words are compared (a headline's partial form still joins its quote).
            return wording_verdict(said, other, settings) is True
        return same_statement(said, other, settings, vectors)


def story_quotes(
    articles: list[Article],
    entities: list[Entity],
    same_wording: float,
    same_meaning: float,
    found_quotes: dict[str, list[QuoteMention]] | None = None,
    *,
    settings: Settings | None = None,
    kept: Bounded[str, np.ndarray] | None = None,
) -> list[Quote]:
    """Quotes of a story's articles, one per statement of a speaker, in order of first appearance.

    `found_quotes`: each article's quotes as already found (the per-article stage), else found
    here. `same_wording` and `same_meaning` stand for `settings`' `quote_same_wording` and
    `quote_same_meaning`, the other thresholds come from `settings`. `kept`: the run's
    embeddings (`RunCache.embeddings`): a story described again embeds no quote twice.
    """
    settings = replace(
        settings or Settings(), quote_same_wording=same_wording, quote_same_meaning=same_meaning
    )
    speakers = person_index(entities)
    texts = {a.id: a.text for a in articles}
    people: list[Person] | None = None  # read only when a quote's speaker is a role
    quoted: list[tuple[str | None, str | None, Wording]] = []
    for article in articles:
        text = texts[article.id]
        quotes = found_quotes[article.id] if found_quotes is not None else find_quotes(text, article.language)
        for found in quotes:
            if len(found.text.split()) < _MIN_WORDS or "\n" in found.text:
                continue
            speaker = entity_named(found.speaker, speakers)
            if speaker is None and found.speaker and _definite_role(found.speaker):
                people = people if people is not None else _story_people(texts.values(), speakers)
                speaker = resolve_role(found.speaker, people)
            mention = (
                text[found.speaker_start : found.speaker_end]
                if found.speaker_start is not None and found.speaker_end is not None
                else None
            )
            if speaker is None and mention is not None and not _tells_who(mention):
                mention = None
            said = wording(found.text, _language_at(article, found.start), settings, article.id)
            quoted.append((speaker, mention, said))
    vectors = QuoteVectors(settings, kept)
    statements: list[_Statement] = []
    for speaker, mention, said in quoted:
        same = next((s for s in statements if s.speaker == speaker and s.says(said, settings, vectors)), None)
        if same is None:
            statements.append(_Statement(speaker, mention, [said]))
        elif all(w.article != said.article or w.text != said.text for w in same.wordings):
            same.wordings.append(said)
    return [
        Quote(
            speaker=s.speaker,
            speaker_mention=s.mention,
            text=s.wordings[0].text,
            articles=list(dict.fromkeys(w.article for w in s.wordings)),
            variants=[QuoteVariant(w.article, w.text) for w in s.wordings],
        )
        for s in statements
    ]


def _language_at(article: Article, offset: int) -> str | None:
    """The language of the paragraph holding `offset` of the article's text: an English quote
    in a French article is compared as English."""
    end = -1
    for paragraph in article.paragraphs:
        end += len(paragraph.text) + 1
        if offset <= end:
            return paragraph.language or article.language
    return article.language


def _story_people(texts: Iterable[str], speakers: dict[str, str]) -> list[Person]:
    """The people the story's articles name, one per entity, with every role an article sets beside
    them ("le président russe Vladimir Poutine" in one, "Russia's president" in another)."""
    merged: dict[str, Person] = {}
    for text in texts:
        for person in people_in(text):
            entity = entity_named(person.name, speakers)
            if entity is None:
                continue
            known = merged.setdefault(entity, Person(entity))
            known.roles.extend(r for r in person.roles if r not in known.roles)
            known.gender = known.gender or person.gender
    return list(merged.values())


def _tells_who(mention: str) -> bool:
    """Whether an unresolved mention says anything of who spoke: "il" or "qui" left unresolved
    does not, nor a thing the parse took for a subject ("La réponse a fusé du public : « … »")."""
    word = mention.strip().lower()
    pronoun = word in _RELATIVES or any(word in vocabulary(lang).pronouns for lang in ("fr", "en"))
    return not pronoun and may_assert(mention)


_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which", "that"})


def _definite_role(speaker: str) -> bool:
    """A role as a quote's speaker ("le dirigeant russe", "le maire"), which may stand for the one
    person of the story whose role it fits; not an indefinite one ("a police spokesman": someone
    unnamed, not the one the story names)."""
    return is_role(speaker) and speaker.split()[0].lower() not in INDEFINITE
