"""Which of the mentions around a French quote spoke it, or none: a learned choice over the parse,
weighed against the speaker rules (speakers.py, french_quotes.py) by bench/train_speaker_ranker.py.

The parse offers every mention that could be a quote's speaker (speakers.offered_mentions: the
subjects of the reporting cues around it, inverted too, "selon X", a colon's head, the names and
subject pronouns of its sentence, that sentence's subject), the sentence before adds its subject
and names when it was parsed, and the previous quote's speaker and the rules' answer join them;
each is resolved to a name as the rules resolve theirs and described by syntax and position
(FEATURES). A logistic regression over those features picks one; below a probability its name is
dropped. find_quotes gathers candidates only when given a `speaker_choice`: under 5-fold
cross-validation by file no ranker beat the rules, on fr-quotes-dev's 40 files nor on 98 real
articles (bench/README.md: it only trades names for precision), so recoupe keeps the rules and
the ranker stays the bench's. Most wrong names are resolution errors (who a pronoun or role is)
that no choice among these mentions fixes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from recoupe.extract.speakers import Offered, SpeakerMention

# The columns of the model, in the order of SpeakerRanker.coefficients.
FEATURES: tuple[str, ...] = (
    "rules",  # the rules' answer
    "rules_name",  # resolves to the name the rules' answer resolves to
    "rules_silent",  # the rules found no mention for this quote
    "rules_unnamed",  # the rules found a mention but no name for it
    "cue_subject",
    "cue_inverted",
    "selon",
    "colon",
    "name",
    "pronoun",
    "sentence_subject",
    "previous",  # the previous quote's speaker
    "previous_near",  # ... and nothing but one paragraph break between the two quotes
    "prior_subject",  # the subject of the sentence before
    "prior_name",  # a name in the sentence before
    "cue_governs",  # a cue whose subject it is holds the quote in its clause
    "cue_before",  # that cue stands before the quote
    "kind_name",
    "kind_role",
    "kind_pronoun",
    "kind_organisation",
    "kind_indefinite",
    "named",  # resolves to a name
    "person",  # resolves to a person the article names with a first name and surname
    "plural",
    "before_quote",
    "after_quote",
    "inside_quote",
    "distance",  # log(1 + characters between the mention and the quote)
    "dep_subject",
    "dep_object",
    "dep_oblique",
    "dep_apposition",
    "offers",  # how many ways the mention was offered, log(1 + n)
    "rivals",  # how many other mentions resolve to another name, log(1 + n)
    "no_cue",  # the quote's own sentence has no reporting cue with a subject
    "previous_alone",  # the previous quote's speaker, one paragraph away, and no cue here
    "adjacent",  # within 25 characters of the quote ("», a déclaré X", "X : « … »")
    "pronoun_resolved",  # a pronoun the text resolves to someone
    "organisation_named",  # an organisation or a phrase given a name as written
    "person_of_cue",  # a person the article names, subject of a cue that holds the quote
    "pronoun_to_other",  # a pronoun resolved to no person the article names in full
    "gender_clash",  # a "il" or "elle" resolved to a person the text gives the other gender
    "as_written",  # its name is its own words ("la CGT", "le club"), not a person's
)


@dataclass
class Candidate:
    """One mention that may have spoken a quote, who it resolves to, and what the model reads of it."""

    mention: SpeakerMention
    name: str | None
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SpeakerRanker:
    """A logistic regression over FEATURES."""

    coefficients: tuple[float, ...]
    intercept: float

    def probability(self, candidate: Candidate) -> float:
        z = self.intercept + sum(
            c * candidate.features.get(f, 0.0) for c, f in zip(self.coefficients, FEATURES, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class QuoteContext:
    """What the candidates of one quote are weighed against."""

    quote: tuple[int, int]  # the quote's span, marks included
    rules: tuple[SpeakerMention | None, str | None]  # the rules' mention and name
    previous: tuple[SpeakerMention | None, str | None]  # the previous quote's
    previous_near: bool  # one paragraph break at most between the two quotes
    people: dict[str, str]  # the people the article names in full: name → gender ("m", "f", "")


def candidates(
    own: list[Offered],
    prior: list[Offered],
    context: QuoteContext,
    resolve: Callable[[SpeakerMention], str | None],
) -> list[Candidate]:
    """The quote's candidates, one per distinct span: what its own sentence's parse offers, the
    subject and names of the sentence before (`prior`, when it was parsed), the previous quote's
    speaker and the rules' answer, each resolved with `resolve`."""
    by_span: dict[tuple[int, int], Candidate] = {}

    def add(
        mention: SpeakerMention, how: str, name: str | None = None, offered: Offered | None = None
    ) -> None:
        key = (mention.start, mention.end)
        if key not in by_span:
            by_span[key] = Candidate(mention, name if name is not None else resolve(mention))
        features = by_span[key].features
        features[how] = 1.0
        features["offers"] = features.get("offers", 0.0) + 1.0
        if offered is not None and offered.cue:
            features["cue_governs"] = max(features.get("cue_governs", 0.0), float(offered.governs))
            features["cue_before"] = max(features.get("cue_before", 0.0), float(offered.how == "cue_subject"))
        if offered is not None and offered.dep:
            dep = _dep_feature(offered.dep)
            if dep:
                features[dep] = 1.0

    rule_mention, rule_name = context.rules
    if rule_mention is not None:
        add(rule_mention, "rules", rule_name)
    for offered in own:
        add(offered.mention, offered.how, offered=offered)
    for offered in prior:
        if offered.how in ("sentence_subject", "cue_subject"):
            add(offered.mention, "prior_subject", offered=offered)
        elif offered.how == "name":
            add(offered.mention, "prior_name", offered=offered)
    previous_mention, previous_name = context.previous
    if previous_mention is not None:
        add(previous_mention, "previous", previous_name)
        if context.previous_near:
            by_span[(previous_mention.start, previous_mention.end)].features["previous_near"] = 1.0
    found = list(by_span.values())
    for candidate in found:
        _describe(candidate, context, found)
    return found


def _dep_feature(dep: str) -> str:
    if dep.startswith("nsubj"):
        return "dep_subject"
    if dep in ("obj", "iobj"):
        return "dep_object"
    if dep.startswith(("obl", "nmod")):
        return "dep_oblique"
    return "dep_apposition" if dep == "appos" else ""


def _describe(candidate: Candidate, context: QuoteContext, found: list[Candidate]) -> None:
    """The features of a candidate that do not depend on how it was offered."""
    f, m, (start, end) = candidate.features, candidate.mention, context.quote
    rule_mention, rule_name = context.rules
    f["rules_name"] = float(candidate.name is not None and candidate.name == rule_name)
    f["rules_silent"] = float(rule_mention is None)
    f["rules_unnamed"] = float(rule_mention is not None and rule_name is None)
    for kind in ("name", "role", "pronoun", "organisation", "indefinite"):
        f[f"kind_{kind}"] = float(m.kind == kind)
    f["named"] = float(candidate.name is not None)
    f["person"] = float(candidate.name in context.people)
    f["plural"] = float(m.gender == "p")
    f["before_quote"] = float(m.end <= start)
    f["after_quote"] = float(m.start >= end)
    f["inside_quote"] = float(start <= m.start < end)
    gap = start - m.end if m.end <= start else max(0, m.start - end)
    f["distance"] = math.log1p(gap)
    f["offers"] = math.log1p(f.get("offers", 0.0))
    rivals = {c.name for c in found if c.name is not None and c.name != candidate.name}
    f["rivals"] = math.log1p(len(rivals))
    f["no_cue"] = float(
        not any(c.features.get("cue_subject") or c.features.get("cue_inverted") for c in found)
    )
    f["previous_alone"] = f["no_cue"] * f.get("previous_near", 0.0)
    f["adjacent"] = float(gap <= 25)
    f["pronoun_resolved"] = f["kind_pronoun"] * f["named"]
    f["organisation_named"] = f["kind_organisation"] * f["named"]
    f["person_of_cue"] = f["person"] * f.get("cue_governs", 0.0)
    f["pronoun_to_other"] = f["pronoun_resolved"] * (1.0 - f["person"])
    known = context.people.get(candidate.name or "", "")
    f["gender_clash"] = float(m.gender in ("m", "f") and known in ("m", "f") and known != m.gender)
    f["as_written"] = f["named"] * (1.0 - f["person"]) * (1.0 - f["kind_pronoun"])


def likeliest(found: list[Candidate], ranker: SpeakerRanker) -> tuple[Candidate | None, float]:
    """The likeliest candidate and its probability; no candidate: (None, 0)."""
    if not found:
        return None, 0.0
    scored = [(ranker.probability(c), c) for c in found]
    probability, best = max(scored, key=lambda pc: pc[0])
    return best, probability


# How find_quotes picks a French quote's speaker among its candidates: the candidate whose mention
# and name it gives (the name may be None), or None for no mention at all.
SpeakerChoice = Callable[[QuoteContext, list[Candidate]], Candidate | None]


def ranked_choice(ranker: SpeakerRanker, min_probability: float) -> SpeakerChoice:
    """The ranker's likeliest candidate; below `min_probability`, the rules' mention and no name."""

    def pick(context: QuoteContext, found: list[Candidate]) -> Candidate | None:
        best, probability = likeliest(found, ranker)
        if best is not None and probability < min_probability:
            # Unsure: no name, and the mention the rules read (the words the text points with).
            rules = rules_choice(context, found)
            return Candidate(rules.mention, None, rules.features) if rules is not None else None
        return best

    return pick


def rules_choice(context: QuoteContext, found: list[Candidate]) -> Candidate | None:
    """The rules' answer, as they give it without the ranker (bench/train_speaker_ranker.py compares)."""
    return next((c for c in found if c.features.get("rules")), None)
