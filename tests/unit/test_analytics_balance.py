from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from backtone.domain.analytics_balance import BalanceFlag, push_pull_balance
from backtone.domain.analytics_basis import Period
from backtone.domain.catalogue import Catalogue
from backtone.domain.training import LoggedSet, SetType, Workout
from backtone.domain.vocabulary import Muscle, Pattern
from tests.factories import make_exercise

LONDON = ZoneInfo("Europe/London")
CATALOGUE = Catalogue(
    [
        make_exercise("row", pattern=Pattern.HORIZONTAL_PULL),
        make_exercise("pullover", pattern=Pattern.SHOULDER_EXTENSION),
        make_exercise("push-up", pattern=Pattern.HORIZONTAL_PUSH, primary=(Muscle.PECTORALS,)),
        make_exercise("press", pattern=Pattern.VERTICAL_PUSH, primary=(Muscle.FRONT_DELTOIDS,)),
        make_exercise("deadlift", pattern=Pattern.HINGE, primary=(Muscle.ERECTOR_SPINAE,)),
    ]
)


def week(day: int, pushes: int, pulls: int) -> Workout:
    """A March 2026 workout with `pushes` push-up sets and `pulls` row sets."""
    sets = [LoggedSet("push-up", reps=10)] * pushes + [LoggedSet("row", reps=10)] * pulls
    return Workout(started_at=datetime(2026, 3, day, 18, tzinfo=UTC), sets=tuple(sets))


def test_empty_history_has_no_weeks_and_no_flags() -> None:
    result = push_pull_balance([], CATALOGUE, tz=LONDON)
    assert result.weeks == () and result.flags == () and result.messages == ()
    assert result.pull_per_push is None


def test_push_and_pull_patterns_are_counted_and_other_patterns_ignored() -> None:
    session = Workout(
        started_at=datetime(2026, 3, 2, 18, tzinfo=UTC),
        sets=(
            LoggedSet("row", reps=10),
            LoggedSet("pullover", reps=10, load_kg=12),
            LoggedSet("press", reps=8, load_kg=10),
            LoggedSet("deadlift", reps=5, load_kg=80),
            LoggedSet("push-up", set_type=SetType.WARMUP, reps=5),
        ),
    )
    result = push_pull_balance([session], CATALOGUE, tz=LONDON)
    assert (result.push_sets, result.pull_sets) == (1, 2)
    assert result.pull_per_push == 2.0
    assert result.flags == ()


def test_pulling_less_than_pushing_is_flagged_as_advice() -> None:
    history = [week(2, 6, 4), week(9, 4, 5), week(16, 3, 3)]
    result = push_pull_balance(history, CATALOGUE, tz=LONDON)
    assert [w.pull_lags for w in result.weeks] == [True, False, False]
    assert (result.push_sets, result.pull_sets) == (13, 12)
    assert result.flags == (BalanceFlag.PULL_LAGS,)
    assert result.messages[0].startswith("Add back work: 12 pulling sets to 13 pushing")
    assert result.waiting == ""


def test_the_verdict_waits_for_three_weeks_of_training() -> None:
    # Day one: a single set of pushing says nothing about balance yet.
    first = push_pull_balance([week(2, 1, 0)], CATALOGUE, tz=LONDON)
    assert first.flags == () and first.messages == ()
    assert first.waiting == (
        "Front/back balance is judged after 3 weeks of training; you have 1 so far."
    )
    # A 12-week window that starts before the person did is not twelve weeks without pushing.
    period = Period(date(2026, 1, 5), date(2026, 3, 29))
    later = push_pull_balance([week(2, 0, 6), week(9, 0, 6)], CATALOGUE, tz=LONDON, period=period)
    assert later.weeks_without_push == 4 and later.flags == ()


def test_two_weeks_of_back_work_without_pushing_is_neglect_of_the_front() -> None:
    history = [week(2, 3, 6), week(9, 0, 6), week(16, 0, 6)]
    result = push_pull_balance(history, CATALOGUE, tz=LONDON)
    assert result.weeks_without_push == 2
    assert result.flags == (BalanceFlag.PUSH_NEGLECTED,)
    assert result.messages[0].startswith("Add some pushing: none in your last 2 weeks")


def test_one_week_without_pushing_is_not_yet_neglect() -> None:
    result = push_pull_balance([week(2, 3, 6), week(9, 0, 6)], CATALOGUE, tz=LONDON)
    assert result.weeks_without_push == 1
    assert BalanceFlag.PUSH_NEGLECTED not in result.flags


def test_weeks_with_no_training_at_all_are_not_called_neglect() -> None:
    # A break is a consistency matter: the last three weeks of the period are empty.
    period = Period(date(2026, 3, 2), date(2026, 3, 29))
    result = push_pull_balance([week(2, 3, 3)], CATALOGUE, tz=LONDON, period=period)
    assert result.weeks_without_push == 3
    assert result.flags == ()


def test_a_gap_between_pull_weeks_still_counts_towards_neglect() -> None:
    history = [week(2, 0, 6), week(9, 0, 6), week(23, 0, 6)]
    result = push_pull_balance(history, CATALOGUE, tz=LONDON)
    assert len(result.weeks) == 4
    assert result.weeks_without_push == 4
    assert result.flags == (BalanceFlag.PUSH_NEGLECTED,)
    assert result.pull_per_push is None
    assert result.pull_sets == pytest.approx(18)
