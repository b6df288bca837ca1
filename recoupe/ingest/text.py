"""Plain-text articles: decoding, hard-wrap repair and headline detection."""

from __future__ import annotations

import re
import statistics

from recoupe.model import RawArticle

_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_HEADLINE_END = re.compile(r"[.:;,]\s*$")


def looks_like_headline(line: str) -> bool:
    """A headline is a short capitalised line that does not end like a sentence."""
    line = line.strip()
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 200:
        return False
    if _HEADLINE_END.search(line) or line.startswith(("[", "©", "(", "-", "–", "—", "http")):
        return False
    first = line.lstrip("«“\"' ")[:1]
    return first.isupper() or first.isdigit()


def unwrap_hard_breaks(text: str) -> str:
    """Join lines of hard-wrapped paragraphs (fixed-width text) back into one line each.

    Only when the text as a whole looks wrapped: blank lines separate blocks and most lines
    inside blocks break mid-sentence at a similar width. Texts with one paragraph per line
    are left alone.
    """
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    inner = [line for b in blocks for line in b.split("\n")[:-1] if line.strip()]
    if len(blocks) < 2 or len(inner) < 4:
        return text
    mid_sentence = [line for line in inner if not _SENTENCE_END.search(line)]
    widths = [len(line) for line in inner]
    if len(mid_sentence) / len(inner) < 0.6 or not 40 <= statistics.median(widths) <= 100:
        return text
    return "\n\n".join(" ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks)


def read_text_article(text: str, article_id: str, origin: str, content_hash: str) -> RawArticle:
    text = unwrap_hard_breaks(text)
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    rest = text.strip()[len(first_line) :].strip()
    title = first_line if rest and looks_like_headline(first_line) else None
    return RawArticle(id=article_id, origin=origin, text=text, title=title, content_hash=content_hash)
