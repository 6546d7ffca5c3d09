"""The week template: which main exercises go in which session, and how many sets (CP-SAT).

One model per block of weeks. Hard rules are constraints; the coaching preferences are a
weighted objective. The solver runs on one worker with a fixed seed and a deterministic
time limit, so the same inputs always give the same week.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise, Prescription
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Kind,
    LoadKind,
    Muscle,
    Pattern,
    Region,
)
from backtone.planner import ladder
from backtone.planner.items import peak_set_seconds
from backtone.planner.rules import (
    SEED_SOURCES,
    allowed,
    hard_muscles,
    is_hard,
    is_multi_joint,
    regions_of,
)
from backtone.planner.volume import (
    MAX_MAIN_EXERCISES,
    MIN_MAIN_EXERCISES,
    MIN_SETS,
    max_sets,
    rest_for,
    targets,
)

COVERED = (Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE)
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
PER_PATTERN = 3
# what one more exercise in a session costs: strength work wants fewer moves, more sets each
USE_COST = {Emphasis.TONE: 20, Emphasis.POSTURE: 25, Emphasis.STRENGTH: 45}
TWO_A_SESSION = frozenset({Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL})
DETERMINISTIC_TIME = 2.0  # solver work units: plenty for these small models, same on any CPU


@dataclass(frozen=True)
class Choice:
    """A main exercise picked for a session; a routine may bring its own prescription."""

    exercise: Exercise
    sets: int
    rest_seconds: int
    prescription: Prescription | None = None
    note: str = ""

    @property
    def dose(self) -> Prescription:
        return self.prescription or self.exercise.prescription


@dataclass(frozen=True)
class Candidate:
    exercise: Exercise
    rest_seconds: int
    set_seconds: int  # one set at the top of its range plus rest
    min_sets: int
    max_sets: int
    seed_weight: int


def is_main_candidate(exercise: Exercise, profile: Profile, window: frozenset[str]) -> bool:
    """Main work this plan may use: allowed, strength or cardio, and about the back or balance."""
    if exercise.kind not in (Kind.STRENGTH, Kind.CARDIO) or not allowed(exercise, profile):
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


def seed_weights(catalogue: Catalogue, profile: Profile) -> dict[str, int]:
    """Seeds' exercises score 2; the nearest allowed easier variant of an unreachable one, 1."""
    weights: dict[str, int] = {}
    for exercise in catalogue:
        if not SEED_SOURCES & set(exercise.featured_in):
            continue
        if allowed(exercise, profile):
            weights[exercise.id] = 2
            continue
        queue, seen = deque(exercise.easier), set(exercise.easier)
        while queue:
            other = catalogue.get(queue.popleft())
            if allowed(other, profile):
                weights.setdefault(other.id, 1)
                break
            for nxt in other.easier:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    return weights


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
            low = high = p.sets
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
    return _best_per_pattern(profile, out)


def _static_score(profile: Profile, c: Candidate) -> int:
    e = c.exercise
    score = 50 * c.seed_weight + _emphasis_bonus(profile, e)
    score += 10 - 5 * (profile.level.rank - e.level.rank)  # work near the person's level
    score += 5 if e.load in ADJUSTABLE else 0  # loads that can grow in small steps
    if ladder.is_ladder(e.id):
        score += 60 if not profile.can_do_pull_up else 10 * ladder.RUNG_OF[e.id]
    return score


def _best_per_pattern(profile: Profile, pool: list[Candidate]) -> list[Candidate]:
    """The few most fitting candidates of each movement pattern: enough for six varied
    sessions, and a model small enough to solve to optimality in milliseconds."""
    kept: list[Candidate] = []
    for pattern in Pattern:
        group = [c for c in pool if c.exercise.pattern is pattern]
        group.sort(key=lambda c: (-_static_score(profile, c), c.exercise.id))
        # the ladder window is already small, and each rung has its own job
        kept += [c for c in group if ladder.is_ladder(c.exercise.id)]
        kept += [c for c in group if not ladder.is_ladder(c.exercise.id)][:PER_PATTERN]
    return sorted(kept, key=lambda c: c.exercise.id)


def too_close(weekdays: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of session indexes less than 48 h apart, counting Sunday -> next Monday."""
    pairs = []
    n = len(weekdays)
    for i in range(n):
        for j in range(i + 1, n):
            gap = weekdays[j] - weekdays[i]
            if gap < 2 or 7 - gap < 2:
                pairs.append((i, j))
    return pairs


def _set_options(c: Candidate) -> tuple[int, ...]:
    return tuple(range(c.min_sets, c.max_sets + 1))


def choose_week(
    profile: Profile,
    pool: list[Candidate],
    budgets: Sequence[int],
    *,
    previous: Sequence[frozenset[str]] = (),
    spacing: bool = True,
    block: int = 0,
    resting: dict[int, frozenset[Muscle]] | None = None,
) -> list[list[Choice]] | None:
    """The best week template, or None when the hard rules leave no possible week.

    Each (session, exercise, set count) is one yes/no choice; keeping everything linear in
    those choices keeps the relaxation tight, so the solver proves optimality in milliseconds.
    """
    model = cp_model.CpModel()
    sessions = range(len(budgets))
    z = {
        (s, c.exercise.id, k): model.new_bool_var(f"z{s}_{c.exercise.id}_{k}")
        for s in sessions
        for c in pool
        for k in _set_options(c)
    }
    x: dict[tuple[int, str], cp_model.LinearExprT] = {}
    session_terms: list[cp_model.LinearExprT] = []
    n: dict[tuple[int, str], cp_model.LinearExprT] = {}
    for s in sessions:
        for c in pool:
            options = [z[s, c.exercise.id, k] for k in _set_options(c)]
            model.add_at_most_one(options)
            x[s, c.exercise.id] = sum(options)
            n[s, c.exercise.id] = sum(k * z[s, c.exercise.id, k] for k in _set_options(c))
        model.add(sum(n[s, c.exercise.id] * c.set_seconds for c in pool) <= budgets[s])
        count = sum(x[s, c.exercise.id] for c in pool)
        model.add(count >= MIN_MAIN_EXERCISES)
        model.add(count <= MAX_MAIN_EXERCISES[profile.level])
        backs = [x[s, c.exercise.id] for c in pool
                 if is_hard(c.exercise) and regions_of(c.exercise) & BACK_REGIONS]  # fmt: skip
        model.add(sum(backs) >= 1)  # every session works the back hard
        pulls = [x[s, c.exercise.id] for c in pool if is_back_builder(c.exercise)]
        builds = model.new_bool_var(f"builds_{s}")
        model.add(builds <= sum(pulls))
        session_terms.append(300 * builds)  # ...ideally with a pull or a hinge
        cardio = [x[s, c.exercise.id] for c in pool if c.exercise.kind is Kind.CARDIO]
        model.add(sum(cardio) <= 1)
        pushes = [x[s, c.exercise.id] for c in pool if c.exercise.pattern in PUSH_PATTERNS]
        model.add(sum(pushes) <= 1)  # a back plan: push work keeps balance, it is not the aim
        rungs = [x[s, c.exercise.id] for c in pool if ladder.is_ladder(c.exercise.id)
                 and c.exercise.pattern is Pattern.VERTICAL_PULL]  # fmt: skip
        model.add(sum(rungs) <= 1)  # one pull-up ladder step per session is plenty
        for pattern in Pattern:
            same = [x[s, c.exercise.id] for c in pool if c.exercise.pattern is pattern]
            if len(same) > 1:  # variety inside a session: two of a kind at most, one isolation
                model.add(sum(same) <= (2 if pattern in TWO_A_SESSION else 1))

    if spacing:
        muscles: set[Muscle] = set().union(*(hard_muscles(c.exercise) for c in pool))
        for a, b in too_close(profile.weekdays):
            for muscle in sorted(muscles, key=lambda m: m.value):
                users = [c.exercise.id for c in pool if muscle in hard_muscles(c.exercise)]
                ya = model.new_bool_var(f"y{a}_{b}_{muscle.value}")
                for user in users:
                    model.add(x[a, user] <= ya)
                    model.add(x[b, user] <= 1 - ya)

    for s, muscles_resting in (resting or {}).items():
        # these muscles were loaded hard less than 48 h before, at the end of the last block
        for c in pool:
            if hard_muscles(c.exercise) & muscles_resting:
                model.add(x[s, c.exercise.id] == 0)

    def week_sets(pred: Callable[[Exercise], bool]) -> cp_model.LinearExprT:
        return sum(n[s, c.exercise.id] for s in sessions for c in pool if pred(c.exercise))

    model.add(
        week_sets(lambda e: e.pattern in PULL_PATTERNS)
        >= week_sets(lambda e: e.pattern in PUSH_PATTERNS)
    )

    terms: list[cp_model.LinearExprT] = list(session_terms)
    for region, (low, high) in targets(profile).items():
        volume = week_sets(lambda e, r=region: is_hard(e) and r in regions_of(e))  # type: ignore[misc]
        model.add(volume <= high)
        short = model.new_int_var(0, low, f"short_{region.value}")
        over = model.new_int_var(0, high, f"over_{region.value}")
        model.add(short >= low - volume)
        model.add(over >= volume - (low + high) // 2)
        terms += [-100 * short, -3 * over]

    used: dict[str, cp_model.IntVar] = {}
    for c in pool:
        e = c.exercise
        uses = cp_model.LinearExpr.sum([x[s, e.id] for s in sessions])
        d = model.new_bool_var(f"d_{e.id}")
        model.add(d <= uses)  # maximising pushes d up to "used at all"
        used[e.id] = d
        back = is_hard(e) and bool(regions_of(e) & BACK_REGIONS)
        sets = sum(n[s, e.id] for s in sessions)
        # fewer, fuller exercises beat many token ones; variety comes from distinct moves
        terms += [-USE_COST[profile.emphasis] * uses, -25 * (uses - d), 50 * c.seed_weight * d]
        terms += [10 * d, 6 * sets] if back else []
        if Region.CORE in regions_of(e) and not back:
            terms.append(3 * sets)  # trunk work fills spare minutes without tiring the back
        terms.append(_emphasis_bonus(profile, e) * uses)
        if is_multi_joint(e) and back:
            terms.append(5 * sets)  # compound lifts carry the volume (ACSM)
        if ladder.is_ladder(e.id):
            bonus = 60 if not profile.can_do_pull_up else 10 * ladder.RUNG_OF[e.id]
            terms.append(bonus * d)
        for s in sessions:
            if s < len(previous) and e.id in previous[s]:
                terms.append(40 * x[s, e.id])

    for pattern in COVERED:
        members = [used[c.exercise.id] for c in pool if c.exercise.pattern is pattern]
        if members:
            covered = model.new_bool_var(f"cover_{pattern.value}")
            model.add(covered <= sum(members))
            terms.append(1000 * covered)
    if not profile.can_do_pull_up:  # every rung in reach gets its turn: hang, lower, assist
        for rung, ids in enumerate(ladder.RUNGS):
            members = [used[c.exercise.id] for c in pool if c.exercise.id in ids]
            if members:
                on = model.new_bool_var(f"rung_{rung}")
                model.add(on <= sum(members))
                terms.append(200 * on)
    pushers = [used[c.exercise.id] for c in pool if c.exercise.pattern in PUSH_PATTERNS]
    if pushers:
        any_push = model.new_bool_var("push")
        model.add(any_push <= sum(pushers))
        terms.append(400 * any_push)

    model.maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 17 + block
    solver.parameters.linearization_level = 2  # the LP bound is what proves optimality fast
    solver.parameters.max_deterministic_time = DETERMINISTIC_TIME
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [
        [
            Choice(c.exercise, k, c.rest_seconds)
            for c in pool
            for k in _set_options(c)
            if solver.value(z[s, c.exercise.id, k])
        ]
        for s in sessions
    ]


def _emphasis_bonus(profile: Profile, exercise: Exercise) -> int:
    if profile.emphasis is Emphasis.POSTURE and (
        exercise.pattern in POSTURE_PATTERNS or Region.UPPER_BACK in regions_of(exercise)
    ):
        return 15
    if profile.emphasis is Emphasis.STRENGTH and is_multi_joint(exercise) and is_hard(exercise):
        return 15
    if profile.emphasis is Emphasis.TONE and exercise.pattern in PULL_PATTERNS:
        return 5
    return 0
