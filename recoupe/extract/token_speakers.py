"""Who the text says spoke a quote, on the tokens around it (no parser: none for English ships
on PyPI): a reporting cue in the quote's own sentence, right after it ('"…," said X'), before it
('X said: "…"', "selon X, « … »") or later in the sentence; with none, "X said:" closing the
paragraph before, the subject of the sentence before, or the previous quote's speaker. The
English driver reads every quote so; the French one falls back on it where the parse finds no
subject (french_quotes.py)."""

from __future__ import annotations

from recoupe.extract import attribution as at
from recoupe.extract.attribution import Mention, Token, Vocabulary
from recoupe.extract.tokens import sentence_end

# A cue after a quote may follow a subject in apposition ('"…," Scott Pruitt, the attorney general
# of Oklahoma, one of the states suing, said'): this many tokens at most.
MAX_APPOSITION_TOKENS = 30
_TRAILING = ",.!?—–-―"
_DASHES = "—–-―"
_COMPLEMENTISERS = frozenset({"que", "qu'", "that", "to", "à", "de", "d'", "if", "si", "whether"})


def in_sentence(tokens: list[Token], first: int, last: int, vocab: Vocabulary) -> Mention | None:
    """The speaker named by a cue in the quote's own sentence: right after it ("…," said X), before
    it (X said: "…"; selon X, « … »), or later in the sentence."""
    # A quote ending in a full stop may still be followed by its cue ('"We won." Trump said.').
    after = _right_after(tokens, last, sentence_end(tokens, last + 1), vocab)
    if after is not None and after.kind != "pronoun":
        return after
    lo = first
    while lo > 0 and tokens[lo - 1].sentence == tokens[first].sentence and tokens[lo - 1].kind != "break":
        lo -= 1
    before = _last_cue_source(tokens, lo, first, first, vocab)
    if before is None and first > lo and tokens[first - 1].text == ":":
        before = at.clause_subject(tokens, lo, first - 1, vocab, loose=True)  # "X a été clair : « … »"
    # 'McCaskill scolded him: "…," she said': the pronoun after the quote stands for the name before it.
    if after is not None and (before is None or before.kind == "pronoun"):
        return after
    if before is not None:
        return _bound(tokens, lo, before, vocab)
    hi = sentence_end(tokens, last)
    for c in range(last + 1, hi):
        cue = at.cue_at(tokens, c, vocab)
        if cue is not None:
            later = at.source_of(tokens, cue, last + 1, hi, vocab)
            return _bound(tokens, lo, later, vocab) if later is not None else None
    if vocab.language == "en":
        return at.characterising_subject(tokens, lo, first, vocab)  # 'X admires Y as a "strong leader"'
    return None


def _bound(tokens: list[Token], lo: int, mention: Mention, vocab: Vocabulary) -> Mention:
    """An English pronoun in the quote's sentence as the subject it stands for, when it has one."""
    if mention.kind != "pronoun" or vocab.language != "en":
        return mention
    return at.bound_subject(tokens, lo, mention, vocab) or mention


def _right_after(tokens: list[Token], last: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """'"…," Trump said', '"…," said Trump', '« … », a-t-il dit', '"…," according to X', and the
    signature of a testimonial ('"…" ― Jane Doe')."""
    j = last + 1
    while j < hi and tokens[j].kind == "punct" and tokens[j].text in _TRAILING and j - last <= 2:
        j += 1
    if any(t.text in _DASHES for t in tokens[last + 1 : j]):
        signed = at.right_mention(tokens, j, hi, vocab)
        if signed is not None and signed.kind == "name" and _ends_line(tokens, signed.end):
            return signed
    if j < hi and tokens[j].low == "as":
        j += 1  # '"…," as a memo put it'
    for c in range(j, min(hi, j + MAX_APPOSITION_TOKENS)):
        if tokens[c].kind in ("quote", "break"):
            return None
        cue = at.cue_at(tokens, c, vocab)
        if cue is None:
            continue
        if _opens_new_clause(tokens, last, cue, vocab):
            return None
        if cue.phrase or cue.pronoun is not None:
            return at.source_of(tokens, cue, j, hi, vocab) if c == j else None
        # Everything between the quote and the verb must be its subject, else the cue is another's.
        if all(t.low in vocab.auxiliaries or t.low in vocab.fillers for t in tokens[j:c]):
            return at.source_of(tokens, cue, j, hi, vocab)
        subject = at.left_mention(tokens, c - 1, j, vocab, relative=False)
        return subject if subject is not None and subject.start == tokens[j].start else None
    return None


def _opens_new_clause(tokens: list[Token], last: int, cue: at.Cue, vocab: Vocabulary) -> bool:
    """After a quote closed by a full stop, 'Le dirigeant russe a répondu que …' starts a sentence
    of its own; only a bare '"We won." Trump said.' still attributes the quote."""
    if tokens[last].text[-1:] not in ".!?" or tokens[last + 1].kind != "word":
        return False
    k = cue.last + 1
    while k < len(tokens) and tokens[k].low in vocab.fillers:
        k += 1
    adverbial = next((a for a in vocab.adverbials if at.words_at(tokens, k, len(a)) == a), ())
    k += len(adverbial)  # "La direction assure pour sa part que …"
    if vocab.language == "en":
        return not at.clause_ends(tokens, k, cue, vocab, inverted=cue.first == last + 1)
    return k < len(tokens) and tokens[k].low in _COMPLEMENTISERS


def _ends_line(tokens: list[Token], offset: int) -> bool:
    rest = [t for t in tokens if t.start >= offset][:2]
    return (
        not rest
        or rest[0].kind == "break"
        or (rest[0].text == "." and (len(rest) < 2 or rest[1].kind == "break"))
    )


def _last_cue_source(tokens: list[Token], lo: int, hi: int, bound: int, vocab: Vocabulary) -> Mention | None:
    # A subject is inverted after a quote ('"…," said X'), not before one: in 'she said he
    # would "never"', "he" opens the reported clause.
    for c in range(hi - 1, lo - 1, -1):
        cue = at.cue_at(tokens, c, vocab)
        if cue is not None and cue.last < bound:
            inverted = _after_quote(tokens, cue.first, vocab)
            source = at.source_of(tokens, cue, lo, bound, vocab, inverted=inverted)
            if source is not None:
                return _reporting_source(tokens, lo, source, vocab) or source
    return None


def _reporting_source(tokens: list[Token], lo: int, inner: Mention, vocab: Vocabulary) -> Mention | None:
    """The speaker of a cue that reports the clause `inner` opens: in 'She says Trump's tweets
    are "lies"' or 'Trump said that Clinton described it as "the gold standard"', the quote
    reaches the reader through the outer speaker."""
    k = next((i for i in range(lo, len(tokens)) if tokens[i].start == inner.start), None)
    if k is None or k <= lo:
        return None
    j = k - 1
    if tokens[j].low in _COMPLEMENTISERS:
        j -= 1
    else:
        cue = at.cue_at(tokens, j, vocab)
        if cue is None or cue.phrase:
            return None
    for c in range(j, lo - 1, -1):
        cue = at.cue_at(tokens, c, vocab)
        if cue is not None and cue.last < k and not cue.phrase:
            return at.source_of(tokens, cue, lo, k, vocab, inverted=False)
    return None


def _after_quote(tokens: list[Token], k: int, vocab: Vocabulary) -> bool:
    """Whether token k follows a closing quote, across commas and auxiliaries ('», a dit')."""
    k -= 1
    while k >= 0 and (tokens[k].text in _TRAILING or tokens[k].low in vocab.auxiliaries):
        k -= 1
    return k >= 0 and tokens[k].kind == "quote"


def from_context(
    tokens: list[Token], first: int, vocab: Vocabulary, previous: Mention | None, previous_end: int
) -> Mention | None:
    """No cue in the sentence: "X said:" closing the previous paragraph, else the speaker of the
    quote just before when nothing but one paragraph break separates them."""
    j = first - 1
    breaks = 0
    while j >= 0 and tokens[j].kind == "break":
        breaks += 1
        j -= 1
    if j >= 0 and tokens[j].text == ":":
        lo = j
        while lo > 0 and tokens[lo - 1].sentence == tokens[j].sentence and tokens[lo - 1].kind != "break":
            lo -= 1
        source = _last_cue_source(tokens, lo, j, j, vocab) or at.clause_subject(tokens, lo, j, vocab)
        if source is not None:
            return source
    if breaks == 0 and j >= 0 and vocab.language == "en":
        closing = at.closing_cue_source(tokens, j, vocab)
        if closing is not None:
            return closing  # 'X may be reluctant to act, Schiff said. "…"'
    if (previous is None or previous_end < 0) and breaks == 0 and j >= 0:
        return _previous_sentence_subject(tokens, j, vocab)
    subject = _previous_sentence_subject(tokens, j, vocab) if breaks == 0 and j >= 0 else None
    if subject is not None and subject.kind == "name":
        return subject  # 'His partner, Ann Lee, called him a master. "…"': not the last quote's speaker
    if previous is None or previous_end < 0 or _inside_sentence(tokens, j, first, breaks, vocab):
        return None
    between = tokens[previous_end + 1 : first]
    paragraphs = sum(
        1 for k, t in enumerate(between) if t.kind == "break" and (k == 0 or between[k - 1].kind != "break")
    )
    return previous if paragraphs <= 1 else None


def _inside_sentence(tokens: list[Token], j: int, first: int, breaks: int, vocab: Vocabulary) -> bool:
    """Whether an English quote goes on a sentence of the text's own ('Kall compared Trump to a coach
    who is "working the referees"'): its words are the sentence's, not the last speaker's."""
    return (
        vocab.language == "en"
        and breaks == 0
        and j >= 0
        and tokens[j].kind != "quote"
        and tokens[j].text not in ".!?"
        and tokens[j].sentence == tokens[first].sentence
    )


def _previous_sentence_subject(tokens: list[Token], j: int, vocab: Vocabulary) -> Mention | None:
    """A quote standing as its own sentence, right after a sentence about someone in the same
    paragraph ("Le maire, Yves Cassagne, a pris la parole. « Je ne serai pas candidat. »"),
    is theirs: the subject of that sentence, when it names or describes a person."""
    if tokens[j].text not in ".!?" or tokens[j].kind == "quote":
        return None
    lo = j
    while (
        lo > 0
        and tokens[lo - 1].sentence == tokens[j].sentence
        and tokens[lo - 1].kind not in ("break", "quote")
    ):
        lo -= 1
    if lo > 0 and tokens[lo - 1].kind == "quote":
        return None
    subject = at.clause_subject(tokens, lo, j, vocab, loose=True)
    if subject is None and vocab.pronouns.get(tokens[lo].low) in ("m", "f"):
        subject = at.right_mention(tokens, lo, j, vocab)  # "Il ne cache pas son amertume."
    return subject if subject is not None and subject.kind in ("name", "pronoun") else None

