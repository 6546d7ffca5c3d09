"""Workouts and their sets in the database, always scoped to one person."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Float, case, cast, delete, desc, func, insert, select
from sqlalchemy.orm import Session

from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import logged_sets, workouts
from backtone.domain.records import (
    MAX_REPS_FOR_ESTIMATE,
    ExerciseRecords,
    Record,
    brzycki,
    epley,
)
from backtone.domain.training import LoggedSet, SetType, Workout

_SET_FIELDS = (
    "reps", "load_kg", "duration_seconds", "distance_m", "rpe", "reps_in_reserve",
    "rest_seconds", "notes",
)  # fmt: skip


def _set_row(row: Any) -> LoggedSet:
    return LoggedSet(
        exercise_id=row.exercise_id,
        set_type=SetType(row.set_type),
        **{name: getattr(row, name) for name in _SET_FIELDS},
    )


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
        workout_id: int = self.session.execute(
            insert(workouts)
            .values(
                user_id=user_id,
                started_at=workout.started_at,
                ended_at=workout.ended_at,
                name=workout.name,
                notes=workout.notes,
                planned_session_id=workout.planned_session_id,
                source=workout.source,
                source_key=workout.source_key,
            )
            .returning(workouts.c.id)
        ).scalar_one()
        self.append_sets(user_id, workout_id, workout.sets, created_at)
        return workout_id

    def append_sets(
        self, user_id: int, workout_id: int, sets: Iterable[LoggedSet], created_at: datetime
    ) -> None:
        start = self.session.execute(
            select(func.coalesce(func.max(logged_sets.c.position), 0)).where(
                logged_sets.c.workout_id == workout_id
            )
        ).scalar_one()
        rows = [
            {
                "workout_id": workout_id,
                "user_id": user_id,
                "exercise_id": s.exercise_id,
                "position": start + n,
                "set_type": s.set_type.value,
                "created_at": created_at,
                **{name: getattr(s, name) for name in _SET_FIELDS},
            }
            for n, s in enumerate(sets, start=1)
        ]
        if rows:
            self.session.execute(insert(logged_sets), rows)

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

    def _with_sets(self, rows: list[Any], exercise_id: str | None = None) -> list[Workout]:
        ids = [row.id for row in rows]
        by_workout: dict[int, list[LoggedSet]] = {i: [] for i in ids}
        if ids:
            query = select(logged_sets).where(logged_sets.c.workout_id.in_(ids))
            if exercise_id is not None:
                query = query.where(logged_sets.c.exercise_id == exercise_id)
            for row in self.session.execute(query.order_by(logged_sets.c.position)):
                by_workout[row.workout_id].append(_set_row(row))
        return [_workout(row, by_workout[row.id]) for row in rows]

    def recent(self, user_id: int, limit: int, exercise_id: str | None = None) -> list[Workout]:
        """The newest workouts first; with `exercise_id`, only those with it, only its sets."""
        query = select(workouts).where(workouts.c.user_id == user_id)
        if exercise_id is not None:
            query = query.where(
                workouts.c.id.in_(
                    select(logged_sets.c.workout_id).where(
                        logged_sets.c.user_id == user_id, logged_sets.c.exercise_id == exercise_id
                    )
                )
            )
        rows = list(
            self.session.execute(
                query.order_by(desc(workouts.c.started_at), desc(workouts.c.id)).limit(limit)
            )
        )
        return self._with_sets(rows, exercise_id)

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
        rows = list(self.session.execute(select(logged_sets).where(mine)))
        self.session.execute(delete(logged_sets).where(mine))
        for workout_id in {row.workout_id for row in rows}:
            left = self.session.execute(
                select(func.count()).where(logged_sets.c.workout_id == workout_id)
            ).scalar_one()
            if not left:
                self.session.execute(delete(workouts).where(workouts.c.id == workout_id))
        return [_set_row(row) for row in rows]

    def records(self, user_id: int, exercise_id: str) -> ExerciseRecords:
        """Records computed in SQL (the domain's formulas), so a long history stays fast."""
        base = (
            (logged_sets.c.user_id == user_id)
            & (logged_sets.c.exercise_id == exercise_id)
            & (logged_sets.c.set_type != SetType.WARMUP.value)
            & (logged_sets.c.reps > 0)
        )
        joined = logged_sets.join(workouts, workouts.c.id == logged_sets.c.workout_id)
        reps = cast(logged_sets.c.reps, Float)
        load = logged_sets.c.load_kg
        estimable = base & (load > 0) & (logged_sets.c.reps <= MAX_REPS_FOR_ESTIMATE)

        def best(score: Any, where: Any) -> Any:
            return self.session.execute(
                select(logged_sets.c.reps, load, workouts.c.started_at)
                .select_from(joined)
                .where(where)
                .order_by(desc(score), workouts.c.started_at)
                .limit(1)
            ).first()

        def record(row: Any, value: float) -> Record:
            detail = f"{row.reps} x {row.load_kg:g} kg" if row.load_kg else f"{row.reps} reps"
            return Record(value, as_utc(row.started_at), detail)

        # Epley's estimate is load itself for a single; otherwise load * (1 + reps / 30).
        epley_score = case((logged_sets.c.reps == 1, load), else_=load * (1 + reps / 30.0))
        e_row = best(epley_score, estimable)
        b_row = best(load * 36.0 / (37.0 - reps), estimable)
        r_row = best(logged_sets.c.reps, base)
        volume = func.sum(reps * load).label("volume")
        v_row = self.session.execute(
            select(volume, func.min(workouts.c.started_at).label("started_at"))
            .select_from(joined)
            .where(base & (load > 0))
            .group_by(logged_sets.c.workout_id)
            .order_by(desc(volume), "started_at")
            .limit(1)
        ).first()
        by_load = self.session.execute(
            select(load, func.max(logged_sets.c.reps))
            .where(base & (load > 0))
            .group_by(load)
            .order_by(desc(load))
        ).all()
        return ExerciseRecords(
            exercise_id=exercise_id,
            epley_1rm=record(e_row, epley(e_row.load_kg, e_row.reps)) if e_row else None,
            brzycki_1rm=record(b_row, brzycki(b_row.load_kg, b_row.reps)) if b_row else None,
            most_reps_in_a_set=record(r_row, r_row.reps) if r_row else None,
            best_volume_session=(
                Record(v_row.volume, as_utc(v_row.started_at), f"{v_row.volume:g} kg moved")
                if v_row
                else None
            ),
            best_reps_by_load=tuple((float(kg), int(n)) for kg, n in by_load),
        )

    def exercises_logged(self, user_id: int) -> list[str]:
        return list(
            self.session.execute(
                select(logged_sets.c.exercise_id)
                .where(logged_sets.c.user_id == user_id)
                .distinct()
                .order_by(logged_sets.c.exercise_id)
            ).scalars()
        )
