"""The summary at the end of a guided workout: sets, volume, records broken, the week so far
and the streak of weeks on plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from backtone.domain.analytics_consistency import consistency_of, streak_words
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
    streak_weeks: int  # weeks on plan in a row, as the progress page counts them
    week_done: int  # planned sessions done this week (workouts, without a plan)
    week_planned: int

    def streak_words(self) -> str:
        """'This week: 2 of 3 planned sessions; 4 weeks on plan in a row'."""
        week = (
            f"This week: {self.week_done} of {self.week_planned} planned sessions"
            if self.week_planned
            else f"This week: {self.week_done} workout{'' if self.week_done == 1 else 's'}"
        )
        return f"{week}; {streak_words(self.streak_weeks)}"

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
    record = uow.plans.current(user_id)
    planned = record.plan.sessions if record is not None else ()
    weeks = consistency_of(uow.workouts.start_times(user_id), planned, tz=tz, today=today)
    this_week = weeks.weeks[-1]
    return WorkoutSummary(
        workout_id=workout.id,
        started_at=workout.started_at,
        ended_at=workout.ended_at,
        exercises=len(ids),
        sets=len(hard),
        volume_kg=volume,
        records=tuple(broken),
        streak_weeks=weeks.current_streak,
        week_done=this_week.matched if this_week.planned else this_week.done,
        week_planned=this_week.planned,
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
