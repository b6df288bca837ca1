"""The local web app (`recoupe serve`): a read-only, server-rendered view of a story database."""

from recoupe.web.app import create_app

__all__ = ["create_app"]
