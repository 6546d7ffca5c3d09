"""API for trainers: invite clients, see their plans and logs, give a client a new plan."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from backtone.entrypoints.web.api.plans import keep_once
from backtone.entrypoints.web.api.schemas import ClientView, InviteView
from backtone.entrypoints.web.deps import ClockDep, CurrentUser, UowDep, caller_of
from backtone.entrypoints.web.retries import IdempotencyKey
from backtone.entrypoints.web.views.history import HistoryView
from backtone.entrypoints.web.views.onboarding import PlanRequest
from backtone.entrypoints.web.views.plan import (
    PlanSummaryView,
    PlanView,
    plan_view,
    summary_view,
)
from backtone.entrypoints.web.views.trainer import client_history_view
from backtone.services.plans import plan_history
from backtone.services.trainers import (
    INVITE_LIFETIME,
    client_named,
    client_workouts,
    clients,
    create_invite,
    find_plan,
)

router = APIRouter(prefix="/trainer", tags=["trainers"])
ClientName = Annotated[str, Path(max_length=32)]
PlanId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("/invites", status_code=201, response_model=InviteView)
async def invite(me: CurrentUser, uow: UowDep, clock: ClockDep) -> InviteView:
    """A one-use code for a new client (trainer accounts only)."""
    code = create_invite(uow=uow, clock=clock, trainer=me)
    return InviteView(code=code, valid_days=INVITE_LIFETIME.days)


@router.get("/clients", response_model=list[ClientView])
async def list_clients(me: CurrentUser, uow: UowDep) -> list[ClientView]:
    return [ClientView(name=c.client.name, since=c.since) for c in clients(uow=uow, trainer=me)]


@router.get("/clients/{name}/plans", response_model=list[PlanSummaryView])
async def client_plans(name: ClientName, me: CurrentUser, uow: UowDep) -> list[PlanSummaryView]:
    client = client_named(uow=uow, trainer=me, name=name)
    return [summary_view(s) for s in plan_history(uow=uow, user_id=client.id)]


@router.get("/clients/{name}/plans/{plan_id}", response_model=PlanView)
async def client_plan(name: ClientName, plan_id: PlanId, me: CurrentUser, uow: UowDep) -> PlanView:
    client = client_named(uow=uow, trainer=me, name=name)
    return plan_view(find_plan(uow=uow, owner_id=client.id, plan_id=plan_id), client.name)


@router.get("/clients/{name}/history", response_model=HistoryView)
async def client_log(name: ClientName, me: CurrentUser, uow: UowDep) -> HistoryView:
    return client_history_view(client_workouts(uow=uow, trainer=me, name=name))


@router.put("/clients/{name}/plan", response_model=PlanView)
def replace_client_plan(
    name: ClientName,
    body: PlanRequest,
    me: CurrentUser,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> PlanView:
    """Give the client a new current plan from the questionnaire's answers. With a key, a
    retry keeps no second plan."""
    client = client_named(uow=uow, trainer=me, name=name)
    return keep_once(uow=uow, clock=clock, acting=me, owner=caller_of(client, uow, clock),
                     owner_name=client.name, request=body, key=idempotency_key,
                     response=response)  # fmt: skip
