"""Making and keeping a plan, with the storage faked and the built-in catalogue."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.profile import build_profile
from backtone.domain.vocabulary import Equipment
from backtone.services.planning import adopt_plan, draft_plan
from backtone.services.plans import current_plan, plan_history
from tests.factories import caller_at
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock()
ME = caller_at(CLOCK, 1)
ANSWERS = build_profile(level="beginner", equipment="home-dumbbells", weekdays="mon,thu")


@pytest.fixture(scope="module")
def uow_factory() -> object:
    catalogue = load_builtin_catalogue()
    return lambda: FakeUnitOfWork(catalogue)


def test_a_plan_drafted_from_the_answers_starts_today_on_the_days_chosen(
    uow_factory: object,
) -> None:
    uow = uow_factory()  # type: ignore[operator]
    plan = draft_plan(uow=uow, caller=ME, profile=ANSWERS, weeks=2)
    assert plan.start == ME.today
    assert len(plan.weeks) == 2
    assert {s.day.weekday() for s in plan.sessions} == {0, 3}
    kit = ANSWERS.equipment | {Equipment.NONE}
    catalogue = uow.catalogue(ME.user_id)
    for item in (i for s in plan.sessions for i in s.items):
        assert catalogue.get(item.exercise_id).equipment <= kit
    assert plan_history(uow=uow, user_id=ME.user_id) == []  # a draft keeps nothing


def test_an_adopted_plan_becomes_the_current_one_and_its_profile_is_kept(
    uow_factory: object,
) -> None:
    uow = uow_factory()  # type: ignore[operator]
    first = adopt_plan(uow=uow, clock=CLOCK, caller=ME,
                       plan=draft_plan(uow=uow, caller=ME, profile=ANSWERS, weeks=1))  # fmt: skip
    second = adopt_plan(uow=uow, clock=CLOCK, caller=ME,
                        plan=draft_plan(uow=uow, caller=ME, profile=ANSWERS, weeks=3))  # fmt: skip
    assert current_plan(uow=uow, user_id=ME.user_id).id == second.id != first.id
    assert [s.weeks for s in plan_history(uow=uow, user_id=ME.user_id)] == [3, 1]
    assert uow.profiles.get(ME.user_id) == ANSWERS


def test_a_start_more_than_a_year_away_is_refused_by_name(uow_factory: object) -> None:
    uow = uow_factory()  # type: ignore[operator]
    with pytest.raises(InvalidInput) as refused:
        draft_plan(uow=uow, caller=ME, profile=ANSWERS, weeks=4,
                   start=ME.today + timedelta(days=400))  # fmt: skip
    assert refused.value.field == "start" and refused.value.allowed


def test_a_seed_routine_can_stand_in_for_a_generated_plan(uow_factory: object) -> None:
    uow = uow_factory()  # type: ignore[operator]
    with_a_bar = build_profile(level="intermediate", equipment="home-bar", minutes=60)
    plan = draft_plan(uow=uow, caller=ME, profile=with_a_bar, weeks=2, template="seed-003")
    assert plan.template == "seed-003"
