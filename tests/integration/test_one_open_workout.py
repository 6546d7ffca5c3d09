"""One open guided workout per person, held by the database whoever asks to start one."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.training import LoggedSet, Workout
from backtone.services import coaching
from backtone.services.plans import keep_plan
from backtone.services.training_log import workout_history
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.integration.coaching_support import MONDAY, home_dumbbell_plan

CATALOGUE = load_builtin_catalogue()


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


@pytest.fixture
def me(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    user = ensure_local_user(uow=uow, clock=clock, name="me")
    keep_plan(uow=uow, clock=clock, user_id=user.id, plan=home_dumbbell_plan())
    return user.id


def session(uow: SqlUnitOfWork, me: int) -> coaching.SessionPlan:
    return coaching.next_session(uow=uow, user_id=me, today=MONDAY, tz=UTC)


def test_the_database_refuses_a_second_open_guided_workout(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    twin = Workout(started_at=clock.now() + timedelta(seconds=1), sets=(), source="workout")
    with pytest.raises(IntegrityError), uow:
        uow.workouts.add(me, twin, created_at=clock.now())


def test_a_start_while_one_is_open_gets_the_open_one_with_its_sets(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    first = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    done = LoggedSet(first.session.main_items[0].exercise_id, reps=8)
    coaching.log_guided_set(
        uow=uow, clock=clock, user_id=me, workout_id=first.workout_id, logged=done
    )
    clock.moment += timedelta(seconds=5)
    again = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    assert (again.workout_id, again.started_at, again.sets) == (
        first.workout_id,
        first.started_at,
        (done,),
    )


def test_starting_after_a_workout_left_open_for_days_closes_it_at_its_last_set(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    old = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    clock.moment += timedelta(minutes=20)
    coaching.log_guided_set(
        uow=uow, clock=clock, user_id=me, workout_id=old.workout_id,
        logged=LoggedSet(old.session.main_items[0].exercise_id, reps=8),
    )  # fmt: skip
    last_set = clock.now()
    clock.moment += timedelta(days=2)
    coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    clock.moment += timedelta(days=2)
    new = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session(uow, me))
    assert new.started_at == clock.now() and new.sets == ()
    kept = {w.started_at: w.ended_at for w in workout_history(uow=uow, user_id=me)}
    # The first ends at its last set; the empty one is gone; the new one is open.
    assert kept == {old.started_at: last_set, new.started_at: None}
