"""Shared test helpers: the repository root and the optional ../shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def shared() -> Path:
    """../shared, or a clean skip where it is absent."""
    if not (SHARED / "samples").is_dir():
        pytest.skip("../shared is absent")
    return SHARED
