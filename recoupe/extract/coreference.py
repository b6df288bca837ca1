"""Who a speaker mention is: the person an article names that a pronoun or a role noun stands for.

A mention resolves only by what the text establishes, never to the nearest name. The work is
split by what each part reads, and callers (the speaker finders, the claimants, the quote
reconciler) take it all from here:
- mention_kinds.py: what a wording's own words say it is: a role with its country and office, an
  institution, a body, a document, a noun of speakers, whether it may assert, its gender;
- people.py: the people an article names, merged by surname, with the roles set beside their
  names, and the name apposed to a role wording;
- pronouns.py: a pronoun or "ce dernier" → the last subject of its gender, or the last person
  named, when no one else the text names stands between;
- noun_referents.py: a role noun, a demonym or a demonstrative → the one person set beside a
  compatible role; a body noun → the body named with it; a document → its author.
"""

from __future__ import annotations

from recoupe.extract.mention_kinds import (
    gender_of,
    is_body_noun,
    is_document,
    is_institution,
    is_role,
    may_assert,
    name_gender,
)
from recoupe.extract.noun_referents import (
    body_named_as,
    body_opening,
    continued_by,
    document_author,
    last_named_body,
    named_body,
    names_a_thing,
    resolve_demonstrative,
    resolve_demonym,
    resolve_role,
    resolve_to_protagonist,
    seat_named,
    spokesperson_of,
)
from recoupe.extract.people import (
    CAPITALISED_WORD,
    HONORIFICS,
    NAME_WORD,
    Person,
    apposed_name,
    apposed_name_span,
    full_name,
    headline_person,
    people_in,
)
from recoupe.extract.pronouns import Subject, is_latter, resolve_latter, resolve_pronoun, written_between

__all__ = [
    "CAPITALISED_WORD",
    "HONORIFICS",
    "NAME_WORD",
    "Person",
    "Subject",
    "apposed_name",
    "apposed_name_span",
    "body_named_as",
    "body_opening",
    "continued_by",
    "document_author",
    "full_name",
    "gender_of",
    "headline_person",
    "is_body_noun",
    "is_document",
    "is_institution",
    "is_latter",
    "is_role",
    "last_named_body",
    "may_assert",
    "name_gender",
    "named_body",
    "names_a_thing",
    "people_in",
    "resolve_demonstrative",
    "resolve_demonym",
    "resolve_latter",
    "resolve_pronoun",
    "resolve_role",
    "resolve_to_protagonist",
    "seat_named",
    "spokesperson_of",
    "written_between",
]
