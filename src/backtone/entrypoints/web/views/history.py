"""The history page's view model: recent workouts with their sets, in the person's units."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from pydantic import BaseModel

from backtone.domain.catalogue import Catalogue
from backtone.domain.training import LoggedSet, WeightUnit, Workout


class SetView(BaseModel):
    exercise_id: str
    exercise: str
    set_type: str
    reps: int | None
    load: float | None  # in `unit`
    unit: str
    seconds: float | None
    distance_m: float | None
    rpe: float | None
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
        exercise_id=s.exercise_id,
        exercise=_name(catalogue, s.exercise_id),
        set_type=s.set_type.value,
        reps=s.reps,
        load=None if s.load_kg is None else round(unit.from_kg(s.load_kg), 2),
        unit=unit.value,
        seconds=s.duration_seconds,
        distance_m=s.distance_m,
        rpe=s.rpe,
        text=set_text(s, unit),
    )


def history_view(
    workouts: list[Workout], catalogue: Catalogue, *, owner: str, unit: WeightUnit, tz: tzinfo
) -> HistoryView:
    return HistoryView(
        owner=owner,
        unit=unit.value,
        workouts=[
            WorkoutView(
                id=w.id,
                day=w.started_at.astimezone(tz).date(),
                started_at=w.started_at,
                name=w.name,
                sets=[set_view(s, catalogue, unit) for s in w.sets],
            )
            for w in workouts
        ],
    )
