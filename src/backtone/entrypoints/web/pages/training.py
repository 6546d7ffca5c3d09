"""Pages: today's workout (start, quick set entry, swap, finish); the history is history.py."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import JSONResponse

from backtone.domain.errors import InvalidInput
from backtone.entrypoints.web.deps import (
    ClockDep,
    CsrfChecked,
    PageCaller,
    PageUser,
    UowDep,
)
from backtone.entrypoints.web.pages.forms import see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.retries import once
from backtone.entrypoints.web.views.readiness import CheckInRequest
from backtone.entrypoints.web.views.sets import SetRequest, logged_set, unit_of
from backtone.entrypoints.web.views.today import summary_view, today_view
from backtone.entrypoints.web.views.workout import (
    KeptView,
    SwapRequest,
    TickedView,
    TickRequest,
    kept_view,
    swap_view,
    ticked_view,
)
from backtone.services import workouts as guided
from backtone.services.readiness import check_in
from backtone.services.today import today as todays

router = APIRouter(include_in_schema=False)


def _number(text: str, field: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        raise InvalidInput(
            field, f"{text!r} is not a number", "a number such as 12 or 14.5"
        ) from None


def _moment(text: str, field: str) -> datetime | None:
    """A time the phone noted, ISO 8601 with its offset ('2026-12-07T15:20:00Z'), or None."""
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput(field, f"{text!r} is not a time", "ISO 8601 with an offset, in UTC")
    return moment


@router.get("/today")
async def today(request: Request, caller: PageCaller, uow: UowDep, clock: ClockDep) -> Response:
    found = todays(uow=uow, clock=clock, caller=caller)
    view = today_view(found, day=caller.today, unit=caller.unit)
    return render(request, "today.html", {"today": view})


@router.post("/today/start", dependencies=[CsrfChecked])
async def start(caller: PageCaller, uow: UowDep, clock: ClockDep) -> Response:
    guided.start(uow=uow, clock=clock, caller=caller)
    return see_other("/today")


@router.post("/today/check-in", dependencies=[CsrfChecked])
async def today_check_in(
    request: Request, caller: PageCaller, uow: UowDep, clock: ClockDep
) -> Response:
    """The optional check-in before a session: sleep, soreness by region, pain."""
    form = await request.form()
    soreness = {
        key.removeprefix("sore_"): int(_number(str(value), key) or 0)
        for key, value in form.items()
        if key.startswith("sore_")
    }
    body = CheckInRequest.model_validate(
        {"sleep": form.get("sleep", "ok"), "soreness": soreness, "pain": form.getlist("pain")}
    )
    check_in(uow=uow, clock=clock, caller=caller, check_in=body.check_in(caller.today))
    return see_other("/today")


@router.post("/today/{workout_id}/sets", dependencies=[CsrfChecked])
async def log_set(
    request: Request,
    workout_id: int,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    exercise_id: Annotated[str, Form(max_length=120)],
    reps: Annotated[str, Form(max_length=10)] = "",
    load: Annotated[str, Form(max_length=10)] = "",
    seconds: Annotated[str, Form(max_length=10)] = "",
    warmup: Annotated[str, Form(max_length=5)] = "",
    idempotency_key: Annotated[str, Form(max_length=200)] = "",
    sent_later: Annotated[str, Form(max_length=5)] = "",
    logged_at: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Quick entry (a ramp-up set with `warmup`): without JavaScript the page reloads; with
    it, JSON comes back. The phone's outbox marks what it sends with `sent_later`, so a set
    kept while offline follows the rules for a workout finished or deleted meanwhile."""
    reps_value = _number(reps, "reps")
    entry = SetRequest.model_validate(
        {
            "exercise_id": exercise_id,
            "reps": None if reps_value is None else int(reps_value),
            "load": _number(load, "load"),
            "seconds": _number(seconds, "seconds"),
            "warmup": bool(warmup),
        }
    )
    unit = unit_of(entry, caller.unit)
    moment = _moment(logged_at, "logged_at")

    def action() -> dict[str, object]:
        kept = guided.log_set(uow=uow, clock=clock, caller=caller, workout_id=workout_id,
                              logged=logged_set(entry, unit), sent_later=bool(sent_later),
                              logged_at=moment)  # fmt: skip
        return kept_view(kept, unit)

    scope = f"log a set of workout {workout_id}"
    stored, _ = once(uow=uow, clock=clock, account=me, key=idempotency_key or None,
                     action=action, scope=scope, body=entry)  # fmt: skip
    logged = KeptView.model_validate(stored)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(logged.model_dump(mode="json"), status_code=201)
    return see_other(f"/today#card-{exercise_id}")


@router.post("/today/{workout_id}/tick", dependencies=[CsrfChecked])
async def tick_done(
    request: Request,
    workout_id: int,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    position: Annotated[int, Form(ge=0, le=100)],
    done: Annotated[str, Form(max_length=5)] = "1",
    idempotency_key: Annotated[str, Form(max_length=200)] = "",
    sent_later: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    """Tick a warm-up, stretch or drill as done (done=0 undoes it): no set is logged."""
    body = TickRequest(position=position, done=done not in ("", "0"))

    def action() -> dict[str, object]:
        return ticked_view(guided.tick(uow=uow, caller=caller, workout_id=workout_id,
                                       position=body.position, done=body.done,
                                       sent_later=bool(sent_later)))  # fmt: skip

    scope = f"tick an item of workout {workout_id}"
    stored, _ = once(uow=uow, clock=clock, account=me, key=idempotency_key or None,
                     action=action, scope=scope, body=body)  # fmt: skip
    ticked = TickedView.model_validate(stored)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(ticked.model_dump(mode="json"))
    return see_other(f"/today#card-{ticked.exercise_id}")


@router.get("/today/{workout_id}/swap/{position}")
async def swap_form(
    request: Request,
    workout_id: int,
    position: int,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
) -> Response:
    view = swap_view(guided.swap_choices(uow=uow, clock=clock, caller=caller,
                                         workout_id=workout_id, position=position))  # fmt: skip
    return render(request, "swap.html", {"swap": view})


@router.post("/today/{workout_id}/swap", dependencies=[CsrfChecked])
async def swap_exercise(
    request: Request,
    workout_id: int,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    position: Annotated[int, Form(ge=0, le=100)],
    exercise_id: Annotated[str, Form(max_length=120)],
    idempotency_key: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    body = SwapRequest(position=position, exercise_id=exercise_id)

    def action() -> dict[str, object]:
        item = guided.swap(uow=uow, caller=caller, workout_id=workout_id,
                           position=body.position, exercise_id=body.exercise_id)  # fmt: skip
        return {"workout_id": workout_id, "position": body.position, "to": item.exercise_id}

    once(uow=uow, clock=clock, account=me, key=idempotency_key or None, action=action,
         scope=f"swap an exercise of workout {workout_id}", body=body)  # fmt: skip
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"workout_id": workout_id, "position": position, "to": exercise_id})
    return see_other(f"/today#card-{exercise_id}")


@router.post("/today/{workout_id}/finish", dependencies=[CsrfChecked])
async def finish(
    request: Request, workout_id: int, caller: PageCaller, uow: UowDep, clock: ClockDep
) -> Response:
    summary = guided.finish(uow=uow, clock=clock, caller=caller, workout_id=workout_id)
    return render(request, "finished.html", {"summary": summary_view(summary, caller.unit)})
