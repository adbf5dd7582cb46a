"""Dates and money the way a Dutch reader expects them."""

from __future__ import annotations

from datetime import date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def long_date(d: date) -> str:
    """"dinsdag 30 april 2026"."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def euro(value: float) -> str:
    """"€ 1.234,56"."""
    whole, cents = divmod(round(value * 100), 100)
    return f"€ {whole:,}".replace(",", ".") + f",{cents:02d}"


def days_left_text(days: int) -> str:
    if days < 0:
        return "Deze datum is al voorbij!"
    if days == 0:
        return "Dat is vandaag!"
    if days == 1:
        return "Dat is morgen!"
    return f"Nog {days} dagen."
