"""The unit of work: one session, one transaction, rolled back unless committed.

Only the outermost `with uow:` block owns the transaction. A use case that runs inside a
caller's block (a web request's, or another use case's) still says `uow.commit()` where its
work is complete, but that commit is a no-op by design: the outermost block commits or rolls
back everything at once, so a use case is one transaction whoever calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session

from backtone.adapters.catalogue.loader import load_builtin_catalogue
from backtone.adapters.db.account_repository import (
    SqlAccountRepository,
    SqlAuthTokenRepository,
    SqlIdempotencyRepository,
    SqlTrainerRepository,
)
from backtone.adapters.db.history_edits import SqlHistoryEditRepository
from backtone.adapters.db.import_memory_repository import SqlImportMemoryRepository
from backtone.adapters.db.plan_repository import SqlPlanRepository, SqlProfileRepository
from backtone.adapters.db.readiness_repository import SqlCheckInRepository, SqlKitRepository
from backtone.adapters.db.repositories import (
    SqlBodyWeightRepository,
    SqlExerciseRepository,
    SqlPostureRepository,
    SqlUserRepository,
)
from backtone.adapters.db.workout_repository import SqlWorkoutRepository
from backtone.domain.catalogue import Catalogue


class SqlUnitOfWork:
    def __init__(
        self, session_factory: Callable[[], Session], builtin: Catalogue | None = None
    ) -> None:
        # sessionmaker, or a web request's turn in the SQLite writer's group (group_commit.py)
        self._session_factory = session_factory
        self._builtin = builtin
        self._depth = 0

    def __enter__(self) -> Self:
        # Nested `with uow:` blocks share the outer transaction.
        if self._depth == 0:
            self.session = self._session_factory()
            self.users = SqlUserRepository(self.session)
            self.exercises = SqlExerciseRepository(self.session)
            self.workouts = SqlWorkoutRepository(self.session)
            self.history_edits = SqlHistoryEditRepository(self.session)
            self.plans = SqlPlanRepository(self.session)
            self.profiles = SqlProfileRepository(self.session)
            self.body_weights = SqlBodyWeightRepository(self.session)
            self.postures = SqlPostureRepository(self.session)
            self.accounts = SqlAccountRepository(self.session)
            self.auth_tokens = SqlAuthTokenRepository(self.session)
            self.trainers = SqlTrainerRepository(self.session)
            self.idempotency = SqlIdempotencyRepository(self.session)
            self.import_memory = SqlImportMemoryRepository(self.session)
            self.kits = SqlKitRepository(self.session)
            self.check_ins = SqlCheckInRepository(self.session)
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

    def catalogue(self, user_id: int) -> Catalogue:
        """The built-in catalogue plus the person's own imported and custom exercises."""
        builtin = self._builtin if self._builtin is not None else load_builtin_catalogue()
        return builtin.with_exercises(self.exercises.for_user(user_id))

    @property
    def owns_transaction(self) -> bool:
        """Whether the block now running is the outermost one, whose commit is real."""
        return self._depth == 1

    def commit(self) -> None:
        """Commit in the outermost block; inside a nested one, leave it to the outer block."""
        if self._depth == 0:
            raise RuntimeError("commit() outside a `with uow:` block")
        if self._depth == 1:
            self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
