"""Logging sets, with the storage faked: where a set goes and what is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.quicklog import SetEntry
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, SetType, Workout
from backtone.services.training_log import log_sets, personal_records, workout_history
from tests.factories import caller_at, make_exercise
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock(datetime(2026, 11, 2, 18, 0, tzinfo=UTC))
ME = caller_at(CLOCK, 1)
ROW = make_exercise("dumbbell-row")
PULL = make_exercise("pull-up")


def stored(uow: FakeUnitOfWork) -> list[Workout]:
    return workout_history(uow=uow, user_id=ME.user_id)


def test_the_sets_of_one_day_make_one_workout_in_the_order_they_came() -> None:
    uow = FakeUnitOfWork([ROW, PULL])
    first = log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="Dumbbell Row",
                     sets=[SetEntry(reps=12, load_kg=14.0)] * 3)  # fmt: skip
    second = log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up",
                      sets=[SetEntry(reps=5), SetEntry(reps=4)])  # fmt: skip
    assert first.workout_id == second.workout_id
    [workout] = stored(uow)
    assert [(s.exercise_id, s.reps, s.load_kg) for s in workout.sets] == [
        ("dumbbell-row", 12, 14.0), ("dumbbell-row", 12, 14.0), ("dumbbell-row", 12, 14.0),
        ("pull-up", 5, None), ("pull-up", 4, None),
    ]  # fmt: skip


def test_a_set_logged_while_a_guided_workout_is_open_joins_it() -> None:
    uow = FakeUnitOfWork([ROW, PULL])
    morning = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
    with uow:
        guided = Workout(morning, (LoggedSet("dumbbell-row", reps=10),), source=GUIDED_SOURCE)
        guided_id = uow.workouts.add(ME.user_id, guided, created_at=morning)
        uow.commit()
    result = log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up",
                      sets=[SetEntry(reps=6)])  # fmt: skip
    assert result.workout_id == guided_id
    [workout] = stored(uow)
    assert [s.exercise_id for s in workout.sets] == ["dumbbell-row", "pull-up"]


def test_a_past_day_gets_its_own_workout_at_noon_where_the_person_is() -> None:
    uow = FakeUnitOfWork([PULL])
    yesterday = ME.today - timedelta(days=1)
    log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up", sets=[SetEntry(reps=5)],
             on=yesterday)  # fmt: skip
    log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up", sets=[SetEntry(reps=7)])
    today, past = stored(uow)
    assert past.started_at == datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    assert [s.reps for s in past.sets] == [5] and [s.reps for s in today.sets] == [7]


def test_warm_ups_and_how_hard_it_felt_are_kept_with_each_set() -> None:
    uow = FakeUnitOfWork([PULL])
    result = log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up",
                      sets=[SetEntry(reps=3)] * 2, rpe=6, set_type=SetType.WARMUP)  # fmt: skip
    assert {(s.set_type, s.rpe) for s in result.sets} == {(SetType.WARMUP, 6)}


@pytest.mark.parametrize("day", [date(2026, 11, 3), date(1899, 12, 31)])
def test_a_day_in_the_future_or_too_long_ago_is_refused_by_name(day: date) -> None:
    uow = FakeUnitOfWork([PULL])
    with pytest.raises(InvalidInput) as refused:
        log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up", sets=[SetEntry(reps=5)],
                 on=day)  # fmt: skip
    assert refused.value.field == "date"
    assert stored(uow) == []


def test_an_unknown_exercise_or_no_sets_stores_nothing() -> None:
    uow = FakeUnitOfWork([PULL])
    with pytest.raises(NotFound):
        log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="flying kick", sets=[SetEntry(5)])
    with pytest.raises(InvalidInput) as refused:
        log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up", sets=[])
    assert refused.value.field == "sets"
    assert stored(uow) == []


def test_one_persons_sets_never_join_anothers_workout() -> None:
    uow = FakeUnitOfWork([PULL])
    ana = caller_at(CLOCK, 2)
    mine = log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="pull-up", sets=[SetEntry(5)])
    theirs = log_sets(uow=uow, clock=CLOCK, caller=ana, exercise="pull-up", sets=[SetEntry(8)])
    assert mine.workout_id != theirs.workout_id
    assert [s.reps for w in stored(uow) for s in w.sets] == [5]


def test_records_come_from_working_sets_and_never_from_warm_ups() -> None:
    uow = FakeUnitOfWork([ROW])
    log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="dumbbell-row",
             sets=[SetEntry(reps=15, load_kg=30.0)], set_type=SetType.WARMUP)  # fmt: skip
    log_sets(uow=uow, clock=CLOCK, caller=ME, exercise="dumbbell-row",
             sets=[SetEntry(reps=8, load_kg=20.0), SetEntry(reps=12, load_kg=14.0)])  # fmt: skip
    [rows] = personal_records(uow=uow, caller=ME)
    assert rows.exercise_id == "dumbbell-row"
    assert rows.most_reps_in_a_set is not None and rows.most_reps_in_a_set.value == 12
    assert rows.epley_1rm is not None and rows.epley_1rm.value < 30
