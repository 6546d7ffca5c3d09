"""Taking one's history out to another app: Strong CSV, Hevy CSV or openweight JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import tzinfo

from backtone.domain.catalogue import Catalogue
from backtone.domain.importing import HistoryFormat
from backtone.domain.training import WeightUnit, Workout
from backtone.services.catalogue import catalogue_for
from backtone.services.ports import HistoryCodecs, TextSink, UnitOfWork


@dataclass(frozen=True)
class HistoryExport:
    workouts: int
    sets: int


def export_history(
    *,
    uow: UnitOfWork,
    builtin: Catalogue,
    codecs: HistoryCodecs,
    user_id: int,
    chosen: HistoryFormat,
    out: TextSink,
    tz: tzinfo,
    unit: WeightUnit,
    progress: Callable[[int, int], None] | None = None,
) -> HistoryExport:
    """Write every workout in an app's format, in the person's zone and unit, oldest first.

    Each set is named as it was in the app it came from, else by backtone's name for it.
    Workouts are read page by page and written as they come; `progress(done, total)` counts
    workouts.
    """
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    names = {exercise.id: exercise.name for exercise in catalogue}
    counted = 0
    with uow:
        total = len(uow.workouts.start_times(user_id))

        def each(workouts: Iterable[Workout]) -> Iterator[Workout]:
            nonlocal counted
            for workout in workouts:
                counted += 1
                if progress is not None and counted % 50 == 0:
                    progress(counted, total)
                yield workout

        sets = codecs.write(chosen, each(uow.workouts.all(user_id)), names, out, tz=tz, unit=unit)
    if progress is not None:
        progress(counted, counted)
    return HistoryExport(counted, sets)
