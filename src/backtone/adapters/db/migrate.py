"""Schema migrations, applied through Alembic on backtone's own engine."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import Engine, inspect, text

# The newest revision; a test checks it matches the migration scripts. Knowing it here
# lets every start compare versions with one query instead of loading Alembic.
HEAD = "0010"


def _alembic_config(connection: object) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("backtone.adapters.db") / "migrations")
    )
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]


def downgrade(engine: Engine, revision: str = "base") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)  # type: ignore[arg-type]


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a new, empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def prepare(engine: Engine) -> None:
    """Create the schema of a new database; an older one is upgraded in place."""
    if current_revision(engine) != HEAD:
        upgrade(engine)
