"""Sentences of a clean paragraph, as character spans (quotes, figures and dates point into them)."""

from __future__ import annotations

import re

from recoupe.data import abbreviations

# A break after . ! ? or a closing quote, before a capital, a digit or an opening quote.
# Abbreviations ("M. Poutine", "Gen. Freuding": data/abbreviations.txt) and single capitals are
# spared: the point after them does not end a sentence.
_BREAK = re.compile(r"(?<=[.!?»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9])")
_ABBREVIATION = re.compile(
    r"(?<!\w)(?:[A-Z]|" + "|".join(map(re.escape, sorted(abbreviations(), key=len, reverse=True))) + r")\.$"
)
_CLOSING = frozenset("»”\"")
# What ends a sentence before a closing quote ("… à Moscou. »", "… ?”").
_ENDED = re.compile(r"[.!?…]\s*$")
_LONGEST = max(map(len, abbreviations())) + 2  # the word, its point, the character before it


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, in order, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.start() - _LONGEST) : match.start()]):
            continue
        closing = text[match.start() - 1] in _CLOSING and "\n" not in match.group()
        if closing and not _ENDED.search(text, 0, match.start() - 1):
            continue  # 'spoke with “dear friend” Chinese president Xi': the quote ends no sentence
        spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
