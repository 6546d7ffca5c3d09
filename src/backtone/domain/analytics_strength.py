"""Strength over time: estimated one-rep max and best set per exercise per session date,
rep records for bodyweight moves, and where a person stands on the pull-up ladder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, tzinfo

from backtone.domain.analytics_basis import ExerciseFacts
from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise_digest import (
    ExerciseDigest,
    digest_workouts,
    estimate,
    heaviness,
    most,
)
from backtone.domain.ladders import Ladder
from backtone.domain.training import Workout
from backtone.domain.vocabulary import LoadKind

# Loads that add to what is lifted; a band or an assisting machine takes weight away instead.
ADDED_LOADS = frozenset(
    {LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.KETTLEBELL, LoadKind.MACHINE, LoadKind.CABLE}
)
BODYWEIGHT_LOADS = frozenset({LoadKind.BODYWEIGHT})
PULL_UP_FAMILY = ("pull-up", "chin-up", "wide-grip-pull-up", "close-grip-pull-up")


@dataclass(frozen=True)
class SessionBest:
    """One exercise on one local date: its best set, with its Epley estimate when it has one,
    and the most reps (or longest hold) done without added load, for bodyweight records.
    """

    day: date
    reps: int | None
    load_kg: float | None
    seconds: float | None
    e1rm_kg: float | None
    total_reps: int
    unloaded_reps: int | None = None
    unloaded_seconds: float | None = None


@dataclass(frozen=True)
class ExerciseProgress:
    exercise_id: str
    name: str
    known: bool
    sessions: tuple[SessionBest, ...]  # oldest first

    @property
    def best_e1rm(self) -> SessionBest | None:
        """The session with the highest estimate; the earliest on a tie."""
        rated = [s for s in self.sessions if s.e1rm_kg is not None]
        return max(rated, key=lambda s: s.e1rm_kg or 0.0) if rated else None


def _counts_for_1rm(exercise_id: str, load: LoadKind | None) -> bool:
    # Assisted moves log the help given, so a heavier number means an easier set.
    if "assisted" in exercise_id.split("-"):
        return False
    return load is None or load in ADDED_LOADS


class _Day:
    """What one exercise's digests on one date add up to so far."""

    __slots__ = ("best", "e1rm", "rank", "total", "unloaded_reps", "unloaded_seconds")

    def __init__(self, first: ExerciseDigest) -> None:
        self.best = first.heaviest
        self.e1rm: float | None = None
        self.rank = (-1.0, 0.0, 0.0, 0.0)
        self.total = 0
        self.unloaded_reps: int | None = None
        self.unloaded_seconds: float | None = None

    def add(self, d: ExerciseDigest, rated: bool) -> None:
        top = d.strongest if rated and d.strongest else d.heaviest
        e1rm = estimate(top) if rated else None
        rank = (e1rm or 0.0, *heaviness(top))
        if rank > self.rank:
            self.best, self.e1rm, self.rank = top, e1rm, rank
        self.total += d.total_reps
        self.unloaded_reps = most(self.unloaded_reps, d.unloaded_reps)
        self.unloaded_seconds = most(self.unloaded_seconds, d.unloaded_seconds)

    def point(self, day: date) -> SessionBest:
        s = self.best
        return SessionBest(
            day,
            s.reps,
            s.load_kg,
            s.seconds,
            self.e1rm,
            self.total,
            self.unloaded_reps,
            self.unloaded_seconds,
        )


def strength_progress(
    workouts: Iterable[Workout], catalogue: Catalogue, *, tz: tzinfo
) -> dict[str, ExerciseProgress]:
    """For each exercise logged, its best set on each session date, oldest first.

    The best set is the one with the highest Epley estimate (loaded sets of at most 12 reps),
    then the heaviest, then the most reps, then the longest hold. Warm-ups never count.
    Exercises missing from the catalogue keep their id as a name and `known=False`.
    """
    return progress_from_digests(digest_workouts(workouts), catalogue, tz=tz)


def progress_from_digests(
    digests: Iterable[ExerciseDigest], catalogue: Catalogue, *, tz: tzinfo
) -> dict[str, ExerciseProgress]:
    """strength_progress from the workouts' digests (see exercise_digest)."""
    facts = ExerciseFacts(catalogue)
    rated: dict[str, bool] = {}  # whether an exercise's loads give a 1RM estimate
    days: dict[str, dict[date, _Day]] = {}
    for d in sorted(digests, key=lambda d: d.started_at):
        exercise_id = d.exercise_id
        by_day = days.setdefault(exercise_id, {})
        day = d.started_at.astimezone(tz).date()
        tally = by_day.get(day)
        if tally is None:
            tally = by_day[day] = _Day(d)
        counts = rated.get(exercise_id)
        if counts is None:
            counts = rated[exercise_id] = _counts_for_1rm(exercise_id, facts(exercise_id).load)
        tally.add(d, counts)
    return {
        exercise_id: ExerciseProgress(
            exercise_id,
            facts(exercise_id).name,
            facts(exercise_id).known,
            tuple(tally.point(day) for day, tally in by_day.items()),
        )
        for exercise_id, by_day in days.items()
    }


@dataclass(frozen=True)
class RepRecord:
    """Most reps in one set (or longest hold) of a bodyweight move, and when it was first done."""

    exercise_id: str
    name: str
    reps: int | None
    seconds: float | None
    day: date


def _unloaded(point: SessionBest) -> tuple[int, float]:
    return (point.unloaded_reps or 0, point.unloaded_seconds or 0.0)


def bodyweight_records(
    progress: Mapping[str, ExerciseProgress], catalogue: Catalogue
) -> tuple[RepRecord, ...]:
    """Rep records for unloaded sets of bodyweight moves, pull-ups first, then by reps."""
    records: list[RepRecord] = []
    for exercise_id, item in progress.items():
        if exercise_id not in catalogue:
            continue
        if catalogue.get(exercise_id).load not in BODYWEIGHT_LOADS:
            continue
        # Only sets without added load: a weighted pull-up is a different record.
        top: SessionBest | None = None
        for point in item.sessions:
            if point.unloaded_reps is None and point.unloaded_seconds is None:
                continue
            if top is None or _unloaded(point) > _unloaded(top):
                top = point
        if top is not None:
            reps, seconds = top.unloaded_reps, top.unloaded_seconds
            records.append(RepRecord(exercise_id, item.name, reps, seconds, top.day))

    def order(r: RepRecord) -> tuple[int, int, float, str]:
        family = PULL_UP_FAMILY.index(r.exercise_id) if r.exercise_id in PULL_UP_FAMILY else 99
        return (family, -(r.reps or 0), -(r.seconds or 0), r.exercise_id)

    return tuple(sorted(records, key=order))


@dataclass(frozen=True)
class LadderStanding:
    """Where the coach has a person on a ladder: the step of their next target, the same one
    `backtone next` and the today page give, and the step after it."""

    ladder: Ladder
    rung: int  # 0 = the first step
    exercise_id: str
    name: str
    target: str  # "2 x 1-3", with the load or help where there is one
    reason: str
    next_step: str  # the step after this one, "Pull-up 3 x 3-5", or "" at the top

    @property
    def rungs(self) -> int:
        return len(self.ladder.rungs)

    @property
    def at_top(self) -> bool:
        return self.rung == self.rungs - 1

    def words(self) -> str:
        """'step 5 of 9: Close-grip pull-up 2 x 1-3'."""
        return f"step {self.rung + 1} of {self.rungs}: {self.name} {self.target}"


@dataclass(frozen=True)
class NewRecord:
    """A best beaten inside a period: a higher estimate, or more reps in a bodyweight set."""

    exercise_id: str
    name: str
    day: date
    what: str  # "estimated 1RM" or "reps"
    value: float
    previous: float | None  # the best before the period; None for a first time


def new_records(
    progress: Mapping[str, ExerciseProgress], *, first: date, last: date
) -> tuple[NewRecord, ...]:
    """The best record each exercise set between `first` and `last`, beating all before it."""
    found: list[NewRecord] = []
    for item in progress.values():
        rated = any(p.e1rm_kg is not None for p in item.sessions)
        what = "estimated 1RM" if rated else "reps"
        before: float | None = None
        top: NewRecord | None = None
        for point in item.sessions:
            reps = point.unloaded_reps
            value = point.e1rm_kg if rated else (float(reps) if reps else None)
            if value is None:
                continue
            beats = (before is None or value > before) and (top is None or value > top.value)
            if first <= point.day <= last and beats:
                top = NewRecord(item.exercise_id, item.name, point.day, what, value, before)
            if point.day < first:
                before = value if before is None else max(before, value)
        if top is not None:
            found.append(top)
    return tuple(sorted(found, key=lambda r: (r.day, r.exercise_id)))
