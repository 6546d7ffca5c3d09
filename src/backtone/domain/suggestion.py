"""Suggestions and the small builders the progression engine makes them with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backtone.domain.exercise import Exercise, Span
from backtone.domain.exposure import Change, Spot, Target
from backtone.domain.ladders import ASSISTED, Ladder


@dataclass(frozen=True)
class Suggestion:
    """Next time's targets: reps (or seconds) as a span, aim for at least `low`, stop at `high`.

    `load_kg` is None where the person picks it (first time, body weight); for assisted
    exercises (`assisted`) it is the help, so less is harder.
    """

    exercise_id: str
    sets: int
    reps: Span | None
    seconds: Span | None
    load_kg: float | None
    change: Change
    reason: str
    assisted: bool = False
    ladder_id: str | None = None
    rung: int | None = None

    def as_target(self) -> Target:
        """What to store with the session, so the next suggestion knows what was asked."""
        return Target(self.sets, self.reps, self.seconds, self.load_kg, self.change, rung=self.rung)


KEEP = object()


def here(
    spot: Spot,
    change: Change,
    reason: str,
    *,
    low: int | None = None,
    load: float | object | None = KEEP,
    sets: int | None = None,
) -> Suggestion:
    """A suggestion on the same exercise and rung."""
    span = spot.span
    target = Span(min(span.low if low is None else low, span.high), span.high)
    timed = spot.seconds is not None
    return Suggestion(
        exercise_id=spot.exercise.id,
        sets=sets or spot.sets,
        reps=None if timed else target,
        seconds=target if timed else None,
        load_kg=spot.load_kg if load is KEEP else load,  # type: ignore[arg-type]
        change=change,
        reason=reason,
        assisted=spot.assisted,
        ladder_id=spot.ladder.id if spot.ladder is not None else None,
        rung=spot.rung,
    )


def pick(ladder: Ladder, n: int, doable: Callable[[str], bool], keep: str) -> str:
    """The exercise to do on rung `n`: the current one if it is there, else the first doable."""
    ids = ladder.rungs[n].exercise_ids
    if keep in ids:
        return keep
    return next((i for i in ids if doable(i)), ids[0])


def on_rung(
    ladder: Ladder,
    n: int,
    change: Change,
    reason: str,
    doable: Callable[[str], bool],
    *,
    keep: str,
    load: float | None = None,
    sets: int | None = None,
) -> Suggestion:
    rung = ladder.rungs[n]
    exercise_id = pick(ladder, n, doable, keep)
    span = rung.reps or rung.seconds
    assert span is not None
    return Suggestion(
        exercise_id=exercise_id,
        sets=sets or rung.sets,
        reps=rung.reps,
        seconds=rung.seconds,
        load_kg=load,
        change=change,
        reason=reason,
        assisted=exercise_id in ASSISTED,
        ladder_id=ladder.id,
        rung=n,
    )


def on_exercise(
    exercise: Exercise, change: Change, reason: str, *, load: float | None
) -> Suggestion:
    p = exercise.prescription
    return Suggestion(
        exercise_id=exercise.id,
        sets=p.sets,
        reps=p.reps,
        seconds=p.seconds,
        load_kg=load,
        change=change,
        reason=reason,
        assisted=exercise.id in ASSISTED,
    )
