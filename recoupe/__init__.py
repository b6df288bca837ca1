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


def brief(paths: list[str], settings: Settings | None = None, *, workers: int = 1) -> Brief:
    """Read articles from files or folders and return their `Brief` (the stories `recoupe ingest`
    would store). `workers` > 1 prepares articles in that many processes, the same brief; the
    calling script must then start under `if __name__ == "__main__":` (they are spawned)."""
    from recoupe.pipeline import build_brief

    return build_brief(paths, settings, workers=workers).brief
