"""The unit of work: one session, one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session

from backtone.adapters.db.account_repository import (
    SqlAccountRepository,
    SqlAuthTokenRepository,
    SqlIdempotencyRepository,
    SqlLoginAttemptRepository,
    SqlTrainerRepository,
)
from backtone.adapters.db.import_memory_repository import SqlImportMemoryRepository
from backtone.adapters.db.plan_repository import SqlPlanRepository, SqlProfileRepository
from backtone.adapters.db.repositories import (
    SqlBodyWeightRepository,
    SqlExerciseRepository,
    SqlPostureRepository,
    SqlUserRepository,
)
from backtone.adapters.db.workout_repository import SqlWorkoutRepository


class SqlUnitOfWork:
    def __init__(self, session_factory: Callable[[], Session]) -> None:
        # sessionmaker, or a web request's turn in the SQLite writer's group (group_commit.py)
        self._session_factory = session_factory
        self._depth = 0

    def __enter__(self) -> Self:
        # Nested `with uow:` blocks share the outer transaction.
        if self._depth == 0:
            self.session = self._session_factory()
            self.users = SqlUserRepository(self.session)
            self.exercises = SqlExerciseRepository(self.session)
            self.workouts = SqlWorkoutRepository(self.session)
            self.plans = SqlPlanRepository(self.session)
            self.profiles = SqlProfileRepository(self.session)
            self.body_weights = SqlBodyWeightRepository(self.session)
            self.postures = SqlPostureRepository(self.session)
            self.accounts = SqlAccountRepository(self.session)
            self.auth_tokens = SqlAuthTokenRepository(self.session)
            self.login_attempts = SqlLoginAttemptRepository(self.session)
            self.trainers = SqlTrainerRepository(self.session)
            self.idempotency = SqlIdempotencyRepository(self.session)
            self.import_memory = SqlImportMemoryRepository(self.session)
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0:
            self.rollback()
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
