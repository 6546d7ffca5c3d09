"""A plan as an iCalendar file: one event per session, with the exercises and a reminder."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from backtone.domain.plan import ADJUSTS, Plan, PlanSession, Role

PRODID = "-//backtone//back training plan//EN"


def describe_session(session: PlanSession) -> str:
    """The event description: each exercise with its prescription, grouped by role."""
    lines = []
    for role in Role:
        items = session.by_role(role)
        if items:
            lines.append(role.value.replace("-", " ").capitalize() + ":")
            lines += [
                f"- {item.marked_name}: {item.describe()}"
                + (f"; {item.ramp_words()}" if item.ramp else "")
                for item in items
            ]
    return "\n".join([*lines, "", ADJUSTS])


def plan_to_ical(
    plan: Plan,
    *,
    at: time = time(18, 0),
    remind_minutes: int = 30,
    stamp: datetime | None = None,
) -> bytes:
    """The plan's sessions as calendar events at `at` local (floating) time on each date.

    `stamp` fills DTSTAMP; it defaults to the plan's start so the same plan gives the same file.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan.name)
    stamp = stamp or datetime.combine(plan.start, time(0, 0), tzinfo=UTC)
    key = hashlib.sha1(f"{plan.name}|{plan.start}".encode()).hexdigest()[:12]
    for week in plan.weeks:
        for session in week.sessions:
            event = Event()
            start = datetime.combine(session.day, at)
            event.add("uid", f"{key}-{session.day.isoformat()}@backtone")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=session.estimated_minutes))
            deload = " (deload)" if week.deload else ""
            event.add("summary", f"Back training week {week.number}{deload}: {session.title}")
            event.add("description", describe_session(session))
            event.add("categories", ["backtone"])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Back training in {remind_minutes} minutes")
            alarm.add("trigger", timedelta(minutes=-remind_minutes))
            event.add_component(alarm)
            calendar.add_component(event)
    return bytes(calendar.to_ical())
