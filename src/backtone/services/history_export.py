"""Taking one's history out to another app: Strong CSV, Hevy CSV or openweight JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from backtone.domain.importing import HistoryFormat
from backtone.domain.training import WeightUnit, Workout
from backtone.services.context import Caller
from backtone.services.ports import HistoryCodecs, TextSink, UnitOfWork


@dataclass(frozen=True)
class HistoryExport:
    workouts: int
    sets: int


def export_history(
    *,
    uow: UnitOfWork,
    codecs: HistoryCodecs,
    caller: Caller,
    chosen: HistoryFormat,
    out: TextSink,
    unit: WeightUnit | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> HistoryExport:
    """Write the person's every workout in an app's format, oldest first, in their zone and in
    `unit` (None: their own unit).

    Each set is named as it was in the app it came from, else by backtone's name for it.
    Workouts are read page by page and written as they come; `progress(done, total)` counts
    workouts.
    """
    user_id = caller.user_id
    counted = 0
    with uow:
        names = {exercise.id: exercise.name for exercise in uow.catalogue(user_id)}
        total = len(uow.workouts.start_times(user_id))

        def each(workouts: Iterable[Workout]) -> Iterator[Workout]:
            nonlocal counted
            for workout in workouts:
                counted += 1
                if progress is not None and counted % 50 == 0:
                    progress(counted, total)
                yield workout

        sets = codecs.write(
            chosen, each(uow.workouts.all(user_id)), names, out,
            tz=caller.tz, unit=unit or caller.unit,
        )  # fmt: skip
    if progress is not None:
        progress(counted, counted)
    return HistoryExport(counted, sets)
