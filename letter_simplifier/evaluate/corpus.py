"""Which letters there are, where they come from, and which split each is in.

A letter is `<name>.txt` (or `.pdf`) beside `<name>.expected.json`, anywhere in
a folder tree. A folder may hold a `manifest.tsv` with one line per letter:

    name  origin  source  kind  tests  changes  split

`origin` is `real` (a text found outside the team) or `team`; `split` is
`auto` (blind or dev by the hash rule below) or `dev: <why>` for a blind letter
that was looked at to fix a rule and so moved to the dev set. Letters without a
manifest line (the team's own samples) are always dev.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.tsv"
MANIFEST_COLUMNS = ("name", "origin", "source", "kind", "tests", "changes", "split")
EXPECTED_SUFFIX = ".expected.json"
LETTER_SUFFIXES = (".txt", ".pdf")
SPLITS = ("dev", "blind", "all")


@dataclass(frozen=True)
class ManifestEntry:
    name: str
    origin: str
    source: str
    kind: str
    tests: str
    changes: str
    split: str = "auto"


@dataclass(frozen=True)
class Letter:
    name: str
    path: Path  # the letter file (.txt or .pdf)
    expected_path: Path
    split: str  # dev | blind
    origin: str  # real | team | sample
    kind: str


def hash_split(name: str) -> str:
    """The fixed rule: a third of the names, by SHA-256, are blind."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    return "blind" if int(digest, 16) % 3 == 0 else "dev"


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    entries: dict[str, ManifestEntry] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#") or row[0] == "name":
                continue
            values = [value.strip() for value in row] + [""] * len(MANIFEST_COLUMNS)
            entry = ManifestEntry(*values[: len(MANIFEST_COLUMNS)])
            entries[entry.name] = ManifestEntry(**{**entry.__dict__,
                                                   "split": entry.split or "auto"})
    return entries


def split_of(name: str, entry: ManifestEntry | None) -> str:
    if entry is None or entry.split.startswith("dev"):
        return "dev"
    return hash_split(name)


def find_letters(root: Path, split: str = "all") -> list[Letter]:
    """Every letter with an expected file under `root`, in a stable order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    letters = []
    for expected in sorted(root.rglob(f"*{EXPECTED_SUFFIX}")):
        folder = expected.parent
        if folder not in manifests:
            manifest = folder / MANIFEST
            manifests[folder] = read_manifest(manifest) if manifest.exists() else {}
        name = expected.name[: -len(EXPECTED_SUFFIX)]
        entry = manifests[folder].get(name)
        letter_split = split_of(name, entry)
        if split != "all" and letter_split != split:
            continue
        for suffix in LETTER_SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.exists():
                letters.append(Letter(name, path, expected, letter_split,
                                      entry.origin if entry else "sample",
                                      entry.kind if entry else ""))
    return letters
