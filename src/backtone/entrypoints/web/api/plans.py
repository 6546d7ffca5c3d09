"""API: make a plan from the questionnaire, list plans, read one, download .ics or .pdf."""

from __future__ import annotations

from fastapi import APIRouter, Path, Response

from backtone.domain.account import Account
from backtone.entrypoints.web.deps import CallerDep, ClockDep, CurrentUser, UowDep
from backtone.entrypoints.web.retries import IdempotencyKey, mark_replayed, once
from backtone.entrypoints.web.views.onboarding import PlanRequest, plan_answers
from backtone.entrypoints.web.views.plan import (
    PlanSummaryView,
    PlanView,
    plan_view,
    summary_view,
)
from backtone.services.context import Caller
from backtone.services.planning import adopt_plan, draft_plan
from backtone.services.plans import current_plan, plan_history
from backtone.services.trainers import find_plan

router = APIRouter(tags=["plans"])
PlanId = Path(ge=1, le=2**31 - 1)


@router.post("/plans", status_code=201, response_model=PlanView)
def create(
    body: PlanRequest,
    me: CurrentUser,
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> PlanView:
    """Answer the questionnaire; the plan made becomes your current one. With a key, a retry
    keeps no second plan."""
    return keep_once(uow=uow, clock=clock, acting=me, owner=caller, owner_name=me.name,
                     request=body, key=idempotency_key, response=response)  # fmt: skip


def keep_once(
    *,
    uow: UowDep,
    clock: ClockDep,
    acting: Account,
    owner: Caller,
    owner_name: str,
    request: PlanRequest,
    key: str | None,
    response: Response,
) -> PlanView:
    """Make the owner's plan (a person's own, or a trainer's client's) and keep it once."""
    plan = draft_plan(uow=uow, caller=owner, **plan_answers(request, owner.unit))

    def action() -> dict[str, object]:
        record = adopt_plan(uow=uow, clock=clock, caller=owner, plan=plan)
        return plan_view(record, owner_name).model_dump(mode="json")

    stored, replayed = once(uow=uow, clock=clock, account=acting, key=key, action=action,
                            scope=f"plan for {owner_name}", body=request)  # fmt: skip
    mark_replayed(response, replayed)
    return PlanView.model_validate(stored)


@router.get("/plans", response_model=list[PlanSummaryView])
async def list_plans(me: CurrentUser, uow: UowDep) -> list[PlanSummaryView]:
    return [summary_view(s) for s in plan_history(uow=uow, user_id=me.id)]


@router.get("/plans/current", response_model=PlanView)
async def the_current_plan(me: CurrentUser, uow: UowDep) -> PlanView:
    return plan_view(current_plan(uow=uow, user_id=me.id), me.name)


@router.get("/plans/{plan_id}", response_model=PlanView)
async def one_plan(me: CurrentUser, uow: UowDep, plan_id: int = PlanId) -> PlanView:
    return plan_view(find_plan(uow=uow, owner_id=me.id, plan_id=plan_id), me.name)


@router.get(
    "/plans/{plan_id}/calendar.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def plan_calendar(me: CurrentUser, uow: UowDep, plan_id: int = PlanId) -> Response:
    """The plan's sessions as calendar events with reminders."""
    from backtone.adapters.formats.plan_ical import plan_to_ical

    record = find_plan(uow=uow, owner_id=me.id, plan_id=plan_id)
    return download(plan_to_ical(record.plan), "text/calendar", f"backtone-plan-{plan_id}.ics")


@router.get(
    "/plans/{plan_id}/plan.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def plan_pdf(me: CurrentUser, uow: UowDep, plan_id: int = PlanId) -> Response:
    """The plan as a printable PDF, a page per week."""
    from backtone.adapters.formats.plan_pdf import plan_to_pdf

    record = find_plan(uow=uow, owner_id=me.id, plan_id=plan_id)
    return download(plan_to_pdf(record.plan), "application/pdf", f"backtone-plan-{plan_id}.pdf")


def download(data: bytes, media_type: str, filename: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
