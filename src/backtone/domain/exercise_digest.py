"""One exercise in one workout, boiled down to what the whole-history metrics need.

Strength over time, rep records, the pull-up ladder and the training calendar look at every
workout a person ever did, and five years of training is about 100,000 sets. Storage keeps a
digest per exercise per workout, written with the sets, so those metrics read a few thousand
digests instead of every set. Warm-ups are left out: none of those metrics counts them.

Digests of the same exercise combine without loss for every metric built on them: the best
of several digests is the best of all their sets, and their totals add up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from backtone.domain.records import MAX_REPS_FOR_ESTIMATE, epley
from backtone.domain.training import LoggedSet, SetType, Workout

N = TypeVar("N", int, float)


@dataclass(frozen=True, slots=True)
class TopSet:
    """The figures of the set that ranked first."""

    reps: int | None
    load_kg: float | None
    seconds: float | None


@dataclass(frozen=True, slots=True)
class ExerciseDigest:
    started_at: datetime  # the workout's start, UTC
    exercise_id: str
    sets: int  # working sets: anything but a warm-up
    total_reps: int
    heaviest: TopSet  # the highest (load, reps, hold); the first set on a tie
    strongest: TopSet | None  # the highest Epley estimate among loaded sets of 1-12 reps
    unloaded_reps: int | None = None  # most reps / longest hold without added load
    unloaded_seconds: float | None = None
    loaded_reps: int | None = None  # most reps / longest hold with added load
    loaded_seconds: float | None = None

    @property
    def most_reps(self) -> int | None:
        return most(self.unloaded_reps, self.loaded_reps)

    @property
    def longest_hold(self) -> float | None:
        return most(self.unloaded_seconds, self.loaded_seconds)


def most(a: N | None, b: N | None) -> N | None:
    """The larger of two optional figures; None only when both are."""
    if a is None or b is None:
        return b if a is None else a
    return max(a, b)


def heaviness(s: TopSet | LoggedSet) -> tuple[float, float, float]:
    """How a set ranks when no estimate decides: load, then reps, then hold."""
    seconds = s.seconds if isinstance(s, TopSet) else s.duration_seconds
    return (s.load_kg or 0.0, float(s.reps or 0), seconds or 0.0)


def estimate(s: TopSet | LoggedSet) -> float | None:
    """The Epley estimate of a set, for loaded sets of 1 to 12 reps."""
    if s.load_kg and s.reps and s.reps <= MAX_REPS_FOR_ESTIMATE:
        return epley(s.load_kg, s.reps)
    return None


def _stronger(a: TopSet | None, b: TopSet | None) -> TopSet | None:
    """The set with the higher estimate, then the heavier; `a` on a tie."""
    if a is None or b is None:
        return b if a is None else a
    rank_a, rank_b = (estimate(a) or 0.0, heaviness(a)), (estimate(b) or 0.0, heaviness(b))
    return b if rank_b > rank_a else a


def combine(earlier: ExerciseDigest, later: ExerciseDigest) -> ExerciseDigest:
    """The digest of both digests' sets, as if digested together, the earlier's sets first:
    a set added to a stored workout updates its digest without reading the others again."""
    heavier = heaviness(later.heaviest) > heaviness(earlier.heaviest)
    return ExerciseDigest(
        started_at=earlier.started_at,
        exercise_id=earlier.exercise_id,
        sets=earlier.sets + later.sets,
        total_reps=earlier.total_reps + later.total_reps,
        heaviest=later.heaviest if heavier else earlier.heaviest,
        strongest=_stronger(earlier.strongest, later.strongest),
        unloaded_reps=most(earlier.unloaded_reps, later.unloaded_reps),
        unloaded_seconds=most(earlier.unloaded_seconds, later.unloaded_seconds),
        loaded_reps=most(earlier.loaded_reps, later.loaded_reps),
        loaded_seconds=most(earlier.loaded_seconds, later.loaded_seconds),
    )


class _Tally:
    """One exercise's working sets in one workout, added up as they come."""

    __slots__ = (
        "heaviest",
        "loaded_reps",
        "loaded_seconds",
        "sets",
        "strongest",
        "total",
        "unloaded_reps",
        "unloaded_seconds",
    )

    def __init__(self, first: LoggedSet) -> None:
        self.sets = self.total = 0
        self.heaviest = first
        self.strongest: tuple[float, tuple[float, float, float], LoggedSet] | None = None
        self.unloaded_reps: int | None = None
        self.unloaded_seconds: float | None = None
        self.loaded_reps: int | None = None
        self.loaded_seconds: float | None = None

    def add(self, s: LoggedSet) -> None:
        self.sets += 1
        self.total += s.reps or 0
        rank = heaviness(s)
        if rank > heaviness(self.heaviest):
            self.heaviest = s
        e1rm = estimate(s)
        if e1rm is not None and (self.strongest is None or (e1rm, rank) > self.strongest[:2]):
            self.strongest = (e1rm, rank, s)
        if s.load_kg:
            self.loaded_reps = most(self.loaded_reps, s.reps)
            self.loaded_seconds = most(self.loaded_seconds, s.duration_seconds)
        else:
            self.unloaded_reps = most(self.unloaded_reps, s.reps)
            self.unloaded_seconds = most(self.unloaded_seconds, s.duration_seconds)

    def digest(self, started_at: datetime, exercise_id: str) -> ExerciseDigest:
        return ExerciseDigest(
            started_at=started_at,
            exercise_id=exercise_id,
            sets=self.sets,
            total_reps=self.total,
            heaviest=_top(self.heaviest),
            strongest=_top(self.strongest[2]) if self.strongest else None,
            unloaded_reps=self.unloaded_reps,
            unloaded_seconds=self.unloaded_seconds,
            loaded_reps=self.loaded_reps,
            loaded_seconds=self.loaded_seconds,
        )


def _top(s: LoggedSet) -> TopSet:
    return TopSet(s.reps, s.load_kg, s.duration_seconds)


def digest_workout(workout: Workout) -> list[ExerciseDigest]:
    """A digest for each exercise with working sets, in the order first done."""
    tallies: dict[str, _Tally] = {}
    for s in workout.sets:
        if s.set_type is SetType.WARMUP:
            continue
        tally = tallies.get(s.exercise_id)
        if tally is None:
            tally = tallies[s.exercise_id] = _Tally(s)
        tally.add(s)
    return [tally.digest(workout.started_at, ex) for ex, tally in tallies.items()]


def digest_workouts(workouts: Iterable[Workout]) -> list[ExerciseDigest]:
    """Every workout's digests, oldest workout first."""
    return [d for w in sorted(workouts, key=lambda w: w.started_at) for d in digest_workout(w)]
