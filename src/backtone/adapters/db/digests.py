"""Exercise digests in the database: written with the sets, read for whole-history progress.

Digests are derived data (domain/exercise_digest.py): every change to a workout's sets goes
through the workout repository, which updates the digests of the exercises it touched in
the same transaction. `rebuild` recomputes them all, for the migration that adds the table
and for any later change to what a digest holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Executable, delete, select
from sqlalchemy.orm import Session

from backtone.adapters.db.repositories import as_utc
from backtone.adapters.db.tables import exercise_digests, logged_sets, workouts
from backtone.adapters.db.upsert import insert_for
from backtone.domain.exercise_digest import ExerciseDigest, TopSet, combine, digest_workout
from backtone.domain.training import LoggedSet, SetType, Workout

_SET_TYPES = {t.value: t for t in SetType}


def rows_for(user_id: int, workout_id: int, workout: Workout) -> list[dict[str, Any]]:
    """The digest rows of a workout about to be stored."""
    return [_row(user_id, workout_id, d) for d in digest_workout(workout)]


def _row(user_id: int, workout_id: int, d: ExerciseDigest) -> dict[str, Any]:
    strongest = d.strongest or TopSet(None, None, None)
    return {
        "workout_id": workout_id,
        "exercise_id": d.exercise_id,
        "user_id": user_id,
        "started_at": d.started_at,
        "sets": d.sets,
        "total_reps": d.total_reps,
        "heaviest_reps": d.heaviest.reps,
        "heaviest_load_kg": d.heaviest.load_kg,
        "heaviest_seconds": d.heaviest.seconds,
        "strongest_reps": strongest.reps,
        "strongest_load_kg": strongest.load_kg,
        "unloaded_reps": d.unloaded_reps,
        "unloaded_seconds": d.unloaded_seconds,
        "loaded_reps": d.loaded_reps,
        "loaded_seconds": d.loaded_seconds,
    }


def refresh(session: Session | Connection, workout_exercises: Iterable[tuple[int, str]]) -> None:
    """Rewrite the digests of these (workout id, exercise id) pairs from their stored sets."""
    by_workout: dict[int, set[str]] = {}
    for workout_id, exercise_id in workout_exercises:
        by_workout.setdefault(workout_id, set()).add(exercise_id)
    for workout_id, exercise_ids in by_workout.items():  # one or two: a guided set, an undo
        session.execute(
            delete(exercise_digests).where(
                exercise_digests.c.workout_id == workout_id,
                exercise_digests.c.exercise_id.in_(exercise_ids),
            )
        )
        _insert(
            session,
            (logged_sets.c.workout_id == workout_id) & logged_sets.c.exercise_id.in_(exercise_ids),
        )


def rebuild(connection: Connection) -> None:
    """Recompute every digest from the stored sets, 500 workouts at a time."""
    connection.execute(delete(exercise_digests))
    last_id = 0
    while ids := list(
        connection.execute(
            select(workouts.c.id).where(workouts.c.id > last_id).order_by(workouts.c.id).limit(500)
        ).scalars()
    ):
        _insert(connection, logged_sets.c.workout_id.in_(ids))
        last_id = ids[-1]


def _insert(session: Session | Connection, which_sets: ColumnElement[bool]) -> None:
    """Digest the stored sets `which_sets` picks, whole workouts' worth of each exercise."""
    result = session.execute(
        select(
            workouts.c.id,
            workouts.c.user_id,
            workouts.c.started_at,
            logged_sets.c.exercise_id,
            logged_sets.c.set_type,
            logged_sets.c.reps,
            logged_sets.c.load_kg,
            logged_sets.c.duration_seconds,
        )
        .join(logged_sets, logged_sets.c.workout_id == workouts.c.id)
        .where(which_sets)
        .order_by(workouts.c.id, logged_sets.c.position)
    )
    found: dict[int, tuple[int, datetime, list[LoggedSet]]] = {}
    for workout_id, user_id, started_at, exercise_id, set_type, reps, load, seconds in result:
        if workout_id not in found:
            found[workout_id] = (user_id, as_utc(started_at), [])
        found[workout_id][2].append(
            LoggedSet(
                exercise_id, _SET_TYPES[set_type], reps=reps, load_kg=load, duration_seconds=seconds
            )
        )
    rows = [
        row
        for workout_id, (user_id, started_at, sets) in found.items()
        for row in rows_for(user_id, workout_id, Workout(started_at, tuple(sets)))
    ]
    if rows:
        session.execute(_upsert(session), rows)


def _upsert(session: Session | Connection) -> Executable:
    """INSERT that overwrites a digest already there: derived rows never clash (upsert.py)."""
    statement = insert_for(session, exercise_digests)
    keys = {"workout_id", "exercise_id"}
    return statement.on_conflict_do_update(
        index_elements=[exercise_digests.c.workout_id, exercise_digests.c.exercise_id],
        set_={c.name: statement.excluded[c.name] for c in exercise_digests.c if c.name not in keys},
    )


# The columns an ExerciseDigest is read from, in the order of its fields.
_COLUMNS = tuple(
    exercise_digests.c[name]
    for name in (
        "started_at",
        "exercise_id",
        "sets",
        "total_reps",
        "heaviest_reps",
        "heaviest_load_kg",
        "heaviest_seconds",
        "strongest_reps",
        "strongest_load_kg",
        "unloaded_reps",
        "unloaded_seconds",
        "loaded_reps",
        "loaded_seconds",
    )
)


def _digest(row: Any) -> ExerciseDigest:
    started_at, exercise_id, sets, total, h_reps, h_load, h_seconds, s_reps, s_load, *most = row
    strongest = None if s_load is None else TopSet(s_reps, s_load, None)
    top = TopSet(h_reps, h_load, h_seconds)
    return ExerciseDigest(as_utc(started_at), exercise_id, sets, total, top, strongest, *most)


def read(session: Session, user_id: int) -> list[ExerciseDigest]:
    """Every digest of the person's, oldest workout first."""
    result = session.execute(
        select(*_COLUMNS)
        .where(exercise_digests.c.user_id == user_id)
        .order_by(exercise_digests.c.started_at, exercise_digests.c.workout_id)
    )
    return [_digest(row) for row in result]


def add_sets(
    session: Session,
    user_id: int,
    workout_id: int,
    started_at: datetime,
    sets: Sequence[LoggedSet],
) -> None:
    """Fold sets just added to a stored workout into its digests, without reading its other
    sets again: a guided workout adds one set at a time."""
    for new in digest_workout(Workout(started_at, tuple(sets))):
        key = (exercise_digests.c.workout_id == workout_id) & (
            exercise_digests.c.exercise_id == new.exercise_id
        )
        stored = session.execute(select(*_COLUMNS).where(key)).first()
        merged = new if stored is None else combine(_digest(stored), new)
        session.execute(_upsert(session), [_row(user_id, workout_id, merged)])
