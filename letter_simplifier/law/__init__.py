"""Dutch letter deadlines as real calendar dates (Awb, Algemene termijnenwet)."""

from .calendar import atw_holiday_name, atw_holidays, is_working_day
from .terms import (
    LegalDate,
    absolute_deadline,
    add_months,
    days_left,
    immediate_deadline,
    objection_deadline,
    relative_deadline,
)

__all__ = [
    "LegalDate",
    "absolute_deadline",
    "add_months",
    "atw_holiday_name",
    "atw_holidays",
    "days_left",
    "immediate_deadline",
    "is_working_day",
    "objection_deadline",
    "relative_deadline",
]
