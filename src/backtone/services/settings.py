"""Use cases for a person's settings: time zone, units, kit, training days and minutes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from backtone.domain.account import Account
from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.profile import WEEKDAY_NAMES, Profile, build_profile, kit_from_list
from backtone.domain.training import WeightUnit
from backtone.services.accounts import check_timezone
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork

MINUTES = range(10, 121)


@dataclass(frozen=True)
class PersonSettings:
    account: Account
    profile: Profile | None  # None until a plan is made or settings are saved
    trainer: str | None  # the name of the person's trainer, if they have one


def my_settings(*, uow: UnitOfWork, caller: Caller) -> PersonSettings:
    """What the settings page shows: the account, the saved profile and the trainer's name."""
    with uow:
        account = uow.accounts.get(caller.user_id)
        if account is None:
            raise NotFound("account", str(caller.user_id))
        trainer = uow.trainers.trainer_of(caller.user_id)
        profile = uow.profiles.get(caller.user_id)
    return PersonSettings(account, profile, trainer.name if trainer else None)


def change_settings(
    *,
    uow: UnitOfWork,
    clock: Clock,
    caller: Caller,
    timezone: str | None = None,
    units: str | None = None,
    equipment: Sequence[str] | None = None,
    weekdays: Sequence[str] | None = None,
    minutes: int | None = None,
) -> PersonSettings:
    """Change the time zone and the profile fields given (None leaves one as it is); a person
    without a profile gets a beginner's with these answers."""
    with uow:
        saved = uow.profiles.get(caller.user_id)
        profile = saved or build_profile(level="beginner")
        changed = profile
        if timezone is not None:
            uow.accounts.set_timezone(caller.user_id, check_timezone(timezone))
        if units is not None:
            changed = replace(changed, units=_unit(units))
        if equipment is not None:
            changed = replace(changed, equipment=kit_from_list(equipment), equipment_label="")
        if weekdays is not None:
            changed = replace(changed, weekdays=_days(weekdays))
        if minutes is not None:
            if minutes not in MINUTES:
                raise InvalidInput("minutes", f"{minutes} minutes", "10-120")
            changed = replace(changed, minutes=minutes)
        if changed != profile or saved is None:
            uow.profiles.save(caller.user_id, changed, updated_at=clock.now())
        result = my_settings(uow=uow, caller=caller)
        uow.commit()
    return result


def _unit(text: str) -> WeightUnit:
    try:
        return WeightUnit(text)
    except ValueError:
        raise InvalidInput("units", repr(text), "kg, lb") from None


def _days(names: Sequence[str]) -> tuple[int, ...]:
    unknown = [n for n in names if n not in WEEKDAY_NAMES]
    if unknown or not 1 <= len(set(names)) <= 6:
        problem = f"{unknown[0]!r} is not a day" if unknown else f"{len(set(names))} days"
        raise InvalidInput("weekdays", problem, "1-6 of " + ", ".join(WEEKDAY_NAMES))
    return tuple(sorted({WEEKDAY_NAMES.index(n) for n in names}))
