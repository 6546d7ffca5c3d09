"""Pages: the history, where a set is logged (today or a past day), corrected or deleted, and a
workout deleted with an undo. Each form takes the API's own request model, so the limits and
messages are the API's; a mistake comes back beside its field with the answers kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request, Response

from backtone.domain.errors import InvalidInput, NotFound
from backtone.entrypoints.web.deps import (
    ClockDep,
    CsrfChecked,
    PageCaller,
    PageUser,
    UowDep,
)
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.history import SetChangeRequest, history_view, set_change
from backtone.entrypoints.web.views.sets import FreeSetRequest, set_to_log, unit_of
from backtone.services.catalogue import my_catalogue
from backtone.services.context import Caller
from backtone.services.history_edit import delete_set, delete_workout, edit_set, restore_workout
from backtone.services.training_log import log_sets, workout_history

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Typed = Annotated[str, Form(max_length=200)]
# The fields whose mistakes the page shows beside them (the domain's names included).
FIELDS = [
    "exercise_id", "reps", "load", "seconds", "rpe", "rir", "set_type", "date", "set",
    "duration", "reps in reserve",
]  # fmt: skip


def _context(uow: UowDep, me: PageUser, caller: Caller, **extra: Any) -> dict[str, Any]:
    workouts = workout_history(uow=uow, user_id=caller.user_id, limit=30)
    catalogue = my_catalogue(uow=uow, caller=caller)
    view = history_view(workouts, catalogue, owner=me.name, unit=caller.unit, tz=caller.tz)
    return {
        "history": view,
        "names": sorted(e.name for e in catalogue),
        "today": caller.today,
        "logging": {"date": caller.today.isoformat()},
        **extra,
    }


@contextmanager
def _exercise_field() -> Iterator[None]:
    """An unknown exercise is a mistake in the form's exercise field, said beside it."""
    try:
        yield
    except NotFound as error:
        if error.what != "exercise":
            raise
        raise InvalidInput(
            "exercise_id", str(error), "a name, id or alias from the library"
        ) from None


def _blank_is_none(typed: dict[str, str]) -> dict[str, str | None]:
    return {name: value.strip() or None for name, value in typed.items()}


@router.get("/history")
async def history(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    deleted: int | None = None,
    restored: int | None = None,
    saved: int | None = None,
    logged: int | None = None,
    on: Annotated[str, Query(max_length=10)] = "",
    exercise: Annotated[str, Query(max_length=120)] = "",
) -> Response:
    done = {"deleted": deleted, "restored": restored, "saved": saved, "logged": logged}
    context = _context(uow, me, caller, **done)
    if logged:  # the next set of the same day and exercise is one number away
        context["logging"] = {"date": on or caller.today.isoformat(), "exercise_id": exercise}
    return render(request, "history.html", context)


@router.post("/history/sets", dependencies=[CsrfChecked])
async def log_a_set(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    exercise_id: Typed = "",
    reps: Typed = "",
    load: Typed = "",
    seconds: Typed = "",
    date: Typed = "",
    warmup: Typed = "",
) -> Response:
    """Log a set today or on a past day (dates as `backtone log --date` takes them)."""
    typed = {"exercise_id": exercise_id, "reps": reps, "load": load, "seconds": seconds,
             "date": date, "warmup": warmup}  # fmt: skip
    context = _context(uow, me, caller, logging=typed, failed="log")
    on_error_show(request, "history.html", inline_errors=FIELDS, **context)
    body = _blank_is_none(typed) | {"warmup": bool(warmup)}
    entry = FreeSetRequest.model_validate(body)
    with _exercise_field():
        to_log = set_to_log(entry, caller.today, unit_of(entry, caller.unit))
        logged = log_sets(uow=uow, clock=clock, caller=caller, **to_log)
    again = urlencode({"logged": logged.workout_id, "on": date, "exercise": exercise_id})
    return see_other(f"/history?{again}#log")


@router.post("/history/sets/{set_id}", dependencies=[CsrfChecked])
async def correct_a_set(
    request: Request,
    set_id: Id,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    exercise_id: Typed = "",
    set_type: Typed = "working",
    reps: Typed = "",
    load: Typed = "",
    seconds: Typed = "",
    rpe: Typed = "",
    rir: Typed = "",
    shown_load: Typed = "",
) -> Response:
    """Save the set as the form now says (a field left empty is cleared)."""
    typed = {"exercise_id": exercise_id, "set_type": set_type, "reps": reps, "load": load,
             "seconds": seconds, "rpe": rpe, "rir": rir}  # fmt: skip
    context = _context(uow, me, caller, editing=typed | {"shown_load": shown_load},
                       failed=set_id)  # fmt: skip
    on_error_show(request, "history.html", inline_errors=FIELDS, **context)
    body = _blank_is_none(typed)
    if load.strip() == shown_load.strip():
        # A load shown rounded in the person's unit and left alone keeps its stored kilograms.
        del body["load"]
    change = set_change(SetChangeRequest.model_validate(body), caller.unit)
    with _exercise_field():
        edit_set(uow=uow, caller=caller, set_id=set_id, change=change)
    return see_other(f"/history?saved={set_id}#set-{set_id}")


@router.post("/history/sets/{set_id}/delete", dependencies=[CsrfChecked])
async def delete_a_set(set_id: Id, caller: PageCaller, uow: UowDep) -> Response:
    deleted = delete_set(uow=uow, caller=caller, set_id=set_id)
    return see_other(f"/history#workout-{deleted.workout_id}")


@router.post("/history/workouts/{workout_id}/delete", dependencies=[CsrfChecked])
async def delete_a_workout(
    workout_id: Id, caller: PageCaller, uow: UowDep, clock: ClockDep
) -> Response:
    """Delete the workout; the page that follows offers the undo."""
    delete_workout(uow=uow, clock=clock, caller=caller, workout_id=workout_id)
    return see_other(f"/history?deleted={workout_id}")


@router.post("/history/workouts/{workout_id}/restore", dependencies=[CsrfChecked])
async def undo_delete(workout_id: Id, caller: PageCaller, uow: UowDep, clock: ClockDep) -> Response:
    restored = restore_workout(uow=uow, clock=clock, caller=caller, workout_id=workout_id)
    return see_other(f"/history?restored={restored.id}#workout-{restored.id}")
