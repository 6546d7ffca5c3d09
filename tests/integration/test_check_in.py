"""The readiness check-in holds or lowers today's targets, never raises them, and says why."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.exposure import Change
from backtone.domain.quicklog import parse_sets
from backtone.domain.readiness import CheckIn, Sleep, Soreness
from backtone.domain.vocabulary import Region
from backtone.services import coaching
from backtone.services.plans import keep_plan
from backtone.services.readiness import check_in, check_ins
from backtone.services.training_log import log_sets
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at
from tests.integration.coaching_support import MONDAY, home_dumbbell_plan

CATALOGUE = load_builtin_catalogue()
NEXT_MONDAY = MONDAY + timedelta(days=7)
RDL = "dumbbell-romanian-deadlift"


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


@pytest.fixture
def me(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    """Someone whose Romanian deadlifts were at the top of the range last Monday."""
    user = ensure_local_user(uow=uow, clock=clock, name="me")
    keep_plan(uow=uow, clock=clock, user_id=user.id, plan=home_dumbbell_plan())
    for exercise, sets in ((RDL, "3x12@20kg"), ("push-up", "3x10")):
        log_sets(uow=uow, clock=clock, caller=caller_at(clock, user.id), exercise=exercise,
                 sets=parse_sets(sets), on=MONDAY)  # fmt: skip
    return user.id


def monday(uow: SqlUnitOfWork, me: int) -> coaching.SessionPlan:
    return coaching.next_session(uow=uow, user_id=me, today=NEXT_MONDAY, tz=UTC)


def say(uow: SqlUnitOfWork, clock: FixedClock, me: int, **how: object) -> None:
    check_in(
        uow=uow, clock=clock, caller=caller_at(clock, me), check_in=CheckIn(NEXT_MONDAY, **how)
    )  # type: ignore[arg-type]


def rdl(session: coaching.SessionPlan) -> coaching.SessionItem:
    return next(i for i in session.items if i.exercise_id == RDL)


def test_without_a_check_in_the_top_of_the_range_adds_load(uow: SqlUnitOfWork, me: int) -> None:
    assert rdl(monday(uow, me)).change is Change.ADD_LOAD


def test_a_poor_night_holds_the_load_step_and_says_so(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    before = rdl(monday(uow, me))
    say(uow, clock, me, sleep=Sleep.POOR)
    held = rdl(monday(uow, me))
    assert held.change is Change.HOLD and held.load_kg == 20.0
    assert held.sets == before.sets
    assert "a poor night's sleep, so keep 20 kg a hand" in held.reason
    assert monday(uow, me).check_in is not None


def test_severe_soreness_where_it_works_also_takes_a_set_off(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    before = rdl(monday(uow, me))
    say(uow, clock, me, soreness=((Region.LOWER_BACK, Soreness.SEVERE),))
    sore = rdl(monday(uow, me))
    assert sore.change is Change.HOLD and sore.load_kg == 20.0
    assert sore.sets == before.sets - 1
    assert sore.reason.endswith("a set fewer today for the soreness")
    # The push-ups do not work the lower back: they move on as usual.
    pushes = next(i for i in monday(uow, me).items if i.exercise_id == "push-up")
    assert pushes.change is not Change.HOLD


def test_pain_swaps_the_exercise_that_loads_it_for_that_day_only(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    say(uow, clock, me, pain=frozenset({Region.LOWER_BACK}))
    session = monday(uow, me)
    assert RDL not in [i.exercise_id for i in session.items]
    assert any("sparing your lower back" in n or "is left out today" in n for n in session.notes)
    # The next day has no check-in: the plan is back as it was.
    later = coaching.next_session(
        uow=uow, user_id=me, today=NEXT_MONDAY + timedelta(days=4), tz=UTC
    )
    assert RDL in [i.exercise_id for i in later.items] and not later.notes


def test_a_second_check_in_the_same_day_replaces_the_first(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    say(uow, clock, me, sleep=Sleep.POOR)
    say(uow, clock, me, sleep=Sleep.GOOD)
    assert [c.sleep for c in check_ins(uow=uow, caller=caller_at(clock, me))] == [Sleep.GOOD]
    assert rdl(monday(uow, me)).change is Change.ADD_LOAD
