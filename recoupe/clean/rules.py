"""The chrome rules of data/chrome.toml, compiled once."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from recoupe.clean.agencies import agency_alternation
from recoupe.data import month_numbers, read_text
from recoupe.model import RemovalReason


@dataclass(frozen=True)
class ChromeRule:
    reason: RemovalReason
    pattern: re.Pattern[str]
    inline: bool
    max_words: int | None
    near: tuple[RemovalReason, ...]
    examples: tuple[str, ...]


def normalise_for_matching(line: str) -> str:
    """NFC, one kind of apostrophe and plain spaces, so patterns need not spell every variant."""
    line = unicodedata.normalize("NFC", line)
    return line.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


@cache
def chrome_rules() -> tuple[ChromeRule, ...]:
    raw = tomllib.loads(read_text("chrome.toml"))
    # Agency names stay case-sensitive inside case-insensitive rules: "AP" is not "ap".
    agencies = f"(?-i:{agency_alternation()})"
    # Month names from the one list (data/time_words.toml), longest first: "sept" after "septembre".
    months = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    return tuple(
        ChromeRule(
            reason=rule["reason"],
            pattern=re.compile(
                rule["pattern"].replace("{agency}", agencies).replace("{month}", months), re.IGNORECASE
            ),
            inline=rule.get("inline", False),
            max_words=rule.get("max_words"),
            near=tuple(rule.get("near", ())),
            examples=tuple(rule.get("examples", ())),
        )
        for rule in raw["rule"]
    )
