"""The next session's targets and guided workouts through the services, on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.dosage import dose_for
from backtone.domain.errors import Conflict, NotFound
from backtone.domain.exercise import Span
from backtone.domain.exposure import Change
from backtone.domain.ladders import PUSH_UP_LADDER
from backtone.domain.plan import Role
from backtone.domain.quicklog import parse_sets
from backtone.domain.training import LoggedSet, WeightUnit
from backtone.services import coaching
from backtone.services.plans import keep_plan, save_profile
from backtone.services.training_log import log_sets, workout_history
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at
from tests.integration.coaching_support import MONDAY, home_dumbbell_plan

CATALOGUE = load_builtin_catalogue()
WEEK = timedelta(days=7)


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


@pytest.fixture
def me(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    user = ensure_local_user(uow=uow, clock=clock, name="me")
    keep_plan(uow=uow, clock=clock, user_id=user.id, plan=home_dumbbell_plan())
    return user.id


def next_on(uow: SqlUnitOfWork, user_id: int, day: date) -> coaching.SessionPlan:
    return coaching.next_session(uow=uow, user_id=user_id, today=day, tz=UTC)


def item(session: coaching.SessionPlan, exercise_id: str) -> coaching.SessionItem:
    return next(i for i in session.items if i.exercise_id == exercise_id)


def do_session(
    uow: SqlUnitOfWork, clock: FixedClock, user_id: int, session: coaching.SessionPlan,
    done: dict[str, tuple[int, float | None]],
) -> coaching.GuidedWorkout:  # fmt: skip
    """Start a guided workout and log every main set as `done` says (reps, load)."""
    workout = coaching.start_workout(uow=uow, clock=clock, user_id=user_id, session=session)
    for main in session.main_items:
        reps, load = done[main.exercise_id]
        for _ in range(main.sets):
            logged = LoggedSet(main.exercise_id, reps=reps, load_kg=load)
            coaching.log_guided_set(
                uow=uow, clock=clock, user_id=user_id, workout_id=workout.workout_id, logged=logged
            )
    return workout


def finish_monday(
    uow: SqlUnitOfWork, clock: FixedClock, user_id: int, reps: int, load: float
) -> coaching.GuidedWorkout:
    """Monday's session done and finished with every main set at `reps` x `load`."""
    first = next_on(uow, user_id, MONDAY)
    workout = do_session(
        uow, clock, user_id, first, {i.exercise_id: (reps, load) for i in first.main_items}
    )
    finish(uow, clock, user_id, workout.workout_id)
    return workout


def open_for(uow: SqlUnitOfWork, clock: FixedClock, user_id: int) -> coaching.GuidedWorkout | None:
    return coaching.open_workout(uow=uow, clock=clock, user_id=user_id, tz=UTC)


def log_one(
    uow: SqlUnitOfWork, clock: FixedClock, user_id: int, workout_id: int, logged: LoggedSet
) -> None:
    coaching.log_guided_set(
        uow=uow, clock=clock, user_id=user_id, workout_id=workout_id, logged=logged
    )


def finish(
    uow: SqlUnitOfWork, clock: FixedClock, user_id: int, workout_id: int
) -> coaching.WorkoutSummary:
    return coaching.finish_workout(
        uow=uow, clock=clock, user_id=user_id, workout_id=workout_id, tz=UTC
    )


def test_without_a_plan_the_next_session_says_how_to_make_one(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    nobody = ensure_local_user(uow=uow, clock=clock, name="nobody")
    with pytest.raises(NotFound, match="backtone plan"):
        next_on(uow, nobody.id, MONDAY)


def test_a_first_session_starts_every_main_item_and_keeps_the_warm_up_as_planned(
    uow: SqlUnitOfWork, me: int
) -> None:
    session = next_on(uow, me, MONDAY)
    planned = home_dumbbell_plan().sessions[0]
    assert (session.day, session.title) == (MONDAY, planned.title)
    assert {i.change for i in session.main_items} == {Change.START}
    assert all("First time" in i.reason for i in session.main_items)
    warm_up = [i for i in session.items if i.role is Role.WARM_UP]
    planned_warm_up = planned.by_role(Role.WARM_UP)
    assert [(i.exercise_id, i.sets, i.reps, i.seconds) for i in warm_up] == [
        (p.exercise_id, p.sets, p.reps, p.seconds) for p in planned_warm_up
    ]
    assert all(i.change is None for i in warm_up)


def test_every_set_at_the_top_of_the_range_adds_a_load_step_next_time(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    finish_monday(uow, clock, me, reps=15, load=20.0)
    # The same exercise comes back a week later, with the plan's range for that week.
    again = item(next_on(uow, me, MONDAY + WEEK), "dumbbell-romanian-deadlift")
    assert again.change is Change.ADD_LOAD
    assert again.load_kg == 22.0  # dumbbells: one 2 kg step a hand above 10 kg
    assert "add 2 kg" in again.reason
    assert again.reps is not None and again.reps.low == again.reps.high


def test_someone_who_chose_pounds_reads_the_targets_in_pounds(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    finish_monday(uow, clock, me, reps=15, load=20.0)
    profile = home_dumbbell_plan().profile
    save_profile(uow=uow, clock=clock, user_id=me, profile=replace(profile, units=WeightUnit.LB))
    session = next_on(uow, me, MONDAY + WEEK)
    again = item(session, "dumbbell-romanian-deadlift")
    # 20 kg is 44.1 lb, not a pound dumbbell: the coach names the next one up in the pound kit.
    assert again.load_kg == pytest.approx(20.41, abs=0.01)
    assert "at 44.1 lb a hand: move up to 45 lb a hand" in again.reason
    assert session.load_words(again) == " at 45 lb a hand"


def test_the_ladder_picks_up_where_the_person_is_not_where_the_plan_starts(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    log_sets(uow=uow, clock=clock, caller=caller_at(clock, me), exercise="knee-push-up",
             sets=parse_sets("12,12,12"))  # fmt: skip
    wednesday = next_on(uow, me, MONDAY + timedelta(days=1))
    push = next(
        i for i in wednesday.main_items if i.planned_exercise_id in PUSH_UP_LADDER.exercise_ids
    )
    assert push.change is Change.CLIMB_RUNG
    assert (push.exercise_id, push.sets, push.reps) == ("push-up", 3, Span(3, 5))


def test_a_session_done_today_moves_next_on_to_the_following_one(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    today = next_on(uow, me, MONDAY)
    workout = do_session(
        uow, clock, me, today, {i.exercise_id: (10, 10.0) for i in today.main_items}
    )
    assert next_on(uow, me, MONDAY).day == MONDAY  # not finished yet: still today's
    finish(uow, clock, me, workout.workout_id)
    assert next_on(uow, me, MONDAY).day == MONDAY + timedelta(days=2)


def test_a_set_logged_in_a_guided_workout_survives_a_crash(
    engine: Engine, uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    session = next_on(uow, me, MONDAY)
    started = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session)
    main = session.main_items[0]
    logged = LoggedSet(main.exercise_id, reps=9, load_kg=12.0)
    coaching.log_guided_set(
        uow=uow, clock=clock, user_id=me, workout_id=started.workout_id, logged=logged
    )
    del uow  # the app dies here: nothing is finished or committed afterwards
    fresh = SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))
    [kept] = workout_history(uow=fresh, user_id=me)
    assert kept.id == started.workout_id and kept.ended_at is None
    assert [(s.exercise_id, s.reps, s.load_kg) for s in kept.sets] == [(main.exercise_id, 9, 12.0)]


def test_resume_finds_the_open_workout_with_its_targets_and_where_to_go_on(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    session = next_on(uow, me, MONDAY)
    started = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session)
    first = session.main_items[0]
    for _ in range(first.sets):
        log_one(uow, clock, me, started.workout_id, LoggedSet(first.exercise_id, reps=10))
    clock.moment += timedelta(minutes=20)
    resumed = open_for(uow, clock, me)
    assert resumed is not None and resumed.workout_id == started.workout_id
    assert [(i.exercise_id, i.target) for i in resumed.session.items] == [
        (i.exercise_id, i.target) for i in session.items
    ]
    second = session.main_items[1]
    assert resumed.session.items[resumed.resume_at()].exercise_id == second.exercise_id
    assert len(resumed.sets) == first.sets
    finish(uow, clock, me, started.workout_id)
    assert open_for(uow, clock, me) is None


def test_an_open_workout_from_days_ago_is_not_offered_again(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    coaching.start_workout(uow=uow, clock=clock, user_id=me, session=next_on(uow, me, MONDAY))
    clock.moment += timedelta(days=2)
    assert open_for(uow, clock, me) is None


def test_the_summary_counts_sets_volume_and_the_records_broken(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    log_sets(uow=uow, clock=clock, caller=caller_at(clock, me),
             exercise="dumbbell-romanian-deadlift", sets=parse_sets("3x10@20kg"),
             on=MONDAY - WEEK)  # fmt: skip
    session = next_on(uow, me, MONDAY)
    done = {i.exercise_id: (10, 22.0) for i in session.main_items}
    done["push-up"] = (8, None)
    workout = do_session(uow, clock, me, session, done)
    clock.moment += timedelta(minutes=35)
    summary = finish(uow, clock, me, workout.workout_id)
    rdl_sets = item(session, "dumbbell-romanian-deadlift").sets
    assert summary.sets == sum(i.sets for i in session.main_items)
    assert summary.volume_kg == pytest.approx(rdl_sets * 10 * 22.0)
    assert summary.minutes == 35
    broken = {(r.exercise_id, r.record) for r in summary.records}
    # 22 kg beats 20 kg; a first session of push-ups has no record to beat.
    assert broken == {
        ("dumbbell-romanian-deadlift", "estimated one-rep max"),
        ("dumbbell-romanian-deadlift", "best session volume"),
    }
    one_rm = next(r for r in summary.records if r.record == "estimated one-rep max")
    assert one_rm.before == pytest.approx(20 * (1 + 10 / 30))
    assert one_rm.value == pytest.approx(22 * (1 + 10 / 30))
    # One streak, the progress page's: last week's lone session was not a week on plan, and
    # this week is under way with one of its three sessions done.
    assert (summary.week_done, summary.week_planned, summary.streak_weeks) == (1, 3, 0)
    assert summary.streak_words() == "This week: 1 of 3 planned sessions; 0 weeks on plan in a row"
    assert finish(uow, clock, me, workout.workout_id) == summary


def test_a_workout_finished_with_nothing_in_it_leaves_no_trace(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    started = coaching.start_workout(
        uow=uow, clock=clock, user_id=me, session=next_on(uow, me, MONDAY)
    )
    summary = finish(uow, clock, me, started.workout_id)
    assert (summary.sets, summary.records) == (0, ())
    assert workout_history(uow=uow, user_id=me) == []


def test_a_finished_workout_takes_no_more_sets(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    workout = finish_monday(uow, clock, me, reps=8, load=8.0)
    with pytest.raises(Conflict, match="finished"):
        log_one(uow, clock, me, workout.workout_id, LoggedSet("cat-cow", reps=8))


def test_another_persons_workout_cannot_be_touched(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    started = coaching.start_workout(
        uow=uow, clock=clock, user_id=me, session=next_on(uow, me, MONDAY)
    )
    other = ensure_local_user(uow=uow, clock=clock, name="other").id
    with pytest.raises(NotFound):
        log_one(uow, clock, other, started.workout_id, LoggedSet("cat-cow", reps=8))
    with pytest.raises(NotFound):
        finish(uow, clock, other, started.workout_id)
    with pytest.raises(NotFound):
        coaching.swap_item(uow=uow, user_id=other,
                           workout_id=started.workout_id, position=0,
                           exercise_id="cat-cow", today=MONDAY, tz=UTC)  # fmt: skip
    assert open_for(uow, clock, other) is None
    resumed = open_for(uow, clock, me)
    assert resumed is not None and resumed.sets == ()


def test_swap_options_train_the_same_pattern_with_the_kit_at_hand(
    uow: SqlUnitOfWork, me: int
) -> None:
    options = coaching.swap_options(uow=uow, user_id=me, exercise_id="bent-over-dumbbell-row")
    row = CATALOGUE.get("bent-over-dumbbell-row")
    kit = home_dumbbell_plan().profile.equipment
    assert options, "a horizontal pull with dumbbells has stand-ins"
    assert all(o.pattern is row.pattern and o.doable_with(kit) for o in options)
    assert "bent-over-dumbbell-row" not in [o.id for o in options]
    assert "seated-cable-row" not in [o.id for o in options]  # no cable at home


def test_a_swap_is_kept_with_its_own_target_and_resumes_as_swapped(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    session = next_on(uow, me, MONDAY)
    started = coaching.start_workout(uow=uow, clock=clock, user_id=me, session=session)
    position = session.items.index(session.main_items[0])
    planned = session.items[position]
    [alternative, *_] = coaching.swap_options(uow=uow, user_id=me, exercise_id=planned.exercise_id)
    swapped = coaching.swap_item(uow=uow, user_id=me,
                                 workout_id=started.workout_id, position=position,
                                 exercise_id=alternative.id, today=MONDAY, tz=UTC)  # fmt: skip
    assert swapped.exercise_id == alternative.id and swapped.change is Change.START
    # The stand-in brings its own dose for this person: a bodyweight bridge rests less.
    profile = home_dumbbell_plan().profile
    assert swapped.rest_seconds == dose_for(CATALOGUE.get(alternative.id), profile).rest_seconds
    resumed = open_for(uow, clock, me)
    assert resumed is not None
    assert resumed.session.items[position].exercise_id == alternative.id


def test_an_adhoc_session_coaches_the_chosen_exercises(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    session = coaching.adhoc_session(uow=uow, user_id=me,
                                     exercises=["dumbbell row", "dead-hang"], today=MONDAY,
                                     tz=UTC)  # fmt: skip
    assert [i.exercise_id for i in session.items] == ["bent-over-dumbbell-row", "dead-hang"]
    assert session.session_id is None
    hang = session.items[1]
    assert hang.seconds == Span(20, 30) and hang.reps is None  # the ladder's first rung
