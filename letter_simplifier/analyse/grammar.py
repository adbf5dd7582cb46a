"""The grammar of time expressions (data/time_expressions.toml), compiled once:
the boundary words of dates, months without a day, terms (count, unit,
connector, anchor) and the words of "meteen"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, cast

from ..law import ANCHOR_KINDS, AnchorKind
from ..nl import MONTHS
from .rules import load

FLAGS = re.IGNORECASE
Direction = Literal["after", "before"]
DayOfMonth = Literal["first", "middle", "last"]


@dataclass(frozen=True)
class Boundary:
    boundary: str  # a boundary of law.absolute_deadline
    pattern: re.Pattern  # ends right before the date


@dataclass(frozen=True)
class MonthRule:
    pattern: re.Pattern  # the words, then the month name and an optional year
    day: DayOfMonth
    boundary: str


@dataclass(frozen=True)
class Connector:
    direction: Direction
    pattern: re.Pattern  # matches at the end of a term


@dataclass(frozen=True)
class Anchor:
    kind: AnchorKind
    pattern: re.Pattern  # matches right after the connector
    event: str = ""
    dated_by: re.Pattern | None = None  # a sentence elsewhere that dates the event
    otherwise_letter_date: bool = False  # no such date: the letter date


@dataclass(frozen=True)
class Schedule:
    count: re.Pattern
    monthly: re.Pattern
    last_day: re.Pattern
    reach: int
    most: int


@dataclass(frozen=True)
class Grammar:
    boundaries: tuple[Boundary, ...]
    not_deadline: re.Pattern
    in_parentheses: bool
    months: tuple[MonthRule, ...]
    year_end: Boundary
    appointment_time: re.Pattern
    period_start: re.Pattern
    schedule: Schedule
    term: re.Pattern
    vague_counts: frozenset[str]
    units: dict[str, str]
    connectors: tuple[Connector, ...]
    anchors: tuple[Anchor, ...]
    leading: re.Pattern
    leading_reach: int
    from_event_for: frozenset[str]
    no_anchor_event: str
    immediate: re.Pattern


def _ending(pattern: str) -> re.Pattern:
    """A phrase that must end where the date starts."""
    return re.compile(rf"(?<![\w-])(?:{pattern})$", FLAGS)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = load("time_expressions")
    term = data["term"]
    month_names = "|".join(MONTHS)
    leads = "|".join(term["leads"])
    anchors = []
    for row in data["anchor"]:
        if row["kind"] not in ANCHOR_KINDS:
            raise ValueError(f"time_expressions.toml: unknown anchor kind {row['kind']!r}")
        dated_by = row.get("dated_by") or None
        anchors.append(Anchor(cast(AnchorKind, row["kind"]), re.compile(row["pattern"], FLAGS),
                              row.get("event", ""),
                              re.compile(rf"\b(?:{dated_by})", FLAGS) if dated_by else None,
                              row.get("otherwise") == "letter_date"))
    return Grammar(
        boundaries=tuple(Boundary(r["boundary"], _ending(r["pattern"]))
                         for r in data["boundary"]),
        not_deadline=_ending("|".join(data["not_deadline"]["before"])),
        in_parentheses=data["not_deadline"]["in_parentheses"],
        months=tuple(MonthRule(
            re.compile(rf"(?<![\w-])(?:{r['pattern']})(?P<m>{month_names})"
                       rf"(?:\s+(?P<y>(?:19|20)\d\d))?(?![\w-])", FLAGS),
            r["day"], r["boundary"]) for r in data["month"]),
        year_end=Boundary(data["year_end"]["boundary"],
                          re.compile(data["year_end"]["pattern"], FLAGS)),
        appointment_time=re.compile(data["dates"]["appointment_time"], FLAGS),
        period_start=re.compile(data["dates"]["period_start"], FLAGS),
        schedule=Schedule(re.compile(data["schedule"]["count"], FLAGS),
                          re.compile(data["schedule"]["monthly"], FLAGS),
                          re.compile(data["schedule"]["last_day"], FLAGS),
                          data["schedule"]["reach"], data["schedule"]["most"]),
        term=re.compile(rf"(?<![\w-])(?:(?P<lead>{leads})\s+{term['filler']})?"
                        rf"{term['count']}\s+{term['unit']}\b{term['after_count']}", FLAGS),
        vague_counts=frozenset(term["vague_counts"]),
        units=dict(data["units"]),
        connectors=tuple(Connector(cast(Direction, r["direction"]),
                                   re.compile(r["pattern"], FLAGS))
                         for r in data["connector"]),
        anchors=tuple(anchors),
        leading=re.compile(data["leading"]["pattern"], FLAGS),
        leading_reach=data["leading"]["reach"],
        from_event_for=frozenset(data["no_anchor"]["from_event_for"]),
        no_anchor_event=data["no_anchor"]["event"],
        immediate=re.compile(data["immediate"]["pattern"], FLAGS),
    )
