"""Turning a catalogue exercise and its numbers into a plan item with its time."""

from __future__ import annotations

from backtone.domain.exercise import Exercise, Source, Span
from backtone.domain.plan import PlanItem, Role, item_seconds
from backtone.domain.warmup import RampStep


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
    source: Source | None = None,
    ramp: tuple[RampStep, ...] = (),
    rung: int | None = None,
) -> PlanItem:
    """A plan item for `exercise`; without reps or seconds it takes the exercise's own."""
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
            role=role,
            ramp=ramp,
        ),
        source=p.source if source is None else source,
        note=note,
        ramp=ramp,
        rung=rung,
    )
