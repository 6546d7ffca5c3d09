"""Turning a catalogue exercise and a prescription into a plan item with its time."""

from __future__ import annotations

from backtone.domain.exercise import Exercise, Span
from backtone.domain.plan import PlanItem, Role, item_seconds


def make_item(
    exercise: Exercise,
    role: Role,
    *,
    sets: int,
    rest_seconds: int,
    reps: Span | None = None,
    seconds: Span | None = None,
    note: str = "",
    per_side: bool | None = None,
) -> PlanItem:
    """A plan item for `exercise`, timed as sets x (work + rest)."""
    p = exercise.prescription
    sides = p.per_side if per_side is None else per_side
    if reps is None and seconds is None:
        reps, seconds = p.reps, p.seconds
    return PlanItem(
        exercise_id=exercise.id,
        name=exercise.name,
        role=role,
        sets=sets,
        rest_seconds=rest_seconds,
        reps=reps,
        seconds=seconds,
        per_side=sides,
        estimated_seconds=item_seconds(
            sets=sets,
            rest_seconds=rest_seconds,
            reps=reps,
            seconds=seconds,
            per_side=sides,
            seconds_per_rep=exercise.seconds_per_rep,
        ),
        source=p.source,
        note=note,
    )


def peak_set_seconds(exercise: Exercise, rest_seconds: int) -> int:
    """One set at the top of its range, plus rest: what the model budgets for."""
    p = exercise.prescription
    if p.seconds is not None:
        work = float(p.seconds.high)
    else:
        work = (p.reps or Span(0, 0)).high * exercise.seconds_per_rep
    work *= 2 if p.per_side else 1
    return int(-(-(work + rest_seconds) // 1))
