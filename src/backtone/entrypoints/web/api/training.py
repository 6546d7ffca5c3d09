"""API: today's workout (start, log sets idempotently, swap, finish), free logging, history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from backtone.entrypoints.web.deps import (
    CallerDep,
    ClockDep,
    CurrentUser,
    UowDep,
)
from backtone.entrypoints.web.retries import IdempotencyKey, mark_replayed, once
from backtone.entrypoints.web.views.history import HistoryView, history_view
from backtone.entrypoints.web.views.sets import (
    FreeSetRequest,
    LoggedView,
    SetRequest,
    logged_set,
    logged_view,
    set_to_log,
    unit_of,
)
from backtone.entrypoints.web.views.today import (
    SummaryView,
    TodayView,
    summary_view,
    today_view,
)
from backtone.entrypoints.web.views.workout import (
    SwapRequest,
    SwapView,
    TickedView,
    TickRequest,
    kept_view,
    swap_view,
    ticked_view,
)
from backtone.services import workouts as guided
from backtone.services.catalogue import my_catalogue
from backtone.services.context import Caller
from backtone.services.today import today as todays
from backtone.services.training_log import log_sets, undo_last_entry, workout_history

router = APIRouter(tags=["training"])
WorkoutId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _today(uow: UowDep, clock: ClockDep, caller: Caller) -> TodayView:
    found = todays(uow=uow, clock=clock, caller=caller)
    return today_view(found, day=caller.today, unit=caller.unit)


@router.get("/today", response_model=TodayView)
async def today(caller: CallerDep, uow: UowDep, clock: ClockDep) -> TodayView:
    """The open workout, else the next planned session with the coach's targets."""
    return _today(uow, clock, caller)


@router.post("/workouts", status_code=201, response_model=TodayView)
async def start(caller: CallerDep, uow: UowDep, clock: ClockDep) -> TodayView:
    """Start today's session (an already open workout is kept, not doubled)."""
    guided.start(uow=uow, clock=clock, caller=caller)
    return _today(uow, clock, caller)


@router.post("/workouts/{workout_id}/sets", status_code=201, response_model=LoggedView)
async def log_workout_set(
    workout_id: WorkoutId,
    body: SetRequest,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> LoggedView:
    """Log one set of the open workout, committed at once."""
    unit = unit_of(body, caller.unit)

    def action() -> dict[str, object]:
        kept = guided.log_set(uow=uow, clock=clock, caller=caller, workout_id=workout_id,
                                logged=logged_set(body, unit))  # fmt: skip
        return kept_view(kept, unit)

    stored, replayed = once(uow=uow, clock=clock, account=me, key=idempotency_key, action=action,
                            scope=f"log a set of workout {workout_id}", body=body)  # fmt: skip
    mark_replayed(response, replayed)
    return LoggedView.model_validate(stored)


@router.post("/workouts/{workout_id}/ticks", response_model=TickedView)
async def tick_workout_item(
    workout_id: WorkoutId,
    body: TickRequest,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKey = None,
) -> TickedView:
    """Tick a warm-up, cool-down or stretch of the open workout as done (`done: false` undoes
    it); no set is logged, so it never counts as training volume. Main lifts are refused."""

    def action() -> dict[str, object]:
        return ticked_view(guided.tick(uow=uow, caller=caller, workout_id=workout_id,
                                         position=body.position, done=body.done))  # fmt: skip

    stored, _ = once(uow=uow, clock=clock, account=me, key=idempotency_key, action=action,
                     scope=f"tick an item of workout {workout_id}", body=body)  # fmt: skip
    return TickedView.model_validate(stored)


@router.get("/workouts/{workout_id}/swaps/{position}", response_model=SwapView)
async def swap_choices(
    workout_id: WorkoutId,
    position: Annotated[int, Path(ge=0, le=100)],
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
) -> SwapView:
    """Exercises that could replace the one at `position` (same pattern, your kit and level)."""
    choices = guided.swap_choices(
        uow=uow, clock=clock, caller=caller, workout_id=workout_id, position=position
    )
    return swap_view(choices)


@router.post("/workouts/{workout_id}/swap", response_model=TodayView)
async def swap_exercise(
    workout_id: WorkoutId, body: SwapRequest, caller: CallerDep, uow: UowDep, clock: ClockDep
) -> TodayView:
    guided.swap(uow=uow, caller=caller, workout_id=workout_id, position=body.position,
                  exercise_id=body.exercise_id)  # fmt: skip
    return _today(uow, clock, caller)


@router.post("/workouts/{workout_id}/finish", response_model=SummaryView)
async def finish(
    workout_id: WorkoutId, caller: CallerDep, uow: UowDep, clock: ClockDep
) -> SummaryView:
    """End the workout: sets, volume, records broken, weeks in a row."""
    summary = guided.finish(uow=uow, clock=clock, caller=caller, workout_id=workout_id)
    return summary_view(summary, caller.unit)


@router.post("/sets", status_code=201, response_model=LoggedView)
async def log_set(
    body: FreeSetRequest,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> LoggedView:
    """Log one set outside a guided workout, today or on a past `date`: it joins the guided
    workout open that day, else the day's log, like `backtone log`."""
    unit = unit_of(body, caller.unit)

    def action() -> dict[str, object]:
        result = log_sets(
            uow=uow, clock=clock, caller=caller, **set_to_log(body, caller.today, unit)
        )
        return logged_view(result, unit).model_dump(mode="json")

    stored, replayed = once(uow=uow, clock=clock, account=me, key=idempotency_key, action=action,
                            scope="log a set", body=body)  # fmt: skip
    mark_replayed(response, replayed)
    return LoggedView.model_validate(stored)


@router.delete("/sets/last", response_model=int)
async def undo(
    me: CurrentUser,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> int:
    """Remove what was logged last; returns how many sets went. With a key, a retry removes
    nothing more."""

    def action() -> dict[str, object]:
        return {"removed": len(undo_last_entry(uow=uow, user_id=me.id))}

    done, replayed = once(
        uow=uow, clock=clock, account=me, key=idempotency_key, action=action, scope="undo"
    )
    mark_replayed(response, replayed)
    removed = done["removed"]
    assert isinstance(removed, int)
    return removed


@router.get("/history", response_model=HistoryView)
async def history(
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    exercise_id: Annotated[str | None, Query(max_length=120)] = None,
) -> HistoryView:
    """Recent workouts, newest first; with `exercise_id`, only that exercise's sets."""
    workouts = workout_history(uow=uow, user_id=me.id, limit=limit, exercise_id=exercise_id)
    catalogue = my_catalogue(uow=uow, caller=caller)
    return history_view(workouts, catalogue, owner=me.name, unit=caller.unit, tz=caller.tz)
