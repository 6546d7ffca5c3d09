"""Logging, history, undo and records through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.quicklog import parse_sets
from backtone.domain.records import DatedSet, compute_records
from backtone.domain.training import LoggedSet, SetType, Workout
from backtone.services import training_log as service
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at

CATALOGUE = load_builtin_catalogue()


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def log(
    uow: SqlUnitOfWork, clock: FixedClock, user_id: int, exercise: str, sets: str, **kw: object
) -> service.LogResult:
    return service.log_sets(
        uow=uow, clock=clock, caller=caller_at(clock, user_id), exercise=exercise,
        sets=parse_sets(sets), **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_sets_logged_on_one_day_join_one_workout(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    first = log(uow, clock, me.id, "dumbbell row", "3x12@14kg")
    second = log(uow, clock, me.id, "pull-up", "5,4,3")
    assert first.workout_id == second.workout_id
    [workout] = service.workout_history(uow=uow, user_id=me.id)
    rows = [("bent-over-dumbbell-row", 12)] * 3 + [("pull-up", 5), ("pull-up", 4), ("pull-up", 3)]
    assert [(s.exercise_id, s.reps) for s in workout.sets] == rows


def test_a_past_date_starts_a_workout_on_that_day(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    log(uow, clock, me.id, "pull-up", "5")
    log(uow, clock, me.id, "pull-up", "4", on=date(2026, 10, 30))
    history = service.workout_history(uow=uow, user_id=me.id)
    assert [w.started_at.date() for w in history] == [date(2026, 11, 2), date(2026, 10, 30)]


def test_undo_removes_only_the_last_entry(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    log(uow, clock, me.id, "pull-up", "5,4,3")
    clock.moment += timedelta(minutes=5)
    log(uow, clock, me.id, "dumbbell row", "3x12@14kg")
    removed = service.undo_last_entry(uow=uow, user_id=me.id)
    assert [s.exercise_id for s in removed] == ["bent-over-dumbbell-row"] * 3
    [workout] = service.workout_history(uow=uow, user_id=me.id)
    assert [s.reps for s in workout.sets] == [5, 4, 3]
    service.undo_last_entry(uow=uow, user_id=me.id)
    assert service.workout_history(uow=uow, user_id=me.id) == []
    with pytest.raises(NotFound):
        service.undo_last_entry(uow=uow, user_id=me.id)


def test_bad_input_stores_nothing(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    for sets in ("3x12@2000kg", "3x-1", "5@3st"):
        with pytest.raises(InvalidInput):
            log(uow, clock, me.id, "dumbbell row", sets)
    with pytest.raises(NotFound, match="did you mean"):
        log(uow, clock, me.id, "dumbbell flying kick", "5")
    assert service.workout_history(uow=uow, user_id=me.id) == []


def test_one_persons_log_is_invisible_to_another(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    ana = ensure_local_user(uow=uow, clock=clock, name="ana")
    ben = ensure_local_user(uow=uow, clock=clock, name="ben")
    log(uow, clock, ana.id, "pull-up", "8")
    assert service.workout_history(uow=uow, user_id=ben.id) == []
    assert service.personal_records(uow=uow, caller=caller_at(clock, ben.id)) == []
    with pytest.raises(NotFound):
        service.undo_last_entry(uow=uow, user_id=ben.id)


def test_records_in_sql_agree_with_the_domain_definition(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    rng = random.Random(7)
    history: list[DatedSet] = []
    with uow:
        for n in range(30):
            when = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=3 * n)
            loads = [None, 10.0, 12.5, 14.0, 16.0]
            sets = tuple(
                LoggedSet(
                    "bent-over-dumbbell-row",
                    set_type=rng.choice(list(SetType)),
                    reps=rng.randint(1, 20),
                    load_kg=rng.choice(loads),
                )
                for _ in range(rng.randint(1, 5))
            )
            workout_id = uow.workouts.add(me.id, Workout(when, sets), created_at=when)
            history += [DatedSet(workout_id, when, s) for s in sets]
        uow.commit()
    [stored] = service.personal_records(
        uow=uow, caller=caller_at(clock, me.id), exercise_id="bent-over-dumbbell-row"
    )
    expected = compute_records("bent-over-dumbbell-row", history)
    for field in ("epley_1rm", "brzycki_1rm", "best_volume_session", "most_reps_in_a_set"):
        got, want = getattr(stored, field), getattr(expected, field)
        assert (got is None) == (want is None), field
        if got is not None:
            assert got.value == pytest.approx(want.value), field
            assert got.when == want.when, field
    assert stored.best_reps_by_load == expected.best_reps_by_load


def test_sets_cannot_be_added_to_someone_elses_workout(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    ana = ensure_local_user(uow=uow, clock=clock, name="ana")
    ben = ensure_local_user(uow=uow, clock=clock, name="ben")
    theirs = log(uow, clock, ana.id, "pull-up", "5").workout_id
    with pytest.raises(NotFound), uow:
        uow.workouts.append_sets(ben.id, theirs, [LoggedSet("pull-up", reps=9)], clock.now())
    [workout] = service.workout_history(uow=uow, user_id=ana.id)
    assert [s.reps for s in workout.sets] == [5]
