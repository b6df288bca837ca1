"""The mention ranker's machinery: the candidates find_quotes gathers for a French quote when asked
to, and how a ranker picks among them (bench/train_speaker_ranker.py weighs it against the rules)."""

from __future__ import annotations

import math

from recoupe.extract import mention_ranker as mr
from recoupe.extract.quotes import find_quotes

CALL = (
    "Le président russe Vladimir Poutine s'est entretenu vendredi avec le président chinois Xi Jinping.\n"
    "« Nous visons à renforcer l'interaction entre nos armées », a déclaré le chef du Kremlin.\n"
    "« Cette coopération est un facteur de stabilité. »\n"
)


def gathered(text: str) -> list[tuple[mr.QuoteContext, list[mr.Candidate]]]:
    """Each French quote's context and candidates, the rules choosing."""
    seen: list[tuple[mr.QuoteContext, list[mr.Candidate]]] = []

    def record(context: mr.QuoteContext, found: list[mr.Candidate]) -> mr.Candidate | None:
        seen.append((context, found))
        return mr.rules_choice(context, found)

    find_quotes(text, "fr", speaker_choice=record)
    return seen


def words(text: str, candidate: mr.Candidate) -> str:
    return text[candidate.mention.start : candidate.mention.end]


def test_the_rules_choosing_among_the_candidates_give_what_find_quotes_gives_without_them() -> None:
    assert find_quotes(CALL, "fr", speaker_choice=mr.rules_choice) == find_quotes(CALL, "fr")


def test_the_inverted_subject_of_the_cue_is_a_candidate_resolved_as_the_rules_resolve_it() -> None:
    context, found = gathered(CALL)[0]
    chief = next(c for c in found if words(CALL, c) == "le chef du Kremlin")
    assert chief.name == "Vladimir Poutine"
    assert chief.features["cue_inverted"] == 1.0 and chief.features["rules"] == 1.0
    assert chief.features["after_quote"] == 1.0 and chief.features["kind_role"] == 1.0
    assert context.rules[1] == "Vladimir Poutine"


def test_a_quote_with_no_cue_of_its_own_offers_the_previous_speaker_one_paragraph_away() -> None:
    context, found = gathered(CALL)[1]
    assert context.previous_near
    previous = next(c for c in found if c.features.get("previous"))
    assert words(CALL, previous) == "le chef du Kremlin"
    assert previous.features["no_cue"] == 1.0 and previous.features["previous_alone"] == 1.0


def test_a_ranker_takes_the_likeliest_candidate() -> None:
    weights = dict.fromkeys(mr.FEATURES, 0.0) | {"as_written": 5.0}  # prefers the bare "Kremlin"
    ranker = mr.SpeakerRanker(tuple(weights[f] for f in mr.FEATURES), -1.0)
    quotes = find_quotes(CALL, "fr", speaker_choice=mr.ranked_choice(ranker, 0.5))
    assert [q.speaker for q in quotes] == ["Kremlin", "Kremlin"]


def test_below_the_threshold_a_quote_keeps_the_rules_mention_and_no_name() -> None:
    ranker = mr.SpeakerRanker(tuple(0.0 for _ in mr.FEATURES), -3.0)  # every candidate at 0.047
    quotes = find_quotes(CALL, "fr", speaker_choice=mr.ranked_choice(ranker, 0.5))
    ruled = find_quotes(CALL, "fr")
    assert [q.speaker for q in quotes] == [None, None]
    assert [q.speaker_start for q in quotes] == [q.speaker_start for q in ruled]
    assert [q.speaker_end for q in quotes] == [q.speaker_end for q in ruled]


def test_the_probability_is_the_logistic_of_the_weighted_features() -> None:
    ranker = mr.SpeakerRanker(tuple(2.0 if f == "named" else 0.0 for f in mr.FEATURES), -1.0)
    candidate = mr.Candidate(gathered(CALL)[0][1][0].mention, "Vladimir Poutine", {"named": 1.0})
    assert math.isclose(ranker.probability(candidate), 1 / (1 + math.exp(-1.0)))
