"""Deadlines under the Awb and the Algemene termijnenwet (Atw).

Every expected date below was worked out by hand on a calendar (weekdays checked
with python's calendar module), never by calling the code under test.
"""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import date
from pathlib import Path

import pytest

from letter_simplifier.law import (
    LegalDate,
    absolute_deadline,
    add_months,
    atw_holiday_name,
    atw_holidays,
    days_left,
    immediate_deadline,
    is_working_day,
    relative_deadline,
)

DATA_FILE = Path(__file__).resolve().parent.parent / "letter_simplifier/law/data/atw_days.toml"


# --- Objection term (Awb 6:7, 6:8) with the Atw ---------------------------------------


def test_objection_extended_past_5_may_every_year():
    # Tue 24 Mar 2026 + 42 days = Tue 5 May 2026: 5 May is an Atw holiday every year
    # (not only in lustrum years), so the term runs to Wed 6 May.
    result = relative_deadline(date(2026, 3, 24), 6, "weken", law="awb")
    assert result.last_day == date(2026, 5, 6)
    assert result.date == date(2026, 5, 6)
    assert result.extended_from == date(2026, 5, 5)
    assert result.rule.startswith("Awb 6:7, 6:8; Atw art. 1")
    assert "Bevrijdingsdag" in result.rule


def test_objection_extended_past_friday_after_ascension():
    # Fri 3 Apr 2026 + 42 days = Fri 15 May 2026, equated with a holiday (decree under
    # Atw art. 3 lid 3); then Sat 16 and Sun 17 May -> Mon 18 May.
    result = relative_deadline(date(2026, 4, 3), 6, "weken", law="awb")
    assert result.last_day == date(2026, 5, 18)
    assert result.extended_from == date(2026, 5, 15)
    assert "vrijdag na Hemelvaartsdag" in result.rule


def test_objection_extended_past_new_year_bridge_day_and_weekend():
    # Thu 20 Nov 2025 + 42 days = Thu 1 Jan 2026 (holiday), Fri 2 Jan 2026 (equated),
    # Sat 3, Sun 4 -> Mon 5 Jan 2026.
    result = relative_deadline(date(2025, 11, 20), 6, "weken", law="awb")
    assert result.last_day == date(2026, 1, 5)
    assert result.extended_from == date(2026, 1, 1)
    assert "Nieuwjaarsdag" in result.rule
    assert "vrijdag na Nieuwjaarsdag" in result.rule


def test_objection_plain_case_without_extension():
    # Mon 2 Mar 2026 + 42 days = Mon 13 Apr 2026, an ordinary working day.
    result = relative_deadline(date(2026, 3, 2), 6, "weken", law="awb")
    assert result == LegalDate(
        date=date(2026, 4, 13), last_day=date(2026, 4, 13), rule="Awb 6:7, 6:8"
    )


def test_objection_over_good_friday_weekend_and_easter_monday():
    # Fri 20 Feb 2026 + 42 days = Fri 3 Apr 2026 (Good Friday), Sat 4, Sun 5 (Easter),
    # Mon 6 Apr (Easter Monday) -> Tue 7 Apr 2026.
    result = relative_deadline(date(2026, 2, 20), 6, "weken", law="awb")
    assert result.last_day == date(2026, 4, 7)
    assert result.extended_from == date(2026, 4, 3)
    assert "Goede Vrijdag" in result.rule
    assert "Tweede Paasdag" in result.rule


def test_objection_over_kings_day_on_monday():
    # Mon 16 Mar 2026 + 42 days = Mon 27 Apr 2026 (King's Day) -> Tue 28 Apr 2026.
    assert relative_deadline(date(2026, 3, 16), 6, "weken", law="awb").last_day == date(2026, 4, 28)


def test_objection_over_whit_monday():
    # Mon 13 Apr 2026 + 42 days = Mon 25 May 2026 (Whit Monday) -> Tue 26 May 2026.
    assert relative_deadline(date(2026, 4, 13), 6, "weken", law="awb").last_day == date(2026, 5, 26)


def test_objection_2027_friday_after_ascension():
    # Fri 26 Mar 2027 + 42 days = Fri 7 May 2027 (equated) -> Mon 10 May 2027.
    assert relative_deadline(date(2027, 3, 26), 6, "weken", law="awb").last_day == date(2027, 5, 10)


# --- Atw art. 1: weekends and holidays ------------------------------------------------


def test_saturday_end_moves_to_monday():
    # Wed 4 Feb 2026 + 10 days = Sat 14 Feb 2026 -> Mon 16 Feb 2026.
    result = relative_deadline(date(2026, 2, 4), 10, "dagen", law="statutory")
    assert result.last_day == date(2026, 2, 16)
    assert result.extended_from == date(2026, 2, 14)
    assert "zaterdag" in result.rule and "zondag" in result.rule


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday():
    # 27 Apr 2025 is a Sunday, so King's Day was Sat 26 Apr 2025.
    assert atw_holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert atw_holiday_name(date(2025, 4, 27)) is None
    assert atw_holiday_name(date(2026, 4, 27)) == "Koningsdag"
    # Wed 16 Apr 2025 + 10 days = Sat 26 Apr 2025 (King's Day), Sun 27 -> Mon 28 Apr.
    result = relative_deadline(date(2025, 4, 16), 10, "dagen", law="statutory")
    assert result.last_day == date(2025, 4, 28)
    assert "Koningsdag" in result.rule


def test_friday_after_ascension_2025():
    # Tue 20 May 2025 + 10 days = Fri 30 May 2025 (equated) -> Mon 2 Jun 2025.
    result = relative_deadline(date(2025, 5, 20), 10, "dagen", law="statutory")
    assert result.last_day == date(2025, 6, 2)


def test_monday_4_may_2026_is_not_equated():
    # Mon 2 Feb 2026 + 3 months = Sat 2 May 2026, Sun 3 May -> Mon 4 May 2026: the
    # decree for 2026 does not equate 4 May (the day before Tuesday 5 May).
    result = relative_deadline(date(2026, 2, 2), 3, "maanden", law="statutory")
    assert result.last_day == date(2026, 5, 4)
    assert result.extended_from == date(2026, 5, 2)


# --- Atw art. 2: at least two working days in a term of 3 days or more ---------------


def test_two_working_days_rule_over_christmas():
    # Thu 24 Dec 2026 + 3 days = Sun 27 Dec. Art. 1 gives Mon 28 Dec, but the term
    # (25 Fri Christmas, 26 Sat, 27 Sun, 28 Mon) then holds one working day only;
    # art. 2 extends it to Tue 29 Dec 2026.
    result = relative_deadline(date(2026, 12, 24), 3, "dagen", law="statutory")
    assert result.last_day == date(2026, 12, 29)
    assert result.extended_from == date(2026, 12, 27)
    assert "Atw art. 2" in result.rule


def test_two_working_days_rule_not_for_terms_under_3_days():
    # Thu 24 Dec 2026 + 2 days = Sat 26 Dec; art. 1 only -> Mon 28 Dec 2026.
    result = relative_deadline(date(2026, 12, 24), 2, "dagen", law="statutory")
    assert result.last_day == date(2026, 12, 28)
    assert "Atw art. 2" not in result.rule


def test_three_day_term_published_example_2017():
    # Cooling-off example (staatsrechtpraktijk.nl): signed Tue 19 Dec 2017 -> Fri 22 Dec;
    # signed Wed 20 Dec 2017 -> Sat 23, Sun 24, Mon 25 and Tue 26 (Christmas) -> Wed 27.
    assert relative_deadline(date(2017, 12, 19), 3, "dagen", law="statutory").last_day == date(
        2017, 12, 22
    )
    assert relative_deadline(date(2017, 12, 20), 3, "dagen", law="statutory").last_day == date(
        2017, 12, 27
    )


# --- Atw art. 4 and the Invorderingswet: no extension ---------------------------------


def test_no_extension_for_four_month_term():
    # Fri 2 Jan 2026 + 4 months = Sat 2 May 2026; longer than 3 months -> no Atw.
    result = relative_deadline(date(2026, 1, 2), 4, "maanden", law="statutory")
    assert result.last_day == date(2026, 5, 2)
    assert result.extended_from is None
    assert result.on_non_working_day is True
    assert "Atw art. 4" in result.rule


def test_twelve_weeks_extended_thirteen_weeks_not():
    # Sat 7 Feb 2026 + 12 weeks = Sat 2 May 2026 -> Mon 4 May 2026.
    assert relative_deadline(date(2026, 2, 7), 12, "weken", law="statutory").last_day == date(
        2026, 5, 4
    )
    # Sat 31 Jan 2026 + 13 weeks = Sat 2 May 2026: longer than 12 weeks -> stays.
    result = relative_deadline(date(2026, 1, 31), 13, "weken", law="statutory")
    assert result.last_day == date(2026, 5, 2)
    assert "Atw art. 4" in result.rule


def test_ninety_days_extended_ninety_one_not():
    # Mon 2 Feb 2026 + 90 days = Sun 3 May 2026 -> Mon 4 May 2026.
    assert relative_deadline(date(2026, 2, 2), 90, "dagen", law="statutory").last_day == date(
        2026, 5, 4
    )
    # Sun 1 Feb 2026 + 91 days = Sun 3 May 2026: longer than 90 days -> stays.
    assert relative_deadline(date(2026, 2, 1), 91, "dagen", law="statutory").last_day == date(
        2026, 5, 3
    )


def test_no_extension_for_invordering_payment_term():
    # Tue 24 Mar 2026 + 6 weeks = Tue 5 May 2026: art. 9 lid 10 Invorderingswet 1990
    # excludes the Atw, so 5 May stays the last day.
    result = relative_deadline(date(2026, 3, 24), 6, "weken", law="invorderingswet")
    assert result.last_day == date(2026, 5, 5)
    assert result.extended_from is None
    assert result.on_non_working_day is True
    assert "Invorderingswet" in result.rule


def test_term_set_in_letter_counts_calendar_days_without_extension():
    # "Stuur binnen 14 dagen": Fri 1 May 2026 + 14 days = Fri 15 May 2026 (equated day);
    # not statutory -> no extension, but flagged.
    result = relative_deadline(date(2026, 5, 1), 14, "dagen", law="sender")
    assert result.last_day == date(2026, 5, 15)
    assert result.extended_from is None
    assert result.on_non_working_day is True
    assert "kalenderdagen" in result.rule


# --- Months and years -----------------------------------------------------------------


def test_add_months_end_of_month_and_leap_years():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), 1) == date(2026, 4, 30)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


def test_one_month_from_31_january():
    # 31 Jan 2026 + 1 month = Sat 28 Feb 2026. In the letter: no extension.
    letter = relative_deadline(date(2026, 1, 31), 1, "maand", law="sender")
    assert letter.last_day == date(2026, 2, 28)
    assert letter.on_non_working_day is True
    # Statutory: Sat 28 Feb, Sun 1 Mar -> Mon 2 Mar 2026.
    statutory = relative_deadline(date(2026, 1, 31), 1, "month", law="statutory")
    assert statutory.last_day == date(2026, 3, 2)
    assert statutory.extended_from == date(2026, 2, 28)


def test_one_month_into_leap_february():
    # 31 Jan 2028 + 1 month = Tue 29 Feb 2028 (leap year), a working day.
    result = relative_deadline(date(2028, 1, 31), 1, "maand", law="statutory")
    assert result.last_day == date(2028, 2, 29)
    assert result.extended_from is None


def test_one_year_from_leap_day_no_atw():
    # 29 Feb 2028 + 1 year = Wed 28 Feb 2029; a term in years is never under the Atw.
    result = relative_deadline(date(2028, 2, 29), 1, "year", law="statutory")
    assert result.last_day == date(2029, 2, 28)
    assert "Atw art. 4" in result.rule


# --- Working days ---------------------------------------------------------------------


def test_working_days_skip_weekend_and_5_may():
    # From Thu 30 Apr 2026: Fri 1 May (1), Mon 4 (2), Tue 5 May skipped, Wed 6 (3),
    # Thu 7 (4), Fri 8 May (5).
    result = relative_deadline(date(2026, 4, 30), 5, "werkdagen", law="sender")
    assert result.last_day == date(2026, 5, 8)
    assert result.extended_from is None
    assert "werkdagen" in result.rule


def test_working_days_skip_ascension_and_equated_friday():
    # From Wed 13 May 2026: Thu 14 (Ascension), Fri 15 (equated), weekend skipped;
    # Mon 18 (1), Tue 19 (2), Wed 20 May (3).
    result = relative_deadline(date(2026, 5, 13), 3, "werkdag", law="statutory")
    assert result.last_day == date(2026, 5, 20)


def test_is_working_day():
    assert is_working_day(date(2026, 5, 4)) is True  # Monday, not equated
    assert is_working_day(date(2027, 5, 5)) is False  # 5 May in a non-lustrum year
    assert is_working_day(date(2027, 4, 26)) is True  # Monday before King's Day: not equated
    assert is_working_day(date(2026, 1, 2)) is False  # equated
    assert is_working_day(date(2025, 5, 30)) is False  # equated
    assert is_working_day(date(2026, 2, 14)) is False  # Saturday
    assert is_working_day(date(2026, 4, 5)) is False  # Easter Sunday
    assert is_working_day(date(2026, 12, 24)) is True  # Christmas Eve is not a holiday


def test_holiday_names():
    assert atw_holiday_name(date(2026, 5, 5)) == "Bevrijdingsdag"
    assert atw_holiday_name(date(2026, 5, 14)) == "Hemelvaartsdag"
    assert atw_holiday_name(date(2026, 5, 15)) == "gelijkgestelde dag: vrijdag na Hemelvaartsdag"
    assert atw_holiday_name(date(2026, 12, 26)) == "Tweede Kerstdag"
    # Easter Sunday is not named in Atw art. 3: it is a Sunday anyway.
    assert atw_holiday_name(date(2026, 4, 5)) is None
    assert atw_holiday_name(date(2026, 3, 10)) is None


def test_all_holidays_of_2026():
    assert list(atw_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 15),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_equated_days_in_data_file_are_weekdays_with_a_reason():
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    for entry in data["equated"]:
        assert entry["date"].weekday() < 5, entry
        assert entry["reason"], entry
    assert {2025, 2026, 2027} <= set(data["coverage"]["years"])


def test_unknown_year_is_flagged_in_rule():
    # Fri 1 Mar 2030 + 6 weeks: the equated days of 2030 are not in the data file.
    result = relative_deadline(date(2030, 3, 1), 6, "weken", law="awb")
    assert "2030" in result.rule and "niet bekend" in result.rule


# --- Absolute dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("boundary", "last_day"),
    [
        ("voor", date(2026, 4, 30)),
        ("vóór", date(2026, 4, 30)),
        ("uiterlijk", date(2026, 5, 1)),
        ("tot_en_met", date(2026, 5, 1)),
        ("tot en met", date(2026, 5, 1)),
        ("op", date(2026, 5, 1)),
        ("niet_later_dan", date(2026, 5, 1)),
    ],
)
def test_absolute_boundaries(boundary, last_day):
    result = absolute_deadline(date(2026, 5, 1), boundary)
    assert result.date == date(2026, 5, 1)
    assert result.last_day == last_day
    assert result.on_non_working_day is False
    assert result.extended_from is None


def test_voor_rule_text():
    assert absolute_deadline(date(2026, 5, 1), "voor").rule.startswith(
        "vóór-datum: de dag ervoor is de laatste dag"
    )


def test_absolute_date_on_holiday_is_flagged_not_extended():
    # "uiterlijk 5 mei 2026": 5 May is a holiday; the sender's date stands.
    result = absolute_deadline(date(2026, 5, 5), "uiterlijk")
    assert result.last_day == date(2026, 5, 5)
    assert result.on_non_working_day is True
    assert "Bevrijdingsdag" in result.rule
    # "vóór 4 mei 2026" (Monday): last day Sun 3 May, flagged.
    before = absolute_deadline(date(2026, 5, 4), "voor")
    assert before.last_day == date(2026, 5, 3)
    assert before.on_non_working_day is True


def test_unknown_boundary_and_unit_raise():
    with pytest.raises(ValueError):
        absolute_deadline(date(2026, 5, 1), "ergens")
    with pytest.raises(ValueError):
        relative_deadline(date(2026, 5, 1), 2, "fortnight", law="sender")
    with pytest.raises(ValueError):
        relative_deadline(date(2026, 5, 1), 0, "dagen", law="sender")


# --- After receipt, immediately, days left --------------------------------------------


def test_after_receipt_is_earliest_date_and_flagged():
    # Tue 24 Mar 2026 + 14 days = Tue 7 Apr 2026, counted from the letter date.
    result = relative_deadline(date(2026, 3, 24), 14, "days", law="sender", after_receipt=True)
    assert result.last_day == date(2026, 4, 7)
    assert result.depends_on_receipt is True
    assert "ontvangst" in result.rule


def test_immediate():
    result = immediate_deadline()
    assert result.date is None
    assert result.last_day is None
    assert result.immediate is True
    assert "Participatiewet art. 17" in result.rule


def test_days_left():
    assert days_left(date(2026, 5, 6), date(2026, 4, 6)) == 30
    assert days_left(date(2026, 5, 6), date(2026, 5, 6)) == 0
    assert days_left(date(2026, 5, 6), date(2026, 5, 7)) == -1


def test_legal_date_is_frozen():
    result = relative_deadline(date(2026, 3, 2), 6, "weken", law="awb")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.last_day = date(2026, 1, 1)  # type: ignore[misc]
