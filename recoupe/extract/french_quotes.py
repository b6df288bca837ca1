"""French quotes and who said them, on the parse: the cue's subject on the parse of the quote's
sentence (speakers.py), resolved to a person the article names (speaker_names.py, coreference.py),
then weighed by a `speaker_choice`, when given, against the other mentions the parse offers
(mention_ranker.py). A reporting incise inside the quote, a signature line in capitals, a colon
closing the sentence before, a quote carried on in the next paragraph and a quote set as a
heading are read here; the token rules (token_speakers.py) stay where the parse finds no subject."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, TypeGuard

from recoupe.clean.language import english_inside_french
from recoupe.extract import attribution as at
from recoupe.extract import coreference as co
from recoupe.extract import mention_ranker as mr
from recoupe.extract import speakers as sp
from recoupe.extract.cue_vocabulary import opposing_clause, reporting_data
from recoupe.extract.entities import lemma_of
from recoupe.extract.people import PARTICLE
from recoupe.extract.quote_spans import (
    MAX_SCARE_WORDS,
    SPACES,
    QuoteSegment,
    caps_line,
    is_heading,
    paragraph_at,
    paragraph_of_its_own,
)
from recoupe.extract.speaker_names import (
    INDEFINITE,
    is_complement,
    speaker_name,
    token_speaker_name,
    with_apposed_name,
)
from recoupe.extract.speaker_subjects import is_quote_cue
from recoupe.extract.token_mentions import NAME_GLUE
from recoupe.extract.token_speakers import in_sentence
from recoupe.extract.tokens import QuotedText, one_paragraph_apart, sentence_before, sentence_spans
from recoupe.model import QuoteMention
from recoupe.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

    from recoupe.extract.token_cues import Mention


# Quotes of more words than this are not parsed (their words say nothing of who spoke them), only
# the words around them: this keeps parsing to a fraction of each article.
MAX_PARSED_QUOTE_WORDS = 8


def french_quotes(
    quoted: QuotedText, speaker_choice: mr.SpeakerChoice | None, person_words: frozenset[str] | None = None
) -> list[QuoteMention]:
    """French quotes with their speakers: the cue's subject on the parse of the quote's sentence
    (speakers.py), resolved to a person the article names (coreference.py), then weighed by
    `speaker_choice` against the other mentions the parse offers (mention_ranker.py). A paragraph
    in English inside a French article keeps the English token rules."""
    text, norm, segments, groups = quoted.text, quoted.norm, quoted.segments, quoted.groups
    tokens, quote_token = quoted.tokens, quoted.quote_token
    spans = sentence_spans(tokens)
    regions = [(s.region_start, s.region_end) for s in segments]
    masked = _masked(text, segments)
    english = at.vocabulary("en")
    # The quotes' own sentences are parsed first; the sentence before one only when its quote has
    # no cue of its own or a pronoun for one (what that sentence's subject is then matters).
    own: dict[int, tuple[int, int]] = {}
    for k, members in enumerate(groups):
        paragraph = paragraph_at(norm, segments[members[0]].start)
        # an English paragraph keeps the English rules, unless it is a quote alone: then, as a
        # French one, it is said by whom the sentence before introduces ("X a répondu en anglais")
        french = len(paragraph.split()) < 8 or not english_inside_french(paragraph)
        if french or paragraph_of_its_own(norm, segments, members):
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
    befores = {k: sentence_before(spans, tokens[quote_token[groups[k][0]]].sentence) for k in own}
    needed = {
        spans[n]
        for k, n in befores.items()
        if n is not None and (mentions[k] is None or _pronoun(mentions[k]))
    }
    docs = _parsed(masked, sorted(needed - docs.keys()), docs)
    people = co.people_in(text, person_words)
    subjects: list[co.Subject] = []
    found: list[QuoteMention] = []
    headings: list[int] = []  # indices in `found` of quotes set as headings, with no cue of their own
    tentative: set[int] = set()  # of those, short ones kept only if the article quotes their words
    previous: tuple[sp.SpeakerMention | None, str | None] = (None, None)
    previous_end = -1
    for k, members in enumerate(groups):
        lead = segments[members[0]]
        first, last = quote_token[members[0]], quote_token[members[-1]]
        sentence = tokens[first].sentence
        last_sentence = tokens[last].sentence
        words = sum(len(norm[segments[m].start : segments[m].end].split()) for m in members)
        if k not in own:  # an English paragraph
            english_mention = in_sentence(tokens, first, last, english)
            if english_mention is None and words <= MAX_SCARE_WORDS:
                continue
            speaker = token_speaker_name(english_mention, text, [], at.named_people(tokens, english))
            found.extend(_quote_mentions(text, segments, members, speaker, english_mention))
            continue
        span = own[k]
        heading = is_heading(norm, segments, members)
        before = spans[befores[k]] if befores[k] is not None else None  # type: ignore[index]
        prior = docs.get(before) if before is not None and before[1] <= lead.region_start else None
        if prior is not None and before is not None:
            subject = sp.sentence_topic(prior, before[0])
            subject = with_apposed_name(subject, text) if subject is not None else None
            if _may_speak(subject, text) and (not subjects or subjects[-1].position < subject.start):
                subjects.append(_subject(subject, speaker_name(subject, text, people, subjects)))
        mention = _incise(text, segments, members) or mentions[k]
        speaker: str | None = None
        lead_end = segments[members[-1]].region_end

        @cache
        def token_rule(first: int = first, last: int = last) -> Mention | None:
            # The token rules' reading of the quote's own sentence, asked by each check below.
            return in_sentence(tokens, first, last, at.vocabulary("fr"))

        def named_after(
            other_than: str | None,
            last: int = last,
            span: tuple[int, int] = span,
            end: int = lead_end,
            token_rule: Callable[[], Mention | None] = token_rule,
        ) -> bool:
            # "« … », remarquait lors de son audition la garde des Sceaux X": a cue after the quote
            # whose subject the parse missed names a speaker, never the last quote's nor the
            # sentence before's
            rest = itertools.takewhile(lambda t: t.sentence == tokens[last].sentence, tokens[last:])
            sentence_end = max(t.end for t in rest)
            if _someone_else_named(text, tokens[last].end, sentence_end, people, other_than) and (
                _reported_after(docs[span], span[0], end, regions)
            ):
                return True
            # "« … » de l'Amérique, juge Le Temps": the parse read the cue as a noun; the token
            # rules still read a cue and a name after the quote.
            rule = token_rule()
            return (
                rule is not None
                and rule.kind == "name"
                and rule.start >= end
                and (other_than is None or rule.text not in other_than)
            )

        signed = _signature(norm, segments, members, people) if mention is None else None
        if signed is not None:
            mention, speaker = signed
        elif heading or (before is not None and caps_line(norm[before[0] : before[1]])):
            pass  # a subheading or a signature speaks for no one around it
        elif (
            mention is None
            and previous[0] is not None
            and one_paragraph_apart(tokens, previous_end, first)
            and not (previous[1] and named_after(previous[1]))
            and not _other_voice_between(text, docs[span], span[0], tokens[previous_end].end, lead, people)
        ):
            mention, speaker = previous  # a quote carried on in the next paragraph
        elif (
            mention is None
            and prior is not None
            and before is not None
            and tokens[first - 1].sentence != sentence
            and not named_after(None)
        ):
            # No cue in the quote's own sentence: "X a dit :" or "X a pris la parole." just before.
            if norm[before[0] : before[1]].rstrip().endswith(":"):
                mention = sp.mention_in(prior, before[0], (before[1], before[1]), regions)
            elif not norm[before[0] : before[1]].rstrip().endswith(("»", "”", '"')):
                context = sp.sentence_subject(prior, before[0])
                if context is not None and context.kind in ("role", "organisation"):
                    context = with_apposed_name(context, text)  # "Le maire de Brive, Hugo Marchetti, a …"
                mention = context if context is not None and context.kind in ("name", "pronoun") else None
        elif mention is None and prior is not None and before is not None and sp.elliptic(docs[span]):
            # "X a jugé que … « … ». Et demandé que « … »": a verb coordinated across the full stop
            # keeps the previous sentence's subject (its quote's speaker, when it has one).
            if previous[0] is not None and previous_end >= 0 and tokens[previous_end].sentence == befores[k]:
                mention, speaker = previous
            else:
                context = sp.sentence_subject(prior, before[0])
                mention = context if context is not None and context.kind in ("name", "pronoun") else None
        if (
            mention is None
            and signed is None
            and not heading
            and not (before is not None and caps_line(norm[before[0] : before[1]]))
            and previous[1] is not None
            and (tokens[first - 1].kind == "break" or _lead_in(norm, lead))
            and _narration_between(text, tokens, previous_end, first, people, previous[1])
            and not named_after(previous[1])
        ):
            # "« … », se félicite X. / Le texte, lui, prévoit … / « Sur ce point aussi, nous avons tenu. »":
            # a paragraph that opens on a quote with no cue goes on with the last speaker across a
            # sentence or two of narration that names no one else.
            mention, speaker = previous
        if mention is None and signed is None and not heading:
            # "X aurait « tout expliqué aux enquêteurs ». / La phrase prononcée hier par Y, …": a
            # sentence opening on a noun of speech and its author names who said the quote before it.
            after = next((n for n in range(last_sentence + 1, last_sentence + 3) if n in spans), None)
            if after is not None and _SPEECH_OPENING.match(norm, spans[after][0]):
                doc_after = _parsed(masked, [spans[after]], {})[spans[after]]
                mention = sp.speech_agent(doc_after, spans[after][0])
        thing = mention is not None and speaker is None and not _may_speak(mention, text)
        if mention is None or thing:
            # Token rules kept where the parse does not help: a long apposition or an incise
            # between a name and its cue often leaves the parser without a subject for the verb,
            # while "Name …, cue" still reads; only a name is taken from them, never a role. They
            # also stand before a subject that cannot assert ("Mme X estime que les dispositions
            # prévoyant « … »" parsed with "estime" cut off from its subject), when the name is a
            # person's ("Cependant, la mise en place … a suscité" is no one's).
            rule = token_rule()
            if (
                rule is not None
                and rule.kind == "name"
                and _named_at(text, rule, people, person=thing)
                # "« … » alors que 86 % des Français réclament": a clause set against the quote's
                and opposing_clause().search(text, lead_end, rule.start) is None
            ):
                mention = sp.SpeakerMention(rule.start, rule.end, "name", rule.gender)
        if mention is None and (words <= MAX_SCARE_WORDS or not _clause(docs[span], span[0], lead)):
            if heading or _title_line(norm, lead):
                # "LES VERTS POUR « une taxe sur le kérosène »": a heading's short quote is kept when
                # the article quotes someone saying its words (_headings_said), else dropped.
                tentative.add(len(found))
                headings.append(len(found))
                line_start = norm.rfind("\n", 0, lead.region_start) + 1
                titled = _TITLE_FOR.fullmatch(norm, line_start, lead.region_start)
                np = sp.SpeakerMention(titled.start("np"), titled.end("np"), "name", "") if titled else None
                found.extend(_quote_mentions(text, segments, members, None, np))
            continue  # a term, a title or a scare quote no one in the text says
        if mention is not None and speaker is None:
            mention = with_apposed_name(mention, text)
        if mention is not None and speaker is None and mention.kind == "pronoun":
            # "Christine Lagarde n'y est pas favorable car « … », a-t-elle déclaré": the pronoun's
            # nearest subject is its own sentence's, before the quote.
            own_subject = sp.sentence_subject(docs[span], span[0])
            if (
                _may_speak(own_subject, text)
                and own_subject.start < lead.region_start
                and (not subjects or subjects[-1].position < own_subject.start)
            ):
                subjects.append(_subject(own_subject, speaker_name(own_subject, text, people, subjects)))
        resolved_here = mention is not None and speaker is None  # not a signature's, not carried on
        if resolved_here and mention is not None:
            # "« … », a-t-elle tempéré de son côté": not the speaker quoted just before.
            other_than = previous[1] if _contrasted(masked, span) else None
            speaker = speaker_name(mention, text, people, subjects, other_than)
            if (
                speaker is None
                and mention.kind == "role"
                and other_than is None
                and re.match(r"(?:[Ll]e|[Ll]a|[Ll]['’])\s?\w", text[mention.start : mention.end])
                and _continuing(docs[span], span[0], regions)
            ):
                # "« … », a lancé Anne Morel. Et la ministre du Budget de poursuivre : « … »"
                earlier = [s for s in subjects if s.position < mention.start]
                went_on = earlier[-1] if earlier else None
                speaker = co.continued_by(text[mention.start : mention.end], went_on, people)
        if speaker_choice is not None and signed is None and not heading:
            region = (lead.region_start, segments[members[-1]].region_end)
            context = mr.QuoteContext(
                region,
                (mention, speaker),
                previous,
                one_paragraph_apart(tokens, previous_end, first),
                {p.name: p.gender for p in people if len(p.name.split()) > 1},
            )
            own_offers = _offered(docs[span], span[0], region, regions, text)
            prior_offers = []
            if prior is not None and before is not None:
                prior_offers = _offered(prior, before[0], region, regions, text)
            found_candidates = mr.candidates(
                own_offers, prior_offers, context, lambda m: speaker_name(m, text, people, subjects)
            )
            chosen = speaker_choice(context, found_candidates)
            mention, speaker = (chosen.mention, chosen.name) if chosen is not None else (None, None)
            resolved_here = resolved_here or (mention is not None and mention is not previous[0])
        if resolved_here and mention is not None:
            subjects.append(_subject(mention, speaker))
        if heading and mention is None:
            headings.append(len(found))
        found.extend(_quote_mentions(text, segments, members, speaker, mention))
        if not heading:
            previous, previous_end = (mention, speaker), last
    said = _headings_said(found, headings)
    return [q for k, q in enumerate(said) if k not in tentative or q.speaker is not None]


# A name that is a common noun's phrase ("Le club de handball de X", "La mairie") or a name
# after a determiner ("La Société Générale", "L'Ecureuil"): a body, not a person.
_BODY_NAME = re.compile(r"(?:(?:[Ll]es?|[Ll]a)\s|[Ll]['’]\s?)[^\W\d_]")  # not "Leonetti", "Lambert"


def _named_at(text: str, rule: Mention, people: list[co.Person], person: bool) -> bool:
    """Whether the token rules' name is one the article names (by a word of the name; a person's
    when `person`), or a full name ("l'historien cambodgien Son Soubert"); never one capitalised
    word alone when a person is wanted, nor a clause the rules took for a name ("Chaque citoyen
    peut apporter sa contribution, a précisé le ministre"), nor a complement ("« … » de
    l'Amérique, juge Le Temps")."""
    words = text[rule.start : rule.end].split()
    if is_complement(text[rule.start : rule.end]):
        return False
    if sum(w[:1].isupper() for w in words) >= 2 or any(
        (p.is_person or not person) and set(words) & set(p.name.split()) for p in people
    ):
        return True
    # Capitals and the words that join them only ("L'Élysée", "la Banque de France").
    return not person and all(w[:1].isupper() or w.lower() in NAME_GLUE for w in words)


def _may_speak(subject: sp.SpeakerMention | None, text: str) -> TypeGuard[sp.SpeakerMention]:
    """Whether a sentence's subject is one a later "il" or "elle" of a cue can stand for: "le sort
    des entreprises" in "De ce plan dépend le sort des entreprises, « … », a-t-il ajouté" is not
    (coreference.may_assert), and does not hide the speaker named before it."""
    return subject is not None and co.may_assert(text[subject.start : subject.end])


def _subject(mention: sp.SpeakerMention, name: str | None) -> co.Subject:
    """A subject met, with whether it is a body: "il" after "Le club de X a annoncé le départ de son
    entraîneur, Y" is Y (coreference.resolve_pronoun)."""
    body = mention.kind == "organisation" or (name is not None and _BODY_NAME.match(name) is not None)
    return co.Subject(mention.start, name, mention.gender, body)


# How many sentences of narration a quote standing alone may follow its speaker's last quote by.
MAX_NARRATION_SENTENCES = Settings.quote_narration_sentences


def _narration_between(
    text: str, tokens: list, previous_end: int, first: int, people: list[co.Person], speaker: str
) -> bool:
    """Whether the words between the last quote and this one are at most MAX_NARRATION_SENTENCES
    sentences, after the last quote's own, that name no person but its speaker, outside quotes, and
    whether this quote's own sentence is its paragraph's first."""
    if previous_end < 0 or first <= previous_end:
        return False
    told = tokens[previous_end].sentence
    sentences = {
        t.sentence for t in tokens[previous_end + 1 : first] if t.kind == "word" and t.sentence != told
    }
    if not sentences or len(sentences) > MAX_NARRATION_SENTENCES:
        return False
    return not _someone_else_named(text, tokens[previous_end].end, tokens[first].start, people, speaker)


def _someone_else_named(
    text: str, start: int, end: int, people: list[co.Person], speaker: str | None
) -> bool:
    """Whether `text[start:end]` names, outside quotes, a person other than `speaker` (anyone, when
    None)."""
    quoted = [(m.start(), m.end()) for m in _QUOTED_WORDS.finditer(text, start, end)]
    others = [
        p
        for p in people
        if speaker is None or (p.name != speaker and not set(p.name.split()) <= set(speaker.split()))
    ]
    return any(co.written_between(text, start, end, p.name.split(), quoted) for p in others)


def _other_voice_between(
    text: str, doc: Doc, offset: int, start: int, lead: QuoteSegment, people: list[co.Person]
) -> bool:
    """Whether, between the last quote (ending at `start`) and this one, the quote's sentence
    names someone and holds a finite reporting cue: "« … », tandis qu'El Pais, son concurrent,
    souligne un « avant et un après »" is El Pais's, not the last speaker's carried on."""
    if start >= lead.region_start or not _someone_else_named(text, start, lead.region_start, people, None):
        return False
    return any(
        start <= offset + t.idx < lead.region_start and is_quote_cue(t) and "Fin" in t.morph.get("VerbForm")
        for t in doc
    )


def _reported_after(doc: Doc, offset: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """Whether the quote's sentence has a reporting cue after the quote, outside quotes."""
    return any(
        offset + t.idx >= end and not any(a <= offset + t.idx < b for a, b in regions) and is_quote_cue(t)
        for t in doc
    )


# A sentence that opens on a noun of speech ("La phrase lancée par X", "Ces propos, tenus par X").
_SPEECH_OPENING = re.compile(
    r"[ \u00a0]*(?:La|Le|Les|Cette|Ce|Ces)[ \u00a0]+(?:phrase|propos|déclaration|mots|formule|paroles?)\b"
)


_QUOTED_WORDS = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def _continuing(doc: Doc, offset: int, regions: list[tuple[int, int]]) -> bool:
    """Whether the quote's sentence has a cue that says its speaker goes on ("poursuivre",
    "ajouter": data/reporting_verbs.toml's `continuing`), outside the quoted words."""
    continuing = set(reporting_data("fr")["continuing"])
    return any(
        lemma_of(t) in continuing and not any(a <= offset + t.idx < b for a, b in regions)
        for t in doc
        if t.pos_ in ("VERB", "AUX")
    )


def _contrasted(masked: str, span: tuple[int, int]) -> bool:
    """Whether the quote's sentence, its quoted words blanked, sets its speaker against another
    ("de son côté", "pour sa part": data/reporting_verbs.toml)."""
    return _contrastive().search(masked, span[0], span[1]) is not None


@cache
def _contrastive() -> re.Pattern[str]:
    phrases = (r"\s+".join(map(re.escape, p.split())) for p in reporting_data("fr")["contrastive"])
    return re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)", re.IGNORECASE)


def _offered(
    doc: Doc, offset: int, region: tuple[int, int], regions: list[tuple[int, int]], text: str
) -> list[sp.Offered]:
    """The mentions the parse offers for a quote, a role given the name set beside it."""
    offered = sp.offered_mentions(doc, offset, region, regions)
    return [replace(o, mention=with_apposed_name(o.mention, text)) for o in offered]


def _signature(
    norm: str, segments: list[QuoteSegment], members: list[int], people: list[co.Person]
) -> tuple[sp.SpeakerMention, str | None] | None:
    """A quote that is a paragraph of its own, signed on the next line in capitals ("JEAN DUPONT,
    MAIRE DE …"): the signature's first part is the mention; its speaker the person the article
    names so, else the signature's two or three words, else no one (a long caption is no name)."""
    tail = segments[members[-1]]
    if not paragraph_of_its_own(norm, segments, members):
        return None
    line_start = norm.find("\n", tail.region_end)
    if line_start < 0:
        return None
    line_start += 1
    line = paragraph_at(norm, line_start)
    if not caps_line(line):
        return None
    signed = line.split(",")[0].strip(SPACES)
    start = line_start + line.index(signed)
    mention = sp.SpeakerMention(start, start + len(signed), "name", "")
    named = [p.name for p in people if p.name.upper() in signed.upper()]
    if named:
        name = max(named, key=len)
        return mention, name.title() if name.isupper() else name
    if 2 <= len(signed.split()) <= 3:
        return mention, signed.title()
    return replace(mention, kind="indefinite"), None


def _lead_in(norm: str, lead: QuoteSegment) -> bool:
    """Whether the quote's line opens on a few words and a colon before it ("Ou « à moitié » : « … »"),
    no clause that could name a speaker."""
    line_start = norm.rfind("\n", 0, lead.region_start) + 1
    before = _QUOTED_WORDS.sub(" ", norm[line_start : lead.region_start]).strip(SPACES)
    return before.endswith(":") and len(before[:-1].split()) <= 2


def _title_line(norm: str, lead: QuoteSegment) -> bool:
    """Whether the quote's paragraph is a title: one short line that ends on no full stop."""
    line = paragraph_at(norm, lead.start).strip(SPACES)
    return 0 < len(line.split()) <= MAX_TITLE_WORDS and line[-1:] not in ".!?…:"


# A line of more words than this is a paragraph, not a title or a subheading.
MAX_TITLE_WORDS = 15


def _headings_said(found: list[QuoteMention], headings: list[int]) -> list[QuoteMention]:
    """A quote set as a heading is said by whoever the article quotes saying its words (the press
    repeats a quote of the text in its subheadings); with no such quote, by no one."""
    for h in headings:
        words = _folded(found[h].text)
        said = [q for q in found if q.speaker and q is not found[h] and words in _folded(q.text)]
        if said and len({q.speaker for q in said}) == 1:
            own = found[h].speaker_start is not None  # "LES VERTS POUR « … »": the heading's own words
            found[h] = replace(
                found[h],
                speaker=said[0].speaker,
                speaker_start=found[h].speaker_start if own else said[0].speaker_start,
                speaker_end=found[h].speaker_end if own else said[0].speaker_end,
            )
    return found


# "LES VERTS POUR « … »", "Les syndicats contre « … »": a title's noun phrase before "pour" or "contre"
# and the quote is who the title gives the words to.
_TITLE_FOR = re.compile(r"(?P<np>[^\W\d_][^:«»\n]{1,40}?)[ \u00a0]+(?i:pour|contre)[ \u00a0]*$")


def _folded(words: str) -> str:
    return " ".join(re.findall(r"\w+", words.casefold()))


# "« Quand ils sont descendus, a-t-elle poursuivi, la confusion a été totale »", "« Cela …, se
# désole-t-il. »": a verb with an inverted pronoun set between commas inside a quote is its cue.
# A pattern on the text, since a long quote's words are blanked before parsing (the parser's time).
_INCISE = re.compile(
    r",[ \u00a0]+(?:(?:se|s['’])[ \u00a0]?)?(?:[^\W\d_]+-t-|[^\W\d_]+-)(il|elle|ils|elles)"
    r"(?:[ \u00a0]+[^\W\d_]+){0,2}[ \u00a0]*[,.]"
)


# "« Je suis surprise, souligne Frédérique Rollet, du Snes, mais … »": a cue and a name between
# commas inside the quote; also closing a sentence of it, the cue in a past tense, the name after
# its role ("… choses, raconte son amie Anne-Sophie de la Roche. Il n'y a … »").
_INCISE_NAME = re.compile(
    r",[ \u00a0]+(?:(?:a|avait|aurait)[ \u00a0]+)?([^\W\d_]+)[ \u00a0]+"
    r"(?:(?:(?:son|sa|leur|le|la)[ \u00a0]|l['’])[^\W\d_A-Z][\w-]*(?:[ \u00a0][^\W\d_A-Z][\w-]*)?[ \u00a0])?"
    rf"((?:M\.[ \u00a0]|Mme[ \u00a0])?{co.NAME_WORD}"
    rf"(?:[ \u00a0](?:{PARTICLE}[ \u00a0]){{0,2}}{co.NAME_WORD})+)[ \u00a0]*[,.]"
)


# "« Pourtant, assure un analyste parisien, le contrôle … »", "« Cette décision, a commenté
# l'avocate de la famille, Me Sandrine Poli, est … »": a cue, perhaps after its auxiliary, and a
# described speaker (the name set beside it is read later, as for any role).
_INCISE_PHRASE = re.compile(
    r",[ \u00a0]+(?:(?:a|avait|aurait|ont|avaient)[ \u00a0]+)?([^\W\d_]+)[ \u00a0]+"
    r"((?:un|une|le|la|l['’]|son|sa|leur)[ \u00a0]?[^\W\d_A-Z][\w-]*"
    r"(?:[ \u00a0][^\W\d_A-Z][\w'’-]*){0,3})[ \u00a0]*,"
)


def _incise(text: str, segments: list[QuoteSegment], members: list[int]) -> sp.SpeakerMention | None:
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
            kind = "indefinite" if wording.split()[0].lower() in INDEFINITE else "role"
            if kind == "role" and not co.is_role(wording):
                kind = "organisation"
            return sp.SpeakerMention(described.start(2), described.end(2), kind, co.gender_of(wording))
    return None


def _parsed(
    masked: str, spans: list[tuple[int, int]], docs: dict[tuple[int, int], Doc]
) -> dict[tuple[int, int], Doc]:
    """`docs` with the parses of the given spans of the (masked) text added."""
    return docs | dict(zip(spans, sp.parse([masked[a:b] for a, b in spans]), strict=True))


def _pronoun(mention: sp.SpeakerMention | None) -> bool:
    return mention is not None and mention.kind == "pronoun"


def _quote_mentions(
    text: str, segments: list[QuoteSegment], members: list[int], speaker: str | None, mention: object
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


def _masked(text: str, segments: list[QuoteSegment]) -> str:
    """The text with each long quote's words blanked out but one ("« Cela     »"), offsets kept:
    who said a quote is read around it, and parsing its words would be most of the parser's time."""
    out = list(text)
    for seg in segments:
        if len(text[seg.start : seg.end].split()) > MAX_PARSED_QUOTE_WORDS:
            out[seg.start : seg.end] = "Cela" + " " * (seg.end - seg.start - 4)
    return "".join(out)


def _clause(doc: Doc, offset: int, lead: QuoteSegment) -> bool:
    """Whether the quoted words hold a verb: a statement, not a term set in quotes (a long quote,
    left unparsed, always is)."""
    inside = [t for t in doc if lead.start <= offset + t.idx < lead.end]
    if inside and inside[0].text == "Cela" and lead.end - lead.start > len(inside[0].text) + 1:
        return True
    return any(t.pos_ in ("VERB", "AUX") for t in inside)
