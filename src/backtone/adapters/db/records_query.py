"""Personal records computed in SQL with the domain's formulas (see domain/records.py).

The tests compare these figures with `compute_records` on the same data, on both engines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, case, cast, desc, func, or_, select, true
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
from backtone.domain.training import SetType


def exercise_records(session: Session, user_id: int, exercise_id: str) -> ExerciseRecords:
    """Records with the domain's formulas, in three scans of the covering index.

    Per load, the most reps (and the most within estimating range) give every rep-based
    record; the winning sets are then found in the index and only their workouts dated (ties
    go to the earliest, as in the domain). Session volume is a third, grouped scan.
    """
    load = logged_sets.c.load_kg
    working = (
        (logged_sets.c.user_id == user_id)
        & (logged_sets.c.exercise_id == exercise_id)
        & (logged_sets.c.set_type != SetType.WARMUP.value)
        & (logged_sets.c.reps > 0)
    )
    estimable_reps = case((logged_sets.c.reps <= MAX_REPS_FOR_ESTIMATE, logged_sets.c.reps))
    per_load = session.execute(
        select(load, func.max(logged_sets.c.reps), func.max(estimable_reps))
        .where(working)
        .group_by(load)
    ).all()
    if not per_load:
        return ExerciseRecords(exercise_id)
    loaded = [(float(kg), int(most), est) for kg, most, est in per_load if kg and kg > 0]
    top_reps = max(int(most) for _, most, _ in per_load)
    rep_winners = [((kg, est), (kg, est)) for kg, _, est in loaded if est is not None]
    winners: dict[str, tuple[float, set[tuple[float | None, int]]]] = {
        "reps": (float(top_reps), {(None, top_reps)})
    }
    for name, formula in (("epley", epley), ("brzycki", brzycki)):
        scores = [(formula(kg, est), (kg, est)) for (kg, est), _ in rep_winners]
        if scores:
            top = max(score for score, _ in scores)
            winners[name] = (top, {pair for score, pair in scores if score >= top - 1e-9})

    def first(name: str) -> Record | None:
        """The earliest set reaching the record: the winning sets are found in the index
        first, and only their workouts are dated (a join lets planners walk every workout)."""
        if name not in winners:
            return None
        value, found = winners[name]
        reaching = working & or_(
            *(
                (logged_sets.c.reps == reps) & (load == kg if kg is not None else true())
                for kg, reps in found
            )
        )
        workout_id, started_at = session.execute(
            select(workouts.c.id, workouts.c.started_at)
            .where(workouts.c.id.in_(select(logged_sets.c.workout_id).where(reaching)))
            .order_by(workouts.c.started_at)
            .limit(1)
        ).one()
        row = session.execute(
            select(logged_sets.c.reps, load)
            .where(reaching & (logged_sets.c.workout_id == workout_id))
            .order_by(logged_sets.c.position)
            .limit(1)
        ).one()
        detail = f"{row.reps} x {row.load_kg:g} kg" if row.load_kg else f"{row.reps} reps"
        load_kg = float(row.load_kg) if row.load_kg else None
        return Record(value, as_utc(started_at), detail, int(row.reps), load_kg)

    return ExerciseRecords(
        exercise_id=exercise_id,
        epley_1rm=first("epley"),
        brzycki_1rm=first("brzycki"),
        most_reps_in_a_set=first("reps"),
        best_volume_session=_best_volume(session, working & (load > 0)),
        best_reps_by_load=tuple((kg, most) for kg, most, _ in sorted(loaded, reverse=True)),
    )


def _best_volume(session: Session, where: Any) -> Record | None:
    volume = func.sum(cast(logged_sets.c.reps, Float) * logged_sets.c.load_kg).label("volume")
    ranked = (
        select(logged_sets.c.workout_id, volume)
        .where(where)
        .group_by(logged_sets.c.workout_id)
        .order_by(desc("volume"))
    )
    top = session.execute(ranked.limit(20)).all()
    if not top:
        return None
    best = top[0].volume
    tied = [row for row in top if row.volume >= best - 1e-9]
    if len(tied) == len(top) == 20:  # more ties than fetched: take them all
        tied = [row for row in session.execute(ranked) if row.volume >= best - 1e-9]
    earliest = session.execute(
        select(workouts.c.started_at)
        .where(workouts.c.id.in_([row.workout_id for row in tied]))
        .order_by(workouts.c.started_at)
        .limit(1)
    ).scalar_one()
    return Record(best, as_utc(earliest), f"{best:g} kg moved")
