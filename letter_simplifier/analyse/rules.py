"""Rule data files (letter_simplifier/data/*.toml), loaded and compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Generic, TypeVar, cast

from .. import DATA_DIR
from ..model import (
    REFERENCE_KINDS,
    ROLES,
    SENDER_KINDS,
    VERBS,
    ReferenceKind,
    Role,
    SenderKind,
    Verb,
)

FLAGS = re.IGNORECASE | re.MULTILINE


def load(name: str) -> dict:
    with (DATA_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


L = TypeVar("L", bound=str)


def checked(value: str, vocabulary: tuple[L, ...]) -> L:
    """A label of a data file, known to belong to its closed vocabulary."""
    if value not in vocabulary:
        raise ValueError(f"{value!r} is not one of {', '.join(vocabulary)}")
    return cast(L, value)


@dataclass(frozen=True)
class SenderRule:
    pattern: re.Pattern
    name: str
    kind: SenderKind


@dataclass(frozen=True)
class KindRule:
    kind: str
    pattern: re.Pattern
    summary: str
    generic: bool = False


@dataclass(frozen=True)
class AmountContext:
    """Words around an amount that change its role (amount_roles.toml)."""

    threshold_before: re.Pattern
    threshold_after: re.Pattern
    refers_back: re.Pattern
    row_roles: frozenset[Role]
    weak_row_label: re.Pattern
    debt_row_label: re.Pattern
    debt_topic: re.Pattern
    benefit_topic: re.Pattern


@dataclass(frozen=True)
class Labelled(Generic[L]):
    """A rule that gives a label (a role, a verb) where its pattern matches."""

    label: L
    pattern: re.Pattern


@lru_cache(maxsize=1)
def senders() -> tuple[SenderRule, ...]:
    return tuple(
        SenderRule(re.compile(rule["pattern"], re.MULTILINE | (
            0 if "{1}" in rule["name"] else re.IGNORECASE)), rule["name"],
            checked(rule["kind"], SENDER_KINDS))
        for rule in load("senders")["sender"]
    )


@lru_cache(maxsize=1)
def letter_kinds() -> tuple[KindRule, ...]:
    return tuple(
        KindRule(rule["kind"], re.compile(rule["pattern"], FLAGS), rule["summary"],
                 rule.get("generic", False))
        for rule in load("letter_kinds")["kind"]
    )


@lru_cache(maxsize=1)
def amount_roles() -> tuple[Labelled[Role], ...]:
    return tuple(Labelled(checked(r["role"], ROLES), re.compile(r["pattern"], FLAGS))
                 for r in load("amount_roles")["role"])


@lru_cache(maxsize=1)
def amount_context() -> AmountContext:
    data = load("amount_roles")
    table = data["table"]
    compiled = partial(re.compile, flags=re.IGNORECASE)
    row_roles = frozenset(checked(role, ROLES) for role in table["row_roles"])
    return AmountContext(
        compiled(data["threshold"]["before"]), compiled(data["threshold"]["after"]),
        compiled(data["refers_back"]["start"]), row_roles,
        compiled(table["weak_label"]), compiled(table["debt_label"]),
        compiled(table["debt_topic"]), compiled(table["benefit_topic"]))


@lru_cache(maxsize=1)
def reference_labels() -> tuple[tuple[ReferenceKind, str], ...]:
    """(kind, label pattern) in the order of references.toml."""
    return tuple((checked(rule["kind"], REFERENCE_KINDS), "|".join(rule["labels"]))
                 for rule in load("references")["label"])


@lru_cache(maxsize=1)
def bsn_nearby() -> tuple[str, ...]:
    return tuple(load("references")["bsn_nearby"]["words"])


@lru_cache(maxsize=1)
def letter_date_label() -> re.Pattern:
    """A label that ends right before the letter date ("Datum:")."""
    return re.compile(rf"\b(?:{one_of('date_labels')})\s*:?\s*$", FLAGS)


@lru_cache(maxsize=1)
def not_letter_date() -> re.Pattern:
    """Words right before a date that make it another date ("geboren")."""
    return re.compile(rf"(?:{one_of('not_letter_date')})\s*:?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def subject_line() -> re.Pattern:
    """The subject line; its group 1 is the subject."""
    return re.compile(rf"^\s*(?:{one_of('subject_labels')})\s*:?\s*(.+)$", FLAGS)


@lru_cache(maxsize=1)
def closing() -> re.Pattern:
    """The closing of a letter; the signature block follows it."""
    return re.compile(rf"\b(?:{one_of('closings')})\b", FLAGS)


@lru_cache(maxsize=1)
def salutation() -> re.Pattern:
    """The salutation at the start of a line: the letter head ends before it."""
    return re.compile(rf"^[ \t]*(?:{one_of('salutation')})\b", FLAGS)


@lru_cache(maxsize=1)
def addressee() -> re.Pattern:
    """A line that names the reader ("De heer T. Jansen"), never the sender."""
    return re.compile(rf"\s*(?:{one_of('addressee')})", FLAGS)


@lru_cache(maxsize=1)
def email_from() -> re.Pattern:
    """An e-mail's From line; group 1 is the name before the address."""
    return re.compile(load("letter_head")["email_from"], FLAGS)


@lru_cache(maxsize=1)
def place_line() -> re.Pattern:
    """A place and a comma alone on a line ("Rotterdam,"), before the letter date."""
    return re.compile(load("letter_head")["place_line"], FLAGS)


@lru_cache(maxsize=1)
def letter_signs() -> re.Pattern:
    """Words every letter from an agency has one of."""
    return re.compile(rf"\b(?:{one_of('letter_signs')})\b", FLAGS)


@lru_cache(maxsize=1)
def objection_online() -> re.Pattern:
    return re.compile(load("signals")["objection_online"], FLAGS)


def one_of(key: str) -> str:
    return "|".join(load("letter_head")[key])


@lru_cache(maxsize=1)
def directives() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, FLAGS) for p in load("signals")["directives"])


@lru_cache(maxsize=1)
def action_verbs() -> tuple[Labelled[Verb], ...]:
    return tuple(Labelled(checked(r["verb"], VERBS), re.compile(r["pattern"], FLAGS))
                 for r in load("signals")["verb"])


@lru_cache(maxsize=1)
def absorbs() -> dict[Verb, list[Verb]]:
    return {checked(main, VERBS): [checked(v, VERBS) for v in absorbed]
            for main, absorbed in load("signals")["absorbs"].items()}


@lru_cache(maxsize=1)
def negation() -> re.Pattern:
    return re.compile(load("signals")["negation"], FLAGS)


@lru_cache(maxsize=1)
def immediate() -> re.Pattern:
    return re.compile(load("signals")["immediate"], FLAGS)


def nearest_label(rules: tuple[Labelled[L], ...], text: str, position: int,
                  *, after_weight: float = 1.0) -> tuple[L, str] | None:
    """The label whose pattern matches closest to `position` in `text`.

    Distance counts from the end of a match before `position` or from the start
    of a match after it (times `after_weight`, to prefer words before).
    """
    best: tuple[float, int, L, str] | None = None
    for order, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            if m.end() <= position:
                distance: float = position - m.end()
            elif m.start() >= position:
                distance = (m.start() - position) * after_weight
            else:
                distance = 0
            candidate = (distance, order, rule.label, m.group())
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return (best[2], best[3]) if best else None
