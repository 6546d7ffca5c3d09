"""The settings page's view model: account, units, equipment, days, minutes and time zone."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from backtone.domain.profile import WEEKDAY_NAMES
from backtone.domain.vocabulary import Equipment
from backtone.services.settings import PersonSettings


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


def settings_view(settings: PersonSettings) -> SettingsView:
    account, profile = settings.account, settings.profile
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
        trainer=settings.trainer,
        equipment_options=[e.value for e in Equipment if e is not Equipment.NONE],
        weekday_options=list(WEEKDAY_NAMES),
    )


class SettingsRequest(BaseModel):
    """Only the fields given change (`change_settings(**request.model_dump())`)."""

    timezone: str | None = Field(default=None, max_length=64)
    units: Literal["kg", "lb"] | None = None
    equipment: list[str] | None = Field(default=None, max_length=20)
    weekdays: (
        list[Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]]
        | None
    ) = Field(default=None, min_length=1, max_length=6)
    minutes: int | None = Field(default=None, ge=10, le=120)
