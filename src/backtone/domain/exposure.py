"""What the progression engine reads: past sessions of one exercise, and where they put a person.

An exposure is one session's sets of one exercise on one day, with the target that was shown
then when it is known (imported history has none). A spot is what the engine makes of the
latest exposure: which exercise and rung, the range to reach, what was done and at what load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum

from backtone.domain.errors import InvalidInput
from backtone.domain.exercise import Exercise, Span
from backtone.domain.ladders import ASSISTED, Ladder
from backtone.domain.plan import PlanItem
from backtone.domain.training import LoggedSet, SetType, WeightUnit, Workout
from backtone.domain.vocabulary import LoadKind


class Change(StrEnum):
    """What a suggestion changes, for programs; `reason` says it for people."""

    START = "start"
    HOLD = "hold"
    ADD_REPS = "add_reps"
    ADD_LOAD = "add_load"
    CLIMB_RUNG = "climb_rung"
    SWITCH_VARIANT = "switch_variant"
    DELOAD = "deload"
    STEP_BACK = "step_back"


# The only changes allowed to make things easier; each comes with a reason.
BACKWARD = frozenset({Change.DELOAD, Change.STEP_BACK})
# A session after one of these starts a fresh count towards a stall.
FRESH_START = frozenset(
    {Change.START, Change.DELOAD, Change.STEP_BACK, Change.SWITCH_VARIANT, Change.CLIMB_RUNG}
)
WORKING = frozenset({SetType.WORKING, SetType.FAILURE})


@dataclass(frozen=True)
class Target:
    """What a person was asked to do in a session, and the plan's item it came from."""

    sets: int
    reps: Span | None = None
    seconds: Span | None = None
    load_kg: float | None = None
    change: Change | None = None
    planned: PlanItem | None = None
    rung: int | None = None  # the ladder step it was on, for a ladder's exercise
    # A warm-up, stretch or drill is ticked off, not logged: the tick is kept here, with
    # what was asked, so it never becomes a set in history or weekly volume.
    ticked: bool = False


@dataclass(frozen=True)
class Exposure:
    """One session's sets of one exercise; warm-ups are ignored."""

    day: date
    exercise_id: str
    sets: tuple[LoggedSet, ...]
    target: Target | None = None

    def __post_init__(self) -> None:
        for s in self.sets:
            if s.exercise_id != self.exercise_id:
                raise InvalidInput(
                    "exposure", f"a set of {s.exercise_id!r} is filed under {self.exercise_id!r}"
                )

    @property
    def working(self) -> tuple[LoggedSet, ...]:
        return tuple(s for s in self.sets if s.set_type in WORKING)


def exposures_from_workouts(
    workouts: Iterable[Workout], exercise_ids: Iterable[str], tz: tzinfo
) -> list[Exposure]:
    """One exposure per workout and exercise, dated in the person's time zone, oldest first."""
    wanted = frozenset(exercise_ids)
    found: list[Exposure] = []
    for workout in sorted(workouts, key=lambda w: w.started_at):
        by_id: dict[str, list[LoggedSet]] = defaultdict(list)
        for s in workout.sets:
            if s.exercise_id in wanted:
                by_id[s.exercise_id].append(s)
        day = workout.started_at.astimezone(tz).date()
        found += [Exposure(day, i, tuple(sets)) for i, sets in by_id.items()]
    return found


@dataclass(frozen=True)
class Spot:
    """Where one exposure puts a person."""

    exposure: Exposure
    exercise: Exercise
    ladder: Ladder | None
    rung: int | None
    sets: int
    reps: Span | None
    seconds: Span | None
    done: tuple[float, ...]  # reps, or seconds held, per working set
    load_kg: float | None  # the lightest working load; for assisted work, the most help
    unit: WeightUnit = WeightUnit.KG  # the one the person reads loads in

    @property
    def kind(self) -> LoadKind:
        return self.exercise.load

    @property
    def assisted(self) -> bool:
        return self.exercise.id in ASSISTED

    @property
    def added_load(self) -> bool:
        """On a ladder's top rung, where weight on a belt is the progression."""
        if self.ladder is None or self.rung is None:
            return False
        return self.ladder.rungs[self.rung].added_load

    @property
    def span(self) -> Span:
        found = self.reps if self.reps is not None else self.seconds
        assert found is not None
        return found

    @property
    def weakest(self) -> float:
        """The worst of the prescribed sets; a set not done counts as nothing."""
        target = self.exposure.target
        asked = target.sets if target is not None else self.sets  # a deload asks for fewer
        padded = list(self.done) + [0.0] * max(0, asked - len(self.done))
        return min(padded[: max(asked, 1)])

    @property
    def top_reached(self) -> bool:
        """Every prescribed set at the top of the range (sets done beyond them do not count)."""
        return self.weakest >= self.span.high

    @property
    def score(self) -> tuple[float, float]:
        """Better sessions score higher: more load (less help) first, then more work."""
        load = self.load_kg or 0.0
        return (-load if self.assisted else load, sum(self.done))

    def efforts(self) -> list[tuple[float | None, int | None]]:
        return [(s.rpe, s.reps_in_reserve) for s in self.exposure.working]


def locate(
    exposure: Exposure,
    exercise: Exercise,
    ladder: Ladder | None,
    unit: WeightUnit = WeightUnit.KG,
    planned_rung: int | None = None,
) -> Spot:
    """Read an exposure of `exercise` (already looked up) against its ladder, if it has one.

    Without the target shown at the time, the plan's rung settles which rung a move on
    several rungs was done on (a push-up 3 x 10 is the plan's step, not a later one)."""
    working = exposure.working
    timed = _timed(exercise, ladder, exposure)
    done = tuple(float((s.duration_seconds if timed else s.reps) or 0) for s in working)
    loads = [float(s.load_kg) for s in working if s.load_kg is not None]
    load = (max(loads) if exercise.id in ASSISTED else min(loads)) if loads else None
    if ladder is None:
        p = exercise.prescription
        return Spot(exposure, exercise, None, None, p.sets, p.reps, p.seconds, done, load, unit)
    target = exposure.target
    if (
        target is not None
        and target.rung is not None
        and target.rung < len(ladder.rungs)
        and exercise.id in ladder.rungs[target.rung].exercise_ids
    ):
        rung = target.rung  # the step it was shown on says it
    elif (
        target is None
        and planned_rung is not None
        and exercise.id in ladder.rungs[planned_rung].exercise_ids
    ):
        rung = planned_rung
    else:
        rung = ladder.locate(
            exercise.id,
            reps_done=[int(d) for d in done],
            loaded=bool(load) and exercise.id not in ASSISTED,
            target=(target.sets, target.reps) if target is not None else None,
        )
    r = ladder.rungs[rung]
    return Spot(exposure, exercise, ladder, rung, r.sets, r.reps, r.seconds, done, load, unit)


def _timed(exercise: Exercise, ladder: Ladder | None, exposure: Exposure) -> bool:
    if ladder is not None:
        return any(r.seconds is not None for r in ladder.rungs if exercise.id in r.exercise_ids)
    return exercise.prescription.is_timed
