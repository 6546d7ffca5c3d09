"""How much of an exercise a person gets: sets, reps (or hold) and rest, by level and aim.

One dose per exercise and person, read by the planner and by anything that puts an exercise
in front of someone (a swap, an ad hoc session). The numbers follow docs/coaching.md:

- A ladder exercise takes its rung's numbers (the rung the person is on).
- A seed's exercise takes the seed's numbers exactly when the person is at the seed's level:
  a beginner, or an intermediate training to tone or for posture. Past that, the exercise
  gets the numbers of the person's level and is not marked as the seed's.
- Everything else follows ACSM's ranges by level and aim: heavy barbell lifts, other
  compound lifts with adjustable load, single-joint accessories, and body-weight, band and
  timed moves (whose own reps or hold stay, since load cannot be dialled in small steps).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from backtone.domain.exercise import SEED_SOURCES, Exercise, Prescription, Source, Span
from backtone.domain.ladders import Rung, ladder_of
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import Kind, Level, LoadKind, Pattern

ADJUSTABLE = frozenset({LoadKind.DUMBBELL, LoadKind.MACHINE, LoadKind.CABLE, LoadKind.KETTLEBELL})
MULTI_JOINT = frozenset(
    {
        Pattern.VERTICAL_PULL,
        Pattern.HORIZONTAL_PULL,
        Pattern.HINGE,
        Pattern.SQUAT,
        Pattern.HORIZONTAL_PUSH,
        Pattern.VERTICAL_PUSH,
        Pattern.CONDITIONING,
    }
)


class LiftClass(StrEnum):
    """How a lift is dosed."""

    HEAVY = "heavy"  # multi-joint barbell lifts
    COMPOUND = "compound"  # other multi-joint lifts with load in small steps
    ACCESSORY = "accessory"  # single-joint lifts with load in small steps
    FIXED = "fixed"  # body weight, bands, holds: the exercise's own reps or seconds


@dataclass(frozen=True)
class Numbers:
    sets: Span
    reps: Span | None  # None: the exercise's own
    rest: Span


# ACSM 2009 by level; "tone" (also posture) leans to the higher-rep, shorter-rest end,
# "strength" to the heavier end. See docs/coaching.md for the table and its sources.
# Sets are the fewest and most a session gives one exercise; rest is a range to choose in.
def _n(sets: tuple[int, int], reps: tuple[int, int] | None, rest: tuple[int, int]) -> Numbers:
    return Numbers(Span(*sets), Span(*reps) if reps else None, Span(*rest))


_HEAVY, _COMPOUND, _ACCESSORY, _FIXED = LiftClass
_BEG, _INT, _ADV = Level.BEGINNER, Level.INTERMEDIATE, Level.ADVANCED
_TONE, _STRONG = Emphasis.TONE, Emphasis.STRENGTH
POLICY: dict[tuple[LiftClass, Level, Emphasis], Numbers] = {
    (_HEAVY, _BEG, _TONE): _n((2, 3), (8, 10), (120, 120)),
    (_HEAVY, _BEG, _STRONG): _n((2, 3), (6, 8), (120, 150)),
    (_HEAVY, _INT, _TONE): _n((3, 4), (6, 10), (120, 150)),
    (_HEAVY, _INT, _STRONG): _n((3, 4), (5, 8), (150, 180)),
    (_HEAVY, _ADV, _TONE): _n((3, 4), (6, 10), (120, 150)),
    (_HEAVY, _ADV, _STRONG): _n((3, 5), (4, 6), (180, 180)),
    (_COMPOUND, _BEG, _TONE): _n((2, 3), (10, 15), (45, 60)),
    (_COMPOUND, _BEG, _STRONG): _n((2, 3), (8, 12), (60, 90)),
    (_COMPOUND, _INT, _TONE): _n((3, 4), (10, 12), (60, 75)),
    (_COMPOUND, _INT, _STRONG): _n((3, 4), (6, 10), (90, 120)),
    (_COMPOUND, _ADV, _TONE): _n((3, 4), (8, 12), (75, 90)),
    (_COMPOUND, _ADV, _STRONG): _n((3, 5), (6, 8), (120, 150)),
    (_ACCESSORY, _BEG, _TONE): _n((2, 3), (12, 15), (45, 45)),
    (_ACCESSORY, _BEG, _STRONG): _n((2, 3), (10, 12), (60, 60)),
    (_ACCESSORY, _INT, _TONE): _n((2, 3), (12, 15), (45, 60)),
    (_ACCESSORY, _INT, _STRONG): _n((3, 3), (10, 12), (60, 60)),
    (_ACCESSORY, _ADV, _TONE): _n((3, 4), (12, 15), (45, 60)),
    (_ACCESSORY, _ADV, _STRONG): _n((3, 4), (10, 12), (60, 75)),
    (_FIXED, _BEG, _TONE): _n((2, 3), None, (30, 45)),
    (_FIXED, _BEG, _STRONG): _n((2, 3), None, (45, 60)),
    (_FIXED, _INT, _TONE): _n((2, 3), None, (30, 45)),
    (_FIXED, _INT, _STRONG): _n((3, 4), None, (45, 60)),
    (_FIXED, _ADV, _TONE): _n((3, 3), None, (30, 45)),
    (_FIXED, _ADV, _STRONG): _n((3, 4), None, (45, 60)),
}


@dataclass(frozen=True)
class Dose:
    """What one exercise gets in this person's plan: the fewest and most sets a session may
    give it (equal when fixed), the reps or hold, the rest, and where the numbers come from."""

    sets: Span
    reps: Span | None
    seconds: Span | None
    rest_seconds: int
    per_side: bool
    source: Source
    note: str = ""
    rung: int | None = None  # the ladder rung these are the numbers of

    @property
    def fixed(self) -> bool:
        """A seed's or a rung's numbers, which later weeks do not change."""
        return self.sets.low == self.sets.high


def lift_class(exercise: Exercise) -> LiftClass:
    if exercise.prescription.is_timed or exercise.load not in ADJUSTABLE | {LoadKind.BARBELL}:
        return LiftClass.FIXED
    if exercise.pattern not in MULTI_JOINT:
        return LiftClass.ACCESSORY
    return LiftClass.HEAVY if exercise.load is LoadKind.BARBELL else LiftClass.COMPOUND


def at_seed_level(profile: Profile) -> bool:
    """The seeds write for people starting out and training to tone: a beginner, or an
    intermediate who is not training for strength."""
    return profile.level is Level.BEGINNER or (
        profile.level is Level.INTERMEDIATE and profile.emphasis is not Emphasis.STRENGTH
    )


def rest_in(span: Span, emphasis: Emphasis) -> int:
    """A rest inside a range: short for tone, long for strength, the middle for posture."""
    if emphasis is Emphasis.TONE:
        return span.low
    if emphasis is Emphasis.STRENGTH:
        return span.high
    return 5 * round((span.low + span.high) / 10)  # to the nearest 5 s a watch can show


def _aim(emphasis: Emphasis) -> Emphasis:
    return Emphasis.STRENGTH if emphasis is Emphasis.STRENGTH else Emphasis.TONE


def dose_for(exercise: Exercise, profile: Profile, rung: Rung | None = None) -> Dose:
    """The numbers this person gets for this exercise (on this rung, for a ladder move)."""
    p = exercise.prescription
    ladder = ladder_of(exercise.id)
    if rung is not None and ladder is not None:
        return Dose(
            sets=Span(rung.sets, rung.sets), reps=rung.reps, seconds=rung.seconds,
            rest_seconds=rest_in(rung.rest_seconds, profile.emphasis), per_side=p.per_side,
            source=rung.source_for(exercise), note=rung.how, rung=ladder.rungs.index(rung),
        )  # fmt: skip
    if exercise.kind in (Kind.STRETCH, Kind.MOBILITY, Kind.CARDIO):
        return _as_written(p, profile)
    if p.source in SEED_SOURCES and at_seed_level(profile):
        return _as_written(p, profile)
    numbers = POLICY[lift_class(exercise), profile.level, _aim(profile.emphasis)]
    reps = p.reps if numbers.reps is None or p.reps is None else numbers.reps
    return Dose(
        sets=numbers.sets, reps=reps, seconds=p.seconds,
        rest_seconds=rest_in(numbers.rest, profile.emphasis), per_side=p.per_side,
        source=Source.DEFAULT,
    )  # fmt: skip


def _as_written(p: Prescription, profile: Profile) -> Dose:
    return Dose(
        sets=Span(p.sets, p.sets), reps=p.reps, seconds=p.seconds,
        rest_seconds=rest_in(p.rest_seconds, profile.emphasis), per_side=p.per_side,
        source=p.source, note=p.note,
    )  # fmt: skip
