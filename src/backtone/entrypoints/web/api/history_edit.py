"""API: correct the history: change or delete a logged set, delete a workout and restore it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from backtone.entrypoints.web.deps import CallerDep, ClockDep, UowDep
from backtone.entrypoints.web.views.history import (
    DeletedSetView,
    DeletedWorkoutView,
    EditedSetView,
    SetChangeRequest,
    WorkoutView,
    deleted_set_view,
    deleted_workout_view,
    edited_set_view,
    set_change,
    workout_view,
)
from backtone.services.catalogue import my_catalogue
from backtone.services.history_edit import (
    delete_set,
    delete_workout,
    edit_set,
    restore_workout,
)

router = APIRouter(tags=["history"])
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.patch("/sets/{set_id}", response_model=EditedSetView)
async def change_set(
    set_id: Id, body: SetChangeRequest, me: CallerDep, uow: UowDep
) -> EditedSetView:
    """Correct a logged set (ids in GET /history): only the fields sent change. Records,
    progress and the coach's next targets follow the corrected values."""
    edited = edit_set(uow=uow, caller=me, set_id=set_id, change=set_change(body, me.unit))
    return edited_set_view(edited, me.unit)


@router.delete("/sets/{set_id}", response_model=DeletedSetView)
async def remove_set(set_id: Id, me: CallerDep, uow: UowDep) -> DeletedSetView:
    """Delete one logged set; a workout left without sets goes too (unless it is open)."""
    return deleted_set_view(delete_set(uow=uow, caller=me, set_id=set_id), me.unit)


@router.delete("/workouts/{workout_id}", response_model=DeletedWorkoutView)
async def remove_workout(
    workout_id: Id, me: CallerDep, uow: UowDep, clock: ClockDep
) -> DeletedWorkoutView:
    """Delete a workout with all its sets. It can be restored for 24 hours with
    POST /workouts/{id}/restore; after that it is gone for good."""
    return deleted_workout_view(
        delete_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    )


@router.post("/workouts/{workout_id}/restore", response_model=WorkoutView)
async def undo_delete(workout_id: Id, me: CallerDep, uow: UowDep, clock: ClockDep) -> WorkoutView:
    """Undo the deletion of a workout (within 24 hours): it comes back with every set. Its
    id stays unless another workout has taken it since (the answer gives the one it has)."""
    restored = restore_workout(uow=uow, clock=clock, caller=me, workout_id=workout_id)
    catalogue = my_catalogue(uow=uow, caller=me)
    return workout_view(restored, catalogue, me.unit, me.tz)
