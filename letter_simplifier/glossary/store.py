"""Load and validate the term files (one TOML file per category)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import GLOSSARY_DIR
from ..errors import GlossaryFileError

REQUIRED = ("term", "variants", "plain", "alternative", "example", "category", "related", "source")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    plain: str
    category: str
    variants: tuple[str, ...] = ()
    alternative: str = ""
    example: str = ""
    related: tuple[str, ...] = ()
    source: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass
class Glossary:
    entries: list[GlossaryEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_term = {entry.term.lower(): entry for entry in self.entries}

    def get(self, term: str) -> GlossaryEntry | None:
        return self.by_term.get(term.lower())

    def __len__(self) -> int:
        return len(self.entries)


def entry_to_dict(entry: GlossaryEntry) -> dict:
    """The entry as in a term file, fields in the schema's order."""
    return {
        "term": entry.term,
        "variants": list(entry.variants),
        "plain": entry.plain,
        "alternative": entry.alternative,
        "example": entry.example,
        "category": entry.category,
        "related": list(entry.related),
        "source": entry.source,
    }


def entry_from_dict(raw: dict) -> GlossaryEntry:
    return parse_entry(raw, Path("<invoer>"))


def parse_entry(raw: dict, source: Path) -> GlossaryEntry:
    missing = [key for key in REQUIRED if key not in raw]
    if missing:
        raise GlossaryFileError(f"{source.name}: {raw.get('term', '?')}: missing {missing}")
    return GlossaryEntry(
        term=raw["term"].strip(),
        plain=raw["plain"].strip(),
        category=raw["category"],
        variants=tuple(v.strip() for v in raw["variants"] if v.strip()),
        alternative=raw["alternative"].strip(),
        example=raw["example"].strip(),
        related=tuple(raw["related"]),
        source=raw["source"].strip(),
    )


def load_raw(folder: Path) -> list[tuple[Path, dict]]:
    """Every [[term]] table as written, with the file it is in (for the checks)."""
    tables: list[tuple[Path, dict]] = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        tables.extend((path, raw) for raw in data.get("term", []))
    return tables


def load_files(folder: Path) -> list[GlossaryEntry]:
    return [parse_entry(raw, path) for path, raw in load_raw(folder)]


def load_glossary(folder: Path | None = None) -> Glossary:
    return _cached(str(folder or GLOSSARY_DIR))


@lru_cache(maxsize=4)
def _cached(folder: str) -> Glossary:
    return Glossary(load_files(Path(folder)))
