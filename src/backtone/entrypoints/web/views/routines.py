"""The routines' view model: each built-in routine, exercise by exercise, with its numbers."""

from __future__ import annotations

from pydantic import BaseModel

from backtone.domain.catalogue import Catalogue, Routine


class RoutineItemView(BaseModel):
    exercise_id: str
    exercise: str
    prescription: str  # "3 x 12-15, rest 30-60 s"
    note: str


class RoutineView(BaseModel):
    id: str
    name: str
    summary: str
    source: str  # "seed-003" for a seed article's own routine
    note: str
    items: list[RoutineItemView]


def routine_view(routine: Routine, catalogue: Catalogue) -> RoutineView:
    items = []
    for item in routine.items:
        numbers = routine.numbers(item, catalogue)
        items.append(
            RoutineItemView(
                exercise_id=item.exercise_id,
                exercise=catalogue.get(item.exercise_id).name,
                prescription=numbers.describe(),
                note=item.note or numbers.note,
            )
        )
    return RoutineView(
        id=routine.id, name=routine.name, summary=routine.summary,
        source=routine.source.value, note=routine.note, items=items,
    )  # fmt: skip
