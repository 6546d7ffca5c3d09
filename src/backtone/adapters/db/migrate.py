"""Schema migrations, applied through Alembic on backtone's own engine."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import Engine, inspect, text

from backtone.domain.errors import Unavailable

# The newest revision; a test checks it matches the migration scripts. Knowing it here
# lets every start compare versions with one query instead of loading Alembic.
HEAD = "0016"


def _alembic_config(connection: object) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("backtone.adapters.db") / "migrations")
    )
    config.attributes["connection"] = connection
    return config


class NewerDatabase(Unavailable):
    """The database was migrated by a later backtone: this one must not touch its schema."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(
            f"this database was written by a newer backtone (revision {revision}); upgrade backtone"
        )


def known_revisions() -> set[str]:
    """The revisions this backtone has scripts for (their file names start with the id)."""
    versions = resources.files("backtone.adapters.db") / "migrations" / "versions"
    return {
        entry.name.split("_", 1)[0]
        for entry in versions.iterdir()
        if entry.name.endswith(".py") and entry.name[:1].isdigit()
    }


def is_newer(revision: str | None) -> bool:
    """Whether a database at `revision` comes from a later backtone than this one."""
    return revision is not None and revision != HEAD and revision not in known_revisions()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision`; a database from a newer backtone is refused."""
    from alembic import command

    found = current_revision(engine)
    if is_newer(found):
        raise NewerDatabase(str(found))

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
    found = current_revision(engine)
    if found != HEAD:
        if is_newer(found):
            raise NewerDatabase(str(found))
        upgrade(engine)
