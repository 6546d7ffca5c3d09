"""The settings page's view model: account, units, equipment, days, minutes and time zone."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.account import Account
from backtone.domain.profile import WEEKDAY_NAMES, Profile, build_profile, kit_from_list
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment
from backtone.services.accounts import change_timezone
from backtone.services.plans import save_profile, saved_profile
from backtone.services.ports import Clock, UnitOfWork


class SettingsView(BaseModel):
    name: str
    role: str
    timezone: str
    has_profile: bool
    units: str
    equipment: list[str]
    weekdays: list[str]
    minutes: int
    trainer: str | None
    equipment_options: list[str]
    weekday_options: list[str]


def settings_view(account: Account, profile: Profile | None, trainer: str | None) -> SettingsView:
    return SettingsView(
        name=account.name,
        role=account.role.value,
        timezone=account.timezone,
        has_profile=profile is not None,
        units=profile.units.value if profile else "kg",
        equipment=sorted(e.value for e in profile.equipment if e is not Equipment.NONE)
        if profile
        else [],
        weekdays=[WEEKDAY_NAMES[d] for d in profile.weekdays] if profile else [],
        minutes=profile.minutes if profile else 30,
        trainer=trainer,
        equipment_options=[e.value for e in Equipment if e is not Equipment.NONE],
        weekday_options=list(WEEKDAY_NAMES),
    )


class SettingsRequest(BaseModel):
    """Only the fields given change."""

    timezone: str | None = Field(default=None, max_length=64)
    units: Literal["kg", "lb"] | None = None
    equipment: list[str] | None = Field(default=None, max_length=20)
    weekdays: (
        list[Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]]
        | None
    ) = Field(default=None, min_length=1, max_length=6)
    minutes: int | None = Field(default=None, ge=10, le=120)


def apply_settings(
    *, uow: UnitOfWork, clock: Clock, account: Account, request: SettingsRequest
) -> None:
    """Change the time zone and the profile fields given; a person without one gets one."""
    if request.timezone is not None:
        change_timezone(uow=uow, user_id=account.id, timezone=request.timezone)
    profile = saved_profile(uow=uow, user_id=account.id) or build_profile(level="beginner")
    changed = profile
    if request.units is not None:
        changed = replace(changed, units=WeightUnit(request.units))
    if request.equipment is not None:
        changed = replace(changed, equipment=kit_from_list(request.equipment), equipment_label="")
    if request.weekdays is not None:
        days = tuple(sorted({WEEKDAY_NAMES.index(d) for d in request.weekdays}))
        changed = replace(changed, weekdays=days)
    if request.minutes is not None:
        changed = replace(changed, minutes=request.minutes)
    if changed != profile or saved_profile(uow=uow, user_id=account.id) is None:
        save_profile(uow=uow, clock=clock, user_id=account.id, profile=changed)
