"""recoupe's vocabularies and rules, kept as data files beside this module."""

from __future__ import annotations

from importlib.resources import files


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def variant_rows(name: str) -> list[tuple[str, list[str]]]:
    """Rows of a 'canonical<TAB>variant|variant|…' table; '#' lines are comments."""
    rows = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        rows.append((canonical.strip(), [v.strip() for v in variants.split("|") if v.strip()]))
    return rows
