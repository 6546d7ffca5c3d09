"""Guided workouts with the storage faked: starting, logging, ticking, swapping, a set that
comes late from a phone."""

from __future__ import annotations

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.errors import Conflict, InvalidInput, NotFound
from backtone.domain.plan import Role
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, Workout
from backtone.services import workouts
from backtone.services.today import Today, today
from tests.factories import caller_at
from tests.fakes import FakeUnitOfWork, FixedClock
from tests.integration.coaching_support import home_dumbbell_plan

CLOCK = FixedClock()  # Monday 2 November 2026, the plan's first session
ME = caller_at(CLOCK, 1)
CATALOGUE = load_builtin_catalogue()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """A person whose plan has a session today."""
    uow = FakeUnitOfWork(CATALOGUE)
    with uow:
        uow.plans.add(ME.user_id, home_dumbbell_plan(), created_at=CLOCK.now(), current=True)
        uow.commit()
    return uow


def guided(uow: FakeUnitOfWork) -> list[Workout]:
    return [w for _, w in uow.workouts.rows.values() if w.source == GUIDED_SOURCE]


def now_shown(uow: FakeUnitOfWork) -> Today:
    return today(uow=uow, clock=CLOCK, caller=ME)


def position_of(found: Today, role: Role) -> int:
    assert found.session is not None
    return next(n for n, item in enumerate(found.session.items) if item.role is role)


def test_before_the_start_today_shows_the_planned_session(uow: FakeUnitOfWork) -> None:
    found = now_shown(uow)
    assert found.workout is None
    assert found.session is not None and found.session.day == ME.today
    assert [i.exercise_id for i in found.session.items if i.role is Role.MAIN] == [
        "dumbbell-romanian-deadlift", "push-up",
    ]  # fmt: skip


def test_without_a_plan_there_is_nothing_to_start() -> None:
    found = today(uow=FakeUnitOfWork(CATALOGUE), clock=CLOCK, caller=ME)
    assert (found.has_plan, found.session, found.workout) == (False, None, None)


def test_starting_todays_workout_twice_gives_one_open_workout(uow: FakeUnitOfWork) -> None:
    first = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    again = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    assert again.workout_id == first.workout_id
    assert len(guided(uow)) == 1
    shown = now_shown(uow).workout
    assert shown is not None and shown.workout_id == first.workout_id


def test_a_guided_set_lands_in_the_open_workout_with_its_target(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    at = position_of(now_shown(uow), Role.MAIN)
    item = started.session.items[at]
    kept = workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                            logged=LoggedSet(item.exercise_id, reps=10, load_kg=12.0))  # fmt: skip
    assert kept.workout_id == started.workout_id and kept.notice == ""
    assert kept.exercise.id == item.exercise_id
    resumed = now_shown(uow).workout
    assert resumed is not None and resumed.workout_id == started.workout_id
    assert [(s.reps, s.load_kg) for s in resumed.done(at)] == [(10, 12.0)]
    assert resumed.session.items[at].exercise_id == item.exercise_id
    assert resumed.session.items[at].target == item.target


def test_a_set_of_an_unknown_exercise_is_refused_and_nothing_is_kept(
    uow: FakeUnitOfWork,
) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    with pytest.raises(NotFound, match="no-such-lift"):
        workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                         logged=LoggedSet("no-such-lift", reps=5))  # fmt: skip
    assert guided(uow)[0].sets == ()


def test_a_tick_records_no_set(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    at = position_of(now_shown(uow), Role.WARM_UP)
    ticked = workouts.tick(uow=uow, caller=ME, workout_id=started.workout_id, position=at)
    assert ticked.exercise_id == started.session.items[at].exercise_id and ticked.done
    [workout] = guided(uow)
    assert workout.sets == ()
    resumed = now_shown(uow).workout
    assert resumed is not None and resumed.session.items[at].ticked


def test_a_main_lift_is_logged_not_ticked(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    at = position_of(now_shown(uow), Role.MAIN)
    with pytest.raises(InvalidInput, match="set by set"):
        workouts.tick(uow=uow, caller=ME, workout_id=started.workout_id, position=at)


def test_a_set_sent_later_for_a_finished_workout_joins_it(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    lift = started.session.items[position_of(now_shown(uow), Role.MAIN)].exercise_id
    workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                     logged=LoggedSet(lift, reps=10))  # fmt: skip
    workouts.finish(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id)
    late = workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                            logged=LoggedSet(lift, reps=9), sent_later=True,
                            logged_at=CLOCK.now())  # fmt: skip
    assert late.workout_id == started.workout_id
    assert "finished elsewhere" in late.notice
    [workout] = guided(uow)
    assert workout.ended_at is not None
    assert [s.reps for s in workout.sets] == [10, 9]


def test_a_set_sent_at_once_to_a_finished_workout_is_refused(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    lift = started.session.items[position_of(now_shown(uow), Role.MAIN)].exercise_id
    workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                     logged=LoggedSet(lift, reps=10))  # fmt: skip
    workouts.finish(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id)
    with pytest.raises(Conflict, match="finished"):
        workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                         logged=LoggedSet(lift, reps=9))  # fmt: skip


def test_a_swap_keeps_the_position(uow: FakeUnitOfWork) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    at = position_of(now_shown(uow), Role.MAIN)
    before = [i.exercise_id for i in started.session.items]
    choices = workouts.swap_choices(uow=uow, clock=CLOCK, caller=ME,
                                    workout_id=started.workout_id, position=at)  # fmt: skip
    assert choices.item.exercise_id == before[at] and choices.options
    other = choices.options[0].id
    workouts.swap(uow=uow, caller=ME, workout_id=started.workout_id, position=at,
                  exercise_id=other)  # fmt: skip
    resumed = now_shown(uow).workout
    assert resumed is not None
    after = [i.exercise_id for i in resumed.session.items]
    assert after == [*before[:at], other, *before[at + 1 :]]
    assert resumed.session.items[at].role is Role.MAIN


def test_sets_sent_later_for_a_deleted_workout_share_one_recreated_workout(
    uow: FakeUnitOfWork,
) -> None:
    started = workouts.start(uow=uow, clock=CLOCK, caller=ME)
    lift = started.session.items[position_of(now_shown(uow), Role.MAIN)].exercise_id
    with uow:
        uow.workouts.delete(ME.user_id, started.workout_id)
        uow.commit()
    first, second = [
        workouts.log_set(uow=uow, clock=CLOCK, caller=ME, workout_id=started.workout_id,
                         logged=LoggedSet(lift, reps=reps), sent_later=True)
        for reps in (8, 7)
    ]  # fmt: skip
    assert first.workout_id == second.workout_id != started.workout_id
    assert "deleted elsewhere" in first.notice
    [recreated] = [w for _, w in uow.workouts.rows.values()]
    assert recreated.name == workouts.RECREATED_NAME
    assert [s.reps for s in recreated.sets] == [8, 7]
