"""Use cases for bringing in a history from another app (Strong, Hevy) and taking it out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from backtone.domain.catalogue import Catalogue
from backtone.domain.errors import InvalidInput
from backtone.domain.importing import ImportedWorkout, ParseReport
from backtone.domain.name_mapping import Match, NameMapping, custom_exercise_for, map_names
from backtone.services.backup import RestoreResult, add_new_workouts
from backtone.services.catalogue import add_new_exercises, catalogue_for
from backtone.services.ports import Clock, UnitOfWork


def plan_mapping(
    *, uow: UnitOfWork, builtin: Catalogue, user_id: int, report: ParseReport
) -> list[NameMapping]:
    """The name-to-exercise table to show before anything is written."""
    catalogue = catalogue_for(uow=uow, builtin=builtin, user_id=user_id)
    return map_names(sorted(report.sets_per_exercise().items()), catalogue)


def check_problems(report: ParseReport, file_name: str, *, skip_bad: bool) -> None:
    """Stop on the first bad row unless bad rows may be skipped."""
    if report.problems and not skip_bad:
        first = report.problems[0]
        more = f" ({len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        raise InvalidInput(
            f"{file_name}:{first.line}",
            f"{first.field}: {first.message}{more}",
            "fix the row, or pass --skip-bad to import the rest and list what was skipped",
        )


@dataclass(frozen=True)
class HistoryImport:
    restored: RestoreResult
    custom_exercises_added: int


def import_history(
    *,
    uow: UnitOfWork,
    clock: Clock,
    builtin: Catalogue,
    user_id: int,
    source: str,
    workouts: Sequence[ImportedWorkout],
    mapping: Sequence[NameMapping],
) -> HistoryImport:
    """Write the workouts with names mapped as agreed; unknown names become custom exercises."""
    ids: Mapping[str, str] = {m.name: m.exercise_id for m in mapping}
    customs = [custom_exercise_for(m.name) for m in mapping if m.match is Match.NEW]
    stored = [replace(w.to_workout(ids), source=source) for w in workouts]
    with uow:  # one transaction: all of it is written, or nothing
        added = add_new_exercises(uow, builtin, user_id, customs)
        result = add_new_workouts(uow, clock, user_id, stored)
        uow.commit()
    return HistoryImport(result, added.added)
