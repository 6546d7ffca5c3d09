"""Use cases for browsing and extending the exercise catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backtone.domain.catalogue import Catalogue, ExerciseFilter, Routine
from backtone.domain.exercise import Exercise
from backtone.domain.vocabulary import Equipment, Level, Pattern
from backtone.services.context import Caller
from backtone.services.ports import UnitOfWork


def my_catalogue(*, uow: UnitOfWork, caller: Caller) -> Catalogue:
    """The person's catalogue, the built-in one reached through the unit of work."""
    with uow:
        return uow.catalogue(caller.user_id)


def list_exercises(*, uow: UnitOfWork, caller: Caller, query: ExerciseFilter) -> list[Exercise]:
    """Exercises the person can see that match the filter."""
    with uow:
        return uow.catalogue(caller.user_id).find(query)


def show_exercise(
    *, uow: UnitOfWork, caller: Caller, exercise_id: str
) -> tuple[Exercise, Catalogue]:
    """One exercise card, with the catalogue its variant links point into."""
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    return catalogue.get(exercise_id), catalogue


def show_routine(*, uow: UnitOfWork, caller: Caller, routine_id: str) -> tuple[Routine, Catalogue]:
    """One built-in routine, with the catalogue its exercises are named from."""
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    return catalogue.routine(routine_id), catalogue


def routines(*, uow: UnitOfWork, caller: Caller) -> tuple[list[Routine], Catalogue]:
    """The built-in routines (the seeds' own among them), with the catalogue they name."""
    with uow:
        catalogue = uow.catalogue(caller.user_id)
    return list(catalogue.routines), catalogue


@dataclass(frozen=True)
class CatalogueImport:
    added: int
    already_present: int


def import_exercises(
    *, uow: UnitOfWork, caller: Caller, exercises: Sequence[Exercise]
) -> CatalogueImport:
    """Add open-data exercises to the person's catalogue; ids already there are left alone."""
    with uow:
        result = add_new_exercises(uow, caller.user_id, exercises)
        uow.commit()
    return result


def add_new_exercises(
    uow: UnitOfWork, user_id: int, exercises: Sequence[Exercise]
) -> CatalogueImport:
    """Add the exercises whose ids are new (neither built in nor the person's already): a
    step inside the caller's transaction, which commits it."""
    taken = {e.id for e in uow.catalogue(user_id)}
    fresh: dict[str, Exercise] = {}
    for exercise in exercises:
        if exercise.id not in taken:
            fresh.setdefault(exercise.id, exercise)
    uow.exercises.add_many(user_id, fresh.values())
    return CatalogueImport(added=len(fresh), already_present=len(exercises) - len(fresh))


def options_by_pattern(
    *, catalogue: Catalogue, equipment: frozenset[Equipment], level: Level
) -> dict[Pattern, list[Exercise]]:
    """What a person can train with their kit at their level, grouped by movement pattern."""
    found = catalogue.find(ExerciseFilter(equipment=equipment, level=level))
    grouped: dict[Pattern, list[Exercise]] = {}
    for pattern in Pattern:
        matching = [e for e in found if e.pattern is pattern]
        if matching:
            grouped[pattern] = matching
    return grouped
