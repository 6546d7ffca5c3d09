"""The week template: which main exercises go in which session, and how many sets (CP-SAT).

One model per block of weeks. Hard rules are constraints; the coaching preferences are a
weighted objective. The solver runs on one worker with a fixed seed and a deterministic
time limit, so the same inputs always give the same week.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from backtone.domain.dosage import Dose
from backtone.domain.exercise import Exercise
from backtone.domain.ladders import Rung, ladder_of
from backtone.domain.profile import Emphasis, Profile
from backtone.domain.vocabulary import (
    BACK_REGIONS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    LoadKind,
    Muscle,
    Pattern,
    Region,
)
from backtone.planner.candidates import (
    Candidate,
    is_back_builder,
    trains,
)
from backtone.planner.rules import hard_muscles, is_hard, is_multi_joint, regions_of
from backtone.planner.volume import (
    MAX_PULL_PER_PUSH,
    MIN_MAIN_EXERCISES,
    max_main_exercises,
    model_caps,
    targets,
)

COVERED = (Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL, Pattern.HINGE)
# what one more exercise in a session costs: strength work wants fewer moves, more sets each
USE_COST = {Emphasis.TONE: 20, Emphasis.POSTURE: 25, Emphasis.STRENGTH: 45}
TWO_A_SESSION = frozenset({Pattern.VERTICAL_PULL, Pattern.HORIZONTAL_PULL})
KIT_LOADS = frozenset({LoadKind.DUMBBELL, LoadKind.BARBELL, LoadKind.CABLE, LoadKind.MACHINE})
# Kit first: the most fitting move of a pattern earns the most each time it is used.
RANK_BONUS = (60, 35, 15, 5)
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
    """A main exercise picked for a session, with this person's dose and its sets there."""

    exercise: Exercise
    sets: int
    dose: Dose
    note: str = ""

    @property
    def rest_seconds(self) -> int:
        return self.dose.rest_seconds


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
    return tuple(range(c.dose.sets.low, c.dose.sets.high + 1))


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
            Choice(c.exercise, k, c.dose, c.dose.note)
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
        loaded = [c for c in self.pool if c.ramped]
        light_ramp = max((c.light_ramp_seconds for c in loaded), default=0)
        for s in self.sessions:
            parts = [self.n[s, c.exercise.id] * c.set_seconds for c in self.pool]
            parts += [self.x[s, c.exercise.id] * c.entry_seconds for c in self.pool]
            if loaded:  # the first loaded lift of a session gets a short ramp
                ramp = model.new_bool_var(f"ramp_{s}")
                for c in loaded:
                    model.add(self.x[s, c.exercise.id] <= ramp)
                parts.append(ramp * light_ramp)
            model.add(cp_model.LinearExpr.sum(parts) <= budgets[s])
            units = sum(
                self.n[s, c.exercise.id] * round(c.set_seconds / TIME_UNIT_SECONDS)
                for c in self.pool
            )
            early = model.new_int_var(
                0, int(EARLY_SHARE * budgets[s] / TIME_UNIT_SECONDS), f"early_{s}"
            )
            model.add(early <= units)
            time_terms.append(TIME_WEIGHT * units)
            terms.append(EARLY_WEIGHT * early)  # no session left short while another is full
            count = sum(self._where(s, lambda e: True))
            model.add(count >= MIN_MAIN_EXERCISES)
            model.add(count <= max_main_exercises(self.profile))
            backs = self._where(s, lambda e: is_hard(e) and bool(regions_of(e) & BACK_REGIONS))
            model.add(sum(backs) >= 1)  # every session works the back hard
            builds = model.new_bool_var(f"builds_{s}")
            model.add(builds <= sum(self._where(s, is_back_builder)))
            terms.append(300 * builds)  # ...ideally with a pull or a hinge
            rows = model.new_bool_var(f"rows_{s}")
            model.add(rows <= sum(self._where(s, lambda e: trains(e, Pattern.HORIZONTAL_PULL))))
            terms.append(250 * rows)  # and a row where it can: the seeds' staple for posture
            # a back plan: push work keeps balance, it is not the aim
            pushes = self._where(s, lambda e: e.pattern in PUSH_PATTERNS)
            model.add(sum(pushes) <= (2 if self.profile.minutes >= 60 else 1))
            stack = 3 if len(budgets) <= 2 else 2  # spread a region's work over the week
            for region in BACK_REGIONS:
                moves = self._where(s, lambda e, r=region: is_hard(e) and r in regions_of(e))  # type: ignore[misc]
                if len(moves) > stack:
                    model.add(sum(moves) <= stack)
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
        """Pull sets one to three times push sets; weekly back sets inside the level's range."""
        pull = self.week_sets(lambda e: e.pattern in PULL_PATTERNS)
        push = self.week_sets(lambda e: e.pattern in PUSH_PATTERNS)
        self.model.add(pull >= push)
        if any(c.exercise.pattern in PUSH_PATTERNS for c in self.pool):
            self.model.add(pull <= MAX_PULL_PER_PUSH * push)
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
        """Kit first, fewer and fuller moves, the seeds' moves, compound lifts, continuity."""
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
            # fewer, fuller exercises beat many token ones
            terms.append(-USE_COST[profile.emphasis] * uses)
            terms.append(RANK_BONUS[min(c.rank, len(RANK_BONUS) - 1)] * uses)
            if e.load in KIT_LOADS:
                terms.append(10 * sets)  # kit first: sets go to the weights the person owns
            if c.dose.source.value.startswith("seed"):
                terms.append(50 * d)
            terms += [10 * d, 6 * sets] if back else []
            if Region.CORE in regions_of(e) and not back:
                terms.append(3 * sets)  # trunk work fills spare minutes without tiring the back
            if is_multi_joint(e) and back:
                terms.append(5 * sets)  # compound lifts carry the volume (ACSM)
            for s in self.sessions:
                if s < len(previous) and e.id in previous[s]:
                    terms.append(40 * self.x[s, e.id])
        return terms

    def coverage(self) -> list[cp_model.LinearExprT]:
        """Vertical pull, row and lower-back work in the week; each rung on offer; some push;
        and rear-shoulder work, which a plan for posture wants most."""
        terms: list[cp_model.LinearExprT] = []
        lower_back = [c for c in self.pool if trains(c.exercise, Pattern.HINGE)] or [
            c for c in self.pool
            if is_hard(c.exercise) and Region.LOWER_BACK in regions_of(c.exercise)
        ]  # fmt: skip
        groups: list[tuple[str, int, list[Candidate]]] = [
            ("cover_vertical", 1000, [c for c in self.pool if trains(c.exercise, COVERED[0])]),
            ("cover_row", 1000, [c for c in self.pool if trains(c.exercise, COVERED[1])]),
            ("cover_lower_back", 1000, lower_back),
            ("push", 400, [c for c in self.pool if c.exercise.pattern in PUSH_PATTERNS]),
            ("rear", 400 if self.profile.emphasis is Emphasis.POSTURE else 150,
             [c for c in self.pool if c.exercise.pattern is Pattern.SCAPULAR]),
        ]  # fmt: skip
        rungs = list(dict.fromkeys(c.rung for c in self.pool if c.rung is not None))
        for n, rung in enumerate(rungs):
            # the rung the person works on leads; below a first pull-up, every rung on the
            # way gets its turn too
            working = not any(
                r.entry.reps > rung.entry.reps or r.entry.hang_seconds > rung.entry.hang_seconds
                for r in rungs
                if _same_ladder(r, rung)
            )
            weight = 500 if working else 200 if not self.profile.can_do_pull_up else 0
            if weight:
                groups.append((f"rung_{n}", weight, [c for c in self.pool if c.rung == rung]))
        for name, weight, members in groups:
            if members:
                on = self.model.new_bool_var(name)
                self.model.add(on <= sum(self.used[c.exercise.id] for c in members))
                terms.append(weight * on)
        for load in sorted({c.exercise.load for c in self.pool if c.exercise.load in KIT_LOADS}):
            kit = self.model.new_bool_var(f"kit_{load.value}")  # use the kit the person owns
            self.model.add(kit <= sum(self.used[c.exercise.id] for c in self.pool
                                      if c.exercise.load is load))  # fmt: skip
            terms.append(120 * kit)
        if len(self.sessions) >= 3:  # a second way to pull down and to row, over a week
            for pattern in COVERED[:2]:
                ways = [self.used[c.exercise.id] for c in self.pool if trains(c.exercise, pattern)]
                if len(ways) > 1:
                    two = self.model.new_bool_var(f"two_{pattern.value}")
                    self.model.add(2 * two <= sum(ways))
                    terms.append(150 * two)
        return terms


def _same_ladder(a: Rung, b: Rung) -> bool:
    return ladder_of(a.exercise_id) is ladder_of(b.exercise_id)
