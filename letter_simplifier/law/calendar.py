"""Working days and holidays as the Algemene termijnenwet (Atw) defines them.

A day is not a working day when it is a Saturday, a Sunday or an "algemeen erkende
feestdag" (Atw art. 1 and 3). Art. 3 lid 1 and 2 name the holidays; art. 3 lid 3 lets
a royal decree equate more days with them. The moveable feasts come from the
`holidays` package; the fixed-date holidays and the equated days come from
`data/atw_days.toml`, so a new decree is a data edit, not a code change.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import holidays

from ..nl import weekday_name

_DATA_FILE = Path(__file__).resolve().parent / "data" / "atw_days.toml"

_SUNDAY = 6
_ONE_DAY = timedelta(days=1)

# Atw art. 3 lid 1 and 2: the moveable feasts, keyed by their name in holidays.NL
# (language "nl"), with the name we show. Easter Sunday and Whit Sunday are left out
# on purpose: they are Sundays, so art. 1 already covers them.
_MOVEABLE_FEASTS = {
    "Goede vrijdag": "Goede Vrijdag",
    "Tweede paasdag": "Tweede Paasdag",
    "Hemelvaartsdag": "Hemelvaartsdag",
    "Tweede pinksterdag": "Tweede Pinksterdag",
}

EQUATED_PREFIX = "gelijkgestelde dag: "


@cache
def _data() -> dict[str, Any]:
    with _DATA_FILE.open("rb") as fh:
        return tomllib.load(fh)


def _applies_in(entry: dict[str, Any], year: int) -> bool:
    return entry.get("from_year", year) <= year <= entry.get("until_year", year)


def _fixed_days(year: int) -> dict[date, str]:
    """Atw art. 3 lid 1: holidays on a fixed date (King's Day moves off a Sunday)."""
    days: dict[date, str] = {}
    for entry in _data()["fixed"]:
        if not _applies_in(entry, year):
            continue
        day = date(year, entry["month"], entry["day"])
        if day.weekday() == _SUNDAY:
            day += timedelta(days=entry.get("sunday_shift", 0))
        days[day] = entry["name"]
    return days


def _moveable_days(year: int) -> dict[date, str]:
    """Atw art. 3 lid 1 and 2: Good Friday, Easter Monday, Ascension Day, Whit Monday."""
    days: dict[date, str] = {}
    for day, names in holidays.NL(years=year, language="nl").items():
        # holidays joins several names on one date with "; ".
        for name in names.split("; "):
            if name in _MOVEABLE_FEASTS:
                days[day] = _MOVEABLE_FEASTS[name]
    return days


def _equated_days(year: int) -> dict[date, str]:
    """Atw art. 3 lid 3: days a royal decree equates with a holiday."""
    return {
        entry["date"]: EQUATED_PREFIX + entry["reason"]
        for entry in _data()["equated"]
        if entry["date"].year == year
    }


def _merge(*tables: dict[date, str]) -> dict[date, str]:
    # Two holidays can share a date (Ascension Day fell on 5 May in 2016): keep both names.
    merged: dict[date, str] = {}
    for table in tables:
        for day, name in table.items():
            merged[day] = f"{merged[day]} en {name}" if day in merged else name
    return merged


@cache
def _holidays_of(year: int) -> dict[date, str]:
    return _merge(_fixed_days(year), _moveable_days(year), _equated_days(year))


def atw_holidays(year: int) -> dict[date, str]:
    """All Atw holidays and equated days of `year`, with their Dutch names."""
    return dict(sorted(_holidays_of(year).items()))


def atw_holiday_name(d: date) -> str | None:
    """Dutch name of the Atw holiday or equated day on `d`, or None."""
    return _holidays_of(d.year).get(d)


def is_working_day(d: date) -> bool:
    """True unless `d` is a Saturday, Sunday or Atw holiday (Atw art. 1 and 3)."""
    return d.weekday() < 5 and d not in _holidays_of(d.year)


def non_working_reason(d: date) -> str | None:
    """Why `d` is not a working day ("zaterdag", "Tweede Kerstdag", ...), or None."""
    return atw_holiday_name(d) or (weekday_name(d) if d.weekday() >= 5 else None)


def next_working_day(d: date) -> date:
    """`d` itself when it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += _ONE_DAY
    return d


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after `d` (`d` itself does not count); for a
    negative n, the |n|-th working day before it."""
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    counted = 0
    while counted < abs(n):
        d += step
        counted += is_working_day(d)
    return d


def count_working_days(after: date, until: date) -> int:
    """Working days in (after, until]: the start day of a term does not count."""
    days = (after + timedelta(days=i) for i in range(1, (until - after).days + 1))
    return sum(is_working_day(d) for d in days)


def equated_days_known(year: int) -> bool:
    """True when the royal decree's equated days for `year` are in the data file."""
    return year in _data()["coverage"]["years"]


def unknown_years(years: Iterable[int]) -> list[int]:
    """The years among `years` whose equated days we do not know."""
    return sorted({y for y in years if not equated_days_known(y)})
