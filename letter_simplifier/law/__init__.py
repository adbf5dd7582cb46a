"""Dutch letter deadlines as real calendar dates (Awb, Algemene termijnenwet)."""

from .calendar import atw_holiday_name, atw_holidays, is_working_day
from .laws import ANCHOR_KINDS, LAW_NAMES, AnchorKind, Law, LawName, law_for, law_named
from .terms import (
    LegalDate,
    absolute_deadline,
    add_months,
    count_words,
    days_left,
    immediate_deadline,
    relative_deadline,
)

__all__ = [
    "ANCHOR_KINDS",
    "AnchorKind",
    "LAW_NAMES",
    "Law",
    "LawName",
    "law_for",
    "law_named",
    "LegalDate",
    "absolute_deadline",
    "add_months",
    "atw_holiday_name",
    "atw_holidays",
    "count_words",
    "days_left",
    "immediate_deadline",
    "is_working_day",
    "relative_deadline",
]
