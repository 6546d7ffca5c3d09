"""The ports: what services need from the outside world, as Protocols adapters implement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from backtone.domain.exercise import Exercise
from backtone.domain.records import ExerciseRecords
from backtone.domain.training import LoggedSet, Workout
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


class WorkoutRepository(Protocol):
    """A person's training history. Every method is scoped to `user_id`."""

    def add(self, user_id: int, workout: Workout, *, created_at: datetime) -> int: ...

    def add_many(
        self, user_id: int, new: Sequence[Workout], *, created_at: datetime
    ) -> list[int]: ...

    def append_sets(
        self, user_id: int, workout_id: int, sets: Iterable[LoggedSet], created_at: datetime
    ) -> None: ...

    def latest_between(
        self, user_id: int, source: str, start: datetime, end: datetime
    ) -> int | None: ...

    def known_source_keys(self, user_id: int, keys: Iterable[str]) -> set[str]: ...

    def recent(self, user_id: int, limit: int, exercise_id: str | None = None) -> list[Workout]: ...

    def all(self, user_id: int) -> Iterator[Workout]: ...

    def delete_last_entry(self, user_id: int) -> list[LoggedSet]: ...

    def records(self, user_id: int, exercise_id: str) -> ExerciseRecords: ...

    def exercises_logged(self, user_id: int) -> list[str]: ...


class UnitOfWork(Protocol):
    """One transaction: leaving the block without commit() rolls everything back."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def workouts(self) -> WorkoutRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
