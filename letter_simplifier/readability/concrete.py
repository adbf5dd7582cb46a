"""Concrete or abstract: the noun classes behind LiNT's "share of concrete
nouns", from data/nouns.toml (how that list was made is written at its top)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

DATA = Path(__file__).resolve().parent / "data"
CLASSES = ("concrete", "abstract", "undefined")
LINKERS = ("", "s", "e", "en")
MIN_MODIFIER_ZIPF = 2.5


@dataclass(frozen=True)
class NounClasses:
    by_word: dict[str, str]
    known: frozenset[str]
    suffix_concrete: tuple[str, ...]
    suffix_abstract: tuple[str, ...]


@lru_cache(maxsize=1)
def noun_classes() -> NounClasses:
    with (DATA / "nouns.toml").open("rb") as handle:
        data = tomllib.load(handle)
    by_word: dict[str, str] = {}
    for kind in CLASSES:
        for word in data[kind]:
            if by_word.setdefault(word.lower(), kind) != kind:
                raise ValueError(f"nouns.toml: {word!r} is in two classes")
    by_suffix = lambda key: tuple(sorted(data[key], key=len, reverse=True))  # noqa: E731
    return NounClasses(by_word, frozenset(by_word), by_suffix("suffix_concrete"),
                       by_suffix("suffix_abstract"))


def noun_class(lemma: str) -> str | None:
    """"concrete", "abstract", "undefined", or None when we cannot tell."""
    word = lemma.lower()
    classes = noun_classes()
    if word in classes.by_word:
        return classes.by_word[word]
    head = _head(word, classes.known)
    if head:
        return classes.by_word[head]
    for suffix in classes.suffix_concrete:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return "concrete"
    for suffix in classes.suffix_abstract:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return "abstract"
    return None


@lru_cache(maxsize=16384)
def _head(word: str, known: frozenset[str]) -> str | None:
    # The longest listed last part whose modifier is itself a word:
    # "huur-woning", "betaling-s-regeling".
    for start in range(3, len(word) - 2):
        head = word[start:]
        if head not in known:
            continue
        modifier = word[:start]
        for linker in LINKERS:
            stem = modifier[: len(modifier) - len(linker)] if linker else modifier
            if linker and not modifier.endswith(linker):
                continue
            if len(stem) >= 3 and zipf_frequency(stem, "nl") >= MIN_MODIFIER_ZIPF:
                return head
    return None
