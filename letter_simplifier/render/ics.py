"""Deadlines as a calendar file (.ics) the phone's agenda can import."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from ..explain.format import long_date
from ..model import Explanation


def deadlines_ics(explanation: Explanation, uid_seed: str) -> bytes:
    """One all-day event on each to-do's last day, with a reminder 3 days before."""
    calendar = Calendar()
    calendar.add("prodid", "-//letter-simplifier//Snap je brief//NL")
    calendar.add("version", "2.0")
    stamp = datetime.now(UTC)
    for number, todo in enumerate(t for t in explanation.todos if t.deadline):
        event = Event()
        event.add("uid", f"{uid_seed}-{number}@letter-simplifier")
        event.add("dtstamp", stamp)
        event.add("dtstart", todo.deadline)
        event.add("dtend", todo.deadline + timedelta(days=1))
        event.add("summary", f"Brief {explanation.sender.name}: {todo.plain}")
        event.add("description", f"Laatste dag: {long_date(todo.deadline)}. {todo.plain} "
                                 "Kijk in de brief voor alles wat je nodig hebt.")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Over 3 dagen: {todo.plain}")
        alarm.add("trigger", timedelta(days=-3))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
