"""Dutch formatting, in one place: month and weekday names, dates and euro amounts
the way a Dutch reader expects them. A low module (like `nlp`): the law, the
analysis (reading dates) and the sheet (writing them) all take the names from here.
"""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
# Month names and the abbreviations letters use ("12 mrt 2026"), to the month's number.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, start=1)} | MONTH_ABBREVIATIONS


def weekday_name(d: date) -> str:
    return WEEKDAYS[d.weekday()]


def month_name(d: date) -> str:
    return MONTHS[d.month - 1]


def long_date(d: date) -> str:
    """"dinsdag 30 april 2026"."""
    return f"{weekday_name(d)} {short_date(d)}"


def short_date(d: date) -> str:
    """"30 april 2026"."""
    return f"{d.day} {month_name(d)} {d.year}"


def euro(value: float) -> str:
    """"€ 1.234,56"."""
    whole, cents = divmod(round(value * 100), 100)
    return f"€ {whole:,}".replace(",", ".") + f",{cents:02d}"
