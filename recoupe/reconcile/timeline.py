"""A story's timeline: dated sentences of its articles, merged across articles and ordered."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from recoupe.extract.events import DatedSentence
from recoupe.model import TimelineEntry


def build_timeline(
    dated: list[DatedSentence], max_entries: int, merge_similarity: float
) -> list[TimelineEntry]:
    """One entry per event and day: sentences of one day that say the same thing (token-set
    similarity ≥ `merge_similarity`) are one entry citing every article. When there are more
    than `max_entries`, the entries told by most articles are kept."""
    by_day: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for item in dated:
        entries = by_day[item.date]
        for text, articles in entries:
            if fuzz.token_set_ratio(text, item.text) >= merge_similarity:
                if item.article not in articles:
                    articles.append(item.article)
                break
        else:
            entries.append((item.text, [item.article]))
    entries = [
        TimelineEntry(date=day, text=text, articles=articles)
        for day, items in by_day.items()
        for text, articles in items
    ]
    ranked = sorted(entries, key=lambda e: (-len(e.articles), e.date))[:max_entries]
    return sorted(ranked, key=lambda e: (e.date, entries.index(e)))
