"""The ports: what services need from the outside world, as Protocols adapters implement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self

from backtone.domain.exercise import Exercise
from backtone.domain.plan import Plan
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.profile import Profile
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


class PlanRepository(Protocol):
    """A person's plans, the current one first among equals."""

    def add(self, user_id: int, plan: Plan, *, created_at: datetime, current: bool) -> int: ...

    def current(self, user_id: int) -> PlanRecord | None: ...

    def get(self, user_id: int, plan_id: int) -> PlanRecord | None: ...

    def summaries(self, user_id: int) -> list[PlanSummary]: ...

    def sessions_between(self, user_id: int, first: date, last: date) -> list[tuple[int, date]]: ...


class ProfileRepository(Protocol):
    def get(self, user_id: int) -> Profile | None: ...

    def save(self, user_id: int, profile: Profile, *, updated_at: datetime) -> None: ...


class BodyWeightRepository(Protocol):
    def add(self, user_id: int, measured_at: datetime, kg: float) -> None: ...

    def for_user(self, user_id: int) -> list[tuple[datetime, float]]: ...


class UnitOfWork(Protocol):
    """One transaction: leaving the block without commit() rolls everything back."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def workouts(self) -> WorkoutRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def profiles(self) -> ProfileRepository: ...

    @property
    def body_weights(self) -> BodyWeightRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
