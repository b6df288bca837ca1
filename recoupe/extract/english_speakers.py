"""English patterns that name a quote's speaker beyond the cue beside it, on tokens: the subject a
pronoun in a free relative stands for ("X condemned what he called …"), the cue closing the sentence
before a quote ("…, Schiff said. "…""), a subject casting someone "as" the quoted words."""

from __future__ import annotations

from recoupe.extract.cue_vocabulary import Vocabulary
from recoupe.extract.token_cues import MAX_MENTION_WORDS, Mention, Token, cue_at
from recoupe.extract.token_mentions import clause_subject, left_mention, right_mention


def bound_subject(tokens: list[Token], lo: int, pronoun: Mention, vocab: Vocabulary) -> Mention | None:
    """The subject of the sentence a pronoun after "what" stands for: 'Ban Ki-moon condemned what he
    called …', 'The Council … pledged sanctions against what it called …'. None when another name
    comes between them (in 'Flynn said Trump was right when he said …', "he" may be either), when
    they differ in gender or number, or for I, we, you."""
    k = next((i for i in range(lo, len(tokens)) if tokens[i].start == pronoun.start), None)
    # Only in a free relative ("what he called"): in "X did not say, though he said …" the pronoun
    # is a cue's subject of its own, and the one the text names as the source.
    if k is None or k == lo or tokens[k - 1].low != "what" or pronoun.gender not in ("m", "f", "n", "p"):
        return None
    subject = clause_subject(tokens, lo, k, vocab, loose=True)
    if subject is None or subject.kind == "pronoun" or subject.end > pronoun.start:
        return None
    plural = subject.gender == "p" or (subject.kind == "role" and subject.text.endswith("s"))
    if (pronoun.gender == "p") != plural or subject.gender not in ("", pronoun.gender, "p"):
        return None
    between = [i for i in range(lo, k) if tokens[i].start >= subject.end]
    if between and tokens[between[0]].text == ",":
        # The apposition right after the subject is part of it ("Paul Ryan, R-Wis., despite …").
        closing = next((n for n, i in enumerate(between[1:13], 1) if tokens[i].text == ","), 0)
        between = between[closing + 1 :]
    # Weekdays ("on Friday") and names in the possessive ("North Korea's latest test") name no one
    # the pronoun could stand for.
    others = [
        t
        for i in between
        if (t := tokens[i]).kind == "word"
        and t.text[:1].isupper()
        and t.low not in vocab.fillers
        and not _possessive_run(tokens, i)
    ]
    return None if any(t.low not in vocab.titles for t in others) else subject


def _possessive_run(tokens: list[Token], i: int) -> bool:
    """Whether token i is in a run of capitalised words that ends in the possessive ("North Korea's")."""
    while i < len(tokens) and tokens[i].kind == "word" and tokens[i].text[:1].isupper():
        if tokens[i].low.endswith("'s"):
            return True
        i += 1
    return False


def closing_cue_source(tokens: list[Token], end: int, vocab: Vocabulary) -> Mention | None:
    """The speaker of a cue closing the sentence that ends at token `end` (its full stop), set off by
    a comma: '…, Schiff said.', '…, said Sen. Adam Schiff on Friday.' — a quote right after such a
    sentence goes on with the same speaker."""
    if end < 2 or tokens[end].text != ".":
        return None
    lo = end
    while lo > 0 and tokens[lo - 1].sentence == tokens[end].sentence and tokens[lo - 1].kind == "word":
        lo -= 1  # back to the comma that sets the cue off
    quoted_comma = lo > 0 and tokens[lo - 1].kind == "quote" and tokens[lo - 1].text.rstrip().endswith(",")
    if lo == 0 or (tokens[lo - 1].text != "," and not quoted_comma) or end - lo > MAX_MENTION_WORDS:
        return None  # '…, Schiff said.', '… "most people don't know," she said.'
    opening = lo - 1
    while opening > 0 and tokens[opening - 1].sentence == tokens[end].sentence:
        opening -= 1
    if tokens[opening].kind == "quote":
        return None  # '"…," X said on Twitter.': the cue of the quote before, not a paraphrase
    for c in range(lo, end):
        cue = cue_at(tokens, c, vocab)
        if cue is None or cue.phrase or cue.transitive:
            continue
        k = cue.last + 1
        while k < end and tokens[k].low in vocab.fillers:
            k += 1
        if c == lo:  # '…, said Schiff.'
            subject = right_mention(tokens, cue.last + 1, end, vocab)
            return subject if subject is not None and subject.end == tokens[end - 1].end else None
        if k == end:  # '…, Schiff said.'
            subject = left_mention(tokens, c - 1, lo, vocab, relative=False)
            return subject if subject is not None and subject.start == tokens[lo].start else None
        return None
    return None


def characterising_subject(tokens: list[Token], lo: int, first: int, vocab: Vocabulary) -> Mention | None:
    """The named subject of a sentence that casts someone or something "as" the quoted words ('Trump
    openly admires Putin as a "strong leader"'): the words are the subject's, whatever the verb."""
    k = first - 1
    if k > lo and tokens[k].low in vocab.determiners:
        k -= 1
    if k <= lo or tokens[k].low != "as":
        return None
    subject = clause_subject(tokens, lo, k, vocab, loose=True)
    return subject if subject is not None and subject.kind == "name" else None
