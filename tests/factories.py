"""Small builders for domain objects in tests: only what a test cares about is spelled out."""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

from backtone.domain.exercise import Exercise, Prescription, Span
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment, Kind, Level, Muscle, Pattern
from backtone.services.context import Caller
from backtone.services.ports import Clock


def make_exercise(exercise_id: str = "test-row", **overrides: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.replace("-", " ").title(),
        "kind": Kind.STRENGTH,
        "pattern": Pattern.HORIZONTAL_PULL,
        "level": Level.BEGINNER,
        "primary": (Muscle.LATISSIMUS_DORSI,),
        "equipment": frozenset({Equipment.NONE}),
        "prescription": Prescription(sets=3, reps=Span(8, 12), rest_seconds=Span(60, 90)),
    }
    fields.update(overrides)
    return Exercise(**fields)


def caller_at(
    clock: Clock, user_id: int, tz: tzinfo = UTC, unit: WeightUnit = WeightUnit.KG
) -> Caller:
    """Who a use case acts for, on the clock's day where they are."""
    return Caller(user_id, tz, unit, clock.now().astimezone(tz).date())
