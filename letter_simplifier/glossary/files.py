"""Write the term files in one canonical form, so that a diff shows only what
changed: one file per category, entries sorted by term (case and accents
ignored), the eight fields always in the schema's order, one line each.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from .store import Glossary, GlossaryEntry, entry_to_dict

TITLES = {
    "ambtelijke_taal": "ambtelijke taal (deftige woorden uit brieven, met een gewoon woord ervoor)",
}
HEADER = ("# Woordenlijst: {title}\n"
          "# Eén [[term]] per woord. Lees glossary/README.md voor de regels.\n")


def sort_key(entry: GlossaryEntry) -> tuple[str, str]:
    folded = unicodedata.normalize("NFKD", entry.term.casefold())
    return ("".join(ch for ch in folded if not unicodedata.combining(ch)), entry.term)


def toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string for everything in a term file
    # (TOML has no "\/" escape, and json.dumps never writes one).
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def toml_value(value) -> str:
    if isinstance(value, str):
        return toml_string(value)
    return "[" + ", ".join(toml_string(item) for item in value) + "]"


def render_entry(entry: GlossaryEntry) -> str:
    lines = ["[[term]]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in entry_to_dict(entry).items()]
    return "\n".join(lines) + "\n"


def render_category(category: str, entries: list[GlossaryEntry]) -> str:
    title = TITLES.get(category, category.replace("_", " "))
    blocks = [render_entry(entry) for entry in sorted(entries, key=sort_key)]
    return HEADER.format(title=title) + "".join("\n" + block for block in blocks)


def render_files(glossary: Glossary) -> dict[str, str]:
    """File name -> text, one file per category that has entries."""
    by_category: dict[str, list[GlossaryEntry]] = {}
    for entry in glossary.entries:
        by_category.setdefault(entry.category, []).append(entry)
    return {f"{category}.toml": render_category(category, entries)
            for category, entries in sorted(by_category.items())}


def write_files(glossary: Glossary, folder: Path) -> list[str]:
    """Write the files; returns the names of files whose text changed. A term
    file of a category that no longer has entries is removed."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = render_files(glossary)
    changed = []
    for name, text in texts.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for path in sorted(folder.glob("*.toml")):
        if path.name not in texts:
            path.unlink()
            changed.append(path.name)
    return changed
