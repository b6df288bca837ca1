"""Who a reporting cue's speaker is, read from the tokens around it: its subject before it ("X
said", "X, the mayor, said", "X, who …, said"), inverted after it ("said X", "a déclaré le maire"),
after a phrase ("according to X"), and the subject of a clause for a participle or a colon."""

from __future__ import annotations

import re
from dataclasses import replace

from recoupe.extract.cue_vocabulary import Vocabulary
from recoupe.extract.token_cues import (
    MAX_MENTION_WORDS,
    Cue,
    Mention,
    MentionKind,
    Token,
    adverb,
    in_phrase,
    joined_number,
    noun_after_article,
    phrase_end,
    words_at,
)

_PARTICIPLE_OPENERS = frozenset({",", "by", "while", "after", "before", "despite", "without", "upon", "en"})
_INFINITIVE_OPENERS = frozenset({"de", "d'", "à"})  # "a refusé de commenter « … »"
_STRESSED = frozenset({"lui", "elle", "eux", "elles", "himself", "herself"})
_INDIRECT_OBJECT = frozenset({"au", "aux", "à"})
_COORDINATORS = frozenset({"and", "but", "et", "mais", "puis"})
NAME_GLUE = frozenset(
    {"de", "du", "des", "d'", "of", "for", "the", "la", "le", "les", "l'", "en", "à", "au"}
)


def source_of(
    tokens: list[Token], cue: Cue, lo: int, hi: int, vocab: Vocabulary, inverted: bool = True
) -> Mention | None:
    """The speaker of a cue: "selon X", "dit-il", "X a déclaré", else (with `inverted`) an
    inverted "a déclaré X"."""
    if cue.phrase:
        return right_mention(tokens, cue.last + 1, hi, vocab)
    if cue.pronoun is not None:
        return cue.pronoun
    if _passive(tokens, cue, lo, vocab):
        # "29 others were admitted", "he was told": the subject is no speaker; the agent is.
        return _passive_agent(tokens, cue, vocab)
    after_quote = _after_quoted_comma(tokens, cue.first)
    if vocab.language == "en" and after_quote and _present_participle(tokens[cue.first]):
        return participle_subject(tokens, cue, lo, vocab)  # '… as a "strong leader," comparing him to …'
    if cue.first > lo and (
        (tokens[cue.first - 1].low in _PARTICIPLE_OPENERS and _present_participle(tokens[cue.first]))
        or (tokens[cue.first - 1].low in _INFINITIVE_OPENERS and _infinitive(tokens[cue.first]))
    ):
        # "Clinton spoke in Tulsa, Oklahoma, arguing that …", "began by saying": the clause's
        # subject speaks, not the phrase before the comma.
        if vocab.language != "en":
            return _opening_subject(tokens, lo, cue.first - 1, vocab)
        return participle_subject(tokens, cue, lo, vocab)
    left = left_mention(tokens, cue.first - 1, lo, vocab)
    if left is not None:
        return left
    j = _before_verb(tokens, cue.first - 1, lo, vocab)
    if j > lo and tokens[j].low in _COORDINATORS:
        # "The nominee outlined his plan and vowed to punish …": the clause's subject again.
        return _opening_subject(tokens, lo, j, vocab)
    if (cue.transitive and not _inverted_after_quote(tokens, cue, vocab)) or not inverted:
        return None
    k = cue.last + 1
    while k < hi and tokens[k].low in vocab.fillers and tokens[k].low not in vocab.determiners:
        k += 1  # "a alerté mercredi le président …" (but "l'" there is an article, not a pronoun)
    if k < hi and tokens[k].low in _INDIRECT_OBJECT:
        # "a raconté au Parisien le jeune homme": the subject follows the indirect object.
        after = next((m for m in range(k + 2, min(hi, k + 6)) if tokens[m].low in vocab.determiners), None)
        if after is None:
            return None
        k = after
    return right_mention(tokens, k, hi, vocab)


_CLAUSE_OPENING_PARTICLES = frozenset({"after", "before", "while", "by"})


def _after_quoted_comma(tokens: list[Token], k: int) -> bool:
    """Whether token k follows a quote closed on a comma ('"strong leader," comparing')."""
    return k > 0 and tokens[k - 1].kind == "quote" and tokens[k - 1].text.rstrip().endswith(",")


def participle_subject(tokens: list[Token], cue: Cue, lo: int, vocab: Vocabulary) -> Mention | None:
    """The subject of an English participle cue, which is its sentence's: before it, even across the
    quote the caller starts after ('X admires Y as a "strong leader," comparing him to …'), else
    after the phrase it opens ('After saying her foot was "…," she was …')."""
    sentence = tokens[cue.first].sentence
    start = lo
    if cue.first - 1 <= lo:  # the caller leaves nothing before it: back to the sentence's start
        start = cue.first - 1
        while start > 0 and tokens[start - 1].sentence == sentence and tokens[start - 1].kind != "break":
            start -= 1
    found = _opening_subject(tokens, start, cue.first - 1, vocab)
    if found is not None or cue.first - 1 != start or tokens[start].low not in _CLAUSE_OPENING_PARTICLES:
        return found
    # "After saying …, she …": the main clause after the phrase's closing comma (maybe inside a quote).
    for k in range(cue.last + 1, len(tokens)):
        if tokens[k].sentence != sentence or tokens[k].kind == "break":
            return None
        if tokens[k].text == "," or _after_quoted_comma(tokens, k + 1):
            subject = right_mention(tokens, k + 1, len(tokens), vocab)
            if subject is None:
                return None
            after = next((m for m in range(k + 1, len(tokens)) if tokens[m].start >= subject.end), None)
            return subject if after is not None and _verb_like(tokens[after], vocab) else None
    return None


# Verbs whose object is the person spoken to: after a quote, '"…," told reporters' has no subject.
_ADDRESSED = frozenset({"tell", "tells", "told", "telling", "ask", "asks", "asked", "urged", "warned"})


def _inverted_after_quote(tokens: list[Token], cue: Cue, vocab: Vocabulary) -> bool:
    """'"…," reported Reuters', '"…," wrote Ann Lee': right after an English quote, the quote is the
    object of a transitive cue, and the name after it its subject. A verb of address takes it only
    when the name closes the clause ('"…?" asked Ann Lee.', '"…," warned Ann Lee, a nurse')."""
    k = cue.last + 1
    quote = cue.first - 2 if cue.first >= 2 and tokens[cue.first - 1].text == "," else cue.first - 1
    if not (
        vocab.language == "en"
        and quote >= 0
        and tokens[quote].kind == "quote"
        and k < len(tokens)
        and tokens[k].kind == "word"
        and tokens[k].text[:1].isupper()
    ):
        return False
    if tokens[cue.first].low not in _ADDRESSED:
        return True
    end = phrase_end(tokens, k, len(tokens), vocab)
    named = all(t.text[:1].isupper() for t in tokens[k:end])  # not "told Ann Lee the news"
    return named and (end >= len(tokens) or tokens[end].kind == "break" or tokens[end].text in ".,;!?")


def _passive_agent(tokens: list[Token], cue: Cue, vocab: Vocabulary) -> Mention | None:
    """The named agent of a cue in the passive, later in its sentence: 'The remarks were called
    "disgusting" by Clinton', 'was described as "reckless" by Sen. Ann Lee'."""
    sentence = tokens[cue.first].sentence
    for k in range(cue.last + 1, len(tokens) - 1):
        if tokens[k].sentence != sentence or tokens[k].kind == "break":
            return None
        if tokens[k].low == "by" and tokens[k + 1].kind == "word":
            agent = right_mention(tokens, k + 1, len(tokens), vocab)
            return agent if agent is not None and agent.kind == "name" else None
    return None


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_IRREGULAR_PARTICIPLES = frozenset({"said", "told", "written", "thought", "read", "put", "shot", "sung"})


def _passive(tokens: list[Token], cue: Cue, lo: int, vocab: Vocabulary) -> bool:
    """An English cue in the passive ("were admitted", "was told"): its subject did not speak."""
    word = tokens[cue.first].low
    return (
        vocab.language == "en"
        and cue.first > lo
        and tokens[cue.first - 1].low in _BE
        and (word.endswith("ed") or word in _IRREGULAR_PARTICIPLES)
    )


def _before_verb(tokens: list[Token], j: int, lo: int, vocab: Vocabulary) -> int:
    """The token before what sits between a subject and its verb, going left from token j:
    auxiliaries, adverbs, adverbials ("de son côté") and a stressed pronoun between commas
    ("Le ministre a, lui, évoqué")."""
    while j >= lo:
        if j - 2 >= lo and tokens[j].text == "," == tokens[j - 2].text and tokens[j - 1].low in _STRESSED:
            j -= 3
            continue
        if tokens[j].kind != "word":
            break
        if tokens[j].low in vocab.auxiliaries or tokens[j].low in vocab.fillers or adverb(tokens[j], vocab):
            j -= 1
            continue
        adverbial = next((a for a in vocab.adverbials if words_at(tokens, j - len(a) + 1, len(a)) == a), None)
        if adverbial is None or j - len(adverbial) + 1 < lo:
            break
        j -= len(adverbial)
    return j


def left_mention(
    tokens: list[Token], j: int, lo: int, vocab: Vocabulary, relative: bool = True
) -> Mention | None:
    """The subject ending at token j, going left over auxiliaries and adverbs ("X has also said",
    "Il a de son côté évoqué")."""
    j = _before_verb(tokens, j, lo, vocab)
    if j < lo:
        return None
    if tokens[j].text == ",":
        return _appositive_subject(tokens, j, lo, vocab)
    if tokens[j].kind != "word" and tokens[j].text != ")":
        return None
    if tokens[j].low in vocab.pronouns:
        return _mention(tokens[j : j + 1], vocab)
    if relative and tokens[j].low in ("who", "qui") and j - 1 >= lo and tokens[j - 1].text == ",":
        return left_mention(tokens, j - 2, lo, vocab, relative=False)  # "X, who said …"
    k, words = j, 0
    while k >= lo and words < MAX_MENTION_WORDS:
        if tokens[k].text == ")":
            opening = next((m for m in range(k - 1, max(lo, k - 8) - 1, -1) if tokens[m].text == "("), None)
            if opening is None:
                break
            k = opening - 1  # "Rep. Jason Chaffetz (R-Utah) said": the party tag is part of the name
            continue
        if joined_number(tokens, k) and k - 1 >= lo:
            k -= 1  # "9/11 widow Terry Strada said"
            continue
        if not in_phrase(tokens[k], vocab) and not noun_after_article(tokens, k, lo, vocab):
            break
        k, words = k - 1, words + 1
        if vocab.language == "en" and _sentence_opener(tokens, k + 1, lo):
            break  # "… over alleged salary scam The Zamfara State government has said"
    if k >= lo and k < j and tokens[k].low in vocab.object_prepositions:
        return _beyond_preposition(tokens, k, j, lo, vocab)
    return _mention(tokens[k + 1 : j + 1], vocab)


def _sentence_opener(tokens: list[Token], k: int, lo: int) -> bool:
    """A capitalised article after a lowercase word: a sentence whose full stop the page lost
    (a headline run into its text)."""
    return (
        k - 1 >= lo
        and tokens[k].text in ("The", "A", "An")
        and tokens[k - 1].kind == "word"
        and tokens[k - 1].text.islower()
    )


def _beyond_preposition(tokens: list[Token], prep: int, j: int, lo: int, vocab: Vocabulary) -> Mention | None:
    """The subject before a verb when the phrase right before it is a preposition's object: a name
    after a lowercase noun ("In a statement Trump said"), else the phrase the prepositions hang on:
    a name alone ("Trump at a rally in Ohio said"), a role with them ("officials at the Pentagon
    said", "Protesters marching through the streets chanted"); else no one ("in a box labeled …"
    opens its clause)."""
    words = tokens[prep + 1 : j + 1]
    run = len(words)
    while run > 0 and words[run - 1].text[:1].isupper():
        run -= 1
    if 0 < run < len(words) and words[run - 1].text.islower() and words[run - 1].low not in NAME_GLUE:
        return _mention(words[run:], vocab)
    head: tuple[int, int] | None = None  # the outermost phrase the prepositions hang on
    while prep >= lo and tokens[prep].low in vocab.object_prepositions:
        end = prep - 1
        if end >= lo and tokens[end].kind == "word" and _present_participle(tokens[end]):
            end -= 1  # "marching through the streets"
        start = _noun_phrase_start(tokens, end, lo, vocab)
        if start > end:
            break
        head, prep = (start, end), start - 1
    if head is None:
        return _mention(words, vocab) if words and words[-1].text[:1].isupper() else None
    phrase = _mention(tokens[head[0] : head[1] + 1], vocab)
    if phrase is not None and phrase.kind == "name":
        return phrase
    return _mention(tokens[head[0] : j + 1], vocab)


def _noun_phrase_start(tokens: list[Token], end: int, lo: int, vocab: Vocabulary) -> int:
    """The first token of the noun phrase ending at token `end` (`end` + 1 when there is none): no
    verb-like word ("greeted with chants of …"), a word in -ly after an article ("a rally")."""
    k = end
    while k >= lo and end - k < MAX_MENTION_WORDS:
        tok = tokens[k]
        after_article = k > lo and tokens[k - 1].low in vocab.determiners
        if not (
            (in_phrase(tok, vocab) and not _verb_like(tok, vocab))
            or noun_after_article(tokens, k, lo, vocab)
            or (after_article and tok.kind == "word" and adverb(tok, vocab) and tok.low.endswith("ly"))
        ):
            break
        k -= 1
    return k + 1


def _appositive_subject(tokens: list[Token], comma: int, lo: int, vocab: Vocabulary) -> Mention | None:
    """'Scott Pruitt, the attorney general of Oklahoma, said': the phrase before the apposition,
    taken at the start of the clause or after one of its commas."""
    start = comma
    while start > lo and comma - start < 40 and tokens[start - 1].kind not in ("quote", "break"):
        if tokens[start - 1].text in ":;":
            break
        start -= 1
    phrases = []
    for k in [start - 1] + [k for k in range(start, comma) if tokens[k].text == ","]:
        end = phrase_end(tokens, k + 1, comma, vocab)
        if vocab.language == "en" and end < len(tokens) and tokens[end].text != ",":
            end = _english_phrase_end(tokens, k + 1, comma, vocab) or end
        opens = k + 1 < len(tokens) and _opens_noun_phrase(tokens[k + 1], vocab)
        if end > k + 1 and end < len(tokens) and tokens[end].text == "," and opens:
            phrases.append(_mention(tokens[k + 1 : end], vocab))
    # The name rather than the role beside it ("La ministre de la Santé, Claire Besson, a dit").
    # A bare name beats a role that ends in one ("Le directeur de la compagnie Air Cévennes, Marc Oudin").
    named = [m for m in phrases if m is not None and m.kind == "name"]
    bare = [m for m in named if m.text.split()[0].lower() not in vocab.determiners]
    chosen = (bare or named)[0] if named else next((m for m in phrases if m is not None), None)
    # The role beside a name tells its gender ("Leur représentante, Amandine Roux").
    gendered = next((m.gender for m in phrases if m is not None and m is not chosen and m.gender), "")
    return replace(chosen, gender=gendered) if chosen is not None and not chosen.gender else chosen


_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "when", "while", "because", "if"})


def _english_phrase_end(tokens: list[Token], i: int, comma: int, vocab: Vocabulary) -> int | None:
    """The comma closing an English noun phrase with its prepositions and coordination ("Officials
    at Homeland Security Investigations, a division of Immigration and Customs Enforcement,"): its
    words hold no verb and open no clause."""
    if i >= comma or tokens[i].low in vocab.stops:
        return None
    end = next((k for k in range(i, comma + 1) if tokens[k].text == ","), comma)
    words = tokens[i:end]
    if len(words) > MAX_MENTION_WORDS or any(
        t.kind != "word" or _verb_like(t, vocab) or t.low in _CLAUSE_OPENERS for t in words
    ):
        return None
    return end


def right_mention(tokens: list[Token], i: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The noun phrase starting at token i ("said Sen. Ted Cruz", "a déclaré le maire de Kyiv")."""
    if i >= hi or tokens[i].kind != "word":
        return None
    if tokens[i].low in vocab.pronouns:
        return _mention(tokens[i : i + 1], vocab)
    return _mention(tokens[i : phrase_end(tokens, i, hi, vocab)], vocab)


def _mention(words: list[Token], vocab: Vocabulary) -> Mention | None:
    # A phrase never starts with the glue that joins its parts ("of the state" is the tail of one).
    while words and (
        words[0].kind != "word"
        or words[0].low in NAME_GLUE - vocab.determiners
        or words[0].low in {"of", "for"}
    ):
        words = words[1:]
    while words and (
        words[-1].low in vocab.determiners or (words[-1].kind == "punct" and words[-1].text != ")")
    ):
        words = words[:-1]
    if not words or not any(w.text[0].isalpha() for w in words):
        return None
    if vocab.language == "en" and words[0].low in vocab.pronouns and words[0].low not in vocab.determiners:
        words = words[:1]  # "He didn't suggest …": the pronoun is the whole subject
    if vocab.language == "en" and _verb_and_object(words, vocab):
        # "invoked the story John F. Kennedy told": only a name ending the phrase may be the subject.
        run = len(words)
        while run > 0 and words[run - 1].text[:1].isupper():
            run -= 1
        if len(words) - run < 2:
            return None
        words = words[run:]
    lone = words[0] if len(words) == 1 and words[0].low not in vocab.pronouns else None
    if lone is not None and (lone.text[0].islower() or _participle_opening(lone)):
        return None  # "plaidé pour « … »"; "Battue au deuxième tour, la Française …"
    start, end = words[0].start, words[-1].end
    text = ""
    for w in words:
        text += ("" if not text or w.text == ")" or text.endswith(("(", "'")) else " ") + w.text
    if len(words) == 1 and words[0].low in vocab.pronouns:
        return Mention(start, end, text, "pronoun", vocab.pronouns[words[0].low])
    head = {words[0].text, words[0].low}
    gender = (
        "f"
        if head & vocab.feminine
        else "m"
        if head & vocab.masculine
        else "p"
        if head & vocab.plural
        else ""
    )
    return Mention(start, end, text, _kind(words, vocab), gender)


def _verb_and_object(words: list[Token], vocab: Vocabulary) -> bool:
    """An English phrase opening on a lowercase word right before an article is a verb and its
    object ("features a New York Times headline", "took the stage"), not a speaker."""
    return (
        len(words) > 1
        and words[0].text.islower()
        and words[0].low not in vocab.determiners
        and words[1].low in vocab.determiners
    )


def _kind(words: list[Token], vocab: Vocabulary) -> MentionKind:
    """A name when it starts with a capitalised word after determiners and titles, or ends with a
    capitalised run that is not the complement of a role ("le maire de Kyiv" is a role)."""
    words = [w for w in words if w.kind == "word"]
    rest = [w for w in words if w.low not in vocab.determiners and w.low not in vocab.titles]
    if rest and rest[0].text[0].isupper():
        return "name"
    run = len(words)
    while run > 0 and words[run - 1].text[0].isupper():
        run -= 1
    if run < len(words) and run > 0 and words[run - 1].low not in NAME_GLUE | vocab.object_prepositions:
        return "name"
    return "role"


def _participle_opening(tok: Token) -> bool:
    """A capitalised past participle alone is a clause opening ("Battue, elle …"), not a name."""
    return bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:é|ée|és|ées|u|ue|ues)", tok.text))


def clause_subject(
    tokens: list[Token], lo: int, hi: int, vocab: Vocabulary, loose: bool = False
) -> Mention | None:
    """The subject of a clause: the first phrase, at its start or after one of its commas, that an
    auxiliary or a verb follows ("Interrogée sur la réforme, Sophie Lambert a été claire"); `loose`
    also takes a name before any lowercase word, a verb for want of a tagger ("Maria Lopez spoke")."""
    for k in [lo - 1] + [k for k in range(lo, hi) if tokens[k].text == ","]:
        end = phrase_end(tokens, k + 1, hi, vocab)
        after = end
        while after < hi and tokens[after].low in vocab.fillers:
            after += 1
        verb = after < hi and (tokens[after].low in vocab.auxiliaries or tokens[after].low in vocab.verbs)
        if loose and not verb:
            found = _loose_subject(tokens, k + 1, end, hi, vocab)
            if found is not None:
                return found
        if verb:
            if end > k + 1:
                return _mention(tokens[k + 1 : end], vocab)
            if k >= lo:
                return _appositive_subject(tokens, k, lo, vocab)  # "L'entraîneur, Luc Navarro, a été"
    return None


def _loose_subject(tokens: list[Token], first: int, end: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """A name opening a clause whose verb is not a known one: a capitalised run before a lowercase
    word ("Maria Lopez spoke"), before an apposition ("Dana Price, a doctor, began"), or a phrase
    holding a name before a verb-like word ("l'attaquant Mamadou Sy savourait")."""
    run = first
    while run < end and tokens[run].text[0].isupper():
        run += 1
    if vocab.language == "en" and run == hi and hi < len(tokens) and tokens[hi].text == ":":
        # 'Dana Ortiz: "…"': a name alone before a colon labels what follows.
        label = _mention(tokens[first:run], vocab)
        known = run - first > 1 or _named_elsewhere(tokens, first)
        if label is not None and label.kind == "name" and known:
            return label
    if run > first and run < hi and tokens[first].low not in vocab.stops:  # not "In August, …"
        # "The Republican nominee": after a determiner the lowercase word goes on with the phrase.
        # "The United Nations Security Council on Friday made": a run of names ends at a stop word.
        lowercase = (
            tokens[run].kind == "word"
            and tokens[run].text.islower()
            and (
                tokens[first].low not in vocab.determiners
                or (vocab.language == "en" and run - first > 2 and tokens[run].low in vocab.stops)
            )
        )
        apposition = (
            (run - first > 1 or vocab.language == "en")  # "Dean, a former chairman, poked at"
            and tokens[run].text == ","
            and run + 1 < hi
            and (tokens[run + 1].low in vocab.determiners or _PARTY_TAG.fullmatch(tokens[run + 1].text))
        )
        # "Scott's relatives": a name in the possessive opens a longer phrase.
        possessive = vocab.language == "en" and tokens[run - 1].low.endswith("'s")
        found = _mention(tokens[first:run], vocab) if (lowercase or apposition) and not possessive else None
        # A lone capitalised word opening a clause is a name only if the text names it elsewhere.
        if (
            found is not None
            and found.kind == "name"
            and (run - first > 1 or _named_elsewhere(tokens, first))
        ):
            return found
    if vocab.language == "en" and first < hi and tokens[first].low in vocab.stops:
        return None  # "With Democratic leaders increasingly worried, …" opens no subject
    stop = first
    while stop < hi and stop - first < MAX_MENTION_WORDS and tokens[stop].kind == "word":
        if _verb_like(tokens[stop], vocab):
            break
        stop += 1
    if first < stop < hi and _verb_like(tokens[stop], vocab):
        found = _mention(tokens[first:stop], vocab)
        if (
            found is not None
            and found.kind == "name"
            and any(t.text[:1].isupper() for t in tokens[first + 1 : stop])
        ):
            return found
    return None


# A US party and state after a name ("Paul Ryan, R-Wis., said"): an apposition.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _opening_subject(tokens: list[Token], lo: int, hi: int, vocab: Vocabulary) -> Mention | None:
    """The subject of the clause in tokens lo..hi, for a verb that does not follow it: a subject
    that a cue or auxiliary follows, else the phrase opening the clause before a lowercase word."""
    found = clause_subject(tokens, lo, hi, vocab, loose=True)
    if found is not None:
        return found
    # For want of a tagger: the subject ends at the first auxiliary or past-tense-looking word,
    # at the clause's start or after one of its commas ("In August, several groups granted …").
    for start in [lo] + [k + 1 for k in range(lo, hi) if tokens[k].text == ","]:
        end = start
        while (
            end < hi
            and end - start < MAX_MENTION_WORDS
            and tokens[end].kind == "word"
            and not _verb_like(tokens[end], vocab)
        ):
            end += 1
        if start < end < hi and _verb_like(tokens[end], vocab):
            while end > start + 1 and tokens[end - 1].low in vocab.fillers:
                end -= 1  # "Il y dénonce"
            return _mention(tokens[start:end], vocab)
    return None


def _verb_like(tok: Token, vocab: Vocabulary) -> bool:
    """An auxiliary, a reporting verb, or for want of a tagger a word with a past or imperfect
    ending ("outlined", "savourait")."""
    return (
        tok.low in vocab.auxiliaries
        or tok.low in vocab.verbs
        or (tok.low in vocab.past_forms and tok.text.islower())
        or (tok.text.islower() and tok.low.endswith(("ed", "ait", "aient")) and len(tok.low) > 4)
    )


def _named_elsewhere(tokens: list[Token], k: int) -> bool:
    """A capitalised word opening a clause is a name only if the text also capitalises it
    mid-sentence ("Trump spoke" beside "said Trump"; not "Vingt ans après")."""
    word = tokens[k].text
    return any(
        t.text == word and j > 0 and tokens[j - 1].kind == "word" and tokens[j - 1].sentence == t.sentence
        for j, t in enumerate(tokens)
        if j != k
    )


def _opens_noun_phrase(tok: Token, vocab: Vocabulary) -> bool:
    """A subject opens with a determiner, a title or a capital; "mobilise toujours 7 000
    militaires, a rappelé le ministre" is a clause before an inverted subject."""
    return not tok.text[:1].islower() or tok.low in vocab.determiners or tok.low in vocab.titles


def _infinitive(tok: Token) -> bool:
    return tok.low.endswith(("er", "ir", "re"))


def _present_participle(tok: Token) -> bool:
    return tok.low.endswith(("ing", "ant")) and "-" not in tok.low
