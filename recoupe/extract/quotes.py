"""Direct quotes in an article's text and who said them, with character offsets (French and English)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.extract import attribution as at
from recoupe.extract import coreference as co
from recoupe.extract import mention_ranker as mr
from recoupe.extract import speakers as sp
from recoupe.extract.attribution import Mention, Token, Vocabulary
from recoupe.extract.entities import strip_titles
from recoupe.model import QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Curly and straight double quotes are mixed in scraped text ('“Immunity deals …," Chaffetz said').
_CLOSER = {"«": "»", "“": '”"', "‹": "›", '"': '"”'}
_MARKS = re.compile('[«»“”‹›"]')
_SPACES = " \t\u00a0\u202f\u2009"
# A quote of this many words or fewer with no reporting cue in its sentence is a title, a
# nickname or a scare quote ("the so-called "experts""), not something someone said.
MAX_SCARE_WORDS = 2
# An English quote of this many words or fewer, all capitalised, inside a sentence is a title.
MAX_TITLE_WORDS = 5
# Small words a title may hold; a title follows one of them ("on "Fox News Sunday,"", "a "…" forum").
_TITLE_SMALL_WORDS = frozenset(
    {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by", "or", "during"}
)
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our"})  # 'his "Keepin' It Real" program'
# A cue after a quote may follow a subject in apposition ('"…," Scott Pruitt, the attorney general
# of Oklahoma, one of the states suing, said'): this many tokens at most.
MAX_APPOSITION_TOKENS = 30
# Quotes of more words than this are not parsed (their words say nothing of who spoke them), only
# the words around them: this keeps parsing to a fraction of each article.
MAX_PARSED_QUOTE_WORDS = 8
_TRAILING = ",.!?—–-―"
_DASHES = "—–-―"
_COMPLEMENTISERS = frozenset({"que", "qu'", "that", "to", "à", "de", "d'", "if", "si", "whether"})
_INDEFINITE = frozenset({"un", "une", "des", "a", "an", "some"})  # "une voisine": someone unnamed
# A transcript's speaker label opening a quoted paragraph ('"WALLACE: Let's start …').
_LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s")
_TOKEN = re.compile(
    r"(?P<elision>(?i:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(?=\w))"
    r"|(?P<initials>(?:[A-Z]\.){2,})"
    r"|(?P<word>\w+(?:[-']\w+)*\.?)"
    r"|(?P<brk>\n)"
    r"|(?P<punct>[^\w\s])"
)
# Words a full stop abbreviates rather than ends a sentence with ("Sen. Cruz", "M. Martin").
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "prof",
        "rev",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "no",
        "vs",
        "pres",
        "gén",
        "mgr",
    ]
)
_FRENCH_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|de|et|est|une|dans|pour|qui|que|avec|sur|pas|il|elle|nous|ne)\b|«"
)
_ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|is|was|in|that|with|for|on|he|she|it|to)\b")


@dataclass(frozen=True)
class _Segment:
    start: int  # the quoted words, marks excluded
    end: int
    region_start: int  # the whole quote, marks included
    region_end: int
    group: int  # segments of one quote carried over paragraphs share a group


def find_quotes(
    text: str, language: str | None = None, speaker_choice: mr.SpeakerChoice | None = None
) -> list[QuoteMention]:
    """Every direct quote of `text` with its speaker's mention; `language` "fr" or "en" (else guessed).
    `speaker_choice`, when given, picks each French quote's speaker among the candidates the parse
    offers (mention_ranker.py: bench/train_speaker_ranker.py trains and compares rankers with it);
    without it, the rules' answer stands and no candidate is gathered."""
    norm = text.replace("’", "'")  # same length: offsets stay those of `text`
    segments = _segments(norm)
    if not segments:
        return []
    vocab = at.vocabulary(language if language in ("fr", "en") else guess_language(norm))
    tokens, quote_token = _tokens(norm, segments)
    groups: list[list[int]] = []
    for index, segment in enumerate(segments):
        if (
            groups
            and segments[groups[-1][-1]].group == segment.group
            and not _LABEL.match(norm, segment.start)
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    if vocab is at.vocabulary("fr"):
        return _french_quotes(text, norm, segments, groups, tokens, quote_token, speaker_choice)
    antecedents = at.antecedents(tokens, text, vocab)
    people = at.named_people(tokens, vocab)
    found: list[QuoteMention] = []
    previous: Mention | None = None
    previous_end = -1
    for members in groups:
        first, last = quote_token[members[0]], quote_token[members[-1]]
        label = _LABEL.match(norm, segments[members[0]].start)
        if label:
            mention: Mention | None = Mention(label.start(1), label.end(1), label.group(1), "name", "")
        else:
            mention = _in_sentence(tokens, first, last, vocab)
        words = sum(len(norm[segments[m].start : segments[m].end].split()) for m in members)
        if mention is None and words <= MAX_SCARE_WORDS:
            continue
        if _english_title(tokens, first, norm[segments[members[0]].start : segments[members[-1]].end]):
            continue
        if mention is None:
            mention = _from_context(tokens, first, vocab, previous, previous_end)
        speaker = _speaker(mention, text, antecedents, people)
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


def tokenize(text: str) -> list[Token]:
    """Words and punctuation of a text, each quote one token, with sentence numbers."""
    return _tokens(text, _segments(text))[0]


def guess_language(text: str) -> str:
    """French or English, by their commonest words: enough to pick a vocabulary of cues."""
    sample = text[:20000].lower()
    return "fr" if len(_FRENCH_WORDS.findall(sample)) > len(_ENGLISH_WORDS.findall(sample)) else "en"


# --- quote marks ----------------------------------------------------------------------------


def _segments(text: str) -> list[_Segment]:
    """Quoted spans, paragraph by paragraph. Marks of another kind inside a quote are nested and
    stay part of it; a quote left open at a paragraph's end goes on when the next one opens with
    the same mark, the press convention for quotes several paragraphs long."""
    found: list[_Segment] = []
    group = -1
    carried: str | None = None
    said = False  # whether the quote carried over has words in its first paragraph
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph.strip(_SPACES):
            offset += len(paragraph) + 1
            continue  # a blank line between two paragraphs of one quote does not close it
        opener: str | None = None
        opened_at = 0
        continues = carried is not None and paragraph.lstrip(_SPACES).startswith(carried)
        # Only « and " (English curly marks reopen each paragraph), never into a paragraph opening
        # on a mark of its own, and a mark left empty at a line's end carries nothing over.
        if carried in ("«", '"') and not continues and said and not _MARKS.match(paragraph.lstrip(_SPACES)):
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
        for match in _MARKS.finditer(paragraph):
            mark, pos = match.group(), match.start()
            if opener is None and mark == "”" and paragraph[pos + 1 : pos + 2].isalnum():
                mark = "“"  # a closing mark typed where an opening one belongs: '”Fear. I am …'
            if opener is None and mark in _CLOSER:
                opener, opened_at = mark, pos
                if not continues:
                    group += 1
                continues = False
            elif opener is not None and mark in _CLOSER[opener]:
                _add(found, text, offset + opened_at, offset + pos + 1, group)
                opener = None
        if opener is not None:
            _add(found, text, offset + opened_at, offset + len(paragraph), group)
            carried = opener
            said = any(ch.isalnum() for ch in paragraph[opened_at + 1 :])
        offset += len(paragraph) + 1
    return found


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
    following = [p for p in text[offset:].split("\n")[1:6] if p.strip(_SPACES)][:3]
    for paragraph in following:
        if paragraph.lstrip(_SPACES).startswith(opener):
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
    found: list[_Segment], text: str, region_start: int, region_end: int, group: int, marked: bool = True
) -> None:
    """A segment from its region; `marked`: the region opens with a quote mark (not a paragraph
    that goes on with a quote opened before it)."""
    start, end = region_start + (1 if marked else 0), region_end
    if end > start and text[end - 1] in _MARKS.pattern:
        end -= 1
    while start < end and text[start] in _SPACES:
        start += 1
    while end > start and text[end - 1] in _SPACES:
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        found.append(_Segment(start, end, region_start, region_end, group))


# --- tokens ---------------------------------------------------------------------------------


def _tokens(text: str, segments: list[_Segment]) -> tuple[list[Token], list[int]]:
    """Words and punctuation outside quotes, each quote one token; sentence numbers assigned."""
    raw: list[tuple[int, int, str, at.TokenKind]] = []
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


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str, at.TokenKind]]:
    out: list[tuple[int, int, str, at.TokenKind]] = []
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
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


# --- attribution ----------------------------------------------------------------------------


def _in_sentence(tokens: list[Token], first: int, last: int, vocab: Vocabulary) -> Mention | None:
    """The speaker named by a cue in the quote's own sentence: right after it ("…," said X), before
    it (X said: "…"; selon X, « … »), or later in the sentence."""
    # A quote ending in a full stop may still be followed by its cue ('"We won." Trump said.').
    after = _right_after(tokens, last, _sentence_end(tokens, last + 1), vocab)
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
    hi = _sentence_end(tokens, last)
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


def _sentence_end(tokens: list[Token], k: int) -> int:
    """The index after the last token of token k's sentence (k itself when it is past the end)."""
    if k >= len(tokens) or tokens[k].kind == "break":
        return k
    end = k + 1
    while end < len(tokens) and tokens[end].sentence == tokens[k].sentence and tokens[end].kind != "break":
        end += 1
    return end


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


def _from_context(
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


def _speaker(
    mention: Mention | None, text: str, antecedents: list[Mention], people: list[Mention]
) -> str | None:
    if mention is None:
        return None
    if mention.kind == "pronoun":
        return at.resolve_pronoun(mention, antecedents, people)
    if mention.kind == "role" and mention.gender == "p":
        return text[mention.start : mention.end]  # "several groups", "les salariés": no one person
    if mention.kind == "role":
        named = at.resolve_role(mention, text) or at.resolve_definite_role(mention, text, antecedents, people)
        written = text[mention.start : mention.end]
        # "une voisine", "a campaign aide": someone left unnamed is no one the story can name;
        # the mention keeps the words.
        if named is None and written.split()[0].lower() in _INDEFINITE:
            return None
        return named or written
    demonym = at.resolve_demonym(mention, text, antecedents + people)
    return demonym or _bare_name(at.display_name(mention, text))


def _bare_name(name: str) -> str:
    """ "Germany's Maj Gen Christian Freuding" → "Christian Freuding": the country the possessive
    gives and the titles are no part of the name (titles: data/titles.txt)."""
    bare = re.sub(r"^[A-Z][\w.-]*['’]s\s+", "", name)
    if bare == name:
        return name
    stripped, _ = strip_titles(bare)
    return stripped if len(stripped.split()) >= 1 and stripped[:1].isupper() else name


# --- French: attribution on the parse ---------------------------------------------------------


def _french_quotes(
    text: str,
    norm: str,
    segments: list[_Segment],
    groups: list[list[int]],
    tokens: list[Token],
    quote_token: list[int],
    speaker_choice: mr.SpeakerChoice | None,
) -> list[QuoteMention]:
    """French quotes with their speakers: the cue's subject on the parse of the quote's sentence
    (speakers.py), resolved to a person the article names (coreference.py), then weighed by
    `speaker_choice` against the other mentions the parse offers (mention_ranker.py). A paragraph
    in English inside a French article keeps the English token rules."""
    spans = _sentence_spans(tokens)
    regions = [(s.region_start, s.region_end) for s in segments]
    masked = _masked(text, segments)
    english = at.vocabulary("en")
    # The quotes' own sentences are parsed first; the sentence before one only when its quote has
    # no cue of its own or a pronoun for one (what that sentence's subject is then matters).
    own: dict[int, tuple[int, int]] = {}
    for k, members in enumerate(groups):
        paragraph = _paragraph(norm, segments[members[0]].start)
        if len(paragraph.split()) < 8 or guess_language(paragraph) != "en":
            first, last = tokens[quote_token[members[0]]].sentence, tokens[quote_token[members[-1]]].sentence
            own[k] = (spans[first][0], spans[last][1])
    docs = _parsed(masked, sorted(set(own.values())), {})
    mentions = {
        k: sp.mention_in(
            docs[span],
            span[0],
            (segments[groups[k][0]].region_start, segments[groups[k][-1]].region_end),
            regions,
        )
        for k, span in own.items()
    }
    befores = {k: _sentence_before(spans, tokens[quote_token[groups[k][0]]].sentence) for k in own}
    needed = {
        spans[n]
        for k, n in befores.items()
        if n is not None and (mentions[k] is None or _pronoun(mentions[k]))
    }
    docs = _parsed(masked, sorted(needed - docs.keys()), docs)
    people = co.people_in(text)
    subjects: list[co.Subject] = []
    found: list[QuoteMention] = []
    headings: list[int] = []  # indices in `found` of quotes set as headings, with no cue of their own
    previous: tuple[sp.SpeakerMention | None, str | None] = (None, None)
    previous_end = -1
    for k, members in enumerate(groups):
        lead = segments[members[0]]
        first, last = quote_token[members[0]], quote_token[members[-1]]
        sentence = tokens[first].sentence
        words = sum(len(norm[segments[m].start : segments[m].end].split()) for m in members)
        if k not in own:  # an English paragraph
            english_mention = _in_sentence(tokens, first, last, english)
            if english_mention is None and words <= MAX_SCARE_WORDS:
                continue
            speaker = _speaker(english_mention, text, [], at.named_people(tokens, english))
            found.extend(_quote_mentions(text, segments, members, speaker, english_mention))
            continue
        span = own[k]
        heading = _heading(norm, segments, members)
        before = spans[befores[k]] if befores[k] is not None else None  # type: ignore[index]
        prior = docs.get(before) if before is not None and before[1] <= lead.region_start else None
        if prior is not None and before is not None:
            subject = sp.sentence_subject(prior, before[0])
            subject = _apposed(subject, text) if subject is not None else None
            if subject is not None and (not subjects or subjects[-1].position < subject.start):
                subjects.append(
                    co.Subject(subject.start, _resolve(subject, text, people, subjects), subject.gender)
                )
        mention = _incise(text, segments, members) or mentions[k]
        speaker: str | None = None
        signed = _signature(norm, segments, members, people) if mention is None else None
        if signed is not None:
            mention, speaker = signed
        elif heading or (before is not None and _caps_line(norm[before[0] : before[1]])):
            pass  # a subheading or a signature speaks for no one around it
        elif (
            mention is None and previous[0] is not None and _one_paragraph_apart(tokens, previous_end, first)
        ):
            mention, speaker = previous  # a quote carried on in the next paragraph
        elif (
            mention is None
            and prior is not None
            and before is not None
            and tokens[first - 1].sentence != sentence
        ):
            # No cue in the quote's own sentence: "X a dit :" or "X a pris la parole." just before.
            if norm[before[0] : before[1]].rstrip().endswith(":"):
                mention = sp.mention_in(prior, before[0], (before[1], before[1]), regions)
            elif not norm[before[0] : before[1]].rstrip().endswith(("»", "”", '"')):
                context = sp.sentence_subject(prior, before[0])
                if context is not None and context.kind in ("role", "organisation"):
                    context = _apposed(context, text)  # "Le maire de Brive, Hugo Marchetti, a …"
                mention = context if context is not None and context.kind in ("name", "pronoun") else None
        if mention is None:
            # Token rules kept where the parse does not help: a long apposition or an incise
            # between a name and its cue often leaves the parser without a subject for the verb,
            # while "Name …, cue" still reads; only a name is taken from them, never a role.
            rule = _in_sentence(tokens, first, last, at.vocabulary("fr"))
            if rule is not None and rule.kind == "name":
                mention = sp.SpeakerMention(rule.start, rule.end, "name", rule.gender)
        if mention is None and (words <= MAX_SCARE_WORDS or not _clause(docs[span], span[0], lead)):
            continue  # a term, a title or a scare quote no one in the text says
        if mention is not None and speaker is None:
            mention = _apposed(mention, text)
        if mention is not None and speaker is None and mention.kind == "pronoun":
            # "Christine Lagarde n'y est pas favorable car « … », a-t-elle déclaré": the pronoun's
            # nearest subject is its own sentence's, before the quote.
            own_subject = sp.sentence_subject(docs[span], span[0])
            if (
                own_subject is not None
                and own_subject.start < lead.region_start
                and (not subjects or subjects[-1].position < own_subject.start)
            ):
                subjects.append(
                    co.Subject(
                        own_subject.start, _resolve(own_subject, text, people, subjects), own_subject.gender
                    )
                )
        resolved_here = mention is not None and speaker is None  # not a signature's, not carried on
        if resolved_here and mention is not None:
            speaker = _resolve(mention, text, people, subjects)
        if speaker_choice is not None and signed is None and not heading:
            region = (lead.region_start, segments[members[-1]].region_end)
            context = mr.QuoteContext(
                region,
                (mention, speaker),
                previous,
                _one_paragraph_apart(tokens, previous_end, first),
                {p.name: p.gender for p in people if len(p.name.split()) > 1},
            )
            own_offers = _offered(docs[span], span[0], region, regions, text)
            prior_offers = []
            if prior is not None and before is not None:
                prior_offers = _offered(prior, before[0], region, regions, text)
            found_candidates = mr.candidates(
                own_offers, prior_offers, context, lambda m: _resolve(m, text, people, subjects)
            )
            chosen = speaker_choice(context, found_candidates)
            mention, speaker = (chosen.mention, chosen.name) if chosen is not None else (None, None)
            resolved_here = resolved_here or (mention is not None and mention is not previous[0])
        if resolved_here and mention is not None:
            subjects.append(co.Subject(mention.start, speaker, mention.gender))
        if heading and mention is None:
            headings.append(len(found))
        found.extend(_quote_mentions(text, segments, members, speaker, mention))
        if not heading:
            previous, previous_end = (mention, speaker), last
    return _headings_said(found, headings)


def _offered(
    doc: Doc, offset: int, region: tuple[int, int], regions: list[tuple[int, int]], text: str
) -> list[sp.Offered]:
    """The mentions the parse offers for a quote, a role given the name set beside it."""
    offered = sp.offered_mentions(doc, offset, region, regions)
    return [replace(o, mention=_apposed(o.mention, text)) for o in offered]


def _caps_line(line: str) -> bool:
    """A line in capitals: a pull quote's signature ("JEAN DUPONT, MAIRE DE …"), a caption."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters) and len(line.split()) <= 15


def _signature(
    norm: str, segments: list[_Segment], members: list[int], people: list[co.Person]
) -> tuple[sp.SpeakerMention, str | None] | None:
    """A quote that is a paragraph of its own, signed on the next line in capitals ("JEAN DUPONT,
    MAIRE DE …"): the signature's first part is the mention; its speaker the person the article
    names so, else the signature's two or three words, else no one (a long caption is no name)."""
    lead, tail = segments[members[0]], segments[members[-1]]
    if _paragraph(norm, lead.start).strip(_SPACES) != norm[lead.region_start : tail.region_end].strip(
        _SPACES
    ):
        return None
    line_start = norm.find("\n", tail.region_end)
    if line_start < 0:
        return None
    line_start += 1
    line = _paragraph(norm, line_start)
    if not _caps_line(line):
        return None
    signed = line.split(",")[0].strip(_SPACES)
    start = line_start + line.index(signed)
    mention = sp.SpeakerMention(start, start + len(signed), "name", "")
    named = [p.name for p in people if p.name.upper() in signed.upper()]
    if named:
        name = max(named, key=len)
        return mention, name.title() if name.isupper() else name
    if 2 <= len(signed.split()) <= 3:
        return mention, signed.title()
    return replace(mention, kind="indefinite"), None


def _heading(norm: str, segments: list[_Segment], members: list[int]) -> bool:
    """Whether the quote is a line of its own with no full stop, a headline or a subheading made
    of a quote ("« Ces nominations n'inspirent aucun optimisme »")."""
    lead, tail = segments[members[0]], segments[members[-1]]
    line = _paragraph(norm, lead.start).strip(_SPACES)
    whole = norm[lead.region_start : tail.region_end].strip(_SPACES)
    return len(members) == 1 and line == whole and norm[lead.start : lead.end].rstrip()[-1:] not in ".!?…"


def _headings_said(found: list[QuoteMention], headings: list[int]) -> list[QuoteMention]:
    """A quote set as a heading is said by whoever the article quotes saying its words (the press
    repeats a quote of the text in its subheadings); with no such quote, by no one."""
    for h in headings:
        words = _folded(found[h].text)
        said = [q for q in found if q.speaker and q is not found[h] and words in _folded(q.text)]
        if said and len({q.speaker for q in said}) == 1:
            found[h] = replace(
                found[h],
                speaker=said[0].speaker,
                speaker_start=said[0].speaker_start,
                speaker_end=said[0].speaker_end,
            )
    return found


def _folded(words: str) -> str:
    return " ".join(re.findall(r"\w+", words.casefold()))


# "« Quand ils sont descendus, a-t-elle poursuivi, la confusion a été totale »": a verb with an
# inverted pronoun set between commas inside a quote is its cue. A pattern on the text, since a
# long quote's words are blanked before parsing (the parser's time).
_INCISE = re.compile(
    r",[ \u00a0]+(?:[^\W\d_]+-t-|[^\W\d_]+-)(il|elle|ils|elles)(?:[ \u00a0]+[^\W\d_]+){0,2}[ \u00a0]*[,.]"
)


# "« Je suis surprise, souligne Frédérique Rollet, du Snes, mais … »": a cue and a name between
# commas inside the quote.
_INCISE_NAME = re.compile(
    r",[ \u00a0]+([^\W\d_]+)[ \u00a0]+((?:M\.[ \u00a0]|Mme[ \u00a0])?[A-ZÀ-ÖØ-Þ][\w'’-]+"
    r"(?:[ \u00a0][A-ZÀ-ÖØ-Þ][\w'’-]+)+)[ \u00a0]*[,.]"
)


# "« Pourtant, assure un analyste parisien, le contrôle … »": a cue and a described speaker.
_INCISE_PHRASE = re.compile(
    r",[ \u00a0]+([^\W\d_]+)[ \u00a0]+((?:un|une|le|la|l['’])[ \u00a0]?[^\W\d_A-Z][\w-]*"
    r"(?:[ \u00a0][^\W\d_A-Z][\w-]*){0,2})[ \u00a0]*,"
)


def _incise(text: str, segments: list[_Segment], members: list[int]) -> sp.SpeakerMention | None:
    """The pronoun or the name of a reporting incise inside the quote's words, if any."""
    for m in members:
        found = _INCISE.search(text, segments[m].start, segments[m].end)
        if found is not None:
            gender = {"il": "m", "elle": "f"}.get(found.group(1), "p")
            return sp.SpeakerMention(found.start(1), found.end(1), "pronoun", gender)
        named = _INCISE_NAME.search(text, segments[m].start, segments[m].end)
        if named is not None and named.group(1) in at.vocabulary("fr").verbs:
            return sp.SpeakerMention(named.start(2), named.end(2), "name", co.gender_of(named.group(2)))
        described = _INCISE_PHRASE.search(text, segments[m].start, segments[m].end)
        if described is not None and described.group(1) in at.vocabulary("fr").verbs:
            wording = described.group(2)
            kind = "indefinite" if wording.split()[0].lower() in _INDEFINITE else "role"
            if kind == "role" and not co.is_role(wording):
                kind = "organisation"
            return sp.SpeakerMention(described.start(2), described.end(2), kind, co.gender_of(wording))
    return None


def _apposed(mention: sp.SpeakerMention, text: str) -> sp.SpeakerMention:
    """The name apposed to a role or to a noun phrase that holds a name only as its complement:
    "a assuré le gouverneur de la province, Seni Chittakasem", "l'agent de la RATP, Lucas Ferrand"."""
    written = text[mention.start : mention.end]
    if mention.kind not in ("role", "organisation") and not (
        mention.kind == "name" and re.match(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?[^\W\d_A-Z]", written)
    ):
        return mention
    apposed = co.apposed_name_span(text, mention.start, mention.end)
    return sp.SpeakerMention(*apposed, "name", mention.gender) if apposed is not None else mention


def _parsed(
    masked: str, spans: list[tuple[int, int]], docs: dict[tuple[int, int], Doc]
) -> dict[tuple[int, int], Doc]:
    """`docs` with the parses of the given spans of the (masked) text added."""
    return docs | dict(zip(spans, sp.parse([masked[a:b] for a, b in spans]), strict=True))


def _pronoun(mention: sp.SpeakerMention | None) -> bool:
    return mention is not None and mention.kind == "pronoun"


def _resolve(
    mention: sp.SpeakerMention, text: str, people: list[co.Person], subjects: list[co.Subject]
) -> str | None:
    """Who the mention is: a name as the article writes it most fully, a role or a pronoun as the
    text establishes it (None when it does not), an organisation as written."""
    written = text[mention.start : mention.end]
    if mention.kind == "pronoun":
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        return co.resolve_pronoun(
            mention.gender, mention.start, subjects, text, people, quoted, relative=mention.relative
        )
    if co.is_document(written):
        return co.document_author(written, people, text[: mention.start])
    if mention.kind == "indefinite":
        return None
    # A name inside the mention comes before any apposition ("à la Maison Blanche, le président
    # ukrainien Volodymyr Zelensky" is Zelensky, not the capitalised words before the comma).
    # A name after "de" is the role's complement ("le vice-gouverneur de la province de Preah
    # Vihear"), not the person.
    named = [
        p.name
        for p in people
        if (p.name in written or (len(p.name.split()) > 1 and p.name.split()[-1] in written.split()))
        and not re.search(
            rf"\b(?:de|du|des|d['’])\s?(?:{_FIRST_NAME}\s)*{re.escape(p.name.split()[-1])}", written
        )
    ]
    if named and len(max(named, key=len).split()) > 1:
        return max(named, key=len)
    if mention.kind in ("role", "organisation"):
        apposed = co.apposed_name(text, mention.start, mention.end)
        if apposed is not None:
            return co.full_name(apposed, people)
    if mention.kind == "organisation" and not _capitalised(written):
        named_body = co.named_body(_without_determiner(written), text[: mention.start])
        if named_body is not None:
            return named_body  # "l'inspection" after "l'Inspection générale de la Caisse d'Epargne"
    institution = mention.kind == "organisation" and co.is_institution(written)
    if re.match(r"(?:[Ss]on|[Ss]a|[Ll]eurs?)\s", written):
        return None  # "son rapporteur": the possessor's, whom the text does not name here
    if mention.kind == "role" or (
        mention.kind == "organisation" and not _capitalised(written) and not institution
    ):
        resolved = co.resolve_role(written, people)
        if resolved is None and mention.gender != "p" and _definite(written):
            resolved = co.resolve_to_protagonist(written, people, co.headline_person(text, people))
        if resolved is not None or mention.kind == "role" or mention.gender != "p":
            # "l'ex-otage", "la banque": someone the text does not name here; a wrong guess
            # costs more than none.
            return resolved
    demonym = re.fullmatch(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?([A-ZÀ-Ö][a-zà-ÿ]+)", written)
    if mention.kind in ("name", "organisation") and demonym:
        # "a reconnu le Serbe" where the text says "Le Serbe X" or "serbe" of someone: a nationality
        # standing for a person, never a name as written ("la France", no one's nationality, stays).
        found = co.resolve_demonym(demonym.group(1), text, people)
        if found is not None or re.search(rf"\b{demonym.group(1).lower()}s?\b", text):
            return found
    if mention.kind == "name":
        name, _ = strip_titles(written)
        # "M. Ravier" when that is all the text gives: the title stays with a lone surname.
        name = name if len(name.split()) > 1 else co.full_name(name, people)
        return name if len(name.split()) > 1 else _without_determiner(written)
    return _without_determiner(written)


_FIRST_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
# Quoted words, for telling a name said in a quote from one the narrative sets beside a pronoun.
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def _definite(written: str) -> bool:
    """ "la ministre", "l'ex-otage": one person the reader is meant to know, not "une voisine"."""
    return re.match(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?\w", written) is not None and not written.lower().startswith(
        "les "
    )


def _capitalised(written: str) -> bool:
    """Whether a word past the determiner is capitalised: "le parquet de Paris", "L'Insee"."""
    rest = _without_determiner(written)
    return any(w[:1].isupper() for w in (rest if rest != written else " ".join(written.split()[1:])).split())


def _without_determiner(written: str) -> str:
    return re.sub(r"^(?:[Ll]es?|[Ll]a|[Ll]['’]|[Dd]u|[Dd]es)\s?", "", written).strip() or written


def _quote_mentions(
    text: str, segments: list[_Segment], members: list[int], speaker: str | None, mention: object
) -> list[QuoteMention]:
    start = getattr(mention, "start", None)
    end = getattr(mention, "end", None)
    pointer = getattr(mention, "pointer", None)
    if pointer is not None:  # "…, qui répète que « … »": the relative pronoun is what the clause says
        start, end = pointer
    return [
        QuoteMention(
            segments[m].start, segments[m].end, text[segments[m].start : segments[m].end], speaker, start, end
        )
        for m in members
    ]


def _sentence_spans(tokens: list[Token]) -> dict[int, tuple[int, int]]:
    """Each sentence number's character span, line breaks left out."""
    spans: dict[int, tuple[int, int]] = {}
    for tok in tokens:
        if tok.kind == "break":
            continue
        start, _ = spans.get(tok.sentence, (tok.start, tok.end))
        spans[tok.sentence] = (start, tok.end)
    return spans


def _sentence_before(spans: dict[int, tuple[int, int]], sentence: int) -> int | None:
    """The number of the sentence before (a line break takes a number of its own)."""
    return next((n for n in range(sentence - 1, sentence - 4, -1) if n in spans), None)


def _paragraph(text: str, at_offset: int) -> str:
    return text[text.rfind("\n", 0, at_offset) + 1 : (text.find("\n", at_offset) + 1 or len(text) + 1) - 1]


def _one_paragraph_apart(tokens: list[Token], previous_end: int, first: int) -> bool:
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


def _masked(text: str, segments: list[_Segment]) -> str:
    """The text with each long quote's words blanked out but one ("« Cela     »"), offsets kept:
    who said a quote is read around it, and parsing its words would be most of the parser's time."""
    out = list(text)
    for seg in segments:
        if len(text[seg.start : seg.end].split()) > MAX_PARSED_QUOTE_WORDS:
            out[seg.start : seg.end] = "Cela" + " " * (seg.end - seg.start - 4)
    return "".join(out)


def _clause(doc: Doc, offset: int, lead: _Segment) -> bool:
    """Whether the quoted words hold a verb: a statement, not a term set in quotes (a long quote,
    left unparsed, always is)."""
    inside = [t for t in doc if lead.start <= offset + t.idx < lead.end]
    if inside and inside[0].text == "Cela" and lead.end - lead.start > len(inside[0].text) + 1:
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in inside)
