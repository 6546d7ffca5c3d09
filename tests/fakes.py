"""Hand-written fakes of the ports, for service tests that need no database."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import TracebackType
from typing import Self

from backtone.domain.exercise import Exercise
from backtone.domain.user import User


class FakeUserRepository:
    def __init__(self) -> None:
        self.rows: dict[str, User] = {}

    def get_by_name(self, name: str) -> User | None:
        return self.rows.get(name)

    def add(self, name: str, created_at: datetime) -> User:
        user = User(len(self.rows) + 1, name, created_at)
        self.rows[name] = user
        return user


class FakeExerciseRepository:
    def __init__(self) -> None:
        self.rows: dict[int, dict[str, Exercise]] = {}

    def for_user(self, user_id: int) -> list[Exercise]:
        return list(self.rows.get(user_id, {}).values())

    def ids_for_user(self, user_id: int) -> set[str]:
        return set(self.rows.get(user_id, {}))

    def add_many(self, user_id: int, exercises: Iterable[Exercise]) -> None:
        for exercise in exercises:
            self.rows.setdefault(user_id, {})[exercise.id] = exercise


class FakeUnitOfWork:
    """Keeps what was committed; uncommitted changes are thrown away like a rollback."""

    def __init__(self) -> None:
        self.users = FakeUserRepository()
        self.exercises = FakeExerciseRepository()
        self.commits = 0
        self._snapshot: tuple[dict[str, User], dict[int, dict[str, Exercise]]] | None = None

    def __enter__(self) -> Self:
        self._snapshot = (
            dict(self.users.rows),
            {k: dict(v) for k, v in self.exercises.rows.items()},
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.commits += 1
        self._snapshot = (
            dict(self.users.rows),
            {k: dict(v) for k, v in self.exercises.rows.items()},
        )

    def rollback(self) -> None:
        if self._snapshot is not None:
            self.users.rows = dict(self._snapshot[0])
            self.exercises.rows = {k: dict(v) for k, v in self._snapshot[1].items()}
