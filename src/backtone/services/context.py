"""Who a use case acts for: the person, where they are, the unit they read loads in, their day.

Entry points build one `Caller` per request or command (the web from the signed-in account,
the CLI from `--user`, the TUI from its wiring) and hand it to the service, instead of
passing the same four arguments by hand through every signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from backtone.domain.training import WeightUnit
from backtone.services.ports import Clock, UnitOfWork


@dataclass(frozen=True)
class Caller:
    user_id: int
    tz: tzinfo
    unit: WeightUnit
    today: date  # the person's date where they are, read once for the whole use case


def caller_for(*, uow: UnitOfWork, clock: Clock, user_id: int, tz: tzinfo) -> Caller:
    """The caller for a person: their unit from their saved profile (kilograms without one)."""
    with uow:
        profile = uow.profiles.get(user_id)
    unit = profile.units if profile is not None else WeightUnit.KG
    return Caller(user_id, tz, unit, clock.now().astimezone(tz).date())
