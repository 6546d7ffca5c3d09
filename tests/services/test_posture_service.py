"""Posture checks act for one person, read on their own calendar (no database: tests/fakes.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from backtone.domain.errors import InvalidInput
from backtone.services.posture import posture_history, record_posture_check
from tests.conftest import FixedClock
from tests.factories import caller_at
from tests.fakes import FakeUnitOfWork

LATE_EVENING = datetime(2026, 9, 1, 23, 30, tzinfo=UTC)  # already 2 September in Tokyo
TOKYO = ZoneInfo("Asia/Tokyo")


def test_a_check_counts_on_the_day_it_was_where_the_person_is() -> None:
    uow, clock = FakeUnitOfWork(), FixedClock(LATE_EVENING)
    ana = caller_at(clock, 1)
    record_posture_check(
        uow=uow, clock=clock, caller=ana, cva_deg=(48.0, 1.5),
        shoulder_offset_pct=(-10.0, 2.0), trunk_lean_deg=(2.0, 1.0),
    )  # fmt: skip
    first_of_september = date(2026, 9, 1)
    assert len(posture_history(uow=uow, caller=ana, until=first_of_september).checks) == 1
    in_tokyo = caller_at(clock, 1, tz=TOKYO)
    assert posture_history(uow=uow, caller=in_tokyo, until=first_of_september).checks == ()
    assert posture_history(uow=uow, caller=caller_at(clock, 2)).checks == ()  # not Ben's


def test_an_impossible_measure_is_refused_and_nothing_is_kept() -> None:
    uow, clock = FakeUnitOfWork(), FixedClock(LATE_EVENING)
    ana = caller_at(clock, 1)
    with pytest.raises(InvalidInput, match="trunk_lean_deg"):
        record_posture_check(
            uow=uow, clock=clock, caller=ana, cva_deg=(48.0, 1.5),
            shoulder_offset_pct=(-10.0, 2.0), trunk_lean_deg=(500.0, 1.0),
        )  # fmt: skip
    assert posture_history(uow=uow, caller=ana).checks == ()
