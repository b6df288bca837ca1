"""recoupe: turn a pile of news articles into cross-checked story dossiers."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recoupe.model import Brief
    from recoupe.settings import Settings

try:
    __version__ = version("recoupe")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__", "brief"]


def brief(paths: list[str], settings: Settings | None = None) -> Brief:
    """Read articles from files or folders and return their `Brief`."""
    from recoupe.pipeline import build_brief

    return build_brief(paths, settings).brief
