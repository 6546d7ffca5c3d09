"""API: today's workout (start, log sets idempotently, swap, finish), free logging, history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from backtone.entrypoints.web.deps import (
    BacktoneDep,
    CallerDep,
    ClockDep,
    CurrentUser,
    UowDep,
    today_for,
    units_for,
    zone,
)
from backtone.entrypoints.web.retries import IdempotencyKey, mark_replayed, once
from backtone.entrypoints.web.views.history import HistoryView, history_view
from backtone.entrypoints.web.views.sets import (
    FreeSetRequest,
    LoggedView,
    SetRequest,
    logged_view,
    set_to_log,
    unit_of,
)
from backtone.entrypoints.web.views.today import (
    SummaryView,
    SwapView,
    TodayView,
    summary_view,
    today_view,
)
from backtone.entrypoints.web.views.workout import (
    SwapRequest,
    TickedView,
    TickRequest,
    log_to_workout,
    start_today,
    swap,
    swaps,
    tick,
)
from backtone.services.catalogue import catalogue_for
from backtone.services.coaching import finish_workout
from backtone.services.training_log import log_sets, undo_last_entry, workout_history

router = APIRouter(tags=["training"])
WorkoutId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _today(app: BacktoneDep, uow: UowDep, clock: ClockDep, me: CurrentUser) -> TodayView:
    return today_view(
        uow=uow,
        builtin=app.catalogue,
        clock=clock,
        account=me,
        today=today_for(me, clock),
        tz=zone(me),
        unit=units_for(uow, me),
    )


@router.get("/today", response_model=TodayView)
async def today(me: CurrentUser, app: BacktoneDep, uow: UowDep, clock: ClockDep) -> TodayView:
    """The open workout, else the next planned session with the coach's targets."""
    return _today(app, uow, clock, me)


@router.post("/workouts", status_code=201, response_model=TodayView)
async def start(me: CurrentUser, app: BacktoneDep, uow: UowDep, clock: ClockDep) -> TodayView:
    """Start today's session (an already open workout is kept, not doubled)."""
    start_today(
        uow=uow,
        builtin=app.catalogue,
        clock=clock,
        account=me,
        today=today_for(me, clock),
        tz=zone(me),
    )
    return _today(app, uow, clock, me)


@router.post("/workouts/{workout_id}/sets", status_code=201, response_model=LoggedView)
async def log_workout_set(
    workout_id: WorkoutId,
    body: SetRequest,
    me: CurrentUser,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> LoggedView:
    """Log one set of the open workout, committed at once."""
    logged, replayed = log_to_workout(
        uow=uow,
        clock=clock,
        builtin=app.catalogue,
        account=me,
        workout_id=workout_id,
        entry=body,
        default_unit=units_for(uow, me),
        idempotency_key=idempotency_key,
    )
    mark_replayed(response, replayed)
    return logged


@router.post("/workouts/{workout_id}/ticks", response_model=TickedView)
async def tick_workout_item(
    workout_id: WorkoutId,
    body: TickRequest,
    me: CurrentUser,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKey = None,
) -> TickedView:
    """Tick a warm-up, cool-down or stretch of the open workout as done (`done: false` undoes
    it); no set is logged, so it never counts as training volume. Main lifts are refused."""
    return tick(
        uow=uow,
        clock=clock,
        builtin=app.catalogue,
        account=me,
        workout_id=workout_id,
        request=body,
        idempotency_key=idempotency_key,
    )


@router.get("/workouts/{workout_id}/swaps/{position}", response_model=SwapView)
async def swap_choices(
    workout_id: WorkoutId,
    position: Annotated[int, Path(ge=0, le=100)],
    me: CurrentUser,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
) -> SwapView:
    """Exercises that could replace the one at `position` (same pattern, your kit and level)."""
    return swaps(
        uow=uow,
        builtin=app.catalogue,
        clock=clock,
        account=me,
        workout_id=workout_id,
        position=position,
        tz=zone(me),
    )


@router.post("/workouts/{workout_id}/swap", response_model=TodayView)
async def swap_exercise(
    workout_id: WorkoutId,
    body: SwapRequest,
    me: CurrentUser,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
) -> TodayView:
    swap(
        uow=uow,
        builtin=app.catalogue,
        account=me,
        workout_id=workout_id,
        request=body,
        today=today_for(me, clock),
        tz=zone(me),
    )
    return _today(app, uow, clock, me)


@router.post("/workouts/{workout_id}/finish", response_model=SummaryView)
async def finish(
    workout_id: WorkoutId, me: CurrentUser, uow: UowDep, clock: ClockDep
) -> SummaryView:
    """End the workout: sets, volume, records broken, weeks in a row."""
    summary = finish_workout(
        uow=uow, clock=clock, user_id=me.id, workout_id=workout_id, tz=zone(me)
    )
    return summary_view(summary, units_for(uow, me))


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
    app: BacktoneDep,
    uow: UowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    exercise_id: Annotated[str | None, Query(max_length=120)] = None,
) -> HistoryView:
    """Recent workouts, newest first; with `exercise_id`, only that exercise's sets."""
    workouts = workout_history(uow=uow, user_id=me.id, limit=limit, exercise_id=exercise_id)
    catalogue = catalogue_for(uow=uow, builtin=app.catalogue, user_id=me.id)
    return history_view(workouts, catalogue, owner=me.name, unit=units_for(uow, me), tz=zone(me))
