"""Who said what, arranged for reading: every speaker, the most quoted first, no quote left out.

Shared by the Markdown dossier, the HTML dossier and the web app's story page. A story of a
call between two leaders quotes one of them six times in one report and the other twice in
three: both must show. So quotes are grouped by speaker; speakers come in order of how much the
story quotes them (wordings, every article's counted), then of how many articles quote them;
within a speaker, statements several articles carry come first, and the rest are folded — shown
on demand, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.model import Quote


@dataclass(frozen=True)
class SpeakerQuotes:
    """One speaker's statements: those to show first, and those to fold."""

    speaker: str | None  # the story entity; None when no entity could be tied to the quotes
    mention: str | None  # for an unidentified speaker, how the text names them ("un porte-parole")
    shown: list[Quote]
    folded: list[Quote]

    @property
    def quotes(self) -> list[Quote]:
        return self.shown + self.folded

    @property
    def label(self) -> str:
        if self.speaker:
            return self.speaker
        return f"{self.mention} (not identified)" if self.mention else "Speaker not identified"

    @property
    def articles(self) -> list[str]:
        """The articles quoting this speaker, in story order."""
        return list(dict.fromkeys(a for quote in self.quotes for a in quote.articles))


def quotes_by_speaker(quotes: list[Quote]) -> list[SpeakerQuotes]:
    """The story's quotes by speaker, speakers by how much and how widely they are quoted.

    Identified speakers come first, then unidentified ones by their mention as written ("le
    porte-parole de l'armée"), then quotes with no speaker at all: a name the story cannot vouch
    for is worth less than one it can, whatever the counts. Ties keep the order of first quote.
    """
    grouped: dict[tuple[int, str], list[Quote]] = {}
    for quote in quotes:
        grouped.setdefault(_speaker_key(quote), []).append(quote)
    groups = [_arranged(members) for members in grouped.values()]
    rank = {key: i for i, key in enumerate(grouped)}

    def order(key: tuple[int, str]) -> tuple[int, int, int, int]:
        members = grouped[key]
        wordings = sum(len(q.variants) or 1 for q in members)
        articles = len({a for q in members for a in q.articles})
        return (key[0], -wordings, -articles, rank[key])

    by_key = dict(zip(grouped, groups, strict=True))
    return [by_key[key] for key in sorted(grouped, key=order)]


def _speaker_key(quote: Quote) -> tuple[int, str]:
    """(0, entity) for an identified speaker, (1, mention folded) for an unidentified one, (2, '')
    for none."""
    if quote.speaker:
        return (0, quote.speaker)
    if quote.speaker_mention and (folded := " ".join(quote.speaker_mention.casefold().split())):
        return (1, folded)
    return (2, "")


def _arranged(members: list[Quote]) -> SpeakerQuotes:
    """Statements several articles carry first (the most carried first); a speaker no two
    articles quote alike shows their longest statement (a fragment such as « facteur de
    stabilisation » says less out of its sentence). The rest, in story order, folded."""
    several = sorted((q for q in members if len(q.articles) > 1), key=lambda q: -len(q.articles))
    shown = several or [max(members, key=lambda q: len(q.text.split()))]
    folded = [q for q in members if not any(q is s for s in shown)]
    first = members[0]
    return SpeakerQuotes(first.speaker, None if first.speaker else first.speaker_mention, shown, folded)
