"""API: the exercise library with search and filters, and one exercise in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from backtone.entrypoints.web.deps import BacktoneDep, CurrentUser, UowDep
from backtone.entrypoints.web.views.library import (
    ExerciseView,
    LibraryQuery,
    LibraryView,
    exercise_view,
    search_library,
)
from backtone.services.catalogue import show_exercise

router = APIRouter(tags=["exercises"])


@router.get("/exercises", response_model=LibraryView)
async def exercises(
    me: CurrentUser, app: BacktoneDep, uow: UowDep, query: Annotated[LibraryQuery, Query()]
) -> LibraryView:
    """Search by words; filter by muscle, equipment you have, level, kind and pattern."""
    return search_library(uow=uow, builtin=app.catalogue, account=me, query=query)


@router.get("/exercises/{exercise_id}", response_model=ExerciseView)
async def exercise(
    me: CurrentUser,
    app: BacktoneDep,
    uow: UowDep,
    exercise_id: Annotated[str, Path(max_length=120)],
) -> ExerciseView:
    found, catalogue = show_exercise(
        uow=uow, builtin=app.catalogue, user_id=me.id, exercise_id=exercise_id
    )
    return exercise_view(found, catalogue)
