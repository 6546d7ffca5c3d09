"""Workouts and their sets in the database, always scoped to one person."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Update, bindparam, delete, desc, func, insert, select, update
from sqlalchemy.orm import Session

from backtone.adapters.db import digests
from backtone.adapters.db.records_query import exercise_records
from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import exercise_digests, logged_sets, workouts
from backtone.adapters.db.upsert import insert_for
from backtone.adapters.formats.target_json import target_from_dict, target_to_dict
from backtone.domain.errors import NotFound
from backtone.domain.exercise_digest import ExerciseDigest
from backtone.domain.exposure import Target
from backtone.domain.plan import PlanItem
from backtone.domain.records import (
    ExerciseRecords,
)
from backtone.domain.training import LoggedSet, SetType, Workout

_SET_TYPES = {t.value: t for t in SetType}
# The columns a LoggedSet is read from, in the order of its constructor's arguments.
_SET_COLUMNS = (
    logged_sets.c.exercise_id, logged_sets.c.set_type, logged_sets.c.reps,
    logged_sets.c.load_kg, logged_sets.c.duration_seconds, logged_sets.c.distance_m,
    logged_sets.c.rpe, logged_sets.c.reps_in_reserve, logged_sets.c.rest_seconds,
    logged_sets.c.notes, logged_sets.c.source_name, logged_sets.c.id,
)  # fmt: skip


# The reads of every page view, built once: building a statement and its cache key costs
# more than SQLite takes to answer it (the parameters are bound at each call).
_NEWEST_FIRST = (desc(workouts.c.started_at), desc(workouts.c.id))
_ONE = select(workouts).where(
    workouts.c.id == bindparam("id"), workouts.c.user_id == bindparam("user_id")
)
_OPEN = (
    select(workouts)
    .where(
        workouts.c.user_id == bindparam("user_id"),
        workouts.c.source == bindparam("source"),
        workouts.c.ended_at.is_(None),
        workouts.c.started_at >= bindparam("since", type_=workouts.c.started_at.type),
    )
    .order_by(*_NEWEST_FIRST)
    .limit(1)
)
_RECENT = (
    select(workouts)
    .where(workouts.c.user_id == bindparam("user_id"))
    .order_by(*_NEWEST_FIRST)
    .limit(bindparam("limit"))
)
# Walk the newest workouts and keep those holding the exercise: stops after `limit` hits
# instead of collecting every workout that ever had it.
_RECENT_WITH = _RECENT.where(
    select(logged_sets.c.id)
    .where(
        logged_sets.c.workout_id == workouts.c.id,
        logged_sets.c.exercise_id == bindparam("exercise"),
    )
    .exists()
)
_SETS_OF = (
    select(logged_sets.c.workout_id, *_SET_COLUMNS)
    .where(logged_sets.c.workout_id.in_(bindparam("ids", expanding=True)))
    .order_by(logged_sets.c.position)
)
_SETS_OF_ONE = _SETS_OF.where(logged_sets.c.exercise_id == bindparam("exercise"))


def _logged_set(values: Any) -> LoggedSet:
    """A LoggedSet from a row of _SET_COLUMNS, read by position: long histories load fast."""
    exercise_id, set_type, *rest = values
    return LoggedSet(exercise_id, _SET_TYPES[set_type], *rest)


def _workout(row: Any, sets: Iterable[LoggedSet]) -> Workout:
    return Workout(
        id=row.id,
        started_at=as_utc(row.started_at),
        ended_at=as_utc(row.ended_at) if row.ended_at else None,
        name=row.name,
        notes=row.notes,
        planned_session_id=row.planned_session_id,
        source=row.source,
        source_key=row.source_key,
        sets=tuple(sets),
    )


class SqlWorkoutRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user_id: int, workout: Workout, *, created_at: datetime) -> int:
        """Store a workout with its sets; returns its id."""
        return self.add_many(user_id, [workout], created_at=created_at)[0]

    def add_many(self, user_id: int, new: Sequence[Workout], *, created_at: datetime) -> list[int]:
        """Store many workouts in two bulk statements (imports of thousands stay fast)."""
        if not new:
            return []
        ids = list(
            self.session.execute(
                insert(workouts).returning(workouts.c.id, sort_by_parameter_order=True),
                [_workout_row(user_id, w) for w in new],
            ).scalars()
        )
        self._add_sets_of(user_id, ids, new, created_at)
        return ids

    def add_unless_taken(
        self, user_id: int, workout: Workout, *, created_at: datetime
    ) -> int | None:
        """Store a workout unless its key is taken or it would be a second open guided
        workout; None then. The clash is settled inside the one statement, so a race between
        two requests ends with one workout and no error (upsert.py)."""
        added = self.session.execute(
            insert_for(self.session, workouts)
            .values(_workout_row(user_id, workout))
            .on_conflict_do_nothing()
            .returning(workouts.c.id)
        ).scalar()
        if added is not None:
            self._add_sets_of(user_id, [added], [workout], created_at)
        return added

    def id_for_key(self, user_id: int, source_key: str) -> int | None:
        return self.session.execute(
            select(workouts.c.id).where(
                workouts.c.user_id == user_id, workouts.c.source_key == source_key
            )
        ).scalar()

    def _add_sets_of(
        self, user_id: int, ids: Sequence[int], new: Sequence[Workout], created_at: datetime
    ) -> None:
        rows = [
            self._set_row(user_id, workout_id, position, s, created_at)
            for workout_id, w in zip(ids, new, strict=True)
            for position, s in enumerate(w.sets, start=1)
        ]
        if rows:
            self.session.execute(insert(logged_sets), rows)
        summaries = [
            row
            for workout_id, w in zip(ids, new, strict=True)
            for row in digests.rows_for(user_id, workout_id, w)
        ]
        if summaries:
            self.session.execute(insert(exercise_digests), summaries)

    @staticmethod
    def _set_row(
        user_id: int, workout_id: int, position: int, s: LoggedSet, created_at: datetime
    ) -> dict[str, Any]:
        # Spelt out, not looped over the fields: imports build 100,000s of these.
        return {
            "workout_id": workout_id,
            "user_id": user_id,
            "exercise_id": s.exercise_id,
            "position": position,
            "set_type": s.set_type.value,
            "created_at": created_at,
            "reps": s.reps,
            "load_kg": s.load_kg,
            "duration_seconds": s.duration_seconds,
            "distance_m": s.distance_m,
            "rpe": s.rpe,
            "reps_in_reserve": s.reps_in_reserve,
            "rest_seconds": s.rest_seconds,
            "notes": s.notes,
            "source_name": s.source_name,
        }

    def append_sets(
        self, user_id: int, workout_id: int, sets: Iterable[LoggedSet], created_at: datetime
    ) -> None:
        """Add sets after the workout's last; a workout of someone else's is not found."""
        # Lock the workout's row first (a write takes the lock on both engines), so sets
        # appended at the same moment get positions one after the other and their digests
        # are merged one at a time. The last position is read after the lock, by a statement
        # of its own: on PostgreSQL each statement sees what was committed before it began.
        started_at = self.session.execute(
            _lock(user_id, [workout_id]).returning(workouts.c.started_at)
        ).scalar()
        if started_at is None:
            raise NotFound("workout", str(workout_id))
        start = self.session.execute(
            select(func.coalesce(func.max(logged_sets.c.position), 0)).where(
                logged_sets.c.workout_id == workout_id
            )
        ).scalar_one()
        sets = list(sets)
        rows = [
            self._set_row(user_id, workout_id, start + n, s, created_at)
            for n, s in enumerate(sets, start=1)
        ]
        if rows:
            self.session.execute(insert(logged_sets), rows)
            digests.add_sets(self.session, user_id, workout_id, as_utc(started_at), sets)

    def latest_between(
        self, user_id: int, source: str, start: datetime, end: datetime
    ) -> int | None:
        """The newest workout of this source started in [start, end), if any."""
        return self.session.execute(
            select(workouts.c.id)
            .where(
                workouts.c.user_id == user_id,
                workouts.c.source == source,
                workouts.c.started_at >= start,
                workouts.c.started_at < end,
            )
            .order_by(desc(workouts.c.started_at), desc(workouts.c.id))
            .limit(1)
        ).scalar()

    def known_source_keys(self, user_id: int, keys: Iterable[str]) -> set[str]:
        wanted = list(keys)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # stay under bound-parameter limits
            chunk = wanted[start : start + 500]
            found.update(
                self.session.execute(
                    select(workouts.c.source_key).where(
                        workouts.c.user_id == user_id, workouts.c.source_key.in_(chunk)
                    )
                ).scalars()
            )
        return found

    def keys(self, user_id: int) -> set[str]:
        """Every workout's key: its source key, else its source and start (Workout.key)."""
        rows = self.session.execute(
            select(workouts.c.source, workouts.c.source_key, workouts.c.started_at).where(
                workouts.c.user_id == user_id
            )
        )
        return {
            row.source_key or Workout(as_utc(row.started_at), (), source=row.source).key
            for row in rows
        }

    def _with_sets(self, rows: list[Any], exercise_id: str | None = None) -> list[Workout]:
        ids = [row.id for row in rows]
        by_workout: dict[int, list[LoggedSet]] = {i: [] for i in ids}
        if ids:
            if exercise_id is None:
                result = self.session.execute(_SETS_OF, {"ids": ids})
            else:
                result = self.session.execute(_SETS_OF_ONE, {"ids": ids, "exercise": exercise_id})
            for workout_id, *values in result.all():
                by_workout[workout_id].append(_logged_set(values))
        return [_workout(row, by_workout[row.id]) for row in rows]

    def recent(self, user_id: int, limit: int, exercise_id: str | None = None) -> list[Workout]:
        """The newest workouts first; with `exercise_id`, only those with it, only its sets."""
        if exercise_id is None:
            found = self.session.execute(_RECENT, {"user_id": user_id, "limit": limit})
        else:
            found = self.session.execute(
                _RECENT_WITH, {"user_id": user_id, "limit": limit, "exercise": exercise_id}
            )
        return self._with_sets(list(found), exercise_id)

    def all(self, user_id: int) -> Iterator[Workout]:
        """Every workout, oldest first, read in pages so big histories stay light."""
        last_id = 0
        while True:
            rows = list(
                self.session.execute(
                    select(workouts)
                    .where(workouts.c.user_id == user_id, workouts.c.id > last_id)
                    .order_by(workouts.c.id)
                    .limit(500)
                )
            )
            if not rows:
                return
            yield from self._with_sets(rows)
            last_id = rows[-1].id

    def delete_last_entry(self, user_id: int) -> list[LoggedSet]:
        """Remove the sets logged together most recently; an emptied workout goes too."""
        newest = self.session.execute(
            select(func.max(logged_sets.c.created_at)).where(logged_sets.c.user_id == user_id)
        ).scalar()
        if newest is None:
            return []
        mine = (logged_sets.c.user_id == user_id) & (logged_sets.c.created_at == newest)
        touched = self.session.execute(
            select(logged_sets.c.workout_id).where(mine).distinct()
        ).scalars()
        self.session.execute(_lock(user_id, list(touched)))  # see append_sets
        rows = self.session.execute(
            select(logged_sets.c.workout_id, *_SET_COLUMNS).where(mine)
        ).all()
        self.session.execute(delete(logged_sets).where(mine))
        digests.refresh(self.session, {(row[0], row[1]) for row in rows})
        for workout_id in {row[0] for row in rows}:
            left = self.session.execute(
                select(func.count()).where(logged_sets.c.workout_id == workout_id)
            ).scalar_one()
            if not left:
                self.session.execute(delete(workouts).where(workouts.c.id == workout_id))
        return [_logged_set(row[1:]) for row in rows]

    def records(self, user_id: int, exercise_id: str) -> ExerciseRecords:
        return exercise_records(self.session, user_id, exercise_id)

    def exercises_logged(self, user_id: int) -> list[str]:
        return list(
            self.session.execute(
                select(logged_sets.c.exercise_id)
                .where(logged_sets.c.user_id == user_id)
                .distinct()
                .order_by(logged_sets.c.exercise_id)
            ).scalars()
        )

    # Guided workouts: what the coach asked for, the open workout, and its end.

    def set_targets(
        self, user_id: int, workout_id: int, targets: Sequence[tuple[PlanItem, Target]]
    ) -> None:
        """Keep what a guided workout asks for, item by item, in the workout's row."""
        self.session.execute(
            workouts.update()
            .where(workouts.c.id == workout_id, workouts.c.user_id == user_id)
            .values(targets=[target_to_dict(item, target) for item, target in targets])
        )

    def targets(
        self, user_id: int, workout_ids: Iterable[int]
    ) -> dict[int, list[tuple[PlanItem, Target]]]:
        """The stored targets of these workouts (those that have some), in item order."""
        wanted = list(workout_ids)
        if not wanted:
            return {}
        rows = self.session.execute(
            select(workouts.c.id, workouts.c.targets).where(
                workouts.c.user_id == user_id,
                workouts.c.id.in_(wanted),
                workouts.c.targets.is_not(None),
            )
        ).all()
        return {row.id: [target_from_dict(entry) for entry in row.targets or []] for row in rows}

    def get(self, user_id: int, workout_id: int, *, with_sets: bool = True) -> Workout | None:
        """One of the person's workouts with its sets (or, to check its state, without);
        another person's id finds nothing."""
        rows = list(self.session.execute(_ONE, {"id": workout_id, "user_id": user_id}))
        if not rows:
            return None
        return self._with_sets(rows)[0] if with_sets else _workout(rows[0], ())

    def open_since(
        self, user_id: int, source: str, since: datetime
    ) -> tuple[Workout, list[tuple[PlanItem, Target]]] | None:
        """The newest unfinished workout of this source started at or after `since`.

        Its targets come from the same row, so resuming it costs no extra query.
        """
        rows = list(
            self.session.execute(_OPEN, {"user_id": user_id, "source": source, "since": since})
        )
        if not rows:
            return None
        stored = [target_from_dict(entry) for entry in rows[0].targets or []]
        return self._with_sets(rows)[0], stored

    def close_stale(self, user_id: int, source: str, started_before: datetime) -> None:
        """End the person's workouts of this source left open since before then: each at its
        last set, or removed when it has none (a guided workout nobody came back to)."""
        last_set = (
            select(func.max(logged_sets.c.created_at))
            .where(logged_sets.c.workout_id == workouts.c.id)
            .scalar_subquery()
        )
        stale = self.session.execute(
            select(workouts.c.id, workouts.c.started_at, last_set).where(
                workouts.c.user_id == user_id,
                workouts.c.source == source,
                workouts.c.ended_at.is_(None),
                workouts.c.started_at < started_before,
            )
        ).all()
        for workout_id, started_at, last in stale:
            if last is None:
                self.delete(user_id, workout_id)
            else:
                self.finish(user_id, workout_id, max(as_utc(started_at), as_utc(last)))

    def finish(self, user_id: int, workout_id: int, ended_at: datetime) -> None:
        self.session.execute(
            workouts.update()
            .where(workouts.c.id == workout_id, workouts.c.user_id == user_id)
            .values(ended_at=ended_at)
        )

    def delete(self, user_id: int, workout_id: int) -> None:
        """Remove a workout and its sets (an abandoned guided workout with nothing in it)."""
        self.session.execute(
            delete(logged_sets).where(
                logged_sets.c.workout_id == workout_id, logged_sets.c.user_id == user_id
            )
        )
        self.session.execute(
            delete(workouts).where(workouts.c.id == workout_id, workouts.c.user_id == user_id)
        )

    def history_of(
        self,
        user_id: int,
        exercise_ids: Iterable[str],
        limit: int,
        *,
        excluding: int | None = None,
        before: datetime | None = None,
    ) -> list[Workout]:
        """The newest workouts holding any of these exercises (started before `before`, if
        given), newest first, only their sets."""
        ids = sorted(set(exercise_ids))
        query = select(workouts).where(
            workouts.c.user_id == user_id,
            select(logged_sets.c.id)
            .where(
                logged_sets.c.workout_id == workouts.c.id,
                logged_sets.c.exercise_id.in_(ids),
            )
            .exists(),
        )
        if excluding is not None:
            query = query.where(workouts.c.id != excluding)
        if before is not None:
            query = query.where(workouts.c.started_at < before)
        rows = list(
            self.session.execute(
                query.order_by(desc(workouts.c.started_at), desc(workouts.c.id)).limit(limit)
            )
        )
        wanted = frozenset(ids)
        return [
            replace(w, sets=tuple(s for s in w.sets if s.exercise_id in wanted))
            for w in self._with_sets(rows)
        ]

    def digests(self, user_id: int) -> list[ExerciseDigest]:
        """Every workout's exercise digests, oldest first."""
        return digests.read(self.session, user_id)

    def started_since(self, user_id: int, since: datetime) -> list[Workout]:
        """The workouts started at or after `since`, oldest first, with their sets."""
        rows = list(
            self.session.execute(
                select(workouts)
                .where(workouts.c.user_id == user_id, workouts.c.started_at >= since)
                .order_by(workouts.c.started_at, workouts.c.id)
            )
        )
        return self._with_sets(rows)

    def start_times(self, user_id: int) -> list[datetime]:
        """When each workout holding at least one set started, oldest first."""
        has_sets = select(logged_sets.c.id).where(logged_sets.c.workout_id == workouts.c.id)
        return [
            as_utc(when)
            for when in self.session.execute(
                select(workouts.c.started_at)
                .where(workouts.c.user_id == user_id, has_sets.exists())
                .order_by(workouts.c.started_at)
            ).scalars()
        ]

    def finished_sessions(self, user_id: int, session_ids: Iterable[int]) -> set[int]:
        """The planned sessions a finished workout was done for."""
        wanted = list(session_ids)
        found: set[int] = set()
        for start in range(0, len(wanted), 500):
            found.update(
                self.session.execute(
                    select(workouts.c.planned_session_id).where(
                        workouts.c.user_id == user_id,
                        workouts.c.ended_at.is_not(None),
                        workouts.c.planned_session_id.in_(wanted[start : start + 500]),
                    )
                ).scalars()
            )
        return found


def _workout_row(user_id: int, w: Workout) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "started_at": w.started_at,
        "ended_at": w.ended_at,
        "name": w.name,
        "notes": w.notes,
        "planned_session_id": w.planned_session_id,
        "source": w.source,
        "source_key": w.source_key,
    }


def _lock(user_id: int, workout_ids: Sequence[int]) -> Update:
    """An UPDATE that changes nothing but locks the person's workouts' rows until commit."""
    return (
        update(workouts)
        .where(workouts.c.id.in_(workout_ids), workouts.c.user_id == user_id)
        .values(ended_at=workouts.c.ended_at)
    )
