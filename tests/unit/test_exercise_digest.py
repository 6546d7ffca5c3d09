from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backtone.domain.exercise_digest import TopSet, combine, digest_workout
from backtone.domain.training import LoggedSet, SetType, Workout

WHEN = datetime(2026, 3, 2, 18, tzinfo=UTC)


def test_a_digest_keeps_the_best_sets_and_totals_of_working_sets_only() -> None:
    workout = Workout(
        WHEN,
        (
            LoggedSet("pull-up", SetType.WARMUP, reps=20),  # never counts
            LoggedSet("pull-up", reps=8),
            LoggedSet("pull-up", reps=5, load_kg=10),
            LoggedSet("pull-up", reps=3, load_kg=12.5),  # 12.5 x (1 + 3/30) = 13.75
            LoggedSet("pull-up", reps=15, load_kg=12.5),  # heaviest, too many reps to rate
            LoggedSet("dead-hang", duration_seconds=40),
            LoggedSet("dead-hang", duration_seconds=25, load_kg=5),
        ),
    )
    pull_ups, hang = digest_workout(workout)
    assert (pull_ups.exercise_id, pull_ups.sets, pull_ups.total_reps) == ("pull-up", 4, 31)
    assert pull_ups.heaviest == TopSet(15, 12.5, None)
    assert pull_ups.strongest == TopSet(3, 12.5, None)  # 10 x (1 + 5/30) = 11.7 loses
    assert (pull_ups.unloaded_reps, pull_ups.loaded_reps, pull_ups.most_reps) == (8, 15, 15)
    assert (hang.unloaded_seconds, hang.loaded_seconds, hang.longest_hold) == (40, 25, 40)
    assert hang.strongest is None and hang.most_reps is None


def test_only_warm_ups_leave_no_digest() -> None:
    assert digest_workout(Workout(WHEN, (LoggedSet("pull-up", SetType.WARMUP, reps=5),))) == []


@pytest.mark.parametrize(
    ("reps", "kg", "strongest"), [(1, 100.0, TopSet(1, 100.0, None)), (13, 100.0, None)]
)
def test_the_estimate_needs_a_load_and_at_most_twelve_reps(
    reps: int, kg: float, strongest: TopSet | None
) -> None:
    (digest,) = digest_workout(Workout(WHEN, (LoggedSet("barbell-row", reps=reps, load_kg=kg),)))
    assert digest.strongest == strongest


figures = st.tuples(
    st.sampled_from([SetType.WORKING, SetType.DROP, SetType.FAILURE]),
    st.one_of(st.none(), st.integers(0, 20)),
    st.one_of(st.none(), st.sampled_from([0.0, 2.5, 5.0, 10.0, 20.0])),
    st.one_of(st.none(), st.sampled_from([5.0, 20.0, 30.0])),
).filter(lambda f: f[1] is not None or f[3] is not None)
working_sets = st.lists(
    figures.map(
        lambda f: LoggedSet("pull-up", f[0], reps=f[1], load_kg=f[2], duration_seconds=f[3])
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(working_sets, working_sets)
def test_combining_digests_equals_digesting_all_the_sets_together(
    first: list[LoggedSet], then: list[LoggedSet]
) -> None:
    (earlier,) = digest_workout(Workout(WHEN, tuple(first)))
    (later,) = digest_workout(Workout(WHEN, tuple(then)))
    (together,) = digest_workout(Workout(WHEN, (*first, *then)))
    assert combine(earlier, later) == together
