"""The ports: what services need from the outside world, as Protocols adapters implement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from types import TracebackType
from typing import Any, Protocol, Self

from backtone.domain.account import Account, ClientLink, Role, TokenInfo, TokenKind
from backtone.domain.catalogue import Catalogue
from backtone.domain.exercise import Exercise
from backtone.domain.exercise_digest import ExerciseDigest
from backtone.domain.exposure import Target
from backtone.domain.importing import HistoryFormat, ReadOptions, RowRead
from backtone.domain.kit import Kit
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.plan_record import PlanRecord, PlanSummary
from backtone.domain.posture import PostureCheck
from backtone.domain.profile import Profile
from backtone.domain.readiness import CheckIn
from backtone.domain.records import ExerciseRecords
from backtone.domain.signed_in import SignedIn
from backtone.domain.training import LoggedSet, WeightUnit, Workout
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

    def add_unless_taken(
        self, user_id: int, workout: Workout, *, created_at: datetime
    ) -> int | None:
        """Store it unless its key is taken or a guided workout is open already; None then."""
        ...

    def id_for_key(self, user_id: int, source_key: str) -> int | None: ...

    def append_sets(
        self, user_id: int, workout_id: int, sets: Iterable[LoggedSet], created_at: datetime
    ) -> None: ...

    def latest_between(
        self, user_id: int, source: str, start: datetime, end: datetime
    ) -> int | None: ...

    def known_source_keys(self, user_id: int, keys: Iterable[str]) -> set[str]: ...

    def keys(self, user_id: int) -> set[str]:
        """Every stored workout's key (Workout.key), whether or not it was kept in a column."""
        ...

    def recent(self, user_id: int, limit: int, exercise_id: str | None = None) -> list[Workout]: ...

    def all(self, user_id: int) -> Iterator[Workout]: ...

    def delete_last_entry(self, user_id: int) -> list[LoggedSet]: ...

    def records(self, user_id: int, exercise_id: str) -> ExerciseRecords: ...

    def exercises_logged(self, user_id: int) -> list[str]: ...

    # Guided workouts (services/coaching.py).
    def set_targets(
        self, user_id: int, workout_id: int, targets: Sequence[tuple[PlanItem, Target]]
    ) -> None: ...

    def targets(
        self, user_id: int, workout_ids: Iterable[int]
    ) -> dict[int, list[tuple[PlanItem, Target]]]: ...

    def get(self, user_id: int, workout_id: int, *, with_sets: bool = True) -> Workout | None: ...

    def open_since(
        self, user_id: int, source: str, since: datetime
    ) -> tuple[Workout, list[tuple[PlanItem, Target]]] | None:
        """The newest unfinished workout of this source since then, with its stored targets."""
        ...

    def close_stale(self, user_id: int, source: str, started_before: datetime) -> None:
        """End workouts of this source left open since before then (empty ones go)."""
        ...

    def finish(self, user_id: int, workout_id: int, ended_at: datetime) -> None: ...

    def delete(self, user_id: int, workout_id: int) -> None: ...

    def history_of(
        self,
        user_id: int,
        exercise_ids: Iterable[str],
        limit: int,
        *,
        excluding: int | None = None,
        before: datetime | None = None,
    ) -> list[Workout]: ...

    # Progress (services/progress.py): recent weeks in full, the whole history as digests.
    def digests(self, user_id: int) -> list[ExerciseDigest]: ...

    def started_since(self, user_id: int, since: datetime) -> list[Workout]: ...

    def start_times(self, user_id: int) -> list[datetime]: ...

    def finished_sessions(self, user_id: int, session_ids: Iterable[int]) -> set[int]: ...


class HistoryEditRepository(Protocol):
    """Corrections to a person's stored history. Every method is scoped to `user_id`."""

    def find_set(self, user_id: int, set_id: int) -> tuple[int, LoggedSet] | None:
        """The set (with its id) and its workout's id; None for an id that is not theirs."""
        ...

    def replace_set(self, user_id: int, set_id: int, new: LoggedSet) -> None: ...

    def remove_set(self, user_id: int, set_id: int) -> int:
        """Delete a set; how many sets its workout still holds."""
        ...

    def trash_workout(self, user_id: int, workout_id: int, at: datetime) -> bool:
        """Take a workout and its sets out of the history, kept aside to restore; False if
        the person has no such workout."""
        ...

    def restore_workout(self, user_id: int, workout_id: int, deleted_since: datetime) -> int | None:
        """Put back a workout deleted since then; the id it has now, None if none is kept."""
        ...

    def forget_deleted(self, before: datetime) -> None:
        """Drop for good what was deleted before then."""
        ...


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


class PostureRepository(Protocol):
    def add(self, user_id: int, check: PostureCheck) -> None: ...

    def for_user(self, user_id: int) -> list[PostureCheck]: ...


class KitRepository(Protocol):
    """The loads a person can set (their dumbbells, plates, stacks, bands)."""

    def get(self, user_id: int) -> Kit | None: ...

    def save(self, user_id: int, kit: Kit, *, updated_at: datetime) -> None: ...


class CheckInRepository(Protocol):
    """Readiness check-ins, one a day per person."""

    def on(self, user_id: int, day: date) -> CheckIn | None: ...

    def save(self, user_id: int, check_in: CheckIn, *, created_at: datetime) -> None: ...

    def for_user(self, user_id: int) -> list[CheckIn]: ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, stored_hash: str, password: str) -> bool: ...

    def needs_rehash(self, stored_hash: str) -> bool: ...


class AccountRepository(Protocol):
    """Web accounts over the users table (CLI people are accounts without a password)."""

    def get(self, user_id: int) -> Account | None: ...

    def get_by_name(self, name: str) -> Account | None: ...

    def password_hash(self, user_id: int) -> str | None: ...

    def add(
        self, name: str, *, created_at: datetime, password_hash: str, role: Role, timezone: str
    ) -> Account: ...

    def set_password_hash(self, user_id: int, password_hash: str) -> None: ...

    def set_timezone(self, user_id: int, timezone: str) -> None: ...

    def set_role(self, user_id: int, role: Role) -> None: ...

    def delete(self, user_id: int) -> None:
        """Remove the account and every row of every table that belongs to it."""
        ...


class AuthTokenRepository(Protocol):
    """Session cookies and API tokens, stored as SHA-256 digests only."""

    def add(
        self,
        user_id: int,
        kind: TokenKind,
        token_hash: str,
        *,
        created_at: datetime,
        expires_at: datetime | None,
        label: str = "",
    ) -> None: ...

    def account_for(self, token_hash: str, kind: TokenKind, now: datetime) -> SignedIn | None: ...

    def delete(self, token_hash: str) -> None: ...

    def list_for(self, user_id: int, kind: TokenKind, now: datetime) -> list[TokenInfo]: ...

    def id_of(self, token_hash: str) -> int | None: ...

    def revoke(self, user_id: int, token_id: int, kind: TokenKind) -> bool: ...

    def revoke_all_but(self, user_id: int, keep_hash: str | None) -> int:
        """End every session and API token of the person's except the one given; how many."""
        ...


class RateLimiter(Protocol):
    """Counters shared by every request and process; each hit commits on its own at once."""

    def hit(self, key: str, *, limit: int, window: timedelta, now: datetime) -> timedelta | None:
        """Count one attempt: None while within `limit` per `window`, else how long to wait."""
        ...

    def refund(self, key: str) -> None: ...

    def clear(self, key: str) -> None: ...


class TrainerRepository(Protocol):
    def add_invite(
        self, trainer_id: int, code_hash: str, *, created_at: datetime, expires_at: datetime
    ) -> None: ...

    def open_invite(self, code_hash: str, now: datetime) -> int | None: ...

    def mark_accepted(self, code_hash: str, client_id: int, at: datetime) -> None: ...

    def link(self, trainer_id: int, client_id: int, since: datetime) -> None: ...

    def trainer_of(self, client_id: int) -> Account | None: ...

    def clients(self, trainer_id: int) -> list[ClientLink]: ...


class IdempotencyRepository(Protocol):
    def claim(self, user_id: int, key: str, fingerprint: str, created_at: datetime) -> bool: ...

    def take_over(
        self, user_id: int, key: str, fingerprint: str, created_at: datetime, stale_before: datetime
    ) -> bool:
        """Claim a key claimed before `stale_before` whose request never stored a result."""
        ...

    def stored(self, user_id: int, key: str) -> tuple[str, dict[str, object] | None] | None: ...

    def complete(self, user_id: int, key: str, result: dict[str, object]) -> None: ...


class ImportMemoryRepository(Protocol):
    """What a person told an import once: name mappings and CSV column mappings."""

    def name_mappings(self, user_id: int) -> dict[str, str]:
        """Folded exercise name -> exercise id, as the person confirmed them."""
        ...

    def remember_names(
        self, user_id: int, mappings: Mapping[str, tuple[str, str]], at: datetime
    ) -> None:
        """Keep (name, exercise id) under each folded name, replacing an earlier answer."""
        ...

    def remembered_names(self, user_id: int) -> list[tuple[str, str, str]]:
        """Every kept name mapping as (folded name, name, exercise id), by folded name."""
        ...

    def column_mapping(self, user_id: int, header_key: str) -> dict[str, Any] | None: ...

    def column_mappings(self, user_id: int) -> dict[str, dict[str, Any]]:
        """Every kept column mapping by its header key."""
        ...

    def remember_columns(
        self, user_id: int, header_key: str, data: Mapping[str, Any], at: datetime
    ) -> None: ...


class TextSource(Protocol):
    """A file handed over for import, readable from its start as often as needed."""

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int:
        """Its length in bytes (for progress)."""
        ...

    def lines(self) -> Iterator[str]: ...


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


class HistoryCodecs(Protocol):
    """The file formats of other apps: which one a file is, its rows, and writers."""

    def detect(self, source: TextSource) -> HistoryFormat | None: ...

    def header(self, source: TextSource) -> list[str]: ...

    def read(
        self, source: TextSource, chosen: HistoryFormat, options: ReadOptions
    ) -> Iterator[RowRead]: ...

    def write(
        self,
        chosen: HistoryFormat,
        workouts: Iterable[Workout],
        names: Mapping[str, str],
        out: TextSink,
        *,
        tz: tzinfo,
        unit: WeightUnit,
    ) -> int: ...


class UnitOfWork(Protocol):
    """One transaction: leaving the block without commit() rolls everything back.

    Blocks nest; only the outermost one owns the transaction. commit() in a nested block is a
    no-op by design: the outermost block commits (or rolls back) the whole use case at once.
    """

    @property
    def users(self) -> UserRepository: ...

    @property
    def exercises(self) -> ExerciseRepository: ...

    @property
    def workouts(self) -> WorkoutRepository: ...

    @property
    def history_edits(self) -> HistoryEditRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def profiles(self) -> ProfileRepository: ...

    @property
    def body_weights(self) -> BodyWeightRepository: ...

    @property
    def postures(self) -> PostureRepository: ...

    @property
    def kits(self) -> KitRepository: ...

    @property
    def check_ins(self) -> CheckInRepository: ...

    @property
    def accounts(self) -> AccountRepository: ...

    @property
    def auth_tokens(self) -> AuthTokenRepository: ...

    @property
    def trainers(self) -> TrainerRepository: ...

    @property
    def idempotency(self) -> IdempotencyRepository: ...

    @property
    def import_memory(self) -> ImportMemoryRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def catalogue(self, user_id: int) -> Catalogue:
        """The built-in catalogue plus the person's own exercises (inside a block)."""
        ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
