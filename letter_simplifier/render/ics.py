"""Deadlines as a calendar file (.ics) the phone's agenda can import."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from ..explain.wording import say
from ..model import Explanation
from ..nl import long_date


def deadlines_ics(explanation: Explanation, uid_seed: str) -> bytes:
    """One all-day event on each to-do's last day, with a reminder 3 days before."""
    calendar = Calendar()
    calendar.add("prodid", "-//letter-simplifier//Snap je brief//NL")
    calendar.add("version", "2.0")
    stamp = datetime.now(UTC)
    dated = ((todo, todo.deadline) for todo in explanation.todos if todo.deadline)
    for number, (todo, deadline) in enumerate(dated):
        event = Event()
        event.add("uid", f"{uid_seed}-{number}@letter-simplifier")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline)
        event.add("dtend", deadline + timedelta(days=1))
        event.add("summary", say("calendar.event", sender=explanation.sender.name,
                                 todo=todo.plain))
        event.add("description", say("calendar.description", date=long_date(deadline),
                                     todo=todo.plain))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", say("calendar.reminder", todo=todo.plain))
        alarm.add("trigger", timedelta(days=-3))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
