"""The planner's hard rules, stated once: who may do what, and a checker for finished plans.

The generator builds plans that keep these rules; `hard_rule_breaches` re-checks a finished
plan from scratch, so tests (and anyone curious) can confirm it without trusting the model.
"""

from __future__ import annotations

from collections.abc import Callable

from backtone.domain.catalogue import Catalogue
from backtone.domain.dosage import MULTI_JOINT
from backtone.domain.exercise import SEED_SOURCES, Exercise
from backtone.domain.ladders import ladder_of
from backtone.domain.plan import Plan, PlanItem, Role
from backtone.domain.profile import Profile
from backtone.domain.vocabulary import REGION_OF, Kind, Muscle, Region

MIN_HOURS_BETWEEN_HARD = 48
# Moves that need a second person: they stay in the catalogue for people to pick themselves,
# but the planner never chooses them for someone who may well train alone.
NEEDS_PARTNER = frozenset({"spotted-pull-up"})
# Bigger muscle groups first inside a session (ACSM ordering); lower rank = larger.
REGION_SIZE = {
    Region.LEGS: 0,
    Region.LOWER_BACK: 1,
    Region.LATS: 2,
    Region.CHEST: 3,
    Region.UPPER_BACK: 4,
    Region.SHOULDERS: 5,
    Region.ARMS: 6,
    Region.CORE: 7,
}


def is_hard(exercise: Exercise) -> bool:
    """Loads its primary muscles hard: strength work (stretches, mobility and easy cardio don't)."""
    return exercise.kind is Kind.STRENGTH


def is_multi_joint(exercise: Exercise) -> bool:
    return exercise.pattern in MULTI_JOINT


def size_rank(exercise: Exercise) -> int:
    """The rank of the largest region among the primary muscles (0 = legs, the largest); an
    exercise with none named (some imported ones) ranks with the smallest."""
    return min((REGION_SIZE[REGION_OF[m]] for m in exercise.primary),
               default=max(REGION_SIZE.values()))  # fmt: skip


def order_key(exercise: Exercise) -> tuple[int, int, str]:
    """Multi-joint before single-joint, then larger muscles before smaller; easy conditioning
    comes last, as a finisher that does not tire the muscles before the lifting."""
    if exercise.kind is Kind.CARDIO:
        return (2, 0, exercise.id)
    return (0 if is_multi_joint(exercise) else 1, size_rank(exercise), exercise.id)


def regions_of(exercise: Exercise) -> frozenset[Region]:
    return frozenset(REGION_OF[m] for m in exercise.primary)


def hard_muscles(exercise: Exercise) -> frozenset[Muscle]:
    return frozenset(exercise.primary) if is_hard(exercise) else frozenset()


def breaks_for(exercise: Exercise, profile: Profile, *, ladder_move: bool = False) -> list[str]:
    """Why this person may not do this exercise, in words; empty when they may.

    A ladder move is placed by the person's own numbers (its rung), not by its level.
    """
    problems = []
    if not exercise.doable_with(profile.equipment):
        missing = [e.label for e in exercise.needs - profile.equipment]
        if exercise.supports and not exercise.supports & profile.equipment:
            missing.append(" or ".join(sorted(e.label for e in exercise.supports)))
        problems.append(f"{exercise.name} needs {', '.join(sorted(missing))}")
    if exercise.level.rank > profile.level.rank and not ladder_move:
        problems.append(f"{exercise.name} is {exercise.level.value} work")
    for limitation in sorted(exercise.avoid_with & profile.limitations):
        problems.append(
            f"{exercise.name} is left out for a sore {limitation.label}:"
            f" {exercise.why_not_with(limitation) or 'it loads it hard'}"
        )
    return problems


def allowed(exercise: Exercise, profile: Profile) -> bool:
    return not breaks_for(exercise, profile, ladder_move=ladder_of(exercise.id) is not None)


def auto_selectable(exercise: Exercise, profile: Profile, *, ladder_move: bool = False) -> bool:
    """Allowed, and something the planner may pick on its own (no partner needed)."""
    return exercise.id not in NEEDS_PARTNER and not breaks_for(
        exercise, profile, ladder_move=ladder_move
    )


def ladder_usable(catalogue: Catalogue, profile: Profile) -> Callable[[str], bool]:
    """Whether the person may be given a ladder move: in the catalogue, their kit, no
    limitation against it, no partner needed (their numbers, not its level, place it)."""

    def usable(exercise_id: str) -> bool:
        return exercise_id in catalogue and auto_selectable(
            catalogue.get(exercise_id), profile, ladder_move=True
        )

    return usable


def hard_rule_breaches(plan: Plan, catalogue: Catalogue) -> list[str]:
    """Every hard rule the plan breaks, in words; an empty list means the plan is sound."""
    profile = plan.profile
    breaches: list[str] = []
    last_hard: dict[Muscle, tuple[int, str]] = {}  # muscle -> (day ordinal, where)
    for week in plan.weeks:
        for session in week.sessions:
            where = f"week {week.number} {session.day.isoformat()}"
            if session.weekday not in profile.weekdays:
                breaches.append(f"{where}: not one of the chosen weekdays")
            if session.estimated_minutes > profile.minutes:
                breaches.append(
                    f"{where}: takes {session.estimated_minutes} min of {profile.minutes}"
                )
            breaches += _session_breaches(session.items, catalogue, profile, where)
            day = session.day.toordinal()
            for item in session.by_role(Role.MAIN):
                for muscle in hard_muscles(catalogue.get(item.exercise_id)):
                    previous = last_hard.get(muscle)
                    if previous and previous[0] != day and (day - previous[0]) * 24 < 48:
                        breaches.append(
                            f"{where}: {muscle.label} loaded hard again after {previous[1]}"
                        )
            for item in session.by_role(Role.MAIN):
                for muscle in hard_muscles(catalogue.get(item.exercise_id)):
                    last_hard[muscle] = (day, where)
    return breaches


def seed_stretches(catalogue: Catalogue, profile: Profile) -> list[Exercise]:
    """The seeds' stretches this person may do, in catalogue id order."""
    return sorted(
        (
            e
            for e in catalogue
            if e.kind is Kind.STRETCH and SEED_SOURCES & set(e.featured_in) and allowed(e, profile)
        ),
        key=lambda e: e.id,
    )


def _session_breaches(
    items: tuple[PlanItem, ...], catalogue: Catalogue, profile: Profile, where: str
) -> list[str]:
    breaches: list[str] = []
    seeds = {e.id for e in seed_stretches(catalogue, profile)}
    if seeds and (not items or items[0].exercise_id not in seeds):
        breaches.append(f"{where}: does not open with one of the seeds' stretches")
    roles = [item.role for item in items]
    if not roles or roles[0] is not Role.WARM_UP:
        breaches.append(f"{where}: does not open with a warm-up")
    if not roles or roles[-1] is not Role.COOL_DOWN:
        breaches.append(f"{where}: does not close with a cool-down")
    order = {Role.WARM_UP: 0, Role.MAIN: 1, Role.COOL_DOWN: 2}
    if [order[r] for r in roles] != sorted(order[r] for r in roles):
        breaches.append(f"{where}: warm-up, main work and cool-down are out of order")
    for item in items:
        exercise = catalogue.get(item.exercise_id)
        ladder_move = ladder_of(exercise.id) is not None
        breaches += [
            f"{where}: {problem}"
            for problem in breaks_for(exercise, profile, ladder_move=ladder_move)
        ]
        if item.role is Role.COOL_DOWN and exercise.kind is not Kind.STRETCH:
            breaches.append(f"{where}: cool-down {exercise.name} is not a stretch")
        if item.role is Role.WARM_UP and exercise.kind is Kind.STRENGTH:
            breaches.append(f"{where}: warm-up {exercise.name} is strength work")
    ids = [item.exercise_id for item in items]
    for twice in sorted({i for i in ids if ids.count(i) > 1}):
        breaches.append(f"{where}: {twice} comes twice")
    return breaches
