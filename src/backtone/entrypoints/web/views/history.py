"""The history page's view model: recent workouts with their sets, in the person's units,
and the requests and answers of corrections (a set changed or deleted, a workout deleted)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Literal, TypeVar

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout
from backtone.services.history_edit import (
    KEEP,
    DeletedSet,
    DeletedWorkout,
    EditedSet,
    Keep,
    SetChange,
)

_T = TypeVar("_T")


class SetView(BaseModel):
    id: int | None = None  # the stored set's, to change or delete it
    exercise_id: str
    exercise: str
    set_type: str
    reps: int | None
    load: float | None  # in `unit`
    unit: str
    seconds: float | None
    distance_m: float | None
    rpe: float | None
    rir: int | None = None
    text: str


class WorkoutView(BaseModel):
    id: int | None
    day: date
    started_at: datetime
    name: str
    sets: list[SetView]


class HistoryView(BaseModel):
    owner: str
    unit: str
    workouts: list[WorkoutView]


def _name(catalogue: Catalogue, exercise_id: str) -> str:
    return catalogue.get(exercise_id).name if exercise_id in catalogue else exercise_id


def set_text(s: LoggedSet, unit: WeightUnit) -> str:
    """'12 reps @ 14 kg', '30 s', '10 reps' and so on."""
    parts = []
    if s.reps is not None:
        parts.append(f"{s.reps} reps")
    if s.load_kg:
        parts.append(f"@ {round(unit.from_kg(s.load_kg), 1):g} {unit.value}")
    if s.duration_seconds is not None:
        parts.append(f"{s.duration_seconds:g} s")
    if s.distance_m is not None:
        parts.append(f"{s.distance_m:g} m")
    if s.set_type.value != "working":
        parts.append(f"({s.set_type.value})")
    return " ".join(parts)


def set_view(s: LoggedSet, catalogue: Catalogue, unit: WeightUnit) -> SetView:
    return SetView(
        id=s.id,
        exercise_id=s.exercise_id,
        exercise=_name(catalogue, s.exercise_id),
        set_type=s.set_type.value,
        reps=s.reps,
        load=None if s.load_kg is None else round(unit.from_kg(s.load_kg), 2),
        unit=unit.value,
        seconds=s.duration_seconds,
        distance_m=s.distance_m,
        rpe=s.rpe,
        rir=s.reps_in_reserve,
        text=set_text(s, unit),
    )


def history_view(
    workouts: list[Workout], catalogue: Catalogue, *, owner: str, unit: WeightUnit, tz: tzinfo
) -> HistoryView:
    return HistoryView(
        owner=owner,
        unit=unit.value,
        workouts=[workout_view(w, catalogue, unit, tz) for w in workouts],
    )


def workout_view(w: Workout, catalogue: Catalogue, unit: WeightUnit, tz: tzinfo) -> WorkoutView:
    return WorkoutView(
        id=w.id,
        day=w.started_at.astimezone(tz).date(),
        started_at=w.started_at,
        name=w.name,
        sets=[set_view(s, catalogue, unit) for s in w.sets],
    )


class SetChangeRequest(BaseModel):
    """New values for a logged set: only the fields sent change; null clears reps, load,
    seconds, rpe or rir."""

    exercise_id: str | None = Field(default=None, min_length=1, max_length=120)
    set_type: Literal["warmup", "working", "drop", "failure"] | None = None
    reps: int | None = Field(default=None, ge=0, le=1000)
    load: float | None = Field(default=None, ge=0, le=1300, description="In `unit`")
    unit: Literal["kg", "lb"] | None = Field(default=None, description="Default: yours")
    seconds: float | None = Field(default=None, ge=0, le=86400)
    rpe: float | None = Field(default=None, ge=1, le=10)
    rir: int | None = Field(default=None, ge=0, le=10, description="Reps in reserve")


def set_change(request: SetChangeRequest, default_unit: WeightUnit) -> SetChange:
    """The change a request asks for, loads in kilograms."""
    unit = WeightUnit(request.unit) if request.unit else default_unit
    sent = request.model_fields_set

    def given(name: str, value: _T) -> _T | Keep:
        return value if name in sent else KEEP

    load = request.load
    return SetChange(
        exercise=request.exercise_id if request.exercise_id is not None else KEEP,
        set_type=SetType(request.set_type) if request.set_type is not None else KEEP,
        reps=given("reps", request.reps),
        load_kg=given("load", None if load is None else round(unit.to_kg(load), 3)),
        duration_seconds=given("seconds", request.seconds),
        rpe=given("rpe", request.rpe),
        reps_in_reserve=given("rir", request.rir),
    )


class EditedSetView(BaseModel):
    workout_id: int
    set: SetView


def edited_set_view(edited: EditedSet, unit: WeightUnit) -> EditedSetView:
    view = set_view(edited.logged, Catalogue([]), unit)  # its name comes with it
    return EditedSetView(
        workout_id=edited.workout_id, set=view.model_copy(update={"exercise": edited.exercise_name})
    )


class DeletedSetView(BaseModel):
    workout_id: int
    set: SetView
    workout_removed: bool


def deleted_set_view(deleted: DeletedSet, unit: WeightUnit) -> DeletedSetView:
    view = set_view(deleted.logged, Catalogue([]), unit)  # its name comes with it
    return DeletedSetView(
        workout_id=deleted.workout_id,
        set=view.model_copy(update={"exercise": deleted.exercise_name}),
        workout_removed=deleted.workout_removed,
    )


class DeletedWorkoutView(BaseModel):
    workout_id: int
    day: date
    name: str
    sets: int
    restorable_until: datetime
    restore: str  # where to POST to undo


def deleted_workout_view(deleted: DeletedWorkout) -> DeletedWorkoutView:
    return DeletedWorkoutView(
        workout_id=deleted.workout_id,
        day=deleted.day,
        name=deleted.name,
        sets=deleted.sets,
        restorable_until=deleted.restorable_until,
        restore=f"/api/v1/workouts/{deleted.workout_id}/restore",
    )
