"""Hand-written fakes of the ports, for service tests that need no database.

`FakeUnitOfWork` keeps each repository's rows in plain dicts and lists; leaving the outermost
block without `commit()` puts every row back as it was, like the real one's rollback, and a
nested block's commit is a no-op, as documented on the port.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self

from backtone.domain.account import Account, ClientLink, Role
from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
from backtone.domain.exposure import Target
from backtone.domain.kit import Kit
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.posture import PostureCheck
from backtone.domain.profile import Profile
from backtone.domain.readiness import CheckIn
from backtone.domain.records import DatedSet, ExerciseRecords, compute_records
from backtone.domain.training import GUIDED_SOURCE, LoggedSet, Workout
from backtone.domain.user import User


class FixedClock:
    """A clock that reads what the test set (move it with `moment`)."""

    def __init__(self, moment: datetime = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


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


class FakeWorkoutRepository:
    """The part of the workout store that logging, history and guided workouts use.

    Like the database, it holds one open guided workout a person at most.
    """

    def __init__(self) -> None:
        self.rows: dict[int, tuple[int, Workout]] = {}  # workout id -> (owner, workout)
        self.stored_targets: dict[int, list[tuple[PlanItem, Target]]] = {}
        self.last_id = 0  # ids are not handed out again after a delete, as on PostgreSQL

    def _mine(self, user_id: int) -> list[Workout]:
        return [w for owner, w in self.rows.values() if owner == user_id]

    def add(self, user_id: int, workout: Workout, *, created_at: datetime) -> int:
        workout_id = self.last_id = max([self.last_id, *self.rows]) + 1
        sets = tuple(replace(s, id=workout_id * 1000 + n) for n, s in enumerate(workout.sets))
        self.rows[workout_id] = (user_id, replace(workout, id=workout_id, sets=sets))
        return workout_id

    def add_many(self, user_id: int, new: Sequence[Workout], *, created_at: datetime) -> list[int]:
        return [self.add(user_id, workout, created_at=created_at) for workout in new]

    def known_source_keys(self, user_id: int, keys: Iterable[str]) -> set[str]:
        mine = {w.source_key for w in self._mine(user_id) if w.source_key}
        return mine & set(keys)

    def all(self, user_id: int) -> Iterator[Workout]:
        return iter(sorted(self._mine(user_id), key=lambda w: (w.started_at, w.id or 0)))

    def add_unless_taken(
        self, user_id: int, workout: Workout, *, created_at: datetime
    ) -> int | None:
        if self.id_for_key(user_id, workout.key) is not None:
            return None
        if workout.source == GUIDED_SOURCE and workout.ended_at is None:
            mine = self._mine(user_id)
            if any(w.source == GUIDED_SOURCE and w.ended_at is None for w in mine):
                return None
        return self.add(user_id, workout, created_at=created_at)

    def get(self, user_id: int, workout_id: int, *, with_sets: bool = True) -> Workout | None:
        owner, workout = self.rows.get(workout_id, (None, None))
        if owner != user_id or workout is None:
            return None
        return workout if with_sets else replace(workout, sets=())

    def set_targets(
        self, user_id: int, workout_id: int, targets: Sequence[tuple[PlanItem, Target]]
    ) -> None:
        assert self.get(user_id, workout_id) is not None
        self.stored_targets[workout_id] = list(targets)

    def targets(
        self, user_id: int, workout_ids: Iterable[int]
    ) -> dict[int, list[tuple[PlanItem, Target]]]:
        return {
            i: list(self.stored_targets[i])
            for i in workout_ids
            if i in self.stored_targets and self.get(user_id, i) is not None
        }

    def close_stale(self, user_id: int, source: str, started_before: datetime) -> None:
        for w in self._mine(user_id):
            if w.source == source and w.ended_at is None and w.started_at < started_before:
                assert w.id is not None
                if w.sets:
                    self.finish(user_id, w.id, w.started_at)
                else:
                    self.delete(user_id, w.id)

    def finish(self, user_id: int, workout_id: int, ended_at: datetime) -> None:
        owner, workout = self.rows[workout_id]
        assert owner == user_id
        self.rows[workout_id] = (owner, replace(workout, ended_at=ended_at))

    def delete(self, user_id: int, workout_id: int) -> None:
        assert self.get(user_id, workout_id) is not None
        del self.rows[workout_id]
        self.stored_targets.pop(workout_id, None)

    def finished_sessions(self, user_id: int, session_ids: Iterable[int]) -> set[int]:
        wanted = set(session_ids)
        return {
            w.planned_session_id
            for w in self._mine(user_id)
            if w.ended_at is not None and w.planned_session_id in wanted
        }

    def started_since(self, user_id: int, since: datetime) -> list[Workout]:
        return sorted(
            (w for w in self._mine(user_id) if w.started_at >= since), key=lambda w: w.started_at
        )

    def start_times(self, user_id: int) -> list[datetime]:
        return sorted(w.started_at for w in self._mine(user_id))

    def history_of(
        self,
        user_id: int,
        exercise_ids: Iterable[str],
        limit: int,
        *,
        excluding: int | None = None,
        before: datetime | None = None,
    ) -> list[Workout]:
        ids = set(exercise_ids)
        held = [
            w
            for w in self._mine(user_id)
            if w.id != excluding
            and (before is None or w.started_at < before)
            and any(s.exercise_id in ids for s in w.sets)
        ]
        return sorted(held, key=lambda w: w.started_at, reverse=True)[:limit]

    def id_for_key(self, user_id: int, source_key: str) -> int | None:
        return next((w.id for w in self._mine(user_id) if w.key == source_key), None)

    def append_sets(
        self, user_id: int, workout_id: int, sets: Iterable[LoggedSet], created_at: datetime
    ) -> None:
        owner, workout = self.rows[workout_id]
        assert owner == user_id
        self.rows[workout_id] = (owner, replace(workout, sets=workout.sets + tuple(sets)))

    def latest_between(
        self, user_id: int, source: str, start: datetime, end: datetime
    ) -> int | None:
        found = [w for w in self._mine(user_id) if w.source == source]
        found = [w for w in found if start <= w.started_at < end]
        return max(found, key=lambda w: (w.started_at, w.id or 0)).id if found else None

    def open_since(
        self, user_id: int, source: str, since: datetime
    ) -> tuple[Workout, list[tuple[PlanItem, Target]]] | None:
        found = [w for w in self._mine(user_id) if w.source == source and w.ended_at is None]
        found = [w for w in found if w.started_at >= since]
        if not found:
            return None
        newest = max(found, key=lambda w: w.started_at)
        return newest, list(self.stored_targets.get(newest.id or 0, []))

    def recent(self, user_id: int, limit: int, exercise_id: str | None = None) -> list[Workout]:
        newest = sorted(self._mine(user_id), key=lambda w: w.started_at, reverse=True)
        if exercise_id is not None:
            newest = [
                replace(w, sets=tuple(s for s in w.sets if s.exercise_id == exercise_id))
                for w in newest
                if any(s.exercise_id == exercise_id for s in w.sets)
            ]
        return newest[:limit]

    def exercises_logged(self, user_id: int) -> list[str]:
        return sorted({s.exercise_id for w in self._mine(user_id) for s in w.sets})

    def records(self, user_id: int, exercise_id: str) -> ExerciseRecords:
        return compute_records(
            exercise_id,
            [
                DatedSet(w.id or 0, w.started_at, s)
                for w in self._mine(user_id)
                for s in w.sets
                if s.exercise_id == exercise_id
            ],
        )


class FakeImportMemoryRepository:
    def __init__(self) -> None:
        self.names: dict[int, dict[str, tuple[str, str]]] = {}  # folded -> (name, exercise id)
        self.columns: dict[int, dict[str, dict[str, Any]]] = {}

    def name_mappings(self, user_id: int) -> dict[str, str]:
        return {folded: ex for folded, (_, ex) in self.names.get(user_id, {}).items()}

    def remember_names(
        self, user_id: int, mappings: Mapping[str, tuple[str, str]], at: datetime
    ) -> None:
        self.names.setdefault(user_id, {}).update(mappings)

    def remembered_names(self, user_id: int) -> list[tuple[str, str, str]]:
        return [(f, n, e) for f, (n, e) in sorted(self.names.get(user_id, {}).items())]

    def column_mapping(self, user_id: int, header_key: str) -> dict[str, Any] | None:
        return self.columns.get(user_id, {}).get(header_key)

    def column_mappings(self, user_id: int) -> dict[str, dict[str, Any]]:
        return dict(self.columns.get(user_id, {}))

    def remember_columns(
        self, user_id: int, header_key: str, data: Mapping[str, Any], at: datetime
    ) -> None:
        self.columns.setdefault(user_id, {})[header_key] = dict(data)


class FakeKitRepository:
    def __init__(self) -> None:
        self.rows: dict[int, Kit] = {}

    def get(self, user_id: int) -> Kit | None:
        return self.rows.get(user_id)

    def save(self, user_id: int, kit: Kit, *, updated_at: datetime) -> None:
        self.rows[user_id] = kit


class FakeCheckInRepository:
    def __init__(self) -> None:
        self.rows: dict[int, dict[date, CheckIn]] = {}

    def on(self, user_id: int, day: date) -> CheckIn | None:
        return self.rows.get(user_id, {}).get(day)

    def save(self, user_id: int, check_in: CheckIn, *, created_at: datetime) -> None:
        self.rows.setdefault(user_id, {})[check_in.day] = check_in

    def for_user(self, user_id: int) -> list[CheckIn]:
        return [c for _, c in sorted(self.rows.get(user_id, {}).items())]


class FakePostureRepository:
    def __init__(self) -> None:
        self.rows: dict[int, list[PostureCheck]] = {}

    def add(self, user_id: int, check: PostureCheck) -> None:
        self.rows.setdefault(user_id, []).append(check)

    def for_user(self, user_id: int) -> list[PostureCheck]:
        return sorted(self.rows.get(user_id, []), key=lambda c: c.taken_at)


class FakeProfileRepository:
    def __init__(self) -> None:
        self.rows: dict[int, Profile] = {}

    def get(self, user_id: int) -> Profile | None:
        return self.rows.get(user_id)

    def save(self, user_id: int, profile: Profile, *, updated_at: datetime) -> None:
        self.rows[user_id] = profile


class FakePlanRepository:
    def __init__(self) -> None:
        self.rows: dict[int, tuple[int, Plan, datetime]] = {}  # plan id -> owner, plan, made
        self.current_ids: dict[int, int] = {}

    def add(self, user_id: int, plan: Plan, *, created_at: datetime, current: bool) -> int:
        plan_id = max(self.rows, default=0) + 1
        self.rows[plan_id] = (user_id, plan, created_at)
        if current:
            self.current_ids[user_id] = plan_id
        return plan_id

    def get(self, user_id: int, plan_id: int) -> PlanRecord | None:
        found = self.rows.get(plan_id)
        if found is None or found[0] != user_id:
            return None
        _, plan, made = found
        current = self.current_ids.get(user_id) == plan_id
        session_ids = tuple(range(plan_id * 1000, plan_id * 1000 + len(plan.sessions)))
        return PlanRecord(plan_id, made, current, plan, session_ids)

    def current(self, user_id: int) -> PlanRecord | None:
        plan_id = self.current_ids.get(user_id)
        return None if plan_id is None else self.get(user_id, plan_id)

    def summaries(self, user_id: int) -> list[PlanSummary]:
        mine = [self.get(user_id, plan_id) for plan_id in sorted(self.rows, reverse=True)]
        return [
            PlanSummary(
                r.id,
                r.created_at,
                r.is_current,
                r.plan.name,
                r.plan.start,
                len(r.plan.weeks),
                len(r.plan.sessions),
            )
            for r in mine
            if r is not None
        ]

    def sessions_between(self, user_id: int, first: date, last: date) -> list[tuple[int, date]]:
        return []


class FakeAccountRepository:
    def __init__(self) -> None:
        self.rows: dict[int, Account] = {}

    def get(self, user_id: int) -> Account | None:
        return self.rows.get(user_id)

    def get_by_name(self, name: str) -> Account | None:
        return next((a for a in self.rows.values() if a.name == name), None)

    def add_account(self, name: str, *, role: Role = Role.PERSON, timezone: str = "UTC") -> Account:
        """A test's shortcut: an account made without a password."""
        made = datetime(2026, 1, 1, tzinfo=UTC)
        account = Account(max(self.rows, default=0) + 1, name, role, timezone, made)
        self.rows[account.id] = account
        return account

    def set_timezone(self, user_id: int, timezone: str) -> None:
        self.rows[user_id] = replace(self.rows[user_id], timezone=timezone)


class FakeTrainerRepository:
    def __init__(self) -> None:
        self.links: list[tuple[Account, ClientLink]] = []  # (trainer, link)

    def trainer_of(self, client_id: int) -> Account | None:
        return next((t for t, link in self.links if link.client.id == client_id), None)

    def clients(self, trainer_id: int) -> list[ClientLink]:
        return [link for trainer, link in self.links if trainer.id == trainer_id]


class FakeUnitOfWork:
    """Keeps what was committed; uncommitted changes are thrown away like a rollback."""

    def __init__(self, builtin: Sequence[Exercise] | Catalogue = ()) -> None:
        self.builtin = builtin if isinstance(builtin, Catalogue) else Catalogue(list(builtin))
        self.users = FakeUserRepository()
        self.exercises = FakeExerciseRepository()
        self.workouts = FakeWorkoutRepository()
        self.profiles = FakeProfileRepository()
        self.plans = FakePlanRepository()
        self.accounts = FakeAccountRepository()
        self.trainers = FakeTrainerRepository()
        self.import_memory = FakeImportMemoryRepository()
        self.kits = FakeKitRepository()
        self.check_ins = FakeCheckInRepository()
        self.postures = FakePostureRepository()
        self.commits = 0
        self._depth = 0
        self._snapshot: dict[str, Any] = {}

    _STORES = (
        "users", "exercises", "workouts", "profiles", "plans", "accounts", "trainers",
        "import_memory", "kits", "check_ins", "postures",
    )  # fmt: skip

    def _rows(self) -> dict[str, Any]:
        return {name: copy.deepcopy(vars(getattr(self, name))) for name in self._STORES}

    def __enter__(self) -> Self:
        if self._depth == 0:
            self._snapshot = self._rows()
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

    def catalogue(self, user_id: int) -> Catalogue:
        return self.builtin.with_exercises(self.exercises.for_user(user_id))

    def commit(self) -> None:
        if self._depth > 1:
            return  # only the outermost block commits
        self.commits += 1
        self._snapshot = self._rows()

    def rollback(self) -> None:
        for name, rows in self._snapshot.items():
            vars(getattr(self, name)).update(copy.deepcopy(rows))
