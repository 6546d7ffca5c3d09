"""A plan as JSON and back: weeks -> sessions -> items. The schema is in docs/plans.md."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Source, Span
from backtone.domain.plan import Plan, PlanItem, PlanSession, PlanWeek, Role
from backtone.domain.profile import WEEKDAY_NAMES, Emphasis, Profile
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment, Level, Limitation
from backtone.domain.warmup import RampStep

SCHEMA = "backtone.plan/1"


def _span(span: Span | None) -> dict[str, int] | None:
    return None if span is None else {"low": span.low, "high": span.high}


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    return {
        "level": profile.level.value,
        "equipment": sorted(e.value for e in profile.equipment),
        "equipment_label": profile.equipment_label,
        "weekdays": [WEEKDAY_NAMES[d] for d in profile.weekdays],
        "minutes": profile.minutes,
        "emphasis": profile.emphasis.value,
        "limitations": sorted(x.value for x in profile.limitations),
        "body_weight_kg": profile.body_weight_kg,
        "units": profile.units.value,
        "pull_ups": profile.pull_ups,
        "hang_seconds": profile.hang_seconds,
        "push_ups": profile.push_ups,
    }


def profile_from_dict(p: dict[str, Any]) -> Profile:
    """Read back what profile_to_dict wrote."""
    return Profile(
        level=Level(p["level"]),
        equipment=frozenset(Equipment(e) for e in p["equipment"]),
        weekdays=tuple(WEEKDAY_NAMES.index(d) for d in p["weekdays"]),
        minutes=int(p["minutes"]),
        emphasis=Emphasis(p["emphasis"]),
        limitations=frozenset(Limitation(x) for x in p["limitations"]),
        body_weight_kg=p["body_weight_kg"],
        units=WeightUnit(p["units"]),
        pull_ups=p["pull_ups"],
        hang_seconds=p.get("hang_seconds"),
        push_ups=p.get("push_ups"),
        equipment_label=p.get("equipment_label", ""),
    )


def item_to_dict(item: PlanItem) -> dict[str, Any]:
    return {
        "exercise_id": item.exercise_id,
        "name": item.name,
        "role": item.role.value,
        "sets": item.sets,
        "reps": _span(item.reps),
        "seconds": _span(item.seconds),
        "per_side": item.per_side,
        "rest_seconds": item.rest_seconds,
        "estimated_seconds": item.estimated_seconds,
        "source": item.source.value,
        "note": item.note,
        "ramp": [{"percent": r.percent, "reps": r.reps} for r in item.ramp],
        "rung": item.rung,
    }


def item_from_dict(i: dict[str, Any]) -> PlanItem:
    """Read back what item_to_dict wrote (items saved before ramps and rungs read as none)."""
    return PlanItem(
        exercise_id=i["exercise_id"],
        name=i["name"],
        role=Role(i["role"]),
        sets=int(i["sets"]),
        rest_seconds=int(i["rest_seconds"]),
        reps=_read_span(i["reps"]),
        seconds=_read_span(i["seconds"]),
        per_side=bool(i["per_side"]),
        estimated_seconds=int(i["estimated_seconds"]),
        source=Source(i["source"]),
        note=i["note"],
        ramp=tuple(RampStep(int(r["percent"]), int(r["reps"])) for r in i.get("ramp", ())),
        rung=i.get("rung"),
    )


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "name": plan.name,
        "template": plan.template,
        "start": plan.start.isoformat(),
        "notes": list(plan.notes),
        "profile": profile_to_dict(plan.profile),
        "weeks": [
            {
                "number": week.number,
                "deload": week.deload,
                "focus": week.focus,
                "sessions": [
                    {
                        "date": session.day.isoformat(),
                        "weekday": WEEKDAY_NAMES[session.weekday],
                        "title": session.title,
                        "estimated_minutes": session.estimated_minutes,
                        "items": [item_to_dict(item) for item in session.items],
                    }
                    for session in week.sessions
                ],
            }
            for week in plan.weeks
        ],
    }


def plan_to_json(plan: Plan) -> str:
    """The plan as indented JSON text."""
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"


def _read_span(value: Any) -> Span | None:
    return None if value is None else Span(int(value["low"]), int(value["high"]))


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Read back what plan_to_dict wrote; a foreign document fails with the field at fault."""
    if data.get("schema") != SCHEMA:
        raise InvalidInput("schema", f"{data.get('schema')!r} is not a plan document", SCHEMA)
    try:
        profile = profile_from_dict(data["profile"])
        weeks = tuple(
            PlanWeek(
                number=int(w["number"]),
                deload=bool(w["deload"]),
                focus=w["focus"],
                sessions=tuple(
                    PlanSession(
                        day=date.fromisoformat(s["date"]),
                        title=s["title"],
                        items=tuple(item_from_dict(i) for i in s["items"]),
                    )
                    for s in w["sessions"]
                ),
            )
            for w in data["weeks"]
        )
        return Plan(
            name=data["name"],
            profile=profile,
            start=date.fromisoformat(data["start"]),
            weeks=weeks,
            template=data["template"],
            notes=tuple(data["notes"]),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise InvalidInput("plan", f"malformed plan document: {error}", SCHEMA) from None


def plan_from_json(text: str) -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput("plan", f"not JSON: line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict):
        raise InvalidInput("plan", "is not a JSON object", SCHEMA)
    return plan_from_dict(data)
