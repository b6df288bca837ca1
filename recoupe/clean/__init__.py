"""Clean: split an article into its body and the chrome around it, each removal with its reason.

Every non-blank input line ends up either in the body (a paragraph) or in `removed`. Rules are
data (data/chrome.toml); the order of the passes lives here (an article whose text is only its
headline keeps it as its body, flagged `headline-only`):
  1. the headline repeated in the body goes to metadata;
  2. inline scraper markers are cut out of the lines they stick to;
  3. whole-line rules (each only on short lines: an article sentence is never removed);
  4. rules that only hold next to other chrome ("Premium" beside a subscription prompt);
  5. lines repeated within the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from recoupe.clean.agencies import credited_agencies, dateline_agency
from recoupe.clean.language import label_paragraph_languages
from recoupe.clean.published import date_in_dateline, date_in_metadata_line
from recoupe.clean.rules import ChromeRule, chrome_rules, normalise_for_matching
from recoupe.clean.text_date import date_in_text
from recoupe.model import Article, RawArticle, Removal, RemovalReason
from recoupe.settings import Settings

__all__ = ["classify_lines", "clean_article"]

_NEIGHBOURHOOD = 2  # lines on each side a `near` rule looks at
_PUBLISHED_LABEL = re.compile(r"^\s*(publi|posted|first published|créé)", re.IGNORECASE)


@dataclass
class _Line:
    text: str  # what is left of the line for the body ("" when all of it was removed)
    removals: list[Removal] = field(default_factory=list)

    @property
    def removed_whole(self) -> bool:
        return not self.text


def classify_lines(lines: list[str], title: str | None, settings: Settings) -> list[_Line]:
    """Decide, line by line, what is body and what is removed (and why)."""
    rules = chrome_rules()
    title_key = _line_key(title) if title else None
    result: list[_Line] = []
    for raw in lines:
        line = _Line(raw)
        if title_key and _line_key(raw) == title_key:
            _remove_whole(line, "metadata")
        else:
            _cut_inline_markers(line, rules)
            if not line.removed_whole:
                _apply_whole_line_rules(line, rules, settings, near_only=False, neighbours=None)
        result.append(line)
    for index, line in enumerate(result):
        if not line.removed_whole:
            neighbours = (
                result[max(0, index - _NEIGHBOURHOOD) : index]
                + result[index + 1 : index + 1 + _NEIGHBOURHOOD]
            )
            _apply_whole_line_rules(line, rules, settings, near_only=True, neighbours=neighbours)
    _remove_repeated_paragraphs(result, settings)
    return result


def _remove_repeated_paragraphs(lines: list[_Line], settings: Settings) -> None:
    """Drop the second copy of a paragraph that a scraper or template pasted twice.

    Short repeated lines ("Meal 1", "Eat every 2–3 hours") and lines repeated three times or
    more (the same interview question to each guest) are the page's structure, not accidents.
    """
    keys = [None if line.removed_whole else _line_key(line.text) for line in lines]
    counts = Counter(k for k in keys if k)
    seen: set[str] = set()
    for line, key in zip(lines, keys, strict=True):
        if key is None:
            continue
        if key in seen and counts[key] == 2 and len(key.split()) >= settings.duplicate_min_words:
            _remove_whole(line, "duplicate-line")
        seen.add(key)


def clean_article(raw: RawArticle, settings: Settings) -> Article:
    """Turn a `RawArticle` into a clean `Article`: body, removals, source, date, languages, flags."""
    text = unicodedata.normalize("NFC", raw.text)
    title = unicodedata.normalize("NFC", raw.title) if raw.title else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # A headline with no body (a feed's item): the headline is the text, not metadata to remove.
    headline_only = bool(title and lines) and {_line_key(line) for line in lines} == {_line_key(title or "")}
    classified = [_Line(lines[0])] if headline_only else classify_lines(lines, title, settings)
    body = [line.text for line in classified if not line.removed_whole]
    removed = [removal for line in classified for removal in line.removals]

    paragraphs, language = label_paragraph_languages(
        body, settings.langid_min_confidence, settings.fallback_languages, settings.min_language_chars
    )
    agencies = _credited_agencies(body, removed)
    published, basis = (
        (raw.published, "metadata") if raw.published else (_metadata_date(removed, title), "metadata")
    )
    if not published and paragraphs:
        published, basis = date_in_dateline(paragraphs[0].text), "text"
    if not published:
        published, basis = date_in_text(paragraphs, removed, title), "text"
    flags = ["headline-only"] if headline_only else []
    flags += [flag for flag in raw.flags if flag not in flags]
    reasons = {r.reason for r in removed}
    if "scraper-marker" in reasons:
        flags.append("republished-scrape")
    if "paywall" in reasons:
        flags.append("paywalled")
    if len({p.language for p in paragraphs if p.language}) > 1:
        flags.append("mixed-language")
    return Article(
        id=raw.id,
        origin=raw.origin,
        title=title,
        source=agencies[0] if agencies else raw.source,
        published=published,
        published_basis=basis if published else None,
        language=language,
        paragraphs=paragraphs,
        removed=removed,
        flags=flags,
        author=raw.author,
        agencies=agencies,
        content_hash=raw.content_hash,
    )


def _cut_inline_markers(line: _Line, rules: tuple[ChromeRule, ...]) -> None:
    for rule in rules:
        if not rule.inline:
            continue
        # Matching runs on a normalised copy of the same length, so spans map back one to one.
        while match := rule.pattern.search(normalise_for_matching(line.text)):
            marker = line.text[match.start() : match.end()].strip()
            rest = (line.text[: match.start()] + " " + line.text[match.end() :]).strip()
            line.removals.append(Removal(marker, rule.reason))
            line.text = rest if any(ch.isalnum() for ch in rest) else ""
            if not line.text:
                if rest:
                    line.removals.append(Removal(rest, rule.reason))
                return


def _apply_whole_line_rules(
    line: _Line,
    rules: tuple[ChromeRule, ...],
    settings: Settings,
    near_only: bool,
    neighbours: list[_Line] | None,
) -> None:
    normalised = normalise_for_matching(line.text)
    words = len(normalised.split())
    for rule in rules:
        if rule.inline or bool(rule.near) != near_only:
            continue
        if words > (rule.max_words or settings.chrome_max_words):
            continue
        if rule.near and not any(
            removal.reason in rule.near for other in neighbours or [] for removal in other.removals
        ):
            continue
        if rule.pattern.search(normalised):
            _remove_whole(line, rule.reason)
            return


def _remove_whole(line: _Line, reason: RemovalReason) -> None:
    line.removals.append(Removal(line.text, reason))
    line.text = ""


def _line_key(text: str) -> str:
    """Comparison key for repeated lines: case, spacing and apostrophe style do not matter."""
    return " ".join(normalise_for_matching(text).casefold().split())


def _credited_agencies(body: list[str], removed: list[Removal]) -> list[str]:
    found: list[str] = []
    for paragraph in body[:3]:
        if agency := dateline_agency(paragraph):
            found.append(agency)
    for removal in removed:
        if removal.reason in ("credit", "metadata"):
            found.extend(credited_agencies(removal.text))
    return list(dict.fromkeys(found))


def _metadata_date(removed: list[Removal], title: str | None) -> str | None:
    """The publication date of the metadata lines: a 'published' line wins over an 'updated' one."""
    dated = [
        (r.text, d)
        for r in removed
        if r.reason == "metadata" and r.text != title and (d := date_in_metadata_line(r.text))
    ]
    published = [d for text, d in dated if _PUBLISHED_LABEL.match(text)]
    candidates = published or [d for _, d in dated]
    return min(candidates) if candidates else None
