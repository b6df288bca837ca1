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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from recoupe.clean.sentences import sentence_spans
from recoupe.data import day_words, read_text
from recoupe.extract.coreference import (
    apposed_name_span,
    fold,
    gender_of,
    is_institution,
    is_role,
    may_assert,
    name_gender,
)
from recoupe.extract.cues import cue_lemmas, hearing_lemmas, is_cue, may_hold_cue, object_cues
from recoupe.extract.entities import french_parser, lemma_of
from recoupe.extract.quote_spans import quoted_passages
from recoupe.extract.quotes import find_quotes
from recoupe.extract.speakers import (
    according_to,
    detached_auxiliary,
    for_person,
    mention_in,
    sentence_subject,
)
from recoupe.model import QuoteMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How many sentences back a pronoun may find who it stands for.
PRONOUN_LOOKBACK = 3
# Subject pronouns, and the stressed ones after "selon" ("selon lui", "d'après eux").
_PRONOUNS = {"il": "m", "elle": "f", "ils": "p", "elles": "p", "lui": "m", "eux": "p"}
_PREPOSITIONS = frozenset({"à", "a", "au", "aux", "dans", "pour", "par", "sur", "en", "avec", "chez"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"})
_GLUE = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "-", "(", ")"})
# A sentence opening on "Pour X," (X's view: read as "selon X" when X is a person, speakers.for_person).
_OPINION = re.compile(r"\s*(?:(?:Mais|Et|Or) )?[Pp]our [^,.;:!?]{2,80},")
# How a figure's phrase hangs on the verb that says it: its object, its clause, its complement
# ("a annoncé 300 suppressions", "a indiqué que 300 …", "a fait état de 300 morts"); a figure in
# a clause coordinated with the cue or set beside it (conj, advcl) is not what the cue says.
_SAID = frozenset({"obj", "iobj", "ccomp", "xcomp", "obl", "obl:arg", "obl:mod", "parataxis"})


@dataclass(frozen=True)
class Claimant:
    """Who asserts a figure, as written; `pronoun` when only a pronoun names them."""

    start: int
    end: int
    text: str
    gender: str  # "m", "f", "p" or "" unknown


@dataclass(frozen=True)
class _ClaimVerbs:
    """data/figures.toml's [claims]: verbs that state a figure beyond the reporting cues, cues that
    state one only through a clause, and denials."""

    verbs: frozenset[str]
    clause_only: frozenset[str]
    denials: frozenset[str]
    figures_of: frozenset[str]  # "les chiffres de X": nouns of figures whose author may follow
    valuing: frozenset[str]  # "évalue à 30 millions", "a estimé à 3 000": "à" gives the value
    speaking_for: frozenset[str]  # "le cabinet du ministre": bodies speaking for who follows them
    showing: frozenset[str]  # "a dévoilé 12 modèles" shows them; "un plan de 26 milliards" is claimed
    screen: re.Pattern[str]  # the words that may be one of them, or a short-stemmed cue ("jugé")


@cache
def _claim_verbs() -> _ClaimVerbs:
    claims = tomllib.loads(read_text("figures.toml"))["claims"]
    verbs = frozenset(claims["verbs"])
    # The cue screen (cues.may_hold_cue) reads stems of four letters or more: "juger", "noter",
    # "dire" would go unparsed; their forms are written out here.
    short = {v[:-2] for v in cue_lemmas() if v.endswith("er") and len(v) - 2 < 4}
    stems = sorted(
        {v[:-2] if v.endswith(("er", "ir", "re")) else v for v in verbs} | short, key=len, reverse=True
    )
    endings = "e|es|ent|é|ée|és|ées|er|ait|aient|ais|a|ea|eait|eaient|era|erait|eront|ant|eant|èrent"
    screen = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, stems))})(?:{endings})(?!\w)", re.IGNORECASE)
    return _ClaimVerbs(
        verbs,
        frozenset(claims["clause_only"]),
        frozenset(claims["denials"]),
        frozenset(fold(w) for w in claims["figures_of"]),
        frozenset(claims["valuing"]),
        frozenset(fold(w) for w in claims["speaking_for"]),
        frozenset(claims["showing"]),
        screen,
    )


# "comme l'a affirmé le quotidien", "comme l'ont annoncé les syndicats": who the clause is from.
_AS_SAID = re.compile(r"\bcomme\s+l['’](?:a|ont|avait|avaient|aurait|auraient)\b", re.IGNORECASE)
_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "un", "une", "des", "de", "d'", "du", "ce", "cette", "ces"}
)
_COMPLEMENT = frozenset({"de", "du", "des", "d'", "à", "au", "aux"})


def _may_claim(wording: str) -> bool:
    """Whether a noun phrase can assert a figure, judged on its head: "le soutien de la Région" is a
    thing however capitalised its complement ("le président de la CCI" is a role, "la Mutuelle
    Atlantique" a name), "de premiers calculs", "les prévisions" and "un bilan provisoire" are
    no one's, "les chiffres de l'Office national" the Office's."""
    words = wording.replace("’", "'").replace("'", "' ").split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    head = next((i for i, w in enumerate(words) if i and w.lower() in _COMPLEMENT), len(words))
    if not words or not may_assert(wording):
        return False
    authored = head < len(words) and may_assert(" ".join(words[head + 1 :]))
    if fold(words[0]) in _claim_verbs().figures_of:
        # "un bilan provisoire", "une étude publiée mardi": no author; "un sondage Ifop", "les
        # chiffres de l'Office national": the author's
        return authored or any(w[:1].isupper() for w in words[1:head])
    if may_assert(" ".join(words[:head])):
        return True
    return fold(words[0]) in _claim_verbs().speaking_for and authored  # "le cabinet du ministre"


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
    parses = _Parses(text, sentences)
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
            found = _governing_claimant(parses, index, position, quotes)
        else:
            found = _quote_speaker(parses, quote, quotes)
        if found is not None and found.text.lower() in _PRONOUNS:
            found = _antecedent(parses, _sentence_of(sentences, found.start), found, quotes)
        if found is not None and found.text.lower() not in _PRONOUNS and not _may_claim(found.text):
            found = None  # "selon les prévisions", "selon de premiers calculs": no one's
        if found is not None and index is not None and _aside(parses, index, position, found):
            found = None
        out.append(found if found is not None and _plausible(found, position, quotes) else None)
    return out


def _aside(parses: _Parses, index: int, position: int, found: Claimant) -> bool:
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


# ", les syndicats 15 000", "; la police près de 3 000": a clause whose verb is left out.
_GAPPED = re.compile(
    r"[,;]\s+((?:[Ll]es|[Ll]a|[Ll]e|[Ll]['’]|[Dd]es)\s*[^\W\d_][\w'’-]*(?:\s+(?:de\s|du\s|des\s|d['’])?\s*"
    r"[^\W\d_][\w'’-]*){0,3})\s+(?:(?:plus de|près de|environ|au moins|moins de)\s+)?$"
)
# Prepositions of whom a cue addresses or where it is said: "a répondu aux 300 manifestants".
_ADDRESSED = frozenset({"à", "au", "aux", "devant", "auprès", "avec", "chez"})
# Days and times of day: the words of an adverbial of time a noun phrase ends at.
# Words of a day ("mardi", "hier soir") and "midi", after which a noun phrase does not go on.
_TIME_WORDS = day_words("fr") | {"midi"}
_DENIAL_WORDS = re.compile(r"(?<!\w)(?:dém[ea]nt|ni[eé]|contest|réfut|contredi|rejet|récus)", re.IGNORECASE)


def _quoted_and_framed(
    parses: _Parses,
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
    if not (_AS_SAID.search(parses.text, a, b) or _DENIAL_WORDS.search(parses.text, a, b)):
        return None
    doc, offset = parses.doc(index), parses.offset(index)
    figure = next((t for t in doc if offset + t.idx + len(t.text) > position), None)
    if figure is None:
        return None
    said_by = _as_said_by(doc, offset, parses.text, figure)
    if said_by is not None:
        return (said_by,)
    for verb in figure.ancestors:
        if any(x <= offset + verb.idx < y for x, y in quotes):
            continue
        if lemma_of(verb) in _claim_verbs().denials:
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
    return next((i for i, (a, b) in enumerate(sentences) if a <= position < b), 0)


class _Parses:
    """The article's sentences, each parsed the first time a figure needs it."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self._docs: dict[int, Doc] = {}

    def doc(self, index: int) -> Doc:
        if index not in self._docs:
            a, b = self.sentences[index]
            self._docs[index] = french_parser()(self.text[a:b])
        return self._docs[index]

    def parse(self, indexes: list[int]) -> None:
        texts = [self.text[self.sentences[i][0] : self.sentences[i][1]] for i in indexes]
        self._docs.update(zip(indexes, french_parser().pipe(texts, batch_size=32), strict=True))

    def offset(self, index: int) -> int:
        return self.sentences[index][0]

    def worth_parsing(self, index: int) -> bool:
        a, b = self.sentences[index]
        return (
            may_hold_cue(self.text, a, b)
            or _OPINION.match(self.text, a, b) is not None
            or _claim_verbs().screen.search(self.text, a, b) is not None
        )


def _quote_speaker(parses: _Parses, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> Claimant | None:
    """The speaker of a quote as the quote speaker finder reads it (speakers.py) on the sentence
    that closes the quote, then on the one that opens it; an unnamed source ("une source proche
    du dossier", "a-t-on appris") claims nothing."""
    closing = _sentence_of(parses.sentences, quote[1] - 1)
    opening = _sentence_of(parses.sentences, quote[0])
    for index in dict.fromkeys((closing, opening)):
        mention = mention_in(parses.doc(index), parses.offset(index), quote, quotes)
        wording = parses.text[mention.start : mention.end] if mention is not None else ""
        # "la mise en place … a suscité l'ire de X : « … »": a thing asserts nothing
        if mention is not None and mention.kind != "indefinite" and _may_claim(wording):
            return Claimant(mention.start, mention.end, wording, mention.gender or gender_of(wording))
    # A writer's incise inside the quote: "« … 19 milliards, a-t-elle déclaré sur Europe 1. Je … »".
    for index in range(opening, closing + 1):
        doc, offset = parses.doc(index), parses.offset(index)
        for tok in doc:
            if quote[0] <= offset + tok.idx < quote[1] and _is_cue(tok) and _after_comma(tok):
                found = _subject(tok, offset, parses.text) or _inverted_subject(tok, offset, parses.text)
                if found is not None:
                    return found
    return None


def _after_comma(verb: Token) -> bool:
    """ ", a-t-elle déclaré", ", estime X": only auxiliaries and clitics between a comma and the verb."""
    k = verb.i - 1
    while k >= 0 and (verb.doc[k].pos_ == "AUX" or verb.doc[k].text.startswith("-")):
        k -= 1
    return k >= 0 and verb.doc[k].text == ","


def _governing_claimant(
    parses: _Parses, index: int, position: int, quotes: list[tuple[int, int]]
) -> Claimant | None:
    if not parses.worth_parsing(index):
        return None
    doc, offset = parses.doc(index), parses.offset(index)
    outside = [t for t in doc if not any(a <= offset + t.idx < b for a, b in quotes)]
    figure = next((t for t in doc if offset + t.idx + len(t.text) > position), None)
    if figure is None:
        return None
    said_by = _as_said_by(doc, offset, parses.text, figure)
    if said_by is not None:
        return said_by
    # "selon", "D'" "après"; not across a line break (a headline the splitter left on the next line)
    sources = [
        tok
        for tok in outside
        if (according_to(doc, tok.i) or _to_believe(tok))
        and not _line_between(figure, tok)
        and not _rival_between(figure, tok)
    ]
    if sources:
        # "3 000 selon la police, 10 000 selon les organisateurs": the parser hangs such counts
        # on whichever source it meets, so with several the nearest one is the figure's.
        nearest = min(sources, key=lambda tok: (abs(tok.i - figure.i), tok.i < figure.i))
        return _np_after(nearest, offset, parses.text)
    gapped = _GAPPED.search(parses.text, parses.sentences[index][0], position)
    between = [t for t in doc if gapped is not None and gapped.start() <= offset + t.idx < position]
    if gapped is not None and not any(t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") for t in between):
        # "La préfecture a dénombré 4 000 manifestants, les syndicats 15 000": the verb left out
        # is the first clause's, its subject the noun phrase before the figure, never the first's
        a, b = gapped.span(1)
        return (
            Claimant(a, b, gapped.group(1), gender_of(gapped.group(1)))
            if _may_claim(gapped.group(1))
            else None
        )
    below = figure  # the verb's child the figure lies under
    described = False  # whether a relative clause holds the figure: it describes, it is not denied
    for verb in figure.ancestors:
        described = described or _relative(verb)
        quoted = any(a <= offset + verb.idx < b for a, b in quotes)
        if lemma_of(verb) in _claim_verbs().denials and not described and not quoted:
            # "La mutuelle a démenti avoir perdu 40 millions": someone else's figure ("le chiffre de
            # 10 000 avancé par la direction"), or no one's
            return _reported_by_agent(figure, offset, parses.text, verb)
        if (
            _relative(verb)
            or not _is_cue(verb)
            or _parted(figure, verb)
            or any(a <= offset + verb.idx < b for a, b in quotes)  # a cue quoted is the speaker's
        ):
            if _relative(verb) and _subject_named(verb):
                return None  # "une année pour laquelle le gouvernement tablait sur 2 %": its own
            # "la piste … qui prévoit 27 heures": a relative's "qui" asserts nothing
            below = verb
            continue
        inverted = any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
        if (
            below.dep_ in ("nsubj", "expl:subj")
            and (below.pos_ in ("VERB", "AUX") or inverted)
            and _after_comma(verb)
        ):
            # "la croissance restera de 1 %, a prévenu la ministre", "le déficit atteindra 4 %, a
            # indiqué X": the parser may take the clause an incise reports for its subject
            found = _inverted_subject(verb, offset, parses.text)
            if found is not None and _closes_incise(parses.text, found.end) and _may_claim(found.text):
                return found
            return None
        if below.dep_ in ("nsubj", "expl:subj"):
            # "Roland Hubert, l'un des quatre co-secrétaires, a fait part …": the figure describes
            # who speaks, not what they say.
            return None
        lemma = lemma_of(verb)
        cases = {c.lower_ for c in below.children if c.dep_ == "case"}
        if (
            below.dep_.startswith(("obl", "iobj"))
            and cases & _ADDRESSED
            and lemma not in _claim_verbs().valuing
            and below.i != figure.i
        ):
            # "a répondu aux 300 manifestants", "a déclaré devant 2 000 personnes que …": who is
            # addressed, not what is said ("évalue à 30 millions ses pertes" values it)
            below = verb
            continue
        shown = (
            lemma in _claim_verbs().showing
            and below.dep_ == "obj"
            and (below.i == figure.i or figure.head.i == below.i)
        )
        if shown or (
            lemma in _claim_verbs().clause_only
            and below.dep_ not in ("ccomp", "xcomp", "parataxis")
            and not _colon_opens(verb, figure)
        ):
            below = verb  # "ont relevé à 2 % leur offre", "lui rapporterait 2 millions": an act
            continue
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        if below.dep_ == "nsubj:pass" and agent is not None:
            return _np(agent, offset, parses.text)  # "300 suppressions ont été annoncées par X"
        if below.dep_ == "obj" and lemma_of(verb) in object_cues() and not _says_more(verb):
            # "Natixis a accusé une perte de 948 millions": the object of "accuser", "saluer" is
            # no statement unless a clause follows ("a accusé 40 soldats d'être entrés …")
            below = verb
            continue
        if below.dep_ == "obj" and figure.i > verb.i and _after_comma(verb) and not _auxiliary_before(verb):
            return None  # "…, note le document de 13 pages": the figure is in who speaks
        if _passive(verb):
            below = verb
            continue  # "les Etats-Unis sont engagés dans deux guerres": no one speaks
        if below.dep_ in _SAID or _relative(below) or _colon_opens(verb, figure):
            found = _from_source(verb, offset, parses.text) or _subject(verb, offset, parses.text)
            if found is None and verb.i > figure.i:
                found = _inverted_subject(verb, offset, parses.text)
            if found is not None and not found.start <= position < found.end and _may_claim(found.text):
                return found  # "69 missiles avaient été lancés": what is counted asserts nothing
        below = verb
    # "… chez le frère de Marc Dumont, comptable accusé d'une perte de trois millions, a
    # constaté un photographe": a figure describing a person named is no part of what is reported
    for tok in outside if not _describes_named(figure) else []:
        # "… neuf personnes ont été tuées, ont annoncé mercredi les autorités locales": an incise
        # after the figure, its subject inverted (the parser hangs it on the main verb)
        source = _from_source(tok, offset, parses.text)  # ", a-t-on appris de source judiciaire"
        if tok.i > figure.i and source is not None and _after_comma(tok):
            return source
        if tok.i > figure.i and _is_cue(tok) and _after_comma(tok) and not _parted(figure, tok):
            # "a-t-il précisé": the parser may label the clitic expl:subj, as it does "-t"
            inverted = [
                c
                for c in tok.children
                if c.dep_ in ("nsubj", "expl:subj") and c.text.startswith("-") and c.lower_.lstrip("-t")
            ]
            found = (
                _np(inverted[0], offset, parses.text)
                if inverted
                else _inverted_subject(tok, offset, parses.text)
            )
            if found is not None and (inverted or _closes_incise(parses.text, found.end)):
                return found
    # "Pour le président de la Fédération, Jean Valois, 80 clubs risquent de disparaître": "pour"
    # opening the sentence before a person and a comma reads as "selon".
    opinion = for_person(doc, offset)
    wording = parses.text[opinion.start : opinion.end] if opinion is not None else ""
    # a role, or a name with a first name ("Pour Paris, la facture …" is a place's bill, no view)
    if opinion is not None and opinion.end <= position and (opinion.kind == "role" or name_gender(wording)):
        # "Pour la ministre, Claire Morel, …": the name set beside the role
        apposed = apposed_name_span(parses.text, opinion.start, opinion.end)
        start, end = apposed or (opinion.start, opinion.end)
        if end <= position:
            wording = parses.text[start:end]
            return Claimant(start, end, wording, opinion.gender or gender_of(wording))
    # no one says it, but a participle names who did: "la perte de 5 milliards annoncée par la
    # banque" (a cue governing the sentence comes first: "il a indiqué que la rénovation de 2
    # millions prévue par la mairie …" is his)
    return _reported_by_agent(figure, offset, parses.text)


def _describes_named(figure: Token) -> bool:
    """Whether the figure lies in an apposition to a name ("Marc Dumont, comptable accusé d'une
    perte de trois millions,")."""
    return any(t.dep_ == "appos" and t.head.pos_ == "PROPN" for t in (figure, *figure.ancestors))


def _to_believe(tok: Token) -> bool:
    """ "À en croire la direction, 300 postes seront préservés": "à en croire" reads as "selon"."""
    return (
        tok.lower_ == "croire"
        and tok.i >= 2
        and tok.doc[tok.i - 1].lower_ == "en"
        and tok.doc[tok.i - 2].lower_ in ("à", "a")
    )


def _rival_between(figure: Token, source: Token) -> bool:
    """ "La police a compté 3 000 manifestants, contre 10 000 selon les organisateurs": a source
    after a rival figure ("contre", "alors que") speaks for that one only."""
    if source.i < figure.i:
        return False
    return any(t.lower_ in ("contre", "tandis", "alors", "mais") for t in figure.doc[figure.i + 1 : source.i])


def _reported_by_agent(figure: Token, offset: int, text: str, verb: Token | None = None) -> Claimant | None:
    """ "le chiffre de 10 000 grévistes avancé par la direction", "une perte de 5 milliards annoncée
    par la banque": a cue's participle with its agent, on the figure's noun phrase (or, misparsed,
    on the `verb` the phrase is the object of, right after the figure)."""
    nouns = [t for t in (figure, *figure.ancestors)]
    nouns = nouns[: next((k for k, t in enumerate(nouns) if t.pos_ in ("VERB", "AUX")), len(nouns))]
    after = [c for c in verb.children if c.i > figure.i and c.dep_ == "xcomp"] if verb is not None else []
    for noun in [*nouns, *after]:
        for participle in noun.subtree:
            if participle.dep_ not in ("acl", "xcomp") or "Part" not in participle.morph.get("VerbForm"):
                continue
            if not (is_cue(participle) or lemma_of(participle) in _claim_verbs().verbs):
                continue
            agent = next(
                (
                    c
                    for c in participle.children
                    if c.dep_ == "obl:agent"
                    and any(k.lower_ == "par" for k in c.children if k.dep_ == "case")
                ),
                None,
            )
            found = _np(agent, offset, text) if agent is not None else None
            if found is not None and _may_claim(found.text):
                return found
    return None


def _line_between(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[low:high])


def _as_said_by(doc: Doc, offset: int, text: str, figure: Token) -> Claimant | None:
    """ "La mutuelle a démenti avoir perdu 40 millions, comme l'a affirmé le quotidien Le Courrier": the
    subject of a cue that "comme l'a" opens claims what the clause it hangs on says."""
    if not _AS_SAID.search(doc.text):
        return None
    for verb in doc:
        if not (_is_cue(verb) and any(c.lower_ == "comme" for c in verb.children)):
            continue
        if not any(c.lower_ in ("l'", "l’") for c in verb.children):
            continue
        if verb.head.i == verb.i or not (verb.head.i == figure.i or verb.head in figure.ancestors):
            continue
        found = _subject(verb, offset, text) or _inverted_subject(verb, offset, text)
        if found is not None and found.text.lower() not in _PRONOUNS and _may_claim(found.text):
            return found
    return None


# ", a précisé le maire." — or with the day after the subject: ", affirme Le Courrier jeudi."
_INCISE_END = re.compile(
    r"\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:matin|soir))?\s*)?"
    # ", indique la mairie dans un communiqué.", ", a déclaré le maire sur RTL."
    r"(?:(?:dans|sur|à|au|aux|lors|devant|auprès)\s[^,.;:!?()«»\"\n]{1,60})?(?:[,.;!?)\n]|$)",
    re.IGNORECASE,
)


def _closes_incise(text: str, end: int) -> bool:
    """Whether an incise's subject ends where the incise does (", a précisé le maire." or a comma):
    in "deux participants …, ont, eux, répété leur confiance dans …" the verb's object goes on."""
    return _INCISE_END.match(text, end) is not None


def _passive(verb: Token) -> bool:
    """ "ont été annoncés", "sont engagés dans deux guerres": être before the participle, not
    reflexive ("s'est dit", "s'est engagé à" report)."""
    children = list(verb.children)
    if any(c.dep_ in ("aux:pass", "cop") for c in children):
        return True
    reflexive = any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'", "s’") for c in children)
    return not reflexive and any(c.dep_.startswith("aux") and lemma_of(c) == "être" for c in children)


def _subject_named(verb: Token) -> bool:
    """Whether a relative clause has a subject of its own, not its relative pronoun."""
    return any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in ("qui", "lequel", "laquelle")
        for c in verb.children
    )


def _says_more(verb: Token) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "obl:arg") for c in verb.children)


def _relative(verb: Token) -> bool:
    """A relative clause's verb, whatever the parser hangs it on ("le contrat, qui assure 80 % du
    salaire": its "qui" tells)."""
    return verb.dep_ == "acl:relcl" or any(
        c.dep_.startswith("nsubj") and c.lower_ in ("qui", "lequel", "laquelle") for c in verb.children
    )


def _parted(figure: Token, verb: Token) -> bool:
    """Whether a colon parts the figure from the verb ("deux rendez-vous sont prévus : le 8 janvier,
    les organisations appellent …"), unless it opens what the verb says ("X a précisé : …"), or a
    line break does (a headline the sentence splitter left on the sentence after it)."""
    low, high = sorted((figure.i, verb.i))
    between = verb.doc[low:high]
    if _colon_opens(verb, figure):
        return False
    return any("\n" in t.text or t.text == ":" for t in between)


def _colon_opens(verb: Token, figure: Token) -> bool:
    """ "X a précisé : 300 personnes …": a colon right after the cue opens what it says (the
    parser hangs that clause on the cue any way it likes)."""
    announced = [c for c in verb.children if c.dep_ == "obj" and c.i < figure.i and _announces_a_list(c)]
    if announced:  # "La préfecture a détaillé le bilan suivant : 12 morts …"
        colon = next((t.i for t in verb.doc[verb.i + 1 : figure.i] if t.text == ":"), None)
        return colon is not None and not any(t.pos_ in ("NUM", "VERB") for t in verb.doc[verb.i + 1 : colon])
    if any(c.dep_ in ("obj", "ccomp") for c in verb.children if c.i < figure.i):
        return False  # "les chiffres le contrediront : le chômage …": the cue says something else
    return verb.i < figure.i and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":"


def _announces_a_list(noun: Token) -> bool:
    """ "le bilan suivant", "les chiffres suivants": an object announcing what the colon opens."""
    return any(t.lower_ in ("suivant", "suivante", "suivants", "suivantes") for t in noun.subtree)


def _inverted_subject(verb: Token, offset: int, text: str) -> Claimant | None:
    """The subject after a cue ("…, a indiqué samedi à l'AFP une porte-parole", "estime la LDH",
    "a-t-elle déclaré"): the parser often labels it the verb's object, as the quote is."""
    after = [
        c for c in verb.children if c.i > verb.i and c.dep_ in ("nsubj", "obj", "nsubj:pass", "expl:subj")
    ]
    after = [
        c
        for c in after
        if c.pos_ in ("PROPN", "NOUN", "PRON")
        and c.lower_ not in ("que", "qu'")
        and c.lower_ not in _TIME_WORDS
    ]
    if after:
        return _np(after[0], offset, text)
    # "a précisé dans la soirée le maire": the parser hangs the subject on the adverbial before
    # it; it is the first noun of the verb's phrase that no preposition introduces.
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return None  # a passive's subject is what is said; "par X" is who says it
    for tok in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
        if tok.text in (",", ".", ";") or tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ == "case" for c in tok.children):
            is_adverbial = tok.head.i == verb.i and tok.dep_.startswith("obl")
            return None if is_adverbial else _np(tok, offset, text)
    return None


def _is_cue(tok: Token) -> bool:
    """A reporting cue that may assert a figure: not an infinitive ("pour expliquer"), not
    "vouloir" ("cela veut dire 19 milliards": a want or a meaning asserts no figure)."""
    lemma = lemma_of(tok)
    verbs = _claim_verbs().verbs
    # the lemmatiser leaves some present forms as they are ("reproche"): the form's stem tells
    figure_verb = (lemma in verbs or (lemma == tok.lower_ and lemma + "r" in verbs)) and tok.pos_ in (
        "VERB",
        "AUX",
    )
    if not (is_cue(tok) or figure_verb or lemma in hearing_lemmas()) or lemma == "vouloir":
        return False
    form = tok.morph.get("VerbForm")
    if "Inf" in form:
        return False  # "veut lancer", "cherche à soutenir": an infinitive's verb often reports nothing
    if "Part" not in form or "Past" not in tok.morph.get("Tense") or _auxiliary_before(tok):
        return True
    # A past participle without an auxiliary describes a thing ("Annoncé le 1er octobre, le plan
    # …", "les 60.000 contrats promis"): the parser may leave "a-t-elle confié" without one too.
    return tok.dep_ not in ("amod", "acl", "advcl")


def _auxiliary_before(verb: Token) -> bool:
    """ "ont annoncé", "a-t-elle aussi assuré", "a, dans un communiqué, souligné": an auxiliary
    before the participle, whether or not the parser attached it."""
    return any(c.dep_.startswith("aux") for c in verb.children) or detached_auxiliary(verb) is not None


def _from_source(verb: Token, offset: int, text: str) -> Claimant | None:
    """ "a-t-on appris de source judiciaire": the source, not "on"."""
    for child in verb.children:
        if child.lower_ in ("source", "sources") and any(
            c.lower_ in ("de", "d'", "selon") for c in child.children
        ):
            return _np(child, offset, text)
    if not any(
        c.dep_.startswith("nsubj") and c.lower_.lstrip("-t").lstrip("-") == "on" for c in verb.children
    ):
        return None
    # "a-t-on précisé à Matignon", "a-t-on appris auprès de la préfecture": who "on" heard it from
    for child in verb.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_.startswith("obl") and child.i > verb.i and cases & {"à", "auprès", "au", "aux"}:
            found = _np(child, offset, text)
            named = found is not None and (is_institution(found.text) or child.pos_ == "PROPN")
            if found is not None and named and _may_claim(found.text):
                return found
    return None


def _subject(verb: Token, offset: int, text: str) -> Claimant | None:
    """The subject of a cue verb, through coordination ("a affirmé et répété")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl:subj")]
        auxiliary = detached_auxiliary(verb) if "Part" in verb.morph.get("VerbForm") else None
        if not subjects and auxiliary is not None:
            subjects = [c for c in auxiliary.children if c.dep_ == "nsubj"]  # "X a, dans …, souligné"
        if not subjects:
            # "Il a aussi jugé": the parser may hang the subject on the auxiliary it attached
            auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
            subjects = [s for a in auxiliaries for s in a.children if s.dep_ == "nsubj"]
        if subjects:
            # "Roland Hubert, l'un des quatre co-secrétaires, a fait part": the name, then the nearest
            subjects.sort(key=lambda c: (c.pos_ not in ("PROPN", "NOUN"), abs(c.i - verb.i)))
            if subjects[0].lower_ in ("qui", "que", "qu'", "on"):
                return None
            return next((m for c in subjects if (m := _np(c, offset, text)) is not None), None)
        if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head
            continue
        gerund = "Pres" in verb.morph.get("Tense") and "Part" in verb.morph.get("VerbForm")
        if verb.dep_ == "advcl" and gerund:
            verb = verb.head  # "X a promis …, avançant le chiffre de 1 million": X avances it
            continue
        finite = "Fin" in verb.morph.get("VerbForm")
        if finite and verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return _np(verb.head, offset, text)  # "l'OCDE prévoit que …" misread as a modifier
        break
    return None


def _np_after(tok: Token, offset: int, text: str) -> Claimant | None:
    """ "selon X": the noun phrase after the word."""
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc) or doc[k].pos_ not in _NP_POS | {"PRON"}:
        return None
    head = doc[k]
    while head.head.i > head.i and head.head.pos_ in _NP_POS and head.head is not head:
        head = head.head  # "selon des témoins": from the determiner to the noun
    return _np(head, offset, text)


def _np(head: Token, offset: int, text: str) -> Claimant | None:
    """The noun phrase around `head`: contiguous determiners, adjectives, nouns and names, through
    "de" ("le colonel Sunsern Kaewkumnerd", "la ministre des finances"), never past a comma."""
    doc = head.doc
    word = head.text.removeprefix("-t-").lstrip("-")
    if word.lower() in _PRONOUNS:
        start = offset + head.idx + len(head.text) - len(word)
        return Claimant(start, start + len(word), word, _PRONOUNS[word.lower()])
    if head.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "NUM"):
        return None
    named = [
        c
        for c in head.children
        if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" and c.i > head.i and doc[c.i - 1].text == ","
    ]
    if not named and head.pos_ == "NOUN":
        # "le président de la CDM et patron du groupe Arvel, Simon Dreyfus, a
        # expliqué": the name closing the phrase of coordinated roles, set apart by commas
        named = [
            t
            for t in head.subtree
            if t.i > head.i
            and t.pos_ == "PROPN"
            and doc[t.i - 1].text == ","
            and t.right_edge.i >= head.right_edge.i - 1
            and name_gender(" ".join(w.text for w in t.subtree if w.pos_ == "PROPN"))
        ]
    role_gender = _noun_gender(head)
    if head.pos_ == "NOUN" and named:
        head = named[0]  # "la ministre des finances, Christine Lagarde": the name set beside the role
    start = head.i
    while (
        start > 0
        and doc[start - 1].pos_ in _NP_POS
        and doc[start - 1].dep_ != "obl:mod"
        and doc[start - 1].lower_ not in _TIME_WORDS  # "a indiqué ce mardi Jeanne Collin"
    ):
        start -= 1
    end = head.i + 1
    while (
        end < len(doc)
        and "Part" not in doc[end].morph.get("VerbForm")
        and doc[end].lower_ not in _TIME_WORDS  # "affirme Le Courrier jeudi"
        and (  # "… cité par l'AFP"
            (doc[end].pos_ in _NP_POS and doc[end].pos_ != "DET")
            or (doc[end].lower_ in _GLUE and end + 1 < len(doc) and doc[end + 1].pos_ in _NP_POS)
            or _title_article(doc, end)  # "le quotidien Les Echos"
        )
    ):
        end += 1
    while end > start + 1 and doc[end - 1].lower_ in _GLUE:
        end -= 1
    a, b = offset + doc[start].idx, offset + doc[end - 1].idx + len(doc[end - 1].text)
    wording = text[a:b]
    # a name's first name tells before a role noun does ("le maire de Lille, Martine Aubry": she)
    gender = (name_gender(wording) if head.pos_ == "PROPN" else "") or gender_of(wording) or role_gender
    gender = gender or _noun_gender(head)
    if head.pos_ == "NOUN" and is_role(wording):
        # "a prévenu la ministre du Budget, Claire Morel.": the name set after the role
        apposed = apposed_name_span(text, a, b)
        if apposed is not None and apposed[0] >= b:
            name = text[apposed[0] : apposed[1]]
            return Claimant(apposed[0], apposed[1], name, name_gender(name) or gender)
    return Claimant(a, b, wording, gender)


def _title_article(doc: Doc, k: int) -> bool:
    """A capitalised article opening a title after a noun: "le quotidien Les Echos"."""
    return (
        doc[k].pos_ == "DET"
        and doc[k].text[:1].isupper()
        and k + 1 < len(doc)
        and doc[k + 1].text[:1].isupper()
        and doc[k - 1].pos_ == "NOUN"
    )


def _noun_gender(head: Token) -> str:
    """A common noun's gender as the tagger reads it ("l'avocate": feminine); a name's, unknown."""
    if head.pos_ != "NOUN":
        return ""
    if "Plur" in head.morph.get("Number"):
        return "p"
    # the determiner first: the tagger reads "la ministre" as masculine, "la" as feminine
    words = [c for c in head.children if c.dep_ == "det" and c.morph.get("Gender")] + [head]
    return {"Fem": "f", "Masc": "m"}.get(next(iter(words[0].morph.get("Gender")), ""), "")


def _antecedent(
    parses: _Parses, index: int, pronoun: Claimant, quotes: list[tuple[int, int]]
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
            found = _np(tok, offset, parses.text)
            if found is None or found.text.lower() in _PRONOUNS or found.text.lower() in ("on", "qui"):
                continue
            if pronoun.gender == "p" or not found.gender or found.gender == pronoun.gender:
                if (
                    pronoun.gender != "p"
                    and tok.pos_ != "PROPN"
                    and not any(t.pos_ == "PROPN" for t in doc[tok.left_edge.i : tok.right_edge.i + 1])
                ):
                    if is_role(found.text) or _may_claim(found.text):
                        # "la ministre … Elle a précisé", "L'ancien employé de la banque … Il
                        # indique": the person as written, never someone older
                        return found
                    if found.gender == pronoun.gender and _main_clause(tok):
                        return None  # "le trader a affirmé … Il a ajouté": no name, and no one older
                    continue  # a phrase of no gender naming no one does not resolve it
                if not _may_claim(found.text):
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


def _sentence_subject(parses: _Parses, index: int) -> Claimant | None:
    """Who an earlier sentence is about as the quote speaker finder reads it (its main verb's
    subject, or the name opening it where the parser found no verb), by name for a person."""
    mention = sentence_subject(parses.doc(index), parses.offset(index))
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
