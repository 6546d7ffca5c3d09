"""Check a pooled PostgreSQL connection before use only when it has been idle for a while.

`pool_pre_ping` pings on every checkout: one extra round trip per web request. Under load a
connection goes back to work milliseconds after it was returned, when it is known to be
alive; a connection left idle may have been dropped (a database restart, a proxy's timeout),
so only those are pinged, and a dead one is replaced before the request sees it.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event, exc

IDLE_SECONDS = 10.0


def ping_when_idle(engine: Engine, idle_seconds: float = IDLE_SECONDS) -> Engine:
    """Attach the check to `engine`'s pool; returns the engine."""

    @event.listens_for(engine, "checkin")
    def returned(_dbapi: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def checked_out(dbapi: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get("returned_at")
        if returned_at is None or time.monotonic() - returned_at < idle_seconds:
            return
        try:
            cursor = dbapi.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi.rollback()
        except Exception as error:
            # The pool drops this connection and tries again with a new one.
            raise exc.DisconnectionError() from error

    return engine
