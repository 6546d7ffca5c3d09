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
    from backtone.adapters.db.failures import where
    from backtone.config import Settings

    settings = Settings.from_env()
    revision = migrate.current_revision(make_engine(settings.sqlalchemy_url))
    if revision == migrate.HEAD:
        state = "up to date"
    elif migrate.is_newer(revision):
        state = (
            f"written by a newer backtone (this one knows up to {migrate.HEAD}); upgrade backtone"
        )
    else:
        state = f"behind (latest is {migrate.HEAD}); `backtone db upgrade` brings it up to date"
    print(f"{where(settings.sqlalchemy_url)}: revision {revision or 'none'}, {state}")
