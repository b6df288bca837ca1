"""Dated sentences: the sentences of an article that say on which day something happened."""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.clean.published import dateline_end
from recoupe.clean.sentences import sentence_spans
from recoupe.extract.dates import find_time_expressions
from recoupe.model import Article, day_of

_DAY_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class DatedSentence:
    article: str
    date: str  # the day the sentence talks about, ISO 8601
    text: str  # the sentence, verbatim from the article's clean paragraph


def dated_sentences(article: Article) -> list[DatedSentence]:
    """Sentences holding a temporal expression that resolves to a day, against the article's date.

    An article without a known date has nothing to resolve relative dates against: none.
    """
    reference = day_of(article.published)
    if reference is None:
        return []
    found: dict[str, DatedSentence] = {}
    for paragraph in article.paragraphs:
        expressions = find_time_expressions(paragraph.text, reference)
        if not expressions:
            continue  # most paragraphs name no time: no need to split them into sentences
        spans = sentence_spans(paragraph.text)
        # "Paris, 12 mars (Reuters) - …, a indiqué hier l'office": the dateline dates the dispatch,
        # the sentence tells what happened the day before
        dispatch = dateline_end(paragraph.text)
        for expression in expressions:
            day = _DAY_VALUE.match(expression.value)
            if day is None or expression.start < dispatch:
                continue
            sentence = next((paragraph.text[a:b] for a, b in spans if a <= expression.start < b), None)
            if sentence:
                # A sentence is dated once, by its first day ("dans la nuit du 12 au 13 mars" is the 12th).
                found.setdefault(sentence, DatedSentence(article.id, day[1], sentence))
    return list(found.values())
