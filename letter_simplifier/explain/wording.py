"""The words the reader sees, from one file: letter_simplifier/data/wording.toml,
loaded once. Keys are dotted paths into it ("todo.verb.betalen"); `say` fills the
{placeholders}. tests/test_wording.py checks every key used in the code."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from .. import DATA_DIR

WORDING_FILE = DATA_DIR / "wording.toml"


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    with WORDING_FILE.open("rb") as handle:
        return tomllib.load(handle)


def entry(key: str) -> Any:
    found: Any = wording()
    for part in key.split("."):
        if not isinstance(found, dict) or part not in found:
            raise KeyError(f"{key!r} is not in {WORDING_FILE.name}")
        found = found[part]
    return found


def say(key: str, **values: object) -> str:
    """The sentence at `key` with its {placeholders} filled from `values`."""
    text = entry(key)
    if not isinstance(text, str):
        raise KeyError(f"{key!r} in {WORDING_FILE.name} is not a sentence")
    return text.format(**values)


def table(key: str) -> dict[str, Any]:
    """A table of sentences by code, e.g. the money labels by role."""
    found = entry(key)
    if not isinstance(found, dict):
        raise KeyError(f"{key!r} in {WORDING_FILE.name} is not a table")
    return dict(found)
