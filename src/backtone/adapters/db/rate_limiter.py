"""Rate-limit counters in the database, shared by every request and worker process.

Each hit is one atomic upsert in its own short transaction: it is counted even when the
request it guards fails and rolls back (a wrong password must count), and parallel hits on
one key each get their own number, so no more than `limit` of them are let through.
Call it before the request writes anything: SQLite lets one writer in at a time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, case, delete, update

from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import rate_limits
from backtone.adapters.db.upsert import insert_for


class SqlRateLimiter:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def hit(self, key: str, *, limit: int, window: timedelta, now: datetime) -> timedelta | None:
        """Count one attempt under `key`: None if it is within the limit, else how long to wait.

        A window starts at the first hit and lasts `window`; the first hit after it starts
        the next one.
        """
        with self._engine.begin() as connection:
            statement = insert_for(connection, rate_limits).values(
                key=key, window_start=now, hits=1
            )
            over = rate_limits.c.window_start <= now - window
            counted = statement.on_conflict_do_update(
                index_elements=[rate_limits.c.key],
                set_={
                    "hits": case((over, 1), else_=rate_limits.c.hits + 1),
                    "window_start": case((over, now), else_=rate_limits.c.window_start),
                },
            ).returning(rate_limits.c.hits, rate_limits.c.window_start)
            hits, started = connection.execute(counted).one()
        if hits <= limit:
            return None
        return max(as_utc(started) + window - now, timedelta(seconds=1))

    def refund(self, key: str) -> None:
        """Take one hit back (an attempt that turned out fine counts for nothing)."""
        with self._engine.begin() as connection:
            connection.execute(
                update(rate_limits)
                .where(rate_limits.c.key == key, rate_limits.c.hits > 0)
                .values(hits=rate_limits.c.hits - 1)
            )

    def clear(self, key: str) -> None:
        """Forget the key's hits (after a log-in that succeeded)."""
        with self._engine.begin() as connection:
            connection.execute(delete(rate_limits).where(rate_limits.c.key == key))
