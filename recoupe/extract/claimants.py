"""Who asserts a French figure: read on a dependency parse of the sentences that need one.

A figure's claimant is, in order:
1. inside a quote, the quote's speaker as the quote finder gives it (extract/quotes.py, so a
   quoted figure and its quote never disagree on who speaks); where it names no one, the speaker
   read on the parse of the sentences that open and close the quote;
2. "selon X" / "d'après X" in its sentence;
3. the subject of a reporting verb that governs the figure ("Les autorités ont affirmé que 500
   soldats…", "Le Cambodge a accusé une quarantaine de soldats…"), a relative clause's verb
   skipped ("la piste qui prévoit 27 heures": the piste asserts nothing); "de source judiciaire".
Beyond the reporting cues, verbs that estimate, count, present or propose a quantity state it
("La fédération évalue à 30 millions ses pertes"); cues with an act's sense ("relever", "défendre",
"rapporter", "lancer") report a figure only through a clause, and a denied figure ("X a démenti
avoir perdu 40 millions") is not the denier's — "comme l'a affirmé Y" names whose it is. A
claimant must be able to assert, judged on its head ("le soutien de la Région" cannot; "selon les
prévisions" names no one); a figure in brackets that hold a clause of their own is the writer's.
A pronoun subject ("il a indiqué que …") takes the nearest earlier subject of the same gender in
the three sentences before (a subordinate clause's thing does not stop it); none: no claimant,
never the nearest guess.

Only sentences holding a figure and a cue word (a reporting verb's stem, "selon", a quote mark)
are parsed, and the few sentences a pronoun sends back to: parsing every sentence would cost the
pipeline its throughput.

This module gives a figure its claimant and resolves pronouns; the parse is read by
governing_claimant.py (outside quotes), claimant_phrases.py (the words a claimant is, and whether
they can assert) and claim_verbs.py (which verbs claim, which sentences are parsed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.clean.sentences import sentence_spans
from recoupe.extract.claim_verbs import Parses, after_comma, claim_verbs, is_claim_cue
from recoupe.extract.claimant_phrases import (
    PRONOUNS,
    Claimant,
    inverted_subject,
    may_claim,
    noun_phrase,
    verb_subject,
)
from recoupe.extract.coreference import apposed_name_span, gender_of, is_role
from recoupe.extract.entities import lemma_of
from recoupe.extract.governing_claimant import AS_SAID, as_said_by, governing_claimant
from recoupe.extract.mention_kinds import NOUN_PHRASE_LEAD
from recoupe.extract.quote_spans import quoted_passages
from recoupe.extract.quotes import find_quotes
from recoupe.extract.speakers import mention_in, sentence_topic
from recoupe.model import QuoteMention
from recoupe.stories.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Token


# How many sentences back a pronoun may find who it stands for.
PRONOUN_LOOKBACK = 3
# A claimant opening on one is no noun phrase ("A ce chiffre s'ajoutent …").
_PREPOSITIONS = frozenset({"à", "a", "au", "aux", "dans", "pour", "par", "sur", "en", "avec", "chez"})
# A sentence holding one of these stems may deny the figure it quotes.
_DENIAL_WORDS = re.compile(r"(?<!\w)(?:dém[ea]nt|ni[eé]|contest|réfut|contredi|rejet|récus)", re.IGNORECASE)


def find_claimants(
    text: str, positions: list[int], said: list[QuoteMention] | None = None
) -> list[Claimant | None]:
    """The claimant of the figure starting at each of `positions` in `text`, None where the text
    does not say who asserts it. `said`: the text's quotes as `find_quotes` gives them, found here
    when not given and a figure is quoted."""
    sentences = sentence_spans(text)
    quotes = quoted_passages(text)
    quote_of = {p: next(((a, b) for a, b in quotes if a < p < b), None) for p in positions}
    if said is None and any(quote_of.values()):
        said = find_quotes(text, "fr")
    # A quoted figure is its quote's speaker's, as the quote finder resolved it (pronoun, role).
    speakers = {p: _speaker_of(said or [], p) for p, quote in quote_of.items() if quote is not None}
    parses = Parses(text, sentences)
    # The sentences surely read are parsed in one stream (twice as fast as one by one).
    needed: set[int] = set()
    for position, quote in quote_of.items():
        index = _sentence_of(sentences, position)
        if quote is not None and speakers[position] is None:
            needed |= {_sentence_of(sentences, quote[0]), _sentence_of(sentences, quote[1] - 1)}
        elif quote is None and parses.worth_parsing(index):
            needed.add(index)
    parses.parse(sorted(needed))
    out: list[Claimant | None] = []
    for position in positions:
        quote = quote_of[position]
        index = next((i for i, (a, b) in enumerate(sentences) if a <= position < b), None)
        framed = _quoted_and_framed(parses, index, position, quote, quotes)
        if framed is not None:
            # "X a démenti avoir perdu « un milliard », comme l'a affirmé Y": the words quoted are
            # Y's figure, or no one's; never the denier's
            out.append(framed[0])
            continue
        if quote is not None and (speaker := speakers[position]) is not None:
            out.append(speaker)
            continue
        if index is None:
            out.append(None)
            continue
        if quote is None:
            found = governing_claimant(parses, index, position, quotes)
        else:
            found = _quote_speaker(parses, quote, quotes)
        if found is not None and found.text.lower() in PRONOUNS:
            if said is None and quotes:
                said = find_quotes(text, "fr")
            voiced = next((q for q in said or [] if q.speaker_start == found.start), None)
            if voiced is not None:
                # "« … », souligne-t-il, estimant …": the pronoun as the quote finder resolved it
                found = _speaker_of(said or [], voiced.start)
            else:
                found = _antecedent(parses, _sentence_of(sentences, found.start), found, quotes)
        if found is not None and found.text.lower() not in PRONOUNS and not may_claim(found.text):
            found = None  # "selon les prévisions", "selon de premiers calculs": no one's
        if found is not None and _demonstrative_document(found.text):
            found = _document_before(out)  # "ce même sondage": the one the text gave before
        if found is not None and index is not None and _aside(parses, index, position, found):
            found = None
        out.append(found if found is not None and _plausible(found, position, quotes) else None)
    return out


_DEMONSTRATIVE_NOUN = re.compile(r"(?:ce|cet|cette|ces)\s+(?:même\s+|mêmes\s+)?(\w+)", re.IGNORECASE)


def _demonstrative_document(wording: str) -> bool:
    """ "Ce même sondage", "cette enquête": a noun of figures that points back."""
    match = _DEMONSTRATIVE_NOUN.fullmatch(wording.strip())
    return match is not None and fold(match.group(1)) in claim_verbs().figures_of


def _document_before(earlier: list[Claimant | None]) -> Claimant | None:
    """What a demonstrative noun of figures stands for ("Ce même sondage, …, révèle que 87 % …"):
    the last document an earlier figure of the text was claimed by ("un sondage paru hier dans
    …"); None when there is none."""
    documents = [c for c in earlier if c is not None and _head_noun(c.text) in claim_verbs().figures_of]
    return documents[-1] if documents else None


def _head_noun(wording: str) -> str:
    """A noun phrase's first word after its determiners, folded: "sondage" for "un sondage paru …"."""
    return next((w for w in re.split(r"[\s'’]+", fold(wording)) if w and w not in NOUN_PHRASE_LEAD), "")


def _aside(parses: Parses, index: int, position: int, found: Claimant) -> bool:
    """A figure in brackets that hold a clause of their own, its claimant outside them: the
    writer's aside, not what the claimant says ("X avait annoncé des pertes de 30 millions
    (portées depuis à 45 millions)", "les adhérents de la mutuelle (qui en compte 12 000)")."""
    a, b = parses.sentences[index]
    opening = parses.text.rfind("(", a, position)
    if opening < 0 or parses.text.rfind(")", opening, position) >= 0:
        return False
    closing = parses.text.find(")", position, b)
    closing = b if closing < 0 else closing
    if opening <= found.start < closing:
        return False
    doc, offset = parses.doc(index), parses.offset(index)
    inside = [t for t in doc if opening < offset + t.idx < closing]
    # a finite verb or a past participle ("portées depuis à 45 millions"); a present one
    # elaborates what the claimant says ("(comprenant la hausse de 5 % à 7 %), selon X")
    return any(
        t.pos_ in ("VERB", "AUX")
        and ("Fin" in t.morph.get("VerbForm") or "Past" in t.morph.get("Tense"))
        and not t.dep_.startswith("aux")
        for t in inside
    ) or any(t.lower_ in ("qui", "que") for t in inside)


def _quoted_and_framed(
    parses: Parses,
    index: int | None,
    position: int,
    quote: tuple[int, int] | None,
    quotes: list[tuple[int, int]],
) -> tuple[Claimant | None] | None:
    """For a figure quoted inside a sentence that denies it or says whose it is ("comme l'a
    affirmé Y"): (Y or None,); None when the sentence does neither (the quote's speaker claims it)."""
    if quote is None or index is None:
        return None
    a, b = parses.sentences[index]
    if not (a <= quote[0] and quote[1] <= b):
        return None  # a quote of its own sentences
    if not (AS_SAID.search(parses.text, a, b) or _DENIAL_WORDS.search(parses.text, a, b)):
        return None
    doc, offset = parses.doc(index), parses.offset(index)
    figure = next((t for t in doc if offset + t.idx + len(t.text) > position), None)
    if figure is None:
        return None
    said_by = as_said_by(doc, offset, parses.text, figure)
    if said_by is not None:
        return (said_by,)
    for verb in figure.ancestors:
        if any(x <= offset + verb.idx < y for x, y in quotes):
            continue
        if lemma_of(verb) in claim_verbs().denials:
            return (None,)
    return None


def _speaker_of(said: list[QuoteMention], position: int) -> Claimant | None:
    """The speaker the quote finder gives the quote holding `position`, by the name its mention
    stands for; placed at that mention, or at the quote when the finder names none."""
    quoted = next((q for q in said if q.start <= position < q.end), None)
    if quoted is None or quoted.speaker is None:
        return None
    start = quoted.start if quoted.speaker_start is None else quoted.speaker_start
    end = quoted.start if quoted.speaker_end is None else quoted.speaker_end
    return Claimant(start, end, quoted.speaker, gender_of(quoted.speaker))


def _plausible(found: Claimant, position: int, quotes: list[tuple[int, int]]) -> bool:
    """A claimant is a noun phrase apart from what it claims: not the figure's own phrase ("selon
    Le Monde d'importants bonus de 68.000 euros"), not words quoted, not a prepositional phrase
    ("A ce chiffre s'ajoutent « 250 millions »")."""
    if found.start <= position < found.end or any(a <= found.start < b for a, b in quotes):
        return False
    return found.text.split()[0].lower().replace("’", "'") not in _PREPOSITIONS


def _sentence_of(sentences: list[tuple[int, int]], position: int) -> int:
    """The sentence holding `position` (the first where none does)."""
    return next((i for i, (a, b) in enumerate(sentences) if a <= position < b), 0)


def _quote_speaker(parses: Parses, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> Claimant | None:
    """The speaker of a quote as the quote speaker finder reads it (speakers.py) on the sentence
    that closes the quote, then on the one that opens it; an unnamed source ("une source proche
    du dossier", "a-t-on appris") claims nothing."""
    closing = _sentence_of(parses.sentences, quote[1] - 1)
    opening = _sentence_of(parses.sentences, quote[0])
    for index in dict.fromkeys((closing, opening)):
        mention = mention_in(parses.doc(index), parses.offset(index), quote, quotes)
        wording = parses.text[mention.start : mention.end] if mention is not None else ""
        # "la mise en place … a suscité l'ire de X : « … »": a thing asserts nothing
        if mention is not None and mention.kind != "indefinite" and may_claim(wording):
            return Claimant(mention.start, mention.end, wording, mention.gender or gender_of(wording))
    # A writer's incise inside the quote: "« … 19 milliards, a-t-elle déclaré sur Europe 1. Je … »".
    for index in range(opening, closing + 1):
        doc, offset = parses.doc(index), parses.offset(index)
        for tok in doc:
            if quote[0] <= offset + tok.idx < quote[1] and is_claim_cue(tok) and after_comma(tok):
                found = verb_subject(tok, offset, parses.text) or inverted_subject(tok, offset, parses.text)
                if found is not None:
                    return found
    return None


def _antecedent(
    parses: Parses, index: int, pronoun: Claimant, quotes: list[tuple[int, int]]
) -> Claimant | None:
    """Who a pronoun subject stands for: the nearest earlier subject or agent of a verb, in this
    sentence or the few before, whose gender does not contradict the pronoun's."""
    for back in range(index, max(-1, index - PRONOUN_LOOKBACK - 1), -1):
        doc, offset = parses.doc(back), parses.offset(back)
        candidates = [
            t
            for t in doc
            if t.dep_ in ("nsubj", "nsubj:pass", "obl:agent")
            and offset + t.idx < pronoun.start
            and not any(a <= offset + t.idx < b for a, b in quotes)  # the words quoted are not the speaker
        ]
        for tok in sorted(candidates, key=lambda t: t.i, reverse=True):
            found = noun_phrase(tok, offset, parses.text)
            if found is None or found.text.lower() in PRONOUNS or found.text.lower() in ("on", "qui"):
                continue
            if pronoun.gender == "p" or not found.gender or found.gender == pronoun.gender:
                if (
                    pronoun.gender != "p"
                    and tok.pos_ != "PROPN"
                    and not any(t.pos_ == "PROPN" for t in doc[tok.left_edge.i : tok.right_edge.i + 1])
                ):
                    if is_role(found.text) or may_claim(found.text):
                        # "la ministre … Elle a précisé", "L'ancien employé de la banque … Il
                        # indique": the person as written, never someone older
                        return found
                    if found.gender == pronoun.gender and _main_clause(tok):
                        return None  # "le trader a affirmé … Il a ajouté": no name, and no one older
                    continue  # a phrase of no gender naming no one does not resolve it
                if not may_claim(found.text):
                    if _main_clause(tok):
                        return None  # "Le plan de l'Etat … Il prévoit": a thing, no one
                    continue
                return found
        found = _sentence_subject(parses, back) if back < index else None
        if found is not None and (
            found.gender == pronoun.gender or (pronoun.gender != "p" and found.gender == "")
        ):
            return found
    return None


def _main_clause(subject: Token) -> bool:
    """Whether a subject is its sentence's main verb's (or a verb coordinated with it): "X a
    expliqué que la subvention lui rapporterait …" — a pronoun after it stands for X, not for the
    subordinate clause's "subvention"."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _sentence_subject(parses: Parses, index: int) -> Claimant | None:
    """Who an earlier sentence is about as the quote speaker finder reads it (its main verb's
    subject, or the name opening it where the parser found no verb), by name for a person."""
    mention = sentence_topic(parses.doc(index), parses.offset(index))
    if mention is None or mention.kind == "indefinite":
        return None
    start, end = mention.start, mention.end
    if mention.kind != "name" and mention.gender != "p":
        # "La ministre, Claire Morel, …": a role stands for a person by the name set beside it
        named = apposed_name_span(parses.text, start, end)
        if named is None:
            return None
        start, end = named
    return Claimant(start, end, parses.text[start:end], mention.gender)
