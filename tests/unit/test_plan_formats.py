"""Plans exported as JSON, Markdown, iCalendar and PDF carry what a person needs."""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta

import pytest
from icalendar import Calendar

from backtone.adapters.formats.plan_ical import plan_to_ical
from backtone.adapters.formats.plan_json import plan_from_json, plan_to_dict, plan_to_json
from backtone.adapters.formats.plan_markdown import plan_to_markdown
from backtone.adapters.formats.plan_pdf import plan_to_pdf
from backtone.domain.errors import InvalidInput
from backtone.domain.plan import Plan
from tests.unit.planner_support import make_plan


@pytest.fixture(scope="module")
def plan() -> Plan:
    return make_plan(equipment="home-band", weekdays="mon,wed,fri", minutes=30, weeks=5)


def test_json_holds_weeks_sessions_and_items_with_their_prescriptions(plan: Plan) -> None:
    data = json.loads(plan_to_json(plan))
    session = data["weeks"][0]["sessions"][0]
    item = next(i for i in session["items"] if i["role"] == "main")
    assert data["schema"] == "backtone.plan/1" and len(data["weeks"]) == 5
    assert session["weekday"] == "monday" and session["estimated_minutes"] <= 30
    assert {"exercise_id", "sets", "reps", "seconds", "rest_seconds", "per_side"} <= item.keys()
    assert item["reps"] or item["seconds"]


def test_json_reads_back_into_the_same_plan(plan: Plan) -> None:
    assert plan_from_json(plan_to_json(plan)) == plan


def test_a_foreign_json_document_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as error:
        plan_from_json('{"schema": "something-else"}')
    assert error.value.field == "schema"


def test_markdown_has_a_heading_per_week_and_a_table_per_session(plan: Plan) -> None:
    text = plan_to_markdown(plan)
    assert [int(n) for n in re.findall(r"^## Week (\d+)", text, re.M)] == [1, 2, 3, 4, 5]
    assert text.count("| | Exercise |") == len(plan.sessions)
    assert "## Week 5 (deload)" in text and "Doorframe stretch *(seed)*" in text


def test_calendar_has_one_event_per_session_at_the_chosen_time_with_a_reminder(plan: Plan) -> None:
    calendar = Calendar.from_ical(plan_to_ical(plan, at=time(7, 30), remind_minutes=20))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.sessions)
    first, session = events[0], plan.sessions[0]
    start = first.decoded("dtstart")
    assert start == datetime.combine(session.day, time(7, 30))
    assert first.decoded("dtend") - start == timedelta(minutes=session.estimated_minutes)
    description = str(first.get("description"))
    for item in session.items:
        assert f"{item.marked_name}: {item.describe()}" in description
    assert "(seed)" in description and "adjusts these numbers" in description
    (alarm,) = first.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-20)
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_calendar_events_fall_only_on_the_chosen_weekdays(plan: Plan) -> None:
    calendar = Calendar.from_ical(plan_to_ical(plan))
    days = {e.decoded("dtstart").weekday() for e in calendar.walk("VEVENT")}
    assert days == {0, 2, 4}


def test_the_pdf_has_one_page_per_week(plan: Plan) -> None:
    pdf = plan_to_pdf(plan)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == len(plan.weeks)


def test_a_six_day_week_still_prints_on_one_page_per_week() -> None:
    busy = make_plan(level="advanced", equipment="gym", days=6, minutes=90, weeks=2)
    assert len(re.findall(rb"/Type /Page\b", plan_to_pdf(busy))) == 2


def test_json_dict_names_the_profile_it_was_made_for(plan: Plan) -> None:
    profile = plan_to_dict(plan)["profile"]
    assert profile["weekdays"] == ["monday", "wednesday", "friday"] and profile["minutes"] == 30
