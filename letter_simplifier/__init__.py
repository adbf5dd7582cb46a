"""letter-simplifier: explains Dutch government letters in plain Dutch.

The way through (see DESIGN.md): ingest -> analyse -> explain -> render.
"""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# The term files, the page templates and the web app's static files live at the
# project's top level (glossary/, templates/, static/), where maintainers edit
# them. A wheel carries copies inside the package (`shipped/`, made by setup.py).
PROJECT_ROOT = PACKAGE_DIR.parent
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "templates").is_dir()
SHIPPED_DIR = PACKAGE_DIR / "shipped"
_FOLDERS = PROJECT_ROOT if IN_CHECKOUT else SHIPPED_DIR
GLOSSARY_DIR = _FOLDERS / "glossary"
TEMPLATES_DIR = _FOLDERS / "templates"
STATIC_DIR = _FOLDERS / "static"
# Feedback and the glossary database: beside the checkout, or in the working folder.
INSTANCE_DIR = (PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / "instance"
