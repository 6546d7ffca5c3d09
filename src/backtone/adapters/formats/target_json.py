"""What a guided workout asked for, item by item, as JSON-ready data (storage and backups)."""

from __future__ import annotations

from typing import Any

from backtone.adapters.formats.plan_json import item_from_dict, item_to_dict
from backtone.domain.exercise import Span
from backtone.domain.exposure import Change, Target
from backtone.domain.plan import PlanItem, Role


def _span_json(span: Span | None) -> list[int] | None:
    return None if span is None else [span.low, span.high]


def _span_from_json(value: Any) -> Span | None:
    return None if value is None else Span(int(value[0]), int(value[1]))


def target_to_dict(item: PlanItem, target: Target) -> dict[str, Any]:
    """One item of a guided workout: the item as shown, and the target set."""
    entry: dict[str, Any] = {
        "exercise_id": item.exercise_id,
        "name": item.name,
        "role": item.role.value,
        "sets": target.sets,
        "reps": _span_json(target.reps),
        "seconds": _span_json(target.seconds),
        "load_kg": target.load_kg,
        "change": target.change.value if target.change is not None else None,
        "rest_seconds": item.rest_seconds,
        "per_side": item.per_side,
        "reason": item.note,
        "planned": item_to_dict(target.planned) if target.planned is not None else None,
        "rung": target.rung,
    }
    if target.ticked:  # written only when set, so older stored targets read the same
        entry["ticked"] = True
    return entry


def target_from_dict(entry: dict[str, Any]) -> tuple[PlanItem, Target]:
    """Read back what target_to_dict wrote (KeyError, TypeError or ValueError when malformed)."""
    reps, seconds = _span_from_json(entry.get("reps")), _span_from_json(entry.get("seconds"))
    change = entry.get("change")
    target = Target(
        sets=int(entry["sets"]),
        reps=reps,
        seconds=seconds,
        load_kg=entry.get("load_kg"),
        change=Change(change) if change else None,
        planned=item_from_dict(entry["planned"]) if entry.get("planned") else None,
        rung=entry.get("rung"),
        ticked=bool(entry.get("ticked", False)),
    )
    item = PlanItem(
        exercise_id=entry["exercise_id"],
        name=entry.get("name", entry["exercise_id"]),
        role=Role(entry.get("role", Role.MAIN.value)),
        sets=target.sets,
        rest_seconds=int(entry.get("rest_seconds", 0)),
        reps=reps,
        seconds=seconds,
        per_side=bool(entry.get("per_side", False)),
        note=entry.get("reason", ""),
    )
    return item, target
