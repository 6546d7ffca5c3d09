"""A complete backup of one person: everything they made or logged, nothing that lets anyone in.

What it holds is listed in docs/backup.md. Passwords, sign-in sessions, API tokens, trainer
links and invites are never part of it: a backup is safe to keep on a laptop or a USB stick.
Rows are identified by what they are (a workout by its key, a body weight by its moment, a
plan by when it was made), never by database ids, so a backup restores into any database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from backtone.domain.account import Role
from backtone.domain.exercise import Exercise
from backtone.domain.exposure import Target
from backtone.domain.kit import Kit
from backtone.domain.plan import Plan, PlanItem
from backtone.domain.posture import PostureCheck
from backtone.domain.profile import Profile
from backtone.domain.readiness import CheckIn
from backtone.domain.training import Workout


@dataclass(frozen=True)
class AccountSettings:
    """The account's own settings; the name is shown, a restore never renames anyone."""

    name: str
    timezone: str = "UTC"
    role: Role = Role.PERSON


@dataclass(frozen=True)
class KeptPlan:
    """A plan as it was kept: when it was made and whether it was the one to follow."""

    created_at: datetime
    is_current: bool
    plan: Plan

    @property
    def key(self) -> tuple[datetime, Plan]:
        """What tells one kept plan from another across databases: when it was made, and all
        of it (two plans made at the same moment differ in their weeks)."""
        return (self.created_at, self.plan)


@dataclass(frozen=True)
class SessionRef:
    """Which planned session a workout was done for: a plan of the backup, a session of it."""

    plan: int  # index into Backup.plans
    session: int  # index into that plan's sessions, in plan order


@dataclass(frozen=True)
class KeptWorkout:
    """A workout with what a guided session asked for and the planned session it did."""

    workout: Workout
    targets: tuple[tuple[PlanItem, Target], ...] = ()
    planned: SessionRef | None = None


@dataclass(frozen=True)
class BodyWeight:
    measured_at: datetime
    kg: float


@dataclass(frozen=True)
class RememberedName:
    """An exercise name from another app and the exercise the person said it is."""

    key: str  # the name folded, as imports look it up
    name: str
    exercise_id: str


@dataclass(frozen=True)
class ImportMemory:
    names: tuple[RememberedName, ...] = ()
    columns: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # header key -> map


@dataclass(frozen=True)
class Backup:
    """Everything of one person's, as of `exported_at`."""

    exported_at: datetime
    account: AccountSettings | None = None
    profile: Profile | None = None
    kit: Kit | None = None
    exercises: tuple[Exercise, ...] = ()
    plans: tuple[KeptPlan, ...] = ()
    workouts: tuple[KeptWorkout, ...] = ()
    body_weights: tuple[BodyWeight, ...] = ()
    check_ins: tuple[CheckIn, ...] = ()
    postures: tuple[PostureCheck, ...] = ()
    import_memory: ImportMemory = ImportMemory()
