"""Who asserts a figure: in English, a reporting cue of its sentence read on tokens ("X said that",
"according to X", "…, X said"); in French, claimants.py's reading of the parse."""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.extract import attribution as at
from recoupe.extract.claimants import find_claimants
from recoupe.model import QuoteMention


def french_claimants(
    text: str, positions: list[int], said: list[QuoteMention] | None = None
) -> list[str | None]:
    """French claimants come from the quotes' speakers and a dependency parse of the sentences that
    need one (claimants.py)."""
    return [c.text if c is not None else None for c in find_claimants(text, positions, said)]


@dataclass(frozen=True)
class SentenceCues:
    """A sentence's span in tokens and the reporting cues it holds."""

    first: int  # the sentence's first token
    last: int  # and the token past its last one
    cues: list[tuple[int, at.Cue]]  # (token index, the reporting cue starting there), in order


def sentence_cues(tokens: list[at.Token], lo: int, hi: int, language: str) -> SentenceCues:
    """The reporting cues of the sentence from `lo` to `hi` (character offsets)."""
    vocab = at.vocabulary(language)
    inside = [i for i, t in enumerate(tokens) if lo <= t.start < hi]
    if not inside:
        return SentenceCues(0, 0, [])
    cues = [(i, cue) for i in inside if (cue := at.cue_at(tokens, i, vocab)) is not None]
    return SentenceCues(inside[0], inside[-1] + 1, cues)


def token_claimant(
    tokens: list[at.Token], sentence: SentenceCues, text: str, position: int, language: str
) -> str | None:
    """Who asserts the figure, from a reporting cue of its sentence: "X ont déclaré que …", "selon X",
    or after it, "…, X said". A cue verb elsewhere ("avaient été lancés") reports nothing."""
    vocab = at.vocabulary(language)
    first, last = sentence.first, sentence.last
    best: tuple[int, at.Mention] | None = None
    for i, cue in sentence.cues:
        if not _reports(tokens, cue, position, last, vocab):
            continue
        mention = _inverted_subject(tokens, cue, position, last, vocab) or at.source_of(
            tokens, cue, first, last, vocab
        )
        if mention is None or mention.kind == "pronoun":
            continue
        distance = abs(tokens[i].start - position)
        if best is None or distance < best[0]:
            best = (distance, mention)
    return at.display_name(best[1], text) if best else None


def _inverted_subject(
    tokens: list[at.Token], cue: at.Cue, position: int, hi: int, vocab: at.Vocabulary
) -> at.Mention | None:
    """ "… 9 morts, ont annoncé mercredi les autorités locales": after the figure, a comma, then the
    cue, the subject follows the verb."""
    if cue.phrase or tokens[cue.first].start < position:
        return None
    k = cue.first - 1
    while k >= 0 and (tokens[k].low in vocab.auxiliaries or tokens[k].low in vocab.fillers):
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    j = cue.last + 1
    while j < hi and tokens[j].low in vocab.fillers:
        j += 1
    return at.right_mention(tokens, j, hi, vocab)


def _reports(tokens: list[at.Token], cue: at.Cue, position: int, hi: int, vocab: at.Vocabulary) -> bool:
    if cue.phrase:
        return True
    if tokens[cue.last].start < position:
        k = cue.last + 1
        while k < hi and tokens[k].low in vocab.fillers:
            k += 1
        # "a déclaré que 69 …", "a déclaré avoir intercepté 55 …", "said that", "said it had"
        return k < hi and tokens[k].low in ("que", "qu'", "that", "avoir", "d'", "it", "they")
    between = [t.text for t in tokens if position <= t.start < tokens[cue.first].start]
    return "," in between
