"""Posture checks stored and read back on SQLite and PostgreSQL, each person's own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.tables import users
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.errors import InvalidInput
from backtone.services.posture import posture_history, record_posture_check
from tests.conftest import FixedClock
from tests.factories import caller_at

START = datetime(2026, 9, 1, 8, tzinfo=UTC)


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    with engine.begin() as connection:
        for name in ("ana", "ben"):
            connection.execute(insert(users).values(name=name, created_at=START))
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def _ids(uow: SqlUnitOfWork) -> tuple[int, int]:
    with uow:
        ana, ben = uow.users.get_by_name("ana"), uow.users.get_by_name("ben")
    assert ana and ben
    return ana.id, ben.id


def test_checks_come_back_in_date_order_with_a_clear_change_and_the_plan_advice(
    uow: SqlUnitOfWork,
) -> None:
    ana, ben = _ids(uow)
    for weeks, cva in ((4, 50.5), (0, 42.0), (8, 51.0)):  # stored out of order
        record_posture_check(
            uow=uow,
            clock=FixedClock(START + timedelta(weeks=weeks)),
            caller=caller_at(FixedClock(START), ana),
            cva_deg=(cva, 1.5),
            shoulder_offset_pct=(-12.0, 2.0),
            trunk_lean_deg=(2.0, 1.5),
        )
    trend = posture_history(uow=uow, caller=caller_at(FixedClock(START), ana))
    assert [c.cva_deg for c in trend.checks] == [42.0, 50.5, 51.0]
    assert trend.checks[0].taken_at == START
    head, shoulder, _ = trend.changes
    assert head.clear and head.words("°") == "head (CVA): 42 to 51°, better"
    assert not shoulder.clear and "no clear change" in shoulder.words(" %")
    assert "--emphasis posture" in trend.advice  # no plan yet
    assert posture_history(uow=uow, caller=caller_at(FixedClock(START), ben)).checks == ()
    until_week_5 = posture_history(
        uow=uow, caller=caller_at(FixedClock(START), ana), until=(START + timedelta(weeks=5)).date()
    )
    assert [c.cva_deg for c in until_week_5.checks] == [42.0, 50.5]


def test_an_impossible_measure_is_refused_and_nothing_is_stored(uow: SqlUnitOfWork) -> None:
    ana, _ = _ids(uow)
    with pytest.raises(InvalidInput, match="cva_deg"):
        record_posture_check(
            uow=uow,
            clock=FixedClock(START),
            caller=caller_at(FixedClock(START), ana),
            cva_deg=(400.0, 1.0),
            shoulder_offset_pct=(0.0, 1.0),
            trunk_lean_deg=(0.0, 1.0),
        )
    assert posture_history(uow=uow, caller=caller_at(FixedClock(START), ana)).checks == ()
