"""What single-text commands print (`recoupe dates`, `recoupe quotes`): a JSON list or a table."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any


def spans_json(items: list[Any]) -> str:
    """A JSON list of dataclasses (offsets and values), as the scorers read it."""
    return json.dumps([asdict(item) for item in items], ensure_ascii=False, indent=1) + "\n"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        return value.replace("|", "/").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
