"""Dutch dates in letters: "12 maart 2026", "12-03-2026", "dinsdag 14 april",
"2026-03-12". A date without a year takes the first such day on or after the
letter date (a letter names coming days, not past ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .. import nl

# Month names (nl.MONTHS) and the abbreviations letters use, to the month's number.
ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {name: number for number, name in enumerate(nl.MONTHS, start=1)} | ABBREVIATIONS
WEEKDAYS = "(?:" + "|".join(nl.WEEKDAYS) + ")"
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

PATTERNS = [
    # 12 maart 2026, 1 mei, dinsdag 14 april 2026, 3 okt. 2026
    re.compile(
        rf"(?:{WEEKDAYS}\s+)?(?P<d>[0-3]?\d)\s+(?P<m>{MONTH_NAMES})\.?(?:\s+(?P<y>(?:19|20)\d\d))?(?![a-z])",
        re.IGNORECASE,
    ),
    # 12-03-2026, 12/3/2026, 12.03.2026
    re.compile(r"(?<![\d.,/-])(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>(?:19|20)\d\d)(?!\d|,\d)"),
    # 2026-03-12 (ISO)
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
]


@dataclass(frozen=True)
class DateMention:
    value: date
    start: int
    end: int
    text: str
    has_year: bool


def month_number(token: str) -> int:
    return MONTHS[token.lower()] if token.isalpha() else int(token)


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """All dates in `text`, in order; `reference` completes dates without a year."""
    found: dict[int, DateMention] = {}
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < d.end and d.start < m.end() for d in found.values()):
                continue
            mention = _mention(m, reference)
            if mention:
                found[m.start()] = mention
    return [found[k] for k in sorted(found)]


def _mention(m: re.Match, reference: date | None) -> DateMention | None:
    day, month = int(m["d"]), month_number(m["m"])
    has_year = bool(m["y"])
    year = int(m["y"]) if has_year else (reference.year if reference else None)
    if year is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not has_year and reference and value < reference:
        try:
            value = date(year + 1, month, day)
        except ValueError:
            return None
    return DateMention(value, m.start(), m.end(), m.group(), has_year)
