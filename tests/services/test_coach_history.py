"""The coach reads every item's history together, and finds what one query per item would."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.exercise import Span
from backtone.domain.exposure import Exposure, Target, exposures_from_workouts
from backtone.domain.plan import PlanItem, Role
from backtone.domain.training import LoggedSet, Workout
from backtone.services.coach import HISTORY_WORKOUTS, Coach

START = datetime(2026, 1, 5, 18, tzinfo=UTC)
POOL = ("a", "b", "c", "d", "e")


class FakeWorkouts:
    """history_of and targets as the database answers them, counting the queries."""

    def __init__(self, stored: list[Workout], targets: dict[int, list[tuple[PlanItem, Target]]]):
        self.stored = stored
        self.stored_targets = targets
        self.queries = 0

    def history_of(
        self,
        user_id: int,
        exercise_ids: Iterable[str],
        limit: int,
        *,
        excluding: int | None = None,
        before: datetime | None = None,
    ) -> list[Workout]:
        self.queries += 1
        wanted = frozenset(exercise_ids)
        found = [
            w
            for w in self.stored
            if w.id != excluding
            and (before is None or w.started_at < before)
            and any(s.exercise_id in wanted for s in w.sets)
        ]
        found.sort(key=lambda w: (w.started_at, w.id or 0), reverse=True)
        return [
            replace(w, sets=tuple(s for s in w.sets if s.exercise_id in wanted))
            for w in found[:limit]
        ]

    def targets(
        self, user_id: int, workout_ids: Iterable[int]
    ) -> dict[int, list[tuple[PlanItem, Target]]]:
        wanted = list(workout_ids)
        if not wanted:
            return {}
        self.queries += 1
        return {i: self.stored_targets[i] for i in wanted if i in self.stored_targets}


class FakeUow:
    def __init__(self, workouts: FakeWorkouts) -> None:
        self.workouts = workouts


def one_query_per_family(workouts: FakeWorkouts, ids: frozenset[str]) -> list[Exposure]:
    """How the coach read an item's history before: its own two queries."""
    history = workouts.history_of(1, ids, HISTORY_WORKOUTS, excluding=99)
    asked = workouts.targets(1, [w.id for w in history if w.id])
    found: list[Exposure] = []
    for workout in history:
        targets: dict[str, Target] = {}
        for item, target in asked.get(workout.id or 0, []):
            if item.role is Role.MAIN:
                targets.setdefault(item.exercise_id, target)
        found += [
            replace(e, target=targets.get(e.exercise_id))
            for e in exposures_from_workouts([workout], ids, UTC)
        ]
    return found


def history(days: list[list[str]]) -> FakeWorkouts:
    """One workout a day, the n-th holding a set of each exercise in days[n]; targets on evens."""
    stored, targets = [], {}
    for n, exercises in enumerate(days, start=1):
        sets = tuple(LoggedSet(e, reps=8 + n % 5, load_kg=10.0) for e in exercises)
        stored.append(Workout(START + timedelta(days=n // 2), sets, id=n))
        if n % 2 == 0:
            targets[n] = [
                (PlanItem(e, e, Role.MAIN, 3, 60, reps=Span(8, 12)), Target(3, Span(8, 12)))
                for e in exercises
            ]
    return FakeWorkouts(stored, targets)


def coach_over(workouts: FakeWorkouts) -> Coach:
    catalogue = load_builtin_catalogue()
    return Coach(FakeUow(workouts), catalogue, 1, UTC, None, excluding=99)  # type: ignore[arg-type]


FAMILIES = [frozenset({"a"}), frozenset({"b", "c"}), frozenset({"d"}), frozenset({"e"})]


def test_one_often_trained_exercise_does_not_hide_the_older_sessions_of_another() -> None:
    # Forty recent sessions of "a" alone, then the only sessions of "d", long ago.
    workouts = history([["d"]] * 5 + [["a"]] * 40)
    coach = coach_over(workouts)
    coach.read_history(FAMILIES)
    for family in FAMILIES:
        assert coach.exposures(family) == one_query_per_family(workouts, family)
    assert len(coach.exposures(frozenset({"d"}))) == 5


def test_items_trained_together_are_read_in_one_query_for_the_workouts_and_one_for_targets() -> (
    None
):
    workouts = history([["a", "b", "d", "e"]] * 30)
    coach = coach_over(workouts)
    coach.read_history(FAMILIES)
    assert workouts.queries == 2
    before = workouts.queries
    for family in FAMILIES:
        assert len(coach.exposures(family)) == HISTORY_WORKOUTS
    assert workouts.queries == before  # read once, kept for the session


@settings(max_examples=150, deadline=None)
@given(
    days=st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=3), max_size=60),
    families=st.lists(st.sampled_from(FAMILIES), min_size=1, max_size=4),
)
def test_reading_together_finds_what_one_query_per_family_finds(
    days: list[list[str]], families: list[frozenset[str]]
) -> None:
    workouts = history(days)
    coach = coach_over(workouts)
    coach.read_history(families)
    for family in families:
        assert coach.exposures(family) == one_query_per_family(workouts, family)
