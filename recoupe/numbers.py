"""How recoupe writes a number for a reader, the same in every output (Markdown, HTML, web).

One rule per output language: French groups thousands with a narrow no-break space and writes a
decimal comma ("1 700", "13,8", "13 800 000 000"); English groups with commas and writes a decimal
point ("1,700", "13.8"). A value is written exactly as found, never rounded: the figure finder
reads every written number back to the same value (tests/extract/test_number_properties.py).
"""

from __future__ import annotations

NARROW_NO_BREAK_SPACE = "\u202f"


def format_number(value: int | float, language: str | None) -> str:
    """A number as the output language writes it: "13,8" and "1 700" in French, "13.8" and
    "1,700" in English (any other language or none: the English form)."""
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.15g}"
    if language == "fr":
        return text.replace(",", NARROW_NO_BREAK_SPACE).replace(".", ",")
    return text
