"""The one place that builds the engine, the session factory and the adapters."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.clock import SystemClock
from backtone.adapters.common_passwords import common_passwords
from backtone.adapters.db import failures, migrate
from backtone.adapters.db.engine import make_engine
from backtone.adapters.db.group_commit import GroupCommit, Lease, OwnCommit, writes_for
from backtone.adapters.db.rate_limiter import SqlRateLimiter
from backtone.adapters.db.unit_of_work import SqlUnitOfWork
from backtone.config import Settings
from backtone.domain.catalogue import Catalogue
from backtone.services.ports import Clock, HistoryCodecs, RateLimiter


@dataclass
class Backtone:
    """Everything a use case needs, wired for one settings object."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock
    # How a web request's writes reach the disk: grouped on a SQLite file (group_commit.py).
    writes: GroupCommit | OwnCommit = field(default_factory=OwnCommit)
    # Sessions for requests that only read (see reading_uow); the usual ones when None.
    reading_factory: sessionmaker[Session] | None = None

    def uow(self, lease: Lease | None = None) -> SqlUnitOfWork:
        """A unit of work; with a lease from `writes`, one that runs in the writer's group."""
        if lease is not None and lease.session_factory is not None:
            return SqlUnitOfWork(lease.session_factory, self.catalogue)
        return SqlUnitOfWork(self.session_factory, self.catalogue)

    @property
    def limiter(self) -> RateLimiter:
        """Rate-limit counters in the database, each hit committed on its own."""
        return SqlRateLimiter(self.engine)

    @property
    def common_passwords(self) -> frozenset[str]:
        return common_passwords()

    def reading_uow(self) -> SqlUnitOfWork:
        """A unit of work for a request that only reads (a web GET).

        On PostgreSQL its statements run in autocommit: under READ COMMITTED each statement
        of a transaction sees its own snapshot anyway, so only the BEGIN and ROLLBACK round
        trips go. SQLite opens no transaction for reads in the first place.
        """
        return SqlUnitOfWork(self.reading_factory or self.session_factory)

    @property
    def catalogue(self) -> Catalogue:
        return load_builtin_catalogue()

    @property
    def history_codecs(self) -> HistoryCodecs:
        """The file formats of other apps (imported on first use: they are many modules)."""
        from backtone.adapters.formats.history_codecs import HistoryCodecs as Codecs

        return Codecs()


def build(settings: Settings, *, clock: Clock | None = None, prepare_db: bool = True) -> Backtone:
    """Wire the app; a new database gets its schema (`prepare_db=False` leaves it alone)."""
    engine = make_engine(settings.sqlalchemy_url)
    if prepare_db:
        try:
            migrate.prepare(engine)
        except DBAPIError as error:
            engine.dispose()
            raise failures.explain(error, settings.sqlalchemy_url) or error from None
    return Backtone(
        settings=settings,
        engine=engine,
        session_factory=sessionmaker(engine, expire_on_commit=False),
        clock=clock or SystemClock(),
        writes=writes_for(engine),
        reading_factory=(
            sessionmaker(
                engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False
            )
            if engine.dialect.name == "postgresql"
            else None
        ),
    )
