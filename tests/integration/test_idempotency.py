"""Idempotency keys on both databases: claimed with the work they guard, or not at all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.domain.errors import Conflict
from backtone.services.idempotency import CLAIM_EXPIRES, run_once
from backtone.services.users import ensure_local_user
from tests.conftest import FixedClock


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(sessionmaker(engine, expire_on_commit=False))


@pytest.fixture
def me(uow: SqlUnitOfWork, clock: FixedClock) -> int:
    return ensure_local_user(uow=uow, clock=clock, name="me").id


def test_a_request_that_failed_leaves_its_key_free_for_the_retry(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    def fails() -> dict[str, object]:
        raise RuntimeError("the server fell over")

    with pytest.raises(RuntimeError):
        run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=fails)
    result = run_once(
        uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=lambda: {"n": 1}
    )
    assert result == ({"n": 1}, False)


def test_a_retry_gets_the_first_result_without_running_again(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    runs: list[int] = []

    def action() -> dict[str, object]:
        runs.append(1)
        return {"n": len(runs)}

    first = run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=action)
    again = run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=action)
    assert (first, again, len(runs)) == (({"n": 1}, False), ({"n": 1}, True), 1)
    with pytest.raises(Conflict, match="different request"):
        run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="g", action=action)


def test_a_claim_left_without_an_answer_is_taken_over_once_it_has_expired(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    # What a request that died between its claim and its answer left under older code.
    with uow:
        assert uow.idempotency.claim(me, "k", "f", clock.now())
        uow.commit()
    with pytest.raises(Conflict, match="still being processed"):
        run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=lambda: {})
    clock.moment += CLAIM_EXPIRES + timedelta(seconds=1)
    result = run_once(
        uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=lambda: {"n": 1}
    )
    again = run_once(
        uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=lambda: {"n": 2}
    )
    assert (result, again) == (({"n": 1}, False), ({"n": 1}, True))


def test_a_key_claimed_inside_a_larger_transaction_commits_with_it_or_not_at_all(
    uow: SqlUnitOfWork, clock: FixedClock, me: int
) -> None:
    with pytest.raises(RuntimeError), uow:  # a web request's block around the use case
        run_once(uow=uow, clock=clock, user_id=me, key="k", fingerprint="f", action=lambda: {})
        raise RuntimeError("the request failed after the use case")
    with uow:
        assert uow.idempotency.stored(me, "k") is None
