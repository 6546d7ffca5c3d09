"""API: the exercise library with search and filters, and one exercise in full.

The built-in catalogue never changes while a process runs, so its answers are rendered once
and sent with an ETag (etag.py); a person with exercises of their own gets theirs rendered
for them, tagged by what they hold.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from backtone.entrypoints.web.deps import (
    BacktoneDep,
    CallerDep,
    CurrentUser,
    RenderedDep,
    UowDep,
)
from backtone.entrypoints.web.etag import Rendered, answer
from backtone.entrypoints.web.views.library import (
    ExerciseView,
    LibraryQuery,
    LibraryView,
    exercise_filter,
    exercise_view,
    library_view,
)
from backtone.entrypoints.web.views.routines import RoutineView, routine_view
from backtone.services.catalogue import list_exercises, routines, show_exercise

router = APIRouter(tags=["exercises"])
_TAGGED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the ETag sent in If-None-Match still holds"}
}


@router.get("/exercises", response_model=LibraryView, responses=_TAGGED)
async def exercises(
    request: Request,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    rendered: RenderedDep,
    query: Annotated[LibraryQuery, Query()],
) -> Response:
    """Search by words; filter by muscle, equipment you have, level, kind and pattern."""

    def render() -> bytes:
        found = list_exercises(uow=uow, caller=caller, query=exercise_filter(query))
        return library_view(found, query).model_dump_json().encode()

    if me.own_exercises:
        return answer(request, Rendered.of(render()))
    return answer(request, rendered.get("library " + query.model_dump_json(), render))


@router.get("/exercises/{exercise_id}", response_model=ExerciseView, responses=_TAGGED)
async def exercise(
    request: Request,
    caller: CallerDep,
    app: BacktoneDep,
    uow: UowDep,
    rendered: RenderedDep,
    exercise_id: Annotated[str, Path(max_length=120)],
) -> Response:
    """One exercise in full: how to do it, cues, mistakes, and easier and harder variants."""

    def render() -> bytes:
        found, catalogue = show_exercise(uow=uow, caller=caller, exercise_id=exercise_id)
        return exercise_view(found, catalogue).model_dump_json().encode()

    # A built-in card links only built-in variants: the same card for everyone.
    if exercise_id in app.catalogue:
        return answer(request, rendered.get("card " + exercise_id, render))
    return answer(request, Rendered.of(render()))


@router.get("/routines", response_model=list[RoutineView])
async def list_routines(caller: CallerDep, uow: UowDep) -> list[RoutineView]:
    """The built-in routines, the seed articles' own among them, each exercise with its
    numbers as written (as `backtone routines` and `backtone routine ID`)."""
    found, catalogue = routines(uow=uow, caller=caller)
    return [routine_view(r, catalogue) for r in found]
