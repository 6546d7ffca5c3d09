"""API: today's workout, logging a set (idempotent with a key), undo, history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from backtone.entrypoints.web.deps import (
    BacktoneDep,
    ClockDep,
    CurrentUser,
    UowDep,
    today_for,
    units_for,
    zone,
)
from backtone.entrypoints.web.views.history import HistoryView, history_view
from backtone.entrypoints.web.views.sets import LoggedView, SetRequest, log_one_set
from backtone.entrypoints.web.views.today import TodayView, today_view
from backtone.services.catalogue import catalogue_for
from backtone.services.training_log import undo_last_entry, workout_history

router = APIRouter(tags=["training"])


@router.get("/today", response_model=TodayView)
def today(me: CurrentUser, app: BacktoneDep, clock: ClockDep) -> TodayView:
    """Today's planned session (or the next one) with last time's values and today's sets."""
    uow = app.uow()
    return today_view(
        uow=uow,
        builtin=app.catalogue,
        account=me,
        today=today_for(me, clock),
        tz=zone(me),
        unit=units_for(uow, me),
    )


@router.post("/sets", status_code=201, response_model=LoggedView)
def log_set(
    body: SetRequest,
    me: CurrentUser,
    app: BacktoneDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> LoggedView:
    """Log one set to today's workout.

    Send an `Idempotency-Key` header (any unique string, e.g. a UUID) and a retry of the
    same request returns the first answer instead of logging the set twice.
    """
    uow = app.uow()
    logged, replayed = log_one_set(
        uow=uow,
        clock=clock,
        builtin=app.catalogue,
        account=me,
        entry=body,
        default_unit=units_for(uow, me),
        idempotency_key=idempotency_key,
    )
    if replayed:
        response.headers["Idempotency-Replayed"] = "true"
    return logged


@router.delete("/sets/last", response_model=int)
def undo(me: CurrentUser, uow: UowDep) -> int:
    """Remove what was logged last; returns how many sets went."""
    return len(undo_last_entry(uow=uow, user_id=me.id))


@router.get("/history", response_model=HistoryView)
def history(
    me: CurrentUser,
    app: BacktoneDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    exercise_id: Annotated[str | None, Query(max_length=120)] = None,
) -> HistoryView:
    """Recent workouts, newest first; with `exercise_id`, only that exercise's sets."""
    uow = app.uow()
    workouts = workout_history(uow=uow, user_id=me.id, limit=limit, exercise_id=exercise_id)
    catalogue = catalogue_for(uow=uow, builtin=app.catalogue, user_id=me.id)
    return history_view(workouts, catalogue, owner=me.name, unit=units_for(uow, me), tz=zone(me))
