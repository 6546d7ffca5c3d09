"""A pooled PostgreSQL connection dropped while idle is replaced before a request uses it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, exc, text

from backtone.adapters.db.idle_ping import ping_when_idle


def _drop_pooled_connection(engine: Engine, admin: Engine) -> int:
    """Use a connection, give it back to the pool, then have the server end it."""
    with engine.connect() as connection:
        pid = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
    with admin.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    return pid


def test_an_idle_connection_the_server_dropped_is_replaced(postgres_engine: Engine) -> None:
    url = postgres_engine.url
    engine = ping_when_idle(create_engine(url, pool_size=1), idle_seconds=0)
    dropped = _drop_pooled_connection(engine, postgres_engine)
    with engine.connect() as connection:
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    assert pid != dropped
    engine.dispose()


def test_a_connection_back_from_work_a_moment_ago_is_not_pinged(postgres_engine: Engine) -> None:
    engine = ping_when_idle(create_engine(postgres_engine.url, pool_size=1), idle_seconds=60)
    _drop_pooled_connection(engine, postgres_engine)
    with pytest.raises(exc.OperationalError), engine.connect() as connection:
        connection.execute(text("SELECT 1"))  # no ping: the request finds out itself
    engine.dispose()
