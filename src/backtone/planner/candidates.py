"""Which main exercises may enter a week's model, with this person's numbers, best first.

The model stays small (and fast) because only the few most fitting moves of each movement
pattern enter it. Ranking is the coach's order of preference:

1. Kit first: the weights, machines and cables the person owns lead, then body weight, then
   bands (for someone who owns weights); a ladder move counts as kit-first, because a
   pull-up or push-up at the right rung is what builds strength without kit.
2. Then the seeds' moves, work near the person's level, and what suits their aim.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backtone.domain.catalogue import Catalogue
from backtone.domain.dosage import ADJUSTABLE, MULTI_JOINT, Dose, dose_for
from backtone.domain.exercise import SEED_SOURCES, Exercise
from backtone.domain.ladders import Ladder, Rung, ladder_of
from backtone.domain.plan import CHANGEOVER_SECONDS, Role
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Equipment,
    Kind,
    LoadKind,
    Pattern,
    Region,
)
from backtone.domain.warmup import BARBELL_RAMP, LIGHT_RAMP, RAMPED_LOADS, ramp_seconds
from backtone.planner.rules import auto_selectable, is_hard, regions_of

SUPPORT_PATTERNS = frozenset(
    {Pattern.ANTI_ROTATION, Pattern.SCAPULAR, Pattern.SPINAL_EXTENSION, Pattern.CARRY_HANG}
)
POSTURE_PATTERNS = frozenset({Pattern.SCAPULAR, Pattern.SPINAL_EXTENSION, Pattern.ANTI_ROTATION})
# Kit that makes body-weight and band stand-ins second best: it loads in small, known steps.
LOADED_KIT = frozenset(
    {
        Equipment.DUMBBELLS,
        Equipment.BARBELL,
        Equipment.CABLE_STATION,
        Equipment.LAT_PULLDOWN_MACHINE,
        Equipment.KETTLEBELL,
    }
)
PER_PATTERN = 3  # moves of each pattern offered to the model, besides the ladder's


@dataclass(frozen=True)
class Candidate:
    """A main exercise the model may place, with this person's dose and its cost in time."""

    exercise: Exercise
    dose: Dose
    rank: int  # 0 = the most fitting of its pattern for this person
    rung: Rung | None = None

    @property
    def rest_seconds(self) -> int:
        return self.dose.rest_seconds

    @property
    def set_seconds(self) -> int:
        """One set at the top of its range, both sides, plus the rest that follows it."""
        d = self.dose
        work = (
            float(d.seconds.high)
            if d.seconds
            else (d.reps.high if d.reps else 0) * (self.exercise.seconds_per_rep)
        )
        return int(-(-(work * (2 if d.per_side else 1) + d.rest_seconds) // 1))

    @property
    def entry_seconds(self) -> int:
        """What doing it at all costs beyond its sets: the changeover to the next exercise
        (which replaces the last set's rest) and, for a barbell lift, its ramp-up sets."""
        ramp = BARBELL_RAMP if self.heavy else ()  # the most it can get (the first lift's)
        extra = CHANGEOVER_SECONDS[Role.MAIN] - self.rest_seconds
        return extra + ramp_seconds(ramp, self.exercise.seconds_per_rep)

    @property
    def heavy(self) -> bool:
        return self.exercise.load is LoadKind.BARBELL and self.exercise.pattern in MULTI_JOINT

    @property
    def light_ramp_seconds(self) -> int:
        return ramp_seconds(LIGHT_RAMP, self.exercise.seconds_per_rep)

    @property
    def ramped(self) -> bool:
        """A loaded compound lift that gets the light ramp when it leads a session."""
        e = self.exercise
        return e.load in RAMPED_LOADS and e.pattern in MULTI_JOINT and e.kind is Kind.STRENGTH


def has_loaded_kit(profile: Profile) -> bool:
    return bool(profile.equipment & LOADED_KIT)


def is_back_builder(exercise: Exercise) -> bool:
    """A pull or a hinge that loads the back hard: what every session needs at least one of."""
    return (
        is_hard(exercise)
        and exercise.pattern in PULL_PATTERNS | {Pattern.HINGE}
        and bool(regions_of(exercise) & BACK_REGIONS)
    )


def trains(exercise: Exercise, pattern: Pattern) -> bool:
    """Loads the back hard in this pattern: what 'covering' a vertical pull, row or hinge means."""
    return (
        exercise.pattern is pattern
        and is_hard(exercise)
        and bool(regions_of(exercise) & BACK_REGIONS)
    )


def is_main_candidate(exercise: Exercise, profile: Profile) -> bool:
    """Main work this plan may use: allowed strength work about the back or its balance.
    Ladder moves enter through their rungs; easy cardio warms up or finishes a session."""
    if exercise.kind is not Kind.STRENGTH or ladder_of(exercise.id) is not None:
        return False
    if not auto_selectable(exercise, profile):
        return False
    return bool(
        regions_of(exercise) & BACK_REGIONS
        or exercise.pattern in PUSH_PATTERNS
        or exercise.pattern in SUPPORT_PATTERNS
    )


def kit_tier(profile: Profile, exercise: Exercise) -> int:
    """0 first: owned weights and machines, and the pull-up ladder (the strength a bar
    builds has no stand-in); then body weight; then bands (for someone who owns weights, a
    band is a poor stand-in)."""
    ladder = ladder_of(exercise.id)
    if exercise.load in ADJUSTABLE | {LoadKind.BARBELL} or (ladder and ladder.id == "pull-up"):
        return 0
    if exercise.load is LoadKind.BAND:
        return 2 if has_loaded_kit(profile) else 1
    return 1


def emphasis_bonus(profile: Profile, exercise: Exercise) -> int:
    """How well a move suits what the person most wants."""
    if profile.emphasis is Emphasis.POSTURE and (
        exercise.pattern in POSTURE_PATTERNS or Region.UPPER_BACK in regions_of(exercise)
    ):
        return 15
    if profile.emphasis is Emphasis.STRENGTH and exercise.pattern in MULTI_JOINT:
        return 15
    if profile.emphasis is Emphasis.TONE and exercise.pattern in PULL_PATTERNS:
        return 5
    return 0


def _score(profile: Profile, exercise: Exercise, dose: Dose) -> int:
    score = 40 if dose.source in SEED_SOURCES else 0
    score += emphasis_bonus(profile, exercise)
    if exercise.load not in ADJUSTABLE | {LoadKind.BARBELL}:
        # body weight is as hard as the move; a weight is as hard as the person loads it
        score += 10 - 5 * abs(profile.level.rank - exercise.level.rank)
    else:
        score += 10
    return score


def rung_moves(
    catalogue: Catalogue, profile: Profile, ladder: Ladder, rung: int
) -> list[tuple[Exercise, Rung]]:
    """The exercises of a rung this person can do with their kit and limitations, two at
    most (the seed's first pull-ups come in two grips)."""
    r = ladder.rungs[rung]
    found = [
        catalogue.get(i) for i in r.exercise_ids if i in catalogue and auto_selectable(
            catalogue.get(i), profile, ladder_move=True)
    ]  # fmt: skip
    return [(e, r) for e in found[:2]]


def candidates(
    catalogue: Catalogue, profile: Profile, rungs: Iterable[tuple[Ladder, int]]
) -> list[Candidate]:
    """Every main exercise the person may do this block, ranked within its pattern."""
    pool: list[tuple[Exercise, Dose, Rung | None]] = []
    taken: set[str] = set()
    # the working rung first: a move on two rungs (pull-ups) is dosed for the higher one
    for ladder, rung in sorted(rungs, key=lambda lr: (lr[0].id, -lr[1])):
        for e, r in rung_moves(catalogue, profile, ladder, rung):
            if e.id not in taken:
                pool.append((e, dose_for(e, profile, r), r))
                taken.add(e.id)
    for exercise in sorted(catalogue, key=lambda e: e.id):
        if exercise.id not in taken and is_main_candidate(exercise, profile):
            pool.append((exercise, dose_for(exercise, profile), None))
    return _ranked(profile, pool)


def _ranked(profile: Profile, pool: list[tuple[Exercise, Dose, Rung | None]]) -> list[Candidate]:
    """The few most fitting candidates of each movement pattern, ranked: enough for six
    varied sessions, and a model small enough to solve in milliseconds."""
    kept: list[Candidate] = []
    for pattern in Pattern:
        group = [p for p in pool if p[0].pattern is pattern]
        group.sort(key=lambda p: (kit_tier(profile, p[0]), -_score(profile, p[0], p[1]),
                                  p[0].id))  # fmt: skip
        ladder_moves = [p for p in group if p[2] is not None]
        others = [p for p in group if p[2] is None]
        if has_loaded_kit(profile):  # bands only where nothing better exists
            others = [p for p in others if p[0].load is not LoadKind.BAND] or others
        # each kind of kit gets a place before a second move of the same kind
        firsts = list({p[0].load: p for p in reversed(others)}.values())[::-1]
        others = sorted(firsts, key=others.index)[:PER_PATTERN] + [
            p for p in others if p not in firsts
        ]
        others = sorted(others[:PER_PATTERN], key=group.index)
        ordered = sorted(ladder_moves + others, key=group.index)
        kept += [Candidate(e, d, rank, r) for rank, (e, d, r) in enumerate(ordered)]
    return sorted(kept, key=lambda c: c.exercise.id)
