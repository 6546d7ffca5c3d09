"""Personal records: estimated one-rep maxes, best reps at a load, volume, most reps.

The storage adapter computes the same figures in SQL for speed; its tests compare the
two on shared data, so these functions stay the definition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from backtone.domain.training import LoggedSet

# Rep-max formulas lose meaning on long sets; estimates use sets of this many reps or fewer.
MAX_REPS_FOR_ESTIMATE = 12


def epley(load_kg: float, reps: int) -> float:
    """Epley's estimate of a one-rep max: load x (1 + reps / 30); one rep is the load itself."""
    return load_kg if reps == 1 else load_kg * (1 + reps / 30)


def brzycki(load_kg: float, reps: int) -> float:
    """Brzycki's estimate: load x 36 / (37 - reps)."""
    return load_kg * 36 / (37 - reps)


@dataclass(frozen=True)
class Record:
    value: float
    when: datetime
    detail: str  # e.g. "8 x 20 kg"
    # The set behind a rep-based record, so each door can say it in the person's unit.
    reps: int | None = None
    load_kg: float | None = None


@dataclass(frozen=True)
class ExerciseRecords:
    exercise_id: str
    epley_1rm: Record | None = None
    brzycki_1rm: Record | None = None
    best_volume_session: Record | None = None
    most_reps_in_a_set: Record | None = None
    best_reps_by_load: tuple[tuple[float, int], ...] = ()  # (load kg, reps), heaviest first
    least_help: tuple[float, int] | None = None  # (help kg, reps) for an assisted move


def as_help(records: ExerciseRecords) -> ExerciseRecords:
    """Records of an assisted move, whose logged load is the help given: more of it is an
    easier set, so no estimate or volume is a record. What counts is the least help
    needed (with its best reps there) and the most reps."""
    by_load = records.best_reps_by_load
    reps = records.most_reps_in_a_set
    if reps is not None and by_load:
        help_kg = min(kg for kg, n in by_load if n == reps.value)
        detail = f"{reps.value:g} reps with {help_kg:g} kg of help"
        reps = replace(reps, detail=detail, load_kg=help_kg)
    return replace(
        records, epley_1rm=None, brzycki_1rm=None, best_volume_session=None,
        most_reps_in_a_set=reps, least_help=min(by_load, default=None),
    )  # fmt: skip


@dataclass(frozen=True)
class DatedSet:
    """A logged set with the workout it belongs to, as records need both."""

    workout_id: int
    when: datetime
    set: LoggedSet


def _describe(s: LoggedSet) -> str:
    return f"{s.reps} x {s.load_kg:g} kg" if s.load_kg else f"{s.reps} reps"


def _better(
    current: Record | None, value: float, when: datetime, detail: str, s: LoggedSet | None = None
) -> Record:
    # Ties go to the earliest set: that is when the record was first reached.
    if current is None or value > current.value:
        if s is None:
            return Record(value, when, detail)
        return Record(value, when, detail, s.reps, s.load_kg or None)
    return current


def compute_records(exercise_id: str, history: Iterable[DatedSet]) -> ExerciseRecords:
    """Records from one exercise's working sets (warm-ups never count)."""
    epley_best = brzycki_best = reps_best = None
    volume_by_workout: dict[int, tuple[float, datetime]] = {}
    reps_at_load: dict[float, int] = {}
    for dated in sorted(history, key=lambda d: d.when):
        s = dated.set
        if not s.is_hard or not s.reps:
            continue
        reps_best = _better(reps_best, s.reps, dated.when, _describe(s), s)
        if s.load_kg:
            if s.reps <= MAX_REPS_FOR_ESTIMATE:
                estimate = epley(s.load_kg, s.reps)
                epley_best = _better(epley_best, estimate, dated.when, _describe(s), s)
                estimate = brzycki(s.load_kg, s.reps)
                brzycki_best = _better(brzycki_best, estimate, dated.when, _describe(s), s)
            reps_at_load[s.load_kg] = max(reps_at_load.get(s.load_kg, 0), s.reps)
            volume, first = volume_by_workout.get(dated.workout_id, (0.0, dated.when))
            volume_by_workout[dated.workout_id] = (volume + s.volume_kg, first)
    volume_best = None
    for volume, when in sorted(volume_by_workout.values(), key=lambda v: v[1]):
        volume_best = _better(volume_best, volume, when, f"{volume:g} kg moved")
    return ExerciseRecords(
        exercise_id=exercise_id,
        epley_1rm=epley_best,
        brzycki_1rm=brzycki_best,
        best_volume_session=volume_best,
        most_reps_in_a_set=reps_best,
        best_reps_by_load=tuple(sorted(reps_at_load.items(), reverse=True)),
    )
