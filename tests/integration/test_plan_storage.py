"""Plans and profiles kept per person, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.errors import NotFound
from backtone.domain.profile import build_profile
from backtone.services.planning import create_plan
from backtone.services.plans import current_plan, keep_plan, plan_history, saved_profile
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock

START = date(2026, 11, 2)


def a_plan(weeks: int = 4, level: str = "beginner", equipment: str = "home-band"):  # type: ignore[no-untyped-def]
    profile = build_profile(level=level, equipment=equipment, days=3, minutes=30)
    return create_plan(
        profile=profile, catalogue=load_builtin_catalogue(), start=START, weeks=weeks
    )


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def test_a_kept_plan_reads_back_whole_and_becomes_current(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    plan = a_plan()
    keep_plan(uow=uow, clock=clock, user_id=me.id, plan=plan)
    record = current_plan(uow=uow, user_id=me.id)
    assert record.plan == plan
    assert len(record.session_ids) == len(plan.sessions)
    found = record.session_on(plan.sessions[1].day)
    assert found is not None and found[1] == plan.sessions[1]
    assert saved_profile(uow=uow, user_id=me.id) == plan.profile


def test_a_new_plan_replaces_the_current_one_and_the_old_stays_in_history(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    first = keep_plan(uow=uow, clock=clock, user_id=me.id, plan=a_plan(4))
    clock.moment += timedelta(days=1)
    second = keep_plan(uow=uow, clock=clock, user_id=me.id, plan=a_plan(6, "intermediate", "gym"))
    history = plan_history(uow=uow, user_id=me.id)
    assert [(p.id, p.is_current) for p in history] == [(second, True), (first, False)]
    assert current_plan(uow=uow, user_id=me.id).id == second


def test_someone_without_a_plan_is_told_how_to_make_one(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me")
    with pytest.raises(NotFound, match="backtone plan"):
        current_plan(uow=uow, user_id=me.id)


def test_plans_are_private(uow: SqlUnitOfWork, clock: FixedClock) -> None:
    ana = ensure_local_user(uow=uow, clock=clock, name="ana")
    ben = ensure_local_user(uow=uow, clock=clock, name="ben")
    plan_id = keep_plan(uow=uow, clock=clock, user_id=ana.id, plan=a_plan())
    assert plan_history(uow=uow, user_id=ben.id) == []
    with uow:
        assert uow.plans.get(ben.id, plan_id) is None
        assert uow.plans.sessions_between(ben.id, START, START + timedelta(days=60)) == []
