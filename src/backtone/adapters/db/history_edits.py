"""Corrections to a stored history: one set changed or removed, a workout deleted and restored.

A deleted workout leaves the live tables at once (so no query anywhere can count it) and is
kept whole in `deleted_workouts`: its row and its sets' rows, every column, as JSON. A
restore puts those rows back, under their old ids where they are still free. Digests of every
workout touched are rewritten in the same transaction (digests.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Table,
    delete,
    desc,
    exists,
    func,
    insert,
    null,
    select,
    update,
)
from sqlalchemy.orm import Session

from backtone.adapters.db import digests
from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import (
    deleted_workouts,
    exercise_digests,
    logged_sets,
    workouts,
)
from backtone.adapters.db.workout_repository import _SET_COLUMNS, _lock, _logged_set
from backtone.domain.training import GUIDED_SOURCE, LoggedSet


class SqlHistoryEditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def find_set(self, user_id: int, set_id: int) -> tuple[int, LoggedSet] | None:
        """One of the person's sets with the id of its workout; another person's is None."""
        row = self.session.execute(
            select(logged_sets.c.workout_id, *_SET_COLUMNS).where(
                logged_sets.c.id == set_id, logged_sets.c.user_id == user_id
            )
        ).first()
        return None if row is None else (row[0], _logged_set(row[1:]))

    def replace_set(self, user_id: int, set_id: int, new: LoggedSet) -> None:
        """Store new values for a set (its place in the workout stays)."""
        found = self.find_set(user_id, set_id)
        if found is None:
            return
        workout_id, old = found
        self.session.execute(_lock(user_id, [workout_id]))  # one change at a time, as append
        self.session.execute(
            update(logged_sets)
            .where(logged_sets.c.id == set_id, logged_sets.c.user_id == user_id)
            .values(
                exercise_id=new.exercise_id,
                set_type=new.set_type.value,
                reps=new.reps,
                load_kg=new.load_kg,
                duration_seconds=new.duration_seconds,
                distance_m=new.distance_m,
                rpe=new.rpe,
                reps_in_reserve=new.reps_in_reserve,
                rest_seconds=new.rest_seconds,
                notes=new.notes,
                source_name=new.source_name,
            )
        )
        digests.refresh(
            self.session, {(workout_id, old.exercise_id), (workout_id, new.exercise_id)}
        )

    def remove_set(self, user_id: int, set_id: int) -> int:
        """Delete one set; returns how many sets its workout still holds."""
        found = self.find_set(user_id, set_id)
        if found is None:
            return 0
        workout_id, old = found
        self.session.execute(_lock(user_id, [workout_id]))
        self.session.execute(
            delete(logged_sets).where(logged_sets.c.id == set_id, logged_sets.c.user_id == user_id)
        )
        digests.refresh(self.session, {(workout_id, old.exercise_id)})
        left: int = self.session.execute(
            select(func.count()).where(logged_sets.c.workout_id == workout_id)
        ).scalar_one()
        return left

    def trash_workout(self, user_id: int, workout_id: int, at: datetime) -> bool:
        """Move a workout with its sets out of the history into the deleted workouts."""
        # The lock first: a set being added at this moment waits, then finds no workout.
        locked = self.session.execute(_lock(user_id, [workout_id]).returning(workouts.c.id))
        if locked.first() is None:
            return False
        row = self.session.execute(
            select(workouts).where(workouts.c.id == workout_id, workouts.c.user_id == user_id)
        ).one()
        sets = self.session.execute(
            select(logged_sets)
            .where(logged_sets.c.workout_id == workout_id)
            .order_by(logged_sets.c.position)
        ).all()
        data = {"workout": _dump(workouts, row), "sets": [_dump(logged_sets, s) for s in sets]}
        self.session.execute(
            insert(deleted_workouts).values(
                user_id=user_id, workout_id=workout_id, deleted_at=at, data=data
            )
        )
        self.session.execute(delete(logged_sets).where(logged_sets.c.workout_id == workout_id))
        self.session.execute(
            delete(exercise_digests).where(exercise_digests.c.workout_id == workout_id)
        )
        self.session.execute(delete(workouts).where(workouts.c.id == workout_id))
        return True

    def restore_workout(self, user_id: int, workout_id: int, deleted_since: datetime) -> int | None:
        """Put back the newest copy of a workout deleted at or after `deleted_since`; returns
        the id it has now, None if there is none to restore.

        Nothing of it is dropped: an id someone else's row took in the meantime (SQLite hands
        out the highest id again) gives a new one, a taken import key is left off, and a
        guided workout that was open ends at its last set if another one is open now.
        """
        stored = self.session.execute(
            select(deleted_workouts.c.id, deleted_workouts.c.data)
            .where(
                deleted_workouts.c.user_id == user_id,
                deleted_workouts.c.workout_id == workout_id,
                deleted_workouts.c.deleted_at >= deleted_since,
            )
            .order_by(desc(deleted_workouts.c.deleted_at), desc(deleted_workouts.c.id))
            .limit(1)
        ).first()
        if stored is None:
            return None
        row = _load(workouts, stored.data["workout"]) | {"user_id": user_id}
        sets = [_load(logged_sets, s) | {"user_id": user_id} for s in stored.data["sets"]]
        if self._taken(workouts.c.id == row["id"]):
            del row["id"]
        key = row.get("source_key")
        if key is not None and self._taken(
            (workouts.c.user_id == user_id) & (workouts.c.source_key == key)
        ):
            row["source_key"] = None
        if (
            row.get("ended_at") is None
            and row.get("source") == GUIDED_SOURCE
            and self._open_guided(user_id)
        ):
            row["ended_at"] = max([row["started_at"], *(s["created_at"] for s in sets)])
        new_id: int = self.session.execute(
            insert(workouts).values(row).returning(workouts.c.id)
        ).scalar_one()
        ids = [s["id"] for s in sets]
        keep_ids = not ids or not self._taken(logged_sets.c.id.in_(ids))
        for s in sets:
            s["workout_id"] = new_id
            if not keep_ids:
                del s["id"]
        if sets:
            self.session.execute(insert(logged_sets), sets)
            digests.refresh(self.session, {(new_id, s["exercise_id"]) for s in sets})
        self.session.execute(delete(deleted_workouts).where(deleted_workouts.c.id == stored.id))
        return new_id

    def forget_deleted(self, before: datetime) -> None:
        """Drop for good every deleted workout deleted before then (anyone's)."""
        self.session.execute(delete(deleted_workouts).where(deleted_workouts.c.deleted_at < before))

    def _taken(self, where: Any) -> bool:
        return bool(self.session.execute(select(exists().where(where))).scalar())

    def _open_guided(self, user_id: int) -> bool:
        return self._taken(
            (workouts.c.user_id == user_id)
            & workouts.c.ended_at.is_(None)
            & (workouts.c.source == GUIDED_SOURCE)
        )


def _dump(table: Table, row: Any) -> dict[str, Any]:
    """Every column of a row as JSON values (times as ISO 8601 in UTC)."""
    values = row._mapping
    return {
        c.name: as_utc(values[c.name]).isoformat()
        if isinstance(values[c.name], datetime)
        else values[c.name]
        for c in table.c
    }


def _load(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """The row `_dump` wrote, with its times read back (columns added since keep defaults)."""
    return {c.name: _value(c.type, data[c.name]) for c in table.c if c.name in data}


def _value(kind: Any, value: Any) -> Any:
    if value is None:
        # SQL NULL: a JSON column would store the JSON text 'null' for None.
        return null() if isinstance(kind, JSON) else None
    return datetime.fromisoformat(value) if isinstance(kind, DateTime) else value
