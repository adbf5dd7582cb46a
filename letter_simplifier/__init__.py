"""letter-simplifier: explains Dutch government letters in plain Dutch.

The way through (see DESIGN.md): ingest -> analyse -> explain -> render.
"""

from pathlib import Path

__version__ = "0.1.0"

# Data folders that live at the project's top level (term files, templates).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_DIR = PROJECT_ROOT / "glossary"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
DATA_DIR = Path(__file__).resolve().parent / "data"
