"""A text as the token rules read it: words, punctuation and line breaks, each quote one token,
every token with its sentence's number; and where sentences and paragraphs lie among them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.data import abbreviations
from recoupe.extract.quote_spans import QuoteSegment, quote_groups, quote_segments
from recoupe.extract.token_cues import Token, TokenKind

_TOKEN = re.compile(
    r"(?P<elision>(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(?=\w))"
    r"|(?P<initials>(?:[A-Z]\.){2,})"
    r"|(?P<word>\w+(?:[-']\w+)*\.?)"
    r"|(?P<brk>\n)"
    r"|(?P<punct>[^\w\s])"
)


@dataclass(frozen=True)
class QuotedText:
    """A text as the quote finder's drivers read it: its quotes found, its words as tokens."""

    text: str  # as given: offsets and quoted words are read from it
    norm: str  # the same with ’ as ' (same length), what the rules match
    segments: list[QuoteSegment]
    groups: list[list[int]]  # the indices of each quote's segments
    tokens: list[Token]
    quote_token: list[int]  # each segment's token


def read_quotes(text: str) -> QuotedText | None:
    """The text's quotes and tokens; None when it quotes nothing."""
    norm = text.replace("’", "'")  # same length: offsets stay those of `text`
    segments = quote_segments(norm)
    if not segments:
        return None
    tokens, quote_token = quote_tokens(norm, segments)
    return QuotedText(text, norm, segments, quote_groups(norm, segments), tokens, quote_token)


def tokenize(text: str) -> list[Token]:
    """Words and punctuation of a text, each quote one token, with sentence numbers."""
    return quote_tokens(text, quote_segments(text))[0]


def quote_tokens(text: str, segments: list[QuoteSegment]) -> tuple[list[Token], list[int]]:
    """Words and punctuation outside quotes, each quote one token; sentence numbers assigned."""
    raw: list[tuple[int, int, str, TokenKind]] = []
    quote_token: list[int] = []
    cursor = 0
    for seg in segments:
        raw.extend(_words(text, cursor, seg.region_start))
        quote_token.append(len(raw))
        raw.append((seg.region_start, seg.region_end, text[seg.start : seg.end], "quote"))
        cursor = seg.region_end
    raw.extend(_words(text, cursor, len(text)))
    tokens: list[Token] = []
    sentence = 0
    for i, (start, end, word, kind) in enumerate(raw):
        tokens.append(Token(start, end, word, kind, sentence))
        following = raw[i + 1] if i + 1 < len(raw) else None
        if kind == "break" or (
            ((kind == "punct" and word in ".!?") or (kind == "quote" and word[-1:] in ".!?"))
            # "(R-Utah.)", "R-Ky.," end a state's abbreviation, not a sentence.
            and (following is None or following[3] in ("break", "quote") or following[2][0].isupper())
        ):
            sentence += 1
    return tokens, quote_token


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str, TokenKind]]:
    out: list[tuple[int, int, str, TokenKind]] = []
    for match in _TOKEN.finditer(text, start, end):
        word, s, e = match.group(), match.start(), match.end()
        if match.lastgroup == "word" and word.endswith(".") and not _abbreviation(word[:-1]):
            out.append((s, e - 1, word[:-1], "word"))
            out.append((e - 1, e, ".", "punct"))
        elif match.lastgroup in ("elision", "initials", "word"):
            out.append((s, e, word, "word"))
        else:
            out.append((s, e, word, "break" if match.lastgroup == "brk" else "punct"))
    return out


def _abbreviation(word: str) -> bool:
    """A word a full stop abbreviates rather than ends a sentence with ("Sen. Cruz", "M. Martin")."""
    return word in abbreviations() or (len(word) == 1 and word.isupper())


def sentence_spans(tokens: list[Token]) -> dict[int, tuple[int, int]]:
    """Each sentence number's character span, line breaks left out."""
    spans: dict[int, tuple[int, int]] = {}
    for tok in tokens:
        if tok.kind == "break":
            continue
        start, _ = spans.get(tok.sentence, (tok.start, tok.end))
        spans[tok.sentence] = (start, tok.end)
    return spans


def sentence_before(spans: dict[int, tuple[int, int]], sentence: int) -> int | None:
    """The number of the sentence before (a line break takes a number of its own)."""
    return next((n for n in range(sentence - 1, sentence - 4, -1) if n in spans), None)


def sentence_end(tokens: list[Token], k: int) -> int:
    """The index after the last token of token k's sentence (k itself when it is past the end)."""
    if k >= len(tokens) or tokens[k].kind == "break":
        return k
    end = k + 1
    while end < len(tokens) and tokens[end].sentence == tokens[k].sentence and tokens[end].kind != "break":
        end += 1
    return end


def one_paragraph_apart(tokens: list[Token], previous_end: int, first: int) -> bool:
    """Nothing but quotes' own sentences and at most one paragraph break between two quotes."""
    if previous_end < 0:
        return False
    between = tokens[previous_end + 1 : first]
    paragraphs = sum(
        1 for k, t in enumerate(between) if t.kind == "break" and (k == 0 or between[k - 1].kind != "break")
    )
    # Words between may only be the previous quote's own cue ("« … », a admis X. « … »").
    told = tokens[previous_end].sentence
    return paragraphs <= 1 and not any(t.kind == "word" and t.sentence != told for t in between)

