"""Small builders for domain objects in tests: only what a test cares about is spelled out."""

from __future__ import annotations

from typing import Any

from backtone.domain.exercise import Exercise, Prescription, Span
from backtone.domain.vocabulary import Equipment, Kind, Level, Muscle, Pattern


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
