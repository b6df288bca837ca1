"""Sentences of a clean paragraph, as character spans (quotes, figures and dates point into them)."""

from __future__ import annotations

import re

# A break after . ! ? or a closing quote, before a capital, a digit or an opening quote.
# Abbreviations ("M. Poutine", "Gen. Freuding") are spared: a one-letter or title word before
# the point does not end a sentence.
_BREAK = re.compile(r"(?<=[.!?»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bMM|\bMme|\bMlle|\bDr|\bGen|\bSt|\bMr|\bMrs|\bMs|\bProf)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, in order, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.start() - 5) : match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
