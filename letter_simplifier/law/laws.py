"""Which law governs a term, by the kind of term (law/data/laws.toml): what it
is for, who sets it, what the letter cites and what it counts from. The law
says whether the Algemene termijnenwet moves the end, and which article the
sheet's rule names."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast, get_args

LAWS_FILE = Path(__file__).with_name("data") / "laws.toml"

LawName = Literal["awb", "statutory", "invorderingswet", "invorderingswet_gemeente", "wahv",
                  "zvw", "bw_6_96", "sender"]
LAW_NAMES: tuple[LawName, ...] = get_args(LawName)
# What a term counts from (analyse/anchors.py).
AnchorKind = Literal["letter_date", "receipt", "event", "none"]
ANCHOR_KINDS: tuple[AnchorKind, ...] = get_args(AnchorKind)


@dataclass(frozen=True)
class Law:
    name: LawName
    article: str
    atw: bool  # the Atw moves the end (art. 1) and fills short terms (art. 2)
    verbs: frozenset[str] = frozenset()
    senders: frozenset[str] = frozenset()
    anchors: frozenset[str] = frozenset()
    cites: re.Pattern | None = None
    picked: bool = True

    def holds(self, verb: str, sender_kind: str, anchor: str, text: str) -> bool:
        return (self.picked
                and (not self.verbs or verb in self.verbs)
                and (not self.senders or sender_kind in self.senders)
                and (not self.anchors or anchor in self.anchors)
                and (self.cites is None or cited(self.cites, text)))


@lru_cache(maxsize=64)
def cited(pattern: re.Pattern, text: str) -> bool:
    """Whether the letter cites the law: once per letter, not once per term (a
    Python str keeps its hash, so the cache costs nothing for a long letter)."""
    return bool(pattern.search(text))


@lru_cache(maxsize=1)
def laws() -> tuple[Law, ...]:
    with LAWS_FILE.open("rb") as handle:
        rows = tomllib.load(handle)["law"]
    found = []
    for row in rows:
        if row["name"] not in LAW_NAMES:
            raise ValueError(f"{LAWS_FILE.name}: unknown law {row['name']!r}")
        found.append(Law(
            name=cast(LawName, row["name"]), article=row["article"], atw=row["atw"],
            verbs=frozenset(row.get("verbs", ())), senders=frozenset(row.get("senders", ())),
            anchors=frozenset(row.get("anchors", ())),
            cites=re.compile(row["cites"], re.IGNORECASE) if "cites" in row else None,
            picked=row.get("picked", True)))
    return tuple(found)


def law_named(name: str) -> Law:
    for law in laws():
        if law.name == name:
            return law
    raise ValueError(f"unknown law: {name!r}")


def law_for(verb: str, sender_kind: str, anchor: str = "letter_date", text: str = "") -> Law:
    """The first law of the table whose conditions hold; the sender's own term
    (the table's last row) when none does."""
    for law in laws():
        if law.holds(verb, sender_kind, anchor, text):
            return law
    return law_named("sender")
