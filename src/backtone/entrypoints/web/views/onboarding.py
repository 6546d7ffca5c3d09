"""The onboarding questionnaire as a request, and the plan it makes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.plan_record import PlanRecord
from backtone.domain.profile import Profile, SelfTest, build_profile
from backtone.domain.training import WeightUnit
from backtone.services.catalogue import catalogue_for
from backtone.services.planning import create_plan
from backtone.services.plans import keep_plan, saved_profile
from backtone.services.ports import Clock, UnitOfWork
from backtone.services.trainers import find_plan

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
LimitationName = Literal["lower-back", "shoulder", "wrist", "elbow", "knee"]
START_RANGE = timedelta(days=366)


class PlanRequest(BaseModel):
    """The questionnaire: a short self-test, kit, days, minutes, goal and what to spare."""

    hang_seconds: int = Field(default=0, ge=0, le=600)
    pull_ups: int = Field(default=0, ge=0, le=100)
    push_ups: int = Field(default=5, ge=0, le=300)
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    equipment: str = Field(default="home-none", max_length=300)
    weekdays: list[Weekday] = Field(default=["monday", "wednesday", "friday"], min_length=1)
    minutes: int = Field(default=30, ge=10, le=120)
    emphasis: Literal["tone", "posture", "strength"] = "tone"
    limitations: list[LimitationName] = []
    units: Literal["kg", "lb"] | None = Field(
        default=None, description="Left out: the unit already chosen in settings, else kg."
    )
    weeks: int = Field(default=8, ge=1, le=12)
    start: date | None = None
    template: Literal["seed-003", "seed-000-gym"] | None = None


def profile_from(request: PlanRequest, units: WeightUnit) -> Profile:
    return build_profile(
        level=request.level,
        self_test=SelfTest(
            hang_seconds=request.hang_seconds,
            pull_ups=request.pull_ups,
            push_ups=request.push_ups,
        ),
        equipment=request.equipment,
        weekdays=",".join(request.weekdays),
        minutes=request.minutes,
        emphasis=request.emphasis,
        limitations=tuple(dict.fromkeys(request.limitations)),
        units=units,
    )


def make_plan(
    *,
    uow: UnitOfWork,
    clock: Clock,
    builtin: Catalogue,
    owner_id: int,
    request: PlanRequest,
    today: date,
) -> PlanRecord:
    """Make a plan from the answers and keep it as the owner's current plan."""
    start = request.start or today
    if abs(start - today) > START_RANGE:
        raise InvalidInput("start", f"{start} is too far from today", "within a year of today")
    saved = saved_profile(uow=uow, user_id=owner_id)
    units = WeightUnit(request.units) if request.units else saved.units if saved else WeightUnit.KG
    plan = create_plan(
        profile=profile_from(request, units),
        catalogue=catalogue_for(uow=uow, builtin=builtin, user_id=owner_id),
        start=start,
        weeks=request.weeks,
        template=request.template,
    )
    plan_id = keep_plan(uow=uow, clock=clock, user_id=owner_id, plan=plan)
    return find_plan(uow=uow, owner_id=owner_id, plan_id=plan_id)
