"""The onboarding questionnaire as a request, and the plan it makes."""

from __future__ import annotations

from datetime import date
from typing import Literal, TypedDict

from pydantic import BaseModel, Field

from backtone.domain.profile import Profile, SelfTest, build_profile, kit_from_list
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Level

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
LimitationName = Literal["lower-back", "shoulder", "wrist", "elbow", "knee"]


class PlanRequest(BaseModel):
    """The questionnaire: a short self-test, level, kit, days, minutes, goal and what to spare.

    Self-test answers left out are assumed from the level; the level left out comes from a
    complete self-test, else beginner. Kit is a preset or a comma list as on the command line
    (`home-bar,dumbbells`, adding to what every home has), or a list of ticked kit (the whole
    kit, as on the settings page).
    """

    hang_seconds: int | None = Field(default=None, ge=0, le=600)
    pull_ups: int | None = Field(default=None, ge=0, le=100)
    push_ups: int | None = Field(default=None, ge=0, le=300)
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    equipment: str | list[str] = Field(default="home-none", max_length=300)
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


def suggested_level(request: PlanRequest) -> Level | None:
    """The level a complete self-test points to, or None while an answer is missing."""
    answers = (request.hang_seconds, request.pull_ups, request.push_ups)
    if any(a is None for a in answers):
        return None
    hang, pull, push = (int(a or 0) for a in answers)
    return SelfTest(hang_seconds=hang, pull_ups=pull, push_ups=push).level()


class PlanAnswers(TypedDict):
    """The planning service's arguments the questionnaire gives."""

    profile: Profile
    weeks: int
    start: date | None
    template: str | None


def plan_answers(request: PlanRequest, unit: WeightUnit) -> PlanAnswers:
    """The answers as the planning service takes them; `unit` where the request names none."""
    return PlanAnswers(
        profile=profile_from(request, WeightUnit(request.units) if request.units else unit),
        weeks=request.weeks,
        start=request.start,
        template=request.template,
    )


def profile_from(request: PlanRequest, units: WeightUnit) -> Profile:
    equipment = request.equipment
    return build_profile(
        level=request.level or suggested_level(request) or Level.BEGINNER,
        pull_ups=request.pull_ups,
        push_ups=request.push_ups,
        hang_seconds=request.hang_seconds,
        equipment=equipment if isinstance(equipment, str) else kit_from_list(equipment),
        weekdays=",".join(request.weekdays),
        minutes=request.minutes,
        emphasis=request.emphasis,
        limitations=tuple(dict.fromkeys(request.limitations)),
        units=units,
    )
