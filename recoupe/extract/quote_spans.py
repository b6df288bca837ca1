"""Where the quotes of a text are: the spans between quote marks, paragraph by paragraph.

`quote_segments` is what the quote finder reads: « … », “ … ” and straight "…", a mark of another
kind inside a quote kept as part of it (and a straight quote inside a straight one, told by where
its marks stand), a quote left open at a paragraph's end carried on into
the next (the press convention for quotes several paragraphs long). `quote_groups` joins the
segments of one quote; `is_heading` tells a quote set as a line of its own. `quoted_passages` is
the figure claimant's reading: every marked passage, nested ones listed too, since a figure is
quoted whichever marks hold it (the two readings differ on 281 of the 2,947 texts of
../shared/data and bench/data, so one cannot stand for the other without changing answers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Curly and straight double quotes are mixed in scraped text ('“Immunity deals …," Chaffetz said').
_CLOSER = {"«": "»", "“": '”"', "‹": "›", '"': '"”'}
_MARKS = re.compile('[«»“”‹›"]')
SPACES = " \t\u00a0\u202f\u2009"
# A transcript's speaker label opening a quoted paragraph ('"WALLACE: Let's start …').
LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
# A quote of this many words or fewer with no reporting cue in its sentence is a title, a
# nickname or a scare quote ("the so-called "experts""), not something someone said.
MAX_SCARE_WORDS = 2
_QUOTE_PAIRS = (("«", "»"), ("“", "”"))


@dataclass(frozen=True)
class QuoteSegment:
    start: int  # the quoted words, marks excluded
    end: int
    region_start: int  # the whole quote, marks included
    region_end: int
    group: int  # segments of one quote carried over paragraphs share a group


def quote_segments(text: str) -> list[QuoteSegment]:
    """Quoted spans, paragraph by paragraph. Marks of another kind inside a quote are nested and
    stay part of it; a quote left open at a paragraph's end goes on when the next one opens with
    the same mark, the press convention for quotes several paragraphs long."""
    found: list[QuoteSegment] = []
    group = -1
    carried: str | None = None
    said = False  # whether the quote carried over has words in its first paragraph
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph.strip(SPACES):
            offset += len(paragraph) + 1
            continue  # a blank line between two paragraphs of one quote does not close it
        opener: str | None = None
        opened_at = 0
        continues = carried is not None and paragraph.lstrip(SPACES).startswith(carried)
        # Only « and " (English curly marks reopen each paragraph), never into a paragraph opening
        # on a mark of its own, and a mark left empty at a line's end carries nothing over.
        if carried in ("«", '"') and not continues and said and not _MARKS.match(paragraph.lstrip(SPACES)):
            # The quote goes on without its mark reopened: this paragraph closes it with a mark of
            # its own ("… exprimés.\nNous en avons les moyens", a-t-il dit"), or holds no mark and
            # the next one closes it.
            closing = _orphan_closer(paragraph, carried)
            if closing is not None or (
                _balanced(paragraph, carried) and _closes_later(text, offset, carried)
            ):
                end = offset + (closing if closing is not None else len(paragraph))
                _add(found, text, offset, end + (1 if closing is not None else 0), group, marked=False)
                if closing is None:
                    offset += len(paragraph) + 1
                    continue  # still carried
                paragraph = " " * (closing + 1) + paragraph[closing + 1 :]  # offsets kept
        carried = None
        nested = 0  # straight marks opened inside a straight quote, still open
        for match in _MARKS.finditer(paragraph):
            mark, pos = match.group(), match.start()
            if opener is None and mark == "”" and paragraph[pos + 1 : pos + 2].isalnum():
                mark = "“"  # a closing mark typed where an opening one belongs: '”Fear. I am …'
            if opener is None and mark == '"' and _closes_unseen(paragraph, pos):
                continue  # '", a-t-il ajouté. Revenant sur …': its opening mark was lost
            if opener is None and mark in _CLOSER:
                opener, opened_at = mark, pos
                if not continues:
                    group += 1
                continues = False
            elif opener == '"' and mark == '"' and _opens_inside(paragraph, pos):
                nested += 1  # '"Le fichier contiendra des "données à caractère personnel" …"'
            elif opener == '"' and mark == '"' and nested:
                nested -= 1
            elif opener is not None and mark in _CLOSER[opener]:
                _add(found, text, offset + opened_at, offset + pos + 1, group)
                opener = None
        if opener is not None:
            _add(found, text, offset + opened_at, offset + len(paragraph), group)
            carried = opener
            said = any(ch.isalnum() for ch in paragraph[opened_at + 1 :])
        offset += len(paragraph) + 1
    return found


def _opens_inside(paragraph: str, pos: int) -> bool:
    """Whether a straight mark inside a straight quote opens a quote of its own: a space or an
    elision before it, a word right after it ('contiendra des "données', 'd'"infractions'), and
    the next mark closing it ('… personnel" concernant'). Else it ends the quote, its closing
    mark lost: '… épanouissantes. "Donc, … Pozyn conclut, "Voyage …"' is two quotes, not one."""
    before = paragraph[pos - 1 : pos]
    if not (before and (before in SPACES or before in "'’") and paragraph[pos + 1 : pos + 2].isalnum()):
        return False
    closing = paragraph.find('"', pos + 1)
    after = paragraph[closing + 1 : closing + 2]
    return closing > 0 and paragraph[closing - 1] not in SPACES and not after.isalnum()


def _closes_unseen(paragraph: str, pos: int) -> bool:
    """Whether a straight mark read as opening a quote is a closing one whose opening mark the
    text lost: the words after it open on punctuation ('", explique-t-elle. Pendant …'), as no
    quote does; the marks after it pair as they should."""
    rest = paragraph[pos + 1 :].lstrip(SPACES)
    return rest[:1] in (",", ";", ":", ")") or (rest[:1] == "." and rest[1:2] != ".")


def _orphan_closer(paragraph: str, opener: str) -> int | None:
    """Where a paragraph closes a quote opened in an earlier one: the first closing mark of that
    opener's kind with no opening mark before it (for straight marks, an odd count)."""
    if opener == '"':
        return paragraph.find('"') if paragraph.count('"') % 2 == 1 else None
    depth = 0
    for match in _MARKS.finditer(paragraph):
        if match.group() == opener:
            depth += 1
        elif match.group() in _CLOSER[opener]:
            if depth == 0:
                return match.start()
            depth -= 1
    return None


def _closes_later(text: str, offset: int, opener: str) -> bool:
    """Whether one of the next three paragraphs closes the quote still open at `offset`, those
    before it holding no mark or only quotes nested whole ("des lycées « élites »")."""
    following = [p for p in text[offset:].split("\n")[1:6] if p.strip(SPACES)][:3]
    for paragraph in following:
        if paragraph.lstrip(SPACES).startswith(opener):
            return False
        if _orphan_closer(paragraph, opener) is not None:
            return True
        if not _balanced(paragraph, opener):
            return False
    return False


def _balanced(paragraph: str, opener: str) -> bool:
    """Whether a paragraph's marks of the opener's kind open and close in pairs (or it has none)."""
    if opener == '"':
        return paragraph.count('"') % 2 == 0
    closers = sum(paragraph.count(c) for c in _CLOSER[opener])
    return paragraph.count(opener) == closers and _orphan_closer(paragraph, opener) is None


def _add(
    found: list[QuoteSegment], text: str, region_start: int, region_end: int, group: int, marked: bool = True
) -> None:
    """A segment from its region; `marked`: the region opens with a quote mark (not a paragraph
    that goes on with a quote opened before it)."""
    start, end = region_start + (1 if marked else 0), region_end
    if end > start and text[end - 1] in _MARKS.pattern:
        end -= 1
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        found.append(QuoteSegment(start, end, region_start, region_end, group))


def quote_groups(text: str, segments: list[QuoteSegment]) -> list[list[int]]:
    """The indices of the segments of each quote: those carried over paragraphs together, unless
    a transcript's speaker label opens the next paragraph ('"WALLACE: …')."""
    groups: list[list[int]] = []
    for index, segment in enumerate(segments):
        if (
            groups
            and segments[groups[-1][-1]].group == segment.group
            and not LABEL.match(text, segment.start)
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def paragraph_at(text: str, at_offset: int) -> str:
    """The line of `text` that holds `at_offset`."""
    return text[text.rfind("\n", 0, at_offset) + 1 : (text.find("\n", at_offset) + 1 or len(text) + 1) - 1]


def paragraph_of_its_own(norm: str, segments: list[QuoteSegment], members: list[int]) -> bool:
    """Whether a quote is the whole of its line."""
    lead, tail = segments[members[0]], segments[members[-1]]
    whole = norm[lead.region_start : tail.region_end].strip(SPACES)
    return paragraph_at(norm, lead.start).strip(SPACES) == whole


def is_heading(norm: str, segments: list[QuoteSegment], members: list[int]) -> bool:
    """Whether the quote is a line of its own with no full stop, a headline or a subheading made
    of a quote ("« Ces nominations n'inspirent aucun optimisme »")."""
    lead = segments[members[0]]
    return (
        len(members) == 1
        and paragraph_of_its_own(norm, segments, members)
        and norm[lead.start : lead.end].rstrip()[-1:] not in ".!?…"
    )


def caps_line(line: str) -> bool:
    """A line in capitals: a pull quote's signature ("JEAN DUPONT, MAIRE DE …"), a caption."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters) and len(line.split()) <= 15


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """The quoted passages of a text, marks included: « … », “ … ”, and straight "…" paired
    within a paragraph."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        for match in re.finditer(rf"{opening}[^{closing}]*{closing}", text):
            spans.append((match.start(), match.end()))
    # Straight marks pair within a paragraph; one left open runs on into the next paragraph when
    # that one's first mark closes it ("« … très mauvaise.\nLa dégradation … 42 200 chômeurs »"),
    # never further: a stray mark would make the rest of the article a quote.
    open_mark: int | None = None
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = [paragraph.start() + m.start() for m in re.finditer('"', paragraph.group())]
        if open_mark is not None and len(marks) % 2:
            marks.insert(0, open_mark)
        open_mark = marks.pop() if len(marks) % 2 else None
        spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2], strict=True)]
    return sorted(spans)
