"""Shim for gunicorn and old scripts: the app lives in letter_simplifier.web."""

from letter_simplifier.web import create_app

__all__ = ["create_app"]
