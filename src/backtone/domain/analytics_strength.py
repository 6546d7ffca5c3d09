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
from backtone.domain.ladders import PULL_UP_LADDER, Ladder, Rung
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


def _best_for(rung: Rung, d: ExerciseDigest) -> tuple[int | None, float | None]:
    """The reps and hold that count for a rung: the weighted rung needs added load; on the
    others a load is allowed, as assisted moves log the help given."""
    if rung.added_load:
        return d.loaded_reps, d.loaded_seconds
    return d.most_reps, d.longest_hold


def meets_rung(rung: Rung, d: ExerciseDigest) -> bool:
    """Whether a workout's sets of an exercise reach the bottom of a rung's range: its reps,
    or its hold in seconds."""
    if d.exercise_id not in rung.exercise_ids:
        return False
    reps, seconds = _best_for(rung, d)
    if rung.reps is not None:
        return (reps or 0) >= max(rung.reps.low, 1)
    assert rung.seconds is not None
    return (seconds or 0.0) >= rung.seconds.low


@dataclass(frozen=True)
class LadderPosition:
    """The highest rung reached (0 = the first), the set that showed it, and what comes next."""

    rung: int
    rungs: int
    exercise_id: str
    target: str  # the rung's sets x reps, e.g. "3 x 3-5"
    reached_on: date
    reps: int | None
    seconds: float | None
    next_rung: tuple[str, ...]
    next_target: str = ""

    @property
    def at_top(self) -> bool:
        return self.rung == self.rungs - 1


def pull_up_rung(
    workouts: Iterable[Workout],
    *,
    tz: tzinfo,
    ladder: Ladder = PULL_UP_LADDER,
    since: date | None = None,
) -> LadderPosition | None:
    """The hardest rung of the pull-up ladder that a logged set reached, or None.

    A set reaches a rung when it is one of the rung's exercises and meets the bottom of its
    range (3 pull-ups reach "3 x 3-5"; a 20-second hang reaches "3 x 20-30 s"). The first
    workout to reach the highest rung is reported, with its best set of that exercise. With
    `since`, only sets from that local date on count, so a long lay-off can lower the rung.
    """
    return rung_from_digests(digest_workouts(workouts), tz=tz, ladder=ladder, since=since)


def rung_from_digests(
    digests: Iterable[ExerciseDigest],
    *,
    tz: tzinfo,
    ladder: Ladder = PULL_UP_LADDER,
    since: date | None = None,
) -> LadderPosition | None:
    """pull_up_rung from the workouts' digests (see exercise_digest)."""
    candidates: dict[str, list[int]] = {}
    for index, rung in enumerate(ladder.rungs):
        for exercise_id in rung.exercise_ids:
            candidates.setdefault(exercise_id, []).append(index)
    found: tuple[int, date, ExerciseDigest] | None = None
    for d in sorted(digests, key=lambda d: d.started_at):
        indexes = candidates.get(d.exercise_id)
        if indexes is None or (found is not None and indexes[-1] <= found[0]):
            continue  # not on the ladder, or no higher than the rung already found
        day = d.started_at.astimezone(tz).date()
        if since is not None and day < since:
            continue
        for index in reversed(indexes):
            if found is not None and index <= found[0]:
                break
            if meets_rung(ladder.rungs[index], d):
                found = (index, day, d)
                break
    if found is None:
        return None
    index, day, d = found
    rung = ladder.rungs[index]
    reps, seconds = _best_for(rung, d)
    following = ladder.rungs[index + 1] if index + 1 < len(ladder.rungs) else None
    return LadderPosition(
        rung=index,
        rungs=len(ladder.rungs),
        exercise_id=d.exercise_id,
        target=rung.target(),
        reached_on=day,
        reps=reps if rung.reps is not None else None,
        seconds=seconds if rung.seconds is not None else None,
        next_rung=following.exercise_ids if following else (),
        next_target=following.target() if following else "",
    )


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
