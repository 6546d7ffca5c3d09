"""Who and what a CLI command acts on: the wired app and the local person."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from backtone.bootstrap import Backtone
    from backtone.domain.training import WeightUnit
    from backtone.domain.user import User
    from backtone.services.context import Caller


@dataclass
class CliState:
    user_name: str = "me"


state = CliState()


@cache
def backtone_app() -> Backtone:
    from backtone.bootstrap import build
    from backtone.config import Settings

    return build(Settings.from_env())


def current_user() -> User:
    """The person the CLI acts for (`--user NAME`, default 'me'), created on first use."""
    from backtone.services.users import ensure_local_user

    app = backtone_app()
    return ensure_local_user(uow=app.uow(), clock=app.clock, name=state.user_name)


def current_unit() -> WeightUnit:
    """The unit the person reads loads in: their profile's, else kilograms."""
    from backtone.domain.training import WeightUnit
    from backtone.services.plans import saved_profile

    profile = saved_profile(uow=backtone_app().uow(), user_id=current_user().id)
    return profile.units if profile else WeightUnit.KG


def current_caller() -> Caller:
    """Who a command acts for: the local person, this computer's time zone, their unit."""
    from backtone.entrypoints.cli.training_log import local_tz
    from backtone.services.context import caller_for

    app = backtone_app()
    return caller_for(uow=app.uow(), clock=app.clock, user_id=current_user().id, tz=local_tz())
