"""The Flask surface: one blueprint per area, all thin over the library.

`create_app()` (app.py) builds the app from them; gunicorn serves
`letter_simplifier.web:create_app()` (or the top-level `app:create_app()` shim).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
