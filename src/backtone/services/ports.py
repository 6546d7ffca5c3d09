"""The ports: what services need from the outside world, as Protocols adapters implement."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from backtone.domain.exercise import Exercise
from backtone.domain.user import User


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class UserRepository(Protocol):
    def get_by_name(self, name: str) -> User | None: ...

    def add(self, name: str, created_at: datetime) -> User: ...


class ExerciseRepository(Protocol):
    """A person's own catalogue entries: imported open data and custom exercises."""

    def for_user(self, user_id: int) -> list[Exercise]: ...

    def ids_for_user(self, user_id: int) -> set[str]: ...

    def add_many(self, user_id: int, exercises: Iterable[Exercise]) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: leaving the block without commit() rolls everything back."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
