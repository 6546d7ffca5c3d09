"""Use cases for the readiness check-in and the person's kit: saying how you feel today, and
which loads you can actually set."""

from __future__ import annotations

from backtone.domain.kit import Kit
from backtone.domain.readiness import CheckIn
from backtone.domain.training import WeightUnit
from backtone.services.coach import kit_for
from backtone.services.ports import Clock, UnitOfWork


def check_in(*, uow: UnitOfWork, clock: Clock, user_id: int, check_in: CheckIn) -> CheckIn:
    """Keep the day's check-in (a second one that day replaces the first). Today's targets
    are read with it: it can hold or lower them, never raise them."""
    with uow:
        uow.check_ins.save(user_id, check_in, created_at=clock.now())
        uow.commit()
    return check_in


def check_ins(*, uow: UnitOfWork, user_id: int) -> list[CheckIn]:
    """Every check-in the person gave, oldest first."""
    with uow:
        return uow.check_ins.for_user(user_id)


def my_kit(*, uow: UnitOfWork, user_id: int, unit: WeightUnit) -> Kit:
    """The person's kit as they set it, else the common kit in their unit."""
    with uow:
        return kit_for(uow, user_id, unit)


def set_kit(*, uow: UnitOfWork, clock: Clock, user_id: int, kit: Kit) -> Kit:
    """Keep the loads the person can set; every suggested load comes from them from now on."""
    with uow:
        uow.kits.save(user_id, kit, updated_at=clock.now())
        uow.commit()
    return kit
