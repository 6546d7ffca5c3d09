"""API: the readiness check-in before a session, and the kit (the loads you can set)."""

from __future__ import annotations

from fastapi import APIRouter

from backtone.entrypoints.web.deps import CallerDep, ClockDep, UowDep
from backtone.entrypoints.web.views.readiness import (
    CheckInRequest,
    CheckInView,
    KitView,
    check_in_view,
    kit_from,
    kit_view,
)
from backtone.services.readiness import check_in, check_ins, my_kit, set_kit

router = APIRouter(tags=["readiness"])


@router.post("/check-ins", status_code=201, response_model=CheckInView)
def add_check_in(
    body: CheckInRequest, caller: CallerDep, uow: UowDep, clock: ClockDep
) -> CheckInView:
    """Today's check-in: poor sleep or soreness hold today's targets, severe soreness takes a
    set off, pain swaps out what loads that region. Nothing goes up for it."""
    made = check_in(uow=uow, clock=clock, caller=caller, check_in=body.check_in(caller.today))
    return check_in_view(made)


@router.get("/check-ins", response_model=list[CheckInView])
def list_check_ins(caller: CallerDep, uow: UowDep) -> list[CheckInView]:
    return [check_in_view(c) for c in check_ins(uow=uow, caller=caller)]


@router.get("/kit", response_model=KitView)
def get_kit(caller: CallerDep, uow: UowDep) -> KitView:
    """The loads you can set; every suggested load is one of them."""
    return kit_view(my_kit(uow=uow, caller=caller))


@router.put("/kit", response_model=KitView)
def put_kit(body: KitView, caller: CallerDep, uow: UowDep, clock: ClockDep) -> KitView:
    return kit_view(set_kit(uow=uow, clock=clock, caller=caller, kit=kit_from(body)))
