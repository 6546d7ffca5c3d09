"""Logging one set from the web: the request, the set the service takes, and its result."""

from __future__ import annotations

from datetime import date
from typing import Literal, TypedDict

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.quicklog import SetEntry
from backtone.domain.training import LoggedSet, SetType, WeightUnit, read_day
from backtone.entrypoints.web.views.history import SetView, set_view
from backtone.services.training_log import LogResult


class SetRequest(BaseModel):
    """One set as done: reps (with an optional load) or a timed hold."""

    exercise_id: str = Field(min_length=1, max_length=120)
    reps: int | None = Field(default=None, ge=0, le=1000)
    load: float | None = Field(default=None, ge=0, le=1300)
    seconds: float | None = Field(default=None, ge=0, le=86400)
    unit: Literal["kg", "lb"] | None = None
    rpe: float | None = Field(default=None, ge=1, le=10)
    warmup: bool = False


class FreeSetRequest(SetRequest):
    """A set logged outside a guided workout, on today or a past day."""

    date: str | None = Field(
        default=None,
        max_length=10,
        description="YYYY-MM-DD, today or yesterday, where you are (default: today); "
        "from 1900-01-01 to today",
    )


class LoggedView(BaseModel):
    workout_id: int
    exercise_id: str
    exercise: str
    sets: list[SetView]


def set_entry(entry: SetRequest, unit: WeightUnit) -> SetEntry:
    """The set as the service takes it: reps (a load of 0 is none) or a hold, in kilograms."""
    if entry.reps is not None:
        load = round(unit.to_kg(entry.load), 3) if entry.load else None
        return SetEntry(reps=entry.reps, load_kg=load)
    if entry.seconds is not None:
        return SetEntry(duration_seconds=entry.seconds)
    raise InvalidInput("set", "has neither reps nor seconds", "reps (and load) or seconds")


class SetToLog(TypedDict):
    """The service's arguments for a set logged outside a guided workout."""

    exercise: str
    sets: list[SetEntry]
    on: date | None
    rpe: float | None
    set_type: SetType


def unit_of(entry: SetRequest, default: WeightUnit) -> WeightUnit:
    return WeightUnit(entry.unit) if entry.unit else default


def set_to_log(entry: FreeSetRequest, today: date, unit: WeightUnit) -> SetToLog:
    """What the request asks to log, on `date` read where the person is (None: today)."""
    return SetToLog(
        exercise=entry.exercise_id,
        sets=[set_entry(entry, unit)],
        on=read_day(entry.date, today) if entry.date else None,
        rpe=entry.rpe,
        set_type=SetType.WARMUP if entry.warmup else SetType.WORKING,
    )


def logged_view(result: LogResult, unit: WeightUnit) -> LoggedView:
    named = Catalogue([result.exercise])  # set_view only needs this exercise's name
    sets = [set_view(s, named, unit) for s in result.sets]
    return LoggedView(
        workout_id=result.workout_id,
        exercise_id=result.exercise.id,
        exercise=result.exercise.name,
        sets=sets,
    )


def logged_set(entry: SetRequest, unit: WeightUnit) -> LoggedSet:
    """The set in kilograms, as a guided workout stores it."""
    return LoggedSet(
        exercise_id=entry.exercise_id,
        set_type=SetType.WARMUP if entry.warmup else SetType.WORKING,
        reps=entry.reps,
        load_kg=None if entry.load is None else round(unit.to_kg(entry.load), 3),
        duration_seconds=entry.seconds if entry.reps is None else None,
        rpe=entry.rpe,
    )
