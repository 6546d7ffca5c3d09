"""The week template: which main exercises go in which session, and how many sets (CP-SAT).

One model per block of weeks. Hard rules are constraints; the coaching preferences are a
weighted objective. The solver runs on one worker with a fixed seed and a deterministic
time limit, so the same inputs always give the same week.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backtone.domain.exercise import Exercise, Prescription
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Kind,
    Muscle,
    Pattern,
    Region,
)
from backtone.planner import ladder
from backtone.planner.candidates import (
    Candidate,
    emphasis_bonus,
    is_back_builder,
    ladder_bonus,
    trains,
)
from backtone.planner.rules import hard_muscles, is_hard, is_multi_joint, regions_of
from backtone.planner.volume import (
    MIN_MAIN_EXERCISES,
    max_main_exercises,
    model_caps,
    targets,
)

COVERED = (Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE)
# what one more exercise in a session costs: strength work wants fewer moves, more sets each
USE_COST = {Emphasis.TONE: 20, Emphasis.POSTURE: 25, Emphasis.STRENGTH: 45}
TWO_A_SESSION = frozenset({Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL})
DETERMINISTIC_TIME = 2.0  # solver work units: plenty for these small models, same on any CPU
# Stop once the best week found is provably within this much of the best possible (about a
# minute of filled time): proving the last few points takes the solver far longer than
# finding them, and the stopping point is as deterministic as the search.
GAP_LIMIT = 40
# Time is counted in half minutes (coarse steps keep the search short). Every step used is
# worth a little, and the first 70 % of each session's budget is worth more, so that no
# session is left short while another is full.
TIME_UNIT_SECONDS = 30
TIME_WEIGHT, EARLY_WEIGHT, EARLY_SHARE = 10, 15, 0.7


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
    ramp: bool = False,
    fill: bool = True,
) -> list[list[Choice]] | None:
    """The best week template, or None when the hard rules leave no possible week.

    Two solves: first the back work (each (session, exercise, set count) one yes/no choice,
    all linear, so the solver proves the best week in milliseconds); then, keeping that week,
    the time left is filled with more sets and supporting work. Filling is a knapsack, which
    is slow to solve together with everything else but quick once the week's core is fixed.
    `ramp` holds back a few weekly sets for the block's later weeks to add.
    """

    def build(keep: list[list[Choice]] | None) -> _Week:
        week = _Week(profile, pool, len(budgets))
        terms, time_terms = week.session_rules(budgets)
        if spacing:
            week.spacing()
        week.rest(resting or {})
        terms += week.volume(ramp) + week.preferences(previous) + week.coverage()
        if keep is not None:
            week.keep(keep)
            terms += time_terms
        week.model.maximize(sum(terms))
        return week

    first = _solve(build(None), block)
    if first is None or not fill:
        return first
    return _solve(build(first), block) or first


def _solve(week: _Week, block: int) -> list[list[Choice]] | None:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 17 + block
    solver.parameters.linearization_level = 2  # the LP bound is what proves optimality fast
    solver.parameters.max_deterministic_time = DETERMINISTIC_TIME
    solver.parameters.absolute_gap_limit = GAP_LIMIT
    status = solver.solve(week.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [
        [
            Choice(c.exercise, k, c.rest_seconds)
            for c in week.pool
            for k in _set_options(c)
            if solver.value(week.z[s, c.exercise.id, k])
        ]
        for s in week.sessions
    ]


class _Week:
    """The CP-SAT model of one week: x = exercise in session, n = its sets there."""

    def __init__(self, profile: Profile, pool: list[Candidate], sessions: int) -> None:
        self.profile, self.pool, self.sessions = profile, pool, range(sessions)
        self.model = cp_model.CpModel()
        self.z = {
            (s, c.exercise.id, k): self.model.new_bool_var(f"z{s}_{c.exercise.id}_{k}")
            for s in self.sessions
            for c in pool
            for k in _set_options(c)
        }
        self.x: dict[tuple[int, str], cp_model.LinearExprT] = {}
        self.n: dict[tuple[int, str], cp_model.LinearExprT] = {}
        for s in self.sessions:
            for c in pool:
                options = [self.z[s, c.exercise.id, k] for k in _set_options(c)]
                self.model.add_at_most_one(options)
                self.x[s, c.exercise.id] = sum(options)
                self.n[s, c.exercise.id] = sum(
                    k * self.z[s, c.exercise.id, k] for k in _set_options(c)
                )
        self.used: dict[str, cp_model.IntVar] = {}

    def _where(self, s: int, pred: Callable[[Exercise], bool]) -> list[cp_model.LinearExprT]:
        return [self.x[s, c.exercise.id] for c in self.pool if pred(c.exercise)]

    def keep(self, week: list[list[Choice]]) -> None:
        """Keep a solved week's moves (their sets may move between sessions); start from it."""
        chosen = {(s, c.exercise.id): c.sets for s in self.sessions for c in week[s]}
        for (s, exercise_id, k), z in self.z.items():
            self.model.add_hint(z, chosen.get((s, exercise_id)) == k)
        for s, exercise_id in chosen:
            self.model.add(self.x[s, exercise_id] == 1)

    def session_rules(
        self, budgets: Sequence[int]
    ) -> tuple[list[cp_model.LinearExprT], list[cp_model.LinearExprT]]:
        """Each session fits its time, has enough (and not too many) moves, works the back.
        Also returns the terms that reward using the time set aside."""
        model = self.model
        terms: list[cp_model.LinearExprT] = []
        time_terms: list[cp_model.LinearExprT] = []
        for s in self.sessions:
            seconds = sum(self.n[s, c.exercise.id] * c.set_seconds for c in self.pool)
            model.add(seconds <= budgets[s])
            units = sum(
                self.n[s, c.exercise.id] * round(c.set_seconds / TIME_UNIT_SECONDS)
                for c in self.pool
            )
            early = model.new_int_var(
                0, int(EARLY_SHARE * budgets[s] / TIME_UNIT_SECONDS), f"early_{s}"
            )
            model.add(early <= units)
            time_terms += [TIME_WEIGHT * units, EARLY_WEIGHT * early]
            count = sum(self._where(s, lambda e: True))
            model.add(count >= MIN_MAIN_EXERCISES)
            model.add(count <= max_main_exercises(self.profile))
            backs = self._where(s, lambda e: is_hard(e) and bool(regions_of(e) & BACK_REGIONS))
            model.add(sum(backs) >= 1)  # every session works the back hard
            builds = model.new_bool_var(f"builds_{s}")
            model.add(builds <= sum(self._where(s, is_back_builder)))
            terms.append(300 * builds)  # ...ideally with a pull or a hinge
            model.add(sum(self._where(s, lambda e: e.kind is Kind.CARDIO)) <= 1)
            # a back plan: push work keeps balance, it is not the aim
            pushes = self._where(s, lambda e: e.pattern in PUSH_PATTERNS)
            model.add(sum(pushes) <= 1)
            rungs = self._where(
                s, lambda e: ladder.is_ladder(e.id) and e.pattern is Pattern.VERTICAL_PULL
            )
            model.add(sum(rungs) <= 1)  # one pull-up ladder step per session is plenty
            for pattern in Pattern:
                same = self._where(s, lambda e, p=pattern: e.pattern is p)  # type: ignore[misc]
                if len(same) > 1:  # variety inside a session: two of a kind at most
                    model.add(sum(same) <= (2 if pattern in TWO_A_SESSION else 1))
        return terms, time_terms

    def spacing(self) -> None:
        """48 hours between sessions that load the same primary muscle hard."""
        muscles: set[Muscle] = set().union(*(hard_muscles(c.exercise) for c in self.pool))
        for a, b in too_close(self.profile.weekdays):
            for muscle in sorted(muscles, key=lambda m: m.value):
                users = [c.exercise.id for c in self.pool if muscle in hard_muscles(c.exercise)]
                ya = self.model.new_bool_var(f"y{a}_{b}_{muscle.value}")
                for user in users:
                    self.model.add(self.x[a, user] <= ya)
                    self.model.add(self.x[b, user] <= 1 - ya)

    def rest(self, resting: dict[int, frozenset[Muscle]]) -> None:
        """Muscles loaded hard less than 48 h before, at the end of the last block, rest."""
        for s, muscles in resting.items():
            for c in self.pool:
                if hard_muscles(c.exercise) & muscles:
                    self.model.add(self.x[s, c.exercise.id] == 0)

    def week_sets(self, pred: Callable[[Exercise], bool]) -> cp_model.LinearExprT:
        return sum(
            self.n[s, c.exercise.id] for s in self.sessions for c in self.pool if pred(c.exercise)
        )

    def volume(self, ramp: bool) -> list[cp_model.LinearExprT]:
        """Pull at least equal to push; weekly back sets inside the level's range."""
        self.model.add(
            self.week_sets(lambda e: e.pattern in PULL_PATTERNS)
            >= self.week_sets(lambda e: e.pattern in PUSH_PATTERNS)
        )
        terms: list[cp_model.LinearExprT] = []
        caps = model_caps(self.profile, ramp=ramp)
        for region, (low, high) in targets(self.profile).items():
            sets = self.week_sets(lambda e, r=region: is_hard(e) and r in regions_of(e))  # type: ignore[misc]
            self.model.add(sets <= caps[region])
            short = self.model.new_int_var(0, low, f"short_{region.value}")
            over = self.model.new_int_var(0, high, f"over_{region.value}")
            self.model.add(short >= low - sets)
            self.model.add(over >= sets - (low + high) // 2)
            terms += [-100 * short, -3 * over]
        return terms

    def preferences(self, previous: Sequence[frozenset[str]]) -> list[cp_model.LinearExprT]:
        """Fewer, fuller moves; the seeds' moves; compound lifts; keeping last block's week."""
        profile = self.profile
        terms: list[cp_model.LinearExprT] = []
        for c in self.pool:
            e = c.exercise
            uses = cp_model.LinearExpr.sum([self.x[s, e.id] for s in self.sessions])
            d = self.model.new_bool_var(f"d_{e.id}")
            self.model.add(d <= uses)  # maximising pushes d up to "used at all"
            self.used[e.id] = d
            back = is_hard(e) and bool(regions_of(e) & BACK_REGIONS)
            sets = sum(self.n[s, e.id] for s in self.sessions)
            # fewer, fuller exercises beat many token ones; variety comes from distinct moves
            terms += [-USE_COST[profile.emphasis] * uses, -25 * (uses - d)]
            terms += [50 * c.seed_weight * d, emphasis_bonus(profile, e) * uses]
            terms += [10 * d, 6 * sets] if back else []
            if Region.CORE in regions_of(e) and not back:
                terms.append(3 * sets)  # trunk work fills spare minutes without tiring the back
            if is_multi_joint(e) and back:
                terms.append(5 * sets)  # compound lifts carry the volume (ACSM)
            if ladder.is_ladder(e.id):
                terms.append(ladder_bonus(profile, e.id) * d)
            for s in self.sessions:
                if s < len(previous) and e.id in previous[s]:
                    terms.append(40 * self.x[s, e.id])
        return terms

    def coverage(self) -> list[cp_model.LinearExprT]:
        """Vertical pull, row and hinge in the week; each ladder rung in reach; some push."""
        terms: list[cp_model.LinearExprT] = []
        groups: list[tuple[str, int, list[cp_model.IntVar]]] = [
            (f"cover_{p.value}", 1000,
             [self.used[c.exercise.id] for c in self.pool if trains(c.exercise, p)])
            for p in COVERED
        ]  # fmt: skip
        if not self.profile.can_do_pull_up:  # every rung in reach gets its turn
            groups += [
                (f"rung_{rung}", 200,
                 [self.used[c.exercise.id] for c in self.pool if c.exercise.id in ids])
                for rung, ids in enumerate(ladder.RUNGS)
            ]  # fmt: skip
        groups.append(
            ("push", 400,
             [self.used[c.exercise.id] for c in self.pool if c.exercise.pattern in PUSH_PATTERNS])
        )  # fmt: skip
        for name, weight, members in groups:
            if members:
                on = self.model.new_bool_var(name)
                self.model.add(on <= sum(members))
                terms.append(weight * on)
        return terms
