"""Pages: the onboarding questionnaire, the plan overview and its downloads."""

from __future__ import annotations

import contextlib
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from pydantic import ValidationError

from backtone.domain.errors import InvalidInput, NotFound
from backtone.domain.profile import EQUIPMENT_PRESETS, HOME_KIT, WEEKDAY_NAMES
from backtone.domain.vocabulary import Equipment
from backtone.entrypoints.web.api.plans import download
from backtone.entrypoints.web.deps import (
    ClockDep,
    CsrfChecked,
    PageCaller,
    PageUser,
    UowDep,
)
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.onboarding import PlanRequest, plan_answers, suggested_level
from backtone.entrypoints.web.views.plan import plan_view, summary_view
from backtone.services.planning import adopt_plan, draft_plan
from backtone.services.plans import current_plan, plan_history, saved_profile
from backtone.services.trainers import find_plan

router = APIRouter(include_in_schema=False)
PRESETS = list(EQUIPMENT_PRESETS)


KIT_OPTIONS = [e.value for e in Equipment if e is not Equipment.NONE]


def questionnaire(form: dict[str, object]) -> dict[str, object]:
    suggested = None
    with contextlib.suppress(InvalidInput):  # an answer out of range: the message says which
        suggested = suggested_level(plan_request({**form, "equipment": "home-none"}))
    return {
        "presets": PRESETS,
        "weekdays": WEEKDAY_NAMES,
        "kit_options": KIT_OPTIONS,
        "suggested": suggested.value if suggested else None,
        "form": form,
    }


def plan_request(form: dict[str, object]) -> PlanRequest:
    """The questionnaire's fields as the API's request; a bad value names its field."""
    try:
        return PlanRequest.model_validate({k: v for k, v in form.items() if v not in ("", None)})
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "form"
        raise InvalidInput(field, first["msg"]) from None


@router.get("/onboarding")
async def onboarding_form(
    request: Request, me: PageUser, uow: UowDep, kit: str | None = None
) -> Response:
    """The questionnaire, ticked with the saved kit (or a quick pick's, or the home's)."""
    profile = saved_profile(uow=uow, user_id=me.id)
    ticked = EQUIPMENT_PRESETS.get(kit or "", profile.equipment if profile else HOME_KIT)
    form: dict[str, object] = {"equipment": sorted(e.value for e in ticked)}
    if profile:
        form |= {"units": profile.units.value, "level": profile.level.value,
                 "minutes": profile.minutes, "emphasis": profile.emphasis.value}  # fmt: skip
    return render(request, "onboarding.html", questionnaire(form))


@router.post("/onboarding", dependencies=[CsrfChecked])
def onboarding(
    request: Request,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    weekdays: Annotated[list[str], Form()],
    hang_seconds: Annotated[str, Form(max_length=5)] = "",
    pull_ups: Annotated[str, Form(max_length=5)] = "",
    push_ups: Annotated[str, Form(max_length=5)] = "",
    level: Annotated[str, Form(max_length=20)] = "",
    equipment: Annotated[list[str] | None, Form()] = None,
    minutes: Annotated[str, Form(max_length=5)] = "30",
    emphasis: Annotated[str, Form(max_length=20)] = "tone",
    units: Annotated[str, Form(max_length=5)] = "kg",
    weeks: Annotated[str, Form(max_length=5)] = "8",
    limitations: Annotated[list[str] | None, Form()] = None,
    template: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    form: dict[str, object] = {
        "hang_seconds": hang_seconds,
        "pull_ups": pull_ups,
        "push_ups": push_ups,
        "level": level,
        "equipment": equipment or [],
        "weekdays": weekdays,
        "minutes": minutes,
        "emphasis": emphasis,
        "units": units,
        "weeks": weeks,
        "limitations": limitations or [],
        "template": template,
    }
    on_error_show(request, "onboarding.html", **questionnaire(form))
    plan = draft_plan(uow=uow, caller=caller, **plan_answers(plan_request(form), caller.unit))
    adopt_plan(uow=uow, clock=clock, caller=caller, plan=plan)
    return see_other("/plan")


@router.get("/plan")
async def the_plan(request: Request, me: PageUser, uow: UowDep) -> Response:
    try:
        record = current_plan(uow=uow, user_id=me.id)
    except NotFound:
        return see_other("/onboarding")
    return _plan_page(request, me.name, record, uow, me.id)


@router.get("/plans/{plan_id}")
async def one_plan(request: Request, plan_id: int, me: PageUser, uow: UowDep) -> Response:
    record = find_plan(uow=uow, owner_id=me.id, plan_id=plan_id)
    return _plan_page(request, me.name, record, uow, me.id)


def _plan_page(request: Request, owner: str, record: object, uow: UowDep, user_id: int) -> Response:
    from backtone.domain.plan_record import PlanRecord

    assert isinstance(record, PlanRecord)
    others = [summary_view(s) for s in plan_history(uow=uow, user_id=user_id)]
    return render(request, "plan.html", {"plan": plan_view(record, owner), "history": others})


@router.get("/plans/{plan_id}/calendar.ics")
def plan_calendar(plan_id: int, me: PageUser, uow: UowDep) -> Response:
    from backtone.adapters.formats.plan_ical import plan_to_ical

    record = find_plan(uow=uow, owner_id=me.id, plan_id=plan_id)
    return download(plan_to_ical(record.plan), "text/calendar", f"backtone-plan-{plan_id}.ics")


@router.get("/plans/{plan_id}/plan.pdf")
def plan_pdf(plan_id: int, me: PageUser, uow: UowDep) -> Response:
    from backtone.adapters.formats.plan_pdf import plan_to_pdf

    record = find_plan(uow=uow, owner_id=me.id, plan_id=plan_id)
    return download(plan_to_pdf(record.plan), "application/pdf", f"backtone-plan-{plan_id}.pdf")
