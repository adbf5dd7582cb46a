"""Dutch dates in letters: "12 maart 2026", "12-03-2026", "dinsdag 14 april",
"2026-03-12". A date without a year takes the first such day on or after the
letter date (a letter names coming days, not past ones)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from text_to_num import text2num

from .. import nl

MONTHS = nl.MONTH_NUMBERS
WEEKDAYS = "(?:" + "|".join(nl.WEEKDAYS) + ")"
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
FULL_MONTHS = "|".join(nl.MONTHS)

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
    # In words, as an exploot writes it: "donderdag tien september tweeduizendzesentwintig"
    re.compile(
        rf"(?:{WEEKDAYS}\s+)?(?P<dw>[a-zéë]{{3,}})\s+(?P<m>{FULL_MONTHS})"
        r"\s+(?P<yw>tweeduizend(?:\s*[a-zéë]+)?)\b",
        re.IGNORECASE,
    ),
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


def number_words(words: str) -> int | None:
    """"tien" -> 10, "tweeduizendzesentwintig" -> 2026 (text2num)."""
    try:
        return int(text2num(words.lower().replace(" ", ""), "nl"))
    except (ValueError, TypeError):
        return None


def _mention(m: re.Match, reference: date | None) -> DateMention | None:
    groups = m.groupdict()
    if groups.get("dw"):
        day_number, year_number = number_words(m["dw"]), number_words(m["yw"])
        if day_number is None or year_number is None:
            return None
        return _dated(m, reference, day_number, month_number(m["m"]), year_number)
    year = int(m["y"]) if m["y"] else None
    return _dated(m, reference, int(m["d"]), month_number(m["m"]), year)


def _dated(m: re.Match, reference: date | None, day: int, month: int,
           stated_year: int | None) -> DateMention | None:
    has_year = stated_year is not None
    year = stated_year if stated_year is not None else (reference.year if reference else None)
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
