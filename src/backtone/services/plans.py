"""Use cases for keeping plans and the profile they were made from."""

from __future__ import annotations

from backtone.domain.errors import NotFound
from backtone.domain.plan import Plan
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.profile import Profile
from backtone.services.ports import Clock, UnitOfWork


def keep_plan(*, uow: UnitOfWork, clock: Clock, user_id: int, plan: Plan) -> int:
    """Store a new plan as the person's current one (earlier plans stay in the history)."""
    with uow:
        now = clock.now()
        plan_id = uow.plans.add(user_id, plan, created_at=now, current=True)
        uow.profiles.save(user_id, plan.profile, updated_at=now)
        uow.commit()
    return plan_id


def current_plan(*, uow: UnitOfWork, user_id: int) -> PlanRecord:
    """The plan the person follows now; NotFound tells them how to make one."""
    with uow:
        record = uow.plans.current(user_id)
    if record is None:
        raise NotFound("current plan", "yours", ["make one with `backtone plan`"])
    return record


def plan_history(*, uow: UnitOfWork, user_id: int) -> list[PlanSummary]:
    with uow:
        return uow.plans.summaries(user_id)


def saved_profile(*, uow: UnitOfWork, user_id: int) -> Profile | None:
    with uow:
        return uow.profiles.get(user_id)


def save_profile(*, uow: UnitOfWork, clock: Clock, user_id: int, profile: Profile) -> None:
    with uow:
        uow.profiles.save(user_id, profile, updated_at=clock.now())
        uow.commit()
