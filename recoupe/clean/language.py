"""Language of each paragraph: py3langid first, lingua when py3langid is unsure."""

from __future__ import annotations

from collections import Counter
from functools import cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from recoupe.model import Paragraph


@cache
def _langid() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _lingua(languages: tuple[str, ...]) -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


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

    Paragraphs shorter than `min_chars` are judged too but fall back to the main language
    when they disagree with it, because a few words are not evidence of a language switch.
    """
    guesses = [identify_language(t, min_confidence, fallback_languages) for t in texts]
    weights: Counter[str] = Counter()
    for text, lang in zip(texts, guesses, strict=True):
        if lang:
            weights[lang] += len(text)
    main = weights.most_common(1)[0][0] if weights else None
    paragraphs = [
        Paragraph(text, main if len(text) < min_chars and main else lang)
        for text, lang in zip(texts, guesses, strict=True)
    ]
    return paragraphs, main
