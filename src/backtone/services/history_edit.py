"""Correcting the history: change or delete a logged set, delete a workout and undo that.

A deleted workout is not lost at once: it leaves the history (records, progress, exports no
longer count it) and is kept aside, whole, for RESTORABLE; `restore_workout` puts it back with
every set as it was. After that it is dropped for good. Each use case is one transaction and
rewrites the per-workout exercise digests it touches, so progress and records stay right.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import NotFound
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, SetType, Workout
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork

RESTORABLE = timedelta(hours=24)  # how long a deleted workout can be restored


class Keep(Enum):
    """A field of a change left as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class SetChange:
    """New values for a logged set; a field left at KEEP stays as it was (None clears one).

    Loads are in kilograms: each entry point converts from the person's unit.
    """

    exercise: str | Keep = KEEP  # an id, name or alias
    set_type: SetType | Keep = KEEP
    reps: int | Keep | None = KEEP
    load_kg: float | Keep | None = KEEP
    duration_seconds: float | Keep | None = KEEP
    rpe: float | Keep | None = KEEP
    reps_in_reserve: int | Keep | None = KEEP


@dataclass(frozen=True)
class EditedSet:
    """A set as it is stored now, with its workout and the name of its exercise."""

    workout_id: int
    logged: LoggedSet
    exercise_name: str


@dataclass(frozen=True)
class DeletedSet:
    workout_id: int
    logged: LoggedSet
    exercise_name: str
    workout_removed: bool  # it was the workout's last set, so the empty workout went too


@dataclass(frozen=True)
class DeletedWorkout:
    workout_id: int
    day: date  # where the person is
    name: str
    sets: int
    restorable_until: datetime


def edit_set(*, uow: UnitOfWork, caller: Caller, set_id: int, change: SetChange) -> EditedSet:
    """Change a logged set: exercise, set type, reps, load, seconds, RPE or reps in reserve.

    The values are checked as a new set's are; a set of someone else's is not found.
    """
    with uow:
        workout_id, old = _find_set(uow, caller, set_id)
        catalogue = uow.catalogue(caller.user_id)
        values: dict[str, Any] = {
            name: getattr(change, name)
            for name in ("set_type", "reps", "load_kg", "duration_seconds", "rpe")
            if getattr(change, name) is not KEEP
        }
        if change.reps_in_reserve is not KEEP:
            values["reps_in_reserve"] = change.reps_in_reserve
        if change.exercise is not KEEP:
            exercise_id = catalogue.resolve(change.exercise).id
            if exercise_id != old.exercise_id:
                # The name from the app it came from no longer describes it.
                values |= {"exercise_id": exercise_id, "source_name": None}
        new = replace(old, **values)
        uow.history_edits.replace_set(caller.user_id, set_id, new)
        uow.commit()
    return EditedSet(workout_id, new, _name(catalogue, new.exercise_id))


def delete_set(*, uow: UnitOfWork, caller: Caller, set_id: int) -> DeletedSet:
    """Remove one logged set; a workout left with no set goes too, unless it is a guided
    workout still open (the person is training in it)."""
    with uow:
        workout_id, old = _find_set(uow, caller, set_id)
        name = _name(uow.catalogue(caller.user_id), old.exercise_id)
        left = uow.history_edits.remove_set(caller.user_id, set_id)
        removed = False
        if not left:
            workout = uow.workouts.get(caller.user_id, workout_id, with_sets=False)
            still_open = workout is not None and (
                workout.ended_at is None and workout.source == GUIDED_SOURCE
            )
            if workout is not None and not still_open:
                uow.workouts.delete(caller.user_id, workout_id)
                removed = True
        uow.commit()
    return DeletedSet(workout_id, old, name, removed)


def delete_workout(
    *, uow: UnitOfWork, clock: Clock, caller: Caller, workout_id: int
) -> DeletedWorkout:
    """Take a workout and all its sets out of the history; `restore_workout` undoes it for
    RESTORABLE."""
    now = clock.now()
    with uow:
        workout = uow.workouts.get(caller.user_id, workout_id)
        if workout is None:
            raise NotFound("workout", str(workout_id))
        uow.history_edits.forget_deleted(now - RESTORABLE)
        uow.history_edits.trash_workout(caller.user_id, workout_id, now)
        uow.commit()
    return DeletedWorkout(
        workout_id,
        workout.started_at.astimezone(caller.tz).date(),
        workout.name,
        len(workout.sets),
        now + RESTORABLE,
    )


def restore_workout(*, uow: UnitOfWork, clock: Clock, caller: Caller, workout_id: int) -> Workout:
    """Put a deleted workout back with every set as it was; restoring twice is harmless.

    It keeps its id unless another workout took it meanwhile (then the result says its new
    one). After RESTORABLE it is gone for good.
    """
    now = clock.now()
    with uow:
        uow.history_edits.forget_deleted(now - RESTORABLE)
        restored = uow.history_edits.restore_workout(caller.user_id, workout_id, now - RESTORABLE)
        found = uow.workouts.get(caller.user_id, restored if restored is not None else workout_id)
        if found is None:
            hours = int(RESTORABLE.total_seconds() // 3600)
            raise NotFound(f"workout deleted in the last {hours} h", str(workout_id))
        uow.commit()
    return found


def _name(catalogue: Catalogue, exercise_id: str) -> str:
    return catalogue.get(exercise_id).name if exercise_id in catalogue else exercise_id


def _find_set(uow: UnitOfWork, caller: Caller, set_id: int) -> tuple[int, LoggedSet]:
    found = uow.history_edits.find_set(caller.user_id, set_id)
    if found is None:
        raise NotFound("logged set", str(set_id))
    return found
