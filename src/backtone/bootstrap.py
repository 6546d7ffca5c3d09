"""The one place that builds the engine, the session factory and the adapters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.clock import SystemClock
from backtone.adapters.common_passwords import common_passwords
from backtone.adapters.db import failures, migrate
from backtone.adapters.db.engine import make_engine
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

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.session_factory, self.catalogue)

    @property
    def limiter(self) -> RateLimiter:
        """Rate-limit counters in the database, each hit committed on its own."""
        return SqlRateLimiter(self.engine)

    @property
    def common_passwords(self) -> frozenset[str]:
        return common_passwords()

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
    )
