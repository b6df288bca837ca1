"""The claimant of a French figure outside quotes, read on its sentence's parse: "selon X", a
gapped clause's subject ("…, les syndicats 15 000"), the subject of the reporting verb that
governs the figure (through relatives, passives, colons and the verbs that only act), an incise
after it, "Pour X," opening the sentence, a participle's agent ("avancé par X"); "comme l'a
affirmé Y" says whose a denied figure is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.extract.claim_verbs import (
    Parses,
    after_comma,
    auxiliary_before,
    claim_lemma,
    claim_verbs,
    is_claim_cue,
)
from recoupe.extract.claimant_phrases import (
    PRONOUNS,
    Claimant,
    from_source,
    inverted_subject,
    may_claim,
    noun_phrase,
    noun_phrase_after,
    verb_subject,
)
from recoupe.extract.coreference import apposed_name_span, gender_of, is_institution, is_role, name_gender
from recoupe.extract.cues import is_cue, object_cues
from recoupe.extract.entities import lemma_of
from recoupe.extract.mention_kinds import is_speaking_noun
from recoupe.extract.speaker_subjects import according_to
from recoupe.extract.speakers import for_person
from recoupe.stories.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# How a figure's phrase hangs on the verb that says it: its object, its clause, its complement
# ("a annoncé 300 suppressions", "a indiqué que 300 …", "a fait état de 300 morts"); a figure in
# a clause coordinated with the cue or set beside it (conj, advcl) is not what the cue says.
_SAID = frozenset({"obj", "iobj", "ccomp", "xcomp", "obl", "obl:arg", "obl:mod", "parataxis"})
# ", les syndicats 15 000", "; la police près de 3 000": a clause whose verb is left out.
_GAPPED = re.compile(
    r"[,;]\s+((?:[Ll]es|[Ll]a|[Ll]e|[Ll]['’]|[Dd]es)\s*[^\W\d_][\w'’-]*(?:\s+(?:de\s|du\s|des\s|d['’])?\s*"
    r"[^\W\d_][\w'’-]*){0,3})\s+(?:(?:plus de|près de|environ|au moins|moins de)\s+)?$"
)
# Prepositions of whom a cue addresses or where it is said: "a répondu aux 300 manifestants".
_ADDRESSED = frozenset({"à", "au", "aux", "devant", "auprès", "avec", "chez"})
# "comme l'a affirmé le quotidien", "comme l'ont annoncé les syndicats": who the clause is from.
AS_SAID = re.compile(r"\bcomme\s+l['’](?:a|ont|avait|avaient|aurait|auraient)\b", re.IGNORECASE)
# ", a précisé le maire." — or with the day after the subject: ", affirme Le Courrier jeudi."
_INCISE_END = re.compile(
    r"\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:matin|soir))?\s*)?"
    # ", indique la mairie dans un communiqué.", ", a déclaré le maire sur RTL."
    r"(?:(?:dans|sur|à|au|aux|lors|devant|auprès)\s[^,.;:!?()«»\"\n]{1,60})?"
    # ", conclut un rapport de la Commission dont fait état Le Monde.": a relative on who speaks
    r"(?:(?:dont|qui)\s[^,.;:!?()«»\"\n]{1,80})?(?:[,.;!?)\n]|$)",
    re.IGNORECASE,
)


def governing_claimant(
    parses: Parses, index: int, position: int, quotes: list[tuple[int, int]]
) -> Claimant | None:
    """Who claims the figure at `position` of sentence `index`, outside quotes, or None: a
    source ("selon X"), a gapped clause's subject, the subject of the reporting verb above the
    figure, an incise after it, "Pour X," opening the sentence, or a participle's agent."""
    if not parses.worth_parsing(index):
        return None
    doc, offset = parses.doc(index), parses.offset(index)
    outside = [t for t in doc if not any(a <= offset + t.idx < b for a, b in quotes)]
    figure = next((t for t in doc if offset + t.idx + len(t.text) > position), None)
    if figure is None:
        return None
    said_by = as_said_by(doc, offset, parses.text, figure)
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
        return noun_phrase_after(nearest, offset, parses.text, position)
    gapped = _GAPPED.search(parses.text, parses.sentences[index][0], position)
    between = [t for t in doc if gapped is not None and gapped.start() <= offset + t.idx < position]
    if (
        gapped is not None
        and not any(t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") for t in between)
        # ", les groupes de 10 élèves": a figure inside a noun's complement is no gapped clause's
        and gapped.group(1).split()[-1].lower() not in ("de", "du", "des", "d'", "d’")
    ):
        # "La préfecture a dénombré 4 000 manifestants, les syndicats 15 000": the verb left out
        # is the first clause's, its subject the noun phrase before the figure, never the first's
        a, b = gapped.span(1)
        return (
            Claimant(a, b, gapped.group(1), gender_of(gapped.group(1)))
            if may_claim(gapped.group(1))
            else None
        )
    below = figure  # the verb's child the figure lies under
    described = False  # whether a relative clause holds the figure: it describes, it is not denied
    for verb in figure.ancestors:
        described = described or _relative(verb)
        quoted = any(a <= offset + verb.idx < b for a, b in quotes)
        if lemma_of(verb) in claim_verbs().denials and not described and not quoted:
            # "La mutuelle a démenti avoir perdu 40 millions": someone else's figure ("le chiffre de
            # 10 000 avancé par la direction"), or no one's
            return _reported_by_agent(figure, offset, parses.text, verb)
        if (
            _relative(verb)
            or not is_claim_cue(verb)
            or _parted(figure, verb)
            or any(a <= offset + verb.idx < b for a, b in quotes)  # a cue quoted is the speaker's
        ):
            if _relative(verb) and _subject_named(verb):
                return None  # "une année pour laquelle le gouvernement tablait sur 2 %": its own
            speakers = _relative_speakers(verb, offset, parses.text)
            if speakers is not None:
                return speakers  # "les organisateurs qui parlaient de 80.000 manifestants"
            # "la piste … qui prévoit 27 heures": a relative's "qui" on a thing asserts nothing
            below = verb
            continue
        # The inverted subject of an incise is often labelled its object: "…, BNP Paribas 2,55
        # milliards, …, a annoncé la ministre X" (the parser took a sum for the cue's subject).
        inverted = any(
            c.i > verb.i and (c.dep_ == "nsubj" or (c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")))
            for c in verb.children
        )
        if (
            below.dep_ in ("nsubj", "expl:subj")
            and (below.pos_ in ("VERB", "AUX") or inverted)
            and after_comma(verb)
        ):
            # "la croissance restera de 1 %, a prévenu la ministre", "le déficit atteindra 4 %, a
            # indiqué X": the parser may take the clause an incise reports for its subject
            found = inverted_subject(verb, offset, parses.text)
            if found is not None and _closes_incise(parses.text, found.end) and may_claim(found.text):
                return found
            return None
        if below.dep_ in ("nsubj", "expl:subj") or (below.dep_ == "acl:relcl" and below.i > verb.i):
            # "Roland Hubert, l'un des quatre co-secrétaires, a fait part …": the figure describes
            # who speaks, not what they say; so does a relative after the cue, which the parser hangs
            # on the verb ("reconnaît X, proviseur, qui finit de composer les groupes de 10 élèves").
            return None
        lemma = claim_lemma(verb)
        cases = {c.lower_ for c in below.children if c.dep_ == "case"}
        if (
            below.dep_.startswith(("obl", "iobj"))
            and cases & _ADDRESSED
            and not cases & {"jusqu'", "jusqu’"}  # "évoquant jusqu'à 1 000 milliards": a bound
            and lemma not in claim_verbs().valuing
            and below.i != figure.i
        ):
            # "a répondu aux 300 manifestants", "a déclaré devant 2 000 personnes que …": who is
            # addressed, not what is said ("évalue à 30 millions ses pertes" values it)
            below = verb
            continue
        shown = (
            lemma in claim_verbs().showing
            and below.dep_ == "obj"
            and (below.i == figure.i or figure.head.i == below.i)
        )
        if shown or (
            lemma in claim_verbs().clause_only
            and below.dep_ not in ("ccomp", "xcomp", "parataxis")
            and not _colon_opens(verb, figure)
        ):
            below = verb  # "ont relevé à 2 % leur offre", "lui rapporterait 2 millions": an act
            continue
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        if below.dep_ == "nsubj:pass" and agent is not None:
            return noun_phrase(agent, offset, parses.text)  # "300 suppressions ont été annoncées par X"
        if below.dep_ == "obj" and lemma_of(verb) in object_cues() and not _says_more(verb):
            # "Natixis a accusé une perte de 948 millions": the object of "accuser", "saluer" is
            # no statement unless a clause follows ("a accusé 40 soldats d'être entrés …")
            below = verb
            continue
        if below.dep_ == "obj" and figure.i > verb.i and after_comma(verb) and not auxiliary_before(verb):
            return None  # "…, note le document de 13 pages": the figure is in who speaks
        if _passive(verb):
            below = verb
            continue  # "les Etats-Unis sont engagés dans deux guerres": no one speaks
        if below.dep_ in _SAID or _relative(below) or _colon_opens(verb, figure):
            found = from_source(verb, offset, parses.text) or verb_subject(verb, offset, parses.text)
            if found is None and verb.i > figure.i:
                found = inverted_subject(verb, offset, parses.text)
            if found is not None and not found.start <= position < found.end and may_claim(found.text):
                return found  # "69 missiles avaient été lancés": what is counted asserts nothing
        below = verb
    # "… chez le frère de Marc Dumont, comptable accusé d'une perte de trois millions, a
    # constaté un photographe": a figure describing a person named is no part of what is reported
    for tok in outside if not _describes_named(figure) else []:
        # "… neuf personnes ont été tuées, ont annoncé mercredi les autorités locales": an incise
        # after the figure, its subject inverted (the parser hangs it on the main verb)
        source = from_source(tok, offset, parses.text)  # ", a-t-on appris de source judiciaire"
        if tok.i > figure.i and source is not None and after_comma(tok):
            return source
        if tok.i > figure.i and is_claim_cue(tok) and after_comma(tok) and not _parted(figure, tok):
            # "a-t-il précisé": the parser may label the clitic expl:subj, as it does "-t"
            inverted = [
                c
                for c in tok.children
                if c.dep_ in ("nsubj", "expl:subj") and c.text.startswith("-") and c.lower_.lstrip("-t")
            ]
            found = (
                noun_phrase(inverted[0], offset, parses.text)
                if inverted
                else inverted_subject(tok, offset, parses.text)
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
            if participle.i != noun.i and participle.head.i != noun.i:
                continue  # "une centaine de soldats de cette zone revendiquée par X": another noun's
            if not (is_cue(participle) or lemma_of(participle) in claim_verbs().verbs):
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
            found = noun_phrase(agent, offset, text) if agent is not None else None
            if found is not None and may_claim(found.text):
                return found
    return None


def _line_between(a: Token, b: Token) -> bool:
    """Whether a line break lies between two tokens (a headline left beside its sentence)."""
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[low:high])


def as_said_by(doc: Doc, offset: int, text: str, figure: Token) -> Claimant | None:
    """ "La mutuelle a démenti avoir perdu 40 millions, comme l'a affirmé le quotidien Le Courrier": the
    subject of a cue that "comme l'a" opens claims what the clause it hangs on says."""
    if not AS_SAID.search(doc.text):
        return None
    for verb in doc:
        if not (is_claim_cue(verb) and any(c.lower_ == "comme" for c in verb.children)):
            continue
        if not any(c.lower_ in ("l'", "l’") for c in verb.children):
            continue
        if verb.head.i == verb.i or not (verb.head.i == figure.i or verb.head in figure.ancestors):
            continue
        found = verb_subject(verb, offset, text) or inverted_subject(verb, offset, text)
        if found is not None and found.text.lower() not in PRONOUNS and may_claim(found.text):
            return found
    return None


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
    """Whether a clause or an argument follows the verb ("a accusé 40 soldats d'être entrés"), the
    parser hanging it on the verb or on its object ("accusait une centaine de soldats | d'avoir
    pénétré")."""
    if any(c.dep_ in ("xcomp", "ccomp", "obl:arg") for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ == "obj"]
    marks = ("de", "d'", "d’")
    return any(
        clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)
        for obj in objects
        for clause in obj.children
    )


def _relative_speakers(verb: Token, offset: int, text: str) -> Claimant | None:
    """Who claims through a relative's "qui" when the verb is a claim cue and what it stands for
    can assert: "les organisateurs qui parlaient de 80.000 manifestants" (never "la piste qui
    prévoit 27 heures")."""
    antecedent = verb.head
    if verb.dep_ != "acl:relcl" or not is_claim_cue(verb) or not antecedent.is_lower:
        return None  # the parser hangs a relative on a capitalised noun before it as often as not
    if not any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in verb.children):
        return None
    if not (
        is_role(antecedent.text)
        or is_institution(antecedent.text)
        or is_speaking_noun(fold(antecedent.lower_))
    ):
        return None  # people and bodies speak; "la piste", "le budget" hold what they plan
    found = noun_phrase(antecedent, offset, text)
    name = _name_before_apposition(antecedent.doc, found.start - offset) if found is not None else None
    if name is not None and found is not None and found.text[:1].islower():
        # "Hang Soth, responsable cambodgien du site, qui a assuré que 40 soldats …": the name
        a, b = offset + name.start_char, offset + name.end_char
        return Claimant(a, b, text[a:b], name_gender(text[a:b]))
    return found


def _name_before_apposition(doc: Doc, char: int) -> Span | None:
    """The full name that a comma parts from the phrase starting at `char` ("Hang Soth, responsable
    cambodgien du site"): a name of several words as the parser joins them (flat:name)."""
    k = next((t.i for t in doc if t.idx >= char), None)
    if k is None or k < 2 or doc[k - 1].text != "," or doc[k - 2].pos_ != "PROPN":
        return None
    last = doc[k - 2]
    first = last.head if last.dep_ == "flat:name" else last
    words = [first, *(c for c in first.children if c.dep_ == "flat:name")]
    if len(words) < 2 or max(w.i for w in words) != last.i:
        return None
    return doc[first.i : last.i + 1]


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
