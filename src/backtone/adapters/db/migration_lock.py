"""One process at a time brings a database's schema up to date.

Several servers started together (after an upgrade, say) would otherwise each run the same
migrations at once and trip over each other's tables. On PostgreSQL the lock is an advisory
lock held by a connection of its own; on a SQLite file, a lock on a file beside it. The
first to get it migrates; the others then find the schema current and go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

try:
    import fcntl
except ImportError:  # not on Windows: there a single server is the supported setup
    fcntl = None  # type: ignore[assignment]

# Any fixed number: backtone's key among the database's advisory locks ("btone").
ADVISORY_KEY = 0x62746F6E65


@contextmanager
def one_at_a_time(engine: Engine) -> Iterator[None]:
    """Hold the schema lock of this database while the block runs."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
                connection.commit()
        return
    database = engine.url.database or ""
    if fcntl is None or engine.dialect.name != "sqlite" or database in ("", ":memory:"):
        yield
        return
    descriptor = os.open(f"{Path(database).resolve()}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing drops the lock
