"""Turn the deadlines in a Dutch letter into calendar dates.

Counting rules:
- Awb 6:8: a term starts the day after the anchor (e.g. the dagtekening), so a term of
  N days ends on anchor + N days, N weeks on anchor + 7N days, N months on the same
  day-number N months later (or the last day of that month when it has no such day).
- Atw art. 1: a statutory term ending on a Saturday, Sunday or holiday ends on the next
  day that is none of these. Atw art. 2: a term of 3 days or more holds at least two
  such working days. Atw art. 4: not for terms longer than 90 days, 12 weeks or
  3 months; art. 9 lid 10 Invorderingswet 1990: not for payment terms under that law.
- Terms the sender sets in the letter (send papers, pay) are counted in calendar days
  without Atw extension: the earlier, safe date.
- Which of these a term is, is the law of its kind (laws.py, data/laws.toml).
- A term counted backwards ("drie werkdagen vóór de hoorzitting") is never moved.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from ..nl import short_date
from . import calendar as atw
from .laws import Law, law_named

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class LegalDate:
    # dt.date: inside the class the field `date` hides the type of that name.
    date: dt.date | None  # the date the letter states, or the end of the legal term
    last_day: dt.date | None  # last day on which acting is still in time
    rule: str  # Dutch legal shorthand for mentors, e.g. "Awb 6:7, 6:8; Atw art. 1 ..."
    extended_from: dt.date | None = None  # the unextended end, when the Atw moved it
    depends_on_receipt: bool = False
    immediate: bool = False
    on_non_working_day: bool = False
    # A last day to act by; False for a date that only starts something or is
    # approximate ("met ingang van", "omstreeks"): no one must act by it.
    limit: bool = True


# Unit words as a letter (or the caller) may spell them -> our unit.
_UNITS = {
    "dag": "dag", "dagen": "dag", "day": "dag", "days": "dag",
    "kalenderdag": "dag", "kalenderdagen": "dag",
    "werkdag": "werkdag", "werkdagen": "werkdag",
    "working day": "werkdag", "working days": "werkdag",
    "week": "week", "weken": "week", "weeks": "week",
    "maand": "maand", "maanden": "maand", "month": "maand", "months": "maand",
    "jaar": "jaar", "jaren": "jaar", "year": "jaar", "years": "jaar",
}  # fmt: skip

_UNIT_WORDS = {  # singular, plural: for rule texts
    "dag": ("dag", "dagen"),
    "werkdag": ("werkdag", "werkdagen"),
    "week": ("week", "weken"),
    "maand": ("maand", "maanden"),
    "jaar": ("jaar", "jaar"),
}

# Atw art. 4 lid 1: the Atw does not apply to terms longer than 90 days, 12 weeks or
# 3 months (so never to a term in years). Judged on the length as stated.
_ATW_MAX_COUNT = {"dag": 90, "week": 12, "maand": 3, "jaar": 0}


def add_months(d: date, n: int) -> date:
    """Same day-number n months later; the month's last day when it is shorter."""
    year, month_index = divmod(d.year * 12 + d.month - 1 + n, 12)
    last = _stdlib_calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(d.day, last))


# How each unit moves the end of a term (Awb 6:8: counting starts the day after).
_END_OF_TERM = {
    "dag": lambda anchor, n: anchor + timedelta(days=n),
    "week": lambda anchor, n: anchor + timedelta(weeks=n),
    "maand": add_months,
    "jaar": lambda anchor, n: add_months(anchor, 12 * n),
    "werkdag": atw.add_working_days,
}

_WORKING_DAYS = "Termijn in de brief, telt in werkdagen (za, zo en feestdagen tellen niet mee)"
_BACKWARDS = "teruggeteld vanaf die dag; een termijn die terugtelt wordt niet verlengd"
_IN_WORKING_DAYS = "geteld in werkdagen (za, zo en feestdagen tellen niet mee)"
_AFTER_RECEIPT = "na ontvangst: gerekend vanaf de dag dat de brief aankwam"


def _normalize_unit(unit: str) -> str:
    try:
        return _UNITS[unit.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown term unit: {unit!r}") from None


def count_words(count: int, unit: str) -> str:
    """"1 dag", "14 dagen", "6 weken": a term in words (our units)."""
    singular, plural = _UNIT_WORDS[unit]
    return f"{count} {singular if count == 1 else plural}"


def _describe_day(d: date) -> str:
    return f"{short_date(d)} ({atw.non_working_reason(d)})"


def _extend_atw(anchor: date, end: date) -> tuple[date, list[str]]:
    """Apply Atw art. 1 and 2 to a statutory term; return the new end and notes."""
    raw_end = end
    notes: list[str] = []
    skipped: list[date] = []
    # Art. 1: a term ending on a Saturday, Sunday or holiday runs on to the next
    # day that is none of these.
    while not atw.is_working_day(end):
        skipped.append(end)
        end += _ONE_DAY
    if skipped:
        days = ", ".join(_describe_day(d) for d in skipped)
        notes.append(f"Atw art. 1: verlengd voorbij {days}")
    # Art. 2: a term of 3 days or more (its own length, before any art. 1 extension)
    # must hold at least two working days; the start day does not count. The day that
    # completes the count is a working day, so art. 1 stays satisfied.
    if (raw_end - anchor).days >= 3 and atw.count_working_days(anchor, end) < 2:
        while atw.count_working_days(anchor, end) < 2:
            end += _ONE_DAY
        notes.append("Atw art. 2: verlengd tot er 2 werkdagen in de termijn vallen")
    return end, notes


def _unknown_years_note(first: date, last: date) -> list[str]:
    years = atw.unknown_years(range(first.year, last.year + 1))
    if not years:
        return []
    listed = ", ".join(str(y) for y in years)
    return [f"let op: gelijkgestelde dagen (Atw art. 3 lid 3) voor {listed} niet bekend"]


def _non_working_note(d: date) -> list[str]:
    reason = atw.non_working_reason(d)
    if reason is None:
        return []
    return [
        f"let op: {short_date(d)} is geen werkdag ({reason}); de termijn wordt niet verlengd"
    ]


def _relative(anchor: date, count: int, unit: str, *, law: Law, after_receipt: bool,
              backwards: bool) -> LegalDate:
    unit = _normalize_unit(unit)
    if count < 1:
        raise ValueError(f"a term needs a positive count, got {count}")
    sign = -1 if backwards else 1
    raw_end = _END_OF_TERM[unit](anchor, sign * count)
    end = raw_end
    basis = _WORKING_DAYS if unit == "werkdag" and law.name == "sender" else law.article
    parts = [basis]
    if unit == "werkdag":
        # Counting in working days already skips every non-working day: the Atw
        # has nothing left to extend.
        if basis != _WORKING_DAYS:
            parts.append(_IN_WORKING_DAYS)
        parts += _unknown_years_note(min(anchor, end), max(anchor, end))
    elif backwards:
        parts.append(_BACKWARDS)
    elif law.atw:
        if count > _ATW_MAX_COUNT[unit]:
            parts.append(
                f"Atw art. 4: geen verlenging voor een termijn van {count_words(count, unit)} "
                "(langer dan 90 dagen, 12 weken of 3 maanden)"
            )
        else:
            end, notes = _extend_atw(anchor, raw_end)
            parts += notes + _unknown_years_note(raw_end, end)
    if after_receipt:
        parts.append(_AFTER_RECEIPT)
    on_non_working_day = not atw.is_working_day(end)
    if on_non_working_day:
        parts += _non_working_note(end)
    return LegalDate(
        date=end,
        last_day=end,
        rule="; ".join(parts),
        extended_from=raw_end if end != raw_end else None,
        depends_on_receipt=after_receipt,
        on_non_working_day=on_non_working_day,
    )


def relative_deadline(
    anchor: date,
    count: int,
    unit: str,
    *,
    law: str | Law = "sender",
    after_receipt: bool = False,
    backwards: bool = False,
) -> LegalDate:
    """End of a term of `count` `unit`s that starts the day after `anchor`
    (or, `backwards`, ends `count` units before it).

    `law` (a name of data/laws.toml, or the row): whether the Atw moves the end
    and which article the rule names. "sender": a term set in the letter,
    counted as printed. `after_receipt`: the term runs from arrival; `anchor` is
    then the day the letter arrived, as the reader says it.
    """
    row = law if isinstance(law, Law) else law_named(law)
    return _relative(anchor, count, unit, law=row, after_receipt=after_receipt,
                     backwards=backwards)


# How each boundary word turns the stated date into the last day to act.
_BOUNDARIES = {
    "voor": (1, "vóór-datum: de dag ervoor is de laatste dag"),
    "uiterlijk": (0, "uiterlijk-datum: die dag is de laatste dag"),
    "tot_en_met": (0, "tot-en-met-datum: die dag telt nog mee"),
    "op": (0, "op-datum: het moet op die dag"),
    "niet_later_dan": (0, "niet-later-dan-datum: die dag is de laatste dag"),
    "vanaf": (0, "vanaf-datum: dan begint of verandert er iets"),
    "omstreeks": (0, "omstreeks-datum: rond die dag, niet precies"),
    "niet_eerder_dan": (0, "niet-eerder-dan-datum: vanaf die dag, niet eerder"),
    "datum": (0, "datum in de brief: die dag zelf"),
}

# Boundaries that say when something starts or happens, not by when to act.
_NOT_LIMITS = {"vanaf", "omstreeks", "niet_eerder_dan", "datum"}

_BOUNDARY_ALIASES = {"t/m": "tot_en_met", "tm": "tot_en_met", "before": "voor"}


def _normalize_boundary(boundary: str) -> str:
    key = boundary.strip().lower().replace("ó", "o").replace("-", " ")
    key = _BOUNDARY_ALIASES.get(key, "_".join(key.split()))
    if key not in _BOUNDARIES:
        raise ValueError(f"unknown deadline boundary: {boundary!r}")
    return key


def absolute_deadline(stated: date, boundary: str) -> LegalDate:
    """A date the sender set ("vóór 1 mei", "uiterlijk 1 mei", ...).

    No Atw extension: the Atw covers statutory terms, not dates a sender picks. A
    last day on a weekend or holiday is flagged so the sheet can warn.
    """
    key = _normalize_boundary(boundary)
    days_before, rule = _BOUNDARIES[key]
    last_day = stated - timedelta(days=days_before)
    on_non_working_day = not atw.is_working_day(last_day)
    notes = _non_working_note(last_day) if on_non_working_day else []
    return LegalDate(
        date=stated,
        last_day=last_day,
        rule="; ".join([rule, *notes]),
        on_non_working_day=on_non_working_day,
        limit=key not in _NOT_LIMITS,
    )


def immediate_deadline() -> LegalDate:
    """Participatiewet art. 17: changes must be passed on "onverwijld": no date."""
    return LegalDate(
        date=None,
        last_day=None,
        rule="Participatiewet art. 17: onverwijld (meteen) doorgeven; er is geen datum",
        immediate=True,
    )


def days_left(last_day: date, today: date) -> int:
    """Days from `today` to `last_day`: 0 on the last day itself, negative when late."""
    return (last_day - today).days
