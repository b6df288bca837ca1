"""The subject of a French reporting cue on a spaCy parse, as a speaker mention.

Which verbs are cues of a quote (cues.py's lemmas, a support verb with its noun of speech, a verb
the tagger took for a noun right after a quote); a cue's own subject, through coordination,
control, an auxiliary hung apart, a relative "qui" (the noun it stands for) and a present
participle (its clause's subject); the subject inverted after a cue ("a déclaré mardi le chef du
Kremlin", "a-t-il dit"); and a sentence's subject, for a pronoun or a bare quote after it.
speakers.py orders these steps around a quote; speaker_phrases.py reads the mention's words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from recoupe.data import honorifics
from recoupe.extract.coreference import may_assert
from recoupe.extract.cue_vocabulary import vocabulary
from recoupe.extract.cues import cue_lemmas, promises, reports_nothing, support_cues, two_word_cues
from recoupe.extract.entities import lemma_of
from recoupe.extract.speaker_phrases import (
    PRONOUNS,
    SpeakerMention,
    clitic_pronoun,
    coordinated_mention,
    noun_phrase,
    noun_phrase_from,
    on_mention,
    pronoun_mention,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ACCORDING_TO = frozenset({"selon", "d'après", "d’après"})


def is_quote_cue(tok: Token) -> bool:
    """Whether a verb of the parse is a cue that may report a quote: a lemma of cues.py (the two
    words of a two-word cue), a support verb with its noun of speech; never a verb under "laisser"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = lemma_of(tok)
    if lemma in two_word_cues():
        return tok.i > 0 and lemma_of(tok.doc[tok.i - 1]) == two_word_cues()[lemma]
    if tok.head.i != tok.i and lemma_of(tok.head) == "laisser":
        return False  # "des enquêtes « … » laissent penser que": what things suggest, no one says
    if reports_nothing(tok, lemma) and not promises(tok, lemma):
        return False
    verbs, nouns = support_cues()
    if lemma in verbs and any(c.dep_ == "obj" and lemma_of(c) in nouns for c in tok.children):
        return True  # "X avait formulé un appel pour que « … »"
    # "Mme Aubry demande « … »": the lemmatiser leaves some present forms as they are ("demande").
    return lemma in cue_lemmas() or (lemma == tok.lower_ and lemma + "r" in cue_lemmas())


def cue_after_quote(tok: Token) -> bool:
    """ "« … », tranche Philippe Aghion", "« … », juge-t-il": right after a quote and its comma the
    tagger often takes the verb for a noun; a cue verb's present form ("tranche" → "trancher") is
    read as the cue there all the same."""
    # "a-t-il nuancé": the participle may be tagged an adjective; its lemma still tells.
    return tok.text[:1].islower() and (tok.lower_ + "r" in cue_lemmas() or lemma_of(tok) in cue_lemmas())


def according_to(doc: Doc, k: int) -> bool:
    """ "selon", "d'après" (the tokenizer splits it: "D'" "après"; k is then "après")."""
    word = doc[k].lower_.replace("’", "'")
    return word in _ACCORDING_TO or (word == "après" and k > 0 and doc[k - 1].lower_ in ("d'", "d’"))


def subject_of(verb: Token, offset: int, passive: bool = False) -> SpeakerMention | None:
    """The subject of a cue verb, through coordination ("a affirmé et répété") and control
    ("a tenu à souligner"); a relative "qui" stands for the noun it attaches to, a role in
    apposition to a name for that name ("X, patron de Y qui affirmait"). `passive`: a passive
    subject counts (a sentence's subject, not a cue's: "X a été interrogé" says nothing)."""
    deps = ("nsubj", "expl:subj", "nsubj:pass") if passive else ("nsubj", "expl:subj")
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in deps]
        # "le général Padilla a, dans un discours, précisé": an incise between the auxiliary and
        # the participle makes the parser hang the subject on the auxiliary.
        subjects += [
            c for a in verb.children if a.dep_.startswith("aux") for c in a.children if c.dep_ == "nsubj"
        ]
        # "Cette lettre qui récapitule … indique": the parser may take the relative's verb for a
        # second subject; a noun or a pronoun is the one.
        subjects = [c for c in subjects if c.pos_ != "VERB"] or subjects
        # "PROCEDURES … ASSOUPLIES: relèvement … peut être conclu « … »": no subject stands before
        # a colon with its verb after it; the parse joined a label to the sentence it heads.
        subjects = [c for c in subjects if not any(t.text == ":" for t in verb.doc[c.i : verb.i])]
        incise = incise_after_quote(verb)
        if incise is not None:
            # "« … », la loi X, « … », a poursuivi l'archevêque": a cue right after a quote and its
            # comma is an incise, its subject the one after it; what the parser hangs before the
            # quote is no subject of it.
            subjects = [c for c in subjects if c.i > incise]
            if not subjects:
                return inverted_subject(verb.doc, verb.i, offset)
        if _present_participle(verb):
            # "jugeant « … » le chiffre": a participle's subject never follows it (its object does).
            subjects = [c for c in subjects if c.i < verb.i]
        if not subjects and "Part" in verb.morph.get("VerbForm"):
            # "Il a de son côté évoqué « … »": an aside with no commas makes the parser take the
            # auxiliary for the main verb and hang the participle on the aside's noun.
            auxiliary = detached_auxiliary(verb)
            subjects = [c for c in auxiliary.children if c.dep_ == "nsubj"] if auxiliary is not None else []
        if len(subjects) > 1:
            # "tandis que Le Courrier, son concurrent, souligne": the parser may make a name and the
            # noun apposed to it two subjects of one verb; the name is who speaks.
            subjects = [c for c in subjects if c.text[:1].isupper() and c.i > 0] or subjects
        if subjects:
            head = min(subjects, key=lambda c: abs(c.i - verb.i))
            if head.lower_ in ("qui", "qu'", "qu’", "que"):
                antecedent = verb.head
                if (
                    antecedent.text[:1].isupper()
                    and antecedent.dep_ == "nmod"
                    and antecedent.head.pos_ == "NOUN"
                    and antecedent.head.dep_ == "appos"
                ):
                    antecedent = antecedent.head  # "X, patron de la Société générale qui": the role
                if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
                    antecedent = antecedent.head  # "Frédéric Oudéa, patron de …, qui": the name
                if antecedent.dep_ == "conj" and antecedent.head.pos_ in ("VERB", "AUX"):
                    # "le fondateur de Médecins sans Frontières et Médecins du Monde, qui": a noun
                    # the parser set as a verb's conjunct is no phrase it read; who "qui" is, unknown.
                    return None
                found = noun_phrase(antecedent, offset) if verb.dep_.startswith("acl") else None
                start = offset + head.idx
                if found is None or start - found.end > 2:
                    return found  # "X, patron de Y qui affirmait": the name, far from its relative
                return replace(found, pointer=(start, start + len(head.text)))
            return coordinated_mention(head, offset) or noun_phrase(head, offset)
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if _present_participle(verb):
            return _participle_subject(verb, offset)
        if _narrative_infinitive(verb):
            return noun_phrase(verb.head, offset)  # "Et la ministre de poursuivre : « … »"
        break
    return None


def passive_agent(verb: Token, offset: int) -> SpeakerMention | None:
    """ "une philosophie, résumée ainsi par X : « … »": a cue in the passive before a colon
    says its speaker with "par" (its subject is what was said). Only before a colon: "voulu par X",
    "considérés par la police comme « suspects »" qualify words, they do not report them."""
    # The tagger may read the participle as a finite verb ("résumée": Tense=Pres): its ending tells.
    if not verb.lower_.endswith(("é", "ée", "és", "ées", "it", "ite", "its", "ites", "u", "ue", "us", "ues")):
        return None
    auxiliaries = {c.dep_ for c in verb.children if c.dep_.startswith("aux")}
    if auxiliaries - {"aux:pass"}:
        return None  # "a résumé par écrit": active
    agent = agent_of(verb)
    return noun_phrase(agent, offset) if agent is not None else None


def agent_of(verb: Token) -> Token | None:
    """The head of a participle's agent, a noun or a name: what the parser labels so, or a
    complement after it that "par" introduces (it labels "résumée ainsi par X" obl:arg)."""
    agent = next((c for c in verb.children if c.dep_ == "obl:agent" or _by(c, verb)), None)
    return agent if agent is not None and agent.pos_ in ("NOUN", "PROPN") else None


def _by(complement: Token, verb: Token) -> bool:
    """A complement after the verb that "par" introduces."""
    return (
        complement.i > verb.i
        and complement.dep_.startswith("obl")
        and any(c.dep_ == "case" and c.lower_ == "par" for c in complement.children)
    )


def incise_after_quote(verb: Token) -> int | None:
    """The index of the closing quote mark right before a verb (its auxiliaries first) and a comma:
    "« … », a poursuivi X" is an incise; None for any other verb ("« … », estimant que" is a
    participle, whose subject is its clause's)."""
    if _present_participle(verb) or "Inf" in verb.morph.get("VerbForm"):
        return None
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)])
    doc = verb.doc
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].text in _CLOSING_QUOTES:
        return first - 2
    return None


_CLOSING_QUOTES = frozenset({"»", "”", '"'})


def _present_participle(verb: Token) -> bool:
    """ "jugeant", "estimant": a present participle has no subject of its own; its clause's speaks."""
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")


def _participle_subject(verb: Token, offset: int) -> SpeakerMention | None:
    """The subject a present participle takes: the verb's it hangs on ("X milite …, jugeant « … »"),
    or, where the parser made the participle a root of its own, the subject of the sentence's verb
    before it. One hung on a noun is left alone: the parser hangs "accusant" of "une plainte
    déposée contre X, accusant …" on X as readily as on the complaint."""
    if verb.dep_.startswith("acl"):
        return None
    for head in verb.ancestors:  # "… afin de travailler « … », jugeant « … »": up to a verb with a subject
        if head.pos_ in ("NOUN", "PROPN"):
            return None
        if head.pos_ in ("VERB", "AUX"):
            found = subject_of(head, offset)
            if found is not None:
                return found
    roots = [t for t in verb.doc[: verb.i] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return subject_of(roots[-1], offset) if roots else None


def _narrative_infinitive(verb: Token) -> bool:
    """ "Et la ministre de poursuivre", "Et X d'ajouter": an infinitive after "de" whose subject is
    the noun phrase opening the sentence (the parser hangs the verb on that noun)."""
    if "Inf" not in verb.morph.get("VerbForm") or not any(
        c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in verb.children
    ):
        return False
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i >= verb.i:
        return False
    opening = head.left_edge.i
    return all(t.lower_ in ("et", "mais", "puis") or t.is_space for t in verb.doc[:opening])


def detached_auxiliary(verb: Token) -> Token | None:
    """A form of avoir or être before a participle with no other verb or clause opening between
    them, that the parser did not attach to it (it hangs the participle on the noun before it)."""
    for tok in reversed(verb.doc[: verb.i]):
        if tok.pos_ in ("VERB", "AUX"):
            return tok if lemma_of(tok) in ("avoir", "être") and tok.head.i != verb.i else None
        if tok.pos_ == "SCONJ" or tok.lower_ in ("qui", "que", "qu'", "qu’", ".", ":"):
            return None
    return None


def inverted_subject(doc: Doc, k: int, offset: int) -> SpeakerMention | None:
    """The subject after a cue that follows a quote: "-t-il", or the noun phrase after the verb
    ("a déclaré mardi le chef du Kremlin")."""
    if _present_participle(doc[k]):
        return None  # "jugeant « … » le chiffre": the noun after a participle is its object
    j = k + 1
    while j < len(doc) and (doc[j].text in ("-t", "-t-") or doc[j].pos_ == "ADV"):
        j += 1
    # "a réagi de son côté l'entraîneur, Julien Serres": an aside between the verb and its subject.
    aside = next((a for a in vocabulary("fr").adverbials if _words(doc, j, len(a)) == a), ())
    j += len(aside)
    if not aside and j < len(doc) and doc[j].text == ",":
        # "réagit, à titre personnel, le pasteur X": the aside set between commas.
        between = (a for a in vocabulary("fr").adverbials if _words(doc, j + 1, len(a) + 1) == (*a, ","))
        aside = next(between, ())
        j += len(aside) + 2 if aside else 0
    if j < len(doc) and clitic_pronoun(doc[j].text) in PRONOUNS and doc[j].text.startswith("-"):
        return pronoun_mention(doc[j], offset)
    if j < len(doc) and clitic_pronoun(doc[j].text) == "on" and doc[j].text.startswith("-"):
        return on_mention(doc, j, j, offset)
    # The quote is the verb's object, so the parser often labels the inverted subject "obj":
    # either is the speaker ("a dit mercredi sur BFM Pierre Nanterme").
    after = [c for c in doc[k].children if c.i > k and c.dep_ in ("nsubj", "obj", "expl:subj", "nsubj:pass")]
    if after and after[0].pos_ in ("PROPN", "NOUN", "PRON"):
        return noun_phrase(after[0], offset)
    if (
        j < len(doc)
        and doc[j].pos_ == "NOUN"
        and doc[j].lower_ in ("hier", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    ):
        j += 1
    # "a affirmé à l'AFP Hang Soth": the indirect object comes first; the parser hangs the name
    # on it as an apposition.
    if j < len(doc) and doc[j].lower_ in ("à", "au", "aux"):
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        j += 1
        # "a répliqué à Bernard Kouchner en se disant": the whole name is the indirect object.
        while j < len(doc) and doc[j].dep_ == "flat:name":
            j += 1
    if j < len(doc) and doc[j].pos_ in ("DET", "PROPN", "NOUN"):
        return noun_phrase_from(doc, j, offset)
    return _past_prepositional_phrase(doc, j, offset)


# What opens a subject after a verb of narration: a third person's determiner (not "ton" of
# "sur le même ton rassurant M. X"), or an honorific ("M. X").
_SUBJECT_DETERMINERS = frozenset({
    "le", "la", "les", "l'", "l’", "un", "une", "des", "son", "sa", "ses", "leur", "leurs",
    "ce", "cet", "cette", "ces",
})


def _past_prepositional_phrase(doc: Doc, j: int, offset: int) -> SpeakerMention | None:
    """The subject after a prepositional phrase ("écrit dans un communiqué son secrétaire général
    X", "remarquait d'ailleurs lors de son audition la garde des Sceaux X", "a déclaré sur France
    Inter le ministre"): the phrase runs from its preposition over determiners, nouns, names and
    further prepositions; a determiner right after its noun opens the subject. The parser hangs
    that subject on the phrase's noun, or misreads a name in it ("Inter" as a verb): words, not
    the parse, tell where the phrase ends."""
    while j + 1 < len(doc) and doc[j].pos_ == "ADP" and doc[j + 1].pos_ == "ADV":
        j += 2  # "d'ailleurs", "d'abord"
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1  # "lors de"
    if j >= len(doc) or doc[j].pos_ != "ADP":
        return None
    k, after_noun = j + 1, False
    while k < len(doc):
        word = doc[k]
        if after_noun and (word.lower_ in _SUBJECT_DETERMINERS or word.text in honorifics()):
            break
        if after_noun and _acronym(doc[k - 1].text) and word.text[:1].isupper() and not _acronym(word.text):
            break  # "a témoigné auprès de l'AFP Pascale X": a name right after an acronym opens the subject
        if word.pos_ == "ADP" or word.lower_ in _SUBJECT_DETERMINERS:
            after_noun = False
        elif word.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") or word.text[:1].isupper():
            after_noun = True
        else:
            return None
        k += 1
    if k >= len(doc):
        return None
    found = noun_phrase_from(doc, k, offset)
    if found is None or not may_assert(doc.text[found.start - offset : found.end - offset]):
        return None
    return found


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _words(doc: Doc, start: int, count: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[start : start + count])


def inverted_clitic(doc: Doc, k: int) -> Token | None:
    """The pronoun inverted after the verb at k ("affirme-t-elle", "a-t-il"), if any."""
    j = k + 1
    while j < len(doc) and doc[j].text in ("-t", "-t-"):
        j += 1
    if j < len(doc) and doc[j].text.startswith("-") and clitic_pronoun(doc[j].text) in PRONOUNS:
        return doc[j]
    return None


def incise_before_participle(doc: Doc, k: int) -> Token | None:
    """ "…, a-t-il ajouté, affirmant que « … »": the pronoun inverted in the incise right before
    the present participle at k, whose subject it is (the parse makes the participle the main
    verb's and gives it that verb's subject, "les dépenses")."""
    if not (k > 1 and "Part" in doc[k].morph.get("VerbForm") and "Pres" in doc[k].morph.get("Tense")):
        return None
    if doc[k - 1].text != ",":
        return None
    verb = doc[k - 2]
    if not is_quote_cue(verb):
        return None
    # "a-t-il ajouté": the pronoun follows the auxiliary, and the parse hangs it on the verb
    before = (c for c in verb.children if c.i < verb.i and c.text.startswith("-"))
    pronoun = next((c for c in before if clitic_pronoun(c.text) in PRONOUNS), None)
    return inverted_clitic(doc, verb.i) or pronoun


def sentence_subject(doc: Doc, offset: int) -> SpeakerMention | None:
    """The subject of a sentence's main verb, for a pronoun or a bare quote after it; in a sentence
    that closes on a cue and its inverted subject ("…, a prévenu la ministre, Christine Lagarde."),
    that subject: the one the report is about."""
    for tok in doc:
        if tok.i > 0 and is_quote_cue(tok) and after_comma(doc, tok.i) and not _subject_before(tok):
            found = inverted_subject(doc, tok.i, offset)
            if found is not None and found.kind in ("name", "role"):
                return found
    root = _main_verb(doc)
    if root is not None and root.pos_ in ("VERB", "AUX", "ADJ"):
        # "X, président de la Caisse d'Epargne Provence-Alpes-Corse, a été nommé …": a passive
        # subject is what the sentence is about as much as an active one.
        found = subject_of(root, offset, passive=True)
        if found is not None and found.kind == "role":
            # "La présidente par intérim, Irina Caraman, s'est rendue …": the name the parser apposes.
            found = _apposed_on_parse(root, offset) or found
        if found is not None and found.gender == "p":
            # "Les négociations se sont éternisées, selon le vice-gouverneur, Long Sovann.": a plural
            # subject is no "il" or "elle"; the source the sentence cites is the one it is about.
            source = next(
                (noun_phrase_from(doc, t.i + 1, offset) for t in doc if according_to(doc, t.i)), None
            )
            if source is not None and source.kind in ("name", "role") and source.gender != "p":
                return source
        if found is not None:
            return found
        found = _name_before(root, offset)
        if found is not None:
            return found
    # The parser misreads "Xi, qui a appelé Poutine « mon ami », s'est dit …": the noun phrase
    # opening the sentence before a comma and a verb is its subject.
    if len(doc) and doc[0].pos_ in ("PROPN", "DET", "NOUN"):
        return noun_phrase_from(doc, 0, offset)
    # "A l'issue de son tour, Marie de Hennezel, qui …, déplore deux choses.": with no verb for a
    # root the parse is lost; the first name outside a prepositional phrase, followed by a comma
    # or a relative "qui", is what the sentence is about.
    if root is None or root.pos_ not in ("VERB", "AUX"):
        for tok in doc:
            if tok.pos_ == "PROPN" and not any(c.dep_ == "case" for c in tok.children):
                if tok.dep_ in ("obj", "iobj", "flat:name") or tok.i + 1 >= len(doc):
                    continue
                opening = tok.i
                while opening > 0 and doc[opening - 1].text != ",":
                    opening -= 1
                if any(t.pos_ == "ADP" for t in doc[opening : tok.i]):
                    continue  # "Dans la région Paca, …": a place
                found = noun_phrase(tok, offset)
                after = next((t for t in doc if offset + t.idx >= found.end), None) if found else None
                if found is not None and found.kind == "name" and after is not None and after.text == ",":
                    return found
    return None


def _apposed_on_parse(verb: Token, offset: int) -> SpeakerMention | None:
    """The name the parser sets in apposition to the verb's (passive) subject, between commas."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return None
    name = next(
        (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subject.i), None
    )
    if name is None or name.i == 0 or verb.doc[name.i - 1].text != ",":
        return None
    found = noun_phrase(name, offset)
    return found if found is not None and found.kind == "name" else None


def _name_before(verb: Token, offset: int) -> SpeakerMention | None:
    """ "A Londres, le secrétaire au Foreign Office, David Miliband, a salué …": where the parser
    broke the sentence and left the verb without a subject, the name right before it (over a comma
    and the auxiliaries) is what the sentence is about."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text == "," or doc[j].lower_ in ("s'", "se")):
        j -= 1
    if j < 0 or doc[j].pos_ != "PROPN":
        return None
    while doc[j].dep_ == "flat:name" and doc[j].head.i < j:
        j = doc[j].head.i
    found = noun_phrase(doc[j], offset)
    return found if found is not None and found.kind == "name" else None


def _subject_before(verb: Token) -> bool:
    """Whether the verb has its own subject before it: in "Le directeur, Marc Oudin, a confirmé …"
    the comma closes an apposition, and what follows the verb is its object."""
    before = [c for c in verb.children if c.i < verb.i]
    before += [c for a in before if a.dep_.startswith("aux") for c in a.children if c.i < verb.i]
    # A verb the parser makes the subject is the reported clause ("la prévision reste …, a prévenu X");
    # so is a thing that cannot assert ("BNP Paribas 2,55 milliards, …, a annoncé la ministre").
    return any(
        c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN", "PRON") and _may_assert_on_parse(c)
        for c in before
    )


def _may_assert_on_parse(head: Token) -> bool:
    """Whether the phrase from a subject's head on may assert (not what the parser glued before it)."""
    phrase = noun_phrase(head, 0)
    return phrase is None or may_assert(head.doc.text[head.idx : max(phrase.end, head.idx + len(head.text))])


def after_comma(doc: Doc, k: int) -> bool:
    """Whether the verb at k follows a comma, over its auxiliaries (", a prévenu")."""
    k -= 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    return k >= 0 and doc[k].text == ","


def _main_verb(doc: Doc) -> Token | None:
    """The sentence's root, unless the parser took a subordinate clause's verb for it ("Alors que
    la guerre approche …, le président … a exhorté"): then the first later verb with a subject and
    no subordinating conjunction, so that a pronoun after it is not given the clause's subject."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    root = next((t for t in roots if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        # Split in pieces at a comma ("Battue au deuxième tour, la Française Léa Fontanel n'a pas
        # cherché …" gave three roots), the clause is the one whose verb has a subject after it.
        for verb in roots:
            subject = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
            if verb.pos_ in ("VERB", "AUX") and subject is not None:
                if any(t.text == "," for t in doc[: subject.left_edge.i]):
                    return verb
                break
    if root is None or not any(c.dep_ == "mark" for c in root.children):
        return root
    for tok in doc[root.i + 1 :]:
        children = list(tok.children)
        if (
            tok.pos_ in ("VERB", "AUX")
            and any(c.dep_.startswith("nsubj") for c in children)
            and not any(c.dep_ == "mark" for c in children)
        ):
            return tok
    return root
