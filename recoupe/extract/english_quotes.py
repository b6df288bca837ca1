"""English quotes and who said them, on the token rules (token_speakers.py): a transcript's
speaker label, the cue in the quote's sentence or around it, the pronoun resolved to the people
named before it (token_antecedents.py); a title set in quotes ('on "Fox News Sunday,"') is no quote."""

from __future__ import annotations

import re
from dataclasses import replace

from recoupe.extract import attribution as at
from recoupe.extract.attribution import Mention, Token, Vocabulary
from recoupe.extract.quote_spans import LABEL, MAX_SCARE_WORDS
from recoupe.extract.speaker_names import token_speaker_name
from recoupe.extract.token_speakers import from_context, in_sentence
from recoupe.extract.tokens import QuotedText
from recoupe.model import QuoteMention

# An English quote of this many words or fewer, all capitalised, inside a sentence is a title.
MAX_TITLE_WORDS = 5
# Small words a title may hold; a title follows one of them ("on "Fox News Sunday,"", "a "…" forum").
_TITLE_SMALL_WORDS = frozenset(
    {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by", "or", "during"}
)
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our"})  # 'his "Keepin' It Real" program'


def english_quotes(quoted: QuotedText, vocab: Vocabulary) -> list[QuoteMention]:
    """Each quote of `groups` with its speaker, in order: a quote without a cue of its own takes
    the one of the paragraph before, or the previous quote's speaker."""
    text, norm, segments, groups = quoted.text, quoted.norm, quoted.segments, quoted.groups
    tokens, quote_token = quoted.tokens, quoted.quote_token
    antecedents = at.antecedents(tokens, text, vocab)
    people = at.named_people(tokens, vocab)
    found: list[QuoteMention] = []
    previous: Mention | None = None
    previous_end = -1
    for members in groups:
        first, last = quote_token[members[0]], quote_token[members[-1]]
        label = LABEL.match(norm, segments[members[0]].start)
        if label:
            mention: Mention | None = Mention(label.start(1), label.end(1), label.group(1), "name", "")
        else:
            mention = in_sentence(tokens, first, last, vocab)
        words = sum(len(norm[segments[m].start : segments[m].end].split()) for m in members)
        if mention is None and words <= MAX_SCARE_WORDS:
            continue
        if _english_title(tokens, first, norm[segments[members[0]].start : segments[members[-1]].end]):
            continue
        if mention is None:
            mention = from_context(tokens, first, vocab, previous, previous_end)
        speaker = token_speaker_name(mention, text, antecedents, people)
        if mention is not None and speaker is not None and mention.kind != "pronoun":
            antecedents.append(replace(mention, text=speaker))
        elif mention is not None and speaker is not None and mention.gender in ("m", "f"):
            # "a-t-elle regretté" tells that the person it stands for is a woman: a later "il"
            # must look past her.
            antecedents[:] = at.with_gender(antecedents, speaker, mention.gender)
            people[:] = at.with_gender(people, speaker, mention.gender)
        for m in members:
            seg = segments[m]
            found.append(
                QuoteMention(
                    seg.start,
                    seg.end,
                    text[seg.start : seg.end],
                    speaker,
                    mention.start if mention else None,
                    mention.end if mention else None,
                )
            )
        previous, previous_end = mention, last
    return found


def _english_title(tokens: list[Token], first: int, quoted: str) -> bool:
    """A title inside an English sentence ('on "Fox News Sunday,"', 'a "Commander-In-Chief" forum'):
    a few words after a small word or a possessive ('CBS's "Face the Nation"'), each capitalised
    but the small ones, that no one says."""
    words = re.findall(r"[\w'-]+", quoted)
    before = tokens[first - 1] if first > 0 else None
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and before is not None
        and (before.low in _TITLE_SMALL_WORDS or before.low in _POSSESSIVES or before.low.endswith("'s"))
        and before.sentence == tokens[first].sentence
        and not quoted.rstrip().endswith(("!", "?"))
        and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)
    )

