"""Which main exercises may enter a week's model, how long a set takes, and which come first.

The model stays small (and fast) because only the few most fitting moves of each movement
pattern enter it. Ranking decides which: the seeds' moves, work near the person's level,
and for someone with weights or machines the gym staples before bodyweight and bands.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
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
from backtone.planner import ladder
from backtone.planner.items import peak_set_seconds
from backtone.planner.rules import (
    SEED_SOURCES,
    auto_selectable,
    is_hard,
    is_multi_joint,
    regions_of,
)
from backtone.planner.volume import MIN_SETS, max_sets, rest_for

SUPPORT_PATTERNS = frozenset(
    {
        Pattern.ANTI_ROTATION,
        Pattern.SCAPULAR,
        Pattern.SPINAL_EXTENSION,
        Pattern.CARRY_HANG,
        Pattern.CONDITIONING,
    }
)
POSTURE_PATTERNS = frozenset({Pattern.SCAPULAR, Pattern.SPINAL_EXTENSION, Pattern.ANTI_ROTATION})
ADJUSTABLE = frozenset({LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.MACHINE, LoadKind.CABLE})
GYM_LOADS = ADJUSTABLE | {LoadKind.KETTLEBELL}
# Kit that makes band moves second best: weights and machines load in small, known steps.
LOADED_KIT = frozenset(
    {
        Equipment.DUMBBELLS,
        Equipment.BARBELL,
        Equipment.CABLE_STATION,
        Equipment.LAT_PULLDOWN_MACHINE,
        Equipment.KETTLEBELL,
    }
)
PER_PATTERN = 3
MAX_CARDIO_SETS = 3  # 3 x 10 min of easy rowing is plenty for any session


@dataclass(frozen=True)
class Candidate:
    exercise: Exercise
    rest_seconds: int
    set_seconds: int  # one set at the top of its range plus rest
    min_sets: int
    max_sets: int
    seed_weight: int


def has_loaded_kit(profile: Profile) -> bool:
    return bool(profile.equipment & LOADED_KIT)


def is_main_candidate(exercise: Exercise, profile: Profile, window: frozenset[str]) -> bool:
    """Main work this plan may use: allowed, strength or cardio, and about the back or balance."""
    if exercise.kind not in (Kind.STRENGTH, Kind.CARDIO):
        return False
    if not auto_selectable(exercise, profile):
        return False
    if ladder.is_ladder(exercise.id) and exercise.id not in window:
        return False
    return bool(
        regions_of(exercise) & BACK_REGIONS
        or exercise.pattern in PUSH_PATTERNS
        or exercise.pattern in SUPPORT_PATTERNS
    )


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


def seed_weights(catalogue: Catalogue, profile: Profile) -> dict[str, int]:
    """Seeds' exercises score 2; the nearest allowed easier variant of an unreachable one, 1.

    A seed's band move counts in its weighted form for someone with weights: seed 003 asks for
    reverse flies, and at a gym that means dumbbells.
    """
    weights: dict[str, int] = {}
    for exercise in sorted(catalogue, key=lambda e: e.id):
        if not SEED_SOURCES & set(exercise.featured_in):
            continue
        if exercise.load is LoadKind.BAND and has_loaded_kit(profile):
            for harder in exercise.harder:
                other = catalogue.get(harder)
                if other.load in GYM_LOADS and auto_selectable(other, profile):
                    weights[other.id] = 2
        if auto_selectable(exercise, profile):
            weights[exercise.id] = 2
            continue
        queue, seen = deque(exercise.easier), set(exercise.easier)
        while queue:
            other = catalogue.get(queue.popleft())
            if auto_selectable(other, profile):
                weights.setdefault(other.id, 1)
                break
            for nxt in other.easier:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    return weights


def cardio_sets(profile: Profile) -> int:
    """Rounds of easy conditioning a session of this length can hold: one per half hour."""
    return max(1, min(MAX_CARDIO_SETS, profile.minutes // 30))


def candidates(catalogue: Catalogue, profile: Profile, window: frozenset[str]) -> list[Candidate]:
    """Every main exercise the person may do this block, with its timing and set range."""
    weights = seed_weights(catalogue, profile)
    out: list[Candidate] = []
    for exercise in sorted(catalogue, key=lambda e: e.id):
        if not is_main_candidate(exercise, profile, window):
            continue
        p = exercise.prescription
        rest = rest_for(p.rest_seconds.low, p.rest_seconds.high, profile.emphasis)
        if exercise.kind is Kind.CARDIO:
            low, high = p.sets, max(p.sets, cardio_sets(profile))
        else:
            low = min(MIN_SETS, p.sets)
            # isolation work tops out at three sets; compound lifts carry the volume
            high = max(low, max_sets(profile) if is_multi_joint(exercise) else 3)
        out.append(
            Candidate(
                exercise, rest, peak_set_seconds(exercise, rest), low, high,
                weights.get(exercise.id, 0),
            )
        )  # fmt: skip
    return best_per_pattern(profile, out)


def emphasis_bonus(profile: Profile, exercise: Exercise) -> int:
    """How well a move suits what the person most wants."""
    if profile.emphasis is Emphasis.POSTURE and (
        exercise.pattern in POSTURE_PATTERNS or Region.UPPER_BACK in regions_of(exercise)
    ):
        return 15
    if profile.emphasis is Emphasis.STRENGTH and is_multi_joint(exercise) and is_hard(exercise):
        return 15
    if profile.emphasis is Emphasis.TONE and exercise.pattern in PULL_PATTERNS:
        return 5
    return 0


def ladder_bonus(profile: Profile, exercise_id: str) -> int:
    """Someone without a pull-up wants every rung; someone with one, the highest in reach."""
    return 60 if not profile.can_do_pull_up else 10 * ladder.RUNG_OF[exercise_id]


def kit_tier(profile: Profile, exercise: Exercise) -> int:
    """0 first: with weights or machines at hand, those versions lead, then bodyweight, then
    bands; without them every version is equal."""
    if not has_loaded_kit(profile) or exercise.load in GYM_LOADS:
        return 0
    return 2 if exercise.load is LoadKind.BAND else 1


def static_score(profile: Profile, c: Candidate) -> int:
    """How fitting a candidate is before any week is planned."""
    e = c.exercise
    score = 50 * c.seed_weight + emphasis_bonus(profile, e)
    score += 10 - 5 * (profile.level.rank - e.level.rank)  # work near the person's level
    score += 5 if e.load in ADJUSTABLE else 0  # loads that can grow in small steps
    if ladder.is_ladder(e.id):
        score += ladder_bonus(profile, e.id)
    return score


def _without_bands(profile: Profile, group: list[Candidate]) -> list[Candidate]:
    """Band versions only where nothing better exists, for someone with weights or machines.
    A ladder rung keeps its band step unless the rung has another way up."""
    if not has_loaded_kit(profile):
        return group
    kept = []
    for c in group:
        if c.exercise.load is not LoadKind.BAND:
            kept.append(c)
            continue
        rung = ladder.RUNG_OF.get(c.exercise.id)
        rivals = [
            o for o in group
            if o.exercise.load is not LoadKind.BAND
            and (rung is None or ladder.RUNG_OF.get(o.exercise.id) == rung)
        ]  # fmt: skip
        if not rivals:
            kept.append(c)
    return kept


def best_per_pattern(profile: Profile, pool: list[Candidate]) -> list[Candidate]:
    """The few most fitting candidates of each movement pattern: enough for six varied
    sessions, and a model small enough to solve to optimality in milliseconds."""
    kept: list[Candidate] = []
    for pattern in Pattern:
        group = _without_bands(profile, [c for c in pool if c.exercise.pattern is pattern])
        group.sort(key=lambda c: (kit_tier(profile, c.exercise), -static_score(profile, c),
                                  c.exercise.id))  # fmt: skip
        # the ladder window is already small, and each rung has its own job
        kept += [c for c in group if ladder.is_ladder(c.exercise.id)]
        kept += [c for c in group if not ladder.is_ladder(c.exercise.id)][:PER_PATTERN]
    return sorted(kept, key=lambda c: c.exercise.id)


def allowed_ladder(
    catalogue: Catalogue, profile: Profile, window: frozenset[str]
) -> frozenset[str]:
    """The ladder steps of a window this person may be given."""
    return frozenset(
        e for e in window if e in catalogue and auto_selectable(catalogue.get(e), profile)
    )
