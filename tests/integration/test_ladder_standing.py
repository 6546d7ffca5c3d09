"""Where the progress page puts a person on the pull-up ladder: the coach's step, not a tally."""

from __future__ import annotations

from datetime import UTC, date

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.analytics_basis import Period
from backtone.domain.quicklog import parse_sets
from backtone.domain.training import WeightUnit
from backtone.services.context import Caller
from backtone.services.progress import progress_summary
from backtone.services.training_log import log_sets
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock
from tests.factories import caller_at

CATALOGUE = load_builtin_catalogue()


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


def log(uow: SqlUnitOfWork, clock: FixedClock, me: int, exercise: str, sets: str, on: date) -> None:
    log_sets(uow=uow, clock=clock, caller=caller_at(clock, me), exercise=exercise,
             sets=parse_sets(sets), on=on)  # fmt: skip


def test_without_a_plan_the_last_ladder_move_logged_is_coached(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me").id
    today = clock.now().date()
    summary = progress_summary(uow=uow, caller=Caller(me, UTC, WeightUnit.KG, today))
    assert summary.ladder is None  # nothing on the ladder yet
    # One good set of six does not make someone a 3 x 5-8 puller: the coach reads the session.
    log(uow, clock, me, "pull-up", "6,2,1", date(2026, 10, 26))
    summary = progress_summary(uow=uow, caller=Caller(me, UTC, WeightUnit.KG, today))
    assert summary.ladder is not None
    assert (summary.ladder.exercise_id, summary.ladder.rung) == ("pull-up", 4)
    assert summary.ladder.words() == "step 5 of 9: Pull-up 2 x 3"
    assert summary.ladder.reason.startswith("6, 2, 1")
    assert summary.ladder.next_step == "Pull-up 3 x 3-5"


def test_a_past_month_reads_the_ladder_as_it_stood_then(
    uow: SqlUnitOfWork, clock: FixedClock
) -> None:
    me = ensure_local_user(uow=uow, clock=clock, name="me").id
    log(uow, clock, me, "negative-pull-up", "3x5", date(2026, 9, 28))
    log(uow, clock, me, "band-assisted-pull-up", "3x8@20kg", date(2026, 10, 20))
    september = progress_summary(uow=uow, caller=caller_at(clock, me),
                                 period=Period.month(2026, 9))  # fmt: skip
    assert september.ladder is not None
    # September ended on 3 x 5 negatives, the top of their step: the coach climbs them.
    assert september.ladder.exercise_id == "band-assisted-pull-up"
    assert september.ladder.reason.startswith("3 x 5: climb to Band-assisted pull-up")
    now = progress_summary(uow=uow, caller=caller_at(clock, me))
    assert now.ladder is not None and "band" in now.ladder.reason  # October's help is read
