"""Page: body weight, noted in the person's unit (today or a past day) and listed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response

from backtone.domain.training import read_day
from backtone.entrypoints.web.deps import ClockDep, CsrfChecked, PageCaller, UowDep
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.body_weight import BodyWeightRequest, body_weights_view
from backtone.services.context import Caller
from backtone.services.progress import body_weight_log, record_body_weight

router = APIRouter(include_in_schema=False)
Typed = Annotated[str, Form(max_length=200)]


def _context(uow: UowDep, caller: Caller, **extra: Any) -> dict[str, Any]:
    view = body_weights_view(body_weight_log(uow=uow, caller=caller), caller.unit, caller.tz)
    return {
        "weights": view,
        "newest_first": list(reversed(view.entries))[:60],
        "today": caller.today,
        "typed": {"date": caller.today.isoformat()},
        **extra,
    }


@router.get("/weight")
async def weight_page(
    request: Request, caller: PageCaller, uow: UowDep, saved: bool = False
) -> Response:
    return render(request, "weight.html", _context(uow, caller, saved=saved))


@router.post("/weight", dependencies=[CsrfChecked])
async def note_weight(
    request: Request,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    weight: Typed = "",
    date: Typed = "",
) -> Response:
    """Note a body weight in the person's unit; a mistake shows beside its field."""
    typed = {"weight": weight, "date": date}
    on_error_show(
        request, "weight.html", inline_errors=["weight", "body weight", "date"],
        **_context(uow, caller, typed=typed),
    )  # fmt: skip
    body = BodyWeightRequest.model_validate({"weight": weight.strip() or None})
    day = read_day(date, caller.today) if date.strip() else None
    kg = caller.unit.to_kg(body.weight)
    record_body_weight(
        uow=uow, clock=clock, user_id=caller.user_id, kg=kg,
        on=None if day == caller.today else day, tz=caller.tz,
    )  # fmt: skip
    return see_other("/weight?saved=true")
