"""Use cases for plans: make one from a profile, or from one of the seeds' routines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backtone.domain.plan import check_plan_start
from backtone.planner.generate import generate_plan
from backtone.planner.templates import TEMPLATES, template_plan
from backtone.services.plans import keep_plan

if TYPE_CHECKING:
    from datetime import date

    from backtone.domain.catalogue import Catalogue
    from backtone.domain.plan import Plan
    from backtone.domain.plan_record import PlanRecord
    from backtone.domain.profile import Profile
    from backtone.services.context import Caller
    from backtone.services.ports import Clock, UnitOfWork


def create_plan(
    *,
    profile: Profile,
    catalogue: Catalogue,
    start: date,
    weeks: int,
    template: str | None = None,
) -> Plan:
    """A plan of `weeks` weeks from `start`: generated for the profile, or a seed routine.

    Raises Infeasible with plain reasons when no plan keeps every hard rule, and
    InvalidInput for an unknown template or an out-of-range number of weeks.
    """
    if template:
        return template_plan(
            template=template, profile=profile, catalogue=catalogue, start=start, weeks=weeks
        )
    return generate_plan(profile=profile, catalogue=catalogue, start=start, weeks=weeks)


def draft_plan(
    *,
    uow: UnitOfWork,
    caller: Caller,
    profile: Profile,
    weeks: int,
    start: date | None = None,
    template: str | None = None,
) -> Plan:
    """The plan a person's answers make, from `start` (today) within a year of today, with
    the exercises of their own catalogue; nothing is kept yet (see `adopt_plan`)."""
    first = check_plan_start(start or caller.today, caller.today)
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    return create_plan(
        profile=profile, catalogue=catalogue, start=first, weeks=weeks, template=template
    )


def adopt_plan(*, uow: UnitOfWork, clock: Clock, caller: Caller, plan: Plan) -> PlanRecord:
    """Keep a drafted plan as the person's current one (and its profile as theirs)."""
    with uow:
        plan_id = keep_plan(uow=uow, clock=clock, user_id=caller.user_id, plan=plan)
        record = uow.plans.get(caller.user_id, plan_id)
        assert record is not None
        uow.commit()
    return record


def template_names() -> list[str]:
    """The templates a person can pick instead of a generated plan."""
    return sorted(TEMPLATES)
