"""What a person actually did: workouts made of logged sets. Loads are kilograms, times UTC."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from backtone.domain.errors import InvalidInput

KG_PER_LB = 0.45359237
MAX_LOAD_KG = 600.0  # heavier than any lift on record: anything above is a typo
MAX_REPS = 1000
EARLIEST_DAY = date(1900, 1, 1)  # before any training log; far from datetime's own limits
GUIDED_SOURCE = "workout"  # a guided workout's source: the one kind that is open, then finished


def check_logged_day(day: date, today: date, field: str = "date") -> date:
    """A day something was done: not after today (where the person is), nor before 1900."""
    if not EARLIEST_DAY <= day <= today:
        raise InvalidInput(
            field, f"{day.isoformat()} is not a day that has been", f"1900-01-01 to {today}"
        )
    return day


def read_day(text: str, today: date, field: str = "date") -> date:
    """A day as typed: YYYY-MM-DD, 'today' or 'yesterday' (today is the person's)."""
    named = {"today": today, "yesterday": today - timedelta(days=1)}
    if text.strip().lower() in named:
        return named[text.strip().lower()]
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            field, f"{text!r} is not a date", "YYYY-MM-DD, today, yesterday"
        ) from None


class SetType(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"


class WeightUnit(StrEnum):
    KG = "kg"
    LB = "lb"

    def to_kg(self, value: float) -> float:
        return value * KG_PER_LB if self is WeightUnit.LB else value

    def from_kg(self, kg: float) -> float:
        return kg / KG_PER_LB if self is WeightUnit.LB else kg

    def say(self, kg: float) -> str:
        """A load in this unit, as people write it: '14 kg', '30.9 lb'."""
        return f"{round(self.from_kg(kg), 1):g} {self.value}"


@dataclass(frozen=True)
class LoggedSet:
    """One set as done. Reps and load for lifts; duration and distance for holds and rowing."""

    exercise_id: str
    set_type: SetType = SetType.WORKING
    reps: int | None = None
    load_kg: float | None = None
    duration_seconds: float | None = None
    distance_m: float | None = None
    rpe: float | None = None
    reps_in_reserve: int | None = None
    rest_seconds: float | None = None
    notes: str = ""
    source_name: str | None = None  # the exercise's name in the app it was imported from
    # The stored set's id, read back with it (to edit or delete it); not part of its value.
    id: int | None = dataclasses.field(default=None, compare=False)

    def __post_init__(self) -> None:
        check_set_values(self)
        if self.reps_in_reserve is not None and not 0 <= self.reps_in_reserve <= 10:
            raise InvalidInput("reps in reserve", f"{self.reps_in_reserve}", "0-10")

    @property
    def is_hard(self) -> bool:
        """Counts towards weekly hard sets: anything but a warm-up."""
        return self.set_type is not SetType.WARMUP

    @property
    def volume_kg(self) -> float:
        return (self.reps or 0) * (self.load_kg or 0.0)


class SetValues(Protocol):
    @property
    def reps(self) -> int | None: ...
    @property
    def load_kg(self) -> float | None: ...
    @property
    def duration_seconds(self) -> float | None: ...
    @property
    def distance_m(self) -> float | None: ...
    @property
    def rpe(self) -> float | None: ...


def check_set_values(s: SetValues) -> None:
    """Reject values no real set can have, naming the field and what is allowed."""
    if s.reps is None and s.duration_seconds is None and s.distance_m is None:
        raise InvalidInput("set", "has no reps, duration or distance", "at least one of them")
    if s.reps is not None and not 0 <= s.reps <= MAX_REPS:
        raise InvalidInput("reps", f"{s.reps} is not a possible rep count", f"0-{MAX_REPS}")
    if s.load_kg is not None and not 0 <= s.load_kg <= MAX_LOAD_KG:
        raise InvalidInput(
            "load", f"{s.load_kg:g} kg is not a possible load", f"0-{MAX_LOAD_KG:g} kg"
        )
    if s.duration_seconds is not None and not 0 <= s.duration_seconds <= 24 * 3600:
        raise InvalidInput("duration", f"{s.duration_seconds:g} s", "0 s to 24 h")
    if s.distance_m is not None and not 0 <= s.distance_m <= 1_000_000:
        raise InvalidInput("distance", f"{s.distance_m:g} m", "0-1000 km")
    if s.rpe is not None and not 1 <= s.rpe <= 10:
        raise InvalidInput("rpe", f"{s.rpe:g} is out of range", "1-10")


@dataclass(frozen=True)
class Workout:
    """A training session as it happened; `started_at` is timezone-aware UTC."""

    started_at: datetime
    sets: tuple[LoggedSet, ...]
    name: str = ""
    ended_at: datetime | None = None
    notes: str = ""
    planned_session_id: int | None = None
    source: str = "log"  # "log", GUIDED_SOURCE, "strong", "hevy", "backup"...
    source_key: str | None = None  # what makes importing the same file twice add nothing
    id: int | None = None  # set once stored

    @property
    def key(self) -> str:
        """What identifies this workout among a person's: importing it twice adds nothing."""
        return self.source_key or f"{self.source}:{self.started_at.isoformat()}"

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise InvalidInput("started_at", "has no time zone", "an aware datetime in UTC")
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise InvalidInput("ended_at", "is before the start", "a time after started_at")
