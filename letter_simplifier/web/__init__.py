"""The Flask surface: one blueprint per area, all thin over the library.

`app.py` at the top level holds `create_app()`; each area registers itself in
`BLUEPRINTS` below.
"""

from __future__ import annotations

from .letters import api_bp as letters_api_bp
from .letters import bp as letters_bp

BLUEPRINTS = [letters_bp, letters_api_bp]
