"""Rate-limit counters in the database: exact under parallel hits, on both engines."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from backtone.adapters.db.rate_limiter import SqlRateLimiter

NOW = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def test_hits_at_once_let_exactly_the_limit_through(engine: Engine) -> None:
    limiter = SqlRateLimiter(engine)
    barrier = threading.Barrier(12)

    def hit(_: int) -> timedelta | None:
        barrier.wait()
        return limiter.hit("login:account:sam", limit=5, window=WINDOW, now=NOW)

    with ThreadPoolExecutor(12) as pool:
        waits = list(pool.map(hit, range(12)))
    assert waits.count(None) == 5
    assert all(w is not None and timedelta(0) < w <= WINDOW for w in waits if w is not None)


@pytest.mark.parametrize("after", [WINDOW, WINDOW + timedelta(seconds=1)])
def test_a_new_window_starts_once_the_old_one_is_over(engine: Engine, after: timedelta) -> None:
    limiter = SqlRateLimiter(engine)
    for _ in range(3):
        limiter.hit("k", limit=3, window=WINDOW, now=NOW)
    assert limiter.hit("k", limit=3, window=WINDOW, now=NOW + WINDOW / 2) is not None
    assert limiter.hit("k", limit=3, window=WINDOW, now=NOW + after) is None


def test_a_refund_and_a_clear_give_attempts_back(engine: Engine) -> None:
    limiter = SqlRateLimiter(engine)
    for _ in range(2):
        limiter.hit("a", limit=2, window=WINDOW, now=NOW)
        limiter.hit("b", limit=2, window=WINDOW, now=NOW)
    limiter.refund("a")
    limiter.clear("b")
    assert limiter.hit("a", limit=2, window=WINDOW, now=NOW) is None
    assert limiter.hit("a", limit=2, window=WINDOW, now=NOW) is not None
    assert [limiter.hit("b", limit=2, window=WINDOW, now=NOW) for _ in range(2)] == [None, None]
