"""The Flask surface: one blueprint per area, all thin over the library.

`app.py` at the top level holds `create_app()`; each area registers itself in
`BLUEPRINTS` below.
"""

from __future__ import annotations

from .glossary_admin import bp as glossary_admin_bp
from .letters import api_bp as letters_api_bp
from .letters import bp as letters_bp
from .readability import api_bp as readability_api_bp
from .readability import bp as readability_bp

BLUEPRINTS = [letters_bp, letters_api_bp, glossary_admin_bp, readability_bp,
              readability_api_bp]
