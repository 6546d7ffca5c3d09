"""Settings, with the storage faked: what is saved, and what is refused by name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backtone.domain.errors import InvalidInput
from backtone.domain.profile import build_profile
from backtone.domain.training import WeightUnit
from backtone.domain.vocabulary import Equipment
from backtone.services.settings import change_settings, my_settings
from tests.factories import caller_at
from tests.fakes import FakeUnitOfWork, FixedClock

CLOCK = FixedClock()


def person(uow: FakeUnitOfWork, name: str = "ana") -> int:
    with uow:
        account = uow.accounts.add_account(name)
        uow.commit()
    return account.id


def test_a_person_without_a_profile_gets_one_with_what_they_chose() -> None:
    uow = FakeUnitOfWork()
    me = caller_at(CLOCK, person(uow))
    change_settings(uow=uow, clock=CLOCK, caller=me, units="lb", weekdays=["tuesday", "friday"],
                    equipment=["dumbbells"], minutes=45)  # fmt: skip
    profile = my_settings(uow=uow, caller=me).profile
    assert profile is not None
    assert profile.units is WeightUnit.LB and profile.minutes == 45
    assert profile.weekdays == (1, 4)
    assert Equipment.DUMBBELLS in profile.equipment


def test_only_the_settings_given_change() -> None:
    uow = FakeUnitOfWork()
    me = caller_at(CLOCK, person(uow))
    with uow:
        uow.profiles.save(
            me.user_id, build_profile(level="advanced", minutes=60), updated_at=CLOCK.now()
        )
        uow.commit()
    after = change_settings(uow=uow, clock=CLOCK, caller=me, timezone="Europe/Paris")
    assert after.account.timezone == "Europe/Paris"
    assert after.profile is not None and after.profile.minutes == 60
    assert after.profile.level.value == "advanced"


@pytest.mark.parametrize(
    ("field", "value"),
    [("timezone", "Mars/Olympus"), ("units", "stone"), ("weekdays", ["someday"]), ("minutes", 5)],
)
def test_a_bad_value_is_refused_by_name_and_nothing_is_saved(field: str, value: object) -> None:
    uow = FakeUnitOfWork()
    me = caller_at(CLOCK, person(uow))
    with pytest.raises(InvalidInput) as refused:
        answers = {"units": "lb", "minutes": 50} | {field: value}
        change_settings(uow=uow, clock=CLOCK, caller=me, **answers)  # type: ignore[arg-type]
    assert refused.value.field == field
    assert refused.value.allowed
    settings = my_settings(uow=uow, caller=me)
    assert settings.profile is None and settings.account.timezone == "UTC"


def test_the_trainers_name_shows_in_the_settings() -> None:
    from backtone.domain.account import ClientLink, Role

    uow = FakeUnitOfWork()
    me = caller_at(CLOCK, person(uow))
    with uow:
        coach = uow.accounts.add_account("coach", role=Role.TRAINER)
        client = uow.accounts.get(me.user_id)
        assert client is not None
        uow.trainers.links.append((coach, ClientLink(client, datetime(2026, 1, 2, tzinfo=UTC))))
        uow.commit()
    assert my_settings(uow=uow, caller=me).trainer == "coach"
