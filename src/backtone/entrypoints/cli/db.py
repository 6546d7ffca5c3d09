"""Database maintenance commands."""

from __future__ import annotations


def upgrade() -> None:
    """Apply every pending schema migration."""
    from backtone.adapters.db import migrate
    from backtone.adapters.db.engine import make_engine
    from backtone.config import Settings

    settings = Settings.from_env()
    engine = make_engine(settings.sqlalchemy_url)
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    print(f"database at revision {after} (was {before or 'empty'})")


def current() -> None:
    """Show the database's schema revision and where it is."""
    from backtone.adapters.db import migrate
    from backtone.adapters.db.engine import make_engine
    from backtone.config import Settings

    settings = Settings.from_env()
    revision = migrate.current_revision(make_engine(settings.sqlalchemy_url))
    state = "up to date" if revision == migrate.HEAD else f"behind (latest is {migrate.HEAD})"
    print(f"{settings.sqlalchemy_url}: revision {revision or 'none'}, {state}")
