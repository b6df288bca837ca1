"""Who said a quote, on token patterns (no parser: none for English ships on PyPI): the names
quotes.py and figures.py use, from the modules that hold them by concern —
cue_vocabulary.py (the reporting vocabulary of a language), token_cues.py (tokens and the cues
among them), token_mentions.py (the speaker mention beside a cue), english_speakers.py (English
patterns beyond the cue beside a quote), token_antecedents.py (what a pronoun or a role noun
stands for)."""

from __future__ import annotations

from recoupe.extract.cue_vocabulary import Vocabulary, vocabulary
from recoupe.extract.english_speakers import bound_subject, characterising_subject, closing_cue_source
from recoupe.extract.token_antecedents import (
    antecedents,
    apposed_name,
    display_name,
    may_hold_apposition,
    named_people,
    resolve_definite_role,
    resolve_demonym,
    resolve_pronoun,
    resolve_role,
    with_gender,
)
from recoupe.extract.token_cues import (
    Cue,
    Mention,
    MentionKind,
    Token,
    TokenKind,
    clause_ends,
    cue_at,
    words_at,
)
from recoupe.extract.token_mentions import clause_subject, left_mention, right_mention, source_of

__all__ = [
    "Cue",
    "Mention",
    "MentionKind",
    "Token",
    "TokenKind",
    "Vocabulary",
    "antecedents",
    "apposed_name",
    "bound_subject",
    "characterising_subject",
    "clause_ends",
    "clause_subject",
    "closing_cue_source",
    "cue_at",
    "display_name",
    "left_mention",
    "may_hold_apposition",
    "named_people",
    "resolve_definite_role",
    "resolve_demonym",
    "resolve_pronoun",
    "resolve_role",
    "right_mention",
    "source_of",
    "vocabulary",
    "with_gender",
    "words_at",
]
