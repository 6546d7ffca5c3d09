"""API: body weight, noted and listed in your unit (like `backtone weight`)."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.domain.training import WeightUnit, read_day
from backtone.entrypoints.web.deps import CallerDep, ClockDep, UowDep
from backtone.entrypoints.web.views.body_weight import (
    BodyWeightRequest,
    BodyWeightsView,
    BodyWeightView,
    body_weight_view,
    body_weights_view,
)
from backtone.services.progress import body_weight_log, record_body_weight

router = APIRouter(tags=["progress"])


@router.post("/body-weights", status_code=201, response_model=BodyWeightView)
async def note_body_weight(
    body: BodyWeightRequest, me: CallerDep, uow: UowDep, clock: ClockDep
) -> BodyWeightView:
    """Note your body weight, today or on a past `date` (1900-01-01 to today)."""
    unit = WeightUnit(body.unit) if body.unit else me.unit
    kg = unit.to_kg(body.weight)
    day = read_day(body.date, me.today) if body.date else None
    when = record_body_weight(uow=uow, clock=clock, user_id=me.user_id, kg=kg, on=day, tz=me.tz)
    return body_weight_view(when, kg, unit, me.tz)


@router.get("/body-weights", response_model=BodyWeightsView)
async def list_body_weights(me: CallerDep, uow: UowDep) -> BodyWeightsView:
    """Every body weight you noted, oldest first, in your unit."""
    return body_weights_view(body_weight_log(uow=uow, caller=me), me.unit, me.tz)
