"""Language of each paragraph: py3langid first, lingua when py3langid is unsure; and a guess by
common words where no language is given (the quote finder picks its reporting cues with it)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import numpy as np
from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from recoupe.model import Paragraph

# The commonest words of each language, counted by `guess_language`.
_FRENCH_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|de|et|est|une|dans|pour|qui|que|avec|sur|pas|il|elle|nous|ne)\b|«"
)
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|is|was|in|that|with|for|on|he|she|it|to)\b")


@cache
def _langid() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The model ships its feature weights as float16, which NumPy multiplies without BLAS: as
    # float32 (28 MB more) a paragraph is scored in 6 µs instead of 18, with the same scores.
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float32)
    return identifier


@cache
def _lingua(languages: tuple[str, ...]) -> LanguageDetector:
    # Low-accuracy (trigram) mode: 0.2 s and 60 MB to load instead of 5 s and 480 MB, and only
    # paragraphs of min_language_chars or more, where trigrams suffice, ever reach lingua.
    # Preloaded (0.3 s) so that `load_language_models` loads every language at once.
    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


def load_language_models(fallback_languages: tuple[str, ...]) -> None:
    """Load both identifiers now (about 1.5 s), so that no article's time budget pays for it."""
    _langid()
    _lingua(fallback_languages)


def identify_language(text: str, min_confidence: float, fallback_languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the text's language, or None when there are no letters to judge."""
    if not any(ch.isalpha() for ch in text):
        return None
    code, confidence = _langid().classify(text)
    if confidence >= min_confidence:
        return code
    detected = _lingua(fallback_languages).detect_language_of(text)
    return detected.iso_code_639_1.name.lower() if detected is not None else code


def label_paragraph_languages(
    texts: list[str], min_confidence: float, fallback_languages: tuple[str, ...], min_chars: int
) -> tuple[list[Paragraph], str | None]:
    """Paragraphs with their languages, and the article's main language (most characters).

    Paragraphs shorter than `min_chars` take the main language: a few words ("Merci.", a
    name) are no evidence of a language switch, and judging them costs the most time.
    """
    guesses = {
        i: identify_language(t, min_confidence, fallback_languages)
        for i, t in enumerate(texts)
        if len(t) >= min_chars
    }
    weights: Counter[str] = Counter()
    for i, lang in guesses.items():
        if lang:
            weights[lang] += len(texts[i])
    if weights:
        main = weights.most_common(1)[0][0]
    else:  # only short paragraphs: judge them together
        main = identify_language(" ".join(texts), min_confidence, fallback_languages)
    paragraphs = [Paragraph(t, guesses.get(i) or main) for i, t in enumerate(texts)]
    return paragraphs, main


def guess_language(text: str) -> str:
    """French or English, by their commonest words: enough to pick a vocabulary of cues."""
    french, english = _common_words(text)
    return "fr" if french > english else "en"


def english_inside_french(paragraph: str) -> bool:
    """Whether a paragraph of a French article is English: two or more of English's commonest
    words, and more of them than of French's. One is no evidence, nor a tie ("« On va vous
    observer mourir », brocarde M. X" holds "on", and "«")."""
    french, english = _common_words(paragraph)
    return english >= 2 and english > french


def _common_words(text: str) -> tuple[int, int]:
    """How many of French's and of English's commonest words the text holds."""
    sample = text[:20000].lower()
    return len(_FRENCH_WORDS.findall(sample)), len(_ENGLISH_WORDS.findall(sample))
