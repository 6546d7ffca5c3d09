"""Use cases for taking one's data out and bringing it back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from backtone.domain.training import Workout
from backtone.services.coaching import GUIDED_SOURCE
from backtone.services.ports import Clock, UnitOfWork


def export_workouts(*, uow: UnitOfWork, user_id: int) -> Iterator[Workout]:
    """Every workout of the person, oldest first (read page by page)."""
    with uow:
        yield from uow.workouts.all(user_id)


@dataclass(frozen=True)
class RestoreResult:
    workouts_added: int
    workouts_already_present: int
    sets_added: int


def add_new_workouts(
    uow: UnitOfWork, clock: Clock, user_id: int, workouts: Iterable[Workout]
) -> RestoreResult:
    """Add the workouts not stored yet, inside the caller's transaction.

    A guided workout still open in the backup comes back ended at its start: a person has one
    open guided workout at most, and one from a backup is not resumed.
    """
    keyed = {w.key: w for w in workouts}
    known = uow.workouts.known_source_keys(user_id, keyed)
    fresh = [
        replace(w, source_key=key, id=None, ended_at=_end_of_restored(w))
        for key, w in keyed.items()
        if key not in known
    ]
    uow.workouts.add_many(user_id, fresh, created_at=clock.now())
    return RestoreResult(len(fresh), len(keyed) - len(fresh), sum(len(w.sets) for w in fresh))


def restore_workouts(
    *, uow: UnitOfWork, clock: Clock, user_id: int, workouts: Iterable[Workout]
) -> RestoreResult:
    """Add workouts from a backup in one transaction; ones already there are skipped."""
    with uow:
        result = add_new_workouts(uow, clock, user_id, workouts)
        uow.commit()
    return result


def _end_of_restored(workout: Workout) -> datetime | None:
    if workout.ended_at is None and workout.source == GUIDED_SOURCE:
        return workout.started_at
    return workout.ended_at
