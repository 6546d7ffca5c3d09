"""Pages for trainers: clients and invites, one client's plans and log, a new plan for them."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from backtone.entrypoints.web.deps import (
    ClockDep,
    CsrfChecked,
    PageUser,
    UowDep,
    caller_of,
)
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.pages.plans import plan_request, questionnaire
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.onboarding import plan_answers
from backtone.entrypoints.web.views.plan import plan_view
from backtone.entrypoints.web.views.trainer import client_page_view, trainer_view
from backtone.services.planning import adopt_plan, draft_plan
from backtone.services.trainers import (
    client_named,
    client_overview,
    clients,
    create_invite,
    find_plan,
)

router = APIRouter(include_in_schema=False)


@router.get("/trainer")
async def trainer_home(request: Request, me: PageUser, uow: UowDep, code: str = "") -> Response:
    view = trainer_view(clients(uow=uow, trainer=me))
    return render(request, "trainer.html", {"trainer": view, "code": code[:20]})


@router.post("/trainer/invites", dependencies=[CsrfChecked])
async def invite(request: Request, me: PageUser, uow: UowDep, clock: ClockDep) -> Response:
    code = create_invite(uow=uow, clock=clock, trainer=me)
    return render(
        request,
        "trainer.html",
        {"trainer": trainer_view(clients(uow=uow, trainer=me)), "code": code},
    )


@router.get("/trainer/clients/{name}")
async def client(request: Request, name: str, me: PageUser, uow: UowDep) -> Response:
    view = client_page_view(client_overview(uow=uow, trainer=me, name=name))
    return render(request, "client.html", {"client": view})


@router.get("/trainer/clients/{name}/plans/{plan_id}")
async def client_plan(
    request: Request, name: str, plan_id: int, me: PageUser, uow: UowDep
) -> Response:
    found = client_named(uow=uow, trainer=me, name=name)
    record = find_plan(uow=uow, owner_id=found.id, plan_id=plan_id)
    return render(
        request,
        "plan.html",
        {"plan": plan_view(record, found.name), "history": [], "client": found.name},
    )


@router.get("/trainer/clients/{name}/plan")
async def new_plan_form(request: Request, name: str, me: PageUser, uow: UowDep) -> Response:
    found = client_named(uow=uow, trainer=me, name=name)
    return render(request, "onboarding.html", {**questionnaire({}), "client": found.name})


@router.post("/trainer/clients/{name}/plan", dependencies=[CsrfChecked])
async def new_plan(
    request: Request, name: str, me: PageUser, uow: UowDep, clock: ClockDep
) -> Response:
    form = await request.form()
    values: dict[str, object] = {k: v for k, v in form.items() if k not in ("csrf_token",)}
    values["weekdays"] = form.getlist("weekdays")
    values["limitations"] = form.getlist("limitations")
    from starlette.concurrency import run_in_threadpool

    def work() -> None:
        found = client_named(uow=uow, trainer=me, name=name)
        on_error_show(request, "onboarding.html", **questionnaire(values), client=found.name)
        owner = caller_of(found, uow, clock)
        plan = draft_plan(uow=uow, caller=owner, **plan_answers(plan_request(values), owner.unit))
        adopt_plan(uow=uow, clock=clock, caller=owner, plan=plan)

    await run_in_threadpool(work)
    return see_other(f"/trainer/clients/{name}")
