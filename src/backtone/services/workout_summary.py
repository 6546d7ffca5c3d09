"""The summary at the end of a guided workout: sets, volume, records broken, weeks in a row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from backtone.domain.analytics_basis import WEEK, week_start
from backtone.domain.ladders import ASSISTED
from backtone.domain.records import DatedSet, ExerciseRecords, Record, compute_records
from backtone.domain.training import SetType, Workout
from backtone.services.ports import UnitOfWork

HISTORY_LIMIT = 100_000  # every earlier workout of an exercise, for the records before
# Which records a summary reports, with the words it uses and their unit.
RECORD_KINDS = (
    ("epley_1rm", "estimated one-rep max", "kg"),
    ("most_reps_in_a_set", "most reps in a set", "reps"),
    ("best_volume_session", "best session volume", "kg"),
)


@dataclass(frozen=True)
class BrokenRecord:
    exercise_id: str
    record: str  # "estimated one-rep max"
    value: float
    before: float
    unit: str
    detail: str  # "8 x 20 kg"

    def describe(self) -> str:
        now, was = round(self.value, 1), round(self.before, 1)
        return f"{self.record}: {now:g} {self.unit} (was {was:g}; {self.detail})"


@dataclass(frozen=True)
class WorkoutSummary:
    workout_id: int
    started_at: datetime
    ended_at: datetime
    exercises: int
    sets: int  # every set but warm-ups
    volume_kg: float  # reps x load of those sets; assisted work's load is help, not counted
    records: tuple[BrokenRecord, ...]
    streak_weeks: int  # ISO weeks in a row, up to this one, with at least one workout

    @property
    def minutes(self) -> int:
        return max(0, round((self.ended_at - self.started_at).total_seconds() / 60))


def summarise(uow: UnitOfWork, user_id: int, workout: Workout, tz: tzinfo) -> WorkoutSummary:
    """Sum up a stored workout inside the caller's transaction."""
    assert workout.id is not None and workout.ended_at is not None
    hard = [s for s in workout.sets if s.set_type is not SetType.WARMUP]
    volume = sum(s.volume_kg for s in hard if s.exercise_id not in ASSISTED)
    ids = list(dict.fromkeys(s.exercise_id for s in hard))
    broken = [
        r for i in ids if i not in ASSISTED for r in _records_broken(uow, user_id, workout, i)
    ]
    today = workout.ended_at.astimezone(tz).date()
    streak = week_streak(uow.workouts.start_times(user_id), tz, today)
    return WorkoutSummary(
        workout_id=workout.id,
        started_at=workout.started_at,
        ended_at=workout.ended_at,
        exercises=len(ids),
        sets=len(hard),
        volume_kg=volume,
        records=tuple(broken),
        streak_weeks=streak,
    )


def _records_broken(
    uow: UnitOfWork, user_id: int, workout: Workout, exercise_id: str
) -> list[BrokenRecord]:
    """Records now (from storage) against the records of every other workout (the domain's).

    A first session of an exercise breaks nothing: there was no record to beat.
    """
    after = uow.workouts.records(user_id, exercise_id)
    earlier = uow.workouts.history_of(user_id, [exercise_id], HISTORY_LIMIT, excluding=workout.id)
    before = compute_records(
        exercise_id,
        (DatedSet(w.id or 0, w.started_at, s) for w in earlier for s in w.sets),
    )
    found = []
    for field, words, unit in RECORD_KINDS:
        now, then = _record(after, field), _record(before, field)
        if now is not None and then is not None and now.value > then.value + 1e-6:
            found.append(BrokenRecord(exercise_id, words, now.value, then.value, unit, now.detail))
    return found


def _record(records: ExerciseRecords, field: str) -> Record | None:
    found: Record | None = getattr(records, field)
    return found


def week_streak(start_times: list[datetime], tz: tzinfo, today: date) -> int:
    """ISO weeks in a row with at least one workout, counting back from the week of `today`."""
    weeks = {week_start(t.astimezone(tz).date()) for t in start_times}
    monday, streak = week_start(today), 0
    while monday in weeks:
        streak += 1
        monday -= WEEK
    return streak
