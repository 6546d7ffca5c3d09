"""Logging one set from the web: the request, its result, and retries that add nothing."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.account import Account
from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.training import LoggedSet, SetType, WeightUnit, read_day
from backtone.entrypoints.web.deps import today_for, zone
from backtone.entrypoints.web.retries import once
from backtone.entrypoints.web.views.history import SetView, set_view
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.training_log import log_sets


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


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def short_form(entry: SetRequest, unit: WeightUnit) -> str:
    """The quick-log form of the set ('12@14kg', '30s'), read by the same parser as the CLI."""
    if entry.reps is not None:
        load = f"@{_number(entry.load)}{unit.value}" if entry.load else ""
        return f"{entry.reps}{load}"
    if entry.seconds is not None:
        return f"{_number(entry.seconds)}s"
    raise InvalidInput("set", "has neither reps nor seconds", "reps (and load) or seconds")


def log_one_set(
    *,
    uow: UnitOfWork,
    clock: Clock,
    builtin: Catalogue,
    account: Account,
    entry: FreeSetRequest,
    default_unit: WeightUnit,
    idempotency_key: str | None,
) -> tuple[LoggedView, bool]:
    """Log the set to the day's workout (today's unless `date` says another day); with a key,
    a retry returns the first result."""
    unit = WeightUnit(entry.unit) if entry.unit else default_unit
    day = read_day(entry.date, today_for(account, clock)) if entry.date else None

    def action() -> dict[str, object]:
        result = log_sets(
            uow=uow,
            clock=clock,
            builtin=builtin,
            user_id=account.id,
            exercise=entry.exercise_id,
            sets=short_form(entry, unit),
            tz=zone(account),
            on=day,
            unit=unit,
            rpe=entry.rpe,
            set_type=SetType.WARMUP if entry.warmup else SetType.WORKING,
        )
        named = Catalogue([result.exercise])  # set_view only needs this exercise's name
        view = LoggedView(
            workout_id=result.workout_id,
            exercise_id=result.exercise.id,
            exercise=result.exercise.name,
            sets=[set_view(s, named, unit) for s in result.sets],
        )
        return view.model_dump(mode="json")

    stored, replayed = once(
        uow=uow,
        clock=clock,
        account=account,
        key=idempotency_key,
        action=action,
        scope="log a set",
        body=entry,
    )
    return LoggedView.model_validate(stored), replayed


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
