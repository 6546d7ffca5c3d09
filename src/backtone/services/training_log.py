"""Use cases for the training log: log sets fast, undo, history and personal records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.exercise import Exercise
from backtone.domain.ladders import ASSISTED
from backtone.domain.quicklog import SetEntry
from backtone.domain.records import ExerciseRecords, as_help
from backtone.domain.training import (
    GUIDED_SOURCE,
    LoggedSet,
    SetType,
    Workout,
    check_logged_day,
)
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork

LOG_SOURCE = "log"


@dataclass(frozen=True)
class LogResult:
    workout_id: int
    exercise: Exercise
    sets: tuple[LoggedSet, ...]


def _day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def log_sets(
    *,
    uow: UnitOfWork,
    clock: Clock,
    caller: Caller,
    exercise: str,
    sets: Sequence[SetEntry],
    on: date | None = None,
    rpe: float | None = None,
    set_type: SetType = SetType.WORKING,
    notes: str = "",
) -> LogResult:
    """Log sets (loads in kilograms) to the day's workout, creating it if needed.

    Each entry point reads its own syntax first (the CLI's '3x12@14kg', the web's form or
    JSON). Sets logged on the same day (in the person's time zone) join one workout: a guided
    workout still open that day when there is one, else the day's own log, which is keyed by
    its date, so two first sets of a day sent at once make one workout.
    """
    if not sets:
        raise InvalidInput("sets", "nothing to log", "at least one set")
    user_id, tz, today = caller.user_id, caller.tz, caller.today
    now = clock.now()
    day = check_logged_day(on or today, today)
    when = now if day == today else datetime.combine(day, time(12), tz).astimezone(UTC)
    with uow:
        found = uow.catalogue(user_id).resolve(exercise)
        logged = tuple(
            LoggedSet(
                exercise_id=found.id,
                set_type=set_type,
                reps=entry.reps,
                load_kg=entry.load_kg,
                duration_seconds=entry.duration_seconds,
                distance_m=entry.distance_m,
                rpe=rpe,
                notes=notes,
            )
            for entry in sets
        )
        start, end = _day_bounds(day, tz)
        workout_id = _open_guided_between(uow, user_id, start, end)
        if workout_id is None:
            workout_id = uow.workouts.latest_between(user_id, LOG_SOURCE, start, end)
        if workout_id is None:
            key = f"{LOG_SOURCE}:{day.isoformat()}"
            workout = Workout(
                started_at=when,
                sets=logged,
                name=f"{day:%A} training",
                source=LOG_SOURCE,
                source_key=key,
            )
            workout_id = uow.workouts.add_unless_taken(user_id, workout, created_at=now)
            if workout_id is None:  # another request made the day's workout a moment ago
                workout_id = uow.workouts.id_for_key(user_id, key)
                if workout_id is None:
                    raise Conflict(f"the workout of {day} changed at this moment; try again")
                uow.workouts.append_sets(user_id, workout_id, logged, now)
        else:
            uow.workouts.append_sets(user_id, workout_id, logged, now)
        uow.commit()
    return LogResult(workout_id, found, logged)


def _open_guided_between(
    uow: UnitOfWork, user_id: int, start: datetime, end: datetime
) -> int | None:
    """The person's open guided workout if it started in [start, end) (one at most is open)."""
    opened = uow.workouts.open_since(user_id, GUIDED_SOURCE, start)
    if opened is None or opened[0].started_at >= end:
        return None
    return opened[0].id


def undo_last_entry(*, uow: UnitOfWork, user_id: int) -> list[LoggedSet]:
    """Remove what was logged last (all sets of that one entry)."""
    with uow:
        removed = uow.workouts.delete_last_entry(user_id)
        if not removed:
            raise NotFound("logged entry", "last")
        uow.commit()
    return removed


def workout_history(
    *, uow: UnitOfWork, user_id: int, limit: int = 20, exercise_id: str | None = None
) -> list[Workout]:
    """Recent workouts, newest first; for one exercise, only its sets."""
    with uow:
        return uow.workouts.recent(user_id, limit, exercise_id)


def personal_records(
    *, uow: UnitOfWork, caller: Caller, exercise_id: str | None = None
) -> list[ExerciseRecords]:
    """Records for one exercise, or for every exercise the person has logged."""
    user_id = caller.user_id
    with uow:
        ids = [exercise_id] if exercise_id else uow.workouts.exercises_logged(user_id)
        found = [uow.workouts.records(user_id, i) for i in ids]
    return [as_help(r) if r.exercise_id in ASSISTED else r for r in found]
