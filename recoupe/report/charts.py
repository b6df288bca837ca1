"""The story's two charts as plain inline SVG: coverage over time by language, a disputed figure by source.

Every piece of text that comes from an article passes through `escape`: the SVG is inlined in pages.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from markupsafe import Markup, escape

from recoupe.model import Article, Claim
from recoupe.numbers import format_amount, format_number

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 12, 52
# Colour-blind-safe (Okabe–Ito); languages beyond the eighth reuse colours, the legend still tells them.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000")
MAX_DAY_BARS = 62  # a story spanning more days than this is counted per month
HOURLY_SPAN_DAYS = 2  # dated to the hour and within this many days: counted per hour
MAX_BAR_STEP = 48  # a story told on one or two days keeps bars of a readable width


def coverage_chart(articles: list[Article]) -> Markup:
    """Articles per day (per hour for a story told within two days) by language, as stacked bars."""
    buckets, counts, undated = _coverage_counts(articles)
    languages = sorted({lang for _, lang in counts})
    colour = {lang: PALETTE[i % len(PALETTE)] for i, lang in enumerate(languages)}
    peak = max((sum(counts[(b, lang)] for lang in languages) for b in buckets), default=0)
    step = min((WIDTH - LEFT - RIGHT) / max(len(buckets), 1), MAX_BAR_STEP)
    legend_w = 70 * len(languages) + (150 if undated else 0)
    # A story told on a few days gets a narrow chart rather than a wide empty one.
    width = max(round(LEFT + step * len(buckets) + RIGHT), LEFT + legend_w, 240)
    plot_h = HEIGHT - TOP - BOTTOM
    parts = [_svg_open("Articles over time, by language", width=width)]
    parts.append(_axis_y(peak, plot_h, width))
    every = max(1, len(buckets) // 8)  # at most about eight labels under the axis
    for i, bucket in enumerate(buckets):
        x = LEFT + i * step
        base = TOP + plot_h
        for lang in languages:
            n = counts[(bucket, lang)]
            if not n:
                continue
            h = plot_h * n / peak
            base -= h
            parts.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{base:.1f}" width="{step * 0.8:.1f}" height="{h:.1f}" '
                f'fill="{colour[lang]}"><title>{escape(bucket)} · {escape(lang)}: {n}</title></rect>'
            )
        if i % every == 0 or i == len(buckets) - 1:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle" '
                f'font-size="11">{escape(_short_bucket(bucket))}</text>'
            )
    legend_y = HEIGHT - 14
    for i, lang in enumerate(languages):
        x = LEFT + i * 70
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour[lang]}"/>')
        parts.append(f'<text x="{x + 14}" y="{legend_y}" font-size="11">{escape(lang)}</text>')
    if undated:
        parts.append(
            f'<text x="{width - RIGHT}" y="{legend_y}" text-anchor="end" font-size="11">'
            f"{undated} undated, not shown</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _coverage_counts(articles: list[Article]) -> tuple[list[str], Counter[tuple[str, str]], int]:
    """The time buckets in order (gaps filled), counts per (bucket, language), and the undated count."""
    stamps = [(a.published, a.language or "?") for a in articles if a.published and len(a.published) >= 10]
    undated = len(articles) - len(stamps)
    if not stamps:
        return [], Counter(), undated
    days = sorted(date.fromisoformat(p[:10]) for p, _ in stamps)
    span = (days[-1] - days[0]).days
    if span <= HOURLY_SPAN_DAYS and all(len(p) >= 13 and p[10] == "T" for p, _ in stamps):
        width = 13  # "2024-03-13T09"
        buckets = sorted({p[:width] for p, _ in stamps})
    elif span < MAX_DAY_BARS:
        width = 10
        buckets = [(days[0] + timedelta(d)).isoformat() for d in range(span + 1)]
    else:
        width = 7
        buckets = _months(days[0], days[-1])
    return buckets, Counter((p[:width], lang) for p, lang in stamps), undated


def _months(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _short_bucket(bucket: str) -> str:
    """'2024-03-13' → '03-13', '2024-03-13T09' → '13 09h': the year is in the story's date."""
    if len(bucket) == 10:
        return bucket[5:]
    if len(bucket) == 13:
        return f"{bucket[8:10]} {bucket[11:]}h"
    return bucket


def spread_chart(claim: Claim, source_of: dict[str, str]) -> Markup:
    """Each source's value for one figure, on one axis: the distance between the dots is the dispute."""
    points = sorted(
        {(source_of.get(a, a), v.value, v.unit or "") for v in claim.values for a in v.articles},
        key=lambda p: (p[1], p[0]),
    )
    sources = list(dict.fromkeys(p[0] for p in points))
    values = [p[1] for p in points] or [0]
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or max(abs(high) * 0.1, 1)
    low, high = low - pad, high + pad
    label_w, row_h = 180, 28
    height = TOP + row_h * len(sources) + 36
    plot_w = WIDTH - label_w - RIGHT - 40

    def x_of(value: float) -> float:
        return label_w + plot_w * (value - low) / (high - low)

    parts = [_svg_open(f"Values of the disputed figure by source: {claim.subject}", height)]
    for i, source in enumerate(sources):
        y = TOP + row_h * i + row_h / 2
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12">'
            f"{escape(_clip(source, 26))}<title>{escape(source)}</title></text>"
        )
        parts.append(
            f'<line x1="{label_w}" x2="{label_w + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
        )
    for source, value, unit in points:
        y = TOP + row_h * sources.index(source) + row_h / 2
        text = escape(format_amount(value, unit))
        parts.append(
            f'<circle cx="{x_of(value):.1f}" cy="{y:.1f}" r="6" fill="#d55e00">'
            f"<title>{escape(source)}: {text}</title></circle>"
            f'<text x="{x_of(value) + 10:.1f}" y="{y + 4:.1f}" font-size="11">{text}</text>'
        )
    axis_y = TOP + row_h * len(sources) + 4
    parts.append(f'<line x1="{label_w}" x2="{label_w + plot_w}" y1="{axis_y}" y2="{axis_y}" stroke="#555"/>')
    for value in (min(values), max(values)):
        parts.append(
            f'<text x="{x_of(value):.1f}" y="{axis_y + 16}" text-anchor="middle" font-size="11">'
            f"{escape(format_number(value))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _svg_open(label: str, height: int = HEIGHT, width: int = WIDTH) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
    )


def _axis_y(peak: int, plot_h: int, width: int) -> str:
    base = TOP + plot_h
    out = [f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{base}" y2="{base}" stroke="#555"/>']
    for n in sorted({0, peak}):
        y = base - (plot_h * n / peak if peak else 0)
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{n}</text>')
    return "".join(out)


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
