"""Use cases for a person's complete backup: take everything out, bring it all back.

A restore adds what the account lacks and keeps what it has: history (workouts, plans, body
weights, check-ins, posture checks, exercises, remembered names) is added where it is not
there yet, so restoring a backup twice adds nothing the second time; settings (time zone,
role, profile, kit, the current plan) are taken from the backup only where the account still
has none of its own. Either everything is restored or, on any error, nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from typing import TypeVar

from backtone.domain.account import Role
from backtone.domain.backup import (
    AccountSettings,
    Backup,
    BodyWeight,
    ImportMemory,
    KeptPlan,
    KeptWorkout,
    RememberedName,
    SessionRef,
)
from backtone.domain.training import Workout
from backtone.services.coaching import GUIDED_SOURCE
from backtone.services.context import Caller
from backtone.services.ports import Clock, UnitOfWork

_PAGE = 500  # workouts whose guided targets are read in one query
T = TypeVar("T")


def my_backup(*, uow: UnitOfWork, clock: Clock, caller: Caller) -> Backup:
    """Everything of the caller's, read in one transaction so the parts agree."""
    user_id = caller.user_id
    with uow:
        account = uow.accounts.get(user_id)
        plans = _kept_plans(uow, user_id)
        where = {
            session_id: SessionRef(n, k)
            for n, (_, session_ids) in enumerate(plans)
            for k, session_id in enumerate(session_ids)
        }
        workouts = tuple(_kept_workouts(uow, user_id, where))
        return Backup(
            exported_at=clock.now(),
            account=None
            if account is None
            else AccountSettings(account.name, account.timezone, account.role),
            profile=uow.profiles.get(user_id),
            kit=uow.kits.get(user_id),
            exercises=tuple(uow.exercises.for_user(user_id)),
            plans=tuple(plan for plan, _ in plans),
            workouts=workouts,
            body_weights=tuple(BodyWeight(m, kg) for m, kg in uow.body_weights.for_user(user_id)),
            check_ins=tuple(uow.check_ins.for_user(user_id)),
            postures=tuple(uow.postures.for_user(user_id)),
            import_memory=ImportMemory(
                names=tuple(
                    RememberedName(*entry) for entry in uow.import_memory.remembered_names(user_id)
                ),
                columns=uow.import_memory.column_mappings(user_id),
            ),
        )


def _kept_plans(uow: UnitOfWork, user_id: int) -> list[tuple[KeptPlan, tuple[int, ...]]]:
    """Every plan, oldest first, with the ids of its sessions."""
    found = []
    for summary in reversed(uow.plans.summaries(user_id)):
        record = uow.plans.get(user_id, summary.id)
        if record is not None:
            kept = KeptPlan(record.created_at, record.is_current, record.plan)
            found.append((kept, record.session_ids))
    return found


def _kept_workouts(
    uow: UnitOfWork, user_id: int, where: dict[int, SessionRef]
) -> Iterator[KeptWorkout]:
    stored = uow.workouts.all(user_id)
    while page := list(islice(stored, _PAGE)):
        targets = uow.workouts.targets(user_id, [w.id for w in page if w.id is not None])
        for w in page:
            yield KeptWorkout(
                # The key goes with the workout, so the copy restored elsewhere has the same.
                workout=replace(w, id=None, planned_session_id=None, source_key=w.key),
                targets=tuple(targets.get(w.id, ())) if w.id is not None else (),
                planned=where.get(w.planned_session_id) if w.planned_session_id else None,
            )


@dataclass(frozen=True)
class Restored:
    """What a restore did: rows added and rows already there, per part; settings taken."""

    added: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    settings: tuple[str, ...] = ()

    @property
    def sets_added(self) -> int:
        return self.added.get("sets", 0)

    def in_words(self) -> str:
        """'Restored 12 workouts (80 sets), 2 plans. Already there: ...' in a line or three."""
        added = listed({p: n for p, n in self.added.items() if p != "sets"})
        sets = f"{self.sets_added} set{'' if self.sets_added == 1 else 's'}"
        lines = [f"Restored {added} ({sets})." if added else "Nothing new to add."]
        there = listed(self.already_there)
        if there:
            lines.append(f"Already there, so not added again: {there}.")
        if self.settings:
            lines.append(f"Taken from the backup: {', '.join(self.settings)}.")
        return "\n".join(lines)


def listed(counts: dict[str, int]) -> str:
    """'3 workouts, 1 plan': each part of a backup counted in words."""
    return ", ".join(
        f"{counts[part]} {words[counts[part] != 1]}"
        for part, words in _PARTS.items()
        if counts.get(part)
    )


# Each part of a backup, said in the singular and the plural.
_PARTS = {
    "workouts": ("workout", "workouts"), "plans": ("plan", "plans"),
    "exercises": ("own exercise", "own exercises"), "body_weights": ("body weight", "body weights"),
    "check_ins": ("check-in", "check-ins"), "postures": ("posture check", "posture checks"),
    "remembered_names": ("remembered name", "remembered names"),
    "column_mappings": ("column mapping", "column mappings"),
}  # fmt: skip


def restore_backup(*, uow: UnitOfWork, clock: Clock, caller: Caller, backup: Backup) -> Restored:
    """Bring a backup into the caller's account, all or nothing; what is there stays."""
    user_id, now = caller.user_id, clock.now()
    added: dict[str, int] = {}
    there: dict[str, int] = {}

    def count(part: str, new: int, total: int) -> None:
        added[part], there[part] = new, total - new

    with uow:
        settings = _restore_settings(uow, user_id, backup, now)
        taken = {e.id for e in uow.catalogue(user_id)}
        fresh = {e.id: e for e in backup.exercises if e.id not in taken}
        uow.exercises.add_many(user_id, fresh.values())
        count("exercises", len(fresh), len(backup.exercises))

        sessions, plans_added, current = _restore_plans(uow, user_id, backup.plans)
        count("plans", plans_added, len(backup.plans))
        if current:
            settings.append("current plan")

        workouts = add_new_workouts(uow, clock, user_id, backup.workouts, sessions)
        count("workouts", workouts.workouts_added, len(backup.workouts))
        added["sets"] = workouts.sets_added

        weighed = [BodyWeight(m, kg) for m, kg in uow.body_weights.for_user(user_id)]
        new_weights = _missing(weighed, backup.body_weights)
        for weight in new_weights:
            uow.body_weights.add(user_id, weight.measured_at, weight.kg)
        count("body_weights", len(new_weights), len(backup.body_weights))

        days = {c.day for c in uow.check_ins.for_user(user_id)}
        new_check_ins = {c.day: c for c in backup.check_ins if c.day not in days}
        for check_in in new_check_ins.values():
            uow.check_ins.save(user_id, check_in, created_at=now)
        count("check_ins", len(new_check_ins), len(backup.check_ins))

        new_postures = _missing(uow.postures.for_user(user_id), backup.postures)
        for posture in new_postures:
            uow.postures.add(user_id, posture)
        count("postures", len(new_postures), len(backup.postures))

        memory = backup.import_memory
        known = uow.import_memory.name_mappings(user_id)
        names = {n.key: (n.name, n.exercise_id) for n in memory.names if n.key not in known}
        if names:
            uow.import_memory.remember_names(user_id, names, now)
        count("remembered_names", len(names), len(memory.names))
        columns = {
            key: data
            for key, data in memory.columns.items()
            if uow.import_memory.column_mapping(user_id, key) is None
        }
        for key, data in columns.items():
            uow.import_memory.remember_columns(user_id, key, data, now)
        count("column_mappings", len(columns), len(memory.columns))
        uow.commit()
    return Restored(added, there, tuple(settings))


def _restore_settings(uow: UnitOfWork, user_id: int, backup: Backup, now: datetime) -> list[str]:
    """Take the backup's settings where the account has none of its own (defaults count as
    none: the UTC time zone, the person role)."""
    taken: list[str] = []
    account = uow.accounts.get(user_id)
    if backup.account is not None and account is not None:
        if account.timezone == "UTC" and backup.account.timezone != "UTC":
            uow.accounts.set_timezone(user_id, backup.account.timezone)
            taken.append("time zone")
        if account.role is Role.PERSON and backup.account.role is not Role.PERSON:
            uow.accounts.set_role(user_id, backup.account.role)
            taken.append("role")
    if backup.profile is not None and uow.profiles.get(user_id) is None:
        uow.profiles.save(user_id, backup.profile, updated_at=now)
        taken.append("profile")
    if backup.kit is not None and uow.kits.get(user_id) is None:
        uow.kits.save(user_id, backup.kit, updated_at=now)
        taken.append("kit")
    return taken


def _restore_plans(
    uow: UnitOfWork, user_id: int, plans: Sequence[KeptPlan]
) -> tuple[list[tuple[int, ...]], int, bool]:
    """Add the plans not kept yet; the session ids of every plan of the backup, in its order,
    how many were added, and whether the backup's current plan became the current one."""
    existing = {kept.key: session_ids for kept, session_ids in _kept_plans(uow, user_id)}
    free_to_lead = uow.plans.current(user_id) is None
    sessions: list[tuple[int, ...]] = []
    added, made_current = 0, False
    for kept in plans:
        if kept.key not in existing:
            current = kept.is_current and free_to_lead
            plan_id = uow.plans.add(user_id, kept.plan, created_at=kept.created_at, current=current)
            record = uow.plans.get(user_id, plan_id)
            existing[kept.key] = record.session_ids if record is not None else ()
            added, made_current = added + 1, made_current or current
        sessions.append(existing[kept.key])
    return sessions, added, made_current


@dataclass(frozen=True)
class RestoreResult:
    workouts_added: int
    workouts_already_present: int
    sets_added: int


def add_new_workouts(
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    workouts: Iterable[KeptWorkout | Workout],
    sessions: Sequence[Sequence[int]] = (),
) -> RestoreResult:
    """Add the workouts not stored yet, inside the caller's transaction.

    A workout whose key is taken already (the day's log, a file imported before) gets the
    backup's sets it lacks, so a set logged here today and the backup's sets of the same day
    end up together, and a second restore finds nothing missing. A guided workout still open
    in the backup comes back ended at its start: a person has one open guided workout at
    most, and one from a backup is not resumed. `sessions` holds the session ids of the backup's
    plans, for the workouts done for one of them.
    """
    keyed = {
        k.workout.key: k
        for k in (w if isinstance(w, KeptWorkout) else KeptWorkout(w) for w in workouts)
    }
    known = uow.workouts.keys(user_id)
    fresh = [k for key, k in keyed.items() if key not in known]
    joined = _join_sets(uow, clock, user_id, {key: k for key, k in keyed.items() if key in known})
    ids = uow.workouts.add_many(
        user_id,
        [
            replace(
                k.workout,
                source_key=k.workout.key,
                id=None,
                ended_at=_end_of_restored(k.workout),
                planned_session_id=_session_id(k, sessions)
                if k.planned
                else k.workout.planned_session_id,
            )
            for k in fresh
        ],
        created_at=clock.now(),
    )
    for workout_id, kept in zip(ids, fresh, strict=True):
        if kept.targets:
            uow.workouts.set_targets(user_id, workout_id, kept.targets)
    return RestoreResult(
        len(fresh), len(keyed) - len(fresh), joined + sum(len(k.workout.sets) for k in fresh)
    )


def _join_sets(
    uow: UnitOfWork, clock: Clock, user_id: int, clashing: dict[str, KeptWorkout]
) -> int:
    """Append to stored workouts the sets of the same workouts in the backup they lack."""
    if not clashing:
        return 0
    added = 0
    for stored in list(uow.workouts.all(user_id)):
        kept = clashing.get(stored.key)
        if kept is None or stored.id is None:
            continue
        missing = _missing(stored.sets, kept.workout.sets)
        if missing:
            uow.workouts.append_sets(user_id, stored.id, missing, clock.now())
            added += len(missing)
    return added


def restore_workouts(
    *, uow: UnitOfWork, clock: Clock, caller: Caller, workouts: Iterable[Workout]
) -> RestoreResult:
    """Add workouts to the person's history in one transaction; ones already there are
    skipped (their missing sets joined)."""
    with uow:
        result = add_new_workouts(uow, clock, caller.user_id, workouts)
        uow.commit()
    return result


def _missing(stored: Iterable[T], wanted: Iterable[T]) -> list[T]:
    """What `wanted` holds beyond `stored`, counting repeats (two equal sets are two)."""
    left = Counter(stored)
    missing = []
    for thing in wanted:
        if left[thing] > 0:
            left[thing] -= 1
        else:
            missing.append(thing)
    return missing


def _session_id(kept: KeptWorkout, sessions: Sequence[Sequence[int]]) -> int | None:
    ref = kept.planned
    if ref is None or ref.plan >= len(sessions) or ref.session >= len(sessions[ref.plan]):
        return None
    return sessions[ref.plan][ref.session]


def _end_of_restored(workout: Workout) -> datetime | None:
    if workout.ended_at is None and workout.source == GUIDED_SOURCE:
        return workout.started_at
    return workout.ended_at
