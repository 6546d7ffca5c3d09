"""INSERT ... ON CONFLICT for whichever engine a session or connection is on.

Both SQLite and PostgreSQL settle a clash on a unique key inside the one statement, so a race
between two requests ends with one row and no error, without a savepoint (on SQLite,
releasing the outermost savepoint commits, which would split a transaction in two).
"""

from __future__ import annotations

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(owner: Session | Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that knows ON CONFLICT, in the dialect `owner` speaks."""
    bind = owner.get_bind() if isinstance(owner, Session) else owner
    if bind.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
