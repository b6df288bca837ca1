"""How recoupe writes a number for a reader, the same in every output (Markdown, HTML, web).

One rule, the SI one (ISO 80000-1), read alike in French and English: thousands are grouped by a
narrow no-break space, never by a comma or a point ("1 700", "13 800 000 000"), and the decimal
mark is the output language's: a point in English ("13.8"), a comma in French ("13,8"). The
dossiers are written in English, so they print "13.8" whatever the language of the article the
value comes from. A value is written exactly as found, never rounded: the figure finder reads
every number written this way back to the same value (tests/extract/test_number_properties.py).
"""

from __future__ import annotations

NARROW_NO_BREAK_SPACE = "\u202f"
# The language the Markdown and HTML dossiers are written in (their labels are English).
DOSSIER_LANGUAGE = "en"


def format_number(value: int | float, language: str | None = DOSSIER_LANGUAGE) -> str:
    """A number for a reader of `language`: "1 700" and "13.8" in English, "1 700" and "13,8" in
    French (narrow no-break space groups in both); any other language or none: the English form."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    elif abs(value) >= 1:
        # At most four decimals: a third of 200 is "66.6667", not "66.6666666666667".
        text = f"{value:,.4f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.4g}"  # "0.3333", "0.00012"
    text = text.replace(",", NARROW_NO_BREAK_SPACE)
    return text.replace(".", ",") if language == "fr" else text


# Units written as English words (durations): plural past one ("3 days", "1 day").
_WORD_UNITS = frozenset({"year", "month", "week", "day"})


def format_amount(value: int | float, unit: str | None, language: str | None = DOSSIER_LANGUAGE) -> str:
    """A figure's value with its unit as the dossiers print it: "13 800 000 000 m³", "3 days"."""
    number = format_number(value, language)
    if not unit:
        return number
    plural = unit in _WORD_UNITS and float(value) != 1
    return f"{number} {unit}{'s' if plural else ''}"
